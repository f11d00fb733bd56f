"""HTML remnants in plain-text exports, and .html files: tags out, the text they wrap kept."""
from __future__ import annotations

import html
import re
from pathlib import Path

from ..record import Document

# Tags that end a line of text where they stand; every other tag simply goes.
BLOCK_TAG_RE = re.compile(r"</?(?:p|div|br|li|ul|ol|h[1-6]|tr|table)\b[^>]*>", re.IGNORECASE)
ANY_TAG_RE = re.compile(r"</?[a-zA-Z][a-zA-Z0-9]*\b[^<>]*>")
ENTITY_RE = re.compile(r"&(?:#\d+|#x[0-9a-fA-F]+|[a-zA-Z]+);")
LIST_ITEM_RE = re.compile(r"<li\b[^>]*>", re.IGNORECASE)
# A table cell ends with a tab, so a row reads as the Word readers write one: "Lokaler\t70 000".
CELL_END_RE = re.compile(r"</t[dh]\s*>", re.IGNORECASE)


def clean_html(text: str) -> str:
    """Return text with HTML tags and entities replaced.  "<p>Hej&nbsp;då</p>" -> "Hej då"

    Block tags become line breaks, so list items and paragraphs keep their own lines; table cells
    end with a tab.  "<tr><td>Lokaler</td><td>70 000</td></tr>" -> "Lokaler\t70 000"
    """
    if "<" not in text and "&" not in text:
        return text
    text = LIST_ITEM_RE.sub("\n- ", text)
    text = CELL_END_RE.sub("\t", text)
    text = BLOCK_TAG_RE.sub("\n", text)
    text = ANY_TAG_RE.sub("", text)
    text = ENTITY_RE.sub(lambda m: html.unescape(m.group(0)), text)
    text = text.replace("\xa0", " ")
    text = re.sub(r"[ \t]+\n", "\n", text)
    return re.sub(r"\n{3,}", "\n\n", text)


def read_html(path: Path, raw: str, sha256: str) -> Document:
    """Return a Document from an .html file's decoded text."""
    body = re.sub(r"(?is)<(script|style|head)\b.*?</\1>", "", raw)
    text = clean_html(body).strip() + "\n"
    return Document(path=str(path), format="html", sha256=sha256, text=text)
