"""Minutes that decide several insatsers' cases state no one insats's period or budget (invented text)."""
from extractor.extract.cases import decides_many_cases
from extractor.pipeline import run
from extractor.record import Section

MINUTES = ("PROTOKOLL\nStyrelsen för Samordningsförbundet Påhittet, sammanträde 2025-11-20\n"
           "§ 41 Ansökan om medel: Påhittsteget\nExempelby kommun ansöker om 640 000 kr för 2026. "
           "Styrelsen beslutar att bevilja 640 000 kr.\n"
           "§ 42 Förlängning: Exemplet\nPåhittsby kommun ansöker om förlängning till och med 2026-12-31 "
           "med 410 000 kr. Styrelsen beslutar att bevilja förlängningen.\n"
           "§ 43 Nästa sammanträde\nNästa sammanträde hålls 2026-01-29.\n")


def _sec(heading: str) -> Section:
    return Section("other", heading, "", None, 0, 0)


def test_two_cases_are_many():
    assert decides_many_cases([_sec("§ 41 Ansökan om medel: Påhittet"), _sec("§ 42 Förlängning: Exemplet")])
    assert not decides_many_cases([_sec("§ 41 Ansökan om medel: Påhittet"), _sec("§ 42 Nästa sammanträde")])


def test_minutes_of_several_cases_give_no_period_or_budget(tmp_path):
    path = tmp_path / "protokoll.txt"
    path.write_text(MINUTES, encoding="utf-8")
    record = run(path, ocr=False)
    assert record.doc_type == "decision"
    assert record.period == {"start": None, "end": None, "intake_end": None}
    assert set(record.budget.values()) == {None}
    assert 640000 in record.amounts and "2026-12-31" in record.dates  # the figures are still the document's


def test_minutes_of_one_case_keep_its_budget(tmp_path):
    path = tmp_path / "protokoll.txt"
    path.write_text(MINUTES.split("§ 42")[0], encoding="utf-8")
    assert run(path, ocr=False).budget["requested_sek"] == 640000
