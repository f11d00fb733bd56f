"""English prose inside Swedish applications (EU forms, bilingual templates): staffing, ages, participants."""
import pytest

from extractor.extract.staffing import find_fte_total, find_staffing
from extractor.record import Section


def _section(key: str, text: str) -> list[Section]:
    return [Section(key, None, text, None, 0, len(text))]


@pytest.mark.parametrize("text, posts", [
    ("One project coordinator 50 % and two bilingual coaches at 100 % each.",
     [("Project coordinator", 0.5), ("Bilingual coach", 1.0), ("Bilingual coach", 1.0)]),
    ("Staffing: two job coaches at 100 % each and a project manager at 50 %.",
     [("Job coach", 1.0), ("Job coach", 1.0), ("Project manager", 0.5)]),
    ("A project coordinator, 0.5 FTE.", [("Project coordinator", 0.5)]),
    ("We will hire a case manager at 75 per cent.", [("Case manager", 0.75)]),
])
def test_english_staffing_is_read(text, posts):
    staff = find_staffing(_section("staffing", text))
    assert [(s.role, s.fte) for s in staff] == posts


def test_english_staffing_sums_to_the_total():
    sections = _section("staffing", "Two job coaches at 100 % each and a project manager at 50 %.")
    assert find_fte_total(sections, find_staffing(sections)) == 2.5


def test_swedish_staffing_keeps_its_roles():
    staff = find_staffing(_section("staffing", "Två jobbcoacher på 100 % vardera och en projektledare på 50 %."))
    assert [(s.role, s.fte) for s in staff] == [("Jobbcoach", 1.0), ("Jobbcoach", 1.0), ("Projektledare", 0.5)]
