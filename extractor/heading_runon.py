"""Headings that lost their line breaks: a text export that ran a form's headings into its prose.

"… ett samlat stöd. Syfte: Insatsen ska …" (a label and its colon after a sentence's end), or with no
colon at all, "… ett samlat stöd. Målgrupp Insatsen vänder sig …" (a heading noun, then a sentence
that starts over with a capital: no Swedish sentence opens so). split.py finds headings at line
starts and numbered ones inside lines; this module finds the unnumbered ones inside lines, and keeps
them only where the document runs several in so (one such phrase in prose is a coincidence).
"""
from __future__ import annotations

import re

from .heading_keys import ANY_HEADING_RUNON_RE, match_key, normalise
from .heading_lines import is_toc_line, whole_line_heading
from .heading_shapes import Heading
from .headings import ONCE_KEYS

# After a sentence's end (a stop, "!", "?" or a closing bracket): blanks, then a capital.
SENTENCE_START_RE = re.compile(r"(?<=[.!?)])[ \t]+(?=[A-ZÅÄÖ])")
# a heading's number ("3. Syfte") is no sentence's end: split.py reads numbered headings
NUMBER_BEFORE_RE = re.compile(r"(?:^|\s)\d{1,2}(?:\.\d{1,2}){0,2}[.)]$")
NUMBER_CHARS = 12  # the longest such number with the blank before it: looked for only this far back
# "Syfte: Insatsen ska …", "Målgrupp: 18–29 år": a short label, its colon, the value
COLON_LABEL_RE = re.compile(r"([A-ZÅÄÖ][\wåäöÅÄÖ/ ,–-]{1,60}?)[ \t]*(?:\(\s*\*\s*\))?[ \t]*:[ \t]+(?=[A-ZÅÄÖ0-9])")
MAX_LABEL_WORDS = 5
MAX_PLAIN_WORDS = 4
# "Målgrupp Insatsen …": the heading's words, then a capitalised word opening its text
NEXT_WORD_RE = re.compile(r"[ \t]+([A-ZÅÄÖ][a-zåäö]+)\b")
MIN_COLON_HEADINGS = 2
MIN_PLAIN_HEADINGS = 3


def _colon_heading(line: str, at: int, offset: int) -> Heading | None:
    m = COLON_LABEL_RE.match(line, at)
    if not m or len(m.group(1).split()) > MAX_LABEL_WORDS:
        return None
    key = whole_line_heading(m.group(1))
    if key is None:
        return None
    return Heading(offset + at, offset + m.end(1), key, m.group(1).strip(), label=True)


def _plain_heading(line: str, at: int, offset: int) -> Heading | None:
    rest = line[at: at + 120]
    if not ANY_HEADING_RUNON_RE.match(rest.lower()):
        return None
    found = match_key(rest, include_other=False, runon=True)
    if not found or found[0] in ONCE_KEYS:
        return None  # "Projekt Bryggan startade …" names the project; it heads nothing
    words = rest.split()
    for n in range(1, MAX_PLAIN_WORDS + 1):
        title = " ".join(words[:n])
        if len(normalise(title)) >= found[1]:
            break
    else:
        return None
    after = NEXT_WORD_RE.match(rest, len(" ".join(words[:n])))
    if not after or whole_line_heading(title) != found[0]:
        return None  # "Syftet är …", "Budgeten för 2025 …": a sentence that opens with the word
    return Heading(offset + at, offset + at + len(title), found[0], title)


def runon_headings(text: str, skip: set[int]) -> list[Heading]:
    """Return the unnumbered headings run in to the prose of a line, where the document has several.

    "… stöd. Syfte: Insatsen ska … Målgrupp: Unga vuxna …" -> [Syfte (purpose), Målgrupp (target_group)]
    Lines starting at an offset in `skip` (numbered run-on lines, read by split.py) are not searched.
    """
    colon, plain = [], []
    offset = 0
    for line in text.split("\n"):
        if offset not in skip and "\t" not in line and len(line) > 80 and not is_toc_line(line):
            for m in SENTENCE_START_RE.finditer(line):
                if NUMBER_BEFORE_RE.search(line, max(0, m.start() - NUMBER_CHARS), m.start()):
                    continue
                found = _colon_heading(line, m.end(), offset)
                if found:
                    colon.append(found)
                    continue
                found = _plain_heading(line, m.end(), offset)
                if found:
                    plain.append(found)
        offset += len(line) + 1
    return (colon if len(colon) >= MIN_COLON_HEADINGS else []) + (plain if len(plain) >= MIN_PLAIN_HEADINGS else [])
