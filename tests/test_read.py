from pathlib import Path

import pytest
from conftest import DATA, make_docx, make_pdf, write_odt

from extractor.errors import UnreadableDocument, UnsupportedFormat
from extractor.read import read
from extractor.read.html import clean_html
from extractor.read.pdf import join_hyphenated


def test_read_text_utf8_keeps_swedish_letters(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Målgrupp\nUnga vuxna i Örebro, 18–29 år.\n", encoding="utf-8")
    doc = read(path)
    assert doc.format == "txt"
    assert "Målgrupp" in doc.text and "Örebro" in doc.text
    assert len(doc.sha256) == 64


def test_read_text_windows_1252_export_is_not_mangled(tmp_path):
    path = tmp_path / "export.txt"
    path.write_bytes("Försäkringskassan och Arbetsförmedlingen – 1 200 000 kr".encode("cp1252"))
    doc = read(path)
    assert doc.text.startswith("Försäkringskassan och Arbetsförmedlingen – 1 200 000 kr")


def test_read_text_repairs_double_encoded_utf8(tmp_path):
    path = tmp_path / "mojibake.txt"
    path.write_text("Målgrupp för insatsen".encode("utf-8").decode("cp1252"), encoding="utf-8")
    assert read(path).text.startswith("Målgrupp för insatsen")


@pytest.mark.parametrize("raw, expected", [
    ("<p>Insatsen ska</p> <p>hjälpa unga</p>", ["Insatsen ska", "hjälpa unga"]),
    ('<ul style="list-style-type: none"><li>Minst 40 procent</li></ul>', ["- Minst 40 procent"]),
    ("<strong>Viktigt</strong>&nbsp;att veta &amp; göra", ["Viktigt att veta & göra"]),
    # an e-mail export's addresses in angle brackets are no tags
    ("Från: Alva Påhittsson <alva.pahittsson@exempel.se>\nTill: Per Påhittad <per@exempel.se>",
     ["Från: Alva Påhittsson alva.pahittsson@exempel.se", "Till: Per Påhittad per@exempel.se"]),
    # a saved web form: the filled-in values, not the buttons, hidden fields or options not chosen
    ('<div><label for="a">Insatsens namn</label><input type="text" id="a" value="Påhittet"></div>'
     '<input type="hidden" name="csrf" value="x9"><label>Beskriv målgruppen</label><textarea>Unga 18–29 år.</textarea>'
     '<label>Typ</label><select><option>Förstudie</option><option selected>Insats</option></select>'
     '<input type="submit" value="Skicka">',
     ["Insatsens namn", "Påhittet", "Beskriv målgruppen", "Unga 18–29 år.", "Typ", "Insats"]),
])
def test_clean_html_keeps_wrapped_text(raw, expected):
    lines = [line.strip() for line in clean_html(raw).split("\n") if line.strip()]
    assert lines == expected


def test_read_docx_keeps_paragraphs_and_tables_in_order(tmp_path):
    path = make_docx(tmp_path / "a.docx", [
        ("p", "Inledande text"),
        ("table", [["Insatsens namn", "Bryggan"], ["Insatsägare", "Motala kommun"]]),
        ("h1", "1. Bakgrund"),
        ("p", "Behovet är stort."),
    ])
    doc = read(path)
    lines = [line for line in doc.text.split("\n") if line]
    assert lines == ["Inledande text", "Insatsens namn\tBryggan", "Insatsägare\tMotala kommun",
                     "1. Bakgrund", "Behovet är stort."]
    heading = doc.text.index("1. Bakgrund")
    assert [(h.start, h.level) for h in doc.hints] == [(heading, 1)]


def test_read_docx_localised_heading_style_is_a_hint(tmp_path):
    import docx

    document = docx.Document()
    document.add_heading("Målgrupp", level=2)
    document.paragraphs[0].style.name = "Rubrik 2"
    document.add_paragraph("Unga vuxna.")
    path = tmp_path / "rubrik.docx"
    document.save(path)
    doc = read(path)
    assert [h.level for h in doc.hints] == [2]


def test_read_pdf_keeps_pages_and_drops_running_footer(tmp_path):
    path = make_pdf(tmp_path / "a.pdf", [
        ["Finsam Test - Ansökan", "Insatsens namn", "Bryggan", "Sida 1 av 2"],
        ["Finsam Test - Ansökan", "Målgrupp", "Unga vuxna", "Sida 2 av 2"],
    ])
    doc = read(path)
    assert [p.number for p in doc.pages] == [1, 2]
    assert "Sida 1 av 2" not in doc.text and "Finsam Test" not in doc.text
    assert doc.page_at(doc.text.index("Målgrupp")) == 2


@pytest.mark.parametrize("lines, expected", [
    (["stå nära arbets-", "marknaden idag"], ["stå nära arbetsmarknaden idag"]),
    (["Hälso-", "och sjukvården"], ["Hälso-", "och sjukvården"]),
    (["Region Halland-", "Arbetsförmedlingen"], ["Region Halland-", "Arbetsförmedlingen"]),
])
def test_join_hyphenated_joins_split_words_only(lines, expected):
    assert join_hyphenated(lines) == expected


def test_read_empty_file_names_the_file(tmp_path):
    path = tmp_path / "tom.txt"
    path.write_text("")
    with pytest.raises(UnreadableDocument, match="tom.txt: empty file"):
        read(path)


def test_read_wordperfect_is_unsupported_with_advice(tmp_path):
    path = tmp_path / "gammal.wpd"
    path.write_bytes(b"\xffWPC\x10\x00\x00\x00\x01\x0a Ans\xf6kan")
    with pytest.raises(UnsupportedFormat, match="gammal.wpd: WordPerfect is not supported; save it as .docx or PDF"):
        read(path)


def test_read_docx_that_is_not_a_zip(tmp_path):
    path = tmp_path / "trasig.docx"
    path.write_bytes(b"PK\x03\x04 this is not really a zip archive")
    with pytest.raises(UnreadableDocument, match="trasig.docx: not a valid .docx"):
        read(path)


def test_read_truncated_pdf(tmp_path):
    source = make_pdf(tmp_path / "hel.pdf", [["Insatsens namn", "Bryggan"]])
    path = tmp_path / "trasig.pdf"
    path.write_bytes(source.read_bytes()[:200])
    with pytest.raises(UnreadableDocument, match="trasig.pdf"):
        read(path)


def test_read_binary_junk_with_txt_suffix(tmp_path):
    path = tmp_path / "skrap.txt"
    path.write_bytes(bytes(range(256)) * 20)
    with pytest.raises(UnreadableDocument, match="skrap.txt: binary data"):
        read(path)


def test_read_pdf_two_columns_in_reading_order(tmp_path):
    from fpdf import FPDF

    left = ["Målgrupp"] + [f"vänster rad {i} om unga vuxna" for i in range(20)]
    right = ["Budget"] + [f"höger rad {i} om kostnader" for i in range(20)]
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", "", 10)
    for i, (a, b) in enumerate(zip(left, right)):
        pdf.set_xy(10, 10 + i * 6)
        pdf.cell(85, 6, a)
        pdf.set_xy(110, 10 + i * 6)
        pdf.cell(85, 6, b)
    path = tmp_path / "tva-spalter.pdf"
    pdf.output(str(path))
    lines = [line for line in read(path).text.split("\n") if line]
    assert lines[:2] == ["Målgrupp", "vänster rad 0 om unga vuxna"]
    assert lines.index("Budget") == len(left)


def test_read_pdf_keeps_budget_table_rows_together(tmp_path):
    path = make_pdf(tmp_path / "budget.pdf", [["Budget", "Kostnadsslag 2025 2026 Totalt",
                                               "Personal 1 960 000 2 010 000 3 970 000"]])
    assert "Personal 1 960 000 2 010 000 3 970 000" in read(path).text.split("\n")


@pytest.mark.slow
def test_read_scanned_pdf_ocrs_only_pages_without_text(tmp_path):
    import shutil

    from fpdf import FPDF
    from PIL import Image, ImageDraw, ImageFont

    if not shutil.which("tesseract"):
        pytest.fail("tesseract is not installed; .ci/run installs tesseract-ocr and tesseract-ocr-swe")
    image = Image.new("RGB", (1700, 500), "white")
    draw = ImageDraw.Draw(image)
    font = ImageFont.load_default(size=48)  # its glyphs cover ASCII only, hence no å/ä/ö here
    draw.text((100, 100), "Insatsens namn", fill="black", font=font)
    draw.text((100, 200), "Unga vuxna i Motala mellan 18 och 29 ar.", fill="black", font=font)
    image.save(tmp_path / "sida.png")
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", "", 11)
    pdf.cell(0, 6, "Sidan har ett textlager och ska inte OCR-lasas.")
    pdf.add_page()
    pdf.image(str(tmp_path / "sida.png"), x=0, y=0, w=210)
    path = tmp_path / "skannad.pdf"
    pdf.output(str(path))
    doc = read(path)
    assert doc.ocr_pages == [2]
    assert "Unga vuxna i Motala mellan 18 och 29" in doc.text
    assert doc.page_at(doc.text.index("Unga vuxna")) == 2


@pytest.mark.slow
@pytest.mark.parametrize("processes", [1, 2])
def test_scanned_pages_read_side_by_side_stay_in_page_order(tmp_path, monkeypatch, processes):
    import shutil

    from fpdf import FPDF
    from PIL import Image, ImageDraw, ImageFont

    from extractor.read import ocr

    if not shutil.which("tesseract"):
        pytest.fail("tesseract is not installed; .ci/run installs tesseract-ocr and tesseract-ocr-swe")
    monkeypatch.setattr(ocr, "PROCESSES", processes)
    pdf = FPDF()
    font = ImageFont.load_default(size=48)
    for number, words in enumerate(["Forsta sidan om Bryggan", "Andra sidan om metoden", "Tredje sidan om budgeten"]):
        image = Image.new("RGB", (1700, 400), "white")
        ImageDraw.Draw(image).text((100, 150), words, fill="black", font=font)
        image.save(tmp_path / f"sida{number}.png")
        pdf.add_page()
        pdf.image(str(tmp_path / f"sida{number}.png"), x=0, y=0, w=210)
    pdf.add_page()
    pdf.set_font("Helvetica", "", 11)
    pdf.cell(0, 6, "Sista sidan har ett textlager och ska inte OCR-lasas.")
    path = tmp_path / "skannad.pdf"
    pdf.output(str(path))
    doc = read(path)
    assert doc.ocr_pages == [1, 2, 3]
    for page, words in enumerate(["Forsta sidan", "Andra sidan", "Tredje sidan", "Sista sidan"], 1):
        assert doc.page_at(doc.text.index(words)) == page


def test_fast_character_reading_gives_pdfplumbers_text(tmp_path):
    # pdfchars replaces page.chars for speed; the text must stay what pdfplumber itself reads,
    # with several fonts and sizes, rotated text and skewed text.
    import pdfplumber
    from fpdf import FPDF

    from extractor.read.pdf import _extract_text

    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", "", 11)
    pdf.cell(0, 6, "Målgrupp: unga vuxna 18-29 år i Håbo och Öckerö", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Times", "B", 16)
    pdf.cell(0, 9, "Budget 2025", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Courier", "", 8)
    pdf.cell(0, 5, "Personal   1 200 000 kr    2,5 årsarbetare", new_x="LMARGIN", new_y="NEXT")
    with pdf.rotation(90, x=150, y=200):
        pdf.text(150, 200, "Roterad marginaltext")
    with pdf.skew(ax=20):
        pdf.text(20, 120, "Lutande text")
    pdf.add_page()
    pdf.set_font("Helvetica", "", 10)
    for i in range(30):
        pdf.cell(0, 5, f"Rad {i}: deltagarna får stöd i vardagen och hjälp att hitta praktik.",
                 new_x="LMARGIN", new_y="NEXT")
    pdf.output(str(tmp_path / "blandat.pdf"))
    with pdfplumber.open(tmp_path / "blandat.pdf") as doc:
        for page in doc.pages:  # the same text, but for a tab where words stand a column apart
            assert _extract_text(page).replace("\t", " ") == page.extract_text(layout=False)
        assert "Personal\t1 200 000 kr\t2,5 årsarbetare" in _extract_text(doc.pages[0])
        assert "i Håbo och Öckerö\nBudget 2025\n" in _extract_text(doc.pages[0])


@pytest.mark.parametrize("ocr, clean", [
    ("M edverkande parter | Götene kommun och V ara kommun", "Medverkande parter\tGötene kommun och Vara kommun"),
    ("| Kontaktperson | Anna Exempelsson |", "Kontaktperson\tAnna Exempelsson"),
    ("[ Kostnadsslag 2025\n[1] Se bilaga [2]", "Kostnadsslag 2025\n[1] Se bilaga [2]"),
    ("anna.exempelsson(& motala.se, per.pahittad(motala.se", "anna.exempelsson@motala.se, per.pahittad@motala.se"),
    ("Kostnad (se bilaga) för år 2 (av 3)", "Kostnad (se bilaga) för år 2 (av 3)"),
    # one-letter words and initials stay as they are
    ("I dag åker vi till Å och Ö. P. Persson", "I dag åker vi till Å och Ö. P. Persson"),
    # "@" read as "&" against the name
    ("Kontakt: Bo Exempelberg, bo.exempelberg& ljusdal.se.", "Kontakt: Bo Exempelberg, bo.exempelberg@ljusdal.se."),
    ("Ljusdal & Bollnäs samverkar", "Ljusdal & Bollnäs samverkar"),
    # a sans-serif "@" read as a capital, a digit or "&", with or without spaces
    ("bo.exempelberg Qljusdal.se, eva.pahittad Ö&region-x.se", "bo.exempelberg@ljusdal.se, eva.pahittad@region-x.se"),
    ("bo.exempelbergGljusdal.se; eva.pahittad 2 ljusdal.se; ola.exempel & ljusdal.se",
     "bo.exempelberg@ljusdal.se; eva.pahittad@ljusdal.se; ola.exempel@ljusdal.se"),
    ("Vi tar emot 2 grupper.se nedan; Qvinnojouren.se", "Vi tar emot 2 grupper.se nedan; Qvinnojouren.se"),
    # "%" read as "96" or "26" after a share, but not in a phone number or a row of figures
    ("en coach på 50 96 och en psykolog (20 26), 0,5 96.", "en coach på 50 % och en psykolog (20 %), 0,5 %."),
    ("tfn 070-541 28 96, rad 12 26 30 40", "tfn 070-541 28 96, rad 12 26 30 40"),
    ("en samordnare 80 24, två coacher om 100 24 och", "en samordnare 80 %, två coacher om 100 % och"),
    # ... and in a budget row, after the role, before the figures, where it may also read "2"
    ("Coach 1, 100 96 315 000 552 000\nCoach 2, 100 2 315 000 552 000",
     "Coach 1, 100 % 315 000 552 000\nCoach 2, 100 % 315 000 552 000"),
    ("Summa 2024, 12 2 315 000 kr; lokaler 3 2 315 000", "Summa 2024, 12 2 315 000 kr; lokaler 3 2 315 000"),
    # a question's "(*)" read as quotes
    ("Ange förväntat antal deltagare (\") Insatsen har 30 platser.\nBeskriv metoden ('\")",
     "Ange förväntat antal deltagare (*) Insatsen har 30 platser.\nBeskriv metoden (*)"),
    ('Han sa ("ja") och (")', 'Han sa ("ja") och (*)'),
    # the space after a million's digit lost, in a table's row
    ("Summa 1130 000 1993 000 2 057 000", "Summa 1 130 000 1 993 000 2 057 000"),
    ("år 2024 100 000 kr, 4 426 000 kr", "år 2024 100 000 kr, 4 426 000 kr"),
    # an address broken at a line's end or by a space, in its domain or after a dot of its name
    ("lena.exempel Qregion\nnorrbotten.se, 070-541 28 93", "lena.exempel@regionnorrbotten.se, 070-541 28 93"),
    ("(bo.pahittadQvar\nberg.se), och\nleif. exempelssonQtierp.se", "(bo.pahittad@varberg.se), och\nleif.exempelsson@tierp.se"),
    ("anna.exempel@regionupp sala.se\nbo.exempel@motala.se", "anna.exempel@regionuppsala.se\nbo.exempel@motala.se"),
    ("Vi ses. anna@motala.se och www.motala.se", "Vi ses. anna@motala.se och www.motala.se"),
    # a dot of the name read as ":", an "a" of the domain as "ä", the "@" as "C"
    ("jonas:exempel Garbetsformedlingen.se; eva.pahittad Qärbetsformedlingen.se, bo.exempel Cregion.se",
     "jonas.exempel@arbetsformedlingen.se; eva.pahittad@arbetsformedlingen.se, bo.exempel@region.se"),
    ("Tid: kl 10:30 i Cafét, se motala.se", "Tid: kl 10:30 i Cafét, se motala.se"),
    # ... and the "(" before an address read as "@"
    ("Ljusdals kommun@bo.exempelbergÖljusdal.se)", "Ljusdals kommun (bo.exempelberg@ljusdal.se)"),
])
def test_ocr_text_is_cleaned_of_table_rules_and_split_capitals(ocr, clean):
    from extractor.read.ocr import clean_ocr_text

    assert clean_ocr_text(ocr) == clean


def test_docx_text_inside_content_controls_tracked_changes_and_text_boxes(tmp_path):
    # Word forms keep their answers in content controls; python-docx's paragraph.text misses them.
    import docx
    from docx.oxml import parse_xml

    W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    MC = 'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"'
    document = docx.Document()
    body = document.element.body
    fields = [
        # an inline content control holding the answer
        f'<w:p {W}><w:r><w:t xml:space="preserve">Insatsens namn: </w:t></w:r>'
        f'<w:sdt><w:sdtContent><w:r><w:t>Bryggan</w:t></w:r></w:sdtContent></w:sdt></w:p>',
        # a block content control around a whole paragraph
        f'<w:sdt {W}><w:sdtContent><w:p><w:r><w:t>Målgrupp</w:t></w:r></w:p>'
        f'<w:p><w:r><w:t>Unga vuxna 18-29 år.</w:t></w:r></w:p></w:sdtContent></w:sdt>',
        # a tracked insertion counts, a tracked deletion does not
        f'<w:p {W}><w:r><w:t xml:space="preserve">Vi söker </w:t></w:r><w:del><w:r><w:delText>900 000</w:delText></w:r></w:del>'
        f'<w:ins><w:r><w:t>1 200 000</w:t></w:r></w:ins><w:r><w:t xml:space="preserve"> kr.</w:t></w:r></w:p>',
        # a text box: Word stores it twice (drawing and VML fallback); read it once
        f'<w:p {W} {MC}><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><w:txbxContent>'
        f'<w:p><w:r><w:t>Kontakt: anna.exempelsson@motala.se</w:t></w:r></w:p></w:txbxContent></w:drawing></mc:Choice>'
        f'<mc:Fallback><w:pict><w:txbxContent><w:p><w:r><w:t>Kontakt: anna.exempelsson@motala.se</w:t></w:r></w:p>'
        f'</w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>',
    ]
    sect = body[-1]
    for xml in fields:
        sect.addprevious(parse_xml(xml))
    document.save(tmp_path / "formular.docx")
    text = read(tmp_path / "formular.docx").text
    assert text.splitlines() == [
        "Insatsens namn: Bryggan", "Målgrupp", "Unga vuxna 18-29 år.", "Vi söker 1 200 000 kr.",
        "Kontakt: anna.exempelsson@motala.se"]


def test_docx_form_in_text_boxes_reads_each_box_paragraph_as_a_line(tmp_path):
    # a Word form laid out in text boxes: each box holds a bold label and its answer as two paragraphs
    import docx
    from docx.oxml import parse_xml

    W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    MC = 'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"'

    def box(label, answer):
        inner = (f'<w:p><w:r><w:rPr><w:b/></w:rPr><w:t>{label}</w:t></w:r></w:p>'
                 f'<w:p><w:r><w:t>{answer}</w:t></w:r></w:p>')
        return (f'<w:p {W} {MC}><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing>'
                f'<w:txbxContent>{inner}</w:txbxContent></w:drawing></mc:Choice><mc:Fallback><w:pict>'
                f'<w:txbxContent>{inner}</w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>')

    document = docx.Document()
    sect = document.element.body[-1]
    for label, answer in (("Insatsens namn", "Påhittet"), ("Målgrupp", "Unga vuxna 18-29 år.")):
        sect.addprevious(parse_xml(box(label, answer)))
    document.save(tmp_path / "rutor.docx")
    doc = read(tmp_path / "rutor.docx")
    assert doc.text.splitlines() == ["Insatsens namn", "Påhittet", "Målgrupp", "Unga vuxna 18-29 år."]
    assert [doc.text[h.start:h.end] for h in doc.hints] == ["Insatsens namn", "Målgrupp"]


def test_docx_table_nested_in_a_form_cell_keeps_its_rows(tmp_path):
    # a form's "Budget" cell holding the budget as a table of its own
    import docx

    document = docx.Document()
    form = document.add_table(rows=2, cols=2)
    form.cell(0, 0).text, form.cell(0, 1).text = "Målgrupp", "Unga vuxna 18-29 år."
    form.cell(1, 0).text = "Budget"
    inner = form.cell(1, 1).add_table(rows=2, cols=3)
    for r, row in enumerate((("Post", "År 1", "Summa"), ("Personal", "400 000", "800 000"))):
        for c, value in enumerate(row):
            inner.cell(r, c).text = value
    document.save(tmp_path / "nastlad.docx")
    assert read(tmp_path / "nastlad.docx").text.splitlines() == [
        "Målgrupp\tUnga vuxna 18-29 år.", "Budget", "Post\tÅr 1\tSumma", "Personal\t400 000\t800 000"]


def test_docx_content_control_showing_its_placeholder_is_an_empty_answer(tmp_path):
    import docx
    from docx.oxml import parse_xml

    W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    document = docx.Document()
    sect = document.element.body[-1]
    for xml in (
        f'<w:p {W}><w:r><w:t xml:space="preserve">Egen finansiering: </w:t></w:r><w:sdt><w:sdtPr><w:showingPlcHdr/>'
        f'</w:sdtPr><w:sdtContent><w:r><w:t>Klicka eller tryck här för att ange text.</w:t></w:r></w:sdtContent></w:sdt></w:p>',
        f'<w:sdt {W}><w:sdtPr><w:showingPlcHdr/></w:sdtPr><w:sdtContent><w:p><w:r>'
        f'<w:t>Klicka eller tryck här för att ange text.</w:t></w:r></w:p></w:sdtContent></w:sdt>',
        f'<w:p {W}><w:r><w:t xml:space="preserve">Sökt belopp: </w:t></w:r><w:sdt><w:sdtPr/><w:sdtContent><w:r>'
        f'<w:t>400 000 kr</w:t></w:r></w:sdtContent></w:sdt></w:p>',
    ):
        sect.addprevious(parse_xml(xml))
    document.save(tmp_path / "tomma.docx")
    assert read(tmp_path / "tomma.docx").text.splitlines() == ["Egen finansiering:", "Sökt belopp: 400 000 kr"]


def test_manual_line_break_before_a_label_ends_the_line_in_word_rtf_and_odt(tmp_path):
    # Shift+Enter between two labelled figures keeps them on lines of their own; inside a sentence it is a blank
    import zipfile

    import docx

    document = docx.Document()
    paragraph = document.add_paragraph("Sökt belopp: 400 000 kr")
    paragraph.runs[0].add_break()
    paragraph.add_run("Egen finansiering: 60 000 kr")
    sentence = document.add_paragraph("Deltagarna får stöd")
    sentence.runs[0].add_break()
    sentence.add_run("av en coach.")
    document.save(tmp_path / "brytning.docx")
    (tmp_path / "brytning.rtf").write_bytes(
        rb"{\rtf1\ansi\ansicpg1252 S\'f6kt belopp: 400 000 kr\line Egen finansiering: 60 000 kr\par "
        rb"Deltagarna f\'e5r st\'f6d\line av en coach.\par}")
    odt = ('<?xml version="1.0" encoding="UTF-8"?><office:document-content '
           'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
           'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:text>'
           '<text:p>Sökt belopp: 400 000 kr<text:line-break/>Egen finansiering: 60 000 kr</text:p>'
           '<text:p>Deltagarna får stöd<text:line-break/>av en coach.</text:p></office:text></office:body>'
           '</office:document-content>')
    with zipfile.ZipFile(tmp_path / "brytning.odt", "w") as z:
        z.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        z.writestr("content.xml", odt)
    for name in ("brytning.docx", "brytning.rtf", "brytning.odt"):
        lines = [line for line in read(tmp_path / name).text.splitlines() if line.strip()]
        assert lines == ["Sökt belopp: 400 000 kr", "Egen finansiering: 60 000 kr", "Deltagarna får stöd av en coach."], name


def test_docx_table_cells_with_content_controls(tmp_path):
    import docx
    from docx.oxml import parse_xml

    W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    document = docx.Document()
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "Insatsägare"
    cell = table.cell(0, 1)._tc
    cell.remove(cell.findall("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}p")[0])
    cell.append(parse_xml(f'<w:sdt {W}><w:sdtContent><w:p><w:r><w:t>Motala kommun</w:t></w:r></w:p>'
                          f'</w:sdtContent></w:sdt>'))
    document.save(tmp_path / "tabell.docx")
    assert read(tmp_path / "tabell.docx").text == "Insatsägare\tMotala kommun\n"


def test_word_97_doc_reads_like_its_docx(tmp_path):
    # tests/data/read/ansokan-exempel.doc: an invented application saved as Word 97-2003 by LibreOffice
    doc = read(DATA / "read" / "ansokan-exempel.doc")
    assert doc.format == "doc"
    lines = doc.text.splitlines()
    assert lines[:4] == ["Ansökan om medel – Påhittade steg", "Insatsens namn\tPåhittade steg",
                         "Insatsägare\tHåbo kommun", "Kontaktperson\tAnna Exempelsson, anna.exempelsson@habo.se"]
    assert "Personal\t600 000\t600 000" in lines
    assert [(doc.text[h.start:h.end], h.level) for h in doc.hints] == [
        ("Ansökan om medel – Påhittade steg", 1), ("Målgrupp", 2), ("Metod", 2), ("Budget", 2)]


def test_doc_without_antiword_names_what_to_install(monkeypatch):
    from extractor.errors import UnsupportedFormat
    from extractor.read import doc as doc_reader

    monkeypatch.setattr(doc_reader.shutil, "which", lambda name: None)
    with pytest.raises(UnsupportedFormat, match="ansokan-exempel.doc: .*apt-get install antiword"):
        read(DATA / "read" / "ansokan-exempel.doc")


def test_other_ole_files_are_a_clear_error(tmp_path):
    from extractor.errors import UnreadableDocument

    fake = tmp_path / "kalkyl.doc"
    fake.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 2000)
    with pytest.raises(UnreadableDocument, match="kalkyl.doc: not a readable Word 97-2003 file"):
        read(fake)


def _odt(path, body: str, styles: str = "") -> None:
    write_odt(path, body, styles)


def test_odt_paragraphs_headings_tables_in_order(tmp_path):
    _odt(tmp_path / "ansokan.odt",
         '<text:h text:outline-level="1">Ansökan</text:h>'
         '<table:table><table:table-row><table:table-cell><text:p>Insatsägare</text:p></table:table-cell>'
         '<table:table-cell><text:p>Håbo<text:s/>kommun</text:p></table:table-cell></table:table-row></table:table>'
         '<text:p text:style-name="P9">Målgrupp</text:p>'
         '<text:list><text:list-item><text:p>Unga vuxna<text:tab/>18–29 år</text:p></text:list-item></text:list>'
         '<text:p>Vi söker <office:annotation><text:p>kolla beloppet</text:p></office:annotation>'
         '1 200 000 kr.</text:p>',
         styles='<style:style style:name="P9" style:family="paragraph" style:parent-style-name="Heading_20_2"/>')
    doc = read(tmp_path / "ansokan.odt")
    assert doc.format == "odt"
    assert doc.text.splitlines() == ["Ansökan", "Insatsägare\tHåbo kommun", "Målgrupp", "Unga vuxna\t18–29 år",
                                     "Vi söker 1 200 000 kr."]
    assert [(doc.text[h.start:h.end], h.level) for h in doc.hints] == [("Ansökan", 1), ("Målgrupp", 2)]


def test_odt_that_is_not_text_is_a_clear_error(tmp_path):
    import zipfile

    from extractor.errors import UnreadableDocument

    with zipfile.ZipFile(tmp_path / "trasig.odt", "w") as zf:
        zf.writestr("mimetype", "application/vnd.oasis.opendocument.text")
    with pytest.raises(UnreadableDocument, match="trasig.odt: not a valid .odt"):
        read(tmp_path / "trasig.odt")


def test_pdf_table_columns_become_tabs_and_prose_keeps_its_spaces(tmp_path):
    from fpdf import FPDF

    from extractor.extract.amounts import find_amounts

    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", "", 10)
    pdf.multi_cell(0, 5, "Deltagarna får stöd i vardagen och hjälp att hitta praktikplatser hos arbetsgivare "
                         "i kommunen, och arbetet följs upp varje månad i teamet.")
    for row in (("År", "Budget (kr)", "Utfall (kr)"), ("2021", "1 050 000", "912 300"), ("2022", "1 150 000", "1 108 760")):
        for cell in row:
            pdf.cell(45, 6, cell)
        pdf.ln()
    pdf.output(str(tmp_path / "utfall.pdf"))
    text = read(tmp_path / "utfall.pdf").text
    assert "\t" not in text.split("\n")[0]
    assert "2021\t1 050 000\t912 300" in text.splitlines()
    assert {1050000, 912300, 1150000, 1108760} <= {a.value for a in find_amounts(text, [(0, len(text))])}


def test_docx_keeps_a_paragraphs_leading_tabs(tmp_path):
    # a table typed with tab stops: the first cell is empty, the figure sits in the second column
    from conftest import make_docx
    path = make_docx(tmp_path / "tabbar.docx", [("p", "Kostnad\t2025\tTotalt"), ("p", "\t120 000\t240 000")])
    assert "\n\t120 000\t240 000" in read(path).text


def test_doc_puts_back_line_breaks_antiword_docbook_drops(monkeypatch):
    from pathlib import Path

    from extractor.read import doc
    plain = "Ort och datum: Exempelby 24.03.2025\nAnna Exempelsson, socialchef\n"
    monkeypatch.setattr(doc, "_antiword", lambda path, data, args: plain)
    blocks = [("Ort och datum: Exempelby 24.03.2025Anna Exempelsson, socialchef", None)]
    assert doc._restore_line_breaks(blocks, Path("x.doc"), b"") == [
        ("Ort och datum: Exempelby 24.03.2025 Anna Exempelsson, socialchef", None)]


@pytest.mark.parametrize("lines, joined", [
    (["mötet 2024-05-", "21 i Exempelby"], ["mötet 2024-05-21 i Exempelby"]),
    (["unga 16–", "29 år"], ["unga 16–29 år"]),
    (["en KBT-", "baserad metod"], ["en KBT-baserad metod"]),
    (["arbets-", "marknaden"], ["arbetsmarknaden"]),
    (["Hälso-", "och sjukvården"], ["Hälso-", "och sjukvården"]),
])
def test_pdf_line_end_dash_after_a_figure_or_acronym_stays(lines, joined):
    assert join_hyphenated(lines) == joined


def test_pdf_paragraph_wrapped_by_the_column_reads_as_one_line(tmp_path):
    from fpdf import FPDF
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", "", 11)
    pdf.cell(0, 6, "Målgrupp", new_x="LMARGIN", new_y="NEXT")
    paragraph = ("Insatsen vänder sig till unga vuxna som varken arbetar eller studerar och som behöver stöd "
                 "från flera myndigheter samtidigt för att komma vidare mot arbete eller studier, och som har "
                 "haft kontakt med socialtjänsten under minst ett år innan de skrivs in, och som själva vill "
                 "pröva en väg tillbaka till arbete med stöd av en coach som de träffar varje vecka under "
                 "hela tiden i insatsen hos oss")
    pdf.multi_cell(0, 6, paragraph, new_x="LMARGIN", new_y="NEXT")
    pdf.cell(0, 6, "Metoder", new_x="LMARGIN", new_y="NEXT")
    path = tmp_path / "stycke.pdf"
    pdf.output(str(path))
    lines = read(path).text.split("\n")
    assert "Målgrupp" in lines and "Metoder" in lines  # headings keep their own lines
    assert any(line.startswith("Insatsen vänder sig") and line.endswith("insatsen hos oss") for line in lines)


def test_ocr_word_boxes_make_lines_paragraphs_and_table_columns():
    # tesseract's TSV: level, page, block, paragraph, line, word, left, top, width, height, conf, text
    from extractor.read.ocr import text_of_words

    header = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext"
    words = [(1, 1, 1, 1, 100, 80, "Budget"), (1, 1, 1, 2, 260, 60, "2025"),
             (1, 2, 1, 1, 100, 60, "Coach,"), (1, 2, 1, 2, 170, 40, "100"), (1, 2, 1, 3, 215, 20, "%"),
             (1, 2, 1, 4, 400, 30, "315"), (1, 2, 1, 5, 438, 40, "000"),  # a thousands space, then a column
             (1, 2, 2, 1, 100, 60, "Summa"), (1, 2, 2, 2, 400, 30, "315"), (1, 2, 2, 3, 438, 40, "000"),
             (2, 1, 1, 1, 100, 70, "Kontakt:"), (2, 1, 1, 2, 178, 50, "Åsa")]
    rows = [header, "4\t1\t1\t1\t1\t0\t100\t100\t400\t22\t-1\t"]  # a line's own row is not a word
    rows += [f"5\t1\t{b}\t{p}\t{ln}\t{n}\t{x}\t100\t{w}\t22\t95.0\t{t}" for b, p, ln, n, x, w, t in words]
    rows.append("5\t1\t3\t1\t1\t1\t100\t900\t10\t22\t-1\t ")  # an empty word
    assert text_of_words(rows) == ("Budget\t2025\n\nCoach, 100 %\t315 000\nSumma\t315 000\n\n"
                                   "Kontakt: Åsa\n")


def test_ocr_specks_read_as_glyphs_are_dropped_but_sure_words_stay():
    from extractor.read.ocr import text_of_words

    def row(n, x, text, conf):
        return f"5\t1\t1\t1\t1\t{n}\t{x}\t100\t{len(text) * 12}\t22\t{conf}\t{text}"

    rows = [row(1, 100, "Insatsägare", 96), row(2, 250, "ue", 12), row(3, 300, ":", 44),
            row(4, 330, "Region", 95), row(5, 420, "Halland", 93), row(6, 520, "-", 20),
            row(7, 540, "I", 91), row(8, 560, "å", 90), row(9, 580, "%", 88), row(10, 600, "Sjöbo", 30)]
    assert text_of_words(rows) == "Insatsägare\tRegion Halland - I å % Sjöbo\n"
