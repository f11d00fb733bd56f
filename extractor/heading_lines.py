"""Whether one line reads as a heading: a known heading on its own, a line drawn between marks,
a sentence (no heading), a table-of-contents line, a table row ending in figures.

split.py walks the lines and decides where sections start; these tests look at one line at a time.
"""
from __future__ import annotations

import re

from .heading_keys import match_key, normalise

# A table-of-contents line: "Bakgrund ........ 3". Matched on the reversed line, anchored at its
# end, so that a long run of dots costs one pass, not one pass per dot.
TOC_LINE_REVERSED_RE = re.compile(r"\s*\d{1,3}\s*(?:\.{4}|…{2}|\t)")
QUESTION_START_RE = re.compile(r"^(beskriv|ange|hur|har|vilka|vad|på vilket)\b")
MAX_HEADING_WORDS = 14
MAX_QUESTION_WORDS = 30
MAX_HEADING_CHARS = 220
# A paragraph of minutes: "§ 23 Ansökan om finansiering av insatsen Påhittet", "§ 4a Val av justerare".
MINUTES_PARAGRAPH_RE = re.compile(r"^§[ \t]*\d{1,4}[a-z]?(?![\d\w])[ \t]*")
# A line that ends in figures ("Extern – 60 90 150"), matched on the reversed line (see TOC_LINE_REVERSED_RE).
ROW_END_REVERSED_RE = re.compile(r"\s*(?:rk|rkt)?[\d \u00a0]*\d")


# The verbs that make a line a statement (a heading names, a question asks): "Målgruppen har vuxit under året",
# "Budget och uppföljning sköts av projektledaren", "Uppföljningen visar att …"
FINITE_VERB_RE = re.compile(
    r"(?<![\wåäö])(?:är|var|har|hade|blir|blev|ska|skall|kommer|kan|kunde|sköts|sköttes|visar|visade|får|fick|gick|"
    r"utgörs|består|bestod|omfattar|omfattade|uppgår|uppgick|beräknas|bedöms|bedömdes|innebär|innebar)(?![\wåäö])")
# A full stop inside the line and a new sentence after it: hard-wrapped prose, whatever its first word.
# "Målgruppen är unga 16–25 år utan betyg. Insatsen ska ta emot 40" (a fixed-width text's line)
INNER_SENTENCE_END_RE = re.compile(r"[a-zåäö]{2}\.\s+[A-ZÅÄÖ][a-zåäö]")


def is_sentence(text: str) -> bool:
    return text.rstrip().endswith((".", ",", ";")) and not text.rstrip().endswith("..")


def framed(line: str) -> bool:
    """Whether a line is drawn between marks, as plain-text exports draw headings.  "-- TIDSPLAN --" -> True"""
    return len(line) > 4 and line[:2] in {"--", "**", "––"} and line[-2:] == line[:2][::-1]


def whole_line_heading(line: str, statement: bool = False) -> str | None:
    """Return the key if the whole line reads as a heading, else None; `statement`: a line with a verb may
    head too (a numbered line's heading runs into its text: "2.3 Målgrupp Unga som har …")."""
    stripped = line.strip()
    if not stripped or len(stripped) > MAX_HEADING_CHARS or is_sentence(stripped) or INNER_SENTENCE_END_RE.search(stripped):
        return None
    if stripped.startswith(("-", "•", "*", "–")) and not stripped.startswith("**") and not framed(stripped):
        return None
    norm = normalise(stripped)
    words = len(norm.split())
    limit = MAX_QUESTION_WORDS if QUESTION_START_RE.match(norm) or stripped.endswith("?") else MAX_HEADING_WORDS
    if not norm or words > limit:
        return None
    question = QUESTION_START_RE.match(norm) or stripped.endswith("?")
    if not question and not statement and FINITE_VERB_RE.search(" ".join(norm.split()[1:])):
        return None  # "Målgruppen har vuxit under året": a sentence without its stop, no heading
    found = match_key(stripped)
    return found[0] if found else None


def is_toc_line(line: str) -> bool:
    """Whether a line ends in leader dots (or a tab) and a page number.  "Syfte ....... 4" -> True"""
    return TOC_LINE_REVERSED_RE.match(line[::-1]) is not None


def ends_in_figures(line: str) -> bool:
    """Whether a line ends in a figure, "kr" or "tkr" allowed.  "Extern – 60 90 150" -> True"""
    return ROW_END_REVERSED_RE.match(line[::-1]) is not None


def minutes_paragraph(line: str) -> str | None:
    """Return the key of a line that opens a paragraph of minutes, else None.

    "§ 23 Ansökan om medel – Påhittet" -> "other";  "§ 5 Budget" -> "budget"
    """
    stripped = line.strip()
    m = MINUTES_PARAGRAPH_RE.match(stripped)
    if not m or is_sentence(stripped) or len(stripped.split()) > MAX_HEADING_WORDS:
        return None
    return whole_line_heading(stripped[m.end():] or "x") or "other"


# A heading set in capitals: letters only upper case, at least one word of three letters.
CAPS_WORD_RE = re.compile(r"[A-ZÅÄÖÉÜ]{3,}")
MAX_SHAPED_WORDS = 8
MAX_ALONE_WORDS = 6
ALONE_NOT_RE = re.compile(r"\d|\.\w")


def heading_shape(line: str, following: str, after_blank: bool = False) -> str | None:
    """Return the typographic shape that marks a short line standing alone as a heading, else None.

    "BAKGRUND OCH BEHOV" -> "caps";  "Deltagare hittills:" (its text on the next line) -> "colon";
    "Läget i Exempelby" after a blank line, its text below -> "alone".
    A template sets all its headings alike, so split.py trusts a shape only where known headings
    in the same document share it.
    """
    stripped = line.strip()
    if (not stripped or len(stripped.split()) > MAX_SHAPED_WORDS or is_sentence(stripped)
            or not stripped[:1].isalpha() or not following[:1].isupper() and not following[:1].isdigit()):
        return None
    if FINITE_VERB_RE.search(" ".join(stripped.lower().split()[1:])):
        return None  # "Uppföljningen visar att fler fått arbete": a statement, whatever its shape
    if stripped == stripped.upper() and CAPS_WORD_RE.search(stripped) and not any(c.isdigit() for c in stripped):
        return "caps"
    if stripped.endswith(":") and stripped[:1].isupper() and ":" not in stripped[:-1]:
        return "colon"
    # no figures, file names or addresses: "Budget 2024", "Ansokan_v2.pdf", "www.exempel.se" are no headings here
    if (after_blank and stripped[:1].isupper() and len(stripped.split()) <= MAX_ALONE_WORDS
            and not any(mark in stripped for mark in ":\t_/@*") and not ALONE_NOT_RE.search(stripped)
            and not stripped.endswith(("!", "?"))):
        return "alone"
    return None


# A page's furniture printed into a text export: "Samordningsförbundet Exempeldalen    Sida 2 (3)", "Sida 4 av 9",
# "Page 2 of 5" (a bare number may be a form's answer: "Antal deltagare\n40")
PAGE_LINE_RE = re.compile(r"\n[ \t]*(?:[^\n]{0,80}?[ \t])?(?i:sida|sid\.|page)[ \t]+\d{1,3}"
                          r"(?:[ \t]*(?:av|of|/|\()[ \t]*\d{1,3}\)?)?[ \t]*$")


def without_page_lines(body: str) -> str:
    """Return a section's text without the page header or footer lines that close it.

    "Målgruppen är unga vuxna.\n\nSamordningsförbundet Exempeldalen  Sida 2 (3)" -> "Målgruppen är unga vuxna."
    """
    while True:
        m = PAGE_LINE_RE.search(body)
        if not m or not body[: m.start()].strip():
            return body
        body = body[: m.start()].rstrip()


# A contents list without leader dots, as a PDF's text gives it: "1 Bakgrund 2", "2.1 Målgrupp 3" (a title, a page).
TOC_PLAIN_RE = re.compile(r"^[ \t]*(?:\d{1,2}(?:\.\d{1,2}){0,2}\.?[ \t]+)?[A-ZÅÄÖ][^\t\n]*?[a-zåäö)?][ \t]+(\d{1,3})[ \t]*$")
MIN_TOC_LINES = 3
MIN_TOC_HEADINGS = 2


def plain_toc_lines(lines: list[str]) -> set[int]:
    """Return the indexes of lines in a contents list without leader dots: three or more lines in a row that
    end in page numbers that never go down, at least two of them naming known headings."""
    out: set[int] = set()
    run: list[tuple[int, int]] = []
    for i, line in enumerate(lines + [""]):
        m = TOC_PLAIN_RE.match(line) if len(line) < MAX_HEADING_CHARS else None
        if m and (not run or int(m.group(1)) >= run[-1][1]):
            run.append((i, int(m.group(1))))
            continue
        known = sum(1 for j, _ in run if match_key(TOC_PLAIN_RE.sub(_title, lines[j])))
        if len(run) >= MIN_TOC_LINES and known >= MIN_TOC_HEADINGS:
            out.update(j for j, _ in run)
        run = [(i, int(m.group(1)))] if m else []
    return out


def _title(m: re.Match) -> str:
    return m.group(0)[: m.start(1) - m.start(0)].strip()


MIN_WRAPPED_CHARS = 60
MIN_WRAPPED_WORDS = 6


def continues_prose(previous: str, line: str) -> bool:
    """Whether a line goes on with the paragraph of the line before it, as a PDF wraps prose: the line before is
    long and ends in a word, and this one is a long run of words ending in a lower-case one.

    "… de behov som finns i dag hos" / "Målgruppen för insatsen är unga vuxna som" -> True
    """
    if any(mark in text for text in (previous, line) for mark in ":\t"):
        return False  # a form's label and its value: "Målgrupp: unga vuxna …" / "Medverkande parter: …"
    return (len(previous) >= MIN_WRAPPED_CHARS and previous[-1:].isalpha() and len(line.split()) >= MIN_WRAPPED_WORDS
            and line[-1:].isalpha() and line[-1:].islower())


# A heading's subtitle after a dash, in lower case: "Målgrupp – vilka vänder sig insatsen till?", "Budget – sammanställning"
SUBTITLE_RE = re.compile(r"^[ \t]*[–-][ \t]+[a-zåäö][^\n.!;:]*$")
MAX_SUBTITLE_WORDS = 3
VALUE_WORDS = {"se", "enligt", "ca", "cirka", "ingen", "inga", "ej", "inte", "saknas", "totalt", "bifogas", "bifogad"}  # "Budget – se bilaga"


def subtitled(line: str, rest: str) -> bool:
    """Whether the words after a heading's dash are its subtitle, a question or a few words, not its text."""
    if not SUBTITLE_RE.match(rest) or len(line.split()) > MAX_HEADING_WORDS:
        return False
    subtitle = rest.strip(" \t–-")
    words = subtitle.split()
    return subtitle.endswith("?") or (len(words) <= MAX_SUBTITLE_WORDS and words[0] not in VALUE_WORDS
                                      and not any(c.isdigit() for c in subtitle))


# A heading wrapped over two lines: "Beskriv metod för samverkan … och hur" / "uppföljning ska ske (*)",
# "Målgrupp och" / "rekrytering". Its second line is short, in lower case, and closes as a heading does.
HEADING_CLOSE_RE = re.compile(r"(?:\(\s*\*\s*\)|[?:])[ \t]*$")
OPEN_END_RE = re.compile(r"(?<![\wåäö])(?:och|samt|eller|för|av|i|med|till|hur|som|om|på|inom)[ \t]*$", re.I)
MAX_WRAPPED_HEADING_WORDS = 8


def wrapped_heading_end(text: str, end: int) -> int | None:
    """Return where a heading ending its line at `end` really ends, when its words go on to the next line, else None."""
    line_end = text.find("\n", end)
    if line_end < 0 or text[end:line_end].strip():
        return None
    next_end = text.find("\n", line_end + 1)
    following = text[line_end + 1: len(text) if next_end < 0 else next_end]
    words = following.split()
    if not words or not following.lstrip()[:1].islower() or len(words) > MAX_WRAPPED_HEADING_WORDS:
        return None
    head = text[text.rfind("\n", 0, end) + 1: end]
    closes = HEADING_CLOSE_RE.search(following) or OPEN_END_RE.search(head) and not is_sentence(following)
    return line_end + 1 + len(following.rstrip()) if closes else None
