"""A PDF page's text with pdfium: characters and boxes from the native library, grouped in Python.

pdfminer parses a page's content stream in pure Python, which made reading three quarters of a
PDF's time. pdfium (pypdfium2, installed with pdfplumber) parses it natively and gives every
character's box; this module groups those characters into words and lines by the rules
pdfplumber's `extract_text` uses (pdf.py's fallback path), so both paths give the same lines:
- a line is a cluster of characters whose tops lie within Y_TOLERANCE of the next one, read
  left to right; a word ends at a space or where the next character starts over X_TOLERANCE
  after it (or before it);
- words on a line are joined by a space, or by a tab where they stand a table column apart
  (pdflayout.tab_gaps: a wide gap, but not the evenly stretched gaps of a justified line);
- a page with two columns (COLUMN_* below, as in pdf.py) is read left column first, and so is a
  part of a page that pdflayout.reading_groups finds in two columns.
A page whose text is all upright (nearly every page) is grouped with numpy (_upright_page_text);
a page with turned text character by character (pdfturned.py), where lines of text turned a
quarter run top to bottom as in pdfplumber.
"""
from __future__ import annotations

import ctypes

import numpy as np
import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from . import pdflayout
from .reflow import LineBox, reflow

X_TOLERANCE = 3  # pdfplumber's defaults, in points
Y_TOLERANCE = 3
MIN_COLUMN_WORDS = 40
COLUMN_ACROSS_SHARE = 0.02  # of a two-column page's words, at most this many cross the middle
COLUMN_SIDE_SHARE = 0.25  # and at least this many stand on each side of it
# pdfium's own marks: "\ufffe" is a hyphen it found at a line end; "\r\n" and "generated"
# spaces are its guesses at line and word breaks, which the grouping below makes itself.
PDFIUM_HYPHEN = "\ufffe"
PDFIUM_LINE_BREAKS = {"\r", "\n"}
# pdfplumber's ligature expansion (WordExtractor's expand_ligatures), so both paths agree.
LIGATURES = {"ﬀ": "ff", "ﬃ": "ffi", "ﬄ": "ffl", "ﬁ": "fi", "ﬂ": "fl", "ﬆ": "st", "ﬅ": "st"}
TRANSLATE = str.maketrans({PDFIUM_HYPHEN: "-", **LIGATURES})
LIGATURE_CODES = frozenset(LIGATURES)
SPACE_CODES = [code for code in range(0x3001) if chr(code).isspace()]  # what str.isspace() calls space
LINE_BREAK_CODES = [ord(c) for c in PDFIUM_LINE_BREAKS]

# Called through a bare prototype (no argument conversion: the call per character is the cost)
# that writes 4 floats per character straight into one buffer, read at once with numpy.
_LOOSE_BOX = ctypes.CFUNCTYPE(ctypes.c_int)(ctypes.cast(pdfium_c.FPDFText_GetLooseCharBox, ctypes.c_void_p).value)
_IS_GENERATED = ctypes.CFUNCTYPE(ctypes.c_int)(ctypes.cast(pdfium_c.FPDFText_IsGenerated, ctypes.c_void_p).value)
_TEXT_OBJECT = ctypes.CFUNCTYPE(ctypes.c_void_p)(ctypes.cast(pdfium_c.FPDFText_GetTextObject, ctypes.c_void_p).value)
_CHAR_MATRIX = ctypes.CFUNCTYPE(ctypes.c_int)(ctypes.cast(pdfium_c.FPDFText_GetMatrix, ctypes.c_void_p).value)
_CHAR_FONT_SIZE = ctypes.CFUNCTYPE(ctypes.c_double)(ctypes.cast(pdfium_c.FPDFText_GetFontSize, ctypes.c_void_p).value)
_CHAR_ORIGIN = ctypes.CFUNCTYPE(ctypes.c_int)(ctypes.cast(pdfium_c.FPDFText_GetCharOrigin, ctypes.c_void_p).value)


def open_pdf(data: bytes) -> pdfium.PdfDocument:
    """Return the pdfium document for a PDF's bytes; raises pdfium's PdfiumError when it cannot."""
    return pdfium.PdfDocument(data)


def _texts(textpage, count: int) -> str:
    """Return the page's text, one character per character index (pdfium's own text, mostly)."""
    text = textpage.get_text_range(0, count) if count else ""
    if len(text) == count:
        return text
    # A character outside the BMP or one pdfium left out of its text: ask per character.
    get = pdfium_c.FPDFText_GetUnicode
    return "".join(chr(get(textpage.raw, i)) for i in range(count))


def _boxes(textpage, count: int) -> np.ndarray:
    """Return left, top, right, bottom of each character's font box (4 floats per character)."""
    buffer = (ctypes.c_float * (4 * count))()
    raw, byref = ctypes.c_void_p(ctypes.cast(textpage.raw, ctypes.c_void_p).value), ctypes.byref
    for i in range(count):
        _LOOSE_BOX(raw, i, byref(buffer, 16 * i))  # byref with an offset: the cheapest pointer ctypes makes
    return np.frombuffer(buffer, dtype=np.float32).astype(np.float64)


def _is_upright(matrix) -> bool:
    """Return True for a matrix pdfplumber calls upright: not turned a quarter, not mirrored."""
    return matrix.a * matrix.d > 0 and matrix.b * matrix.c <= 0


def _objects_upright(count: int, get, matrix) -> bool:
    """Return True when the objects (and those of forms among them) place text only unturned."""
    for k in range(count):
        obj = get(k)
        kind = pdfium_c.FPDFPageObj_GetType(obj)
        if kind not in (pdfium_c.FPDF_PAGEOBJ_TEXT, pdfium_c.FPDF_PAGEOBJ_FORM):
            continue
        pdfium_c.FPDFPageObj_GetMatrix(obj, matrix)
        if matrix.b or matrix.c or matrix.a * matrix.d <= 0:
            return False
        if kind == pdfium_c.FPDF_PAGEOBJ_FORM:
            count_in = pdfium_c.FPDFFormObj_CountObjects(obj)
            if not _objects_upright(count_in, lambda j, form=obj: pdfium_c.FPDFFormObj_GetObject(form, j), matrix):
                return False
    return True


def _page_upright(page) -> bool:
    """Return True when no text on the page is turned, so no character needs its own check."""
    raw = page.raw
    count = pdfium_c.FPDFPage_CountObjects(raw)
    return _objects_upright(count, lambda k: pdfium_c.FPDFPage_GetObject(raw, k), pdfium_c.FS_MATRIX())


def _font_size(raw, i: int, matrix=None) -> float:
    """Return a character's font size as drawn: its Tf size scaled by the text and page matrices
    (`matrix`: an FS_MATRIX to write into, where the caller has one)."""
    matrix = pdfium_c.FS_MATRIX() if matrix is None else matrix
    _CHAR_MATRIX(raw, i, ctypes.byref(matrix))
    return _CHAR_FONT_SIZE(raw, i) * abs(matrix.d)


def _text_objects(raw, index: list[int], step: int = 32) -> np.ndarray:
    """Return the text object of each character, asking pdfium about every `step`-th one.

    pdfium lists a page's characters object by object, so one object's characters stand
    together: where the characters at both ends of a stretch belong to one object, so do those
    between; where they differ, the stretch is halved until each change is found. Each character
    then belongs to the object of the last one asked at or before it.
    """
    n = len(index)
    if not n:
        return np.zeros(0, dtype=np.uint64)
    asked_at, asked = [0], [_TEXT_OBJECT(raw, index[0]) or 0]

    def halve(lo: int, lo_obj: int, hi: int, hi_obj: int) -> None:
        # (characters of no object, such as pdfium's own spaces, stand anywhere: asked one by one)
        while hi - lo > 1 and not (lo_obj == hi_obj and lo_obj):
            mid = (lo + hi) // 2
            mid_obj = _TEXT_OBJECT(raw, index[mid]) or 0
            asked_at.append(mid)
            asked.append(mid_obj)
            halve(lo, lo_obj, mid, mid_obj)
            lo, lo_obj = mid, mid_obj

    lo, lo_obj = 0, asked[0]
    while lo < n - 1:
        hi = min(lo + step, n - 1)
        hi_obj = _TEXT_OBJECT(raw, index[hi]) or 0
        asked_at.append(hi)
        asked.append(hi_obj)
        if not (hi_obj == lo_obj and lo_obj):
            halve(lo, lo_obj, hi, hi_obj)
        lo, lo_obj = hi, hi_obj
    order = np.argsort(asked_at)
    at = np.asarray(asked_at)[order]
    return np.repeat(np.asarray(asked, dtype=np.uint64)[order], np.diff(np.append(at, n)))


def _sizes(raw, index: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Return each character's drawn font size, asked once per text object (all of whose
    characters share font and size), and its text object."""
    objects = _text_objects(raw, index.tolist())
    if not len(objects):
        return np.zeros(0), objects
    # the objects stand in runs: each run's size is asked of its first character, once per object
    starts = np.flatnonzero(np.concatenate(([True], objects[1:] != objects[:-1])))
    known: dict[int, float] = {}
    matrix = pdfium_c.FS_MATRIX()
    sizes = []
    for obj, start in zip(objects[starts].tolist(), starts.tolist()):
        if obj not in known:
            known[obj] = _font_size(raw, int(index[start]), matrix)
        sizes.append(known[obj])
    return np.repeat(np.array(sizes), np.diff(np.append(starts, len(objects)))), objects


def _object_texts(raw, codes: np.ndarray, kept: np.ndarray, objects: np.ndarray) -> dict[int, str]:
    """Return {text object: its text} as pdfium's FPDFTextObj_GetText gives it, read off the page's
    characters (`codes`: all of them; `kept`: those of an object, whose objects are `objects`).

    pdfium walks every character of the page for each object it is asked about. It does so once
    here, run by run of one object's characters: a space after the object's characters is added
    once; other characters between two of its runs start a new line ("\\r\\n") where the run
    begins at another height; its hyphen mark reads "\\x02" there.
    """
    n = len(codes)
    if not n:
        return {}
    owner = np.zeros(n, dtype=np.uint64)
    owner[kept] = objects
    text = codes.tobytes().decode("utf-32-le").replace("\x00", "").replace(PDFIUM_HYPHEN, "\x02")
    if len(text) != n:
        return {}  # (a character pdfium gives as none: asked per object instead)
    starts = np.flatnonzero(np.concatenate(([True], owner[1:] != owner[:-1]))).tolist()
    non_space = np.concatenate(([0], np.cumsum(codes != 32))).tolist()  # non-space characters before each
    runs: dict[int, list[tuple[int, int]]] = {}
    for a, b in zip(starts, starts[1:] + [n]):
        if owner[a]:
            runs.setdefault(int(owner[a]), []).append((a, b))
    out: dict[int, str] = {}
    x, y = ctypes.c_double(), ctypes.c_double()
    x_at, y_at = ctypes.byref(x), ctypes.byref(y)
    for obj, parts in runs.items():
        pieces, after_own, new_line, height, end = [], False, False, 0.0, 0
        for a, b in parts:
            if a > end and after_own:  # the first character after the object's own ones
                if codes[end] == 32:
                    pieces.append(" ")
                new_line = codes[end] != 32 or non_space[a] - non_space[end + 1] > 0
            elif a > end:
                new_line = new_line or non_space[a] - non_space[end] > 0
            if new_line:
                _CHAR_ORIGIN(raw, a, x_at, y_at)
                if abs(height - y.value) > 0:
                    height = y.value
                    if pieces:
                        pieces.append("\r\n")
            pieces.append(text[a:b])
            after_own, new_line, end = True, False, b
        if end < n and codes[end] == 32:
            pieces.append(" ")
        out[obj] = "".join(pieces)
    return out


def _page_arrays(page, textpage, texts: dict | None = None) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Return the characters' code points, boxes (x0, x1, top, bottom per row), pdfium indexes
    and drawn font sizes; top and bottom count down from the page's top edge, as pdfplumber's do.
    `texts`, where given, gets each text object's text (for pdfhints.heading_lines).

    pdfium's own marks are left out: its line breaks and the spaces it generated. The top is
    the bottom less the font size, as in pdfminer: pdfium's top reaches a tall glyph's top in
    some fonts (LibreOffice's subsets), which would set "å" apart from "p" in "på".
    """
    count = textpage.count_chars()
    codes = np.frombuffer(_texts(textpage, count).encode("utf-32-le"), dtype=np.uint32)
    raw = textpage.raw
    drop = np.isin(codes, LINE_BREAK_CODES)
    raw_pointer = ctypes.c_void_p(ctypes.cast(raw, ctypes.c_void_p).value)
    generated = [i for i in np.flatnonzero(codes == ord(" ")).tolist() if _IS_GENERATED(raw_pointer, i)]
    drop[generated] = True
    kept = np.flatnonzero(~drop)
    box = _boxes(textpage, count).reshape(-1, 4)[kept]  # left, top, right, bottom
    page_top = page.get_bbox()[3]
    size, objects = _sizes(raw, kept)
    if texts is not None:
        texts.update(_object_texts(raw, codes, kept, objects))
    box = np.column_stack((box[:, 0], box[:, 2], page_top - box[:, 1], page_top - box[:, 3]))
    return codes[kept], box, kept, size


def _cluster_array(values: np.ndarray, tolerance: float) -> np.ndarray:
    """Return cluster numbers for an array: sorted distinct values within `tolerance` chain into one."""
    distinct = np.unique(values)
    ids = np.concatenate(([0], np.cumsum(np.diff(distinct) > tolerance)))
    return ids[np.searchsorted(distinct, values)]


SORT_SPAN = 1e5  # points: a line number times this, plus an x nearer zero than half of it, sorts as (line, x)


def _line_then_x(line: np.ndarray, x: np.ndarray) -> np.ndarray:
    """Return the order of characters by line, then x; stable: equal x keep content order, as sorted() does.

    One key (line * SORT_SPAN + x) sorts ten times faster than np.lexsort's two; a page whose x
    reach SORT_SPAN / 2 (no page does) is sorted by the two keys.
    """
    if len(x) and float(np.abs(x).max()) < SORT_SPAN / 2:
        return np.argsort(line * SORT_SPAN + x, kind="stable")
    return np.lexsort((x, line))


def _array_words(codes: np.ndarray, space: np.ndarray, box: np.ndarray, rows: np.ndarray) -> dict:
    """Return the words of the characters `rows` (content order) as pdfplumber groups them.

    Keys: text (list), first and last (each word's first and last character's row), top, x0, x1.
    """
    line = _cluster_array(box[rows, 2], Y_TOLERANCE)
    order = rows[_line_then_x(line, box[rows, 0])]
    line = np.sort(line, kind="stable")
    x0, x1, top = box[order, 0], box[order, 1], box[order, 2]
    start = np.ones(len(order), bool)
    start[1:] = ((line[1:] != line[:-1]) | space[order[:-1]] | (x0[1:] < x0[:-1])
                 | (x0[1:] > x1[:-1] + X_TOLERANCE) | (np.abs(top[1:] - top[:-1]) > Y_TOLERANCE))
    keep = ~space[order]
    chars, start = order[keep], start[keep]
    first = np.flatnonzero(start)
    ends = np.append(first[1:], len(chars))
    joined = codes[chars].tobytes().decode("utf-32-le")
    if LIGATURE_CODES.isdisjoint(joined):  # the common case: every character stays one
        joined = joined.replace(PDFIUM_HYPHEN, "-")
        words = [joined[a:b] for a, b in zip(first.tolist(), ends.tolist())]
    else:
        words = [joined[a:b].translate(TRANSLATE) for a, b in zip(first.tolist(), ends.tolist())]
    if not words:
        return {"text": []}
    return {"text": words, "first": chars[first], "last": chars[ends - 1], "top": np.minimum.reduceat(top[keep], first),
            "x0": np.minimum.reduceat(x0[keep], first), "x1": np.maximum.reduceat(x1[keep], first)}


def _array_text(words: dict, box: np.ndarray, size: np.ndarray) -> str:
    """Return the words as lines (tops clustered in order), a tab between words a column apart."""
    if not words["text"]:
        return ""
    first, last, texts = words["first"], words["last"], words["text"]
    word_line = _cluster_array(words["top"], Y_TOLERANCE)
    cells = set(np.flatnonzero(pdflayout.tab_gaps(box[first, 0], box[last, 1], size[first], size[last],
                                                  word_line, words["top"])).tolist())
    starts = np.flatnonzero(np.concatenate(([True], word_line[1:] != word_line[:-1])))
    boxes = _line_boxes(words, size, starts)
    # each word and what follows it (a space, a tab, or the line's end) in one string, cut at the ends
    after = [" "] * len(texts)
    for w in cells:
        after[w] = "\t"
    for end in starts[1:].tolist() + [len(texts)]:
        after[end - 1] = "\n"
    woven = [""] * (2 * len(texts))
    woven[0::2], woven[1::2] = texts, after
    return reflow(list(zip("".join(woven).split("\n"), boxes)))


def _line_boxes(words: dict, size: np.ndarray, starts: np.ndarray) -> list[LineBox]:
    """Return the box of each line (its words from one start to the next): its edges and its largest
    font size."""
    word_size = np.maximum(size[words["first"]], size[words["last"]])
    line_size = np.maximum.reduceat(word_size, starts).tolist()
    top = np.minimum.reduceat(words["top"], starts).tolist()
    x0 = np.minimum.reduceat(words["x0"], starts).tolist()
    x1 = np.maximum.reduceat(words["x1"], starts).tolist()
    out = []
    for left, right, high, line in zip(x0, x1, top, line_size):
        line = float(line) or 10.0
        # the font's box, as pdfminer draws it: a descender ("g", "p") reaches below it, not the line
        out.append(LineBox(float(left), float(right), float(high), float(high) + line, line))
    return out


def _upright_page_text(page, textpage, texts: dict | None = None) -> str:
    """Return the text of a page whose text is all upright (most pages), vectorised with numpy."""
    codes, box, _, size = _page_arrays(page, textpage, texts)
    box[:, 2] = box[:, 3] - size
    space = np.isin(codes, SPACE_CODES)
    rows = np.arange(len(codes))
    words = _array_words(codes, space, box, rows)
    left, _, right, _ = page.get_bbox()
    middle = (left + right) / 2
    n = len(words["text"])
    if n >= MIN_COLUMN_WORDS:
        n_left, n_right = int((words["x1"] < middle).sum()), int((words["x0"] > middle).sum())
        alpha = _letters_once(words["text"])
        line = _cluster_array(words["top"], Y_TOLERANCE)
        if n - n_left - n_right <= n * COLUMN_ACROSS_SHARE and min(n_left, n_right) >= n * COLUMN_SIDE_SHARE \
                and pdflayout.reads_as_columns(words["x0"], words["x1"], line, middle, alpha):
            center = (box[:, 0] + box[:, 1]) / 2
            halves = (rows[center < middle], rows[center >= middle])
            return "\n".join(_array_text(_array_words(codes, space, box, half), box, size)
                             for half in halves if len(half))
        groups = pdflayout.reading_groups(words["x0"], words["x1"], line, alpha)
        if groups is not None:
            return "\n".join(_array_text(_word_subset(words, group), box, size) for group in groups)
    return _array_text(words, box, size)


def _letters_once(texts: list[str]):
    """Return a function that says, once asked and then from memory, which words hold a letter."""
    known: list[np.ndarray] = []

    def alpha() -> np.ndarray:
        if not known:  # a word of letters only, as most are, is told without a look at each letter
            known.append(np.array([text.isalpha() or (not text.isdigit() and any(ch.isalpha() for ch in text))
                                   for text in texts], dtype=bool))
        return known[0]
    return alpha


def _word_subset(words: dict, index: np.ndarray) -> dict:
    """Return the words at `index` (in reading order), as _array_words gives them."""
    return {key: [value[i] for i in index.tolist()] if key == "text" else value[index] for key, value in words.items()}


def page_text(page, textpage=None, texts: dict | None = None) -> str:
    """Return a pdfium page's text in reading order, lines and tabs as pdf.py's pdfplumber path gives them;
    `textpage` is the page's text page where the caller has one open already; `texts`, where given,
    gets each text object's text (pdfhints.heading_lines reads it).

    A page whose words read "Kostnadsslag   2025" with a wide gap -> "Kostnadsslag\t2025".
    """
    own = textpage is None
    textpage = page.get_textpage() if own else textpage
    try:
        if _page_upright(page):
            return _upright_page_text(page, textpage, texts)
        from .pdfturned import turned_page_text  # a page with turned text: rare, read character by character

        return turned_page_text(page, textpage, texts)
    finally:
        if own:
            textpage.close()
