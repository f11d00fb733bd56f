import pytest

from extractor.classify import classify_doc_type


@pytest.mark.parametrize("text, doc_type", [
    ("Ansökan om medel från Samordningsförbundet\nInsatsens namn\nBryggan", "application"),
    ("Fortsättningsansökan 2025 – Bryggan\nSlutrapport från föregående period bifogas.", "application"),
    ("Verksamhetsplan 2024 för Kompassen", "operational_plan"),
    ("Slutrapport\nProjekt: Vägen vidare", "final_report"),
    ("Lägesrapport 2023 – Steget", "progress_report"),
    ("Protokollsutdrag från styrelsemöte 2024-03-12\nBeslut om medel till Bryggan", "decision"),
    # no type named at the top, but a form that asks for money
    ("Insatsens namn Nya steg\nMålgrupp Kvinnor 25-55 år\nSökt belopp 2 300 000 kr", "application"),
    ("Minnesanteckningar från nätverksträff", "other"),
])
def test_doc_type_from_the_documents_own_words(text, doc_type):
    assert classify_doc_type(text) == doc_type
