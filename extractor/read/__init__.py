"""Readers: read(path) -> Document for every supported format, chosen by content first."""
from __future__ import annotations

import hashlib
from pathlib import Path

from ..errors import UnreadableDocument, UnsupportedFormat
from ..record import Document
from .doc import read_doc
from .docx import read_docx
from .html import read_html
from . import limits
from .odt import read_odt
from .pdf import read_pdf
from .rtf import read_rtf
from .text import decode, read_text

TEXT_SUFFIXES = {".txt", ".text", ".csv", ".md", ""}
HTML_SUFFIXES = {".html", ".htm"}
LEGACY = {".wpd": "WordPerfect", ".pages": "Apple Pages"}


# Libraries the readers import the first time a file needs them (a text file needs none).
LAZY_LIBRARIES = ("docx", "pdfplumber", "pdfminer.pdfparser", "numpy.ma")


def preload() -> None:
    """Import what the readers import lazily: an import's workers are forked after this, so
    each of them has the libraries at hand instead of importing them again per file."""
    import importlib

    for name in LAZY_LIBRARIES:
        importlib.import_module(name)


def sniff(data: bytes, suffix: str) -> str:
    """Return the format the bytes are in: "pdf", "docx", "odt", "ole" (Word 97-2003), "rtf", "html" or "txt"."""
    head = data[:1024].lstrip()
    if data.startswith(b"%PDF"):
        return "pdf"
    if head.startswith(b"{\\rtf"):
        return "rtf"
    if data.startswith(b"PK\x03\x04"):
        # OpenDocument stores its "mimetype" first and uncompressed, so it shows at a fixed place
        if data[30:38] == b"mimetype" and b"opendocument" in data[38:90] or suffix == ".odt":
            return "odt"
        return "docx"
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        return "ole"
    if suffix in HTML_SUFFIXES or head.lower().startswith((b"<!doctype html", b"<html")):
        return "html"
    return "txt"


def read(path: str | Path, ocr: bool = True) -> Document:
    """Return the Document in the file at `path`.

    Raises:
        UnsupportedFormat: a format we cannot read (WordPerfect, images…).
        UnreadableDocument: the file is empty, damaged, encrypted, has no text, is not a regular
            file or is over a size limit (read/limits.py).
    """
    path = Path(path)
    data = limits.read_capped(path)  # only a regular file, and no more than the limit, whatever stat says
    if not data.strip():
        raise UnreadableDocument(f"{path}: empty file")
    sha256 = hashlib.sha256(data).hexdigest()
    suffix = path.suffix.lower()
    kind = sniff(data, suffix)
    if suffix in LEGACY:
        raise UnsupportedFormat(f"{path}: {LEGACY[suffix]} is not supported; save it as .docx or PDF and retry")
    if kind == "ole":
        return read_doc(path, data, sha256)
    if kind == "odt":
        return read_odt(path, data, sha256)
    if kind == "rtf":
        return read_rtf(path, data, sha256)
    if kind == "pdf":
        return read_pdf(path, data, sha256, ocr=ocr)
    if kind == "docx":
        return read_docx(path, data, sha256)
    if kind == "html":
        return read_html(path, decode(data, path), sha256)
    if suffix not in TEXT_SUFFIXES | {".pdf", ".docx", ".doc", ".odt", ".rtf"}:
        raise UnsupportedFormat(f"{path}: unsupported file type '{suffix}' (pdf, docx, txt and html are read)")
    # content decides: a text export saved under .pdf or .docx is still read as the text it is
    return read_text(path, data, sha256)
