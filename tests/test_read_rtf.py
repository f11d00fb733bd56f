"""RTF: Word's Rich Text Format, as an archive holds it (.rtf, or RTF saved under a .doc name)."""
import pytest

from extractor.pipeline import run
from extractor.read import read

STYLESHEET = (r"{\stylesheet{\s0 Normal;}{\s1\b\fs32 heading 1;}{\s2\b\fs28 Rubrik 2;}}")
RTF = (r"{\rtf1\ansi\ansicpg1252\deff0{\fonttbl{\f0 Calibri;}}{\colortbl;\red0\green0\blue0;}" + STYLESHEET +
       r"{\info{\title Gammal titel}{\author Bo Exempel}}"
       r"{\header\pard Sidhuvud som upprepas\par}"
       r"\pard\s1 Ans\'f6kan om medel: Ledstj\'e4rnan\par"
       r"\pard\s2 1. Bakgrund\par"
       r"\pard\s0 Unga vuxna i V\'e4xj\'f6 kommun st\u229?r l\u229?ngt fr\'e5n arbetsmarknaden.\line Ny rad.\par"
       r"\pard{\b M\'e5lgrupp}\par"
       r"\pard Personer 18\endash 29 \'e5r, se {\field{\*\fldinst HYPERLINK \"https://exempel.se\"}{\fldrslt exempel.se}}.\par"
       r"\trowd\cellx3000\cellx6000\pard\intbl Personal\cell 1 200 000 kr\cell\row"
       r"\trowd\cellx3000\cellx6000\pard\intbl Summa\cell 1 500 000 kr\cell\row"
       r"{\*\generator Exempelskrivaren 1.0;}"
       r"\pard Kontakt: Bo Exempel, bo.exempel@vaxjo.se\par}")


def test_rtf_text_headings_and_table_rows(tmp_path):
    path = tmp_path / "ansokan.rtf"
    path.write_bytes(RTF.encode("ascii"))
    document = read(path)
    assert document.format == "doc"  # RTF is one of Word's formats; the record has no name of its own for it
    lines = document.text.splitlines()
    assert lines[:4] == ["Ansökan om medel: Ledstjärnan", "1. Bakgrund",
                         "Unga vuxna i Växjö kommun står långt från arbetsmarknaden. Ny rad.", "Målgrupp"]
    assert "Personer 18–29 år, se exempel.se." in lines
    assert "Personal\t1 200 000 kr" in lines and "Summa\t1 500 000 kr" in lines
    text = document.text
    for hidden in ("Sidhuvud", "Calibri", "Gammal titel", "HYPERLINK", "Exempelskrivaren", "\\", "{"):
        assert hidden not in text
    headings = {text[h.start:h.end]: h.level for h in document.hints}
    assert headings["Ansökan om medel: Ledstjärnan"] == 1
    assert headings["1. Bakgrund"] == 2
    assert headings["Målgrupp"] == 9  # bold beside heading styles: a sub-heading, as in a .docx


@pytest.mark.parametrize("name", ["ansokan.doc", "ansokan.rtf"])
def test_rtf_under_either_name_is_extracted(tmp_path, name):
    path = tmp_path / name
    path.write_bytes(RTF.encode("ascii"))
    record = run(path).to_dict()
    assert record["source"]["format"] == "doc"
    assert record["target_groups"][0]["age_min"] == 18 and record["target_groups"][0]["age_max"] == 29
    assert [c["email"] for c in record["contacts"]] == ["bo.exempel@vaxjo.se"]
    assert any(s["key"] == "background" for s in record["sections"])


def test_rtf_without_text_is_an_error_naming_the_file(tmp_path):
    from extractor.errors import UnreadableDocument

    path = tmp_path / "tom.rtf"
    path.write_bytes(rb"{\rtf1\ansi{\fonttbl{\f0 Arial;}}\pard\par}")
    with pytest.raises(UnreadableDocument, match="tom.rtf: no text"):
        read(path)
