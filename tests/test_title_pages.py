"""Titles named once in prose, on "Om projektet" pages, and none for a förbund's annual report (invented texts)."""
import pytest

from extractor.extract.meta import find_title
from extractor.extract.names import find_title_in_prose
from extractor.extract.title_pages import about_page_name, names_many_insatser

LONG_OPENING = ("Slutrapport\nSamordningsförbundet Exempeldal\n2031\n\nInledning\n"
                "Den här rapporten beskriver arbetet och resultaten under tre år. " * 3 + "\n\nBakgrund\n")


@pytest.mark.parametrize("sentence, name", [
    # lower-case words between the name and its verb are the name's own
    ("Projektet Steget vidare startade i januari 2022 och avslutades 2024.", "Steget vidare"),
    # named once, far from the opening: the one insats the text names
    ("Projektet Påhittet pågick mellan 2022 och 2024.", "Påhittet"),
    # ... a function word ends the name
    ("Projektet Påhittet också startade 2022.", None),
])
def test_title_named_once_in_a_report(sentence, name):
    text = LONG_OPENING + sentence + "\n\nResultat\nTotalt deltog 85 personer.\n"
    found = find_title_in_prose(text)
    assert (found[0] if found else None) == name


def test_title_set_off_by_its_kind_after_a_comma():
    text = ("Ny projektledare för Stegvis\n\nAnna Exempel är ny projektledare för Stegvis, insatsen som stöttar unga "
            "vuxna i Exempelby.\n")
    assert find_title_in_prose(text)[0] == "Stegvis"


def test_a_web_menu_word_is_no_title():
    text = "Start Om projektet Kontakt\n\nOm projektet\n\nStödet ges individuellt.\n\nKontakt\n\nRing oss.\n"
    assert find_title_in_prose(text) is None


@pytest.mark.parametrize("text, name", [
    ("Om projektet\n\nLeden ger stöd till unga vuxna.\n\nLeden drivs av Exempelby kommun.\n", "Leden"),
    # paragraphs that open with another word, or with a name that does nothing, name no project
    ("Om projektet\n\nMålgruppen är unga vuxna.\n\nMålgruppen är stor.\n", None),
    ("Om oss\n\nLeden ger stöd till unga vuxna.\n\nLeden drivs av Exempelby kommun.\n", None),
])
def test_about_page_names_the_project_its_paragraphs_open_with(text, name):
    found = about_page_name(text)
    assert (found[0] if found else None) == name


def test_about_page_title_through_find_title():
    text = "Start Om projektet Kontakt\n\nOm projektet\n\nLeden ger stöd.\n\nLeden drivs av Exempelby kommun.\n"
    assert find_title([], text) == "Leden"


ANNUAL = ("Årsredovisning 2030\nSamordningsförbundet Exempelbygd\n\nFörvaltningsberättelse\n"
          "Projektet Bron gav stöd till unga. Insatsen Kliv startade i september. Projektet Bron avslutades.\n")


def test_annual_report_naming_many_insatser_has_no_title():
    assert names_many_insatser(ANNUAL)
    assert find_title([], ANNUAL) is None


@pytest.mark.parametrize("text", [
    ANNUAL.replace("Årsredovisning 2030", "Slutrapport 2030"),  # a report on one insats, no annual report
    ANNUAL.replace("Insatsen Kliv startade i september. ", ""),  # one insats only
    ANNUAL.replace("Årsredovisning 2030", "Årsredovisning 2030 – Bron"),  # the insats's own annual report
])
def test_not_an_annual_report_naming_many_insatser(text):
    assert not names_many_insatser(text)


def test_a_long_run_of_capitalised_words_before_a_comma_costs_its_length():
    import time
    start = time.monotonic()
    assert find_title_in_prose("Exempel Lots Bro " * 10_000 + "Påhittet, insatsen som hjälper unga.") is not None
    assert time.monotonic() - start < 20


@pytest.mark.parametrize("text, name", [
    # the report's opening sentence says which insats it is about, not its heading
    ("Verksamhetsberättelse 2031\n\nRapporten gäller Ljusgården, en insats för unga vuxna i Exempelby.\n", "Ljusgården"),
    ("Årsrapport 2031\nSamordningsförbundet Exempeldal\n2032-02-10\n\nDen här verksamhetsberättelsen avser insatsen "
     "Språngbrädan, som drivs av Exempelby kommun.\n", "Språngbrädan"),
    ("Verksamhetsberättelse 2031\n\nI denna berättelse redovisas arbetet i Nyckelhålet, ett samverkansprojekt "
     "för långtidssjukskrivna.\n", "Nyckelhålet"),
    ("Rapport 2031\n\nDenna rapport redovisar verksamheten i Gläntan under 2031.\n", "Gläntan"),
    # a body's work is no insats, nor is the förbund's own year
    ("Rapport 2031\n\nRapporten beskriver Exempelby kommuns arbete med unga vuxna.\n", None),
    ("Verksamhetsberättelse 2031\nSamordningsförbundet Exempeldal\n\nDenna verksamhetsberättelse avser "
     "Samordningsförbundet Exempeldals verksamhet. Insatsen Bron har haft 20 deltagare och insatsen Kliv 14.\n", None),
])
def test_a_report_names_its_insats_in_its_opening_sentence(text, name):
    assert find_title([], text) == name


@pytest.mark.parametrize("text", [
    "Verksamhetsberättelse 2031 för Ljusgården\n\nUnder året har 31 deltagare tagits emot.\n",
    "Verksamhetsberättelse – Ljusgården\n\nUnder året har 31 deltagare tagits emot.\n",
    "VERKSAMHETSBERÄTTELSE 2031\n\nLjusgården\n\nUnder året har 31 deltagare tagits emot.\n",
])
def test_a_verksamhetsberattelse_names_its_insats_after_its_kind(text):
    assert find_title([], text) == "Ljusgården"
