"""Expected participants on wordings beyond the form's own field (invented text)."""
import pytest

from extractor.extract.participants import find_participants
from extractor.record import Section


def _find(key: str, text: str) -> dict | None:
    return find_participants([Section(key, None, text, None, 0, len(text))], text)


def test_a_count_for_one_named_year_is_per_year():
    text = "Insatsen ska under 2031 ta emot 35 deltagare som får stöd av en coach."
    assert _find("purpose", text) == {"count": 35, "per": "year"}


def test_a_statistic_for_a_named_year_is_no_participants():
    text = "I kommunen var under 2030 hela 310 personer långtidsarbetslösa. Behovet av stöd är stort."
    assert _find("background", text) is None


def test_the_target_group_counted_per_year():
    text = "Målgruppen är 30 ungdomar per år utan sysselsättning som behöver samordnat stöd."
    assert _find("target_group", text) == {"count": 30, "per": "year"}


def test_a_target_group_without_a_count_gives_nothing():
    text = "Målgruppen är stor; i länet blir många unga varje år utan arbete."
    assert _find("target_group", text) is None


def test_a_reports_plan_beside_its_outcome_is_the_plan():
    text = "Insatsen skulle omfatta 90 deltagare men nådde 70 under perioden."
    assert _find("other", text) == {"count": 90, "per": "total"}


def test_at_least_a_range_per_year_counts_from_its_lower_end():
    text = "Verkstaden ska ge stöd till minst 30-45 deltagare per år."
    assert _find("purpose", text) == {"count": 30, "per": "year"}


def test_an_outcome_count_is_no_participants():
    text = "Under året deltog 45 personer i insatsen. Av dem gick 12 till arbete."
    assert _find("other", text) is None


def test_a_reports_plan_with_no_period_beside_its_outcome():
    text = "Insatsen skulle ta emot 60 deltagare men tog emot 48."
    assert _find("other", text) == {"count": 60, "per": "total"}


def test_a_named_year_before_the_verb_and_its_subject():
    text = "Under 2032 ska verksamheten ta emot 25 personer som vill pröva på arbete."
    assert _find("purpose", text) == {"count": 25, "per": "year"}


def test_a_range_written_with_till_counts_from_its_lower_end():
    text = "Insatsen ska ta emot 40 till 50 personer per år."
    assert _find("other", text) == {"count": 40, "per": "year"}


def test_a_change_from_one_count_to_another_is_the_new_count():
    text = "Vi vill utöka insatsen från 40 till 60 deltagare per år."
    assert _find("other", text) == {"count": 60, "per": "year"}


def test_a_range_alone_in_the_count_field():
    text = "Minst 40-50 per år"
    found = find_participants([Section("participants", "Antal deltagare", text, None, 0, len(text))], text)
    assert found == {"count": 40, "per": "year"}


def test_an_age_band_alone_in_the_count_field_is_no_count():
    text = "16-24 år"
    assert find_participants([Section("participants", "Antal deltagare", text, None, 0, len(text))], text) is None


def test_the_goal_beside_the_outcome_joined_by_men_without_a_comma():
    text = "Målet var 60 deltagare per år men 45 deltog."
    assert _find("other", text) == {"count": 60, "per": "year"}


def test_an_outcome_beside_a_goal_without_a_count_gives_nothing():
    text = "Målet var högt men 45 personer deltog under året."
    assert _find("other", text) is None


@pytest.mark.parametrize("text, expected", [
    # a report's account of the plan, with the outcome in the next sentence that opens with its count
    ("Projektet planerade för 45 deltagare totalt. 52 deltagare skrevs in; 12 av dem var under 20 år.", (45, "total")),
    ("Insatsen planerade för 25 deltagare totalt. 31 personer skrevs in och 12 fick arbete.", (25, "total")),
])
def test_participants_planned_in_a_report_beside_the_outcome(text, expected):
    found = find_participants([Section("participants", "Deltagare", text, None, 0, len(text))], text, {})
    assert (found["count"], found["per"]) == expected
