"""Word 97-2003 (.doc), through antiword (Debian package "antiword").

antiword writes the document as DocBook XML: chapters and sections carry the headings and their
levels, tables come as rows of entries. Both survive into the Document as they do for .docx.
"""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

from ..errors import UnreadableDocument, UnsupportedFormat
from ..record import Document, Hint

ANTIWORD_TIMEOUT_S = 120
SECTION_LEVELS = {"chapter": 1, "sect1": 2, "sect2": 3, "sect3": 4, "sect4": 5, "sect5": 6}
SKIP = {"bookinfo", "footnote", "remark"}


def _text(node) -> str:
    return " ".join("".join(node.itertext()).split())


def _blocks(node, level: int):
    """Yield (line, heading level or None) in document order."""
    for child in node:
        tag = child.tag
        if tag in SKIP:
            continue
        if tag in SECTION_LEVELS:
            yield from _blocks(child, SECTION_LEVELS[tag])
        elif tag == "title":
            yield _text(child), level
        elif tag == "row":
            yield "\t".join(_text(entry) for entry in child if entry.tag == "entry").rstrip(), None
        elif tag == "para":
            # a paragraph's own text, then any table inside it
            own = (child.text or "") + "".join(
                "".join(c.itertext()) + (c.tail or "") for c in child if c.tag not in ("informaltable", "table"))
            if own.strip():
                yield " ".join(own.split()), None
            yield from _blocks([c for c in child if c.tag in ("informaltable", "table")], level)
        else:
            yield from _blocks(child, level)


# The words on either side of a line break in antiword's plain text.
GLUED_PAIR_RE = re.compile(r"(\S+)\n(?=(\S+))")


def _antiword(path: Path, data: bytes, args: list[str]) -> str:
    with tempfile.TemporaryDirectory() as tmp:
        copy = os.path.join(tmp, "document.doc")
        with open(copy, "wb") as f:
            f.write(data)
        try:
            done = subprocess.run(["antiword", *args, copy], capture_output=True, timeout=ANTIWORD_TIMEOUT_S,
                                  check=False)
        except subprocess.TimeoutExpired as err:
            raise UnreadableDocument(f"{path}: antiword took longer than {ANTIWORD_TIMEOUT_S} s") from err
    if done.returncode != 0:
        reason = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise UnreadableDocument(f"{path}: not a readable Word 97-2003 file ({reason[-1] if reason else 'antiword failed'})")
    return done.stdout.decode("utf-8", "replace")


def read_doc(path: Path, data: bytes, sha256: str) -> Document:
    """Return a Document from a Word 97-2003 file; table rows become tab-separated lines.

    Raises:
        UnsupportedFormat: antiword is not installed.
        UnreadableDocument: a damaged or encrypted file, or another kind of OLE file (.xls, .msg).
    """
    if not shutil.which("antiword"):
        raise UnsupportedFormat(f"{path}: Word 97-2003 (.doc) needs antiword (apt-get install antiword), "
                                "or save it as .docx and retry")
    xml = _antiword(path, data, ["-x", "db"])
    xml = re.sub(r"<!DOCTYPE[^>]*>", "", xml, count=1)
    lines, hints, offset = [], [], 0
    try:
        root = ET.fromstring(xml)
        blocks = list(_blocks(root, 1))
    except ET.ParseError:  # fall back on antiword's plain text, without heading levels
        text = _antiword(path, data, ["-m", "UTF-8.txt", "-w", "0"])
        blocks = [(_table_line(line), None) for line in text.splitlines()]
    blocks = _restore_line_breaks(blocks, path, data)
    for line, level in blocks:
        if level is not None and line:
            hints.append(Hint(offset, offset + len(line), level))
        lines.append(line)
        offset += len(line) + 1
    if not "".join(lines).strip():
        raise UnreadableDocument(f"{path}: no text in this Word 97-2003 file")
    return Document(path=str(path), format="doc", sha256=sha256, text="\n".join(lines) + "\n", hints=hints)


def _restore_line_breaks(blocks: list, path: Path, data: bytes) -> list:
    """Put back the manual line breaks antiword's DocBook drops ("24.03.2025Maria Exempel"), from its
    plain text, as the space the .docx reader gives a line break."""
    plain = _antiword(path, data, ["-m", "UTF-8.txt", "-w", "0"])
    glued = {a + b: f"{a} {b}" for a, b in GLUED_PAIR_RE.findall(plain)}
    if not glued:
        return blocks
    return [(" ".join(glued.get(token, token) for token in line.split(" ")), level) for line, level in blocks]


def _table_line(line: str) -> str:
    """antiword's text tables: "|Insatsägare   |Motala kommun |" -> "Insatsägare\tMotala kommun"."""
    if line.startswith("|") and line.rstrip().endswith("|"):
        return "\t".join(cell.strip() for cell in line.strip()[1:-1].split("|"))
    return line.strip()
