"""PDF heading cues from fonts: bold or larger lines become heading hints (invented text)."""
import pytest
from conftest import one_page_pdf

from extractor.read import read
from extractor.split import split


def _write(tmp_path, rows):
    """rows: (text, style, size) lines; a pair of texts is a bold label and its value on one line."""
    pdf = one_page_pdf()
    for text, style, size in rows:
        if isinstance(text, tuple):
            pdf.set_font("Helvetica", "B", size)
            pdf.cell(50, 7, text[0])
            pdf.set_font("Helvetica", "", size)
            pdf.cell(0, 7, text[1], new_x="LMARGIN", new_y="NEXT")
            continue
        pdf.set_font("Helvetica", style, size)
        pdf.cell(0, 7, text, new_x="LMARGIN", new_y="NEXT")
    path = tmp_path / "ansokan.pdf"
    pdf.output(str(path))
    return read(path)


def test_bold_and_larger_lines_become_hints_and_unknown_ones_head_sections(tmp_path):
    doc = _write(tmp_path, [
        ("Ansökan om medel", "B", 16),
        (("Insatsägare", "Exempelby kommun"), "", 11),
        ("Bakgrund", "B", 13), ("Många i Exempelby saknar arbete.", "", 11),
        ("Personalens kompetens", "B", 13), ("Två coacher med lång erfarenhet.", "", 11),
        ("Vad kostar det?", "B", 13), ("Vi söker 100 000 kr.", "", 11),
    ])
    hinted = [doc.text[h.start:h.end] for h in doc.hints if h.level < 9]
    # a bold label with its value in plain type on the same line is a form row, not a heading line:
    # only its bold opening is marked, as a run-in heading (level 9)
    assert hinted == ["Ansökan om medel", "Bakgrund", "Personalens kompetens", "Vad kostar det?"]
    assert [doc.text[h.start:h.end] for h in doc.hints if h.level == 9] == ["Insatsägare"]
    sections = [(s.key, s.text) for s in split(doc)]
    assert ("background", "Många i Exempelby saknar arbete.") in sections
    assert ("budget", "Vi söker 100 000 kr.") in sections
    # the unknown bold heading ends the background section
    assert ("other", "Två coacher med lång erfarenhet.") in sections


def test_a_bold_sub_heading_at_body_size_stays_inside_its_section(tmp_path):
    doc = _write(tmp_path, [
        ("Syfte", "B", 14), ("Att fler får arbete.", "", 11),
        ("Mål", "B", 14), ("Effektmål", "B", 11), ("Hälften i arbete.", "", 11),
        ("Kartläggning av läget", "B", 11), ("Görs första året.", "", 11),
        ("Målgrupp", "B", 14), ("Unga vuxna.", "", 11),
    ])
    assert {h.level for h in doc.hints} == {1, 2}
    sections = [(s.key, s.text) for s in split(doc)]
    assert [k for k, _ in sections] == ["purpose", "goals", "target_group"]
    assert sections[1][1].split() == "Effektmål Hälften i arbete. Kartläggning av läget Görs första året.".split()


def test_a_wrapped_heading_gives_one_hint(tmp_path):
    doc = _write(tmp_path, [
        ("Beskriv hur insatsen ska följas upp", "B", 14), ("och utvärderas under perioden", "B", 14),
        ("Varje kvartal.", "", 11),
    ])
    assert [doc.text[h.start:h.end] for h in doc.hints] == ["Beskriv hur insatsen ska följas upp"]


@pytest.mark.parametrize("text", ["3.2 Syfte och mål", "  Å_Ä-Ö: ²½ Ⅻ ١٢ ß İ", "", "snake_case\tTab", "ﬁnal Straße"])
def test_squeeze_keeps_what_isalnum_keeps(text):
    from extractor.read.pdfhints import _squeeze

    assert _squeeze(text) == "".join(ch for ch in text.casefold() if ch.isalnum())
