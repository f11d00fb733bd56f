"""Plain-text exports: UTF-8 or Windows-1252, with HTML remnants cleaned."""
from __future__ import annotations

import codecs
import logging
import re
from pathlib import Path

from ..errors import UnreadableDocument
from ..record import Document
from .labels import pair_label_lines, unglue_labels
from .html import clean_html
from .furniture import strip_furniture
from .plainforms import plain_forms

# UTF-8 read as Windows-1252 once already: "FÃ¶rsÃ¤kringskassan".
MOJIBAKE_RE = re.compile("Ã[\u0080-\u00bf¥¤¶…„–©]")
# A UTF-8 multi-byte sequence: a file with these is UTF-8, whatever stray bytes it also has.
UTF8_SEQUENCE_RE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")
LOG = logging.getLogger("extractor")
CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


def decode(data: bytes, path: Path) -> str:
    """Return the text of `data`, detecting UTF-8, UTF-16 and Windows-1252.

    A UTF-8 file with a few bytes that are not UTF-8 stays UTF-8: only those bytes are read as
    Windows-1252 (and a warning names the lines). b"F\xc3\xb6r \xe5r" -> "För år"

    Raises:
        UnreadableDocument: the bytes are binary, not text.
    """
    utf16 = _utf16_codec(data)
    if utf16:
        # an odd byte count (a cut file) or a lone surrogate is repaired as U+FFFD, not a traceback
        text = data.decode(utf16, errors="replace")
    elif b"\x00" in data[:4096]:
        raise UnreadableDocument(f"{path}: binary data, not a text file")
    else:
        text = _decode_8bit(data, path)
    text = _repair_mojibake(text)
    if len(CONTROL_RE.findall(text[:4096])) > 40:
        raise UnreadableDocument(f"{path}: binary data, not a text file")
    return text


def _utf16_codec(data: bytes) -> str | None:
    """Return "utf-16" (BOM), "utf-16-le"/"utf-16-be" (no BOM, every other byte zero) or None."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16"
    sample = data[:4096]
    half = len(sample) // 2
    if half >= 8:
        if sample[1::2].count(0) >= 0.9 * half and sample[0::2].count(0) <= 0.1 * half:
            return "utf-16-le"
        if sample[0::2].count(0) >= 0.9 * half and sample[1::2].count(0) <= 0.1 * half:
            return "utf-16-be"
    return None


def _decode_8bit(data: bytes, path: Path) -> str:
    """Return UTF-8 text with any stray bytes read as Windows-1252, or a Windows-1252 export's text."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    valid = len(UTF8_SEQUENCE_RE.findall(data))
    if valid == 0:  # nothing is UTF-8: a Windows-1252 export
        return data.decode("cp1252", errors="replace")
    bad_lines = []
    for number, line in enumerate(data.split(b"\n"), 1):
        try:
            line.decode("utf-8")
        except UnicodeDecodeError:
            bad_lines.append(number)
    if len(bad_lines) > valid:  # mostly Windows-1252, the UTF-8-looking pairs by chance ("Ã©")
        return data.decode("cp1252", errors="replace")
    shown = ", ".join(map(str, bad_lines[:10])) + (" …" if len(bad_lines) > 10 else "")
    LOG.warning("%s: bytes that are not UTF-8 on line %s; read as Windows-1252", path, shown)
    return data.decode("utf-8-sig", errors=_REPAIR)


def _cp1252_bytes(err: UnicodeDecodeError) -> tuple[str, int]:
    """Decoding error handler: the offending bytes as Windows-1252 (undefined ones as U+FFFD)."""
    return err.object[err.start:err.end].decode("cp1252", errors="replace"), err.end


_REPAIR = "extractor-cp1252"
codecs.register_error(_REPAIR, _cp1252_bytes)


def _repair_mojibake(text: str) -> str:
    """Return text with its lines that were UTF-8 read as Windows-1252 once already read again.

    Once one line shows it, every line that reads again as UTF-8 is repaired ("â€“" too), each
    on its own: a line that does not (a real "å") is kept as it is.

    "FÃ¶rsÃ¤kringskassan" -> "Försäkringskassan"
    """
    if not MOJIBAKE_RE.search(text):
        return text
    lines = text.split("\n")
    for i, line in enumerate(lines):
        if not line.isascii():
            try:
                lines[i] = line.encode("cp1252").decode("utf-8")
            except (UnicodeEncodeError, UnicodeDecodeError):
                pass
    return "\n".join(lines)


def _without_page_furniture(text: str) -> str:
    """Return a paged export's text (pages parted by form feeds) without its page numbers and running
    headers and footers, as read/pdf.py drops them: "Sida 1 av 3" and the förbund's name over every page."""
    if text.count("\f") < 1:
        return text
    pages = [page.strip("\n").split("\n") for page in text.split("\f")]
    return "\n\n".join("\n".join(lines) for lines in strip_furniture(pages) if lines) + "\n"


def read_text(path: Path, data: bytes, sha256: str) -> Document:
    """Return a Document from a plain-text export."""
    text = _without_page_furniture(decode(data, path).replace("\r\n", "\n").replace("\r", "\n"))
    text = pair_label_lines(tab_aligned_columns(unglue_labels(clean_html(plain_forms(text)))))
    return Document(path=str(path), format="txt", sha256=sha256, text=text)


# A fixed-width export aligns a table's columns with runs of spaces: "Personal      980    1 320".
COLUMN_GAP_RE = re.compile(r"(?<=\S) {2,}(?=\S)")
MIN_ALIGNED_GAPS = 2


def tab_aligned_columns(text: str) -> str:
    """Return `text` with the column gaps of space-aligned tables (two lines or more, each with two gaps
    or more) as tabs, as the other readers write a table's cells.  "Lokaler   60   80" -> "Lokaler\\t60\\t80"
    """
    lines = text.split("\n")
    aligned = [len(COLUMN_GAP_RE.findall(line.strip())) >= MIN_ALIGNED_GAPS and "\t" not in line for line in lines]
    for i in _two_column_rows(lines):
        aligned[i] = True
    for i, line in enumerate(lines):
        in_run = aligned[i] and (i > 0 and aligned[i - 1] or i + 1 < len(lines) and aligned[i + 1])
        if in_run:
            lines[i] = COLUMN_GAP_RE.sub("\t", line.strip())
    return "\n".join(lines)


MIN_TWO_COLUMN_ROWS = 3
SENTENCE_END_RE = re.compile(r"[.!?:;,]$")


def _two_column_rows(lines: list[str]) -> list[int]:
    """Return the lines of two-column tables aligned with spaces: three lines or more in a row, each one
    gap wide, whose second cells start or end at one column ("Tjänst        Omfattning" over
    "Samordnare       25 procent"); a sentence's double space does not line up over three lines."""
    cells = []
    for line in lines:
        gaps = list(COLUMN_GAP_RE.finditer(line.rstrip())) if "\t" not in line and line.strip() else []
        first = line[:gaps[0].start()].strip() if len(gaps) == 1 else ""
        cells.append((gaps[0].end(), len(line.rstrip())) if first and not SENTENCE_END_RE.search(first) else None)
    out, i = [], 0
    while i < len(cells):
        j = i
        while j < len(cells) and cells[j] and (j == i or cells[j][0] == cells[i][0] or cells[j][1] == cells[i][1]):
            j += 1
        if j - i >= MIN_TWO_COLUMN_ROWS:
            out.extend(range(i, j))
        i = max(j, i + 1)
    return out
