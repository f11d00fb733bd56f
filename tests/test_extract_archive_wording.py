"""Wordings of archived förbund texts (transcripts, web copies, notices): invented texts."""
import pytest

from extractor.classify import classify_doc_type
from extractor.extract.amounts import find_amounts
from extractor.extract.meta import find_title
from extractor.extract.named_people import find_named_people
from extractor.extract.names import find_title_in_prose
from extractor.extract.numbers import words_to_digits
from extractor.extract.orgs import find_org_names
from extractor.extract.roles import find_roles
from extractor.record import Section


@pytest.mark.parametrize("text, name", [
    # a compound says what kind of project: "socialfondsprojektet X"
    ("Samverkan på riktigt\nUtvärdering av socialfondsprojektet Bryggsteget 2031. "
     "Rapporten följer socialfondsprojektet Bryggsteget, som bedrivs i Exempelby.", "Bryggsteget"),
    # a name is said to be a project of some compound kind, a few words between
    ("Sammanfattning. Gläntan är ett stöd och utvecklingsprojekt för unga i Exempelby.", "Gläntan"),
    # a transcript runs the heading into the sentence
    ("Gläntan Slutrapport\n\n3 Sammanfattning Gläntan är ett stöd- och utvecklingsprojekt för unga.", "Gläntan"),
    # a name in sentence case, named again
    ("Stödjande samtal\n\nStödjande samtal var ett nationellt projekt. Stödjande samtal pågick i tre år.",
     "Stödjande samtal"),
    # a form's next labels are no part of the name
    ("Projekt Uppföljning av Trappsteget Projektansvarig Projektägare Alva Påhittsson, Enheten",
     "Uppföljning av Trappsteget"),
])
def test_title_in_archived_wordings(text, name):
    found = find_title_in_prose(text)
    assert (found[0] if found else None) == name


@pytest.mark.parametrize("text", [
    # said once only, in sentence case: a phrase, not a name
    "Nu händer det\n\nStödjande samtal var ett nationellt projekt i flera län.",
    # a law is no project: "Finsam-lagen ses över"
    "Finsam-lagen ses över\n\nNu ska Finsam-lagen ses över av regeringen.",
    # a headline with a phone label is a person's contact line
    "PROJEKTRAPPORT. Alva Påhittsson, Enheten för stöd, mobil:\n\nAlva Påhittsson leder arbetet.",
])
def test_no_title_from_a_law_a_phrase_or_a_contact_line(text):
    assert find_title_in_prose(text) is None


def test_a_contents_list_under_a_name_heading_is_no_title():
    text = "Innehåll\n9.7 PROJEKT " + "PÅHITT ÖVNING EXEMPEL STEG " * 6 + "\n"
    start = text.index("PÅHITT")
    section = Section("title", "9.7 PROJEKT", text[start:], None, start, len(text))
    assert find_title([section], text) is None


@pytest.mark.parametrize("text, expected", [
    ("Aktör: Påhittbolaget AB. Samordningsförbundet Exempeldalen var lokal projektägare.",
     [("Samordningsförbundet Exempeldalen", "owner")]),
    # the four kinds of party in general are the law's words, no project's partners
    ("Lagen ger förbunden en ram för samverkan mellan kommun, region, Försäkringskassan och Arbetsförmedlingen.", []),
])
def test_roles_in_archived_prose(text, expected):
    assert [(r.name, r.role) for r in find_roles(text)] == expected


def test_a_historical_employment_board_is_a_body():
    assert "Länsarbetsnämnden" in find_org_names("Samarbete inleddes med Länsarbetsnämnden i Exempellän.")


def test_millions_counted_in_a_word_under_ten():
    text = words_to_digits("Påhittfonden ger Exempelby nio miljoner kronor till tre insatser.")
    assert [a.value for a in find_amounts(text, [])] == [9000000]
    assert words_to_digits("två deltagare") == "två deltagare"


@pytest.mark.parametrize("text, names", [
    # a group's label runs into the name; a list runs the last surname into the next name
    ("Styrgrupp Per Exempel Alva Påhittsson Projektledare Alva Påhittsson Projektgrupp Gläntan", ["Alva Påhittsson"]),
    # a run of signatures: each body's name before its signer
    ("Alva Påhittsson Generaldirektör Arbetsförmedlingen Per Exempelsson Generaldirektör Försäkringskassan",
     ["Alva Påhittsson", "Per Exempelsson"]),
])
def test_names_without_the_labels_and_bodies_run_into_them(text, names):
    assert [p[0] for p in find_named_people(text)] == names


def test_a_meeting_notice_decides_nothing():
    # a transcript runs the letterhead, the sender and the notice's kind into one line
    text = ("Föregående mötes protokoll gås igenom först.\n\n1 Samordningsförbundet Exempeldalen Alva Påhittsson "
            "KALLELSE/UNDERRÄTTELSE Tid: Fredag 3 mars 2031. 1. Val av justerare. Förbundet föreslås besluta att utse "
            "justerare. 2. Årsredovisning.\n")
    assert classify_doc_type(text) == "other"
    assert classify_doc_type(text.replace("KALLELSE/UNDERRÄTTELSE", "PROTOKOLL") + "§ 1 Val av justerare") == "decision"


def test_a_report_that_says_it_is_the_projects_final_report():
    text = "Påhitt: vägar till arbete\nFörordDenna skrift är slutrapporten från projektet PÅHITT, som startade 2030."
    assert classify_doc_type(text) == "final_report"


@pytest.mark.parametrize("text, name", [
    # a long name in capitals after the word that says it names a project
    ("Exempelby folkhögskola\nFörordDenna skrift beskriver projektet GLÄNTSTEGEN, vars namn är en förkortning.\n"
     "GLÄNTSTEGEN: vägar till arbete", "GLÄNTSTEGEN"),
    # a transcript's page chrome does not count against the document's own opening
    ("Rapporter från förbundet\n\nStorlek: px\nStarta visningen från sidan:\n\nDownload \"Rapporter\"\n\n"
     + "Spara som PDF. " * 12 + "\n\nTranskript\n\n1 PROJEKTRAPPORT Projekt Trappsteget Projektansvarig Alva Påhittsson",
     "Trappsteget"),
])
def test_title_in_copies_of_reports(text, name):
    found = find_title_in_prose(text)
    assert (found[0] if found else None) == name


def test_a_shouted_word_without_a_cue_is_still_no_name():
    assert find_title_in_prose("VERKSAMHETSBERÄTTELSE\n\nÅret i korthet. VERKSAMHETSBERÄTTELSE för förbundet.") is None


@pytest.mark.parametrize("text, expected", [
    ("Exempeldalens samordningsförbund - en kvalitativ utvärdering Alva Påhittsson FoU-rapport 2031:1\n\nRättelse",
     "final_report"),
    ("Vägar till arbete Alva Påhittsson arbetslivsrapport nr 2030:3 Tema: Ett arbetsliv för alla", "final_report"),
])
def test_a_numbered_report_of_a_series(text, expected):
    assert classify_doc_type(text) == expected


def test_a_list_of_partners_ends_at_a_passive_verb():
    text = ("Projektet genomfördes i samverkan mellan Region Exempelland och Försäkringskassan 1 slutrapporterades "
            "till Samordningsförbundet Exempeldalen i december.")
    assert [(r.name, r.role) for r in find_roles(text) if r.role == "partner"] == [
        ("Region Exempelland", "partner"), ("Försäkringskassan", "partner")]


def test_an_esf_forms_project_organiser_is_the_owner():
    text = "Projektnamn: Påhittprojektet Projektanordnare: Exempelby kommun Projektperiod: Total projektkostnad: sek"
    assert ("Exempelby kommun", "owner") in [(r.name, r.role) for r in find_roles(text)]


def test_an_english_page_on_a_projects_economy():
    from extractor.extract.budget import find_budget
    from extractor.extract.period import find_period
    text = ("Our trial in Exempelby had a budget of 3 million Swedish kronor for staff and premises. Coaches worked "
            "in the project during the period 1 March 2030 to 30 June 2031.")
    amounts = find_amounts(text, [])
    assert [a.value for a in amounts] == [3000000]
    assert find_budget(text, amounts, [], "other")["total_sek"] == 3000000
    assert find_period([], text, doc_type="other") == {"start": "2030-03-01", "end": "2031-06-30", "intake_end": None}


def test_an_invitation_is_signed_after_its_welcome():
    text = "Styrelsen kallas till möte i Exempelby. Välkomna! Alva Påhittsson Per Exempelsson Vi bjuder på fika."
    assert [p[0] for p in find_named_people(text)] == ["Alva Påhittsson", "Per Exempelsson"]


@pytest.mark.parametrize("sentence", [
    "Handläggaren ser ett behov av att skolan i Exempelby börjar arbeta med IPS längre fram.",
    "Rapporten nämner två hinder mot att införa IPS i Exempelby i dag.",
])
def test_a_need_seen_or_barriers_to_a_method_are_no_use(sentence):
    from extractor.method_rules import verdict
    masked = sentence.replace("IPS", "METODNAMN", 1)
    assert verdict(masked, None) == (False, "investigate")


def test_bodies_granted_money_for_a_project_run_it():
    text = "Exempelby kommun, Arbetsförmedlingen och Försäkringskassan har fått medel från Påhittfonden till ett projekt."
    assert [(r.name, r.role) for r in find_roles(text)] == [
        ("Exempelby kommun", "owner"), ("Arbetsförmedlingen", "owner"), ("Försäkringskassan", "owner")]


def test_a_share_in_decimals_before_the_role():
    from extractor.extract.staffing import find_staffing
    text = "§ 7 Förbundet beviljar medel för 1,0 arbetskonsulent i insatsen Bron från 2030-01-01 till 2030-08-31."
    staff = find_staffing([Section("other", None, text, None, 0, len(text))])
    assert [(s.role, s.fte) for s in staff] == [("Arbetskonsulent", 1.0)]



def test_an_evaluations_part_report_with_a_double_place_name():
    text = ("UTVÄRDERING AV REHAB NORRBY-SÖDERBY\n\nTranskript\n\n1 UTVÄRDERING AV REHAB NORRBY-SÖDERBY Delrapport 3 "
            "Alva Påhittsson Maj 2031\n\n2 Inledning Rehab Norrby-Söderby är en insats för sjukskrivna.")
    assert classify_doc_type(text) == "progress_report"
    assert find_title([], text) == "REHAB NORRBY-SÖDERBY"
    assert classify_doc_type("UTVÄRDERING AV BRON\n\nSlutrapport maj 2031") == "final_report"


def test_the_person_responsible_for_a_project_is_a_contact():
    assert [p[0] for p in find_named_people("Projektansvarig: Alva Påhittsson, Enheten för stöd")] == ["Alva Påhittsson"]
