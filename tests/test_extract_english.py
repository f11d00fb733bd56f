"""English prose inside Swedish applications (EU forms, bilingual templates): staffing, ages, participants."""
import pytest

from extractor.extract.ages import find_target_groups
from extractor.extract.participants import find_participants
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
    ("A 0.5 FTE project manager leads the work.", [("Project manager", 0.5)]),
    ("Project manager (50 %).", [("Project manager", 0.5)]),
    ("Two coaches, 1.5 FTE in total.", [("Coach", 1.5)]),
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


@pytest.mark.parametrize("text, bands", [
    ("Newly arrived women and men aged 25–55 who receive social assistance.", [(25, 55)]),
    ("Young people aged 16 to 29 who neither work nor study.", [(16, 29)]),
    ("Adults between 18 and 64 years on long-term sick leave.", [(18, 64)]),
    ("People over 50 years and young people under 25 years.", [(50, None), (None, 24)]),
    ("In 2023, 340 persons aged 20–64 were registered with the job centre.", []),
    ("Adults aged 18 and over on sick leave.", [(18, None)]),
    ("Young people from the age of 16 up to 24.", [(16, 24)]),
    ("Adults between the ages of 18 and 29.", [(18, 29)]),
])
def test_english_age_bands_in_the_target_group(text, bands):
    assert [(f.age_min, f.age_max) for f in find_target_groups(_section("target_group", text))] == bands


def test_english_prose_says_whom_it_is_for_outside_a_target_group_field():
    text = "Torpet Steg is a project aimed at young people aged 16 to 29 in Påhittsby."
    assert [(f.age_min, f.age_max) for f in find_target_groups([], text)] == [(16, 29)]


@pytest.mark.parametrize("key, text, expected", [
    ("participants", "We expect 40 participants per year.", {"count": 40, "per": "year"}),
    ("purpose", "The project will take in 60 young people during the project period.", {"count": 60, "per": "total"}),
    ("participants", "15 participants at a time.", {"count": 15, "per": "ongoing"}),
    ("participants", "So far 22 participants have taken part, and the goal is 30 participants in total.",
     {"count": 30, "per": "total"}),
])
def test_english_participant_counts(key, text, expected):
    assert find_participants(_section(key, text), text) == expected


def test_an_english_summary_does_not_count_the_staff_twice(tmp_path):
    from extractor.pipeline import run

    path = tmp_path / "slutrapport.txt"
    path.write_text("Summary in English\nTwo job coaches worked full time in the project.\n"
                    "Genomförande\nTvå jobbcoacher på heltid och en projektledare på 50 % arbetade i projektet.\n",
                    encoding="utf-8")
    assert [(s["role"], s["fte"]) for s in run(path, ocr=False).staffing] == [
        ("Jobbcoach", 1.0), ("Jobbcoach", 1.0), ("Projektledare", 0.5)]


def test_staff_only_an_english_summary_states_are_read(tmp_path):
    from extractor.pipeline import run

    path = tmp_path / "slutrapport.txt"
    path.write_text("Summary in English\nTwo job coaches worked full time in the project.\n"
                    "Genomförande\nCoacherna träffade deltagarna varje vecka.\n", encoding="utf-8")
    assert [s["fte"] for s in run(path, ocr=False).staffing] == [1.0, 1.0]


def test_english_budget_line_gives_the_three_figures():
    from extractor.extract.amounts import find_amounts
    from extractor.extract.budget import find_budget

    text = "Requested from the association: SEK 1 650 000. Own contribution: SEK 150 000. Total: SEK 1 800 000."
    budget = find_budget(text, find_amounts(text, []), [Section("budget", "Budget", text, None, 0, len(text))], "application")
    assert budget == {"requested_sek": 1650000, "own_financing_sek": 150000, "total_sek": 1800000}
