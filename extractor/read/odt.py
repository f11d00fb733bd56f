"""OpenDocument text (.odt): paragraphs, headings and tables from content.xml, in document order."""
from __future__ import annotations

import io
import zipfile
import xml.etree.ElementTree as ET
from pathlib import Path

from ..errors import UnreadableDocument
from ..record import Document, Hint
from . import limits
from .docx import BOLD_HEADING_MAX_CHARS, HEADING_STYLE_RE, RUN_IN_HEADING_MAX_WORDS, RUN_IN_LEVEL
from .labels import MANUAL_BREAK, manual_breaks

NS = {
    "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
    "table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
    "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
    "style": "urn:oasis:names:tc:opendocument:xmlns:style:1.0",
    "fo": "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0",
}
STYLE = "{%s}" % NS["style"]
T, TABLE = "{%s}" % NS["text"], "{%s}" % NS["table"]
# Not the document's running text: comments, footnotes, deleted text kept for change tracking.
SKIP = {T + "tracked-changes", T + "note", "{%s}annotation" % NS["office"], T + "sequence-decls"}


def _inline(node, parts: list[str], budget: limits.TextBudget) -> None:
    """Append the text of a paragraph's content: spans, spaces, tabs, links, text boxes."""
    if node.text:
        parts.append(node.text)
    for child in node:
        tag = child.tag
        if tag in SKIP:
            pass
        elif tag == T + "s":  # a repeat count is capped, and counted against the document's text
            parts.append(" " * budget.take(limits.repeat_count(child.get(T + "c"))))
        elif tag == T + "tab":
            parts.append("\t")
        elif tag == T + "line-break":
            parts.append(MANUAL_BREAK)
        elif tag in (T + "p", T + "h"):  # a text box's paragraphs inside a frame
            parts.append(" ")
            _inline(child, parts, budget)
        else:
            _inline(child, parts, budget)
        if child.tail:
            parts.append(child.tail)


def _text(node, budget: limits.TextBudget) -> str:
    parts: list[str] = []
    _inline(node, parts, budget)
    text = "".join(parts)
    return text.replace("\n", " ").strip(" \r").rstrip()  # leading tabs are column positions


def _level(value: str | None) -> int:
    """Return a heading's outline level, 1 when it is missing or not a number."""
    try:
        return min(max(int(value or "1"), 1), 10)
    except ValueError:
        return 1


def _heading_styles(root) -> dict[str, int]:
    """Return {paragraph style: heading level} for styles named like "Heading 2" / "Rubrik 2"."""
    out = {}
    for style in root.iter("{%s}style" % NS["style"]):
        name = style.get("{%s}name" % NS["style"], "")
        shown = style.get("{%s}display-name" % NS["style"]) or name.replace("_20_", " ")
        parent = (style.get("{%s}parent-style-name" % NS["style"]) or "").replace("_20_", " ")
        for candidate in (shown, parent):
            m = HEADING_STYLE_RE.match(candidate.strip())
            if m:
                out[name] = int(m.group(1))
                break
    return out


def _bold_styles(roots) -> set[str]:
    """Return the names of styles that set bold type, themselves or through the style they are based on."""
    weight, parent = {}, {}
    for root in roots:
        for style in root.iter(STYLE + "style"):
            name = style.get(STYLE + "name", "")
            props = style.find(STYLE + "text-properties")
            value = props.get("{%s}font-weight" % NS["fo"]) if props is not None else None
            if value is not None:
                weight[name] = value == "bold" or value.isdigit() and int(value) >= 600
            parent[name] = style.get(STYLE + "parent-style-name")
    bold = set()
    for name in parent:
        seen, at = set(), name
        while at and at not in weight and at not in seen:
            seen.add(at)
            at = parent.get(at)
        if weight.get(at):
            bold.add(name)
    return bold


def _bold_mark(p, bold: set[str], line: str) -> str | None:
    """Return "whole" for a paragraph set in bold (its style or one span), the bold opening's text for
    a bold span run in to plain text ("Målgrupp. Vuxna …"), else None.  An export of a Word file
    (LibreOffice, converters) keeps bold headings as such paragraphs, not as headings."""
    if not line or not bold:
        return None
    if p.get(T + "style-name", "") in bold:
        return "whole" if len(line) <= BOLD_HEADING_MAX_CHARS else None
    children = [c for c in p if c.tag not in SKIP]
    if (p.text or "").strip() or not children or children[0].tag != T + "span":
        return None
    if children[0].get(T + "style-name", "") not in bold:
        return None
    lead = "".join(children[0].itertext()).strip()
    if lead == line:
        return "whole" if len(line) <= BOLD_HEADING_MAX_CHARS else None
    if line.startswith(lead) and lead and len(lead.split()) <= RUN_IN_HEADING_MAX_WORDS:
        return lead
    return None


def _blocks(node, heading_styles: dict[str, int], budget: limits.TextBudget, bold: set[str] = frozenset()):
    """Yield (line, heading level or None, bold mark or None) for each paragraph and table row under `node`."""
    for child in node:
        tag = child.tag
        if tag in SKIP:
            continue
        if tag == T + "h":
            yield _text(child, budget), _level(child.get(T + "outline-level")), None
        elif tag == T + "p":
            line = _text(child, budget)
            level = heading_styles.get(child.get(T + "style-name", ""))
            yield line, level, None if level else _bold_mark(child, bold, line)
        elif tag == TABLE + "table-row":
            cells = [" ".join(line for line, _, _ in _blocks(cell, {}, budget) if line).replace(MANUAL_BREAK, " ")
                     for cell in child if cell.tag == TABLE + "table-cell"]
            yield "\t".join(cells).rstrip(), None, None
        else:  # lists, sections, tables, header rows: their paragraphs in order
            yield from _blocks(child, heading_styles, budget, bold)


def read_odt(path: Path, data: bytes, sha256: str) -> Document:
    """Return a Document from an .odt; table rows become tab-separated lines.

    Raises:
        UnreadableDocument: not a zip, no content.xml, damaged XML, or a zip bomb.
    """
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            # read through a cap: the zip directory's sizes may lie
            content = limits.read_member(zf, "content.xml", path)
            styles = limits.read_member(zf, "styles.xml", path) if "styles.xml" in zf.namelist() else b""
    except (zipfile.BadZipFile, KeyError, ValueError, EOFError) as err:
        raise UnreadableDocument(f"{path}: not a valid .odt ({err})") from err
    try:
        root = ET.fromstring(content)
        heading_styles = _heading_styles(root)
        roots = [root]
        if styles:
            roots.append(ET.fromstring(styles))
            heading_styles.update(_heading_styles(roots[1]))
        bold = _bold_styles(roots)
    except ET.ParseError as err:
        raise UnreadableDocument(f"{path}: damaged .odt content ({err})") from err
    body = root.find("office:body/office:text", NS)
    if body is None:
        raise UnreadableDocument(f"{path}: an OpenDocument file without text (a spreadsheet or drawing?)")
    lines, hints, marked, offset = [], [], [], 0
    for line, level, mark in _blocks(body, heading_styles, limits.TextBudget(path), bold):
        if line and level:
            hints.append(Hint(offset, offset + len(line), level))
        elif mark:
            marked.append((offset, line if mark == "whole" else mark, mark == "whole"))
        lines.append(line)
        offset += len(line) + 1
    # as in read/docx.py: bold paragraphs are headings where no heading styles are used, else sub-headings
    bold_level = 1 if not hints else RUN_IN_LEVEL
    hints += [Hint(start, start + len(text), bold_level if whole else RUN_IN_LEVEL) for start, text, whole in marked]
    hints.sort(key=lambda h: h.start)
    return Document(path=str(path), format="odt", sha256=sha256, text=manual_breaks("\n".join(lines) + "\n"),
                    hints=hints)
