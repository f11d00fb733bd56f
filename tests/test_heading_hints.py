"""Headings a source marks by type: bold run-in openings, bold lines below the section level, bold
paragraphs of ODT and HTML exports, and a browser-printed PDF's bold openings (invented text)."""
import docx
from conftest import write_odt

from extractor.heading_hints import hint_heading
from extractor.read import read
from extractor.read.pdfhints import RUN_IN_LEVEL, _join, _run_in
from extractor.record import Document, Hint
from extractor.split import split


def _runin_doc(rows: list[tuple[str, str]]) -> Document:
    """A document whose lines open with a bold run-in heading: [(heading, text), ...]."""
    lines, hints, offset = ["Ansökan om medel"], [], len("Ansökan om medel") + 1
    for heading, body in rows:
        hints.append(Hint(offset, offset + len(heading), 9))
        line = f"{heading} {body}"
        lines.append(line)
        offset += len(line) + 1
    return Document(path="t.docx", format="docx", sha256="0" * 64, text="\n".join(lines) + "\n", hints=hints)


def test_run_in_headings_of_unknown_wording_head_where_known_ones_share_the_shape():
    doc = _runin_doc([("Bakgrund.", "Många i Exempelby saknar arbete."), ("Målgrupp.", "Unga vuxna."),
                      ("Vad vi vill uppnå.", "Fler i arbete."), ("Det här kostar det:", "Vi söker 100 000 kr.")])
    assert [(s.key, s.heading, s.text) for s in split(doc)] == [
        ("background", "Bakgrund.", "Många i Exempelby saknar arbete."), ("target_group", "Målgrupp.", "Unga vuxna."),
        ("goals", "Vad vi vill uppnå.", "Fler i arbete."), ("budget", "Det här kostar det:", "Vi söker 100 000 kr.")]


def test_an_unknown_run_in_heading_alone_or_without_a_closing_stop_heads_nothing():
    alone = _runin_doc([("Bakgrund.", "Många saknar arbete."), ("Vad vi vill uppnå.", "Fler i arbete.")])
    assert [s.key for s in split(alone)] == ["background"]
    open_ended = _runin_doc([("Bakgrund.", "A."), ("Målgrupp.", "B."), ("Vad vi vill uppnå", "Fler i arbete.")])
    assert [s.key for s in split(open_ended)] == ["background", "target_group"]


def test_a_bold_opening_before_figures_is_a_table_row_not_a_run_in_heading():
    hints = {0: Hint(0, 11, 9)}
    assert hint_heading(hints, 0, "Budget 2026 120 000 kr", 1) is None
    assert hint_heading(hints, 0, "Målgrupp.  Unga vuxna i Exempelby.", 1).key == "target_group"


def test_a_bold_question_below_the_section_level_heads_where_it_asks_a_known_question():
    hints = {0: Hint(0, 23, 9)}
    assert hint_heading(hints, 0, "Vad vill vi åstadkomma?", 2).key == "goals"
    # an unknown one is kept only where its level's known headings vouch for it (heading_shapes.accept_shaped)
    unknown = hint_heading({0: Hint(0, 13, 9)}, 0, "Första veckan", 2)
    assert (unknown.key, unknown.shape, unknown.known) == ("other", "level9", False)


BOLD_ODT_STYLES = ('<style:style style:name="P1" style:family="paragraph"><style:text-properties fo:font-weight="bold"/>'
                   '</style:style><style:style style:name="T1" style:family="text">'
                   '<style:text-properties fo:font-weight="bold"/></style:style>')


def _odt(path, body: str) -> None:
    write_odt(path, body, BOLD_ODT_STYLES)


def test_odt_bold_paragraphs_and_bold_openings_become_hints(tmp_path):
    _odt(tmp_path / "plan.odt",
         '<text:p text:style-name="P1">Utgångspunkter</text:p><text:p>Många i Exempelby saknar arbete.</text:p>'
         '<text:p text:style-name="P1">Så arbetar vi</text:p><text:p>Med coacher.</text:p>'
         '<text:p><text:span text:style-name="T1">Budget.</text:span> Vi söker 100 000 kr.</text:p>')
    doc = read(tmp_path / "plan.odt")
    assert [(doc.text[h.start:h.end], h.level) for h in doc.hints] == [
        ("Utgångspunkter", 1), ("Så arbetar vi", 1), ("Budget.", 9)]
    assert [(s.key, s.text) for s in split(doc)] == [
        ("background", "Många i Exempelby saknar arbete."), ("methods", "Med coacher."), ("budget", "Vi söker 100 000 kr.")]


def test_html_bold_paragraphs_and_bold_openings_become_hints(tmp_path):
    page = ("<html><body><p class='western'><b>Ansökan</b></p><p><b>Vilka som ska nås</b></p><p>Unga vuxna.</p>"
            "<p><font size='3'><strong>Avsikt</strong></font></p><p>Fler i arbete.</p>"
            "<p><b>Budget.</b> Vi söker 100 000 kr.</p><p><b>Tre ord här</b> och sedan en lång mening.</p></body></html>")
    (tmp_path / "a.html").write_text(page, encoding="utf-8")
    doc = read(tmp_path / "a.html")
    assert [(doc.text[h.start:h.end], h.level) for h in doc.hints] == [
        ("Ansökan", 1), ("Vilka som ska nås", 1), ("Avsikt", 1), ("Budget.", 9), ("Tre ord här", 9)]
    assert [s.key for s in split(doc)] == ["other", "target_group", "purpose", "budget"]


def test_pdf_pieces_of_a_letter_each_join_as_they_stand_and_a_bold_opening_is_found():
    # (baseline, left, right, text, size, bold): a browser's print draws each letter as an object
    line = [(700, 10 + 6 * i, 15 + 6 * i, ch, 10, i < 5) for i, ch in enumerate("Mål. Unga ")]
    assert _join(line) == "Mål. Unga"
    assert _run_in(line) == "Mål."
    words = [(700, 10, 40, "Bakgrund", 10, True), (700, 43, 60, "Text", 10, False)]
    assert _join(words) == "Bakgrund Text"


def test_pdf_bold_run_in_openings_become_hints(tmp_path):
    from conftest import one_page_pdf, write_odt

    pdf = one_page_pdf()
    for head, text in [("Bakgrund.", " Många i Exempelby saknar arbete."), ("Vad vi vill uppnå.", " Fler i arbete."),
                       ("Målgrupp.", " Unga vuxna.")]:
        pdf.set_font("Helvetica", "B", 11)
        pdf.write(6, head)
        pdf.set_font("Helvetica", "", 11)
        pdf.write(6, text)
        pdf.ln(8)
    pdf.output(str(tmp_path / "plan.pdf"))
    doc = read(tmp_path / "plan.pdf")
    assert [(doc.text[h.start:h.end], h.level) for h in doc.hints] == [
        ("Bakgrund.", RUN_IN_LEVEL), ("Vad vi vill uppnå.", RUN_IN_LEVEL), ("Målgrupp.", RUN_IN_LEVEL)]
    assert [s.key for s in split(doc)] == ["background", "goals", "target_group"]


def test_docx_bold_question_among_styled_headings_heads_its_section(tmp_path):
    document = docx.Document()
    for heading, text, bold in [("Bakgrund", "Många saknar arbete.", False), ("Vad vill vi åstadkomma?", "Fler i arbete.", True),
                                ("Första veckan", "En plan görs.", True), ("Budget", "100 000 kr.", False)]:
        if bold:
            document.add_paragraph().add_run(heading).bold = True
        else:
            document.add_heading(heading, level=2)
        document.add_paragraph(text)
    document.save(tmp_path / "a.docx")
    doc = read(tmp_path / "a.docx")
    assert [(s.key, s.text) for s in split(doc)] == [
        ("background", "Många saknar arbete."), ("goals", "Fler i arbete.\nFörsta veckan\nEn plan görs."),
        ("budget", "100 000 kr.")]


def test_a_guessed_money_field_in_a_form_of_label_cells_heads_the_budget():
    text = ("Ansökan\nProjektets benämning\tPåhittet\nSökande förvaltning\tExempelby kommun\n"
            "Hur ska arbetet bedrivas?\tMed coacher.\nKostnad totalt\t840 000 kr\n")
    doc = Document(path="t.docx", format="docx", sha256="0" * 64, text=text, hints=[])
    assert [(s.key, s.text) for s in split(doc)][-2:] == [("methods", "Med coacher."), ("budget", "840 000 kr")]


def test_a_required_field_mark_after_a_bold_label_belongs_to_its_heading():
    line = "Insatsägare (*) Organisation: Exempelby kommun"
    heading = hint_heading({0: Hint(0, 11, 9)}, 0, line, 1)
    assert (heading.key, heading.text, line[heading.end:].strip()) == (
        "owner", "Insatsägare (*)", "Organisation: Exempelby kommun")
    line = "Insatsens namn * Påhittet"
    heading = hint_heading({0: Hint(0, 14, 9)}, 0, line, 1)
    assert (heading.key, heading.text, line[heading.end:].strip()) == ("title", "Insatsens namn *", "Påhittet")


def _styled_and_bold(path, rows) -> None:
    """Write a DOCX of (heading, text, bold) rows: a bold paragraph, else a Heading 2, over its text."""
    document = docx.Document()
    for heading, text, bold in rows:
        if bold:
            document.add_paragraph().add_run(heading).bold = True
        else:
            document.add_heading(heading, level=2)
        document.add_paragraph(text)
    document.save(path)


def test_bold_paragraphs_among_styled_headings_head_where_two_of_them_are_known(tmp_path):
    rows = [("Bakgrund", "Många saknar arbete.", False), ("Vad vill vi åstadkomma?", "Fler i arbete.", True),
            ("Vem gynnas av insatsen?", "Unga vuxna.", True), ("Så går det till i vardagen", "Med coacher.", True),
            ("Första veckan", "En plan görs.", True), ("Budget", "100 000 kr.", False)]
    _styled_and_bold(tmp_path / "a.docx", rows)
    sections = [(s.key, s.text) for s in split(read(tmp_path / "a.docx"))]
    # "Första veckan" points to no section: a sub-heading of the methods
    assert sections == [("background", "Många saknar arbete."), ("goals", "Fler i arbete."),
                        ("target_group", "Unga vuxna."), ("methods", "Med coacher.\nFörsta veckan\nEn plan görs."),
                        ("budget", "100 000 kr.")]


def test_bold_sub_headings_pointing_to_sections_stay_inside_without_known_siblings(tmp_path):
    rows = [("Metod", "Coacher.", False), ("Samverkan med skolan", "Vi träffar skolan.", True),
            ("Mätning varje månad", "En enkät.", True), ("Kostnad för resor", "Busskort.", True),
            ("Budget", "100 000 kr.", False)]
    _styled_and_bold(tmp_path / "a.docx", rows)
    assert [s.key for s in split(read(tmp_path / "a.docx"))] == ["methods", "budget"]


def test_docx_form_cells_holding_a_bold_question_over_its_answer_head_sections(tmp_path):
    document = docx.Document()
    document.add_paragraph("Ansökan om medel")
    table = document.add_table(rows=0, cols=1)
    for question, answer in [("Insatsens namn", "Påhittet"), ("Vem gynnas av insatsen?", "Unga vuxna i Exempelby."),
                             ("Vad vill ni åstadkomma?", "Fler i arbete."), ("Hur går det till i praktiken?", "Med coacher.")]:
        cell = table.add_row().cells[0]
        cell.paragraphs[0].add_run(question).bold = True
        cell.add_paragraph(answer)
    document.save(tmp_path / "form.docx")
    doc = read(tmp_path / "form.docx")
    assert [(s.key, s.heading, s.text) for s in split(doc)] == [
        ("title", "Insatsens namn", "Påhittet"), ("target_group", "Vem gynnas av insatsen?", "Unga vuxna i Exempelby."),
        ("goals", "Vad vill ni åstadkomma?", "Fler i arbete."), ("methods", "Hur går det till i praktiken?", "Med coacher.")]


def test_html_bold_of_word_exports_with_spans_inside_and_bold_by_style(tmp_path):
    page = ("<html><body><p class=MsoNormal><b><span lang=SV>Bakgrund<o:p></o:p></span></b></p>"
            "<p class=MsoNormal><span lang=SV>Många saknar arbete.</span></p>"
            "<p><span style='font-weight:bold'>Vilka som ska nås</span></p><p>Unga vuxna.</p>"
            "<p><span style='font-weight: 700'>Budget:</span> Vi söker 100 000 kr.</p></body></html>")
    (tmp_path / "a.html").write_text(page, encoding="utf-8")
    doc = read(tmp_path / "a.html")
    assert [(doc.text[h.start:h.end], h.level) for h in doc.hints] == [
        ("Bakgrund", 1), ("Vilka som ska nås", 1), ("Budget:", 9)]
    assert [(s.key, s.text) for s in split(doc)] == [
        ("background", "Många saknar arbete."), ("target_group", "Unga vuxna."), ("budget", "Vi söker 100 000 kr.")]


def test_a_sentence_set_in_bold_heads_nothing():
    text = ("Bakgrund\nI Exempelby saknas stöd.\nObservera att alla deltagare måste vara inskrivna hos Arbetsförmedlingen.\n"
            "Det gäller även unga.\nSyfte\nInsatsen ska ge en väg in.\n")
    bold = [line for line in text.split("\n") if line in ("Bakgrund", "Syfte") or line.startswith("Observera")]
    hints = [Hint(text.index(line), text.index(line) + len(line), 1) for line in bold]
    doc = Document(path="t.docx", format="docx", sha256="0" * 64, text=text, hints=hints)
    assert [(s.key, s.heading) for s in split(doc)] == [("background", "Bakgrund"), ("purpose", "Syfte")]
