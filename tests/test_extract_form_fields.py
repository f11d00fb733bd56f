"""Facts a form states in fields of its own: target ages, staffing rows, participants."""
import pytest

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


def _posts(text: str, key: str = "other") -> list[tuple[str, float]]:
    from extractor.extract.staffing import find_staffing

    return [(s.role, s.fte) for s in find_staffing([_sec(key, text)])]



@pytest.mark.parametrize("text, expected", [
    ("Roll\tFTE\nCoach\t1\nProjektledare\t0,3\n", [("Coach", 1.0), ("Projektledare", 0.3)]),
    ("Tjänst\tProcent av heltid\nHandledare\t100\nKurator\t20\n", [("Handledare", 1.0), ("Kurator", 0.2)]),
    ("Befattning\tSysselsättningsgrad\nLärare\t50 % av heltid\nKurator\t0,5 tjänst\n",
     [("Lärare", 0.5), ("Kurator", 0.5)]),
    ("Personal\tOmfattning\nArbetsmarknadskonsulent\t2 x 100 %\nSocialsekreterare\t50 %\n",
     [("Arbetsmarknadskonsulent", 1.0), ("Arbetsmarknadskonsulent", 1.0), ("Socialsekreterare", 0.5)]),
])
def test_staffing_table_share_columns_and_cells(text, expected):
    assert _posts(text) == expected


def test_staffing_share_of_ones_time_belongs_to_its_own_role():
    text = "Familjebehandlaren arbetar 60 procent i insatsen och samordnaren avsätter 20 % av sin tid."
    assert _posts(text) == [("Familjebehandlare", 0.6), ("Samordnare", 0.2)]
