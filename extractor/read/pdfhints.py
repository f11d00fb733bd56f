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


def _bold(obj, known: dict | None = None) -> bool:
    """Return whether the text object's font is bold (`known`: the page's fonts judged so far)."""
    font = pdfium_c.FPDFTextObj_GetFont(obj)
    if not font:
        return False
    if known is None:
        return _bold_font(font)
    key = ctypes.cast(font, ctypes.c_void_p).value
    if key not in known:
        known[key] = _bold_font(font)
    return known[key]


def _bold_font(font) -> bool:
    if pdfium_c.FPDFFont_GetWeight(font) >= BOLD_WEIGHT:
        return True
    buf = ctypes.create_string_buffer(128)
    n = pdfium_c.FPDFFont_GetBaseFontName(font, buf, 128)
    return bool(n) and BOLD_NAME_RE.search(buf.value.decode("latin-1")) is not None


def _size(obj) -> float:
    size, matrix = ctypes.c_float(), pdfium_c.FS_MATRIX()
    pdfium_c.FPDFTextObj_GetFontSize(obj, ctypes.byref(size))
    pdfium_c.FPDFPageObj_GetMatrix(obj, ctypes.byref(matrix))
    return size.value * (abs(matrix.d) or 1.0)


def heading_lines(page, textpage=None, texts: dict | None = None) -> list[tuple[str, int]]:
    """Return the page's lines set wholly in bold (level 2) or larger than its body text (level 1);
    `textpage` is the page's text page where the caller has one open already; `texts` the text of
    each text object, where pdffast.page_text has read them (else pdfium is asked, object by object)."""
    own = textpage is None
    textpage = page.get_textpage() if own else textpage
    buffer = ctypes.create_string_buffer(TEXT_BUFFER_BYTES) if texts is None else None
    try:
        pieces, fonts = [], {}
        left, bottom, right, top = (ctypes.c_float() for _ in range(4))
        for k in range(pdfium_c.FPDFPage_CountObjects(page.raw)):  # the page's own objects, not a form's
            obj = pdfium_c.FPDFPage_GetObject(page.raw, k)
            if pdfium_c.FPDFPageObj_GetType(obj) != pdfium_c.FPDF_PAGEOBJ_TEXT:
                continue
            text = (texts.get(ctypes.cast(obj, ctypes.c_void_p).value, "") if texts is not None
                    else _text(obj, textpage.raw, buffer))
            if text.strip():
                pdfium_c.FPDFPageObj_GetBounds(obj, ctypes.byref(left), ctypes.byref(bottom), ctypes.byref(right),
                                               ctypes.byref(top))
                pieces.append((bottom.value, left.value, text, round(_size(obj) * 2) / 2, _bold(obj, fonts)))
    finally:
        if own:
            textpage.close()
    if not pieces:
        return []
    sizes: Counter = Counter()
    for _, _, text, size, _ in pieces:
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
        text = " ".join(p[2].strip() for p in sorted(line, key=lambda p: p[1]))
        larger = min(p[3] for p in line) >= body * LARGER
        if (larger or all(p[4] for p in line)) and len(text.split()) <= MAX_WORDS:
            out.append((text, 1 if larger else 2))
    return out


NOT_ALNUM_RE = re.compile(r"[\W_]+")  # what str.isalnum() rejects: not a word character, or "_"


def _squeeze(text: str) -> str:
    """Return the text's letters and digits in one case: "3.2 Syfte och mål" -> "32syfteochmål"."""
    return NOT_ALNUM_RE.sub("", text.casefold())


def hint_spans(text: str, offset: int, lines: list[tuple[str, int]]) -> list[Hint]:
    """Return Hints for the heading lines found, in order, among the lines of a page's text.

    A line that reads as a sentence, a table row or a second line of the heading above it is left.
    """
    hints: list[Hint] = []
    wanted = [(_squeeze(line), level) for line, level in lines if _squeeze(line)]
    pos, previous = 0, None  # the level of a heading line straight above
    for row in text.split("\n"):
        start, pos = pos, pos + len(row) + 1
        body = row.strip()
        if not wanted or not body:
            previous = None
            continue
        key = _squeeze(body)
        found = next((i for i, (want, _) in enumerate(wanted) if want == key), None)
        if found is None:
            previous = None
            continue
        level = wanted[found][1]
        del wanted[: found + 1]
        plain = "\t" not in body and not body.endswith((".", ",", ";")) and any(ch.isalpha() for ch in body)
        if plain and previous != level:
            lead = len(row) - len(row.lstrip())
            hints.append(Hint(offset + start + lead, offset + start + lead + len(body), level))
        previous = level if plain else None
    return hints
