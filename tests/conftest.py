import os
from pathlib import Path

import pytest
import sqlite_utils

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("EXTRACTOR_SHARED", ROOT.parent / "shared"))
DEV_DOCS = SHARED / "eval" / "dev" / "docs"
SCHEMA_JSON = SHARED / "spec" / "record.schema.json"
DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture
def db():
    return sqlite_utils.Database(memory=True)


def make_docx(path: Path, blocks: list) -> Path:
    """Write a .docx from blocks: ("h1", text), ("p", text), ("bold", text), ("table", rows)."""
    import docx

    document = docx.Document()
    for kind, value in blocks:
        if kind.startswith("h"):
            document.add_heading(value, level=int(kind[1:]))
        elif kind == "bold":
            document.add_paragraph().add_run(value).bold = True
        elif kind == "table":
            table = document.add_table(rows=len(value), cols=len(value[0]))
            for r, row in enumerate(value):
                for c, cell in enumerate(row):
                    table.cell(r, c).text = cell
        else:
            document.add_paragraph(value)
    document.save(path)
    return path


def make_pdf(path: Path, pages: list[list[str]]) -> Path:
    """Write a text-layer PDF with one list of lines per page."""
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_auto_page_break(False)
    for lines in pages:
        pdf.add_page()
        pdf.set_font("Helvetica", "", 11)
        for line in lines:
            pdf.cell(0, 6, line, new_x="LMARGIN", new_y="NEXT")
    pdf.output(str(path))
    return path


def one_page_pdf():
    """An fpdf2 document with one page, Helvetica 11, no automatic page breaks (for PDF tests)."""
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_auto_page_break(False)
    pdf.add_page()
    pdf.set_font("Helvetica", "", 11)
    return pdf


def write_odt(path: Path, body: str, styles: str = "") -> None:
    """Write a minimal OpenDocument text: `body` is content.xml's office:text, `styles` its automatic styles."""
    import zipfile

    ns = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
          'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
          'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
          'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
          'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"')
    content = (f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {ns}>'
               f'<office:automatic-styles>{styles}</office:automatic-styles>'
               f'<office:body><office:text>{body}</office:text></office:body></office:document-content>')
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.text")
        zf.writestr("content.xml", content)
