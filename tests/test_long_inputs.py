"""Hostile and huge input: every stage in bounded pieces and linear time (issues #16, #17).

The long documents are generated here (nothing large on disk); no test measures time: a quadratic
scan would make the suite hang rather than fail, which is what the per-document timeout is for.
"""
import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from extractor.cli import cli
from extractor.extract import text as text_module
from extractor.extract.ages import find_age_bands
from extractor.extract.dates import find_dates
from extractor.extract.text import SENTENCE_BREAK_RE, pieces, sentence_bounds
from extractor.read.html import clean_html, drop_hidden, read_html
from extractor.read.text import decode
from extractor.heading_lines import ends_in_figures as _ends_in_figures, is_toc_line as _is_toc_line

PROSE = "Insatsen riktar sig till unga vuxna i Falu kommun som står långt från arbetsmarknaden "


def _scan_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The plain definition: the last break in text[:start], the first at or after end."""
    left = 0
    for m in SENTENCE_BREAK_RE.finditer(text, 0, start):
        left = m.end()
    m = SENTENCE_BREAK_RE.search(text, end)
    return left, m.start() if m else len(text)


@pytest.mark.parametrize("text, word", [
    ("Vi följer upp varje månad. Deltagarna får IPS i teamet.", "IPS"),
    ("Vi följer upp varje månad. IPS ges till alla.", "IPS"),  # a break right before the mention
    ("Stödet ges med\nIPS och MI.\nNästa rad.", "MI"),
    ("Deltagarna får stöd,\nmed IPS som grund.", "IPS"),
    ("Första meningen.   \n\n  IPS   sist", "IPS"),
    ("IPS", "IPS"),
])
def test_sentence_bounds_match_a_scan_from_the_start(text, word):
    start = text.index(word)
    assert sentence_bounds(text, start, start + len(word)) == _scan_bounds(text, start, start + len(word))


def test_sentence_bounds_of_every_mention_match_a_scan_from_the_start():
    text = "Vi ses. Sedan\n\nIPS och MI. Det är bra, och\nIPS igen.  MI sist."
    for m in re.finditer(r"IPS|MI", text):
        assert sentence_bounds(text, m.start(), m.end()) == _scan_bounds(text, m.start(), m.end())


def test_an_overlong_sentence_is_cut_into_pieces_that_do_not_touch():
    text = "ips och mi " * 20_000  # 220 000 characters, no sentence break
    limit = text_module.MAX_SENTENCE_CHARS
    spans = {sentence_bounds(text, m.start(), m.end()) for m in re.finditer("ips", text)}
    assert all(end - start <= limit * 3 // 2 for start, end in spans)  # a cut may move back half a piece
    ordered = sorted(spans)
    assert all(a[1] < b[0] for a, b in zip(ordered, ordered[1:]))


@pytest.mark.parametrize("text, size, expected", [
    ("rad ett\nrad två", 10, [(0, "rad ett\n"), (8, "rad två")]),
    ("ett två tre", 8, [(0, "ett två "), (8, "tre")]),
    ("abcdefghij", 4, [(0, "abcd"), (4, "efgh"), (8, "ij")]),
    ("kort", 100, [(0, "kort")]),
])
def test_pieces_cut_at_line_breaks_then_spaces(text, size, expected):
    assert pieces(text, size) == expected


def test_dates_and_ages_overlapping_matches_are_read_once():
    assert [d.value for d in find_dates("den 15 mars 2023 och 2023-03-15")] == ["2023-03-15", "2023-03-15"]
    assert [(f.age_min, f.age_max) for f in find_age_bands("mellan 16 och 29 år, 30-45 år")] == [(16, 29), (30, 45)]


@pytest.mark.parametrize("line, expected", [
    ("Bakgrund ........ 3", True),
    ("Syfte …… 12", True),
    ("Målgrupp\t4", True),
    ("Budget ...... 1234", False),
    ("Det kostar 300 kr", False),
    ("." * 5000 + "x", False),
])
def test_table_of_contents_lines(line, expected):
    assert _is_toc_line(line) is expected


@pytest.mark.parametrize("line, expected", [
    ("Extern – 60 90 150", True), ("Lokaler 35 000 kr", True), ("Lön 12 tkr  ", True),
    ("Övrigt", False), ("000 " * 5000 + "x", False),
])
def test_lines_that_end_in_figures(line, expected):
    assert _ends_in_figures(line) is expected


@pytest.mark.parametrize("raw, expected", [
    ("a<script>x</script>b<style>y</STYLE>c", "abc"),
    ("a<script x" + "<script " * 2000 + "<style>y</style>slut", "a<script x" + "<script " * 2000 + "slut"),
])
def test_drop_hidden_elements_closed_or_not(raw, expected):
    assert drop_hidden(raw) == expected


def test_clean_html_unclosed_tags_and_blank_runs():
    assert clean_html("<p>Hej  \n då</p>" + "<p " * 3000) == "\nHej\n då\n" + "<p " * 3000
    assert read_html(Path("a.html"), "<html><head><title>x</title></head><p>Målgrupp</p>" + " " * 50_000,
                     "0").text == "Målgrupp\n"


@pytest.mark.parametrize("data, expected", [
    ("Målgrupp för unga\n".encode() + b"Ekonomi f\xf6r \xe5r 2024\n" + "Slut på året\n".encode(),
     "Målgrupp för unga\nEkonomi för år 2024\nSlut på året\n"),  # UTF-8 with one Windows-1252 line
    ("Målgrupp för unga – år\n".encode("cp1252"), "Målgrupp för unga – år\n"),
    (b"\xff\xfe" + "Hej på dig".encode("utf-16-le") + b"x", "Hej på dig\ufffd"),  # odd length
    ("Hej på dig, så här".encode("utf-16-le"), "Hej på dig, så här"),  # no BOM
    ("FÃ¶rsÃ¤kringskassan\nKorrekt år\n".encode(), "Försäkringskassan\nKorrekt år\n"),
])
def test_decode_repairs_per_line(data, expected):
    assert decode(data, Path("a.txt")) == expected


def test_decode_names_the_lines_that_are_not_utf8(caplog):
    decode("Första raden är UTF-8\n".encode() + b"Andra \xe4r inte\n", Path("blandad.txt"))
    assert "blandad.txt: bytes that are not UTF-8 on line 2" in caplog.text


@pytest.mark.slow
@pytest.mark.parametrize("body", [
    pytest.param("Bakgrund\n" + PROSE * (2_000_000 // len(PROSE)) + "Eva Ekblad, handläggare\n", id="2MB-line"),
    pytest.param("Bakgrund\n" + "\n".join(f"Rad {i}" + (" i Falu kommun" if i % 10 == 0 else "") for i in range(200_000))
                 + "\n", id="200000-lines"),
])
def test_extract_a_huge_document_gives_a_record(tmp_path, body):
    path = tmp_path / "stor.txt"
    path.write_text(body, encoding="utf-8")
    # a time limit well above what a linear pipeline needs on a busy machine, below a hang
    result = CliRunner().invoke(cli, ["extract", str(path), "--timeout", "600"])
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["source"]["sha256"]


@pytest.mark.slow
def test_find_persons_reads_a_long_text_in_pieces(monkeypatch):
    from extractor.extract import nlp

    monkeypatch.setattr(nlp, "NER_PIECE_CHARS", 60)
    text = "Underskrift\nEva Ekblad, områdeschef, Falu kommun\n" * 3
    found = nlp.find_persons(text)
    assert [text[s:e] for s, e, _ in found] == [name for _, _, name in found]
    assert len(found) == 3


@pytest.mark.slow
def test_the_ner_pipeline_has_no_lemmatizer_and_shares_the_gazetteer_ruler():
    from extractor.extract.gazetteer import GAZETTEER_PIPE, org_ruler
    from extractor.extract.nlp import load_nlp

    nlp = load_nlp()
    assert "lemmatizer" not in nlp.pipe_names
    assert nlp.get_pipe(GAZETTEER_PIPE) is org_ruler().get_pipe(GAZETTEER_PIPE)


def test_emails_and_money_in_long_runs_read_in_bounded_steps():
    # "a-a-a-…" holds no address and "000 000 …" no sum a budget prints: each read once, not per character
    from extractor.extract.amounts import find_money
    from extractor.extract.people import find_emails
    assert find_emails("a-" * 50_000 + " anna.exempel@hjo.se") == [("anna.exempel@hjo.se", 100_001, 100_020)]
    assert find_money("000 " * 50_000) == [] or all(f.end - f.start < 40 for f in find_money("000 " * 50_000))


def test_title_cues_in_a_long_text_are_counted_once():
    from extractor.extract.names import find_title_in_prose
    text = "Bakgrund\n" + "Insatsen riktar sig till unga vuxna i kommunen. " * 5_000 + "Projekt Nyckeln startar. Projekt Nyckeln"
    assert find_title_in_prose(text)[0] == "Nyckeln"


def test_a_line_of_many_capitalised_words_costs_its_length():
    from extractor.extract.names import find_title_in_prose

    # every prefix of a 30 000-word run held as a candidate name took memory by the square
    assert find_title_in_prose("LYKTAN XYZW QRST " * 10_000) is None
    assert find_title_in_prose("Exempel Lots Bro " * 10_000) is None


def test_run_on_headings_in_a_long_line_cost_its_length():
    from extractor.heading_runon import runon_headings

    # each sentence's start looked back over the whole line for a heading's number: by the square
    line = ("Insatsen ger stöd. Syfte: Fler ska arbeta. " + "Deltagarna får stöd i vardagen. " * 40_000
            + "Målgrupp: Unga vuxna. Budget: Se bilaga.")
    assert [h.key for h in runon_headings(line, set())] == ["purpose", "target_group", "budget"]
