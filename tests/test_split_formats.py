"""Reading and section splitting on the shapes other formats and layouts give a document (invented text)."""
from extractor.record import Document, Hint
from extractor.split import split


def _styled(pairs: list[tuple[str, str]]) -> Document:
    """A document whose headings carry a Word heading style: [(heading, text), ...]."""
    lines, hints, offset = [], [], 0
    for heading, body in pairs:
        hints.append(Hint(offset, offset + len(heading), 2))
        lines += [heading, body]
        offset += len(heading) + 1 + len(body) + 1
    return Document(path="t.docx", format="docx", sha256="0" * 64, text="\n".join(lines) + "\n", hints=hints)


def test_a_phone_numbers_last_digits_do_not_number_a_heading_in_running_text():
    doc = _styled([
        ("Målgrupp", "Personer 25–64 år med lång sjukskrivning."),
        ("Insatsägare och kontakt", "Exempelby kommun. Kontaktperson Anna Påhittad, anna.pahittad@exempelby.se, "
                                    "0911-69 64 10. Samverkanspart är Försäkringskassan."),
    ])
    sections = split(doc)
    assert [s.key for s in sections] == ["target_group", "owner"]
    assert sections[-1].text.endswith("Samverkanspart är Försäkringskassan.")


def test_a_numbered_heading_in_running_text_is_still_found_after_a_sentence():
    doc = Document(path="t.txt", format="txt", sha256="0" * 64, hints=[],
                   text="1. Bakgrund Många unga saknar arbete i Exempelby. 2. Målgrupp Unga vuxna 18-29 år utan arbete.\n")
    assert [s.key for s in split(doc)] == ["background", "target_group"]


def test_a_bold_label_and_its_answer_on_one_line_head_with_the_label_only():
    # a Word cover whose "Insatsens namn: Påhittet" is bold as a whole, among styled headings
    text = "Fortsättningsansökan\nInsatsens namn: Påhittet\nDiarienummer: 2031-007\nBakgrund\nPåhittet startade 2029.\n"
    hints = [Hint(0, 20, 9), Hint(21, 45, 9), Hint(46, 68, 9), Hint(69, 77, 2)]
    doc = Document(path="t.docx", format="docx", sha256="0" * 64, text=text, hints=hints)
    sections = split(doc)
    assert [(s.key, s.heading) for s in sections][:1] == [("title", "Insatsens namn:")]
    assert sections[0].text.startswith("Påhittet")
    assert "background" in [s.key for s in sections]


def test_a_page_printed_from_a_browser_loses_its_address_footer_and_cookie_request():
    from extractor.read.pdf import _strip_furniture

    page = ["2031-03-11 14:07\tAnsökan – Samordningsförbundet Påhittsdalen", "Ange budget (*)", "Sökt belopp: 2 100 000 kr",
            "Vi använder kakor för att förbättra din upplevelse. Läs mer om kakor Godkänn alla Endast nödvändiga",
            "https://www.exempelforbund.se/ansokan/visa?id=4471\t1/1"]
    assert _strip_furniture([page]) == [page[:3]]


def test_a_paged_text_export_loses_its_page_numbers_and_running_header(tmp_path):
    from extractor.read import read

    pages = [["Samordningsförbundet Påhittsdalen    Ansökan Vindfånget", "", "Målgrupp", "Unga 18–29 år.", "", "Sida 1 av 2"],
             ["Samordningsförbundet Påhittsdalen    Ansökan Vindfånget", "", "Budget", "Sökt belopp: 900 000 kr", "",
              "Sida 2 av 2"]]
    (tmp_path / "export.txt").write_bytes("\f".join("\r\n".join(p) + "\r\n" for p in pages).encode("cp1252"))
    text = read(tmp_path / "export.txt").text
    assert [line for line in text.splitlines() if line] == ["Målgrupp", "Unga 18–29 år.", "Budget", "Sökt belopp: 900 000 kr"]


def test_a_saved_web_pages_cookie_request_is_not_read(tmp_path):
    from extractor.read import read

    (tmp_path / "sida.html").write_text(
        "<html><body><h1>Vindfånget</h1><h2>Metod</h2><p>Coacherna använder motiverande samtal.</p>"
        "<div class='cookie'><p>Vi använder kakor för att ge dig en bättre upplevelse. Läs mer</p></div></body></html>",
        encoding="utf-8")
    assert "kakor" not in read(tmp_path / "sida.html").text
