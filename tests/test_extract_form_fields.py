"""Facts a form states in fields of its own: target ages, staffing rows, participants."""
from extractor.extract.ages import find_target_groups
from extractor.record import Section


def _sec(key: str, text: str, start: int = 0) -> Section:
    return Section(key=key, heading=None, text=text, page=None, char_start=start, char_end=start + len(text))


def test_ages_a_forms_age_field_is_the_target_group():
    text = "Period\t2026-02-01 – 2028-01-31\nÅlder:\t18–29 år\nAntal deltagare per år:\t45\n"
    bands = find_target_groups([_sec("period", text)], text)
    assert [(b.age_min, b.age_max) for b in bands] == [(18, 29)]


def test_ages_an_age_row_of_counts_is_no_target_group():
    text = "Deltagare\nÅlder\t18–24 år\t12\n"
    assert find_target_groups([_sec("other", text)], text) == []
