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
