"""Word .docx: paragraphs and tables in document order, headings marked by style or bold."""
from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

from ..errors import UnreadableDocument
from ..record import Document, Hint
from .labels import MANUAL_BREAK, manual_breaks, pair_label_rows
from .limits import MAX_UNZIPPED_BYTES, check_members
# "Heading 2", localised "Rubrik 2", "Überschrift 2"; "Title"/"Rubrik" count as level 1.
HEADING_STYLE_RE = re.compile(r"^(?:heading|rubrik|överskrift|berschrift|titre)\s*(\d)$", re.I)
TITLE_STYLES = {"title", "rubrik", "titel"}
BOLD_HEADING_MAX_CHARS = 150
RUN_IN_HEADING_MAX_WORDS = 8
RUNS_SLACK_CHARS = 2  # a field code or symbol the runs do not hold
RUN_IN_LEVEL = 9
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _check_zip(data: bytes, path: Path) -> None:
    """Refuse what is not a zip with word/document.xml, and archives that inflate past the limits
    (measured by inflating them: a zip directory can lie about sizes)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            names = set(zf.namelist())
            if "word/document.xml" in names:
                check_members(zf, path, MAX_UNZIPPED_BYTES)
    except (zipfile.BadZipFile, ValueError, EOFError) as err:
        raise UnreadableDocument(f"{path}: not a valid .docx (not a zip archive)") from err
    if "word/document.xml" not in names:
        raise UnreadableDocument(f"{path}: zip archive without word/document.xml; not a .docx")


def _style_level(paragraph, names: dict) -> int | None:
    """Return the heading level of a paragraph's style, or None; `names` keeps each style id's name.

    python-docx looks a paragraph's style up among all of the document's styles on every call
    (97 % of reading a long document): each style id is looked up once.
    """
    name = _style(paragraph, names)[0]
    match = HEADING_STYLE_RE.match(name.strip())
    if match:
        return int(match.group(1))
    if name.strip().lower() in TITLE_STYLES:
        return 1
    return None


def _style(paragraph, styles: dict) -> tuple[str, bool]:
    """Return a paragraph's style name and whether the style (or one it is based on) sets bold type;
    `styles` keeps each style id's answer, so each style is looked up once."""
    style_id = paragraph._p.style
    if style_id not in styles:
        style = paragraph.style
        name = (style.name if style is not None else "") or ""
        weight = None
        while style is not None and weight is None:
            weight = style.font.bold
            style = style.base_style
        styles[style_id] = (name, bool(weight))
    return styles[style_id]


def _is_bold(paragraph, styles: dict | None = None) -> bool:
    """Whether every run with text is bold, by its own weight or else by its paragraph's style
    (a template's own "Fet rubrik" style whose runs say nothing of their weight)."""
    runs = [r for r in paragraph.runs if r.text.strip()]
    if not runs:
        return False
    if all(r.bold for r in runs):
        return True
    return styles is not None and all(r.bold is not False for r in runs) and _style(paragraph, styles)[1]


def _runs_hold(paragraph, line: str) -> bool:
    """Whether the paragraph's own runs hold (nearly) all its text: a form's answer in a content control
    ("**Insatsens namn:** [Påhittet]") is text outside them, and no part of a bold heading."""
    own = sum(len("".join(r.text.split())) for r in paragraph.runs)
    return len("".join(line.split())) <= own + RUNS_SLACK_CHARS


def _bold_lead(paragraph, line: str) -> str | None:
    """Return a paragraph's bold opening when plain text follows it: a run-in heading
    ("**Bakgrund.** Många unga …"), else None."""
    lead = []
    for run in paragraph.runs:
        if not run.text.strip() and lead:
            lead.append(run.text)
            continue
        if not run.bold:
            break
        lead.append(run.text)
    head = "".join(lead).strip()
    rest = line[len(head):].strip() if line.startswith(head) else ""
    if not head or not rest or len(head.split()) > RUN_IN_HEADING_MAX_WORDS:
        return None
    return head


def _local(tag) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


# Parts of a paragraph that are not its text: properties (their w:tab elements are tab stops),
# deleted text, the fallback copy Word keeps of every text box, and the text boxes themselves (read
# as paragraphs of their own after the paragraph they are anchored to).
SKIP_IN_PARAGRAPH = {"pPr", "rPr", "del", "Fallback", "instrText", "delText", "txbxContent"}


def _placeholder(sdt) -> bool:
    """Whether a content control shows its placeholder ("Klicka eller tryck här för att ange text."):
    a field the writer left empty."""
    return any(_local(prop.tag) == "showingPlcHdr" for pr in sdt.iterchildren() if _local(pr.tag) == "sdtPr"
               for prop in pr.iterchildren())


def paragraph_text(p) -> str:
    """Return a paragraph's text as Word shows it, content controls, tracked insertions,
    hyperlinks and text boxes included (python-docx's `paragraph.text` leaves those out)."""
    parts: list[str] = []

    def walk(node) -> None:
        for child in node:
            tag = _local(child.tag)
            if tag in SKIP_IN_PARAGRAPH or (tag == "sdt" and _placeholder(child)):
                continue
            if tag == "t":
                parts.append(child.text or "")
            elif tag == "tab":
                parts.append("\t")
            elif tag in ("br", "cr"):
                parts.append(MANUAL_BREAK if child.get(f"{{{W}}}type") in (None, "textWrapping") else " ")
            else:
                walk(child)

    walk(p)
    return "".join(parts)


def _text_boxes(p) -> list:
    """Return the text boxes anchored in a paragraph (each once: not Word's fallback copy, not a box
    inside another box, which is read with the box that holds it)."""
    boxes = []
    for box in p.iter("{*}txbxContent"):
        node = box.getparent()
        while node is not None and node is not p and _local(node.tag) not in ("Fallback", "txbxContent"):
            node = node.getparent()
        if node is p:
            boxes.append(box)
    return boxes


def _block_elements(parent):
    """Yield the w:p and w:tbl elements under `parent`, looking inside block content controls; a form
    laid out in text boxes gives each box's paragraphs after the paragraph that anchors the box
    ("Insatsens namn" and "Bryggan" two lines, not "Insatsens namnBryggan")."""
    for child in parent.iterchildren():
        tag = _local(child.tag)
        if tag == "p":
            boxes = _text_boxes(child)
            if not boxes or paragraph_text(child).strip():
                yield child
            for box in boxes:
                yield from _block_elements(box)
        elif tag == "tbl":
            yield child
        elif tag == "sdt" and not _placeholder(child):
            for content in child.iterchildren():
                if _local(content.tag) == "sdtContent":
                    yield from _block_elements(content)


def _cell_text(tc) -> str:
    """Return a table cell's paragraphs on one line (content controls included; a table nested in the
    cell is read as rows of its own, after the row: `_nested_tables`)."""
    lines = [paragraph_text(block) for block in _block_elements(tc) if _local(block.tag) == "p"]
    return " ".join(" ".join(lines).split("\n")).replace(MANUAL_BREAK, " ").strip()


def _nested_tables(tc) -> list:
    return [block for block in _block_elements(tc) if _local(block.tag) == "tbl"]


class _Row(list):
    """A table row's cell texts; `lead` is its first cell's bold opening paragraph where the cell's
    answer follows below it: a form that sets each question and its answer in one cell."""

    lead: str | None = None


def _cell_lead(tc) -> str | None:
    """Return a cell's first paragraph where it is wholly bold and more text follows it in the cell."""
    from docx.text.paragraph import Paragraph

    paragraphs = [b for b in _block_elements(tc) if _local(b.tag) == "p" and paragraph_text(b).strip()]
    if len(paragraphs) < 2:
        return None
    runs = [r for r in Paragraph(paragraphs[0], None).runs if r.text.strip()]
    head = paragraph_text(paragraphs[0]).strip()
    return head if runs and all(r.bold for r in runs) and len(head) <= BOLD_HEADING_MAX_CHARS else None


def _table_rows(tbl):
    """Yield each row's cell texts, once per cell even where cells are merged."""
    from docx.table import Table

    for row in Table(tbl, None).rows:
        seen, cells = set(), []
        try:
            row_cells = row.cells
        except Exception:  # a malformed grid: read the row's own cells
            row_cells = []
        tcs = [c._tc for c in row_cells] or [tc for tc in row._tr.iterchildren() if _local(tc.tag) == "tc"]
        nested = []
        for tc in tcs:
            if id(tc) in seen:
                continue
            seen.add(id(tc))
            cells.append(_cell_text(tc))
            nested += _nested_tables(tc)
        row = _Row(cells)
        row.lead = _cell_lead(tcs[0]) if tcs else None
        yield row
        for table in nested:  # a form's "Budget" cell holding the budget table: its rows stay rows
            yield from _table_rows(table)


def _blocks(document):
    """Yield ("p", paragraph) and ("row", cells) in document order."""
    from docx.text.paragraph import Paragraph

    for block in _block_elements(document.element.body):
        if _local(block.tag) == "p":
            yield "p", Paragraph(block, document)
        else:
            for cells in _table_rows(block):
                yield "row", cells


PAGE_NUMBER_LINE_RE = re.compile(r"^(?:sida|page|s\.)?[ \t]*\d*(?:[ \t]*(?:av|of|/)[ \t]*\d*)?$", re.I)


def _page_margins(document) -> tuple[list[str], list[str]]:
    """Return the lines of the page header (read before the body, as a PDF of it shows them first)
    and of the page footer (after it), each line once: a registry number or a date often stands there."""
    out: tuple[list[str], list[str]] = ([], [])
    for section in document.sections:
        for lines, parts in ((out[0], ("first_page_header", "header")), (out[1], ("first_page_footer", "footer"))):
            for name in parts:
                try:
                    part = getattr(section, name)
                    if part.is_linked_to_previous and lines:
                        continue
                    elements = list(_block_elements(part._element))
                except (AttributeError, ValueError, KeyError):
                    continue
                for element in elements:
                    texts = ([paragraph_text(element)] if _local(element.tag) == "p"
                             else ["\t".join(cells) for cells in _table_rows(element)])
                    for text in texts:
                        text = text.replace("\n", " ").strip(" \t\r\x0b\xa0")
                        if text and text not in lines and not PAGE_NUMBER_LINE_RE.match(text):
                            lines.append(text)
    return out


def _paired(blocks):
    """Yield the blocks, each table's row of labels over its row of values read as label-value rows."""
    rows: list[list[str]] = []
    for kind, block in blocks:
        if kind == "row":
            rows.append(block)
            continue
        yield from (("row", r) for r in pair_label_rows(rows))
        rows = []
        yield kind, block
    yield from (("row", r) for r in pair_label_rows(rows))


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
    run_in: list[tuple[int, str]] = []
    offset = 0
    style_names: dict[str | None, tuple[str, bool]] = {}
    head, foot = _page_margins(document)
    for kind, block in [("margin", line) for line in head] + list(_paired(_blocks(document))) + [("margin", line) for line in foot]:
        if kind == "margin":
            line = block
        elif kind == "p":
            # leading tabs are column positions (a table typed with tab stops): keep them
            line = paragraph_text(block._p).replace("\n", " ").strip(" \r\x0b\xa0").rstrip()
            level = _style_level(block, style_names)
            if line and level is not None:
                hints.append(Hint(offset, offset + len(line), level))
            elif line and len(line) <= BOLD_HEADING_MAX_CHARS and _is_bold(block, style_names) and _runs_hold(block, line):
                bold.append((offset, line))
            elif line and (lead := _bold_lead(block, line)):
                run_in.append((offset, lead))
        else:
            line = "\t".join(block).rstrip()
            lead = getattr(block, "lead", None)
            if lead and line.startswith(lead) and line[len(lead):].strip():
                run_in.append((offset, lead))  # "Vem gynnas av insatsen?" over its answer in one cell
        lines.append(line)
        offset += len(line) + 1
    # Bold paragraphs are headings when the document has no heading styles, else sub-headings.
    bold_level = 1 if not hints else 9
    hints += [Hint(start, start + len(line), bold_level) for start, line in bold]
    # a bold opening run-in to its paragraph: split.py keeps it only where it names a known section
    hints += [Hint(start, start + len(lead), RUN_IN_LEVEL) for start, lead in run_in]
    hints.sort(key=lambda h: h.start)
    return Document(path=str(path), format="docx", sha256=sha256, text=manual_breaks("\n".join(lines) + "\n"),
                    hints=hints)
