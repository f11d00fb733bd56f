"""Headings run in to the prose of a line by a text export that lost their line breaks, and the page lines and appendix numbers such exports carry (invented text)."""
from extractor.heading_runon import runon_headings
from extractor.record import Document
from extractor.split import split


def _keys(text: str) -> list[tuple[str, str]]:
    doc = Document(path="t.txt", format="txt", sha256="0" * 64, text=text)
    return [(s.key, s.text) for s in split(doc)]


COLON_RUNON = (
    "Delrapport Påhittet\n"
    "Bakgrund: I Exempelby saknas ett samlat stöd för unga vuxna. Syfte: Insatsen ska ge en väg in till "
    "parternas stöd. Målgrupp: Unga vuxna 18–29 år som varken arbetar eller studerar.\n"
    "Aktiviteter: Varje deltagare får en egen coach. Ekonomi: Förbundet finansierar insatsen med 900 000 kronor.\n"
)


def test_colon_headings_inside_a_line_open_sections():
    keys = _keys(COLON_RUNON)
    assert [k for k, _ in keys] == ["background", "purpose", "target_group", "methods", "budget"]
    assert keys[1][1] == "Insatsen ska ge en väg in till parternas stöd."


PLAIN_RUNON = (
    "Ansökan om medel – Påhittet\n"
    "Bakgrund I Exempelby saknas ett samlat stöd för unga vuxna och väntetiderna är långa. Syfte Insatsen ska "
    "ge en väg in till parternas stöd. Målgrupp Insatsen vänder sig till unga vuxna 18–29 år.\n"
    "Arbetssätt Varje deltagare får en egen coach som följer hen hela vägen. Budget Från förbundet söks "
    "900 000 kronor för två år.\n"
)


def test_heading_words_run_in_without_colons_open_sections_where_several_do():
    keys = _keys(PLAIN_RUNON)
    assert [k for k, _ in keys] == ["background", "purpose", "target_group", "methods", "budget"]
    assert keys[2][1] == "Insatsen vänder sig till unga vuxna 18–29 år."


def test_prose_that_opens_sentences_with_heading_words_heads_nothing():
    # "Syftet är", "Målgruppen har", "Projekt Påhittet startade": sentences, not headings
    prose = ("Bakgrund\nI Exempelby saknas stöd för unga vuxna och väntetiderna är långa i dag. Syftet är att ge en "
             "väg in. Målgruppen har vuxit under året. Projekt Påhittet startade i mars. Budgeten räcker till två "
             "coacher. Samverkan Exempelby och grannkommunen har ett avtal.\n")
    assert runon_headings(prose, set()) == []


def test_one_colon_label_in_prose_heads_nothing():
    prose = ("Bakgrund\nI Exempelby saknas stöd för unga vuxna och väntetiderna är långa i dag och har varit så "
             "länge. Målgrupp: De som står längst ifrån arbete.\n")
    assert runon_headings(prose, set()) == []


def test_page_furniture_closing_a_section_is_no_part_of_its_text():
    text = ("MÅLGRUPP: Unga vuxna 18–29 år i Exempelby.\n\nSamordningsförbundet Exempeldalen    Sida 2 (3)\n\n"
            "BUDGET: Vi söker 900 000 kronor.\nSida 3 av 3\n")
    assert _keys(text) == [("target_group", "Unga vuxna 18–29 år i Exempelby."),
                           ("budget", "Vi söker 900 000 kronor.")]


def test_an_appendix_number_heads_nothing():
    text = ("Bakgrund\nI Exempelby saknas stöd.\n\nBilagor\nBilaga 1 Ekonomisk redovisning. "
            "Bilaga 2 Sammanställning av enkätsvar.\n")
    keys = _keys(text)
    assert [k for k, _ in keys] == ["background", "other"]
    assert keys[1][1].startswith("Bilaga 1 Ekonomisk redovisning.")
