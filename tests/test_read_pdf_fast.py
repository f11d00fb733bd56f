"""The pdfium text path (read/pdffast.py) gives the lines and tabs of the pdfplumber path."""
import re
from pathlib import Path

import pytest
from conftest import DATA, ROOT, make_pdf, one_page_pdf

from extractor.errors import UnreadableDocument
from extractor.read import pdf as pdf_reader
from extractor.read.pdf import read_pdf

SPACES_RE = re.compile(r" +")


def _both(path: Path) -> tuple[str, str]:
    data = path.read_bytes()
    fast = read_pdf(path, data, "x", fast=True).text
    slow = read_pdf(path, data, "x", fast=False).text
    return SPACES_RE.sub(" ", fast), SPACES_RE.sub(" ", slow)


def _budget_table(path: Path) -> Path:
    pdf = one_page_pdf()
    for y, row in enumerate([("Kostnadsslag", "2025", "2026"), ("Personal", "1 200 000", "1 250 000"),
                             ("Lokaler", "85 000", "90 000")]):
        for x, cell in zip((20, 90, 140), row):
            pdf.text(x, 30 + 7 * y, cell)
    pdf.output(str(path))
    return path


def _two_columns(path: Path) -> Path:
    pdf = one_page_pdf()
    pdf.set_font("Helvetica", "", 9)
    for i in range(30):
        pdf.text(12, 20 + 6 * i, f"Vänster spalt rad {i} om Bryggan")
        pdf.text(112, 20 + 6 * i, f"Höger spalt rad {i} om Fotfästet")
    pdf.output(str(path))
    return path


def _small_print_and_hyphen(path: Path) -> Path:
    pdf = one_page_pdf()
    pdf.set_font("Helvetica", "", 7)  # a space 7 pt wide is narrower than the word gap tolerance
    pdf.cell(0, 5, "Liten text om insatsen Startlinjen i Mjölby", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Times", "B", 14)
    pdf.cell(0, 8, "Samverkan med arbets-", new_x="LMARGIN", new_y="NEXT")
    pdf.cell(0, 8, "marknaden i Gävle", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Courier", "", 10)
    pdf.cell(0, 6, "Målgrupp: unga vuxna 18-29 år", new_x="LMARGIN", new_y="NEXT")
    with pdf.rotation(90, x=190, y=250):
        pdf.text(190, 250, "Roterad marginaltext")
    pdf.output(str(path))
    return path


def _pages_with_footer(path: Path) -> Path:
    bodies = ["Deltagarna får stöd varje vecka.", "Coachen träffar arbetsgivare.", "Uppföljning sker i teamet."]
    return make_pdf(path, [["Samordningsförbundet Exempelbygden", body, f"Insatsen Ledstången, {n}", "", f"Sida {n}"]
                           for n, body in enumerate(bodies, 1)])


DEJAVU = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")


def _ligatures(path: Path) -> Path:
    pdf = one_page_pdf()
    pdf.add_font("DejaVu", "", str(DEJAVU))
    pdf.set_font("DejaVu", "", 11)
    pdf.cell(0, 6, "Insatsen ﬁnns i Gävle och erbjuder ﬂexibelt stöd", new_x="LMARGIN", new_y="NEXT")
    pdf.cell(0, 6, "Målgruppen är unga vuxna i Borås", new_x="LMARGIN", new_y="NEXT")
    pdf.output(str(path))
    return path


GENERATED = [_budget_table, _two_columns, _small_print_and_hyphen, _pages_with_footer,
             pytest.param(_ligatures, marks=pytest.mark.skipif(not DEJAVU.exists(), reason="no DejaVu font"))]
SHIPPED = sorted((DATA).rglob("*.pdf")) + sorted((ROOT / "corpus").glob("*.pdf"))


@pytest.mark.parametrize("write", GENERATED, ids=lambda f: getattr(f, "__name__", "ligatures"))
def test_fast_path_reads_generated_pdfs_as_pdfplumber_does(tmp_path, write):
    fast, slow = _both(write(tmp_path / "a.pdf"))
    assert fast == slow


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.name)
def test_fast_path_reads_shipped_pdfs_as_pdfplumber_does(path):
    fast, slow = _both(path)
    assert fast == slow


@pytest.mark.skipif(not DEJAVU.exists(), reason="no DejaVu font")
def test_fast_path_expands_ligatures(tmp_path):
    text = read_pdf(tmp_path / "l.pdf", _ligatures(tmp_path / "l.pdf").read_bytes(), "x").text
    assert "finns" in text and "flexibelt" in text


def test_fast_path_puts_tabs_between_table_cells(tmp_path):
    text = read_pdf(tmp_path / "b.pdf", _budget_table(tmp_path / "b.pdf").read_bytes(), "x").text
    assert "Personal\t1 200 000\t1 250 000" in text


def test_fast_path_reads_left_column_first(tmp_path):
    text = read_pdf(tmp_path / "c.pdf", _two_columns(tmp_path / "c.pdf").read_bytes(), "x").text
    assert text.index("Vänster spalt rad 29") < text.index("Höger spalt rad 0")


HELVETICA = "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"
# A font file left out, whose descriptor gives a low ascent (as in some office suites' subsets):
# pdfium's box then reaches each glyph's own top, "l" higher than "a".
LOW_ASCENT = ("<< /Type /Font /Subtype /TrueType /BaseFont /Exempel /FirstChar 32 /LastChar 255 /Widths ["
              + " ".join(["500"] * 224) + "] /FontDescriptor 6 0 R /Encoding /WinAnsiEncoding >>")
LOW_ASCENT_DESCRIPTOR = ("<< /Type /FontDescriptor /FontName /Exempel /Flags 32 /FontBBox [0 -200 1000 900] "
                         "/ItalicAngle 0 /Ascent 300 /Descent -200 /CapHeight 700 /StemV 80 >>")


def _raw_pdf(content: str, font: str = HELVETICA) -> bytes:
    """Return a one-page PDF drawing `content` with `font` as /F1."""
    objects = ["<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
               "/Resources << /Font << /F1 5 0 R >> >> >>",
               f"<< /Length {len(content)} >>\nstream\n{content}\nendstream", font, LOW_ASCENT_DESCRIPTOR]
    out, offsets = b"%PDF-1.4\n", []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n{body}\nendobj\n".encode("latin-1")
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{o:010d} 00000 n \n".encode() for o in offsets)
    return out + f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()


def test_fast_path_measures_gaps_in_the_drawn_font_size(tmp_path):
    # Word-style output sets the size in the text matrix ("1 Tf 11 0 0 11 Tm"): a 12 pt gap
    # between words drawn at 11 pt is a wide space, not a table column (1.5 x 11 = 16.5 pt).
    path = tmp_path / "tm.pdf"
    path.write_bytes(_raw_pdf("BT /F1 1 Tf 11 0 0 11 50 700 Tm (Stöd) Tj ET "
                              "BT /F1 1 Tf 11 0 0 11 86 700 Tm (ges) Tj ET "
                              "BT /F1 1 Tf 11 0 0 11 50 680 Tm (till alla deltagare i Bryggan) Tj ET"))
    fast, slow = _both(path)
    assert fast == slow
    assert fast.startswith("Stöd ges\n")


def test_fast_path_keeps_words_whole_when_glyph_tops_differ(tmp_path):
    path = tmp_path / "ascent.pdf"
    path.write_bytes(_raw_pdf("BT /F1 20 Tf 50 700 Td (Vi ska h\xe5lla ihop st\xf6det i Tidaholm) Tj ET", LOW_ASCENT))
    fast, slow = _both(path)
    assert fast == slow == "Vi ska hålla ihop stödet i Tidaholm\n"


def test_unreadable_for_pdfium_falls_back_to_pdfplumber(tmp_path, monkeypatch):
    path = make_pdf(tmp_path / "d.pdf", [["Insatsens namn", "Kompassnålen"]])

    def refuse(data):
        raise ValueError("pdfium cannot open this file")

    monkeypatch.setattr(pdf_reader.pdffast, "open_pdf", refuse)
    assert read_pdf(path, path.read_bytes(), "x").text == "Insatsens namn\nKompassnålen\n"


def test_damaged_pdf_is_still_reported_by_name(tmp_path):
    whole = make_pdf(tmp_path / "hel.pdf", [["Insatsens namn", "Bryggan"]]).read_bytes()
    path = tmp_path / "trasig.pdf"
    path.write_bytes(whole[: len(whole) // 3])
    with pytest.raises(UnreadableDocument, match="trasig.pdf"):
        read_pdf(path, path.read_bytes(), "x")


def test_both_pdf_paths_join_a_wrapped_paragraph_alike(tmp_path):
    # descenders ("g", "p") reach below a line's font box: the next line still follows at normal leading
    from fpdf import FPDF

    from extractor.read.pdf import read_pdf
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", "", 11)
    pdf.multi_cell(0, 6, "Gruppen pågår varje vecka, och deltagarna följer upp sina egna mål tillsammans med "
                         "coachen, som hjälper dem att hitta praktikplatser. " * 4)
    path = tmp_path / "stycke.pdf"
    pdf.output(str(path))
    data = path.read_bytes()
    fast, plumber = (read_pdf(path, data, "0" * 64, fast=f).text for f in (True, False))
    assert fast == plumber and len(fast.strip().split("\n")) == 1


def test_text_objects_asked_by_stride_match_asking_each_character(tmp_path):
    """pdfium lists a page's characters object by object, so asking every n-th character, halving
    the stretches whose ends differ, gives each character's own object, also where short runs of
    bold and plain words alternate on one line and pdfium's own spaces (no object) stand between."""
    import pypdfium2 as pdfium

    from extractor.read import pdffast

    pdf = one_page_pdf()
    x = 12
    for i, word in enumerate(["Mål", "och", "syfte", "med", "insatsen", "Ledstången", "i", "Exempelby"] * 3):
        pdf.set_font("Helvetica", "B" if i % 3 == 0 else "", 10 + i % 2)
        pdf.text(x % 180 + 10, 20 + 6 * (x // 180), word)
        x += 4 * len(word) + 3
    pdf.output(str(tmp_path / "mixed.pdf"))
    page = pdfium.PdfDocument(str(tmp_path / "mixed.pdf"))[0]
    textpage = page.get_textpage()
    raw = textpage.raw
    index = list(range(textpage.count_chars()))
    each = [pdffast._TEXT_OBJECT(raw, i) or 0 for i in index]
    assert len(set(each)) > 10  # many objects, several shorter than the stride
    for step in (2, 8, 32, 100):
        assert pdffast._text_objects(raw, index, step).tolist() == each
    assert pdffast._text_objects(raw, index[:1]).tolist() == each[:1]
    assert pdffast._text_objects(raw, []).tolist() == []


def test_object_texts_read_off_the_page_are_pdfiums_own(tmp_path):
    """pdfium walks the whole page for each object's text; reading them all in one walk gives the same
    texts: spaces it marked between words, a new line where an object goes on at another height."""
    import ctypes

    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    from extractor.read import pdffast, pdfhints

    pdf = one_page_pdf()
    pdf.set_font("Helvetica", "B", 14)
    pdf.cell(0, 8, "Bakgrund och behov", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", "", 10)
    pdf.multi_cell(0, 5, "Insatsen i Exempelby vänder sig till unga vuxna som står långt från arbetsmarknaden. " * 4)
    for i, word in enumerate(["Mål", "och", "syfte", "med", "insatsen"] * 3):
        pdf.set_font("Helvetica", "B" if i % 2 else "", 10)
        pdf.text(12 + (i % 5) * 30, 120 + 6 * (i // 5), word)
    pdf.output(str(tmp_path / "objects.pdf"))
    page = pdfium.PdfDocument(str(tmp_path / "objects.pdf"))[0]
    textpage = page.get_textpage()
    texts: dict = {}
    pdffast.page_text(page, textpage, texts)
    objects = [pdfium_c.FPDFPage_GetObject(page.raw, k) for k in range(pdfium_c.FPDFPage_CountObjects(page.raw))]
    objects = [o for o in objects if pdfium_c.FPDFPageObj_GetType(o) == pdfium_c.FPDF_PAGEOBJ_TEXT]
    assert len(objects) > 15
    for obj in objects:
        assert texts[ctypes.cast(obj, ctypes.c_void_p).value] == pdfhints._text(obj, textpage.raw)
    assert pdfhints.heading_lines(page, textpage, texts) == pdfhints.heading_lines(page, textpage)


def test_characters_sort_by_line_then_x_as_two_keys_do():
    import numpy as np

    from extractor.read.pdffast import SORT_SPAN, _line_then_x

    rng = np.random.default_rng(7)
    line = rng.integers(0, 40, 3000)
    x = np.round(rng.uniform(-20, 600, 3000), 1)  # rounded: many equal x, which keep content order
    assert np.array_equal(_line_then_x(line, x), np.lexsort((x, line)))
    far = x.copy()
    far[0] = SORT_SPAN  # a coordinate no page has: the two keys sort it
    assert np.array_equal(_line_then_x(line, far), np.lexsort((far, line)))
