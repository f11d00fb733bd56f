"""The three headline budget figures: requested from the förbund, own financing, total cost."""
from __future__ import annotations

import re

from ..record import Section, Table
from .amounts import Found
from .budget_cues import CUES
from .budget_tables import LABEL_TIER, PROSE_CELL_WORDS, SUM_TIER, cue_hits, table_candidates, under_year_head
from .tables import OUTCOME_HEAD_RE, find_tables
from .text import lines as split_lines

FORBUND_SUBJECT_RE = re.compile(r"förbund\w*(?:\s+[A-ZÅÄÖ][\wåäö-]+)*\s+$", re.I)
# Reports set budget against outcome: their "Summa" rows are not the whole cost.
REPORT_TYPES = {"final_report", "progress_report"}
# A förbund's annual report names its own income and costs, not an intervention's three figures.
ANNUAL_REPORT_RE = re.compile(r"(?im)^[ \t]*(?:\d{4}[ \t]+)?(?:årsredovisning|verksamhetsberättelse|förvaltningsberättelse)\b")
ANNUAL_REPORT_ZONE = 700
STATES_A_BUDGET = {"application", "operational_plan", "final_report", "progress_report", "decision"}
FIGURES_ONLY_RE = re.compile(r"^[\s\d\u00a0,.:\-–kr]*$")
NEAR_AFTER, NEAR_BEFORE, ADJACENT_CHARS = 90, 70, 3
SHORT_FIELD_CHARS = 100
WRAPPED_LABEL_CHARS = 30
# A line that ends a sentence, or ends on a figure, is not continued by a figure below it.
LINE_DONE_RE = re.compile(r"[.!?:;]\s*$|\d\s*$")
SENTENCE_END_RE = re.compile(r"[.!?]\s+(?=[A-ZÅÄÖ])")
# "… 1 762 tkr för 2027, totalt 4 426 000 kr": the figure after "totalt" is the sum of the parts.
SUM_WORD_RE = re.compile(r"\b(?:totalt|sammanlagt|sammantaget|tillsammans|i allt)\s+(?:[a-zåäö]+\s+){0,3}$", re.I)
# ... unless "Totalt" opens an item of its own after a figure and its unit: "Egen insats 50000:-  Totalt 450000:-"
NEW_ITEM_SUM_RE = re.compile(r"(?::-|\b[kK]r\.?)\s+(?:Totalt|TOTALT|Summa|SUMMA)\s+$")
# A cost per participant or per month is not a headline figure.
# "450 000 kr/år", "962 tkr för 2025": one year's part ranks below a figure for the whole period.
PER_YEAR_RE = re.compile(r"^\s*(?:per år|/\s*år|årligen|för (?:år )?(?:19|20)\d\d\b)", re.I)
# ... or a label that names one year: "Sökt belopp år 1: 800 000 kr", "Sökt belopp 2026: 640 000 kr"
YEAR_LABEL_RE = re.compile(r"(?:\bår\s*[1-9]|(?<![\d–-])(?<![\d][–-])\b(?:19|20)\d\d)\s*:?\s*$", re.I)
# The whole cost asked of the förbund, without a figure of its own: "Hela beloppet söks från förbundet",
# "Förbundet finansierar hela budgeten", "Insatsen finansieras helt av förbundet"
WHOLE_FROM_FORBUND_RE = re.compile(
    r"\bhela\s+(?:beloppet|budgeten|kostnaden)\s+söks\b|"
    r"\bförbundet\s+(?:finansierar|bekostar|står för)\s+hela\s+(?:budgeten|kostnaden|beloppet|insatsen)\b|"
    r"\bfinansieras\s+(?:helt|i sin helhet)\s+(?:av|genom)\s+(?:samordnings)?förbundet\b", re.I)
PER_UNIT_RE = re.compile(r"^\s*(?:per|/)\s*(?:deltagare|person|månad|timme|plats|dag)", re.I)
# "… söks från förbundet och 40 000 kr utgör egeninsats": a figure right after "och" starts the next item.
NEXT_ITEM_RE = re.compile(r"\b(?:och|samt)\s*$")
MIN_WHOLE_BUDGET = 10_000
# Money from an EU fund is neither asked of the förbund nor the owners' own: "ESF-rådet beviljade
# projektet 5 000 000 kr", "beviljades 4 200 000 kr från Europeiska socialfonden", "varav ESF finansierar …"
EU_FUND_RE = re.compile(r"\besf\b|esf-?rådet|esf-?stöd|socialfonden|europeiska\s+socialfonden|integrationsfonden|"
                        r"regionalfonden|\beu-?medel|\beu-?projekt|\bamif\b", re.I)
EU_FUND_FIELDS = {"requested_sek", "own_financing_sek"}
# A text that counts the applications it speaks of ("44 ansökningar har inkommit") sums many
# requests: its "sökt belopp" is no one insats's request.
MANY_APPLICATIONS_RE = re.compile(r"\b\d+\s+(?:ansökningar|ansökningarna)\b", re.I)
NEAR_YEAR_CHARS = 400
FIELD_LABEL_WORDS = 6


def _line_groups(text: str):
    """Yield (start, end, first_line) for each line plus the figure-only lines that continue it."""
    lines = split_lines(text)
    i = 0
    while i < len(lines):
        start, line = lines[i]
        j = i + 1
        if "\t" in line:
            while j < len(lines) and lines[j][1].strip() and FIGURES_ONLY_RE.match(lines[j][1]):
                j += 1
            nxt = lines[j][1].strip() if j < len(lines) else ""
            if nxt[:1].islower() and "\t" not in nxt and len(nxt) <= WRAPPED_LABEL_CHARS and not re.search(r"\d", nxt):
                # a PDF cell whose label wrapped: "Arbetsförmedlingen, egen\t1 398" + "finansiering"
                label, rest = line.split("\t", 1)
                line = f"{label} {nxt}\t{rest}"
                j += 1
        elif _is_field_label(line) and (k := _next_filled(lines, j)) is not None and _figure_line(lines[k][1]):
            # a form's label over its value, blank lines between: "Egen insats (kr)" / "240000",
            # "Total projektbudget:" / "4 120 500"
            j = k + 1
        else:  # a wrapped prose line continues in lower case, or with the figure it led up to
            while j < len(lines) and "\t" not in lines[j][1] and (
                    lines[j][1][:1].islower()
                    or lines[j][1][:1].isdigit() and not LINE_DONE_RE.search(lines[j - 1][1])):
                j += 1
        end = lines[j - 1][0] + len(lines[j - 1][1])
        yield start, end, line
        i = j


def _is_field_label(line: str) -> bool:
    """Whether a line is a short form label with no figure.  "Egen insats (kr)" -> True"""
    words = line.split()
    return 0 < len(words) <= FIELD_LABEL_WORDS and not re.search(r"\d|[.!?]\s*$", line)


def _next_filled(lines: list[tuple[int, str]], j: int) -> int | None:
    """Return the index of the first non-blank line from j, or None."""
    return next((k for k in range(j, min(len(lines), j + 3)) if lines[k][1].strip()), None)


def _figure_line(line: str) -> bool:
    return bool(re.search(r"\d", line)) and FIGURES_ONLY_RE.match(line) is not None


# "Summa 2 050 000 kr": a label and one figure with its unit also reads as a table row.
LABELLED_FIGURE_RE = re.compile(
    r"[^\d\t]*[^\d\s:]\s*:?\s+\d{1,3}(?:[ \u00a0]\d{3})*(?:,\d+)?\s*(?:kr|kronor|sek|tkr|:-)?\.?\s*", re.I)


def _row_label(line: str) -> str | None:
    """Return the text before a table row's first figure, when the line reads as a row."""
    m = re.search(r"[\t ]\d", line)
    if "\t" not in line and not re.search(r"\d[\d ]*\d\s*$", line) and not LABELLED_FIGURE_RE.fullmatch(line):
        return None
    label = line[: m.start()] if m else line
    return label.strip(" \t:") or None


def _row_figure(flat: str, inside: list[Found]) -> Found:
    """Return a labelled row's figure: its last, but not a year's share set after the whole.

    "Sökt belopp: 1 650 000 kr (825 000 kr per år)" -> 1 650 000
    """
    whole = [a for a in inside if not PER_YEAR_RE.match(flat[a.end:a.end + 20])]
    return (whole or inside)[-1]




def _prose_candidates(flat: str, start: int, end: int, inside: list[Found], in_budget: bool, add) -> None:
    """Add a candidate for each cue in running text, with the figure it states; a figure two cues
    claim belongs to the nearer ("Av den totala kostnaden söks 3 802 000 kr" is the sum requested)."""
    claims = []
    for field in CUES:
        for m, tier in cue_hits(field, flat[start:end]):
            lead = flat[max(0, start + m.start() - 60):start + m.start()]
            if field == "own_financing_sek" and FORBUND_SUBJECT_RE.search(lead):
                continue  # "Samordningsförbundet Ådalen finansierar …" is the sum granted
            pick = _nearest(flat, inside, start + m.start(), start + m.end())
            if pick and field in EU_FUND_FIELDS and EU_FUND_RE.search(_part_of_list(
                    _sentence_around(flat, min(pick.start, start + m.start()), max(pick.end, start + m.end())),
                    flat[min(pick.start, start + m.start()):max(pick.end, start + m.end())])):
                continue  # the fund's grant, not the förbund's or the owners'
            if pick:
                distance = min(abs(pick.start - (start + m.end())), abs(start + m.start() - pick.end))
                claims.append((distance, field, tier, start + m.start(), pick))
    for distance, field, tier, pos, pick in claims:
        if not any(d < distance and f != field and p is pick for d, f, _, _, p in claims):
            add(field, in_budget, tier, pos, pick)


# A list of the financiers' shares: "varav 6 370 000 kr ESF-stöd, 1 500 000 kr från Samordningsförbundet …"
SHARE_LIST_BREAK_RE = re.compile(r",\s+|\s+och\s+|\s+varav\s+")


def _part_of_list(sentence: str, pair: str) -> str:
    """Return the item of a list of shares that holds `pair` (the figure and its cue), else the sentence:
    a fund named in another item ("6 370 000 kr ESF-stöd") does not claim this item's figure."""
    at = sentence.find(pair)
    if at < 0 or len(SHARE_LIST_BREAK_RE.findall(sentence)) < 2:
        return sentence
    cuts = [0] + [m.end() for m in SHARE_LIST_BREAK_RE.finditer(sentence)] + [len(sentence)]
    begin = max(c for c in cuts if c <= at)
    end = min((c for c in cuts if c >= at + len(pair)), default=len(sentence))
    return sentence[begin:end]


def _sentence_around(flat: str, start: int, end: int, reach: int = 60) -> str:
    """Return up to `reach` characters either side of flat[start:end], not past a sentence's end."""
    before = flat[max(0, start - reach):start]
    cut = list(SENTENCE_END_RE.finditer(before))
    before = before[cut[-1].end():] if cut else before
    after = flat[end:end + reach]
    stop = SENTENCE_END_RE.search(after)
    return before + flat[start:end] + (after[:stop.start() + 1] if stop else after)


def find_budget(text: str, amounts: list[Found], sections: list[Section], doc_type: str,
                where: dict | None = None) -> dict:
    """Return {"requested_sek", "own_financing_sek", "total_sek"} (None where not stated).

    `where`, if given, gets "budget.requested_sek" etc. -> offsets of the figure chosen.
    """
    if doc_type not in STATES_A_BUDGET and ANNUAL_REPORT_RE.search(text[:ANNUAL_REPORT_ZONE]):
        return {field: None for field in CUES}  # a förbund's own accounts are no intervention's budget
    budget_spans = [(s.char_start, s.char_end) for s in sections if s.key == "budget"]
    in_budget = lambda pos: any(s <= pos < e for s, e in budget_spans)  # noqa: E731
    candidates: dict[str, list[tuple]] = {field: [] for field in CUES}

    def add(field: str, inside_budget: bool, tier: float, pos: int, found: Found) -> None:
        per_year = (bool(PER_YEAR_RE.match(text[found.end:found.end + 20])) or under_year_head(tables, found)
                    or bool(YEAR_LABEL_RE.search(text[text.rfind("\n", 0, found.start) + 1:found.start])))
        candidates[field].append((not inside_budget, tier, pos, found.value, found.start, found.end, per_year))

    tables = find_tables(text)
    for table in tables:
        table_candidates(table, amounts, doc_type in REPORT_TYPES, in_budget, add)
    flat = text.replace("\n", " ")
    for start, end, line in _line_groups(text):
        table = next((t for t in tables if t.start <= start < t.end), None)
        for s, e in _prose_parts(text, start, end, line, table):
            inside = [a for a in amounts if s <= a.start < e]
            if inside:
                _line_candidates(flat, s, e, line if (s, e) == (start, end) else None, inside, in_budget(s),
                                 doc_type, add)
    for section in sections:
        # A form's budget field holding one figure ("7 527 tkr för 4 år") is the sum applied for.
        inside = [a for a in amounts if section.char_start <= a.start < section.char_end]
        # a field whose label is the heading and whose value opens it: "Egen insats (kr)" over "240000"
        named = next((field for field in CUES for _, tier in cue_hits(field, section.heading or "") if tier == 0),
                     None) if inside and _figure_line(section.text.split("\n", 1)[0]) else None
        if named:
            add(named, True, 0, section.char_start, inside[0])
        # (a field of the outcome is no request: "Utfall kostnader\t3 198 400 kr")
        elif (section.key == "budget" and len(inside) == 1 and len(section.text) <= SHORT_FIELD_CHARS
              and not OUTCOME_HEAD_RE.search(section.heading or "")):
            add("requested_sek", True, 0, section.char_start, inside[0])
    if MANY_APPLICATIONS_RE.search(text):
        candidates["requested_sek"] = []
    chosen = _choose(candidates, doc_type in REPORT_TYPES)
    if "total_sek" in chosen and "requested_sek" not in chosen and "own_financing_sek" not in chosen \
            and WHOLE_FROM_FORBUND_RE.search(text):
        chosen["requested_sek"] = chosen["total_sek"]  # "Hela beloppet söks från förbundet"
    if where is not None:
        where.update({f"budget.{field}": (c[4], c[5]) for field, c in chosen.items()})
    return {field: chosen[field][3] if field in chosen else None for field in CUES}


def _prose_parts(text: str, start: int, end: int, line: str, table: Table | None) -> list[tuple[int, int]]:
    """Return the spans of a line group to read: all of it, or in a table only its cells of prose."""
    if table is None:
        return [(start, end)]
    row = next((r for r in table.rows if r[0].start >= start and r[-1].end <= end), None)
    cells = row or []
    # ... and a form's value cell that labels its own figure: "Budget: | Sökt belopp: 1 450 000 kr"
    return [(c.start, c.end) for c in cells[1:]
            if len(c.text.split()) > PROSE_CELL_WORDS or LABELLED_FIGURE_RE.fullmatch(c.text.strip())]


def _line_candidates(flat: str, start: int, end: int, line: str | None, inside: list[Found], in_budget: bool,
                     doc_type: str, add) -> None:
    """Add the candidates of one line group outside tables: a labelled row, or prose cues."""
    # a row is one line (or a tabbed line and its figures); prose that wraps is not a row
    label = _row_label(line) if line is not None and ("\t" in line or end - start == len(line)) else None
    if label is not None:
        for field in CUES:
            for m, tier in cue_hits(field, label, label=True):
                # "Sökt belopp: 450 000 kr" states its figure as plainly as a sentence does
                if not (doc_type in REPORT_TYPES and tier == SUM_TIER):
                    add(field, in_budget, 0 if tier == LABEL_TIER else tier, start, _row_figure(flat, inside))
                break
        if any(m for field in CUES for m in cue_hits(field, label, label=True)):
            return
    _prose_candidates(flat, start, end, inside, in_budget, add)


def _choose(candidates: dict[str, list[tuple]], report: bool = False) -> dict[str, tuple]:
    """Return each field's best candidate; a whole budget or request under 10 000 kr, or a total below the
    sum requested (or equal to it where own financing is stated), or own financing not below the total,
    is not taken. A report's cost named outright ("Projektets totala kostnad blev …") may fall below the
    sum granted: the rest is paid back."""
    chosen = {}
    for field, found in candidates.items():
        found = [_demote_year(c, found) for c in found]
        ok = [c for c in sorted(found) if field == "own_financing_sek" or c[3] >= MIN_WHOLE_BUDGET]
        if ok:
            chosen[field] = ok[0]
    # the whole cost is at least the sum requested, and above it where own financing is stated too
    floor = chosen["requested_sek"][3] if "requested_sek" in chosen else 0
    floor += 1 if floor and chosen.get("own_financing_sek", (0,) * 4)[3] else 0
    if "total_sek" in chosen and chosen["total_sek"][3] < floor and not (report and chosen["total_sek"][1] == 0):
        above = [c for c in sorted(candidates["total_sek"]) if c[3] >= floor]
        if above:
            chosen["total_sek"] = above[0]
        else:
            del chosen["total_sek"]
    if "total_sek" in chosen and "own_financing_sek" in chosen:
        # own financing is a part of the whole cost: "egen insats … Insatsens totala kostnad är …"
        below = [c for c in sorted(candidates["own_financing_sek"]) if c[3] < chosen["total_sek"][3]]
        if below:
            chosen["own_financing_sek"] = below[0]
        else:
            del chosen["own_financing_sek"]
    return chosen


def _demote_year(candidate: tuple, others: list[tuple]) -> tuple:
    """Rank one year's figure below a larger figure for the same field stated near it.

    "Sökt belopp: 450 000 kr/år" + "Totalt sökt belopp: 1 350 000 kr" -> the latter first
    """
    if candidate[6] and any(o[3] > candidate[3] and abs(o[2] - candidate[2]) <= NEAR_YEAR_CHARS for o in others):
        # below the whole, even where the whole stands in a form field and the year's part in the budget
        return (True, candidate[1] + 0.5) + candidate[2:]
    return candidate


def _sums_own_parts(flat: str, after: list[Found], cue_end: int, whole: Found) -> bool:
    """Whether a summed figure after a cue is the cue's own: no other headline figure's cue stands
    between them, and the figures between add up to it (or are a year's share, or there are none)."""
    if any(tier == 0 for field in CUES for _, tier in cue_hits(field, flat[cue_end:whole.start])):
        return False
    parts = [a for a in after if a.end <= whole.start]
    return (not parts or sum(a.value for a in parts) == whole.value
            or any(PER_YEAR_RE.match(flat[a.end:a.end + 20]) for a in parts))


def _nearest(flat: str, amounts: list[Found], cue_start: int, cue_end: int) -> Found | None:
    """Return the figure a cue states: in the same sentence, right before it ("175 000 kr söks"), after it
    (a summed "totalt" figure first), else before it; costs per participant are no headline figure."""
    same = [a for a in amounts if not PER_UNIT_RE.match(flat[a.end:a.end + 20])
            and not SENTENCE_END_RE.search(flat[min(a.start, cue_end):max(a.start, cue_start) + 1])]
    adjacent = [a for a in same if 0 <= cue_start - a.end <= ADJACENT_CHARS  # "175 000 kr söks"
                and not flat[a.end:cue_start].strip() and flat[cue_start:cue_start + 1].islower()]
    # "Av totalkostnaden 4 340 000 kr söks 3 740 000 kr": a figure right after the cue is the one it states
    right_after = [a for a in same if 0 <= a.start - cue_end <= ADJACENT_CHARS and not flat[cue_end:a.start].strip()]
    if adjacent and right_after:
        return right_after[0]
    if adjacent:
        return adjacent[-1]
    after = [a for a in same if 0 <= a.start - cue_end <= NEAR_AFTER
             and not NEXT_ITEM_RE.search(flat[cue_end:a.start])]
    # "egen insats 200 000 kr och lokaler 20 000 kr, totalt 220 000 kr" sums the cue's parts; after
    # "sökt 1 480 000 kr, egen finansiering 220 000 kr, totalt 1 700 000 kr" the sum is the whole's
    summed = [a for a in after if SUM_WORD_RE.search(flat[max(cue_end, a.start - 40):a.start])
              and not NEW_ITEM_SUM_RE.search(flat[max(0, a.start - 40):a.start]) and _sums_own_parts(flat, after, cue_end, a)]
    if summed:
        return summed[0]
    if after:
        return min(after, key=lambda a: a.start)
    before = [a for a in same if 0 <= cue_start - a.end <= NEAR_BEFORE]
    return max(before, key=lambda a: a.end) if before else None
