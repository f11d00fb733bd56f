"""The planned period: start, end and last intake date, from the period section or its sentences."""
from __future__ import annotations

import re

from ..record import Section
from .dates import Found, find_dates
from .text import sentences as _sentences

START_CUE_RE = re.compile(r"startdatum|\bstart\b|projektstart|insatsstart|\bfr\.?\s?o\.?\s?m\.?|från och med|\bstartar\b", re.I)
END_CUE_RE = re.compile(r"slutdatum|\bslut\b|avslutas|\bt\.?\s?o\.?\s?m\.?|till och med|\bavslut\b|upphör", re.I)
INTAKE_CUE_RE = re.compile(
    r"(?:sista|slutdatum för|senaste)\s+(?:\w+\s+){0,2}intag|intag(?:et)?\s+(?:\w+\s+){0,3}(?:avslutas|upphör|stängs)",
    re.I)
RANGE_GAP_RE = re.compile(r"^\s*(?:–|-|—|till och med|t\.?o\.?m\.?|till)\s*(?:den\s+)?$", re.I)
def _first_range(text: str) -> tuple[Found, Found] | None:
    dates = find_dates(text)
    for a, b in zip(dates, dates[1:]):
        if RANGE_GAP_RE.match(text[a.end:b.start]) and a.value < b.value:
            return a, b
    return None


def find_period(sections: list[Section], text: str) -> dict:
    """Return {"start", "end", "intake_end"} as ISO dates or None.

    "fr.o.m. 1 januari 2025 t.o.m. 31 december 2026" -> start 2025-01-01, end 2026-12-31.
    """
    period = {"start": None, "end": None, "intake_end": None}
    for section in (s for s in sections if s.key == "period"):
        for _, sentence in _sentences(section.text):
            dates = find_dates(sentence)
            if not dates:
                continue
            if INTAKE_CUE_RE.search(sentence):
                period["intake_end"] = period["intake_end"] or dates[-1].value
                continue
            ranged = _first_range(sentence)
            if ranged and not period["start"]:
                period["start"], period["end"] = ranged[0].value, ranged[1].value
                continue
            if START_CUE_RE.search(sentence) and not period["start"]:
                period["start"] = dates[0].value
            elif END_CUE_RE.search(sentence) and not period["end"]:
                period["end"] = dates[-1].value
    if not period["intake_end"]:
        for _, sentence in _sentences(text):
            if INTAKE_CUE_RE.search(sentence):
                dates = find_dates(sentence)
                if dates:
                    period["intake_end"] = dates[-1].value
                    break
    return period
