"""Titles and doc_type from covers, mail subjects and report words (invented text)."""
import pytest

from extractor.classify import classify_doc_type
from extractor.extract.meta import find_title
from extractor.record import Document, Section
from extractor.split import split


@pytest.mark.parametrize("text, doc_type", [
    ("Projektrapport\nVindfånget\nJuni 2031\n\nProjektet pågick i två år.", "final_report"),
    ("Rapport\n\nVindfånget 2029–2031\nProjektet pågick i två år.", "final_report"),
    ("Rapport från projektet Vindfånget\nSammanfattning", "final_report"),
    ("Vindfånget\nEn studie av samverkan kring unga i Påhittsby\n\nInnehåll", "final_report"),
    # the words inside other words keep their own kinds
    ("Delrapport 2\nVindfånget", "progress_report"),
    ("Samordningsförbundet Påhittsdalen\nDelårsrapport januari–augusti 2031\n\nFörbundets verksamhet", "other"),
    ("Delårsrapport 2031 – Samordningsförbundet Påhittsdalen\nFörbundet har fem insatser.", "other"),
    # an insats's own interim report names the insats
    ("Delårsrapport 2031 – Vindfånget\nInsatsen har haft 20 deltagare.", "progress_report"),
    ("Delårsrapport för projektet Vindfånget\nPerioden 2031-01-01 – 2031-06-30", "progress_report"),
    # "rapporten" in running text is no cover
    ("Nyheter\n\nRapporten om unga vuxna i länet visar att fler fått jobb.", "other"),
])
def test_report_words_on_a_title_line(text, doc_type):
    assert classify_doc_type(text) == doc_type


def test_cover_prints_the_name_on_the_line_after_its_kind():
    text = "Samordningsförbundet Påhittskusten\nDnr 2031/7\n\nSLUTRAPPORT\n\nVindfånget\n\nMars 2032\n\nSammanfattning\n"
    assert find_title([], text) == "Vindfånget"


@pytest.mark.parametrize("text, title", [
    # the form's own name over the project's
    ("Ansökan om samverkansmedel\nVindfånget\nEtt samarbete mellan Påhittsby kommun och Arbetsförmedlingen\n"
     "Oktober 2031\n\nInledning\nText.", "Vindfånget"),
    ("Ansökan om medel\n\nVindfånget\n\nBakgrund\nText.", "Vindfånget"),
    # a plan's cover names the insats it plans, with its subtitle
    ("Verksamhetsplan 2032\nVindfånget – samordnad rehabilitering i Påhittsby\n1 Inledning\nText.",
     "Vindfånget – samordnad rehabilitering i Påhittsby"),
    # the first line names the period after a comma
    ("Delrapport Vindfånget, första halvåret 2031\n\nBakgrund: Text.", "Vindfånget"),
])
def test_cover_names_the_insats_under_the_forms_name(text, title):
    assert find_title([], text) == title


@pytest.mark.parametrize("text, title", [
    # the name first, the kind of document under it
    ("Vindfånget\nAnsökan om medel från Samordningsförbundet Påhittsdalen\n\nBakgrund\nText.", "Vindfånget"),
    ("Vindfånget – en väg till arbete\nAnsökan om samverkansmedel 2031\n\nBakgrund\nText.", "Vindfånget"),
    # ... but a letterhead names the body that writes
    ("Socialförvaltningen\nAnsökan om medel\n\nBakgrund\nText.", None),
    ("Samordningsförbundet Påhittsdalen\n\nStyrelsen\nVerksamhetsplan 2031\n\nText.", None),
    # the name under the förbund's letterhead, in any case; the form's name going on to name whom it asks
    ("Samordningsförbundet Påhittsdalen\n\nVINDFÅNGET\n\nAnsökan om medel 2031\n\nBakgrund\nText.", "VINDFÅNGET"),
    ("Ansökan om medel\nfrån Samordningsförbundet Påhittsdalen\n\nVindfånget\n\nBakgrund\nText.", "Vindfånget"),
    # a report's number; a cover in capitals
    ("Lägesrapport nr 2 – Vindfånget\n\nBakgrund\nText.", "Vindfånget"),
    ("Samordningsförbundet Påhittsdalen\n\nANSÖKAN\n\nPROJEKT VINDFÅNGET\n\n2031\n\nBakgrund\nText.", "VINDFÅNGET"),
])
def test_cover_names_the_insats_above_its_kind(text, title):
    assert find_title([], text) == title


def test_a_working_name_field_is_the_title():
    text = "Ansökan om medel\nArbetsnamn: Vindfånget\n\nBakgrund\nText om behov.\n"
    assert find_title(split(Document(path="t.txt", format="txt", sha256="0" * 64, text=text)), text) == "Vindfånget"


def test_plan_cover_naming_the_forbund_gives_no_title():
    assert find_title([], "Verksamhetsplan 2032\nSamordningsförbundet Påhittsdalen\n\n1 Inledning\nText.") is None


def test_cover_kind_line_then_a_date_gives_no_name():
    text = "SLUTRAPPORT\n\nMars 2032\n\nSammanfattning\nArbetet gick bra."
    assert find_title([], text) is None


@pytest.mark.parametrize("subject, title", [
    ("SV: Vindfånget – ändrad budget", "Vindfånget"),
    ("VB: IT-lotsen - nya deltagare", "IT-lotsen"),
    ("Möte - inbjudan till workshop", None),          # a bare word opens many subjects
    ("Samordningsförbundet Påhittsdalen – kallelse", None),
])
def test_mail_subject_with_the_name_before_a_dash(subject, title):
    text = f"Från: Alva Påhittsson <alva@example.se>\nTill: Kansliet\nÄmne: {subject}\n\nHej!\nVi behöver flytta medel.\n"
    assert find_title([], text) == title


@pytest.mark.parametrize("text, title", [
    ("Samordningsförbundet Påhittsdalen\nDnr 2031/3\n\nAnsökan om förlängning – Vindfånget\n\nInsatsägare: Påhittsby kommun\n",
     "Vindfånget"),
    ("Ansökan om fortsättning: Vindfånget\nSökt belopp: 100 000 kr\n", "Vindfånget"),
    ("Påhittsby kommun\n\nAnsökan om förlängning av insatsen Vindfånget\ntill förbundet\n", "Vindfånget"),
    ("Application for funding – Pathfinders\nApplicant: Påhittsby municipality\n", "Pathfinders"),
    ("Påhittsby kommun      2031-08-20\nHalvårsrapport\nVindfånget\n\nDeltagare\n", "Vindfånget"),
])
def test_name_after_a_kind_of_document(text, title):
    assert find_title([], text) == title


def test_english_funding_application_is_an_application():
    assert classify_doc_type("Application for funding – Pathfinders\nApplicant: Påhittsby municipality") == "application"


def test_project_report_that_names_its_kind_after():
    assert classify_doc_type("PROJEKTRAPPORT DELRAPPORT 2\nProjektbenämning: Vindfånget") == "progress_report"


@pytest.mark.parametrize("text, title", [
    ("Projektplan\nSupported Employment – fortsättning\nSamordningsförbundet Påhittsdalen 2031\n", "Supported Employment – fortsättning"),
    ("Slutrapport\n\nVindfånget – stöd till unga vuxna\n\nMars 2032\n", "Vindfånget – stöd till unga vuxna"),
    ("Projektplan\nSupported Employment\nSamordningsförbundet Påhittsdalen 2031\n", None),   # a method alone names no project
])
def test_name_line_with_a_subtitle(text, title):
    assert find_title([], text) == title


def test_name_field_printed_with_the_project_years():
    text = "Projekt: Vattenspegeln 2028–2030\nSamordningsförbundet Påhittsdalen\n"
    start = text.index("Vattenspegeln")
    section = Section("title", "Projekt", text[start:text.index("\n")], None, start, text.index("\n"))
    assert find_title([section], text) == "Vattenspegeln"


@pytest.mark.parametrize("text, doc_type", [
    ("Vindfånget\n\nOm projektet\nDen här rapporten redovisar hur Vindfånget arbetade 2029–2031.", "final_report"),
    ("Förord\nI denna rapport beskrivs arbetet i Vindfånget.", "final_report"),
    ("Nyheter\n\nRapporten om Vindfånget visar att fler fått jobb.", "other"),
    ("Årsredovisning 2031\nI denna rapport redovisas förbundets år.", "other"),
])
def test_report_that_calls_itself_one(text, doc_type):
    assert classify_doc_type(text) == doc_type


def test_cover_kind_then_a_table_of_contents_gives_no_name():
    text = "Slutrapport\nInnehållsförteckning\nBakgrund ....... 3\nSyfte ....... 4\n\nBakgrund\nArbetet började 2028.\n"
    assert find_title([], text) != "Innehållsförteckning"


@pytest.mark.parametrize("body, title", [
    ("Hej, bifogar budgeten för Vindfånget.", "Vindfånget"),
    ("Hej, bifogar budgeten.", None),          # a subject alone may be any word
])
def test_mail_subject_that_is_a_name_alone(body, title):
    text = f"Från: Alva Påhittsson <alva@example.se>\nDatum: 2031-04-02\nÄmne: Vindfånget\n\n{body}\n"
    assert find_title([], text) == title


def test_a_word_page_headers_kind_and_name_under_the_forbund_give_the_title():
    # the page header, read before the body: the förbund, then "Ansökan <name>" and the registry number after a tab
    text = "Samordningsförbundet Påhittsdalen\nAnsökan Vindfånget\tDnr SFP 2031/07\nBakgrund\nI Påhittsby finns …\n"
    assert find_title([], text) == "Vindfånget"


def test_a_mail_subject_asking_to_supplement_an_application_names_the_insats():
    text = ("Från: Anna Påhittad <anna.pahittad@exempelby.se>\nSkickat: den 12 maj 2031 10:14\n"
            "Ämne: SV: Komplettering ansökan Vindfånget\n\nHej,\nhär kommer kompletteringen.\n")
    assert find_title([], text) == "Vindfånget"
