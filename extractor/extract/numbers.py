"""Swedish number and date formats, both ways: "1 200 000" <-> 1200000, "2,5" <-> 2.5."""
from __future__ import annotations

import datetime as dt
import re

from .text import find_all

SPACES = " \u00a0\u202f\u2009"
# "1 200 000", "585000", "2,5"; a group separator is one space (also no-break and thin spaces).
NUMBER_PATTERN = r"\d{1,3}(?:[ \u00a0\u202f\u2009]\d{3})+(?:,\d+)?|\d+(?:,\d+)?"
NUMBER_RE = re.compile(rf"(?<![\d,.])(?:{NUMBER_PATTERN})(?![\d])")
MONTHS = {
    "januari": 1, "februari": 2, "mars": 3, "april": 4, "maj": 5, "juni": 6, "juli": 7,
    "augusti": 8, "september": 9, "oktober": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
    "okt": 10, "nov": 11, "dec": 12,
    # English prose in a Swedish archive: "1 March 2023"
    "january": 1, "february": 2, "march": 3, "may": 5, "june": 6, "july": 7, "august": 8, "october": 10,
}
MONTH_NAMES = list(MONTHS)[:12]


def parse_number(text: str) -> float | int:
    """Return the value of a Swedish-formatted number.  "1 200 000" -> 1200000, "2,5" -> 2.5"""
    cleaned = "".join(ch for ch in text.strip() if ch not in SPACES and ch != "\n")
    if "," in cleaned:
        return float(cleaned.replace(",", "."))
    return int(cleaned)


def format_number(value: float | int) -> str:
    """Return a number as Swedish print shows it.  1200000 -> "1 200 000", 2.5 -> "2,5\""""
    if isinstance(value, float) and not value.is_integer():
        whole, frac = f"{value:.10g}".split(".") if "." in f"{value:.10g}" else (f"{value:.10g}", "")
        return f"{format_number(int(whole))},{frac}" if frac else format_number(int(whole))
    return f"{int(value):,}".replace(",", " ")


def safe_date(year: int, month: int, day: int) -> str | None:
    """Return an ISO date, or None where the parts make no calendar date."""
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def format_date_long(iso: str) -> str:
    """Return an ISO date the way Swedish prose writes it.  "2024-01-01" -> "1 januari 2024\""""
    d = dt.date.fromisoformat(iso)
    return f"{d.day} {MONTH_NAMES[d.month - 1]} {d.year}"


# Numbers written in words from ten up: "tjugo", "arton", "tjugonio", "tvåhundratusen", "etthundrafemtio".
# Words under ten ("två", "en") stay words: they are ordinary in prose, and the staffing reader has its own.
_UNITS = {"två": 2, "tre": 3, "fyra": 4, "fem": 5, "sex": 6, "sju": 7, "åtta": 8, "nio": 9, "en": 1, "ett": 1}
_TEENS = {"tio": 10, "elva": 11, "tolv": 12, "tretton": 13, "fjorton": 14, "femton": 15, "sexton": 16,
          "sjutton": 17, "arton": 18, "nitton": 19}
_TENS = {"tjugo": 20, "trettio": 30, "fyrtio": 40, "femtio": 50, "sextio": 60, "sjuttio": 70, "åttio": 80,
         "nittio": 90}
_WORD_VALUES = {**_UNITS, **_TEENS, **_TENS, "hundra": 100, "tusen": 1000}
_TOKEN_RE = re.compile("|".join(sorted(_WORD_VALUES, key=len, reverse=True)))
# A word made of number words only: the candidates, not every word of the text.
NUMBER_WORD_RE = re.compile(rf"(?<![\wåäö])(?:{_TOKEN_RE.pattern})+(?![\wåäö])", re.I)
# Every number word of ten or more holds one of these (tjugo, trettio, tretton, tvåhundra, …): only the
# words that do are read, not every word of the text.
TEN_OR_MORE_PARTS = ("tio", "ton", "tjugo", "elva", "tolv", "hundra", "tusen")


def parse_number_word(word: str) -> int | None:
    """Return the value of a Swedish number word of ten or more, else None.

    "tjugonio" -> 29, "tvåhundratusen" -> 200000, "två" -> None, "tusen" -> None
    """
    word = word.lower()
    tokens = _TOKEN_RE.findall(word)
    if "".join(tokens) != word or word in ("hundra", "tusen") or word in _UNITS:
        return None
    # a unit or a teen stands last, or before "hundra"/"tusen": "tjugotvå", "tvåhundra"; not "entre", "tioen"
    if any(a in _UNITS or a in _TEENS for a, b in zip(tokens, tokens[1:]) if b not in ("hundra", "tusen")):
        return None
    total, part = 0, 0
    for tok in tokens:
        if tok == "tusen":
            total, part = total + max(part, 1) * 1000, 0
        elif tok == "hundra":
            part = max(part, 1) * 100 if part < 10 else None
            if part is None:
                return None
        else:
            part += _WORD_VALUES[tok]
    return total + part


# ... but a word under ten that counts millions is a figure: "nio miljoner kronor", "en miljon"
UNIT_MILLIONS_RE = re.compile(
    rf"(?<![\wåäö])(?:{'|'.join(_UNITS)})(?=[ \t]+(?:miljon|miljoner|miljard|miljarder)(?![\wåäö]))", re.I)


def words_to_digits(text: str) -> str:
    """Return the text with number words of ten or more written as digits, offsets kept.

    "från nitton till tjugosju år" -> "från 19     till 27       år"; "nio miljoner" -> "9   miljoner"
    """
    text = _unit_millions(text)
    lower, parts, last = text.lower(), [], 0
    if len(lower) != len(text):  # a letter whose lower case is longer ("İ"): offsets would shift
        return NUMBER_WORD_RE.sub(lambda m: _digits(m.group()), text)
    for start in sorted({word_start(text, at) for part in TEN_OR_MORE_PARTS for at in find_all(lower, part)}):
        m = NUMBER_WORD_RE.match(text, start) if start >= last else None
        if m and parse_number_word(m.group()) is not None:
            parts += [text[last:m.start()], _digits(m.group())]
            last = m.end()
    return "".join(parts + [text[last:]]) if parts else text


def _unit_millions(text: str) -> str:
    """Return the text with a word under ten that counts millions as its digit: "nio miljoner" -> "9   miljoner"."""
    if "miljon" not in text and "miljard" not in text and "MILJ" not in text.upper():
        return text
    return UNIT_MILLIONS_RE.sub(lambda m: str(_UNITS[m.group().lower()]).ljust(len(m.group())), text)


def _digits(word: str) -> str:
    value = parse_number_word(word)
    return word if value is None else str(value).ljust(len(word))


def word_start(text: str, at: int) -> int:
    """Return where the word holding text[at] begins."""
    while at and (text[at - 1].isalnum() or text[at - 1] == "_"):
        at -= 1
    return at
