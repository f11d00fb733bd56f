"""Pattern searches that skip ahead give what the full scans give."""
import pytest

from extractor.extract import dates
from extractor.extract.text import digit_led_matches

HOSTILE = [
    "", "abc", "2024-05-01--2024-06-30 och 2013-01-01--2014-06-30",
    "den 1, 2 och 3 mars 2024; 15/3 2023, 06.08.2024 6/8/2024 19-07-10 20171018 123456789",
    "2028 – 12-01 samt 1:a maj 2022 och 31 april 2023", "9" * 500 + " 2024-01-01",
    "Tel 070-123 45 67, org.nr 802400-1234, 20240101kr",
]


@pytest.mark.parametrize("text", HOSTILE)
@pytest.mark.parametrize("name", sorted(dates.DIGIT_LED))
def test_digit_led_matches_equal_finditer(name, text):
    pattern = dates.COMPILED[name]
    assert [m.span() for m in digit_led_matches(pattern, text)] == [m.span() for m in pattern.finditer(text)]


@pytest.mark.parametrize("text, expected", [
    ("Vid mötet 220823 beslutades att", ["2022-08-23"]),
    ("Protokoll 220823-1", []),  # the six digits do not stand alone
    ("Inget datum här.", []),
])
def test_dates_compact6_only_where_six_digits_stand_alone(text, expected):
    assert [f.value for f in dates.find_dates(text)] == expected


def test_an_indented_line_in_lower_case_continues_the_sentence():
    from extractor.extract.text import sentences

    text = "  Insatsen ska ta emot 40\n  deltagare per år.\n  Kontakt\n  Anna Exempel\n"
    assert [s.strip() for _, s in sentences(text)] == [
        "Insatsen ska ta emot 40\n  deltagare per år.", "Kontakt", "Anna Exempel"]


def test_a_wrapped_line_with_a_sentence_inside_is_no_heading():
    from extractor.heading_lines import whole_line_heading

    assert whole_line_heading("Målgruppen är unga 16–25 år utan betyg. Insatsen ska ta emot 40") is None
    assert whole_line_heading("Målgrupp och urval") == "target_group"


def test_a_bare_period_label_with_its_colon():
    from extractor.extract.period import find_period

    text = "Insats:\tPåhittet\tPeriod:\t2025-08-18 -- 2027-06-30\nStyrelsen beslutar att bevilja medel.\n"
    found = find_period([], text, None, "decision")
    assert (found["start"], found["end"]) == ("2025-08-18", "2027-06-30")
    assert find_period([], "Rapportperiod: 2025-01-01 – 2025-06-30\n", None, "progress_report")["start"] is None
