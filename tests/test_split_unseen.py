"""Section splitting on templates whose headings are worded unlike the ones seen so far (invented text)."""
import pytest

from extractor.heading_keys import guess_key, match_key
from extractor.record import Document, Hint
from extractor.split import split


def _doc(text: str, hints=None) -> Document:
    return Document(path="t.txt", format="txt", sha256="0" * 64, text=text, hints=hints or [])


def _styled(pairs: list[tuple[str, str]]) -> Document:
    """A document whose headings carry a Word heading style: [(heading, text), ...]."""
    lines, hints, offset = [], [], 0
    for heading, body in pairs:
        hints.append(Hint(offset, offset + len(heading), 1))
        lines += [heading, body]
        offset += len(heading) + 1 + len(body) + 1
    return _doc("\n".join(lines) + "\n", hints)


@pytest.mark.parametrize("heading, key", [
    ("Utgångsläge", "background"), ("Nuläge och behov", "background"), ("Problembild", "background"),
    ("Avsikt med projektet", "purpose"), ("Målsättning", "goals"), ("Förväntade effekter", "goals"),
    ("Delmål", "goals"), ("Målgruppsbeskrivning", "target_group"), ("Deltagarprofil", "target_group"),
    ("Så här arbetar vi", "methods"), ("Arbetsmodell", "methods"), ("Metodik", "methods"),
    ("Projektets upplägg", "methods"), ("Tidsram", "period"), ("Tidsplan och aktiviteter", "period"),
    ("Ekonomi", "budget"), ("Kostnadsberäkning", "budget"), ("Finansieringsplan", "budget"),
    ("Sökta medel", "budget"), ("Kostnader och intäkter", "budget"), ("Utvärderingsplan", "follow_up"),
    ("Efter projekttiden", "dissemination"), ("Överlämning till ordinarie verksamhet", "dissemination"),
    ("Ansvarig part", "owner"), ("Projektägande organisation", "owner"), ("Insatsens benämning", "title"),
    ("Samarbete mellan parterna", "collaboration"), ("Övriga aktörer", "partners"), ("Signering", "signatures"),
    ("Lead organisation", "owner"), ("Problem description", "background"), ("Expected outcomes", "goals"),
    ("Working methods", "methods"), ("Monitoring and evaluation", "follow_up"), ("Time frame", "period"),
    ("Risker och hinder", "other"),
])
def test_lexicon_knows_other_wordings(heading, key):
    assert match_key(heading)[0] == key


@pytest.mark.parametrize("heading, key", [
    # a compound's last part names it: a follow-up of results
    ("Resultatuppföljning i styrgruppen", "follow_up"),
    # a phrase's head comes before its preposition
    ("Samverkan under perioden", "collaboration"),
    # coordinated words have no one head
    ("Mål och metod", "other"),
    ("Vilka ska projektet nå?", "target_group"),
    ("Hur vet vi att vi lyckas?", "follow_up"),
    ("Vad har genomförts under våren?", "methods"),
])
def test_guess_key_reads_heads_and_questions(heading, key):
    assert guess_key(heading) == key


def test_styled_headings_of_unseen_wording_get_their_keys():
    doc = _styled([("Påhittsprojektet", "En ansökan."), ("Utgångsläge", "Många står utan arbete."),
                   ("Vilka ska insatsen nå?", "Vuxna i Exempelby."), ("Så här arbetar vi", "Med coacher."),
                   ("Ekonomi", "Vi söker 100 000 kr.")])
    assert [(s.key, s.text) for s in split(doc)][1:] == [
        ("background", "Många står utan arbete."), ("target_group", "Vuxna i Exempelby."),
        ("methods", "Med coacher."), ("budget", "Vi söker 100 000 kr.")]


def test_capitals_headings_are_whole_lines_and_unknown_ones_end_sections():
    text = ("PROJEKTNAMN\nPåhittet\nBAKGRUND OCH BEHOV\nMånga i Exempelby saknar stöd.\n"
            "ARBETSSÄTTET I VARDAGEN\nDeltagarna tränar i grupp.\nLOKALER OCH MILJÖ\nEtt hus vid torget.\n"
            "EKONOMI\nKostnaden blev 10 000 kr.\n")
    sections = [(s.key, s.heading, s.text) for s in split(_doc(text))]
    assert sections == [
        ("title", "PROJEKTNAMN", "Påhittet"),
        ("background", "BAKGRUND OCH BEHOV", "Många i Exempelby saknar stöd."),
        ("methods", "ARBETSSÄTTET I VARDAGEN", "Deltagarna tränar i grupp."),
        ("other", "LOKALER OCH MILJÖ", "Ett hus vid torget."),
        ("budget", "EKONOMI", "Kostnaden blev 10 000 kr."),
    ]


def test_colon_headings_of_unknown_wording_count_where_the_template_uses_colons():
    text = ("Insatsens namn:\nPåhittet\nAnsvarig part:\nExempelby kommun\nDeltagare hittills:\nTolv personer.\n"
            "Samverkan under våren:\nStyrgruppen har mötts.\nDeltagarna erbjuds:\nSamtal och praktik.\n")
    keys = [(s.key, s.heading) for s in split(_doc(text))]
    assert keys == [("title", "Insatsens namn:"), ("owner", "Ansvarig part:"),
                    ("participants", "Deltagare hittills:"), ("collaboration", "Samverkan under våren:")]
    # "Deltagarna erbjuds:" points at no section: it opens a list inside the text
    assert split(_doc(text))[-1].text == "Styrgruppen har mötts.\nDeltagarna erbjuds:\nSamtal och praktik."


def test_a_lone_colon_or_capitals_line_is_no_heading_without_known_ones_alike():
    text = "Bakgrund\nMånga saknar stöd. Vi gör så här:\nSamverkan under våren:\nStyrgruppen har mötts.\n"
    assert [s.key for s in split(_doc(text))] == ["background"]


def test_a_modifier_of_source_does_not_decide_the_key():
    # results reported from a period are neither goals nor a period
    assert guess_key("Resultat från den förra perioden") == "other"


def test_label_cells_of_unknown_wording_in_a_form_table():
    text = ("Ansökningsblankett\nProjektnamn\tPåhittet\nAnsvarig part\tExempelby kommun\n"
            "Projektets varaktighet\t2026-01-01 – 2026-12-31\nNamnförtydligande\tAnna Påhittsdotter\n"
            "Målgrupp\tUnga i Exempelby\n")
    sections = [(s.key, s.heading, s.text) for s in split(_doc(text))]
    # "Namnförtydligande" names no section: it stays a field of the section before
    assert sections == [
        ("title", "Projektnamn", "Påhittet"), ("owner", "Ansvarig part", "Exempelby kommun"),
        ("period", "Projektets varaktighet", "2026-01-01 – 2026-12-31\nNamnförtydligande\tAnna Påhittsdotter"),
        ("target_group", "Målgrupp", "Unga i Exempelby"),
    ]


def test_one_unknown_label_cell_heads_nothing_without_known_labels_beside_it():
    text = "Bakgrund\nMånga saknar stöd.\nProjektets varaktighet\tett år\n"
    assert [s.key for s in split(_doc(text))] == ["background"]


def test_html_heading_elements_become_hints_and_head_sections(tmp_path):
    from extractor.read import read

    page = tmp_path / "ansokan.html"
    page.write_text("<!DOCTYPE html><html><body><h1>Ansökan – Påhittet</h1><p>Exempelby.</p>"
                    "<h2 class='x'>Problembild</h2><p>Många saknar stöd.</p>"
                    "<h2>Vad vill vi uppnå?</h2><p>Fler i arbete.</p></body></html>", encoding="utf-8")
    doc = read(page)
    assert [doc.text[h.start:h.end] for h in doc.hints] == [
        "Ansökan – Påhittet", "Problembild", "Vad vill vi uppnå?"]
    assert "\x02" not in doc.text and "\x03" not in doc.text
    assert [(s.key, s.text) for s in split(doc) if s.key != "other"] == [("background", "Många saknar stöd."), ("goals", "Fler i arbete.")]


def test_inline_labels_of_unknown_wording_in_a_form_of_known_labels():
    text = ("Insatsens namn: Påhittet\nInsatsägare: Exempelby kommun\nArbetets upplägg: Vi träffas varje vecka.\n"
            "Kontaktperson: Anna Påhittsdotter\nMålgrupp: Unga vuxna.\n")
    sections = [(s.key, s.heading, s.text) for s in split(_doc(text))]
    # the contact person is a field of the section above, not a section
    assert sections == [
        ("title", "Insatsens namn", "Påhittet"), ("owner", "Insatsägare", "Exempelby kommun"),
        ("methods", "Arbetets upplägg", "Vi träffas varje vecka.\nKontaktperson: Anna Påhittsdotter"),
        ("target_group", "Målgrupp", "Unga vuxna."),
    ]


def test_an_inline_label_of_unknown_wording_alone_in_prose_heads_nothing():
    text = "Bakgrund\nMånga saknar stöd.\nArbetets upplägg: Vi träffas varje vecka.\n"
    assert [s.key for s in split(_doc(text))] == ["background"]


def test_a_form_table_of_mostly_unknown_labels_with_one_known():
    text = ("Insatsägare\tExempelby kommun\nBeskrivning av behovet\tMånga saknar stöd.\n"
            "Arbetsupplägg\tCoacher och praktik.\nProjektets varaktighet\t2026-01-01 – 2027-12-31\n")
    assert [s.key for s in split(_doc(text))] == ["owner", "background", "methods", "period"]
    # one pointing line beside the one known label is too few to call the shape the template's
    # ("Beskrivning av behovet" is known by its words: it describes the background)
    lines = text.split("\n")
    assert [s.key for s in split(_doc(lines[0] + "\n" + lines[2] + "\n"))] == ["owner"]


@pytest.mark.parametrize("heading, key", [
    ("Motivering", "background"), ("Ändamål", "purpose"), ("Tillvägagångssätt", "methods"),
    ("Prioriterade grupper", "target_group"), ("Kalkyl", "budget"),
])
def test_lexicon_knows_plain_synonyms(heading, key):
    assert match_key(heading)[0] == key


@pytest.mark.parametrize("heading, key", [
    ("Vem kan delta?", "target_group"), ("Hur ser situationen ut i dag?", "background"),
    ("Vad erbjuds deltagarna?", "methods"), ("Vad ska uppnås?", "goals"),
    ("Omfattning", "participants"), ("Namn på satsningen", "title"),
    ("Fortsättning efter projektet", "dissemination"), ("Mätning av effekter", "follow_up"),
    ("Förutsättningar i kommunen", "background"), ("Organisationen som ansöker", "owner"),
])
def test_guess_key_knows_meanings_by_stems_and_questions(heading, key):
    assert guess_key(heading) == key


def test_numbered_headings_of_mostly_unknown_wording_with_one_known():
    text = ("Ansökan\n1. Namn på satsningen\nPåhittet\n2. Huvudansvarig\nExempelby kommun\n"
            "3. Förutsättningar i kommunen\nMånga saknar arbete.\n4. Tillvägagångssätt\nCoacher och praktik.\n")
    assert [s.key for s in split(_doc(text))] == ["title", "owner", "background", "methods"]



def test_short_lines_alone_after_a_blank_line_in_a_text_of_such_headings():
    text = ("Ansökan\n\nBakgrund\nMånga i Exempelby saknar arbete.\n\nMålgrupp\nUnga vuxna.\n\n"
            "Utformning av stödet\nCoacher.\n\nExempelby torg\nSkrivet i maj.\n")
    sections = [(s.key, s.heading, s.text) for s in split(_doc(text))]
    # "Exempelby torg" points at no section and stays text of the one above
    assert sections == [("background", "Bakgrund", "Många i Exempelby saknar arbete."),
                        ("target_group", "Målgrupp", "Unga vuxna."),
                        ("methods", "Utformning av stödet", "Coacher.\n\nExempelby torg\nSkrivet i maj.")]


def test_a_short_line_after_a_blank_line_heads_nothing_without_such_known_headings():
    text = "Bakgrund: Många saknar arbete.\n\nUtformning av stödet\nCoacher.\n"
    assert [s.key for s in split(_doc(text))] == ["background"]


def test_lines_alone_that_are_a_letterhead_a_file_name_or_figures_head_nothing():
    text = ("Samverkan i Exempelby län\n\nBakgrund\nMånga saknar arbete.\n\nMålgrupp\nUnga vuxna.\n\n"
            "Utformning av stödet\nCoacher.\n\nAnsokan_samverkan-exempelby.pdf\nNio sidor.\n\nSamverkan 2026\nSe bilaga.\n")
    sections = [(s.key, s.heading) for s in split(_doc(text))]
    assert sections == [("background", "Bakgrund"), ("target_group", "Målgrupp"), ("methods", "Utformning av stödet")]


@pytest.mark.parametrize("heading, key", [
    ("Sustainability after the project", "dissemination"), ("Who will the project reach?", "target_group"),
    ("Evaluation plan", "follow_up"), ("Costs and funding", "budget"), ("Needs and context", "background"),
])
def test_guess_key_reads_english_headings(heading, key):
    assert guess_key(heading) == key


@pytest.mark.parametrize("heading, key", [
    # "arbetsform" lies inside "samarbets|former": the word's own stem counts
    ("Samarbetsformer", "collaboration"),
    ("Personer som insatsen vänder sig till", "target_group"),
    ("Vilka deltagarna är", "target_group"),
])
def test_guess_key_overlapping_stems_and_statements(heading, key):
    assert guess_key(heading) == key


@pytest.mark.parametrize("line, heading", [
    ("Målgrupp – vilka vänder sig insatsen till?", "Målgrupp – vilka vänder sig insatsen till?"),
    ("Budget – sammanställning", "Budget – sammanställning"),
    # a value after the dash is the section's text
    ("Budget – se bilaga", "Budget"),
    ("Målgrupp – unga vuxna 18–29 år i Exempelby", "Målgrupp"),
])
def test_a_headings_subtitle_after_a_dash_belongs_to_the_heading(line, heading):
    sections = split(_doc(f"{line}\n\nInsatsen vänder sig till unga vuxna i Exempelby.\n"))
    assert sections[0].heading == heading


def test_a_contents_list_without_leader_dots_heads_nothing():
    toc = "".join(f"{n} {h} {p}\n" for n, h, p in [(1, "Bakgrund", 2), (2, "Syfte", 2), (3, "Målgrupp", 3), (4, "Budget", 4)])
    body = "1 Bakgrund\nI Exempelby saknas stöd.\n2 Syfte\nEn väg in.\n3 Målgrupp\nUnga vuxna.\n4 Budget\nVi söker 900 000 kronor.\n"
    sections = split(_doc("Ansökan om medel\nInnehåll\n" + toc + "\n" + body))
    assert [(s.key, s.text) for s in sections if s.key != "other"] == [
        ("background", "I Exempelby saknas stöd."), ("purpose", "En väg in."), ("target_group", "Unga vuxna."),
        ("budget", "Vi söker 900 000 kronor.")]


def test_a_wrapped_line_of_prose_that_opens_with_a_heading_word_heads_nothing():
    text = ("Bakgrund\nI Exempelby saknas stöd för unga vuxna och parterna har under lång tid sett att resurserna\n"
            "Målgruppen för insatsen är unga vuxna som varken arbetar eller studerar och som\n"
            "behöver stöd från flera parter samtidigt.\n\nSyfte\nInsatsen ska ge en väg in.\n")
    assert [s.key for s in split(_doc(text))] == ["background", "purpose"]


@pytest.mark.parametrize("heading, key", [
    ("Styrning", "collaboration"), ("Organisation och styrning", "collaboration"), ("Styrgrupp", "collaboration"),
])
def test_lexicon_knows_steering_as_collaboration(heading, key):
    assert match_key(heading)[0] == key


def test_guess_key_reads_who_we_turn_to_as_the_target_group():
    assert guess_key("VILKA VI VÄNDER OSS TILL") == "target_group"


def test_questions_numbered_with_the_word_fraga_head_their_answers():
    text = ("Ansökan om medel\nFråga 1. Vad heter projektet?\nSvar: Påhittet\nFråga 2. Varför behövs projektet?\n"
            "Svar: I Exempelby saknas stöd.\nFråga 3. Vilka är målgruppen?\nSvar: Unga vuxna 18–29 år.\n")
    assert [(s.key, s.heading) for s in split(_doc(text))] == [
        ("title", "Fråga 1. Vad heter projektet?"), ("background", "Fråga 2. Varför behövs projektet?"),
        ("target_group", "Fråga 3. Vilka är målgruppen?")]


def test_a_label_in_capitals_is_whole_up_to_its_colon():
    text = "BAKGRUND OCH BEHOV: I Exempelby saknas stöd.\nSYFTE: Insatsen ska ge en väg in.\n"
    assert [(s.key, s.heading, s.text) for s in split(_doc(text))] == [
        ("background", "BAKGRUND OCH BEHOV", "I Exempelby saknas stöd."), ("purpose", "SYFTE", "Insatsen ska ge en väg in.")]


def test_a_lettered_parts_numbered_questions_head_sections():
    text = ("A. Uppgifter om sökande\nSökande organisation: Exempelby kommun\nB. Beskrivning av insatsen\n"
            "B1. Bakgrund\nI Exempelby saknas stöd.\nB2. Syfte\nEn väg in.\nB3. Målgrupp\nUnga vuxna.\nC. Ekonomi\nVi söker 900 000 kronor.\n")
    keys = [s.key for s in split(_doc(text))]
    assert keys[-4:] == ["background", "purpose", "target_group", "budget"]


@pytest.mark.parametrize("heading, key", [
    ("Projektets målgrupp", "target_group"), ("Insatsens arbetssätt", "methods"), ("Projektets budget", "budget"),
    ("Verksamhetens uppföljning", "follow_up"),
])
def test_a_possessive_before_a_known_heading_keeps_its_key(heading, key):
    assert match_key(heading)[0] == key


@pytest.mark.parametrize("line", [
    "Målgruppen har vuxit under året", "Budget och uppföljning sköts av projektledaren",
    "Syftet med mötet var att planera hösten", "Uppföljningen visar att fler fått arbete",
])
def test_a_statement_without_its_stop_heads_nothing(line):
    text = f"Bakgrund\nI Exempelby saknas stöd.\n\n{line}\n\nDet blev en bra dag.\n\nMålgrupp\nUnga vuxna.\n"
    assert [s.key for s in split(_doc(text))] == ["background", "target_group"]


@pytest.mark.parametrize("question, key", [
    ("Vilka samarbetspartner finns?", "partners"), ("Vilka är projektets parter?", "partners"),
    ("Hur ska projektet styras?", "collaboration"), ("Vilka insatser erbjuds deltagarna?", "methods"),
    ("Vad vill projektet förändra?", "goals"),
])
def test_guess_key_reads_more_questions(question, key):
    assert guess_key(question) == key


def test_a_numbered_tables_heading_cell_heads_the_row():
    text = ("Ansökan om medel\n1\tProjektnamn\tPåhittet\n2\tBakgrund\tI Exempelby saknas stöd.\n3\tSyfte\tEn väg in.\n"
            "4\tMålgrupp\tUnga vuxna 18–29 år.\n")
    assert [(s.key, s.text) for s in split(_doc(text))] == [
        ("title", "Påhittet"), ("background", "I Exempelby saknas stöd."), ("purpose", "En väg in."),
        ("target_group", "Unga vuxna 18–29 år.")]


@pytest.mark.parametrize("first, second", [
    ("Beskriv metod för samverkan mellan samtliga samverkansparter och hur", "uppföljning ska ske (*)"),
    ("Målgrupp och", "rekrytering"),
])
def test_a_heading_wrapped_over_two_lines_is_one_heading(first, second):
    text = f"Bakgrund\nI Exempelby saknas stöd.\n\n{first}\n{second}\nUnga vuxna och en styrgrupp.\n\nBudget\nVi söker 900 000 kr.\n"
    section = split(_doc(text))[1]
    assert section.heading == f"{first} {second}" and section.text == "Unga vuxna och en styrgrupp."


@pytest.mark.parametrize("heading, key", [
    ("Redogör för projektets bakgrund", "background"), ("Beskriv kortfattat projektets syfte", "purpose"),
    ("Ange projektperiod", "period"), ("Redovisa budget", "budget"), ("Beskriv här projektets målgrupp", "target_group"),
])
def test_a_forms_instruction_before_a_known_heading_keeps_its_key(heading, key):
    assert match_key(heading)[0] == key


def test_an_instruction_to_give_a_name_is_no_title_field():
    assert match_key("Ange namn") is None
