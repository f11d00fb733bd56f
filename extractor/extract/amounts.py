"""Money in whole SEK: "5 350 000", "585000:-", "7 527 tkr", "1,2 mnkr", "4,6 miljoner kronor"."""
from __future__ import annotations

import re
from dataclasses import dataclass

from .numbers import MONTHS, NUMBER_PATTERN, parse_number
from .tables import find_tables, is_header
from .text import digit_led_matches, lines

# Units after a number, and what they multiply by.
UNITS: dict[str, int] = {
    r"kr\b|kronor\b|sek\b|:-": 1,
    r"tkr\b|tusen kronor\b|tsek\b|ksek\b": 1_000,
    r"mnkr\b|mkr\b|m\.kr\b|msek\b|miljoner kronor\b|miljoner\b|milj\.? kr\b|milj\b\.?|miljon kronor\b": 1_000_000,
}
UNIT_PATTERN = "|".join(f"(?P<u{i}>{p})" for i, p in enumerate(UNITS))
FACTORS = list(UNITS.values())
# With a unit after it, a figure may break over a line: "deltagaraktiviteter 110\n000 kr".
# OCR may drop the space of the first group: "1392 000 kr" (not a year: "2025 150 000 kr").
# (groups bounded: a run of "000 000 000 …" is tried in bounded steps, not to its end from every digit)
WRAPPED_NUMBER_PATTERN = (r"\d{1,3}(?:[ \u00a0\u202f\u2009\n]\d{3}){1,6}(?:,\d+)?|(?!19\d\d|20\d\d)[1-9]\d{3}(?: \d{3}){1,6}(?!\d)|"
                          r"\d+(?:,\d+)?")
# "4, 6 Mkr": a stray space after the decimal comma, before a unit of millions.
SPACED_DECIMAL_RE = re.compile(r"(?<![\d,.])(?P<num>\d{1,3}, \d{1,2})\s*(?:mnkr|mkr|m\.kr|msek|miljoner)\b", re.I)
MONEY_RE = re.compile(rf"(?<![\d,.])(?P<num>{WRAPPED_NUMBER_PATTERN})\s*(?:{UNIT_PATTERN})", re.IGNORECASE)
# A day before a month's name is a date, not a figure: "den 15 mars 2022".
MONTH_NAMES = "|".join(sorted(MONTHS, key=len, reverse=True))
BARE_RE = re.compile(rf"(?<![\d,.:/-])(?P<num>{NUMBER_PATTERN})(?![\d]|[.,/-]\d|\s*(?:%|procent|år\b|st\b|(?:{MONTH_NAMES})\b))",
                     re.I)
# A table or a budget section that states its figures in thousands.
THOUSANDS_RE = re.compile(r"\btkr\b|tusentals kronor|\(tkr\)|i tusental", re.IGNORECASE)
YEAR_RE = re.compile(r"^(19|20)\d\d$")
SEVEN_DIGITS_RE = re.compile(r"(?<!\d)(?<!\d[ \u00a0])\d{1,3}(?:[ \u00a0]\d{3}){2}(?![\d])|(?<!\d)\d{7}(?!\d)")
SPACE_SEPARATORS = {" ", "\u00a0", "\u202f", "\u2009"}
MIN_BARE_SEK = 1_000
URL_RE = re.compile(r"(?:https?://|www\.)\S+", re.I)
HEADING_CHARS = 80
MAX_SEK = 2_000_000_000


@dataclass
class Found:
    value: int
    start: int
    end: int


def _split_run(text: str) -> list[tuple[int, int]]:
    """Split a run of 3-digit groups that is really several table cells.

    "150 000 150 000 300 000" -> three numbers; returns (offset, length) pairs within text.
    """
    groups = re.split(r"[ \u00a0\u202f\u2009]", text)
    if len(groups) <= 3 or not all(len(g) == 3 for g in groups[1:]):
        return [(0, len(text))]
    for per in (1, 2):
        size = per + 1
        if len(groups) % size:
            continue
        chunks = [groups[i:i + size] for i in range(0, len(groups), size)]
        if all(c[0] != "000" and not c[0].startswith("0") for c in chunks):
            out, pos = [], 0
            for chunk in chunks:
                piece = " ".join(chunk)
                out.append((pos, len(piece)))
                pos += len(piece) + 1
            return out
    return [(0, len(text))]


# Older and foreign-style forms: "500.000 kr" (dots between groups), "SEK 300 000" (unit first).
DOTTED_RE = re.compile(r"(?<![\d,.])(?P<num>\d{1,3}(?:\.\d{3})+)(?![\d,.]\d)\s*(?:kr\b|kronor\b|sek\b|:-)", re.I)
# Thousands marked with commas: "9,000 000 kr" (a comma, then spaces), "1,250,000 kr" (English style);
# a decimal comma is never followed by two groups of three digits.
COMMA_GROUPS_RE = re.compile(r"(?<![\d,.])(?P<num>\d{1,3}(?:,\d{3}(?:[ \u00a0]\d{3})+|(?:,\d{3}){2,}))(?![\d,.]\d)"
                             r"\s*(?:kr\b|kronor\b|sek\b|:-)", re.I)
# ... and without a unit where the shape says money: two dotted groups or more ("1.240.000"), or öre
# after them ("210.000,00"), as a budget table or a foreign-style form prints figures.
DOTTED_SHAPE_RE = re.compile(r"(?<![\d,.])(?P<num>[1-9]\d{0,2}(?:\.\d{3}){2,}|[1-9]\d{0,2}(?:\.\d{3})+(?=,\d\d(?!\d)))"
                             r"(?:,\d\d(?!\d))?(?![\d.]\d|,\d)")
UNIT_FIRST_RE = re.compile(rf"\b(?:SEK|kr\.?)\s+(?P<num>{NUMBER_PATTERN})(?![\d]|[.,]\d|\s*(?:tkr|mkr|mnkr|kr|kronor|sek|%)\b)",
                           re.I)


# Money written in words: "en halv miljon kronor", "en miljon kr"
WORD_MONEY = {r"(?:en\s+)?halv\s+miljon": 500_000, r"en\s+miljon": 1_000_000}
WORD_MONEY_RE = [(re.compile(rf"\b{p}\s+(?:kronor|kr)\b", re.I), v) for p, v in WORD_MONEY.items()]
# A field whose label names money holds a figure without a unit: "Total projektbudget:\n9 395 363",
# "Beviljat stöd: 450 000" (a project database's page, a form's summary).
MONEY_LABEL_RE = re.compile(
    r"(?im)^[ \t]*[^\n:\d]{0,40}?(?:budget|belopp|stöd|kostnad(?:er)?|bidrag)[ \t]*:[ \t]*\n?[ \t]*"
    r"(?P<num>\d{1,3}(?:[ \u00a0]\d{3})+|\d{4,9})[ \t]*$")
MONEY_LABEL_WORDS = ("budget", "belopp", "stöd", "kostnad", "bidrag")


# English: "SEK 3.6 million", "2,4 million kronor", "2 million Swedish kronor"
MILLION_EN_RE = re.compile(r"\bSEK\s+(?P<num>\d{1,3}(?:[.,]\d{1,2})?)\s+million\b|"
                           r"(?<![\d.,])(?P<num2>\d{1,3}(?:[.,]\d{1,2})?)\s+million\s+(?:Swedish\s+)?(?:SEK|kronor|crowns)\b", re.I)


def find_money(text: str) -> list[Found]:
    """Return amounts written with a unit: "7 527 tkr" -> 7527000, "585000:-" -> 585000,
    "500.000 kr" -> 500000, "SEK 300 000" -> 300000, "2 m.kr" -> 2000000, "4, 6 Mkr" -> 4600000."""
    lower = text.lower()  # a pattern whose word is not in the text is not tried
    out = [Found(round(parse_number(m.group("num").replace(" ", "")) * 1_000_000), m.start(), m.end())
           for m in digit_led_matches(SPACED_DECIMAL_RE, text)]
    taken = [(f.start, f.end) for f in out]
    out += [f for f in _with_unit_after(text) if not any(s <= f.start < e for s, e in taken)]
    taken = [(f.start, f.end) for f in out]
    for pattern in (DOTTED_RE, COMMA_GROUPS_RE, UNIT_FIRST_RE):
        found = (digit_led_matches(pattern, text) if pattern is not UNIT_FIRST_RE
                 else pattern.finditer(text) if "sek" in lower or "kr" in lower else ())
        for m in found:
            if any(s <= m.start("num") < e for s, e in taken):
                continue
            raw = m.group("num").replace(".", "")
            if pattern is COMMA_GROUPS_RE:
                raw = re.sub(r"[,\s\u00a0]", "", raw)
            value = parse_number(raw)
            if isinstance(value, int) and 100 <= value < MAX_SEK and not YEAR_RE.match(raw):
                out.append(Found(value, m.start("num"), m.end()))
                taken.append((m.start("num"), m.end()))
    for m in digit_led_matches(DOTTED_SHAPE_RE, text):
        value = int(m.group("num").replace(".", ""))
        if MIN_BARE_SEK <= value < MAX_SEK and not any(s <= m.start("num") < e for s, e in taken):
            out.append(Found(value, m.start("num"), m.end()))
            taken.append((m.start("num"), m.end()))
    for pattern, value in WORD_MONEY_RE if "miljon" in lower else ():
        out += [Found(value, m.start(), m.end()) for m in pattern.finditer(text)
                if not any(s <= m.start() < e for s, e in taken)]
    for m in MILLION_EN_RE.finditer(text) if "million" in lower else ():
        if not any(s <= m.start() < e for s, e in taken):
            value = round(float((m.group("num") or m.group("num2")).replace(",", ".")) * 1_000_000)
            out.append(Found(value, m.start(), m.end()))
    for m in MONEY_LABEL_RE.finditer(text) if any(w in lower for w in MONEY_LABEL_WORDS) else ():
        value = parse_number(m.group("num").replace(" ", "").replace("\u00a0", ""))
        if (isinstance(value, int) and MIN_BARE_SEK <= value < MAX_SEK and not YEAR_RE.match(m.group("num"))
                and not any(s <= m.start("num") < e for s, e in taken)):
            out.append(Found(value, m.start("num"), m.end("num")))
    return sorted(out, key=lambda f: f.start)


def _with_unit_after(text: str) -> list[Found]:
    out = []
    for m in digit_led_matches(MONEY_RE, text):
        unit = next(i for i in range(len(FACTORS)) if m.group(f"u{i}"))
        for off, length in _split_run(m.group("num")):
            value = round(parse_number(m.group("num")[off:off + length]) * FACTORS[unit])
            if 0 < value < MAX_SEK:
                out.append(Found(int(value), m.start() + off, m.end()))
    return out


ROW_TOKEN_RE = re.compile(r"(?<![\w,.:/-])\d+(?![\w,.:/-]|\s*(?:%|procent))")
MAX_ROW_TOKENS = 16


def _partitions(tokens: list[tuple[str, bool]], i: int = 0):
    """Yield ways to read digit tokens as numbers: a 1-3 digit lead, then whole 3-digit groups.

    Each token is (digits, joined_to_previous); a number never spans a non-joined gap.
    """
    if i == len(tokens):
        yield []
        return
    lead = tokens[i][0]
    if lead.startswith("0") and lead != "0":
        return
    if len(lead) > 3 and len(tokens) > 1:
        for rest in _partitions(tokens, i + 1):
            yield [int(lead)] + rest
        if len(lead) != 4 or YEAR_RE.match(lead):  # OCR: "1392 000" lost its first space
            return
    j, value = i + 1, int(lead)
    while True:
        for rest in _partitions(tokens, j):
            yield [value] + rest
        if j < len(tokens) and tokens[j][1] and len(tokens[j][0]) == 3:
            value = value * 1000 + int(tokens[j][0])
            j += 1
        else:
            return


def split_budget_row(line: str) -> list[tuple[int, int, int]] | None:
    """Return the row's cells as (value, start, end) when the last cell is the sum of the others.

    A PDF row "Lokaler 45 180 135 360" is ambiguous as text; its total (360 = 45 + 180 + 135)
    tells where one figure ends.
    """
    matches = [m for m in ROW_TOKEN_RE.finditer(line) if not YEAR_RE.match(m.group())]
    if len(matches) < 3 or len(matches) > MAX_ROW_TOKENS:
        return None
    tokens = [(m.group(), k > 0 and line[matches[k - 1].end():m.start()] in SPACE_SEPARATORS)
              for k, m in enumerate(matches)]
    for numbers in _partitions(tokens):
        if len(numbers) >= 2 and numbers[-1] == sum(numbers[:-1]) and numbers[-1] > 0:
            out, k = [], 0
            for value in numbers:
                width = len(f"{value:,}".split(","))
                span = matches[k:k + width] if len(matches[k][0]) <= 3 else matches[k:k + 1]
                out.append((value, span[0].start(), span[-1].end()))
                k += len(span)
            return out
    return None


def find_table_amounts(text: str, thousands: bool) -> list[Found]:
    """Return unit-less figures of a budget table or section, scaled where it says tkr."""
    row = split_budget_row(text)
    if row:
        scale = 1000 if thousands else 1
        return [Found(v * scale, s, e) for v, s, e in row if MIN_BARE_SEK <= v * scale < MAX_SEK]
    out = []
    for m in BARE_RE.finditer(text):
        raw = m.group("num")
        if YEAR_RE.match(raw) or "," in raw:
            continue
        for off, length in _split_run(raw):
            value = parse_number(raw[off:off + length])
            if thousands and value < 100_000:
                value *= 1000  # a "tkr" header over six- or seven-digit figures means kronor
            if MIN_BARE_SEK <= value < MAX_SEK:
                out.append(Found(int(value), m.start() + off, m.start() + off + length))
    return out


# A field whose label names its unit holds money even without one: "Egen insats (kr)" over "240000".
MONEY_HEADING_RE = re.compile(r"\((?:kr|sek|kronor|tkr)\)|\bi (?:kr|kronor|sek)\b|\bbelopp\b", re.IGNORECASE)


def money_spans(sections) -> list[tuple[int, int]]:
    """Return the spans whose bare figures are money: budget sections and fields labelled in kronor."""
    return [(s.char_start, s.char_end) for s in sections
            if s.key == "budget" or MONEY_HEADING_RE.search(s.heading or "")]


# A table column headed in kronor holds money wherever the table stands: "Kostnad (kr)" over "2 410 500".
BUDGET_COLUMN_RE = re.compile(r"\bbudget(?:erat)?\b|\bbelopp\b|\bkostnad(?:er)?\b|\butfall\b", re.I)
KRONOR_COLUMN_RE = re.compile(r"\((?:kr|sek|kronor)\)|\bi (?:kr|kronor|sek)\b|\bkronor\b|^\s*(?:kr|sek)\.?\s*$",
                              re.IGNORECASE)
# A table whose label column names cost items or financiers is a budget wherever it stands ("Kostnadsslag |
# År 1 | År 2 | Totalt", "Post | Budget | Utfall | Kvar"): its columns of figures in groups of three are kronor.
COST_TABLE_HEAD_RE = re.compile(r"^(?:kostnad\w*|budgetpost\w*|post(?:er)?|utgift\w*|finansiär\w*|finansiering)\b",
                                re.IGNORECASE)
GROUPED_FIGURE_RE = re.compile(r"\d{1,3}(?:[ \u00a0]\d{3})+")
EMPTY_FIGURE_RE = re.compile(r"[-–—0]?")


def kronor_columns(text: str) -> list[tuple[int, int]]:
    """Return the spans of the cells under table headers that name kronor as their unit."""
    out = []
    for table in find_tables(text):
        columns = [i for i, cell in enumerate(table.header or []) if i and KRONOR_COLUMN_RE.search(cell.text)]
        if table.header and any(THOUSANDS_RE.search(c.text) for c in table.header):
            # "Kostnadsslag (tkr) | 2026 | 2027", "Kostnad | 2026 (tkr) | 2027 (tkr)": the unit holds for the table
            out.append((table.start, table.end))
            continue
        if table.header and KRONOR_COLUMN_RE.search(table.header[0].text):
            columns = columns or [1]  # "Budget (kr)" over "Personal | 2 640 000": the header spans label and figure
        columns += [i for i in _budget_columns(table) if i not in columns]
        if columns or table.header and COST_TABLE_HEAD_RE.match(table.header[0].text):
            columns += [i for i in _grouped_figure_columns(table) if i not in columns]
        out += [(row[i].start, row[i].end) for row in table.rows for i in columns if i < len(row) and row[i].text]
    return out


def _grouped_figure_columns(table) -> list[int]:
    """Return the columns whose filled cells are all figures in groups of three ("231 540", "–" aside)."""
    out = []
    rows = [row for row in table.rows if not is_header(row)]  # a second table's header run on below the first
    for i in range(1, max(len(row) for row in table.rows)):
        cells = [row[i].text.strip() for row in rows if i < len(row)]
        figures = [c for c in cells if not EMPTY_FIGURE_RE.fullmatch(c)]
        if figures and all(GROUPED_FIGURE_RE.fullmatch(c) for c in figures):
            out.append(i)
    return out


def _budget_columns(table) -> list[int]:
    """Return the columns headed as a budget with no unit whose figures are plainly whole kronor.

    "Kostnadsslag | Ursprunglig budget 2025 | Ny budget 2026" over "Personal | 640 000 | 700 000"
    """
    out = []
    for i, cell in enumerate(table.header or []):
        if not i or not BUDGET_COLUMN_RE.search(cell.text) or re.search(r"tkr|tsek|ksek|mnkr|mkr|miljon|tusen",
                                                                          cell.text, re.I):
            continue
        figures = [parse_number(row[i].text.strip()) for row in table.rows
                   if i < len(row) and re.fullmatch(r"\d{1,3}(?:[ \u00a0]\d{3})+|\d{4,}", row[i].text.strip())]
        if any(isinstance(f, int) and f >= 100_000 for f in figures):
            out.append(i)
    return out


# A phone number run into a budget section (a contact line after the figures) holds no money: "tel 0921-624 31".
PHONE_NUMBER_RE = re.compile(r"(?<![\d-])0\d{1,3}[ \t]?-[ \t]?\d{2,3}(?:[ \t]\d{2,3}){1,3}(?![\d])")


def find_amounts(text: str, budget_spans: list[tuple[int, int]]) -> list[Found]:
    """Return money values in `text`: with a unit anywhere, without one in budget tables/sections."""
    found = find_money(text)
    taken = [(f.start, f.end) for f in found]
    for start, end in budget_spans:
        chunk = text[start:end]
        # "a tkr header over seven-digit figures means kronor"
        # the unit may stand in the section's heading, the line above: "Budget 2026 (tkr)"
        heading = text[max(0, start - HEADING_CHARS):start].rstrip().rpartition("\n")[2]
        thousands = bool(THOUSANDS_RE.search(chunk) or THOUSANDS_RE.search(heading)) and not _has_kronor_figures(chunk)
        for line_start, line in lines(chunk):
            if not re.search(r"\d" if thousands else r"\d{3}", line):
                continue
            line = PHONE_NUMBER_RE.sub(lambda m: " " * len(m.group()), line)
            line = URL_RE.sub(lambda m: " " * len(m.group()), line)  # a printed page's address: "…/visa?id=4471"
            for f in find_table_amounts(line, thousands):
                s = start + line_start + f.start
                if not any(a < s + 1 and s < b for a, b in taken):
                    found.append(Found(f.value, s, start + line_start + f.end))
                    taken.append((s, start + line_start + f.end))  # spans overlap: a section and its table's columns
    return sorted(found, key=lambda f: f.start)


def _has_kronor_figures(chunk: str) -> bool:
    """Whether a table's figures are whole kronor (six digits or more), read row by row."""
    for line in chunk.split("\n"):
        line = MONEY_RE.sub(" ", line)  # "… uppgår till 4 975 000 kr" in prose is no table figure
        row = split_budget_row(line)
        values = [v for v, _, _ in row] if row else [parse_number(m.group()) for m in SEVEN_DIGITS_RE.finditer(line)]
        if any(v >= 100_000 for v in values):
            return True
    return False
