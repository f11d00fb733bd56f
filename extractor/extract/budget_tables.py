"""Budget tables: the rows and columns that name a headline figure (read by budget.py)."""
from __future__ import annotations

import re

from ..record import Table
from .amounts import Found
from .budget_cues import CUES
from .tables import OUTCOME_HEAD_RE, YEAR_CELL_RE, value_column

CUE_RES = {field: [(re.compile(p, re.I), tier) for p, tier in cues] for field, cues in CUES.items()}
LABEL_TIER, SUM_TIER = 2, 3
FINANCIER_HEAD_RE = re.compile(r"finansiär|finansiering|finansieras av|^parter?$|^part\b", re.I)
FORBUND_RE = re.compile(r"förbund", re.I)
# a financier's column: "Region Gotland", "Piteå kommun", "Arbetsförmedlingen" (not a year, a total or a kind of figure)
PARTY_HEAD_RE = re.compile(r"[A-ZÅÄÖ][\wåäö-]+(?:\s+[\wåäö-]+){0,3}$")
PARTY_NOT_RE = re.compile(r"\d|summa|totalt?\b|budget|utfall|kostnad|belopp|sökt|kr\b|kronor|andel|procent|%", re.I)
SUM_LABEL_RE = re.compile(r"^(?:summa|totalt|total)\b", re.I)
PER_YEAR_HEAD_RE = re.compile(r"^(?:belopp\s+|kostnad\s+)?(?:per år|/\s*år|årlig(?:en|t)?|kr/år|tkr/år)\b", re.I)
ASIDE_RE = re.compile(r"\([^()]*\)")
PROSE_CELL_WORDS = 6


def cue_hits(field: str, text: str, label: bool = False):
    """Yield (match, tier) for each cue of `field` in `text` (a row's label when `label`)."""
    for cue, tier in CUE_RES[field]:
        if tier == SUM_TIER and not label:
            continue
        for m in cue.finditer(text):
            yield m, (SUM_TIER if tier == SUM_TIER else LABEL_TIER) if label else tier


def table_candidates(table: Table, amounts: list[Found], report: bool, in_budget, add) -> None:
    """Add a candidate for each row whose label names a headline figure, read in the value column;
    a sum row also gives the figure under each column that names one ("Att rekvirera från förbundet")."""
    column = value_column(table, prefer_budget=report)
    partners = _partners_share(table, amounts)
    if partners:
        add("own_financing_sek", in_budget(table.start), LABEL_TIER, table.start, partners)
    # a report's sum row is the approved budget only under a budget column set against the outcome
    budget_column = column is not None and bool(OUTCOME_HEAD_RE.search(" ".join(c.text for c in table.header)))
    aligned = lambda row: table.header is not None and len(row) == len(table.header)  # noqa: E731
    # under "Sökt belopp (kr)" the sum row is the sum requested, not the whole cost
    part_column = column is not None and any(next(cue_hits(f, table.header[column].text), None)
                                             for f in ("requested_sek", "own_financing_sek"))
    # ... unless its rows are the financiers, the förbund's share and the own financing among them:
    # "Finansiering | Beviljat" over "ESF", "Samordningsförbundet", "Medfinansiering", "Totalt" is the whole cost
    financiers = _financier_rows(table)
    part_column = part_column and not financiers
    for row in table.rows:
        label = row[0].text
        # "Own contribution / Egen insats (Exempelby stad)": an aside does not make the label prose
        if len(row) < 2 or not label or len(ASIDE_RE.sub("", label).split()) > PROSE_CELL_WORDS:
            continue
        cells = [row[column]] if column is not None and aligned(row) else row[:0:-1]
        pick = _years_sum(table, row, amounts) if column is None and aligned(row) else None
        pick = pick or figure_in(cells, amounts)
        for field in CUES:
            hits = [tier for _, tier in cue_hits(field, label, label=True)]
            if hits and hits[0] == SUM_TIER and (report and not budget_column or part_column
                                                 or pick and not financiers and _under_part_head(table, pick)):
                continue
            if pick and hits:
                add(field, in_budget(row[0].start), hits[0], row[0].start, pick)
        if SUM_LABEL_RE.match(label) and aligned(row) and not report:
            parties = _party_columns_share(table, row, amounts)
            if parties:
                add("own_financing_sek", in_budget(row[0].start), LABEL_TIER, row[0].start, parties)
            for head, cell in zip(table.header[1:], row[1:]):
                pick = figure_in([cell], amounts)
                for field in CUES:
                    if pick and next(cue_hits(field, head.text), None):
                        add(field, in_budget(row[0].start), LABEL_TIER, row[0].start, pick)


def _financier_rows(table: Table) -> bool:
    """Whether the table's rows name both the förbund's share and the owners' own financing."""
    labels = [row[0].text for row in table.rows if row]
    return all(any(next(cue_hits(f, label, label=True), None) for label in labels)
               for f in ("requested_sek", "own_financing_sek"))


def _party_columns_share(table: Table, row, amounts: list[Found]) -> Found | None:
    """Return the own financing of a table with a column per financier: the sum row's figures under the
    parties other than the förbund.  "Post | Förbundet | Region Gotland | Summa" + "Summa | 1 540 000 |
    260 000 | 1 800 000" -> 260 000
    """
    heads = [c.text for c in table.header]
    if not any(FORBUND_RE.search(h) for h in heads[1:]):
        return None
    parts = []
    for head, cell in zip(heads[1:], row[1:]):
        if FORBUND_RE.search(head) or not PARTY_HEAD_RE.match(head) or PARTY_NOT_RE.search(head):
            continue
        if any(next(cue_hits(f, head), None) for f in CUES):
            return None  # the table names its own columns: read them as such
        pick = figure_in([cell], amounts)
        if pick:
            parts.append(pick)
    if not parts:
        return None
    return Found(sum(p.value for p in parts), parts[0].start, parts[-1].end)


def under_year_head(tables: list[Table], found: Found) -> bool:
    """Whether a figure stands in a table column headed as one year's: "Kostnad | Per år"."""
    for table in tables:
        if table.header and table.start <= found.start < table.end:
            for row in table.rows:
                for head, cell in zip(table.header, row):
                    if cell.start <= found.start < cell.end:
                        return bool(PER_YEAR_HEAD_RE.search(head.text))
    return False


def _under_part_head(table: Table, pick: Found) -> bool:
    """Whether a figure stands under a header naming the sum requested or the own financing."""
    if not table.header:
        return False
    for row in table.rows:
        for head, cell in zip(table.header, row):
            if cell.start <= pick.start < cell.end:
                return any(next(cue_hits(f, head.text), None) for f in ("requested_sek", "own_financing_sek"))
    return False


def _partners_share(table: Table, amounts: list[Found]) -> Found | None:
    """Return the own financing of a financing table: the sum of the rows of parties other than the förbund.

    "Finansiär | Belopp" + "Samordningsförbundet | 1 500 000", "Kommunen | 200 000", "Regionen | 100 000"
    -> 300 000
    """
    if not table.header or not FINANCIER_HEAD_RE.search(table.header[0].text):
        return None
    labels = [row[0].text for row in table.rows]
    if not any(FORBUND_RE.search(label) for label in labels):
        return None
    # rows that name the own financing themselves are its parts ("Egen insats, Exempelby kommun",
    # "Medfinansiering Region Exempel"); another financier's row beside them is none ("ESF-stöd")
    own = lambda label: next(cue_hits("own_financing_sek", label, label=True), None) is not None  # noqa: E731
    named = any(own(label) for label in labels)
    # a report's table sets the granted sums against the outcome: read the granted column
    column = value_column(table, prefer_budget=True)
    cells = lambda row: [row[column]] if column is not None and column < len(row) else row[:0:-1]  # noqa: E731
    parts = [figure_in(cells(row), amounts) for row in table.rows
             if row[0].text and not FORBUND_RE.search(row[0].text) and not SUM_LABEL_RE.match(row[0].text)
             and (own(row[0].text) or not named)]
    parts = [p for p in parts if p]
    if not parts:
        return None
    return Found(sum(p.value for p in parts), parts[0].start, parts[-1].end)


def _years_sum(table: Table, row, amounts: list[Found]) -> Found | None:
    """Return the sum over a row's year columns when the table has no total column.

    "Post | 2025 | 2026" + "Summa | 400 000 | 500 000" -> 900 000 (spanning the row's figures)
    """
    years = [i for i, c in enumerate(table.header) if i and YEAR_CELL_RE.match(c.text)]
    figures = [figure_in([row[i]], amounts) for i in years]
    found = [f for f in figures if f]
    if len(years) < 2 or len(found) < 2:
        return None
    return Found(sum(f.value for f in found), found[0].start, found[-1].end)


def figure_in(cells, amounts: list[Found]) -> Found | None:
    """Return the first amount in the first of `cells` that holds one."""
    return next((a for c in cells for a in amounts if c.start <= a.start < c.end), None)
