"""Headings a source marks by type: a Word or ODT heading style, a bold paragraph, a bold run-in
opening ("**Målgrupp.** Projektet vänder sig till …"), a PDF's bold or larger line.

split.py walks the lines; for a line a reader marked (read/*: Hint), hint_heading() says whether
it heads a section and which. A mark says where a heading may be; its words, or the shape the
document's known headings share (heading_shapes.accept_shaped), say whether it is one.
"""
from __future__ import annotations

import re

from .heading_keys import guess_key, is_question, match_key, question_key
from .heading_lines import is_sentence
from .heading_shapes import SUBLEVEL_SHAPE, Heading

# A run-in heading closes with a stop, a colon or a question mark before its text: "Vad vi vill uppnå. Minst …"
RUN_IN_ENDS = (".", ":", "?")
RUN_IN_SHAPE = "runin"
MIN_BOLD_SENTENCE_WORDS = 5
# A heading below the document's section level (a bold paragraph among Heading 1 sections) has the
# shape of its level: sections start there too where two of its headings are known (heading_shapes.py).
# ... and is followed by text, not by a table row's figures ("Budget 2026  120 000 kr" in bold and plain)
FIGURES_RE = re.compile(r"^[\s\d.,:;%–\-]*(?:(?:kr|tkr|sek|:-)\s*)?$", re.I)
# a form's mark of a required field, set in plain type after a bold label: "Insatsägare (*) Organisation: …",
# "Insatsens namn * Påhittet"
STAR_AFTER_RE = re.compile(r"^[ \t]*(?:\(\s*\*\s*\)|\*(?!\*))[ \t]*:?")


def hint_heading(hints: dict, start: int, line: str, top_level: int) -> Heading | None:
    """Return the heading a source hint marks at `start`, if any.

    A bold opening run in to its text heads where its words are known, or, closed by a stop or a
    colon, where they point to a section and the document's known run-in headings share its shape.
    A bold line below the document's section level heads where it is known or asks a known question.
    """
    hint = hints.get(start)
    if hint is None:
        return None
    if hint.end - start < len(line.rstrip()):
        return _run_in(line[: hint.end - start], line[hint.end - start:], start)
    end, text = start + len(line.rstrip()), line.strip()
    label, colon, value = line.partition(":")
    if colon and value.strip() and not value.rstrip().endswith("?") and match_key(label.strip()):
        # a form's label and its answer set in bold together: "Insatsens namn: Påhittet"
        return _run_in(label + colon, value, start)
    found = match_key(line)
    if found is None and is_sentence(text) and len(text.split()) >= MIN_BOLD_SENTENCE_WORDS:
        return None  # a sentence set in bold for weight: "Observera att alla deltagare måste vara inskrivna."
    if hint.level <= top_level:
        return Heading(start, end, found[0] if found else guess_key(line), text, strong=True)
    shape = f"{SUBLEVEL_SHAPE}{hint.level}"
    if found:
        return Heading(start, end, found[0], text, strong=True, shape=shape, known=True)
    asked = question_key(line) if is_question(line) and line.rstrip().endswith("?") else None
    if asked and asked != "other":
        # a form's bold question among styled headings: "Vad vill vi åstadkomma?"
        return Heading(start, end, asked, text, strong=True, shape=shape, known=True)
    return Heading(start, end, guess_key(line), text, strong=True, shape=shape)


def _run_in(lead: str, rest: str, start: int) -> Heading | None:
    star = STAR_AFTER_RE.match(rest)
    if star:
        lead, rest = lead + rest[: star.end()], rest[star.end():]
    if FIGURES_RE.match(rest):
        return None
    found = match_key(lead)
    if found:
        return Heading(start, start + len(lead), found[0], lead.strip(), strong=True, shape=RUN_IN_SHAPE, known=True)
    asked = question_key(lead) if lead.rstrip().endswith("?") else None
    if asked and asked != "other" and rest.strip()[:1].isupper():
        return Heading(start, start + len(lead), asked, lead.strip(), strong=True, shape=RUN_IN_SHAPE, known=True)
    if lead.rstrip().endswith(RUN_IN_ENDS) and rest.strip()[:1].isupper():
        return Heading(start, start + len(lead), guess_key(lead), lead.strip(), strong=True, shape=RUN_IN_SHAPE)
    return None
