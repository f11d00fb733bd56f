"""Word .docx: paragraphs and tables in document order, headings marked by style or bold."""
from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

from ..errors import UnreadableDocument
from ..record import Document, Hint

# A .docx is a zip: refuse archives that would inflate past this (zip bombs).
MAX_UNZIPPED_BYTES = 200 * 1024 * 1024
# "Heading 2", localised "Rubrik 2", "Überschrift 2"; "Title"/"Rubrik" count as level 1.
HEADING_STYLE_RE = re.compile(r"^(?:heading|rubrik|överskrift|berschrift|titre)\s*(\d)$", re.I)
TITLE_STYLES = {"title", "rubrik", "titel"}
BOLD_HEADING_MAX_CHARS = 150


def _check_zip(data: bytes, path: Path) -> None:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            total = sum(info.file_size for info in zf.infolist())
            names = set(zf.namelist())
    except zipfile.BadZipFile as err:
        raise UnreadableDocument(f"{path}: not a valid .docx (not a zip archive)") from err
    if total > MAX_UNZIPPED_BYTES:
        raise UnreadableDocument(f"{path}: .docx would unpack to {total} bytes; refused as a zip bomb")
    if "word/document.xml" not in names:
        raise UnreadableDocument(f"{path}: zip archive without word/document.xml; not a .docx")


def _style_level(paragraph) -> int | None:
    name = (paragraph.style.name if paragraph.style is not None else "") or ""
    match = HEADING_STYLE_RE.match(name.strip())
    if match:
        return int(match.group(1))
    if name.strip().lower() in TITLE_STYLES:
        return 1
    return None


def _is_bold(paragraph) -> bool:
    runs = [r for r in paragraph.runs if r.text.strip()]
    return bool(runs) and all(r.bold for r in runs)


def _row_cells(row) -> list[str]:
    """Return a table row's cell texts, once per cell even where cells are merged."""
    seen, cells = set(), []
    for cell in row.cells:
        if id(cell._tc) in seen:
            continue
        seen.add(id(cell._tc))
        cells.append(" ".join(cell.text.split("\n")).strip())
    return cells


def _blocks(document):
    """Yield ("p", paragraph) and ("row", cells) in document order."""
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    for child in document.element.body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            yield "p", Paragraph(child, document)
        elif tag == "tbl":
            for row in Table(child, document).rows:
                yield "row", _row_cells(row)


def read_docx(path: Path, data: bytes, sha256: str) -> Document:
    """Return a Document from a .docx; table rows become tab-separated lines.

    Raises:
        UnreadableDocument: not a zip, not a Word document, or a zip bomb.
    """
    import docx

    _check_zip(data, path)
    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as err:  # python-docx raises many kinds on a damaged package
        raise UnreadableDocument(f"{path}: damaged .docx ({err.__class__.__name__}: {err})") from err
    lines: list[str] = []
    hints: list[Hint] = []
    bold: list[tuple[int, str]] = []
    offset = 0
    for kind, block in _blocks(document):
        if kind == "p":
            line = block.text.replace("\n", " ").strip()
            level = _style_level(block)
            if line and level is not None:
                hints.append(Hint(offset, offset + len(line), level))
            elif line and len(line) <= BOLD_HEADING_MAX_CHARS and _is_bold(block):
                bold.append((offset, line))
        else:
            line = "\t".join(block).rstrip()
        lines.append(line)
        offset += len(line) + 1
    # Bold paragraphs are headings when the document has no heading styles, else sub-headings.
    bold_level = 1 if not hints else 9
    hints += [Hint(start, start + len(line), bold_level) for start, line in bold]
    hints.sort(key=lambda h: h.start)
    return Document(path=str(path), format="docx", sha256=sha256, text="\n".join(lines) + "\n", hints=hints)
