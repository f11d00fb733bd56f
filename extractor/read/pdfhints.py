"""PDF heading cues: the lines a page sets wholly in bold or in a larger font than its body text.

A PDF keeps no heading styles, but its fonts show them: "Vad ser vi idag?" in 13-point bold above
10-point text is a heading whatever its words. heading_lines() reads a page's text objects (font
weight or name, drawn size) and returns those lines; hint_spans() finds them in the page's text as
pdf.py built it, where they become Hints as a Word heading style does (level 1 larger, 2 bold).
"""
from __future__ import annotations

import ctypes
import re
from collections import Counter

import pypdfium2.raw as pdfium_c

from ..record import Hint

BOLD_NAME_RE = re.compile(r"bold|black|heavy|semibold|demibold", re.IGNORECASE)
BOLD_WEIGHT = 600
LARGER = 1.15  # a line this many times the body size is set larger
BASELINE_PT = 2.0  # text objects whose baselines differ this little stand on one line
MAX_WORDS = 14
WORD_GAP = 0.3  # where the objects carry their own spaces, a gap this many times the font size is one more
# A line that opens with a few bold words and goes on in plain type: a run-in heading
# ("Målgrupp. Projektet vänder sig till …"), marked at the level read/docx.py gives one.
RUN_IN_LEVEL = 9
RUN_IN_MAX_WORDS = 8


TEXT_BUFFER_BYTES = 4096  # most text objects' text fits: one call to pdfium, not one to measure and one to copy


def _text(obj, textpage, buffer=None) -> str:
    buffer = buffer if buffer is not None else ctypes.create_string_buffer(TEXT_BUFFER_BYTES)
    n = pdfium_c.FPDFTextObj_GetText(obj, textpage, ctypes.cast(buffer, ctypes.POINTER(ctypes.c_ushort)),
                                     len(buffer))
    if n <= 2:
        return ""
    if n > len(buffer):  # too long for the buffer: pdfium copied nothing and said how much it needs
        buffer = ctypes.create_string_buffer(n)
        pdfium_c.FPDFTextObj_GetText(obj, textpage, ctypes.cast(buffer, ctypes.POINTER(ctypes.c_ushort)), n)
    return buffer.raw[:n].decode("utf-16-le", "replace").rstrip("\x00")


def _bold_font(font) -> bool:
    if pdfium_c.FPDFFont_GetWeight(font) >= BOLD_WEIGHT:
        return True
    buf = ctypes.create_string_buffer(128)
    n = pdfium_c.FPDFFont_GetBaseFontName(font, buf, 128)
    return bool(n) and BOLD_NAME_RE.search(buf.value.decode("latin-1")) is not None


def _join(pieces: list[tuple]) -> str:
    """Return a line's text from its pieces in reading order.

    Objects of a word each are joined by spaces; where objects carry their own spaces (a browser's
    print draws each letter as an object, its spaces too) they are joined as they stand, with a
    space added only where they stand apart.
    """
    if not any(" " in p[3] for p in pieces):
        return " ".join(p[3].strip() for p in pieces)
    out, right = "", None
    for _, left, piece_right, text, size, _ in pieces:
        if out and left - right > WORD_GAP * size and not out.endswith(" "):
            out += " "
        out += text
        right = piece_right
    return " ".join(out.split())


def _run_in(line: list[tuple]) -> str | None:
    """Return the bold opening of a line that goes on in plain type, else None."""
    bold = 0
    while bold < len(line) and (line[bold][5] or not line[bold][3].strip()):
        bold += 1
    lead, rest = _join(line[:bold]), _join(line[bold:])
    if not lead or not any(ch.isalpha() for ch in lead) or not rest or len(lead.split()) > RUN_IN_MAX_WORDS:
        return None
    return lead


# pdfium's object calls through bare prototypes (no argument conversion; an object is its address
# in a c_void_p): a page of a few hundred text objects costs a third of what the typed calls did.
_VOID = ctypes.c_void_p
_GET_OBJECT, _GET_FONT = (ctypes.CFUNCTYPE(_VOID)(ctypes.cast(f, _VOID).value)
                          for f in (pdfium_c.FPDFPage_GetObject, pdfium_c.FPDFTextObj_GetFont))
_GET_TYPE, _GET_BOUNDS, _GET_FONT_SIZE, _GET_MATRIX = (
    ctypes.CFUNCTYPE(ctypes.c_int)(ctypes.cast(f, _VOID).value)
    for f in (pdfium_c.FPDFPageObj_GetType, pdfium_c.FPDFPageObj_GetBounds, pdfium_c.FPDFTextObj_GetFontSize,
              pdfium_c.FPDFPageObj_GetMatrix))


def _text_pieces(page, textpage, texts: dict, buffer) -> list[tuple]:
    """Return (baseline, left, right, text, size, bold) of each of the page's own text objects (not a
    form's) that holds more than blanks; `texts`: the objects' texts where known (by address)."""
    pieces, fonts = [], {}
    raw_page = _VOID(ctypes.cast(page.raw, _VOID).value)
    box, size, matrix = (ctypes.c_float * 4)(), ctypes.c_float(), pdfium_c.FS_MATRIX()
    box_at = [ctypes.byref(box, 4 * i) for i in range(4)]  # left, bottom, right, top
    size_at, matrix_at = ctypes.byref(size), ctypes.byref(matrix)
    for k in range(pdfium_c.FPDFPage_CountObjects(page.raw)):
        address = _GET_OBJECT(raw_page, k)
        obj = _VOID(address)
        if _GET_TYPE(obj) != pdfium_c.FPDF_PAGEOBJ_TEXT:
            continue
        text = texts.get(address)
        if text is None:
            text = _text(ctypes.cast(obj, pdfium_c.FPDF_PAGEOBJECT), textpage.raw, buffer)
        if not text.strip():
            continue
        _GET_BOUNDS(obj, *box_at)
        # the drawn size and the baseline's height (not the box's bottom, which a descender
        # lowers: a browser's print draws each letter as an object of its own)
        _GET_FONT_SIZE(obj, size_at)
        _GET_MATRIX(obj, matrix_at)
        font = _GET_FONT(obj)
        if font not in fonts:
            fonts[font] = bool(font) and _bold_font(ctypes.cast(_VOID(font), pdfium_c.FPDF_FONT))
        drawn = size.value * (abs(matrix.d) or 1.0)
        pieces.append((matrix.f, box[0], box[2], text, round(drawn * 2) / 2, fonts[font]))
    return pieces


def heading_lines(page, textpage=None, texts: dict | None = None) -> list[tuple]:
    """Return the page's lines set wholly in bold (level 2) or larger than its body text (level 1),
    as (text, level), and bold openings of lines, as (opening, RUN_IN_LEVEL, line);
    `textpage` is the page's text page where the caller has one open already; `texts` each text
    object's text where pdffast.page_text has read them off the page (else pdfium is asked per object)."""
    own = textpage is None
    textpage = page.get_textpage() if own else textpage
    buffer = ctypes.create_string_buffer(TEXT_BUFFER_BYTES)
    try:
        pieces = _text_pieces(page, textpage, texts or {}, buffer)
    finally:
        if own:
            textpage.close()
    if not pieces:
        return []
    sizes: Counter = Counter()
    for _, _, _, text, size, _ in pieces:
        sizes[size] += len(text)
    body = sizes.most_common(1)[0][0]
    lines: list[list[tuple]] = []
    for piece in sorted(pieces, key=lambda p: (-p[0], p[1])):
        if lines and abs(lines[-1][0][0] - piece[0]) <= BASELINE_PT:
            lines[-1].append(piece)
        else:
            lines.append([piece])
    out = []
    for line in lines:
        line.sort(key=lambda p: p[1])
        text = _join(line)
        larger = min(p[4] for p in line) >= body * LARGER
        if (larger or all(p[5] for p in line)) and len(text.split()) <= MAX_WORDS:
            out.append((text, 1 if larger else 2))
        elif line[0][5] and (lead := _run_in(line)):
            out.append((lead, RUN_IN_LEVEL, text))  # found by its whole line, marked over its opening
    return out


NOT_ALNUM_RE = re.compile(r"[\W_]+")  # what str.isalnum() rejects: not a word character, or "_"


def _squeeze(text: str) -> str:
    """Return the text's letters and digits in one case: "3.2 Syfte och mål" -> "32syfteochmål"."""
    return NOT_ALNUM_RE.sub("", text.casefold())


def _prefix_length(body: str, squeezed: int) -> int:
    """Return how many characters of body hold its first `squeezed` letters and digits (and what
    closes them: "Målgrupp." keeps its stop)."""
    count = 0
    for i, ch in enumerate(body):
        if ch.casefold().isalnum():
            count += len(ch.casefold())
            if count >= squeezed:
                end = i + 1
                while end < len(body) and body[end] in ".:?)":
                    end += 1
                return end
    return len(body)


def hint_spans(text: str, offset: int, lines: list[tuple]) -> list[Hint]:
    """Return Hints for the heading lines found, in order, among the lines of a page's text.

    A line that reads as a sentence, a table row or a second line of the heading above it is left.
    """
    hints: list[Hint] = []
    # (the whole line, squeezed; its level; how many squeezed characters the heading holds)
    wanted = [(_squeeze(cue[2] if len(cue) > 2 else cue[0]), cue[1], len(_squeeze(cue[0]))) for cue in lines
              if _squeeze(cue[0])]
    pos, previous = 0, None  # the level of a heading line straight above
    for row in text.split("\n"):
        start, pos = pos, pos + len(row) + 1
        body = row.strip()
        if not wanted or not body:
            previous = None
            continue
        key = _squeeze(body)
        # a run-in heading's paragraph may go on past the line it was found on
        found = next((i for i, (want, level, _) in enumerate(wanted)
                      if want == key or level == RUN_IN_LEVEL and key.startswith(want)), None)
        if found is None:
            previous = None
            continue
        level = wanted[found][1]
        if level == RUN_IN_LEVEL:
            length = _prefix_length(body, wanted[found][2])
            del wanted[: found + 1]
            if length < len(body):
                lead = len(row) - len(row.lstrip())
                hints.append(Hint(offset + start + lead, offset + start + lead + length, level))
            previous = None
            continue
        del wanted[: found + 1]
        plain = "\t" not in body and not body.endswith((".", ",", ";")) and any(ch.isalpha() for ch in body)
        if plain and previous != level:
            lead = len(row) - len(row.lstrip())
            hints.append(Hint(offset + start + lead, offset + start + lead + len(body), level))
        previous = level if plain else None
    return hints
