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


def test_participants_a_deltagarantal_field_is_the_expected_count():
    from extractor.extract.participants import find_participants

    text = "Målgrupp\nVuxna 25–64 år\nBeräknat deltagarantal\t35 personer under året\n"
    assert find_participants([_sec("target_group", text)], text) == {"count": 35, "per": "year"}


def test_period_from_start_and_slut_fields():
    from extractor.extract.period import find_period

    text = "Uppgift\tSvar\nStart\t2026-04-01\nSlut\t2028-03-31\n"
    period = find_period([_sec("other", text)], text)
    assert (period["start"], period["end"]) == ("2026-04-01", "2028-03-31")


def test_budget_a_field_labelled_beviljat_is_the_sum_granted():
    from extractor.extract.amounts import find_amounts
    from extractor.extract.budget import find_budget

    text = "Insats\tKompis\nBeviljat\t1 320 000 kr\n"
    budget = find_budget(text, find_amounts(text, []), [_sec("other", text)], "progress_report")
    assert budget["requested_sek"] == 1320000


def test_staffing_any_skoterska_is_a_role():
    assert _posts("Bemanning\n• Skolsköterska 20 %\n") == [("Skolsköterska", 0.2)]


def test_budget_a_years_request_labelled_with_its_year_ranks_below_the_total_request():
    from extractor.extract.amounts import find_amounts
    from extractor.extract.budget import find_budget

    text = "Sökt belopp år 1: 800 000 kr\nSökt belopp år 2: 850 000 kr\nTotalt sökt belopp: 1 650 000 kr\n"
    budget = find_budget(text, find_amounts(text, []), [_sec("budget", text)], "application")
    assert budget["requested_sek"] == 1650000


def test_staffing_share_column_headed_percent_of_full_time():
    assert _posts("Tjänst\t% av heltid\nCoach\t100\nStudievägledare\t20\n") == [("Coach", 1.0), ("Studievägledare", 0.2)]


@pytest.mark.parametrize("sentence", ["Hela beloppet söks från förbundet.", "Förbundet finansierar hela budgeten.",
                                      "Insatsen finansieras helt av samordningsförbundet."])
def test_budget_the_whole_cost_asked_of_the_forbund_is_the_request(sentence):
    from extractor.extract.amounts import find_amounts, kronor_columns
    from extractor.extract.budget import find_budget

    text = f"Budget\nPost\tKr\nPersonal\t640 000\nSumma\t720 000\n{sentence}\n"
    body = _sec("budget", text[7:], 7)
    budget = find_budget(text, find_amounts(text, kronor_columns(text)), [body], "application")
    assert (budget["requested_sek"], budget["total_sek"]) == (720000, 720000)
