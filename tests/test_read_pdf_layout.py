"""PDF layout (read/pdflayout.py): justified lines keep their spaces, table columns get tabs, and a
page part in two text columns reads left column first, in both PDF paths alike."""
from pathlib import Path

import numpy as np
import pytest
from conftest import one_page_pdf

from extractor.read import pdflayout
from extractor.read.pdf import read_pdf

PROSE = ("Deltagarna får stöd av en coach som de träffar varje vecka, och coachen hjälper dem att hitta "
         "praktikplatser hos arbetsgivare i kommunen. Jobbcoacherna använder motiverande samtalsmetodik och "
         "erbjuder arbetsplatsförlagd träning. Uppföljningen sker i teamet varje månad tillsammans med "
         "handläggare från Försäkringskassan och Arbetsförmedlingen. ")


def _both(path: Path) -> str:
    """Return the text both PDF paths read (they must agree)."""
    data = path.read_bytes()
    fast, slow = (read_pdf(path, data, "x", fast=fast).text for fast in (True, False))
    assert fast == slow
    return fast


def _widest_gap_em(path: Path) -> float:
    """Return the widest gap between words on one line, in font sizes (the premise of a test)."""
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        words = pdf.pages[0].extract_words(extra_attrs=["size"])
    return max((b["x0"] - a["x1"]) / a["size"] for a, b in zip(words, words[1:]) if abs(a["top"] - b["top"]) < 1)


def _justified(path: Path) -> Path:
    pdf = one_page_pdf()
    pdf.cell(0, 6, "Metoder", new_x="LMARGIN", new_y="NEXT")
    # long words in a narrow justified column: the producer stretches some lines' spaces wide
    pdf.multi_cell(95, 6, "Arbetsterapeuten gör bedömningar för samtliga deltagare. Jobbcoacherna använder "
                          "motiverande samtalsmetodik och erbjuder arbetsplatsförlagd träning hos arbetsgivare "
                          "i båda kommunerna, Kalix och Överkalix. Projektledaren samordnar arbetsgivarnätverket "
                          "tillsammans med Arbetsförmedlingens SIUS-konsulenter.", align="J",
                   new_x="LMARGIN", new_y="NEXT")
    pdf.output(str(path))
    return path


def test_justified_paragraph_keeps_its_spaces(tmp_path):
    path = _justified(tmp_path / "justerad.pdf")
    assert _widest_gap_em(path) > pdflayout.CELL_GAP_EM  # the stretched gaps are as wide as a table's
    text = _both(path)
    assert "\t" not in text
    assert "Jobbcoacherna använder motiverande samtalsmetodik" in text
    assert text.startswith("Metoder\nArbetsterapeuten gör bedömningar") and text.count("\n") == 2


def test_narrow_justified_column_keeps_the_spaces_of_its_two_word_lines(tmp_path):
    pdf = one_page_pdf()
    pdf.set_font("Helvetica", "", 10)
    pdf.multi_cell(55, 5, (PROSE + "Insatsen riktar sig till personer som har varit sjukskrivna länge och som "
                           "behöver samordnat stöd från flera myndigheter för att återgå i arbete. ") * 2, align="J")
    path = tmp_path / "smal.pdf"
    pdf.output(str(path))
    assert _widest_gap_em(path) > 3  # "Jobbcoacherna          använder" fills a line
    text = _both(path)
    assert "\t" not in text
    assert "Jobbcoacherna använder motiverande samtalsmetodik" in text


def _table(path: Path) -> Path:
    pdf = one_page_pdf()
    pdf.multi_cell(0, 6, PROSE, align="J", new_x="LMARGIN", new_y="NEXT")
    rows = [("Roll", "Omfattning", "Arbetsgivare")] + [
        (f"Jobbcoach {n}", f"{50 + 10 * n} %", "Överkalix kommun") for n in range(1, 6)]
    for row in rows:
        for width, cell in zip((75, 55, 60), row):
            pdf.cell(width, 6, cell)
        pdf.ln()
    # years right-aligned in even columns: a row of evenly spaced single words reaching the margin
    for row in (("", "2025", "2026", "2027"), ("Personal", "1 480 000", "1 790 000", "310 000"),
                ("Lokaler", "160 000", "140 000", "40 000")):
        pdf.cell(70, 6, row[0])
        for cell in row[1:]:
            pdf.cell(40, 6, cell, align="R")
        pdf.ln()
    pdf.output(str(path))
    return path


def test_table_rows_keep_their_tabs_beside_a_justified_paragraph(tmp_path):
    lines = _both(_table(tmp_path / "tabell.pdf")).split("\n")
    assert "\t" not in lines[0] and lines[0].startswith("Deltagarna får stöd")
    assert "Roll\tOmfattning\tArbetsgivare" in lines
    assert "Jobbcoach 3\t80 %\tÖverkalix kommun" in lines
    assert "2025\t2026\t2027" in lines
    assert "Personal\t1 480 000\t1 790 000\t310 000" in lines


def test_narrow_header_gap_lined_up_with_the_columns_below_is_a_tab(tmp_path):
    pdf = one_page_pdf()
    for y, row in enumerate((("År", "Förbundet (kr)", "Summa (kr)"), ("2025", "935 000", "1 105 000"),
                             ("2026", "935 000", "1 105 000"))):
        for x, cell in zip((20, 50, 78), row):  # "Summa (kr)" starts under 1 em after "(kr)"
            pdf.text(x, 30 + 7 * y, cell)
    path = tmp_path / "rubrik.pdf"
    pdf.output(str(path))
    lines = _both(path).split("\n")
    assert lines[:2] == ["År\tFörbundet (kr)\tSumma (kr)", "2025\t935 000\t1 105 000"]


CONTACT = ["044-13 52 70", "Kontaktperson: Johan Exempelsson,", "johan.exempelsson@exempel.se", "Underskrift",
           "Exempelby 2024-12-02", "Eva Påhittad, arbetsmarknadschef"]


def _sidebar(path: Path) -> Path:
    """A heading across the page, a long left column and a short right one on the same leading."""
    pdf = one_page_pdf()
    pdf.set_font("Helvetica", "B", 14)
    pdf.cell(0, 8, "Samordningsförbundet Exempelbygden ansöker om medel för insatsen Ny kurs", new_x="LMARGIN",
             new_y="NEXT")
    top = pdf.get_y()
    pdf.set_font("Helvetica", "", 10)
    for heading in ("Bakgrund", "Målgrupp"):
        pdf.set_font("Helvetica", "B", 11)
        pdf.cell(85, 6, heading, new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("Helvetica", "", 10)
        pdf.multi_cell(85, 5, PROSE, new_x="LMARGIN", new_y="NEXT")
    pdf.set_y(top)
    for line in CONTACT:
        pdf.set_x(110)
        pdf.cell(85, 5, line, new_x="LMARGIN", new_y="NEXT")
    pdf.output(str(path))
    return path


def test_short_right_column_reads_after_the_left_column(tmp_path):
    lines = _both(_sidebar(tmp_path / "tvaspalt.pdf")).strip().split("\n")
    assert lines[0].startswith("Samordningsförbundet Exempelbygden")
    assert lines[1] == "Bakgrund" and lines[2].startswith("Deltagarna får stöd")
    assert "Målgrupp" in lines and lines.index("Målgrupp") < lines.index("044-13 52 70")
    assert lines[-len(CONTACT):] == CONTACT
    assert "\t" not in "\n".join(lines)


def test_columns_on_different_leading_read_left_column_first(tmp_path):
    pdf = one_page_pdf()
    pdf.set_font("Helvetica", "", 10)
    pdf.multi_cell(85, 5, PROSE * 2, new_x="LMARGIN", new_y="NEXT")
    pdf.set_xy(110, 10)
    pdf.multi_cell(85, 5.5, PROSE.replace("Deltagarna", "Medarbetarna") * 2)  # lines 1.4 pt further apart
    path = tmp_path / "spalter.pdf"
    pdf.output(str(path))
    text = _both(path)
    assert text.startswith("Deltagarna får stöd av en coach som de träffar varje vecka, och coachen")
    assert text.index("Medarbetarna") > text.rindex("Deltagarna")
    assert "Medarbetarna får stöd av en coach som de träffar varje vecka, och coachen" in text
    assert "\t" not in text


def test_form_with_a_long_answer_keeps_label_and_value_rows(tmp_path):
    # label | value rows, the last value a paragraph: a table, not two text columns
    pdf = one_page_pdf()
    pdf.set_font("Helvetica", "", 10)
    for label, value in (("Insatsens namn", "Ny kurs"), ("Insatsägare", "Exempelby kommun"),
                         ("Kontaktperson", "Anna Exempelsson"), ("Period", "2025-02-01 -- 2027-01-31"),
                         ("Beskrivning", PROSE * 2)):
        y = pdf.get_y()
        pdf.cell(60, 5, label)
        pdf.set_xy(110, y)
        pdf.multi_cell(85, 5, value, new_x="LMARGIN", new_y="NEXT")
    path = tmp_path / "blankett.pdf"
    pdf.output(str(path))
    lines = _both(path).split("\n")
    assert lines[:4] == ["Insatsens namn\tNy kurs", "Insatsägare\tExempelby kommun",
                         "Kontaktperson\tAnna Exempelsson", "Period\t2025-02-01 -- 2027-01-31"]
    assert lines[4].startswith("Beskrivning\tDeltagarna får stöd")


@pytest.mark.parametrize("gaps, tabs", [
    ([3, 3, 3], [False, False, False]),  # ordinary spaces
    ([20, 20.5, 19.8], [False, False, False]),  # a justified line: even wide gaps, to the margin
    ([3, 40, 3], [False, True, False]),  # one gap stands out: a column
    ([20, 45, 20], [True, True, True]),  # uneven wide gaps: table cells
])
def test_tab_gaps_tells_stretched_spaces_from_columns(gaps, tabs):
    widths = [40, 40, 40, 40]
    start = np.cumsum([50] + [w + g for w, g in zip(widths, gaps)])
    x0, x1 = start, start + widths
    # a second line sets the text's right edge where the first line ends
    end = float(x1[-1])
    x0 = np.append(x0, [50, 120])
    x1 = np.append(x1, [110, end])
    line = np.array([0, 0, 0, 0, 1, 1])
    size = np.full(6, 10.0)
    assert pdflayout.tab_gaps(x0, x1, size, size, line, line * 12.0).tolist()[:3] == tabs


def test_reading_groups_leaves_a_one_column_page_alone():
    # 60 lines of prose across the page: no gutter
    x0 = np.tile(np.arange(50, 500, 45.0), 60)
    x1 = x0 + 40
    line = np.repeat(np.arange(60), 10)
    assert pdflayout.reading_groups(x0, x1, line) is None


def _rows(lines):
    """(words as (x0, x1) per line) -> tab_gaps' arrays, 10 pt type, lines 12 pt apart."""
    x0 = np.array([w[0] for line in lines for w in line], float)
    x1 = np.array([w[1] for line in lines for w in line], float)
    line = np.array([k for k, words in enumerate(lines) for _ in words])
    size = np.full(len(x0), 10.0)
    return x0, x1, size, size, line, line * 12.0


def test_a_row_whose_first_cell_fills_its_column_gets_its_tab():
    # "Exempelby kommun | 420" / "Samordningsförbundet Påhittsbygden | 3 150" / "Region Exempel | 420":
    # the long first cell leaves only the cell padding (1 em) before the figure's column
    lines = [[(50, 95), (100, 140), (300, 318)],
             [(50, 170), (175, 288), (298, 304), (306, 324)],
             [(50, 90), (95, 135), (300, 318)]]
    tabs = pdflayout.tab_gaps(*_rows(lines)).tolist()
    assert tabs == [False, True, False, False, True, False, False, False, True]  # (pairs across lines too)


def test_a_prose_line_below_a_table_row_keeps_its_spaces():
    # the line below starts elsewhere: prose under the table, whatever its word gaps
    lines = [[(50, 95), (100, 140), (300, 318)],
             [(40, 170), (175, 288), (298, 330)]]
    assert pdflayout.tab_gaps(*_rows(lines)).tolist() == [False, True, False, False, False]


def _side_by_side(words_per_side: int, alpha_right: bool):
    """Ten lines on one baseline grid, each with words on both sides of a 30 pt gutter."""
    x0, x1, line, alpha = [], [], [], []
    for k in range(10):
        for side, (left, right) in enumerate(((50, 280), (310, 540))):
            step = (right - left) / words_per_side
            for w in range(words_per_side):
                x0.append(left + w * step)
                x1.append(left + (w + 1) * step - 4)
                line.append(k)
                alpha.append(side == 0 or alpha_right)
    return np.array(x0), np.array(x1), np.array(line), np.array(alpha)


def test_two_text_columns_on_one_line_grid_read_left_column_first():
    x0, x1, line, alpha = _side_by_side(6, alpha_right=True)
    groups = [g for g in pdflayout.reading_groups(x0, x1, line, alpha) or [] if len(g)]
    assert len(groups) == 2
    assert (x1[groups[0]] < 300).all() and (x0[groups[1]] > 300).all()


def test_a_table_of_labels_and_figures_on_one_grid_stays_in_rows():
    # the same boxes, but the right side holds figures: a table's rows, read across
    x0, x1, line, alpha = _side_by_side(6, alpha_right=False)
    assert pdflayout.reading_groups(x0, x1, line, alpha) is None
    assert pdflayout.reading_groups(x0, x1, line) is None  # no word text: no guess


def test_form_of_short_label_and_value_cells_is_not_split_at_the_middle(tmp_path):
    # labels left of the page's middle, values right of it, one title across: hardly a word crosses
    # the middle, but the rows are a form's, read row by row (not all labels, then all values)
    pdf = one_page_pdf()
    pdf.set_font("Helvetica", "B", 14)
    pdf.text(20, 20, "Fortsättningsansökan för insatsen Ledstången")
    pdf.set_font("Helvetica", "", 10)
    rows = [("Insatsens namn:", "Ledstången"), ("Insatsägare:", "Exempelby kommun"),
            ("Sökt belopp:", "2 340 tkr"), ("Projektperiod:", "1 januari 2026 - 31 december 2027"),
            ("Målgrupp:", "Personer 25-64 år"), ("Förväntat antal deltagare:", "50 personer under perioden"),
            ("Roll", "Tjänstgöringsgrad"), ("Processledare", "0,5"), ("Arbetsspecialist", "1,0"),
            ("Fysioterapeut", "0,4"), ("Personal (tkr)", "980"), ("Övriga kostnader (tkr)", "170"),
            ("Summa sökt från förbundet (tkr)", "1 150")]
    for i, (label, value) in enumerate(rows):
        pdf.text(20, 32 + 7 * i, label)
        pdf.text(110, 32 + 7 * i, value)
    path = tmp_path / "formular.pdf"
    pdf.output(str(path))
    lines = _both(path).split("\n")
    assert "Sökt belopp:\t2 340 tkr" in lines
    assert "Fysioterapeut\t0,4" in lines


def test_narrow_first_column_of_a_table_gets_its_tab(tmp_path):
    # the label column is only a cell's padding wider than its longest label: the gap after each label
    # is narrower than a column gap, but the figures after it start at one x on every row
    pdf = one_page_pdf()
    pdf.set_font("Helvetica", "", 11)
    rows = [("Kostnad", "Sökt från förbundet", "Exempelby kommun", "Totalt"),
            ("Personal", "2 300 000", "400 000", "2 700 000"), ("Lokaler", "-", "200 000", "200 000"),
            ("Summa", "2 300 000", "600 000", "2 900 000")]
    second = 20 + max(pdf.get_string_width(row[0]) for row in rows) + 3.5  # 3.5 mm: about 0.9 em at 11 pt
    for i, row in enumerate(rows):
        for x, cell in zip((20, second, 90, 140), row):
            pdf.text(x, 30 + 7 * i, cell)
    path = tmp_path / "smal.pdf"
    pdf.output(str(path))
    lines = _both(path).split("\n")
    assert "Personal\t2 300 000\t400 000\t2 700 000" in lines
    assert "Kostnad\tSökt från förbundet\tExempelby kommun\tTotalt" in lines


def test_narrow_columns_under_centred_header_cells_get_their_tabs(tmp_path):
    # a browser's print: header cells centred over their columns, figures close together
    pdf = one_page_pdf()
    pdf.set_font("Helvetica", "", 11)
    body = [("Personal", "820 000", "840 000", "1 660 000"), ("Övrigt", "70 000", "70 000", "140 000"),
            ("Summa", "890 000", "910 000", "1 800 000")]
    xs = [20.0, 20 + pdf.get_string_width("Kostnadsslag") + 3.5]
    for j in range(2, 4):  # each column starts 3.5 mm (about 0.9 em) after the widest cell before it
        xs.append(xs[-1] + max(pdf.get_string_width(row[j - 1]) for row in body) + 3.5)
    pdf.text(20, 30, "Kostnadsslag")
    for j, head in ((1, "År 1"), (2, "År 2"), (3, "Totalt")):
        pdf.text(xs[j] + 2.5, 30, head)
    for i, row in enumerate(body, 1):
        for x, cell in zip(xs, row):
            pdf.text(x, 30 + 7 * i, cell)
    path = tmp_path / "centrerad.pdf"
    pdf.output(str(path))
    lines = _both(path).split("\n")
    assert "Personal\t820 000\t840 000\t1 660 000" in lines
    assert "Kostnadsslag\tÅr 1\tÅr 2\tTotalt" in lines


def test_last_row_of_a_table_before_prose_gets_its_tab(tmp_path):
    # the widest label fills its column but for the cell padding; a heading follows the table
    pdf = one_page_pdf()
    pdf.set_font("Helvetica", "", 11)
    second = 20 + pdf.get_string_width("Studievägledare") + 3.5
    pdf.text(24, 30, "Tjänst")  # a centred header cell
    pdf.text(second + 8, 30, "% av heltid")
    for i, (role, share) in enumerate((("Coach", "100"), ("Studievägledare", "20")), 1):
        pdf.text(20, 30 + 7 * i, role)
        pdf.text(second, 30 + 7 * i, share)
    pdf.set_font("Helvetica", "B", 14)
    pdf.text(20, 60, "Ekonomi")
    path = tmp_path / "sista.pdf"
    pdf.output(str(path))
    assert "Studievägledare\t20" in _both(path).split("\n")
