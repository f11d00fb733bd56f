"""Word .docx: a paragraph's style is looked up once per style, not once per paragraph."""
import hashlib
import io

import docx
from docx.text.paragraph import Paragraph

from extractor.read.docx import read_docx


def _document_bytes() -> bytes:
    document = docx.Document()
    for i in range(60):
        if i % 20 == 0:
            document.add_heading(f"Rubrik {i // 20 + 1}", level=1 + i // 20)
        document.add_paragraph(f"Stycke {i}: deltagarna får stöd av en påhittad coach.")
    document.add_paragraph("Sammanfattning", style="Title")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_docx_heading_styles_become_hints(tmp_path):
    data = _document_bytes()
    doc = read_docx(tmp_path / "a.docx", data, hashlib.sha256(data).hexdigest())
    headings = [(doc.text[h.start:h.end], h.level) for h in doc.hints]
    assert headings == [("Rubrik 1", 1), ("Rubrik 2", 2), ("Rubrik 3", 3), ("Sammanfattning", 1)]


def test_docx_style_is_looked_up_once_per_style(tmp_path, monkeypatch):
    calls = []
    original = Paragraph.style

    def counted(paragraph):
        calls.append(paragraph._p.style)
        return original.fget(paragraph)

    monkeypatch.setattr(Paragraph, "style", property(counted, original.fset))
    data = _document_bytes()
    read_docx(tmp_path / "a.docx", data, hashlib.sha256(data).hexdigest())
    # five styles (the default, Heading 1-3, Title) among 64 paragraphs: each looked up once
    assert len(calls) == len(set(calls)) == 5
