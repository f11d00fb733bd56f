"""Budget and staffing tables of unseen templates: cost tables outside a budget section, units in a
heading or a bare "Kr" header, forms of label and value cells."""
import pytest

from extractor.extract.amounts import find_amounts, kronor_columns, money_spans
from extractor.record import Section


def _values(text: str, spans=None) -> list[int]:
    return [a.value for a in find_amounts(text, (spans or []) + kronor_columns(text))]


@pytest.mark.parametrize("text, expected", [
    # a cost table under a heading that is no budget heading: every column of grouped figures is money
    ("Uppföljning\nPost\tBudget 2025\tUtfall jan–jun\tKvar\nPersonal\t480 000\t231 540\t248 460\n",
     [480000, 231540, 248460]),
    ("Projekttid 2026-01-01 – 2028-12-31.\nKostnad\tÅr 1\tÅr 2\tTotalt\nHandledning\t40 000\t40 000\t80 000\n",
     [40000, 40000, 80000]),
    # a column headed just "Kr"
    ("Kostnader\nPost\tKr\nLokaler\t120 000\nSumma\t1 310 000\n", [120000, 1310000]),
    # counts in a table of outcomes are no money, even grouped
    ("Resultat\tDeltagare\tVarav kvinnor\nInskrivna\t1 204\t610\n", []),
])
def test_amounts_in_cost_tables_outside_the_budget_section(text, expected):
    assert _values(text) == expected


def test_amounts_tkr_in_the_budget_heading_scales_the_table():
    text = "Budget 2026 (tkr)\nPost\tFörbundet\tTotalt\nPersonal\t1 850\t2 270\n"
    body = text.index("Post")
    sections = [Section(key="budget", heading="Budget 2026 (tkr)", text=text[body:], page=None,
                        char_start=body, char_end=len(text))]
    assert _values(text, money_spans(sections)) == [1850000, 2270000]


def _budget(text: str, sections: list[Section], doc_type: str = "application") -> dict:
    from extractor.extract.budget import find_budget

    amounts = find_amounts(text, money_spans(sections) + kronor_columns(text))
    return find_budget(text, amounts, sections, doc_type)


def _field(text: str, heading: str, body: str, key: str = "budget") -> Section:
    start = text.index(body, text.index(heading) + len(heading))
    return Section(key=key, heading=heading, text=body, page=None, char_start=start, char_end=start + len(body))


def test_budget_a_form_field_headed_own_financing_is_not_the_sum_requested():
    text = "Beviljade medel totalt\t2 480 000 kr\nEgen finansiering enligt ansökan\n310 000 kr\n"
    sections = [_field(text, "Egen finansiering enligt ansökan", "310 000 kr")]
    budget = _budget(text, sections, "progress_report")
    assert budget["own_financing_sek"] == 310000 and budget["requested_sek"] != 310000


def test_budget_of_the_whole_cost_the_figure_after_soks_is_requested():
    text = ("Budget\nAv totalkostnaden 4 340 000 kr söks 3 740 000 kr från förbundet. "
            "Kommunen bidrar med 600 000 kr i egen insats.\n")
    sections = [_field(text, "Budget", text[7:].rstrip("\n"))]
    assert _budget(text, sections) == {"requested_sek": 3740000, "own_financing_sek": 600000, "total_sek": 4340000}


def test_budget_a_years_share_in_a_per_year_table_ranks_below_the_whole_request():
    text = ("Sökt belopp: 1 650 000 kr (825 000 kr per år)\nBudget per år\nKostnad\tPer år\n"
            "Handledare\t560 000\nVarav sökt från förbundet\t825 000\n")
    sections = [_field(text, "Budget per år", text[text.index("Kostnad"):].rstrip("\n"))]
    assert _budget(text, sections)["requested_sek"] == 1650000


def test_budget_sum_row_under_a_forbund_column_is_requested():
    text = "Budget 2026\nPost\tFörbundet\tParternas egeninsats\tTotalt\nPersonal\t1 850 000\t420 000\t2 270 000\n" \
           "Summa\t1 960 000\t580 000\t2 540 000\n"
    body = text.index("Post")
    sections = [Section(key="budget", heading="Budget 2026", text=text[body:], page=None, char_start=body,
                        char_end=len(text))]
    assert _budget(text, sections) == {"requested_sek": 1960000, "own_financing_sek": 580000, "total_sek": 2540000}


def test_budget_a_final_reports_outcome_below_the_grant_is_the_total():
    text = ("Ekonomi\nFörbundet beviljade 3 450 000 kr för hela projektperioden. "
            "Projektets totala kostnad blev 3 249 780 kr. Resten betalas tillbaka.\n")
    sections = [_field(text, "Ekonomi", text[8:].rstrip("\n"))]
    budget = _budget(text, sections, "final_report")
    assert (budget["requested_sek"], budget["total_sek"]) == (3450000, 3249780)


def test_budget_own_financing_is_the_sum_under_the_other_financiers_columns():
    text = "Kostnader och finansiering\n\tFörbundet\tRegion Exempel\tSumma\nPersonal\t1 380 000\t220 000\t1 600 000\n" \
           "Summa\t1 540 000\t260 000\t1 800 000\n"
    body = text.index("\tFörbundet")
    sections = [Section(key="budget", heading="Kostnader och finansiering", text=text[body:], page=None,
                        char_start=body, char_end=len(text))]
    assert _budget(text, sections) == {"requested_sek": 1540000, "own_financing_sek": 260000, "total_sek": 1800000}


def test_amounts_in_a_staffing_table_column_headed_as_cost():
    text = "Personal\nTjänst\tOmfattning\tKostnad per år\nJobbcoach\t100 %\t610 000\nArbetsterapeut\t30 %\t190 000\n"
    assert _values(text) == [610000, 190000]


def test_doc_type_a_budget_rows_label_is_no_title():
    from extractor.classify import classify_doc_type

    text = ("Bilaga 1. Budget Ledstången\n\nBudgetpost (tkr)\t2027\t2028\nUtvärdering\t0\t120\nSumma\t1 460\t1 630\n\n"
            "Sökt belopp från förbundet: 2 690 tkr.\n")
    assert classify_doc_type(text) == "application"


def test_amounts_two_tables_run_together_keep_their_figure_columns():
    # a cost table and a financing table one blank line apart read as one table with a second header
    text = ("Kostnader\t2026\t2027\tTotalt\nLön coach 100 %\t540 000\t556 000\t1 096 000\n\n"
            "Finansiering\t2026\t2027\tTotalt\nKommunen\t140 000\t144 000\t284 000\n")
    assert _values(text) == [540000, 556000, 1096000, 140000, 144000, 284000]


def test_amounts_tkr_in_the_year_headers_scales_a_cost_table():
    text = "Kostnader\nKostnadsslag\t2026 (tkr)\t2027 (tkr)\nPersonal\t1 150\t1 190\nLokaler\t90\t90\n"
    assert _values(text) == [1150000, 1190000, 90000, 90000]


@pytest.mark.parametrize("line, expected", [
    # the parts listed on one line: each cue states the figure right after it, not the closing sum
    ("Sökt belopp 1 480 000 kr, egen finansiering 220 000 kr, totalt 1 700 000 kr.",
     {"requested_sek": 1480000, "own_financing_sek": 220000}),
    # ... but a cue's own parts summed after it give the cue's figure
    ("Egen insats: personal 200 000 kr och lokaler 20 000 kr, totalt 220 000 kr. Vi söker 900 000 kr.",
     {"requested_sek": 900000, "own_financing_sek": 220000}),
    ("Sökt belopp 450 000 kr per år, totalt 1 350 000 kr.", {"requested_sek": 1350000, "own_financing_sek": None}),
])
def test_a_budget_line_listing_its_parts_gives_each_cue_its_own_figure(line, expected):
    from extractor.extract.budget import find_budget

    text = "Budget:\n" + line + "\n"
    section = Section(key="budget", heading="Budget:", text=text[8:], page=None, char_start=8, char_end=len(text))
    budget = find_budget(text, find_amounts(text, [(8, len(text))]), [section], "application")
    assert {field: budget[field] for field in expected} == expected


def test_a_form_tables_value_cell_that_labels_its_own_figure_states_it():
    # a saved web form: label cells, and the budget cell names its figures itself
    from extractor.extract.budget import find_budget
    from extractor.record import Document
    from extractor.split import split

    text = "Ansökan\nProjektets namn:\tPåhittet\nBudget:\tSökt belopp: 1 450 000 kr\nEgen insats: 300 000 kr\n"
    sections = split(Document(path="x.html", format="html", sha256="0", text=text, hints=[]))
    spans = [(s.char_start, s.char_end) for s in sections if s.key == "budget"]
    budget = find_budget(text, find_amounts(text, spans), sections, "application")
    assert (budget["requested_sek"], budget["own_financing_sek"]) == (1450000, 300000)
