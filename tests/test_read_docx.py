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


def test_bold_by_paragraph_style_marks_a_heading(tmp_path):
    from extractor.read import read
    # a template's own "Fet rubrik" style sets the weight; its runs say nothing of it (invented text)
    from docx.enum.style import WD_STYLE_TYPE

    from extractor.split import split

    document = docx.Document()
    style = document.styles.add_style("Fet rubrik", WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = document.styles["Normal"]
    style.font.bold = True
    document.add_paragraph("Ansökan om samverkansmedel")
    for heading, text in [("Bakgrund", "Många i Testby saknar stöd."),
                          ("Vardagen i verkstaden", "Deltagarna lagar cyklar med en handledare."),
                          ("Budget", "400 000 kronor.")]:
        document.add_paragraph(heading, style="Fet rubrik")
        document.add_paragraph(text)
    path = tmp_path / "fet.docx"
    document.save(path)
    sections = split(read(path))
    assert [(s.heading, s.text) for s in sections] == [
        ("Bakgrund", "Många i Testby saknar stöd."),
        ("Vardagen i verkstaden", "Deltagarna lagar cyklar med en handledare."),
        ("Budget", "400 000 kronor.")]


def test_a_bold_label_before_a_content_control_is_a_run_in_heading(tmp_path):
    # a Word form: "**Insatsens namn:** [answer in a content control]" (invented text)
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    document = docx.Document()
    document.add_paragraph("Ansökan om medel")
    for label, answer in [("Insatsens namn", "Påhittsteget"), ("Insatsägare", "Exempelby kommun")]:
        paragraph = document.add_paragraph()
        paragraph.add_run(label + ": ").bold = True
        paragraph._p.append(parse_xml(
            f'<w:sdt {nsdecls("w")}><w:sdtPr><w:alias w:val="{label}"/></w:sdtPr>'
            f'<w:sdtContent><w:r><w:t>{answer}</w:t></w:r></w:sdtContent></w:sdt>'))
    out = io.BytesIO()
    document.save(out)
    data = out.getvalue()
    doc = read_docx(tmp_path / "a.docx", data, hashlib.sha256(data).hexdigest())
    assert "Insatsens namn: Påhittsteget" in doc.text
    assert [doc.text[h.start:h.end].strip() for h in doc.hints] == ["Insatsens namn:", "Insatsägare:"]


def test_page_header_and_footer_are_read_once_around_the_body(tmp_path):
    document = docx.Document()
    document.sections[0].header.paragraphs[0].text = "Samordningsförbundet Påhittet\tDnr SPX 2025/14"
    document.sections[0].footer.paragraphs[0].text = "Projektplan Påhittsteget, version 2, 2025-09-01"
    document.add_paragraph("Projektplan")
    document.add_section()  # a second section linked to the first one's header and footer
    document.add_paragraph("Målgrupp: unga vuxna.")
    out = io.BytesIO()
    document.save(out)
    data = out.getvalue()
    text = read_docx(tmp_path / "a.docx", data, hashlib.sha256(data).hexdigest()).text
    assert text.startswith("Samordningsförbundet Påhittet\tDnr SPX 2025/14\nProjektplan\n")
    assert text.rstrip().endswith("Målgrupp: unga vuxna.\nProjektplan Påhittsteget, version 2, 2025-09-01")
    assert text.count("Dnr SPX") == 1
