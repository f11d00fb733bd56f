"""Day-precision dates in any written form, with the text each was read from."""
from __future__ import annotations

import re
from dataclasses import dataclass

from .numbers import MONTHS, safe_date
from .text import digit_led_matches

MONTH_ALT = "|".join(sorted(MONTHS, key=len, reverse=True))
# Named patterns, each yielding (year, month, day) groups. A bare year or "vt 2024" never matches.
DATE_PATTERNS: dict[str, str] = {
    # 2022-01-01, also "2028 – 12-01" as one template prints it, and the second of "2013-01-01--2014-06-30"
    "iso": r"(?:(?<![\d-])|(?<=\d--))(?P<y>(?:19|20)\d\d) ?[-–] ?(?P<m>\d{1,2}) ?[-–] ?(?P<d>\d{1,2})(?![\d])",
    # 2022.03.15: an ISO date with dots, as some report templates print it
    "iso_dots": r"(?<![\d.,])(?P<y>(?:19|20)\d\d)\.(?P<m>[01]\d)\.(?P<d>[0-3]\d)(?![\d]|[.,]\d)",
    # 06.08.2024, 6/8/2024
    "dmy_dots": r"(?<![\d.])(?P<d>\d{1,2})[./](?P<m>\d{1,2})[./](?P<y>(?:19|20)\d\d)(?![\d])",
    # 15/3 2023
    "dm_slash_y": r"(?<![\d/])(?P<d>\d{1,2})/(?P<m>\d{1,2})[ \n-](?P<y>(?:19|20)\d\d)(?![\d])",
    # 19-07-10 (two-digit year first, as Swedish forms print version stamps)
    "yymmdd": r"(?<![\d-])(?P<yy>\d\d)-(?P<m>\d\d)-(?P<d>\d\d)(?![\d-])",
    # 20171018 (a form's version stamp), and 220823 after a word that dates a meeting or decision
    "compact8": r"(?<![\d.,-])(?P<y>(?:19|20)\d\d)(?P<m>[01]\d)(?P<d>[0-3]\d)(?![\d.,-]|\s*(?:kr|:-|sek|tkr)\b)",
    "compact6": r"(?i:möte|mötet|sammanträde|sammanträdet|beslut|beslutet|protokoll|protokollet|styrelse|styrelsen|"
                r"datum|daterad|den)\s+(?P<yy>\d\d)(?P<m>[01]\d)(?P<d>[0-3]\d)(?![\d,-]|\.\d)",  # "… möte 210621."
    # 1 januari 2024, den 15 mars 2023, 1:a maj 2022, "30 april, 2011" (a cover's comma); not the end of a
    # registry number over a cover's month ("Dnr SF 2022:14" / "Juni 2025")
    "long": rf"(?<![\d])(?<!\d[:/])(?P<d>\d{{1,2}})(?::[ae])?\.?\s*(?P<mon>{MONTH_ALT})\.?(?:,?\s+(?P<y>(?:19|20)\d\d))?(?![\wåäö])",
}
COMPILED = {name: re.compile(p, re.IGNORECASE) for name, p in DATE_PATTERNS.items()}
COMPILED["compact6"] = re.compile(DATE_PATTERNS["compact6"])  # the cue's case only; digits have none
# compact6 needs a blank and six digits standing alone; a text without any is not searched for it
COMPACT6_GATE_RE = re.compile(r"\s\d{6}(?![\d,-]|\.\d)")
DIGIT_LED = {"iso", "iso_dots", "dmy_dots", "dm_slash_y", "yymmdd", "compact8", "long"}  # every match starts with a digit
# A web address is no date written in the document, whatever digits its path holds.
URL_RE = re.compile(r"(?:https?://|www\.)\S+", re.I)
# "16 april respektive 11 juni 2021", "1 mars–30 juni 2024": the first date borrows the year.
YEAR_LINK_RE = re.compile(r"^\s*(?:respektive|och|samt|till|till och med|t\.o\.m\.|–|-|—)\s*", re.I)
MAX_LINK_CHARS = 40
# "5 och 6 maj 2022", "1–2 mars 2024": days before a full date share its month and year.
DAY_BEFORE_RE = re.compile(r"(?<![\d./-])(\d{1,2})(?::[ae])?\s*(?:–|-|—|och|samt|,|respektive)\s*$", re.I)
DAY_WINDOW = 16


@dataclass
class Found:
    value: str
    start: int
    end: int


def _long_dates(text: str) -> list[Found]:
    matches = list(digit_led_matches(COMPILED["long"], text))
    out = []
    for i, m in enumerate(matches):
        year = m.group("y")
        if not year and i + 1 < len(matches):
            nxt = matches[i + 1]
            gap = text[m.end():nxt.start()]
            if nxt.group("y") and len(gap) <= MAX_LINK_CHARS and YEAR_LINK_RE.match(gap):
                year = nxt.group("y")
        if not year:
            continue
        month = MONTHS[m.group("mon").lower()]
        iso = safe_date(int(year), month, int(m.group("d")))
        if not iso:
            continue
        out.append(Found(iso, m.start(), m.end()))
        pos = m.start()
        while True:
            window = text[max(0, pos - DAY_WINDOW):pos]
            day = DAY_BEFORE_RE.search(window)
            earlier = safe_date(int(year), month, int(day.group(1))) if day else None
            if not earlier:
                break
            pos = pos - len(window) + day.start(1)
            out.append(Found(earlier, pos, pos + len(day.group(1))))
    return out


def find_dates(text: str) -> list[Found]:
    """Return every day-precision date in `text`, in order of appearance.

    "den 15 mars 2023" -> 2023-03-15; "vt 2024" and "2023" -> nothing.
    """
    text = URL_RE.sub(lambda m: " " * len(m.group()), text)  # same offsets, no digits
    found = _long_dates(text)
    taken = bytearray(len(text))  # 1 where a date was read already: a check costs the match's length
    for f in found:
        taken[f.start:f.end] = b"\x01" * (f.end - f.start)
    for name in ("iso", "iso_dots", "dmy_dots", "dm_slash_y", "yymmdd", "compact8", "compact6"):
        pattern = COMPILED[name]
        if name == "compact6" and not COMPACT6_GATE_RE.search(text):
            continue
        for m in digit_led_matches(pattern, text) if name in DIGIT_LED else pattern.finditer(text):
            if 1 in taken[m.start():m.end()]:
                continue
            year = int(m.group("y")) if "y" in m.groupdict() and m.group("y") else 2000 + int(m.group("yy"))
            iso = safe_date(year, int(m.group("m")), int(m.group("d")))
            if iso:
                start = m.start("yy") if name == "compact6" else m.start()  # the cue word is no part of it
                found.append(Found(iso, start, m.end()))
                taken[start:m.end()] = b"\x01" * (m.end() - start)
    return sorted(found, key=lambda f: f.start)
