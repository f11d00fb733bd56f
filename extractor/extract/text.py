"""Sentences of Swedish document text, with their offsets."""
from __future__ import annotations

import re

# A sentence ends at ". X" (not "t.o.m. 31"); a line break ends one unless the next line
# continues in lower case, or the line stops at a comma or a word no sentence ends with
# (a PDF's wrapped line: "… i AWC,\nAssessment of Work Performance …").
CONTINUING_WORDS = ["och", "samt", "i", "av", "med", "för", "till", "som", "eller", "en", "ett", "att",
                    "den", "det", "de", "om", "på", "från", "hos", "vid", "inom"]
_NO_BREAK_AFTER = "(?<!,)" + "".join(rf"(?<![\s]{w})" for w in CONTINUING_WORDS)
SENTENCE_BREAK_RE = re.compile(rf"(?<=[\wåäö)]{{2}}[.!?])\s+(?=[A-ZÅÄÖ•-])|(?=\n){_NO_BREAK_AFTER}\n+(?![a-zåäö])")


def sentences(text: str) -> list[tuple[int, str]]:
    """Return (offset, sentence) pairs covering `text`."""
    out, pos = [], 0
    for part in SENTENCE_BREAK_RE.split(text):
        idx = text.find(part, pos)
        if part.strip():
            out.append((idx, part))
        pos = idx + len(part)
    return out


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """Return the (start, end) of the sentence holding text[start:end]."""
    left = 0
    for m in SENTENCE_BREAK_RE.finditer(text, 0, start):
        left = m.end()
    m = SENTENCE_BREAK_RE.search(text, end)
    return left, m.start() if m else len(text)


def lines(text: str) -> list[tuple[int, str]]:
    """Return (offset, line) pairs covering `text`, line breaks left out."""
    out, pos = [], 0
    for line in text.split("\n"):
        out.append((pos, line))
        pos += len(line) + 1
    return out
