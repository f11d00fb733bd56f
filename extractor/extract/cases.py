"""Minutes that decide several insatsers' cases: a board meeting grants one application, extends another
and turns down a third ("§ 41 Ansökan om medel: Påhittet", "§ 42 Förlängning: Exemplet"). No one insats's
period or budget is the document's, however many dates and sums its paragraphs state.
"""
from __future__ import annotations

import re

from ..record import Section

# A paragraph of minutes whose subject is an insats's case: an application, an extension, a grant.
CASE_PARAGRAPH_RE = re.compile(
    r"^\s*§\s*\d{1,4}[a-z]?\b[^\n]*?\b(?:ansökan|ansöker|förlängning|fortsättning|fortsättningsansökan|"
    r"finansiering\s+av|medel\s+(?:till|för)|beviljande)", re.I)
MANY_CASES = 2


def decides_many_cases(sections: list[Section]) -> bool:
    """Return whether two or more paragraphs of minutes are each an insats's case.

    ["§ 41 Ansökan om medel: Påhittet", "§ 42 Förlängning: Exemplet"] -> True
    """
    return sum(1 for s in sections if CASE_PARAGRAPH_RE.match(s.heading or "")) >= MANY_CASES
