"""A PDF paragraph's soft line breaks, made spaces again.

A PDF breaks a paragraph's lines where its column ends, and later stages read a line start as the
start of a heading, a sentence or a table row. A break is soft where the line runs to the right
margin (the next line's first word would not have fitted), the next line follows at normal
leading from the same left edge in the same font size, and neither line is a table row (a tab), a bullet or a sentence's
own end. Both PDF paths (pdf.py's pdfplumber path and pdffast.py) give their lines' boxes here.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

# "arbets-" at a line end + "marknaden" on the next line; not "Hälso-" + "och sjukvården".
HYPHEN_KEEP_WORDS = {"och", "eller", "samt", "respektive", "resp", "som", "till", "men"}
HYPHEN_END_RE = re.compile(r"([A-Za-zÅÄÖåäöéü]{2,})-$")
NEXT_WORD_RE = re.compile(r"^([a-zåäöéü][\w]*)")
# After a figure or an acronym the dash is part of the text: the next line continues it.
KEEP_HYPHEN_END_RE = re.compile(r"(?:\d|(?<![\w])[A-ZÅÄÖ]{2,})[-–]$")
DASHES = ("-", "–")  # the characters both end patterns end in
BULLET_START_RE = re.compile(r"\s*[•\-–*\uf0b7\uf0a7]")
MIN_MARGIN_LINES = 3  # lines that must reach the right margin before it counts as one
SIZE_CHANGE_PT = 0.5  # lines whose font sizes differ more belong to different paragraphs


@dataclass
class LineBox:
    x0: float
    x1: float
    top: float
    bottom: float
    size: float


def reflow(lines: list[tuple[str, LineBox | None]]) -> str:
    """Return the lines joined by line breaks, a paragraph's soft breaks made spaces."""
    right = _right_margin([box for _, box in lines if box is not None])
    if right is None:
        return "\n".join(text for text, _ in lines)
    out: list[str] = []
    prev_box: LineBox | None = None
    for text, box in lines:
        line = text.rstrip()
        if out and prev_box and box and _soft_break(out[-1], prev_box, line, box, right):
            out[-1] = _join_wrapped(out[-1], line.strip())
        else:
            out.append(text)
        prev_box = box
    return "\n".join(out)


def _right_margin(boxes: list[LineBox]) -> float | None:
    """Return the x where the page's text column ends: reached by several lines, not one header."""
    if not boxes:
        return None
    widest = max(boxes, key=lambda b: b.x1)
    reaching = sum(1 for b in boxes if b.x1 >= widest.x1 - widest.size)
    return widest.x1 if reaching >= MIN_MARGIN_LINES else None


def _soft_break(prev: str, prev_box: LineBox, line: str, box: LineBox, right: float) -> bool:
    if not line.strip() or not prev.strip() or "\t" in prev.rsplit("\n", 1)[-1] or "\t" in line:
        return False
    if BULLET_START_RE.match(line):
        return False
    if prev.rstrip()[-1:] in ".!?:" and line.strip()[:1].isupper():
        return False  # a sentence ends with the line: the break is a sentence's break anyway
    size = prev_box.size or 10
    if abs((box.size or 10) - size) > SIZE_CHANGE_PT:
        return False  # a heading in a larger size ends the paragraph above it
    first_word = line.strip().split(" ")[0]
    fits_before_margin = right - prev_box.x1 >= len(first_word) * size * 0.5 + size * 0.6
    leading = box.top - prev_box.bottom
    same_left = box.x0 <= prev_box.x0 + size * 0.3
    return not fits_before_margin and 0 <= leading < size * 0.6 and same_left


def _join_wrapped(prev: str, nxt: str) -> str:
    """Join a wrapped line to the one before: a word split by a hyphen is one word again."""
    joined = join_across_dash(prev, nxt)
    return joined if joined is not None else prev + " " + nxt


def join_across_dash(prev: str, nxt: str) -> str | None:
    """Return two lines as one where a dash at the first's end joins them, else None.

    "arbets-" + "marknaden" -> "arbetsmarknaden"; "2024-05-" + "21" and "KBT-" + "baserad" keep
    the dash; "Hälso-" + "och sjukvården" -> None.
    """
    if not prev.rstrip("\n").endswith(DASHES):
        return None  # neither pattern can match; `prev` may be a long paragraph, not worth a search
    if KEEP_HYPHEN_END_RE.search(prev) and nxt[:1].isalnum() and prev[-2].isdigit() == nxt[:1].isdigit():
        return prev + nxt
    end, word = HYPHEN_END_RE.search(prev), NEXT_WORD_RE.match(nxt)
    if end and word and word.group(1).lower() not in HYPHEN_KEEP_WORDS:
        return prev[:-1] + nxt
    return None
