"""A PDF page with turned text (a rotated table, a heading up the margin), read character by character.

Nearly every page is all upright and pdffast.py groups its characters with numpy. A page with text
turned a quarter is grouped here by pdfplumber's rules per character: each character's own matrix
says whether it is upright, and lines of turned text run top to bottom as in pdfplumber.
"""
from __future__ import annotations

import itertools

import numpy as np
import pypdfium2.raw as pdfium_c

from . import pdflayout
from .pdffast import (COLUMN_ACROSS_SHARE, COLUMN_SIDE_SHARE, MIN_COLUMN_WORDS, TRANSLATE, X_TOLERANCE, Y_TOLERANCE,
                      _cluster_array, _is_upright, _page_arrays)


def turned_page_text(page, textpage, texts: dict | None = None) -> str:
    """Return the text of a page with turned text in reading order (pdffast.page_text's other path)."""
    chars = page_chars(page, textpage, texts)
    words = _page_words(chars)
    left, _, right, _ = page.get_bbox()
    split = _column_split(words, left, right)
    if split is None:
        groups = None
        if len(words) >= MIN_COLUMN_WORDS:
            groups = pdflayout.reading_groups([min(c[1] for c in w) for w in words],
                                              [max(c[2] for c in w) for w in words],
                                              _cluster_array(np.array([min(c[3] for c in w) for w in words]),
                                                             Y_TOLERANCE),
                                              np.array([any(c[0].isalpha() for c in w) for w in words]))
        if groups is None:
            return _words_text(words)
        return "\n".join(_words_text([words[i] for i in group.tolist()]) for group in groups)
    halves = ([c for c in chars if (c[1] + c[2]) / 2 < split],
              [c for c in chars if (c[1] + c[2]) / 2 >= split])
    return "\n".join(_words_text(_page_words(half)) for half in halves if half)


def page_chars(page, textpage, texts: dict | None = None) -> list[tuple]:
    """Return a pdfium page's characters in content order as (text, x0, x1, top, bottom, upright, size).

    For a page with turned text: each character's own matrix says whether it is upright.
    """
    codes, box, index, size = _page_arrays(page, textpage, texts)
    raw, matrix = textpage.raw, pdfium_c.FS_MATRIX()
    texts = codes.tobytes().decode("utf-32-le").translate(TRANSLATE) if len(codes) else ""
    if len(texts) != len(codes):  # a ligature grew: expand character by character
        texts = [chr(code).translate(TRANSLATE) for code in codes.tolist()]
    chars = []
    for row, (x0, x1, top, bottom) in enumerate(box.tolist()):
        upright = bool(pdfium_c.FPDFText_GetMatrix(raw, int(index[row]), matrix)) and _is_upright(matrix)
        if upright:
            top = bottom - size[row]
        chars.append((texts[row], x0, x1, top, bottom, upright, float(size[row])))
    return chars


def _cluster_ids(values, tolerance: float) -> dict[float, int]:
    """Return cluster number per value: sorted values less than `tolerance` apart share one."""
    ids, last, n = {}, None, -1
    for value in sorted(set(values)):
        if last is None or value > last + tolerance:
            n += 1
        ids[value] = n
        last = value
    return ids


def _words(line: list[tuple], upright: bool) -> list[list[tuple]]:
    """Split a line's ordered characters into words: at spaces and at gaps over X_TOLERANCE."""
    words, word = [], []
    start, end, cross = (1, 2, 3) if upright else (3, 4, 1)  # rotated text runs top to bottom
    for char in line:
        if char[0].isspace():
            if word:
                words.append(word)
            word = []
            continue
        if word:
            prev = word[-1]
            if (char[start] < prev[start] or char[start] > prev[end] + X_TOLERANCE
                    or abs(char[cross] - prev[cross]) > Y_TOLERANCE):
                words.append(word)
                word = []
        word.append(char)
    if word:
        words.append(word)
    return words


def _page_words(chars: list[tuple]) -> list[list[tuple]]:
    """Return the words of a page (lists of characters) in pdfplumber's order: line by line."""
    words = []
    for upright, run in itertools.groupby(chars, key=lambda c: c[5]):
        run = list(run)
        key = 3 if upright else 1  # lines of rotated text are columns: clustered by x0
        ids = _cluster_ids((c[key] for c in run), Y_TOLERANCE if upright else X_TOLERANCE)
        run.sort(key=lambda c: ids[c[key]])
        for _, line in itertools.groupby(run, key=lambda c: ids[c[key]]):
            line = sorted(line, key=lambda c: c[1] if upright else c[3])
            words.extend(_words(line, upright))
    return words


def _words_text(words: list[list[tuple]]) -> str:
    """Return the words as lines: words whose tops cluster together (in order) share a line; a tab
    between words a table column apart (pdflayout.tab_gaps)."""
    if not words:
        return ""
    tops = [min(c[3] for c in word) for word in words]
    ids = _cluster_ids(tops, Y_TOLERANCE)
    line = np.cumsum([i == 0 or ids[tops[i]] != ids[tops[i - 1]] for i in range(len(words))])
    tabs = pdflayout.tab_gaps(np.array([w[0][1] for w in words]), np.array([w[-1][2] for w in words]),
                              np.array([w[0][6] for w in words]), np.array([w[-1][6] for w in words]), line,
                              np.array(tops), np.array([w[0][5] and w[-1][5] for w in words]))
    parts = ["".join(c[0] for c in words[0])]
    for i in range(1, len(words)):
        parts.append(("\t" if tabs[i - 1] else " ") if line[i] == line[i - 1] else "\n")
        parts.append("".join(c[0] for c in words[i]))
    return "".join(parts)


def _column_split(words: list[list[tuple]], left: float, right: float) -> float | None:
    """Return the x where a two-column page divides, or None for a one-column page."""
    if len(words) < MIN_COLUMN_WORDS:
        return None
    middle = (left + right) / 2
    n_left = sum(1 for w in words if max(c[2] for c in w) < middle)
    n_right = sum(1 for w in words if min(c[1] for c in w) > middle)
    across = len(words) - n_left - n_right
    if across <= len(words) * COLUMN_ACROSS_SHARE and min(n_left, n_right) >= len(words) * COLUMN_SIDE_SHARE:
        return middle
    return None
