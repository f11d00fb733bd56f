"""Plain-text exports: UTF-8 or Windows-1252, with HTML remnants cleaned."""
from __future__ import annotations

import re
from pathlib import Path

from ..errors import UnreadableDocument
from ..record import Document
from .html import clean_html

# UTF-8 read as Windows-1252 once already: "FÃ¶rsÃ¤kringskassan".
MOJIBAKE_RE = re.compile("Ã[\u0080-\u00bf¥¤¶…„–©]")
CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


def decode(data: bytes, path: Path) -> str:
    """Return the text of `data`, detecting UTF-8, UTF-16 and Windows-1252.

    Raises:
        UnreadableDocument: the bytes are binary, not text.
    """
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = data.decode("utf-16")
    elif b"\x00" in data[:4096]:
        raise UnreadableDocument(f"{path}: binary data, not a text file")
    else:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = data.decode("cp1252", errors="replace")
    if MOJIBAKE_RE.search(text):
        try:
            text = text.encode("cp1252").decode("utf-8")
        except (UnicodeEncodeError, UnicodeDecodeError):
            pass
    if len(CONTROL_RE.findall(text[:4096])) > 40:
        raise UnreadableDocument(f"{path}: binary data, not a text file")
    return text


def read_text(path: Path, data: bytes, sha256: str) -> Document:
    """Return a Document from a plain-text export."""
    text = decode(data, path).replace("\r\n", "\n").replace("\r", "\n")
    text = clean_html(text)
    return Document(path=str(path), format="txt", sha256=sha256, text=text)
