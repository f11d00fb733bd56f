"""Expected participants read from a table: a planned count's sum row, or its row in a goal column."""
from __future__ import annotations

import re

from ..record import Cell, Section, Table
from .tables import OUTCOME_HEAD_RE, TOTAL_HEAD_RE, YEAR_CELL_RE, find_tables

# A column that counts people: "Antal deltagare", "Antal per år", "Deltagare"
COUNT_HEAD_RE = re.compile(r"\bdeltagare\b|^antal(?:\s+(?:per år|totalt|nya|personer))?$|\bantal personer\b", re.I)
# A row that counts the participants: "Antal deltagare", "Planerat antal nya deltagare"
# ... or names them with what it counts: "Nya deltagare", "Deltagare totalt" (not "Deltagare till arbete")
COUNT_ROW_RE = re.compile(r"^(?:planerat |förväntat |beräknat )?antal (?:nya )?deltagare\b|"
                          r"^(?:nya |inskrivna )?deltagare(?:\s+(?:totalt|per år|samtidigt))?$", re.I)
# A goal cell may state the count as a phrase: "50 deltagare per år", "Minst 120 personer totalt"
GOAL_PHRASE_RE = re.compile(r"^(?:minst\s+|ca\.?\s*|cirka\s+)?(\d{1,4})\s+(?:nya\s+)?(?:deltagare|personer)"
                            r"(?:\s+(?P<per>per år|årligen|totalt|sammanlagt|samtidigt|åt gången))?$", re.I)
PHRASE_PERS = {"per år": "year", "årligen": "year", "totalt": "total", "sammanlagt": "total",
               "samtidigt": "ongoing", "åt gången": "ongoing"}
PEOPLE_RE = re.compile(r"\bdeltagar\w*|\bpersoner\b|\bindivider\b", re.I)
SUM_ROW_RE = re.compile(TOTAL_HEAD_RE.pattern + r"|^sammanlagt\b", re.I)
# Words that make a table the plan rather than the outcome
PLAN_RE = re.compile(r"\bplaner\w*|\bförväntad?e?t?\b|\bberäknad?e?t?\b|\bmål\b|\bmålet\b|\bbudget\w*", re.I)
OUTCOME_RE = re.compile(OUTCOME_HEAD_RE.pattern + r"|\binskriv\w*|\bdeltog\b|\bfaktisk\w*|\bresultat\w*", re.I)
NUMBER_RE = re.compile(r"^(?:ca\.?\s*|cirka\s*)?(\d{1,4})$", re.I)
ONE_YEAR_RE = re.compile(r"\b(?:19|20)\d\d\b(?!\s*[-–/]\s*(?:19|20)?\d\d)")
PER_YEAR_RE = re.compile(r"per år|/år|årligen|per kalenderår", re.I)


def _number(row: list[Cell], col: int) -> int | None:
    """Return the count in the row's cell at `col`: "ca 40" -> 40; a share, a sum of money or a blank -> None."""
    m = NUMBER_RE.match(row[col].text) if col < len(row) else None
    return int(m.group(1)) if m and int(m.group(1)) >= 2 else None


def _sum_row(table: Table, context: str) -> tuple[dict, Cell] | None:
    """Return the sum row's figure in a column counting participants of a planned table, with its cell.

    "År | Antal deltagare" over "2026 | 30", "2027 | 40", "Totalt | 70" -> 70 in total;
    "Målgrupp | Antal per år" over "Unga | 20", "Vuxna | 30", "Summa | 50" -> 50 a year
    """
    heads = [c.text for c in table.header]
    if not PLAN_RE.search(context) or OUTCOME_RE.search(context + " " + " ".join(heads)):
        return None
    for col, head in enumerate(heads):
        # a bare "Antal" counts people only where the table is about them (not staff in a budget table)
        if not col or not COUNT_HEAD_RE.search(head) or not PEOPLE_RE.search(head + " " + context):
            continue
        for row in table.rows:
            count = _number(row, col) if SUM_ROW_RE.match(row[0].text) else None
            if count is None:
                continue
            by_year = any(YEAR_CELL_RE.match(r[0].text) for r in table.rows)
            per = "year" if PER_YEAR_RE.search(head) and not by_year else "total"
            return {"count": count, "per": per}, row[col]
        return _same_each_year(table, col)
    return None


def _same_each_year(table: Table, col: int) -> tuple[dict, Cell] | None:
    """Return the count of a planned table by year without a sum row when every year plans the same.

    "År | Antal deltagare" over "2031 | 30", "2032 | 30" -> 30 a year (30 and 40 -> None)
    """
    rows = [r for r in table.rows if YEAR_CELL_RE.match(r[0].text)]
    counts = {_number(r, col) for r in rows}
    if len(rows) < 2 or len(rows) != len(table.rows) or len(counts) != 1 or None in counts:
        return None
    return {"count": counts.pop(), "per": "year"}, rows[0][col]


def _goal_column(table: Table) -> tuple[dict, Cell] | None:
    """Return the participants row's figure in the goal column of a follow-up table, with its cell.

    "Indikator | Mål 2031 | Utfall" over "Antal deltagare | 50 | 38" -> 50 a year;
    "Mål | Utfall" over "50 deltagare per år | 38 deltagare" -> 50 a year (the goal as a phrase)
    """
    heads = [c.text for c in table.header]
    for col, head in enumerate(heads):
        if not PLAN_RE.search(head) or OUTCOME_RE.search(head):
            continue
        for row in table.rows if col else []:
            count = _number(row, col) if COUNT_ROW_RE.match(row[0].text) else None
            if count is None:
                continue
            # a goal for one named year is a year's: "Mål 2031"
            per = "year" if PER_YEAR_RE.search(head + " " + row[0].text) or ONE_YEAR_RE.search(head) else "total"
            return {"count": count, "per": per}, row[col]
        for row in table.rows:
            phrase = GOAL_PHRASE_RE.match(row[col].text.strip()) if col < len(row) else None
            if phrase and int(phrase.group(1)) >= 2:
                per = PHRASE_PERS.get((phrase.group("per") or "").lower(), "total")
                return {"count": int(phrase.group(1)), "per": per}, row[col]
    return None


def table_participants(section: Section) -> tuple[dict, Cell] | None:
    """Return ({"count", "per"}, its cell) from a table of the section that plans the participants, or None.

    The cell's offsets are into the section's text."""
    for table in find_tables(section.text):
        if not table.header:
            continue
        # the heading and the line that introduces the table say whether it is the plan
        before = [line for line in section.text[:table.start].split("\n") if line.strip()]
        context = " ".join([section.heading or ""] + before[-1:])
        found = _sum_row(table, context) or _goal_column(table)
        if found:
            return found
    return None
