import pytest

from extractor.extract.orgs import find_org_names, find_organizations
from extractor.record import Section


def _sec(key, text, start=0):
    return Section(key=key, heading=None, text=text, page=None, char_start=start, char_end=start + len(text))


@pytest.mark.parametrize("text, names", [
    ("Organisation: Enköpings Kommun, (Arbetsmarknadsenheten)", ["Enköpings kommun"]),
    ("Arbetsförmedlingen Uppsala", ["Arbetsförmedlingen"]),
    ("Håbo kommun och Region Jönköpings län", ["Håbo kommun", "Region Jönköpings län"]),
    ("Västerbottens läns landsting och Samordningsförbundet Skellefteå", ["Västerbottens läns landsting", "Samordningsförbundet Skellefteå"]),
    # the gazetteer knows each kommun's legal name, whatever the letter case or genitive
    ("ENKÖPINGS KOMMUN", ["Enköpings kommun"]),
    ("Kristianstad kommun och Lund kommun", ["Kristianstads kommun", "Lunds kommun"]),
    ("Malmö kommun", ["Malmö stad"]),
    ("Falun kommun, Region Jämtland", ["Falu kommun", "Region Jämtland Härjedalen"]),
    ("Upplands-Bro kommun och Malung-Sälens kommun", ["Upplands-Bro kommun", "Malung-Sälens kommun"]),
    # lists that share one "kommuner"
    ("Insatsen ägs av Heby, Tierp och Östhammars kommuner.", ["Heby kommun", "Tierps kommun", "Östhammars kommun"]),
    # names the gazetteer does not hold still follow the rules
    ("Påhittby kommun och Samordningsförbundet Norra Exempelbygden", ["Påhittby kommun", "Samordningsförbundet Norra Exempelbygden"]),
    ("Landstinget i Uppsala län, Örebro läns landsting", ["Landstinget i Uppsala län", "Örebro läns landsting"]),
    # a place name alone is not an organisation
    ("Unga vuxna i Motala och Vadstena.", []),
])
def test_org_names_are_normalised_to_the_legal_body(text, names):
    assert find_org_names(text) == names


def test_organizations_from_form_fields_and_email_domain():
    text = ("Organisation: Motala kommun. Kontaktperson: Anna Exempelsson, Försäkringskassan"
            "Organisation: Kontaktperson Per Påhittad, per.pahittad@arbetsformedlingen.se")
    sections = [_sec("owner", text[:78]), _sec("partners", text[78:], 78)]
    found = find_organizations(sections, text)
    assert [(o["name"], o["role"]) for o in found] == [("Motala kommun", "owner"), ("Arbetsförmedlingen", "partner")]
    # each keeps where it was read: the name itself, or the e-mail domain that gave it away
    assert [text[o["start"]:o["end"]] for o in found] == ["Motala kommun", "arbetsformedlingen.se"]


def test_partners_field_leaves_out_a_body_it_says_takes_no_part():
    text = ("Region Västerbotten och Arbetsförmedlingen. Storumans kommun deltar i styrgruppen som adjungerad "
            "men är inte part. Sorsele kommun har avböjt att delta.")
    found = find_organizations([_sec("partners", text)], text)
    assert [(o["name"], o["role"]) for o in found] == [("Region Västerbotten", "partner"), ("Arbetsförmedlingen", "partner")]


def test_organizations_from_jointly_run_sentence():
    text = "Verksamheten bedrivs gemensamt av Försäkringskassan och Motala kommun."
    found = find_organizations([], text)
    assert [(o["name"], o["role"]) for o in found] == [("Försäkringskassan", "owner"), ("Motala kommun", "owner")]
    assert [text[o["start"]:o["end"]] for o in found] == ["Försäkringskassan", "Motala kommun"]


def test_email_domain_split_by_print_still_names_the_body():
    text = "Kontakt: per.pahittad@arbets formedlingen.se"
    [org] = find_organizations([_sec("partners", text)], text)
    assert org["name"] == "Arbetsförmedlingen" and text[org["start"]:org["end"]] == "arbets formedlingen.se"


def test_a_blank_organisation_field_is_named_by_its_contacts_address_run_into_the_next_label():
    text = ("Organisation: Kontaktperson: Alva Påhittsson, alva.pahittsson@forsakringskassan.se Resurs/er: "
            "handläggare 20 %. Organisation: Region Gävleborg. Kontaktperson: Bo Exempelberg.")
    names = {(o["name"], o["role"]) for o in find_organizations([_sec("partners", text)], text)}
    assert names == {("Försäkringskassan", "partner"), ("Region Gävleborg", "partner")}


def test_gazetteer_holds_every_kommun_and_region():
    from extractor.extract.gazetteer import load

    data = load()
    assert sum(len(names) for names in data["kommuner"].values()) == 290
    assert len(data["kommuner"]) == 21 and len(data["regioner"]) == 21


def test_the_ner_pipeline_keeps_known_bodies_whole():
    from extractor.extract.nlp import load_nlp

    nlp = load_nlp()
    assert nlp.pipe_names.index("org_gazetteer") < nlp.pipe_names.index("ner")
    doc = nlp("Anna Exempelsson arbetar på Region Jämtland Härjedalen och Enköpings kommun.")
    orgs = [e.text for e in doc.ents if e.label_ == "ORG"]
    assert orgs == ["Region Jämtland Härjedalen", "Enköpings kommun"]


def test_jointly_run_sentence_wrapped_over_a_line():
    text = "Verksamheten drivs gemensamt av Karlshamns kommun och Landstinget\nBlekinge. Parter är AF."
    found = find_organizations([], text)
    assert [(o["name"], o["role"]) for o in found] == [("Karlshamns kommun", "owner"), ("Landstinget Blekinge", "owner")]
    assert text[found[1]["start"]:found[1]["end"]] == "Landstinget\nBlekinge"


def test_a_forbund_named_before_its_kind_is_kept_as_written():
    from extractor.extract.gazetteer import find_org_spans

    text = "Projektägare\tExempeldalens samordningsförbund\nSedan 2008 finns Norra Exempellandets samordningsförbund."
    assert [name for _, _, name in find_org_spans(text)] == [
        "Exempeldalens samordningsförbund", "Norra Exempellandets samordningsförbund"]


def test_a_one_word_body_misspelt_by_a_letter_and_no_other_word():
    from extractor.extract.gazetteer import misspelt_body

    assert misspelt_body("Försäkringskasssan") == "Försäkringskassan"
    assert misspelt_body("Arbetsförmedlingn") == "Arbetsförmedlingen"
    assert misspelt_body("Arbetsmarknaden") is None
    assert misspelt_body("Skolverk") is None  # too short to tell a typo from another word


def test_partner_from_an_address_followed_by_the_next_label_and_from_one_split_by_a_space():
    text = ("Organisation: Kontaktperson: Per Påhittad, per.pahittad@arbetsformedlingen.se Resurs/er: 25 %. "
            "Organisation: Kontaktperson: Ada Admin, ada.admin@regionupp sala.se, 018-00 00 00")
    found = find_organizations([_sec("partners", text)], text)
    assert [(o["name"], o["role"]) for o in found] == [("Arbetsförmedlingen", "partner"), ("Region Uppsala", "partner")]


def test_an_address_at_the_end_of_a_sentence_names_its_body():
    text = "Kontakt: alva.pahittsson@forsakringskassan.se."
    [org] = find_organizations([_sec("partners", text)], text)
    assert org["name"] == "Försäkringskassan" and text[org["start"]:org["end"]] == "forsakringskassan.se"


def test_long_paragraph_line_finds_the_bodies_the_whole_line_holds(monkeypatch):
    """A reflowed PDF holds a paragraph on one line; the ruler reads only the words near its
    anchor words, and finds there what it finds reading the whole line."""
    from extractor.extract import gazetteer

    filler = "Deltagarna träffar sin coach varje vecka och planerar nästa steg tillsammans med teamet. "
    line = (filler * 6 + "Region Östergötland och Upplands-Bro kommun deltar, liksom Arbetsförmedlingen. "
            + filler * 9 + "Handläggare från Försäkringskassan deltar, liksom Västerbottens läns landsting. " + filler * 4
            + "Till sist Linköpings kommun")
    text = "Inledning\n" + line + "\nSlut hos Arbetsförmedlingen"
    windowed = gazetteer._find_org_spans(text)
    monkeypatch.setattr(gazetteer, "_windows", lambda line, hits: [(0, line)] if hits else [])
    whole = gazetteer._find_org_spans(text)
    assert windowed == whole
    assert {name for _, _, name in whole} >= {"Region Östergötland", "Arbetsförmedlingen", "Försäkringskassan",
                                             "Linköpings kommun"}
    assert all(text[s:e].split()[-1] in ("Östergötland", "kommun", "Arbetsförmedlingen", "Försäkringskassan",
                                          "landsting") for s, e, _ in whole)


def test_window_holds_the_longest_name_the_ruler_knows():
    from extractor.extract import gazetteer

    ruler = gazetteer.org_ruler().get_pipe("org_gazetteer")
    longest = max(len(p["pattern"]) if isinstance(p["pattern"], list) else len(p["pattern"].split())
                  for p in ruler.patterns)
    assert longest <= gazetteer.WINDOW_WORDS
    assert max(len(s.split()) for s in gazetteer.surfaces()) <= gazetteer.WINDOW_WORDS


def test_lines_are_read_by_their_anchor_words_as_by_the_anchor_regex(monkeypatch):
    from extractor.extract import gazetteer

    text = ("Insatsen drivs av EXEMPELBY KOMMUN och Region Påhittland.\nKommunens stöd fortsätter i regionerna.\n"
            "Samordningsförbundet Exempeldalen, Arbetsförmedlingen-Försäkringskassan och Landstinget i Påhitts län.\n"
            "Ingen myndighet på den här raden, men Arbetsförmedlingen på nästa.\n" + "Lång rad utan namn " * 40 + "men Påhittby kommun på slutet.")
    found = gazetteer._find_org_spans(text)
    monkeypatch.setattr(gazetteer, "_anchor_words", lambda: None)  # every line to the regex
    assert found == gazetteer._find_org_spans(text)
    assert {"Påhittby kommun", "Region Påhittland", "Samordningsförbundet Exempeldalen", "Arbetsförmedlingen"} <= {
        name for _, _, name in found}


def test_partners_field_leaves_out_the_forbund_that_pays():
    text = ("Parterna är Region Uppsala samt Arbetsförmedlingen. Insatsen finansieras av Samordningsförbundet "
            "Uppsala län.")
    found = find_organizations([_sec("partners", text)], text)
    assert [(o["name"], o["role"]) for o in found] == [("Region Uppsala", "partner"), ("Arbetsförmedlingen", "partner")]


def test_partners_table_leaves_out_the_forbund_in_a_financiers_row():
    text = ("Part\tRoll i insatsen\nRegion Stockholm\tSamverkanspart\nSamordningsförbundet Exempel\tSamverkanspart\n"
            "Samordningsförbundet Påhitt\tFinansiär\n")
    found = find_organizations([_sec("partners", text)], text)
    assert [o["name"] for o in found] == ["Region Stockholm", "Samordningsförbundet Exempel"]
