"""Rich Text Format (.rtf, and the Word files an archive holds as .doc that are RTF inside):
paragraphs, table rows as tab-separated lines, headings from outline levels, heading styles or
a paragraph in bold.

The record calls the format "doc": RTF is one of Word's own formats, and the record's formats
(SCHEMA.md) have no name of their own for it.
"""
from __future__ import annotations

import re
from pathlib import Path

from ..errors import UnreadableDocument
from ..record import Document, Hint
from . import limits
from .docx import BOLD_HEADING_MAX_CHARS, HEADING_STYLE_RE, RUN_IN_LEVEL
from .labels import MANUAL_BREAK, manual_breaks

TOKEN_RE = re.compile(rb"\\([a-zA-Z]+)(-?\d+)? ?|\\'([0-9a-fA-F]{2})|\\([^a-zA-Z'])|([{}])|[\r\n]+|([^\\{}\r\n]+)")
# Groups that hold no running text: tables of fonts, colours and lists, document properties,
# pictures and embedded objects, page headers and footers (which repeat on every page), a field's
# instruction (its result is kept), and any "\*" group a reader may ignore.
SKIPPED = {b"fonttbl", b"colortbl", b"stylesheet", b"info", b"pict", b"object", b"listtable",
           b"listoverridetable", b"rsidtbl", b"revtbl", b"header", b"headerl", b"headerr", b"headerf",
           b"footer", b"footerl", b"footerr", b"footerf", b"fldinst", b"footnote", b"annotation",
           b"xmlnstbl", b"themedata", b"colorschememapping", b"datastore", b"latentstyles", b"generator"}
SYMBOLS = {b"~": "\u00a0", b"_": "-", b"-": "", b"{": "{", b"}": "}", b"\\": "\\", b"\t": "\t"}
BREAKS = {b"par": "\n", b"line": MANUAL_BREAK, b"sect": "\n", b"page": "\n", b"row": "\n", b"cell": "\t",
          b"tab": "\t", b"emdash": "—", b"endash": "–", b"bullet": "•", b"lquote": "‘", b"rquote": "’",
          b"ldblquote": "“", b"rdblquote": "”"}
STYLE_RE = re.compile(rb"\{\\s(\d+)\b([^{}]*);\s*\}")
CONTROL_WORD_RE = re.compile(rb"\\[a-zA-Z]+-?\d* ?")


def _heading_styles(data: bytes) -> dict[int, int]:
    """Return {style number: heading level} from the stylesheet: "heading 2", "Rubrik 2"."""
    start = data.find(b"{\\stylesheet")
    if start < 0:
        return {}
    levels = {}
    for match in STYLE_RE.finditer(data, start, start + 200_000):
        name = CONTROL_WORD_RE.sub(b"", match[2]).decode("cp1252", "replace").strip()
        heading = HEADING_STYLE_RE.match(name)
        if heading:
            levels[int(match[1])] = int(heading.group(1) or 1)
    return levels


class _Paragraphs:
    """The paragraphs of an RTF body as they are written: their text, outline level and boldness."""

    def __init__(self, heading_styles: dict[int, int]):
        self.heading_styles = heading_styles
        self.lines: list[tuple[str, int | None, bool]] = []
        self.parts: list[str] = []
        self.level: int | None = None
        self.bold_chars = self.chars = 0

    def text(self, text: str, bold: bool) -> None:
        self.parts.append(text)
        visible = len(text.strip())
        self.chars += visible
        self.bold_chars += visible if bold else 0

    def end(self, kind: str) -> None:
        if kind == "\t" or kind == " ":
            self.parts.append(kind)
            return
        line = "".join(self.parts).replace("\u00a0", " ").rstrip("\t ")
        whole_bold = self.chars > 0 and self.bold_chars == self.chars
        self.lines.append((line, self.level, whole_bold))
        self.parts, self.bold_chars, self.chars = [], 0, 0

    def style(self, number: int) -> None:
        self.level = self.heading_styles.get(number)


def read_rtf(path: Path, data: bytes, sha256: str) -> Document:
    """Return a Document from RTF bytes.

    Raises:
        UnreadableDocument: no text in the file, or more text than the limit.
    """
    encoding = "cp1252"
    charset = re.search(rb"\\ansicpg(\d+)", data[:2000])
    if charset and charset[1] != b"0":
        encoding = "cp" + charset[1].decode()
    try:
        "".encode(encoding)
    except LookupError:
        encoding = "cp1252"
    paragraphs = _Paragraphs(_heading_styles(data))
    budget = limits.TextBudget(path)
    # state per group: (skipped, bold, fallback characters after \uN)
    stack: list[tuple[bool, bool, int]] = []
    skipped, bold, uc, pending_skip = False, False, 1, 0
    first_in_group = False
    for match in TOKEN_RE.finditer(data):
        word, argument, hexcode, symbol, brace, text = match.groups()
        if brace == b"{":
            stack.append((skipped, bold, uc))
            first_in_group = True
            continue
        if brace == b"}":
            if stack:
                skipped, bold, uc = stack.pop()
            first_in_group = False
            continue
        starts_group, first_in_group = first_in_group, False
        if word is not None:
            if word in SKIPPED and starts_group:
                skipped = True
            elif skipped:
                continue
            elif word in BREAKS:
                paragraphs.end(BREAKS[word]) if BREAKS[word] in "\n\t " else paragraphs.text(BREAKS[word], bold)
            elif word == b"u" and argument is not None:
                code = int(argument) % 65536
                paragraphs.text(chr(code), bold)
                budget.take(1)
                pending_skip = uc
            elif word == b"uc" and argument is not None:
                uc = int(argument)
            elif word == b"b":
                bold = argument != b"0"
            elif word == b"plain":
                bold = False
            elif word == b"pard":
                paragraphs.level = None
            elif word == b"s" and argument is not None:
                paragraphs.style(int(argument))
            elif word == b"outlinelevel" and argument is not None:
                paragraphs.level = int(argument) + 1 if 0 <= int(argument) < 9 else None
            continue
        if symbol is not None:
            if symbol == b"*":
                skipped = True
            elif not skipped and symbol in SYMBOLS:
                paragraphs.text(SYMBOLS[symbol], bold)
            continue
        if skipped:
            continue
        if hexcode is not None:
            if pending_skip:
                pending_skip -= 1
                continue
            paragraphs.text(bytes([int(hexcode, 16)]).decode(encoding, "replace"), bold)
            continue
        if text:
            chunk = text.decode(encoding, "replace")
            if pending_skip:
                dropped = min(pending_skip, len(chunk))
                chunk, pending_skip = chunk[dropped:], pending_skip - dropped
            budget.take(len(chunk))
            paragraphs.text(chunk, bold)
    paragraphs.end("\n")
    return _document(path, sha256, paragraphs.lines)


def _document(path: Path, sha256: str, blocks: list[tuple[str, int | None, bool]]) -> Document:
    lines, hints, marked, offset = [], [], [], 0
    for line, level, whole_bold in blocks:
        if line.strip() and level:
            hints.append(Hint(offset, offset + len(line), level))
        elif line.strip() and whole_bold and len(line) <= BOLD_HEADING_MAX_CHARS and "\t" not in line:
            marked.append((offset, line))
        lines.append(line)
        offset += len(line) + 1
    if not "".join(lines).strip():
        raise UnreadableDocument(f"{path}: no text in this RTF file")
    # as in read/docx.py: bold paragraphs are headings where no heading styles are used, else sub-headings
    bold_level = 1 if not hints else RUN_IN_LEVEL
    hints += [Hint(start, start + len(text), bold_level) for start, text in marked]
    hints.sort(key=lambda h: h.start)
    return Document(path=str(path), format="doc", sha256=sha256, text=manual_breaks("\n".join(lines) + "\n"),
                    hints=hints)
