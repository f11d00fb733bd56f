"""PDF: text per page with pdfium (pdfplumber as the fallback), running headers/footers removed, OCR where a page has no text."""
from __future__ import annotations

import io
import re
from pathlib import Path

import numpy as np

from ..errors import UnreadableDocument
from ..record import Document, Page
from . import ocr as ocr_pages
from .ocr import clean_ocr_text
from . import pdffast, pdfhints, pdflayout
from .furniture import strip_furniture as _strip_furniture
from .reflow import LineBox, join_across_dash, reflow

# pdfplumber's rendering of glyphs without a Unicode mapping (bullets, mostly).
CID_RE = re.compile(r"\(cid:\d+\)")
MIN_TEXT_CHARS = 25
MIN_COLUMN_WORDS = 40  # lines at the top and at the bottom of a page checked for repetition


def join_hyphenated(lines: list[str]) -> list[str]:
    """Join words split by a hyphen at a line end.  ["arbets-", "marknaden är"] -> ["arbetsmarknaden är"]"""
    out: list[str] = []
    for line in lines:
        joined = join_across_dash(out[-1], line) if out else None
        if joined is not None:
            out[-1] = joined
        else:
            out.append(line)
    return out


def _column_split(words: list[dict], bbox) -> float | None:
    """Return the x where a two-column page divides, or None for a one-column page.

    Two columns: many words on each side of the middle, hardly any word across it, and lines that
    read as text columns rather than a form's label and value cells (pdflayout.reads_as_columns).
    """
    if len(words) < MIN_COLUMN_WORDS:
        return None
    middle = (bbox[0] + bbox[2]) / 2
    left = sum(1 for w in words if w["x1"] < middle)
    right = sum(1 for w in words if w["x0"] > middle)
    across = len(words) - left - right
    if across <= len(words) * 0.02 and min(left, right) >= len(words) * 0.25 and pdflayout.reads_as_columns(
            np.array([w["x0"] for w in words]), np.array([w["x1"] for w in words]),
            pdflayout.cluster(np.array([w["top"] for w in words])), middle,
            np.array([any(ch.isalpha() for ch in w["text"]) for w in words])):
        return middle
    return None


def _extract_text(page) -> str:
    """Return a page's text in reading order: a two-column page left column first.

    The text is what pdfplumber's `page.extract_text()` gives, from characters read by
    pdfchars.page_chars (several times faster than `page.chars`).
    """
    from pdfplumber.utils.text import WordExtractor, WordMap, chars_to_textmap

    from .pdfchars import page_chars  # pdfminer: imported only on this fallback path

    chars = page_chars(page)
    if not chars:
        return ""
    layout = {"layout_bbox": page.bbox, "layout_width": page.width, "layout_height": page.height}
    wordmap = WordExtractor().extract_wordmap(chars)
    split = _column_split([word for word, _ in wordmap.tuples], page.bbox)
    if split is None:
        groups = _layout_groups(wordmap.tuples)
        if groups is None:
            return _with_cell_gaps(wordmap.to_textmap(presorted=True, **layout))
        return "\n".join(_with_cell_gaps(WordMap([wordmap.tuples[i] for i in group.tolist()]).to_textmap(
            presorted=True, **layout)) for group in groups)
    halves = ([c for c in chars if (c["x0"] + c["x1"]) / 2 < split],
              [c for c in chars if (c["x0"] + c["x1"]) / 2 >= split])
    return "\n".join(_with_cell_gaps(chars_to_textmap(half, **layout)) for half in halves if half)


def _layout_groups(tuples: list) -> list | None:
    """Return the page's words (pdfplumber's word map) as blocks in reading order where part of the
    page stands in two columns (pdflayout.reading_groups), else None."""
    if len(tuples) < MIN_COLUMN_WORDS:
        return None
    words = [word for word, _ in tuples]
    line = pdflayout.cluster(np.array([w["top"] for w in words]))
    return pdflayout.reading_groups(np.array([w["x0"] for w in words]), np.array([w["x1"] for w in words]), line,
                                    np.array([any(ch.isalpha() for ch in w["text"]) for w in words]))


def _with_cell_gaps(textmap) -> str:
    """Return the text map's string with a tab where words stand a table column apart.

    pdfplumber joins the words of a line with one space however far apart they are, so the
    cells of a table row run together ("2021 1 050 000 912 300"). pdflayout.tab_gaps says which
    gaps are column breaks (wide, and not the stretched spaces of a justified line).
    """
    tuples = textmap.tuples
    firsts, lasts, lines, tops, seps = [], [], [], [], []
    line, open_word = 0, False
    for i, (text, obj) in enumerate(tuples):
        if obj is None:
            if open_word:
                seps.append(i if text == " " else None)
                open_word = False
            line += text == "\n"
        else:
            if not open_word:
                firsts.append(obj)
                lasts.append(obj)
                lines.append(line)
                tops.append(obj["top"])
                open_word = True
            lasts[-1] = obj
            tops[-1] = min(tops[-1], obj["top"])
    if open_word:
        seps.append(None)
    upright = [bool(f.get("upright") and last.get("upright")) for f, last in zip(firsts, lasts)]
    tabs = pdflayout.tab_gaps(np.array([f["x0"] for f in firsts]), np.array([last["x1"] for last in lasts]),
                              np.array([f.get("size") or 0 for f in firsts]),
                              np.array([last.get("size") or 0 for last in lasts]), np.array(lines), np.array(tops),
                              np.array(upright))
    out = list(tuples)
    for i in np.flatnonzero(tabs).tolist():
        if seps[i] is not None:
            out[seps[i]] = ("\t", None)
    return _reflow(out)


def _reflow(chars: list[tuple[str, dict | None]]) -> str:
    """Return the page's text with a paragraph's soft line breaks made spaces (reflow.py)."""
    lines: list[list[tuple[str, dict | None]]] = [[]]
    for text, obj in chars:
        if text == "\n":
            lines.append([])
        else:
            lines[-1].append((text, obj))
    boxed = []
    for line in lines:
        objs = [o for _, o in line if o is not None]
        box = LineBox(min(o["x0"] for o in objs), max(o["x1"] for o in objs), min(o["top"] for o in objs),
                      max(o["bottom"] for o in objs), max(o.get("size") or 0 for o in objs) or 10) if objs else None
        boxed.append(("".join(t for t, _ in line), box))
    return reflow(boxed)


def _lines(text: str) -> list[str]:
    return [line.rstrip() for line in CID_RE.sub("•", text).split("\n")]


def _plumber_page(page, index: int, ocr: bool, scans: ocr_pages.Pages) -> list[str] | None:
    """Return a pdfplumber page's lines, or None for a scan, which goes to `scans` to be read."""
    text = _extract_text(page)
    if len(text.strip()) < MIN_TEXT_CHARS and ocr and page.images:
        scans.add(index, page)
        return None
    return _lines(text)


def _with_scans_read(raw: list, scans: ocr_pages.Pages) -> tuple[list[list[str]], list[bool]]:
    """Return the pages' lines, OCR's text in place of each scan (None in `raw`), and which
    pages OCR read."""
    flags = [lines is None for lines in raw]
    for index, text in scans.texts().items():
        raw[index] = _lines(clean_ocr_text(text))
    return raw, flags


def _read_pages_fast(data: bytes, path: Path, ocr: bool, heads: list | None = None) -> tuple[list[list[str]], list[bool]]:
    """Return each page's lines and whether OCR read it, with pdfium (pdffast.py); each page's
    bold or larger lines go to `heads` (pdfhints.py).

    A page with (almost) no text goes to the pdfplumber path, which decides on OCR as before.
    Raises pdfium's errors as they come: read_pdf then reads the whole file with pdfplumber.
    """
    doc = pdffast.open_pdf(data)
    plumber = None
    scans = ocr_pages.Pages(path)
    try:
        raw = []
        for index in range(len(doc)):
            page = doc[index]
            textpage = page.get_textpage()
            try:
                texts: dict | None = {} if heads is not None else None  # each text object's text
                text = pdffast.page_text(page, textpage, texts)
                if heads is not None:
                    heads.append(pdfhints.heading_lines(page, textpage, texts))
            finally:
                textpage.close()
                page.close()
            if ocr and len(text.strip()) < MIN_TEXT_CHARS:
                if plumber is None:
                    import pdfplumber

                    plumber = pdfplumber.open(io.BytesIO(data))
                raw.append(_plumber_page(plumber.pages[index], index, ocr, scans))
            else:
                raw.append(_lines(text))
        return _with_scans_read(raw, scans)
    finally:
        scans.close()
        if plumber is not None:
            plumber.close()
        doc.close()


def _read_pages_plumber(data: bytes, path: Path, ocr: bool) -> tuple[list[list[str]], list[bool]]:
    """Return each page's lines and whether OCR read it, with pdfplumber (pdfminer).

    Raises:
        UnreadableDocument: damaged or encrypted.
    """
    import pdfplumber
    from pdfminer.pdfdocument import PDFPasswordIncorrect
    from pdfminer.pdfparser import PDFSyntaxError

    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            scans = ocr_pages.Pages(path)
            try:
                return _with_scans_read([_plumber_page(page, i, ocr, scans) for i, page in enumerate(pdf.pages)], scans)
            finally:
                scans.close()
    except PDFPasswordIncorrect as err:
        raise UnreadableDocument(f"{path}: encrypted PDF; save an unprotected copy and retry") from err
    except PDFSyntaxError as err:
        raise UnreadableDocument(f"{path}: damaged PDF ({err})") from err
    except UnreadableDocument:
        raise
    except Exception as err:  # pdfminer raises many kinds on broken files; pdfplumber wraps them
        if any(isinstance(a, PDFPasswordIncorrect) for a in getattr(err, "args", ())):
            raise UnreadableDocument(f"{path}: encrypted PDF; save an unprotected copy and retry") from err
        raise UnreadableDocument(f"{path}: could not read PDF ({err.__class__.__name__}: {err})") from err


def read_pdf(path: Path, data: bytes, sha256: str, ocr: bool = True, fast: bool = True) -> Document:
    """Return a Document from a PDF, one Page per page with its offsets in the full text.

    pdfium reads the text (fast); a file it cannot read, or any error on the way, is read
    again with pdfplumber, whose text is the same (fast=False reads with pdfplumber only).

    Raises:
        UnreadableDocument: damaged, encrypted, or without text even after OCR.
    """
    raw, heads = None, []
    if fast:
        try:
            raw, ocr_flags = _read_pages_fast(data, path, ocr, heads)
        except UnreadableDocument:
            raise
        except Exception:  # pdfium's PdfiumError, or anything odd in a file: pdfplumber decides
            raw = None
    if raw is None:
        raw, ocr_flags = _read_pages_plumber(data, path, ocr)
        heads = []
    pages, parts, offset, hints = [], [], 0, []
    for number, (lines, used) in enumerate(zip(_strip_furniture(raw), ocr_flags), 1):
        text = "\n".join(join_hyphenated(lines)).strip("\n") + "\n"
        if number <= len(heads) and not used:
            hints += pdfhints.hint_spans(text, offset, heads[number - 1])
        pages.append(Page(number, offset, offset + len(text), ocr=used))
        parts.append(text)
        offset += len(text)
    full = "".join(parts)
    if not full.strip():
        raise UnreadableDocument(f"{path}: no text on any page, and OCR found none")
    return Document(path=str(path), format="pdf", sha256=sha256, text=full, pages=pages, hints=hints)
