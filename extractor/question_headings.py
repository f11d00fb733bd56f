"""Headings written as questions with no mark of a heading: "Vad kostar insatsen?" alone on its line,
an answer under it. split.py finds them; this module says which lines read so and which to keep.
"""
from __future__ import annotations

import re

from .heading_keys import LEADING_NUMBER_RE, QUESTION_WORD_RE, guess_key, normalise
from .heading_shapes import Heading

MAX_QUESTION_HEADING_WORDS = 16
MIN_QUESTION_HEADINGS = 2  # a lone question in prose ("Vad händer sedan?") heads nothing
REQUIRED_MARK_RE = re.compile(r"(?<=\?)[ \t]*\*$")  # a web form's required question: "Vad heter insatsen? *"
SENTENCE_BREAK_RE = re.compile(r"[.!:;]\s")


def answer(after: list[str]) -> bool:
    """Whether the next non-blank line reads as the answer to a question before it, not as more text
    of the same sentence (lower case) nor as the next question of a list."""
    following = next((line.strip() for line in after if line.strip()), "")
    return bool(following) and not following[:1].islower() and not following.endswith("?")


def is_question_line(body: str) -> bool:
    """Whether a stripped line is one short question.  "4. Vad kostade insatsen?" -> True"""
    text = LEADING_NUMBER_RE.sub("", body)
    return (text.endswith("?") and text[:1].isupper() and len(text.split()) <= MAX_QUESTION_HEADING_WORDS
            and text.count("?") == 1 and not SENTENCE_BREAK_RE.search(text)
            and QUESTION_WORD_RE.match(normalise(text)) is not None)


def question_heading(body: str, start: int) -> Heading | None:
    """Return a heading for a short question standing alone on its line.

    "Hur har ni arbetat?" -> methods; "Vilka arbetade i insatsen?" -> other (the staff).
    """
    if not is_question_line(body):
        return None  # not a question, or a paragraph's last sentences
    # what it asks, else its words' stems as for any heading: "What is the problem?" -> background
    return Heading(start, start + len(body), guess_key(body), body, question=True)


def accept_questions(headings: list[Heading]) -> list[Heading]:
    """Keep unmarked question headings where the document asks at least two known questions; a lone
    known question standing alone after a blank line goes on to be judged by its shape (accept_shaped:
    kept where the document's known headings stand alone on their lines too)."""
    known = sum(1 for h in headings if h.question and h.key != "other")
    if known >= MIN_QUESTION_HEADINGS:
        for h in headings:
            if h.question:
                h.shape = None
        return headings
    return [h for h in headings if not h.question or h.shape == "alone" and h.key != "other"]
