"""Classify the document: doc_type from its own cues (methods live in classify_methods)."""
from __future__ import annotations

import re

# First cue in the document's opening wins: a fortsättningsansökan is an application.
DOC_TYPE_CUES: list[tuple[str, str]] = [
    (r"fortsättningsansökan|projektansökan|ansökan|ansöker om|projektplan", "application"),
    (r"verksamhetsplan", "operational_plan"),
    (r"slutrapport|slutredovisning|utvärderingsrapport|slututvärdering", "final_report"),
    (r"lägesrapport|delrapport|delredovisning|halvårsrapport", "progress_report"),
    (r"protokollsutdrag|beslut om|beslutsunderlag|protokoll", "decision"),
]
DOC_TYPE_RE = [(re.compile(rf"(?<![\wåäö])(?:{p})", re.I), label) for p, label in DOC_TYPE_CUES]
HEAD_CHARS = 600
# Without a named type at the top, a form that asks for money is an application.
ASKS_FOR_MONEY_RE = re.compile(r"\b(?:sökt belopp|ansökt belopp|sökta medel|belopp som söks|söker medel)\b", re.I)


def classify_doc_type(text: str) -> str:
    """Return the doc_type whose cue comes first in the document's opening, else "application" for a
    form that asks for money, else "other"."""
    head = text[:HEAD_CHARS]
    best: tuple[int, str] | None = None
    for pattern, label in DOC_TYPE_RE:
        m = pattern.search(head)
        if m and (best is None or m.start() < best[0]):
            best = (m.start(), label)
    if best:
        return best[1]
    return "application" if ASKS_FOR_MONEY_RE.search(text) else "other"
