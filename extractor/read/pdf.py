"""PDF: text per page with pdfplumber, running headers/footers removed, OCR where a page has no text."""
from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
import tempfile
from collections import Counter
from pathlib import Path

from ..errors import UnreadableDocument
from ..record import Document, Page
from .pdfchars import page_chars

# Page furniture that is never body text, wherever it stands.
PAGE_NUMBER_RE = re.compile(r"^\s*(?:sida\s+\d+(?:\s*(?:av|\(|/)\s*\d+\)?)?|page\s+\d+(?:\s+of\s+\d+)?|-?\s*\d{1,3}\s*-?|\d+\s*\(\d+\)|\d+\s*/\s*\d+)\s*$", re.I)
# "arbets-" at a line end + "marknaden" on the next line; not "Hälso-" + "och sjukvården".
HYPHEN_KEEP_WORDS = {"och", "eller", "samt", "respektive", "resp", "som", "till", "men"}
HYPHEN_END_RE = re.compile(r"([A-Za-zÅÄÖåäöéü]{2,})-$")
BULLET_START_RE = re.compile(r"\s*[•\-–*\uf0b7\uf0a7]")
# After a figure or an acronym the dash is part of the text: the next line continues it.
KEEP_HYPHEN_END_RE = re.compile(r"(?:\d|(?<![\w])[A-ZÅÄÖ]{2,})[-–]$")
NEXT_WORD_RE = re.compile(r"^([a-zåäöéü][\w]*)")
# pdfplumber's rendering of glyphs without a Unicode mapping (bullets, mostly).
CID_RE = re.compile(r"\(cid:\d+\)")
MIN_TEXT_CHARS = 25
OCR_RESOLUTION = 250
OCR_TIMEOUT_S = 120
FURNITURE_LINES = 2
CELL_GAP_EM = 1.5
MIN_MARGIN_LINES = 3  # lines that must reach the right margin before it counts as one  # a space this many font sizes wide separates table cells
MIN_COLUMN_WORDS = 40  # lines at the top and at the bottom of a page checked for repetition


def _furniture_key(line: str) -> str:
    return re.sub(r"\d+", "#", line.strip().lower())


def _strip_furniture(pages: list[list[str]]) -> list[list[str]]:
    """Drop page numbers and lines repeated at the top or bottom of most pages."""
    counts: Counter = Counter()
    for lines in pages:
        edge = set(lines[:FURNITURE_LINES] + lines[-FURNITURE_LINES:])
        counts.update({_furniture_key(line) for line in edge if line.strip()})
    threshold = max(2, (len(pages) + 1) // 2)
    repeated = {key for key, n in counts.items() if n >= threshold} if len(pages) > 1 else set()
    cleaned = []
    for lines in pages:
        keep = []
        for i, line in enumerate(lines):
            at_edge = i < FURNITURE_LINES or i >= len(lines) - FURNITURE_LINES
            if at_edge and (PAGE_NUMBER_RE.match(line) or _furniture_key(line) in repeated):
                continue
            keep.append(line)
        cleaned.append(keep)
    return cleaned


def join_hyphenated(lines: list[str]) -> list[str]:
    """Join words split by a hyphen at a line end.  ["arbets-", "marknaden är"] -> ["arbetsmarknaden är"]"""
    out: list[str] = []
    for line in lines:
        if out and KEEP_HYPHEN_END_RE.search(out[-1]) and line[:1].isalnum() and (
                out[-1][-2].isdigit() == line[:1].isdigit()):
            out[-1] += line  # "2024-05-" + "21", "16–" + "35 år", "KBT-" + "baserad": the dash stays
            continue
        if out:
            prev = out[-1]
            end, nxt = HYPHEN_END_RE.search(prev), NEXT_WORD_RE.match(line)
            if end and nxt and nxt.group(1).lower() not in HYPHEN_KEEP_WORDS:
                out[-1] = prev[:-1] + line
                continue
        out.append(line)
    return out


# OCR of a scanned form: table rules read as "|", and a capital split from its word ("V ara").
# I, Å and Ö are words of their own and stay apart.
OCR_RULE_EDGE_RE = re.compile(r"^[ \t]*\|[ \t]*|[ \t]*\|[ \t]*$", re.M)
OCR_RULE_RE = re.compile(r"[ \t]+\|[ \t]+")
OCR_SPLIT_CAPITAL_RE = re.compile(r"(?<![\w.])([A-HJ-ZÄ]) (?=[a-zåäö]{2,})")
# "@" read as "(" or "(&": "anna.exempelsson(& motala.se" -> "anna.exempelsson@motala.se"
OCR_AT_RE = re.compile(r"\b([\w.+-]+[\w])\s?\((?:&|@)?\s?([\w-]+(?:\.[\w-]+)*\.(?:se|nu|com|org|net|eu))\b")


def clean_ocr_text(text: str) -> str:
    """Undo what OCR does to a scanned form: table rules become tabs, split capitals rejoin,
    an "@" read as "(" is put back.

    "M edverkande parter | Götene kommun och V ara kommun" -> "Medverkande parter\tGötene kommun och Vara kommun"
    """
    text = OCR_RULE_EDGE_RE.sub("", text)
    text = OCR_RULE_RE.sub("\t", text)
    text = OCR_AT_RE.sub(r"\1@\2", text)
    return OCR_SPLIT_CAPITAL_RE.sub(r"\1", text)


def _ocr_page(page, path: Path) -> str:
    if not shutil.which("tesseract"):
        raise UnreadableDocument(
            f"{path}: page {page.page_number} has no text layer and tesseract is not installed "
            "(apt-get install tesseract-ocr tesseract-ocr-swe)"
        )
    image = page.to_image(resolution=OCR_RESOLUTION).original
    with tempfile.TemporaryDirectory() as tmp:
        png = os.path.join(tmp, "page.png")
        image.save(png)
        env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
        try:
            done = subprocess.run(
                ["tesseract", png, "stdout", "-l", "swe", "--psm", "3"],
                capture_output=True, text=True, timeout=OCR_TIMEOUT_S, env=env, check=False,
            )
        except subprocess.TimeoutExpired as err:
            raise UnreadableDocument(f"{path}: OCR of page {page.page_number} took too long") from err
    if done.returncode != 0:
        raise UnreadableDocument(f"{path}: OCR failed on page {page.page_number}: {done.stderr.strip()[:200]}")
    return done.stdout


def _column_split(words: list[dict], bbox) -> float | None:
    """Return the x where a two-column page divides, or None for a one-column page.

    Two columns: many words on each side of the middle and hardly any word across it.
    """
    if len(words) < MIN_COLUMN_WORDS:
        return None
    middle = (bbox[0] + bbox[2]) / 2
    left = sum(1 for w in words if w["x1"] < middle)
    right = sum(1 for w in words if w["x0"] > middle)
    across = len(words) - left - right
    if across <= len(words) * 0.02 and min(left, right) >= len(words) * 0.25:
        return middle
    return None


def _extract_text(page) -> str:
    """Return a page's text in reading order: a two-column page left column first.

    The text is what pdfplumber's `page.extract_text()` gives, from characters read by
    pdfchars.page_chars (several times faster than `page.chars`).
    """
    from pdfplumber.utils.text import WordExtractor, chars_to_textmap

    chars = page_chars(page)
    if not chars:
        return ""
    layout = {"layout_bbox": page.bbox, "layout_width": page.width, "layout_height": page.height}
    wordmap = WordExtractor().extract_wordmap(chars)
    split = _column_split([word for word, _ in wordmap.tuples], page.bbox)
    if split is None:
        return _with_cell_gaps(wordmap.to_textmap(presorted=True, **layout))
    halves = ([c for c in chars if (c["x0"] + c["x1"]) / 2 < split],
              [c for c in chars if (c["x0"] + c["x1"]) / 2 >= split])
    return "\n".join(_with_cell_gaps(chars_to_textmap(half, **layout)) for half in halves if half)


def _with_cell_gaps(textmap) -> str:
    """Return the text map's string with a tab where words stand a table column apart.

    pdfplumber joins the words of a line with one space however far apart they are, so the
    cells of a table row run together ("2021 1 050 000 912 300"). A gap wider than
    CELL_GAP_EM times the font size is a column break, as a tab is in a Word table row.
    """
    tuples = textmap.tuples
    out = []
    for i, (text, obj) in enumerate(tuples):
        if text == " " and obj is None and 0 < i < len(tuples) - 1:
            before, after = tuples[i - 1][1], tuples[i + 1][1]
            if before is not None and after is not None and before.get("upright") and after.get("upright"):
                gap = after["x0"] - before["x1"]
                if gap > CELL_GAP_EM * max(before.get("size") or 0, after.get("size") or 0, 1):
                    out.append(("\t", None))
                    continue
        out.append((text, obj))
    return _reflow(out)


def _reflow(chars: list[tuple[str, dict | None]]) -> str:
    """Return the page's text with a paragraph's soft line breaks made spaces.

    A PDF breaks a paragraph's lines where the column ends, and later stages read a line start as
    the start of a heading, a sentence or a table row. A break is soft where the line runs to the
    right margin (the next line's first word would not have fitted), the next line follows at
    normal leading from the same left edge, and neither line is a table row (a tab) or a bullet.
    """
    lines: list[list[tuple[str, dict | None]]] = [[]]
    for text, obj in chars:
        if text == "\n":
            lines.append([])
        else:
            lines[-1].append((text, obj))
    info = [("".join(t for t, _ in line), [o for _, o in line if o is not None]) for line in lines]
    right = _right_margin([objs for _, objs in info if objs])
    if right is None:
        return "\n".join(text for text, _ in info)
    out: list[str] = []
    prev_objs: list[dict] = []
    for text, objs in info:
        line = text.rstrip()
        if out and prev_objs and objs and _soft_break(out[-1], prev_objs, line, objs, right):
            out[-1] = _join_wrapped(out[-1], line.strip())
        else:
            out.append(text)
        prev_objs = objs
    return "\n".join(out)


def _right_margin(lines: list[list[dict]]) -> float | None:
    """Return the x where the page's text column ends: reached by several lines, not one header."""
    ends = [(max(o["x1"] for o in objs), max(o.get("size") or 0 for o in objs) or 10) for objs in lines]
    if not ends:
        return None
    right, size = max(ends)
    return right if sum(1 for end, _ in ends if end >= right - size) >= MIN_MARGIN_LINES else None


def _soft_break(prev: str, prev_objs: list[dict], line: str, objs: list[dict], right: float) -> bool:
    if not line.strip() or not prev.strip() or "\t" in prev.rsplit("\n", 1)[-1] or "\t" in line:
        return False
    if BULLET_START_RE.match(line):
        return False
    if prev.rstrip()[-1:] in ".!?:" and line.strip()[:1].isupper():
        return False  # a sentence ends with the line: the break is a sentence's break anyway
    size = max(o.get("size") or 0 for o in prev_objs) or 10
    first_word = line.strip().split(" ")[0]
    fits_before_margin = right - max(o["x1"] for o in prev_objs) >= len(first_word) * size * 0.5 + size * 0.6
    leading = min(o["top"] for o in objs) - max(o["bottom"] for o in prev_objs)
    same_left = min(o["x0"] for o in objs) <= min(o["x0"] for o in prev_objs) + size * 0.3
    return not fits_before_margin and 0 <= leading < size * 0.6 and same_left


def _join_wrapped(prev: str, nxt: str) -> str:
    """Join a wrapped line to the one before: a word split by a hyphen is one word again."""
    if prev.endswith(("-", "–")):
        if KEEP_HYPHEN_END_RE.search(prev):
            return prev + nxt
        end, word = HYPHEN_END_RE.search(prev), NEXT_WORD_RE.match(nxt)
        if end and word and word.group(1).lower() not in HYPHEN_KEEP_WORDS:
            return prev[:-1] + nxt
    return prev + " " + nxt


def _page_lines(page, path: Path, ocr: bool) -> tuple[list[str], bool]:
    text = _extract_text(page)
    used_ocr = False
    if len(text.strip()) < MIN_TEXT_CHARS and ocr and page.images:
        text, used_ocr = clean_ocr_text(_ocr_page(page, path)), True
    text = CID_RE.sub("•", text)
    return [line.rstrip() for line in text.split("\n")], used_ocr


def read_pdf(path: Path, data: bytes, sha256: str, ocr: bool = True) -> Document:
    """Return a Document from a PDF, one Page per page with its offsets in the full text.

    Raises:
        UnreadableDocument: damaged, encrypted, or without text even after OCR.
    """
    import pdfplumber
    from pdfminer.pdfdocument import PDFPasswordIncorrect
    from pdfminer.pdfparser import PDFSyntaxError

    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            raw, ocr_flags = [], []
            for page in pdf.pages:
                lines, used = _page_lines(page, path, ocr)
                raw.append(lines)
                ocr_flags.append(used)
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
    pages, parts, offset = [], [], 0
    for number, (lines, used) in enumerate(zip(_strip_furniture(raw), ocr_flags), 1):
        text = "\n".join(join_hyphenated(lines)).strip("\n") + "\n"
        pages.append(Page(number, offset, offset + len(text), ocr=used))
        parts.append(text)
        offset += len(text)
    full = "".join(parts)
    if not full.strip():
        raise UnreadableDocument(f"{path}: no text on any page, and OCR found none")
    return Document(path=str(path), format="pdf", sha256=sha256, text=full, pages=pages)
