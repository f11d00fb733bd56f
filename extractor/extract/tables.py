"""Tables in a document's text: the tab-separated rows the readers write, read back as rows and cells."""
from __future__ import annotations

import re

from ..record import Cell, Table
from .text import lines

# "2026", "År 2", "2025/26", and a year heading its unit: "2026 (tkr)"
YEAR_CELL_RE = re.compile(r"^(?:(?:år\s*)?(?:19|20)\d\d(?:\s*[-–/]\s*(?:19|20)?\d\d)?|år\s*\d)(?:\s*\((?:t?kr|t?sek|kronor)\))?$",
                          re.I)
TOTAL_HEAD_RE = re.compile(r"^(?:totalt|total|summa|totalbelopp|summa totalt|totalt belopp)\b", re.I)
# ... and a report sets what was granted against the outcome: "Finansiär | Beviljat | Utfall"
BUDGET_HEAD_RE = re.compile(r"\bbudget(?:erat)?\b|\bbelopp\b|\bkostnad\b|\bbevilja(?:t|de|d)\b", re.I)
OUTCOME_HEAD_RE = re.compile(r"\butfall\w*\b|\bförbrukat\b|\bredovisat\b", re.I)
FIGURE_RE = re.compile(r"\d")
# A cell holding only a figure (and perhaps its unit): "1 190 000", "–", "640 tkr".
FIGURE_CELL_RE = re.compile(r"^[\d\s\u00a0,.:\-–kr%()tkrSEK]*$", re.I)


def value_column(table: Table, prefer_budget: bool = False) -> int | None:
    """Return the index of the column a row's headline figure stands in.

    "Kostnadsslag | 2025 | 2026 | Totalt" -> 3; "Post | Budget | Utfall" -> 1 (budget, not outcome).
    """
    if not table.header:
        return None
    heads = [c.text for c in table.header]
    if prefer_budget:
        for i, h in enumerate(heads):
            if i and BUDGET_HEAD_RE.search(h) and not OUTCOME_HEAD_RE.search(h):
                return i
    for i, h in enumerate(heads):
        if i and TOTAL_HEAD_RE.search(h) and not OUTCOME_HEAD_RE.search(h):
            return i
    return 1 if len(heads) == 2 else None


def _cells(line: str, offset: int) -> list[Cell]:
    """Split a tabbed line into stripped cells with offsets, empty cells kept so columns line up.

    "Lokaler\t\t70 000" -> ["Lokaler", "", "70 000"]
    """
    out, pos = [], 0
    for part in line.split("\t"):
        stripped = part.strip(" |")
        lead = part.find(stripped) if stripped else 0
        out.append(Cell(stripped, offset + pos + lead, offset + pos + lead + len(stripped)))
        pos += len(part) + 1
    while out and not out[-1].text:
        out.pop()
    return out


def is_header(cells: list[Cell]) -> bool:
    """Whether a row names columns: no figures but years and labels ("Kostnad (tkr) | 2024 | Summa")."""
    figures = [c for c in cells[1:] if c.text and FIGURE_RE.search(c.text) and not YEAR_CELL_RE.match(c.text)
               and FIGURE_CELL_RE.match(c.text)]
    return len(cells) >= 2 and not figures


def _same_row(a: list[Cell], b: list[Cell]) -> bool:
    return [c.text.lower() for c in a] == [c.text.lower() for c in b]


WRAPPED_LABEL_RE = re.compile(r"^\s*[a-zåäö][^\d\t]{0,29}$")
MAX_PAGE_BREAK_LINES = 6
CONTINUATION_GAP = 1  # footer and header lines between a table and its continuation


def _continues(table: Table, cells: list[Cell]) -> bool:
    """Whether a row after a line or two of other text still belongs to `table`: same columns, no new header.

    (A wrapped label in capitals, "Supported\nEmployment", breaks a PDF table's run of rows.)
    """
    return bool(table.header) and len(cells) == len(table.header) and not is_header(cells)


def find_tables(text: str) -> list[Table]:
    """Return the tables of `text`: runs of tabbed lines; a header repeated after a page break
    continues the table above it.  "Kostnad\t2025\nLokaler\t70 000" -> one table, one row"""
    tables: list[Table] = []
    gap = 0  # non-blank lines without a tab since the last row
    for offset, line in lines(text):
        cells = _cells(line, offset) if "\t" in line else []
        if not cells:
            if gap == 0 and tables and tables[-1].rows and WRAPPED_LABEL_RE.match(line):
                # a PDF cell whose label wrapped: "Arbetsförmedlingen, egen\t1 398" + "finansiering"
                first = tables[-1].rows[-1][0]
                first.text = f"{first.text} {line.strip()}"
                continue
            gap += 1 if line.strip() else 0
            continue
        last = tables[-1] if tables else None
        repeated = last and last.header and _same_row(last.header, cells)
        if repeated and gap <= MAX_PAGE_BREAK_LINES:
            pass
        elif last and gap == 0 and last.rows and not cells[0].text:
            last.rows[-1].extend(c for c in cells[1:] if c.text)  # figures wrapped below their row
        elif last and gap == 0 or last and gap <= CONTINUATION_GAP and _continues(last, cells):
            last.rows.append(cells)
        else:
            tables.append(Table(header=cells if is_header(cells) else None))
            if not tables[-1].header:
                tables[-1].rows.append(cells)
        gap = 0
    return [t for t in tables if t.rows]
