"""Plain-text exports in other programs' shapes (read/plainforms.py): a spreadsheet's CSV pasted as
text, headings underlined with rules, a wiki's Markdown, a scan's words hyphenated at line ends.
All text invented."""
from extractor.pipeline import run
from extractor.read.plainforms import csv_as_tabs, drop_heading_rules, join_hyphenated_lines, markdown_plain

CSV = ('"Fält";"Svar"\n"Insatsens namn";"Påhittsteget"\n"Insatsägare";"Exempelby kommun"\n'
       '"Samverkansparter";"Heby kommun; Arbetsförmedlingen"\n"Målgrupp";"Unga 18–29 år, ""särskilt"" nyanlända"\n'
       '"Sökt belopp (kr)";"1450000"\n')


def test_quoted_semicolon_csv_becomes_tab_rows():
    lines = csv_as_tabs(CSV).split("\n")
    assert lines[1] == "Insatsens namn\tPåhittsteget"
    assert lines[3] == "Samverkansparter\tHeby kommun; Arbetsförmedlingen"  # the delimiter inside a quoted cell stays
    assert lines[4] == 'Målgrupp\tUnga 18–29 år, "särskilt" nyanlända'


def test_prose_with_semicolons_is_no_csv():
    prose = ("Coachen träffar deltagarna; ofta varje vecka.\nStödet är individuellt; det anpassas.\n"
             "Uppföljning sker i SUS; styrgruppen får en rapport.\n")
    assert csv_as_tabs(prose) == prose


def test_csv_export_is_read_as_a_form(tmp_path):
    path = tmp_path / "export.txt"
    path.write_text(CSV, encoding="utf-8")
    record = run(path, ocr=False)
    assert record.title == "Påhittsteget"
    assert {"name": "Exempelby kommun", "role": "owner"} in record.organizations
    assert record.budget["requested_sek"] == 1450000


def test_rules_under_headings_go():
    text = "INSATSENS NAMN\n==============\nPåhittet\n\nPERSONAL\n--------\nCoach 1,0 åa\n"
    assert drop_heading_rules(text) == "INSATSENS NAMN\nPåhittet\n\nPERSONAL\nCoach 1,0 åa\n"


def test_a_rule_alone_between_blank_lines_stays():
    text = "Text.\n\n-----\n\nMer text.\n"
    assert drop_heading_rules(text) == text


def test_underlined_heading_title(tmp_path):
    path = tmp_path / "ansokan.txt"
    path.write_text("ANSÖKAN OM INSATSMEDEL\n\nINSATSENS NAMN\n==============\nPåhittet\n\n"
                    "MÅLGRUPP\n========\nPersoner 18-64 år.\n", encoding="utf-8")
    assert run(path, ocr=False).title == "Påhittet"


def test_markdown_marks_and_pipe_tables():
    text = ("# Ansökan: Påhittet\n\n## Budget\n| Post | kr |\n|---|---|\n| **Totalt** | **2 200 000** |\n\n"
            "## Tidplan\n`2026-01-01` – `2027-06-30`, *50 deltagare*.\n- punkt ett\n")
    assert markdown_plain(text) == ("# Ansökan: Påhittet\n\n## Budget\nPost\tkr\nTotalt\t2 200 000\n\n"
                                    "## Tidplan\n2026-01-01 – 2027-06-30, 50 deltagare.\n- punkt ett\n")


def test_text_without_markdown_signs_is_left_alone():
    text = "Projektet *kan* förlängas.\n# en rad\nTotalt `x`.\n"
    assert markdown_plain(text) == text


def test_words_hyphenated_at_line_ends_are_joined():
    text = ("Projektet arbetade enligt Supported Employ-\nment med stöd. Kontakt: anna.exempel@exempel-\n"
            "by.se\nHälso-\noch sjukvården deltog. Period 2024-05-\n21.\n")
    assert join_hyphenated_lines(text) == (
        "Projektet arbetade enligt Supported Employment med stöd. Kontakt: anna.exempel@exempelby.se\n"
        "Hälso-\noch sjukvården deltog. Period 2024-05-\n21.\n")  # a figure's dash is no word's hyphen


def test_form_fields_typed_as_bullets_lose_their_bullets():
    from extractor.read.plainforms import unbullet_fields
    text = ("Kort om insatsen\n- Projektägare: Exempelby kommun\n- Samverkanspart: Arbetsförmedlingen\n"
            "- Coacherna arbetar enligt en plan: varje vecka.\n- 12 deltagare inskrivna\n")
    lines = unbullet_fields(text).split("\n")
    assert lines[1] == "Projektägare: Exempelby kommun"
    assert lines[2] == "Samverkanspart: Arbetsförmedlingen"
    assert lines[4] == "- 12 deltagare inskrivna"  # a bullet without a label stays


def test_one_bulleted_label_alone_keeps_its_bullet():
    from extractor.read.plainforms import unbullet_fields
    text = "Läget\n- Obs: inga fler möten i vår\n- 12 deltagare inskrivna\n"
    assert unbullet_fields(text) == text


def test_bulleted_fields_are_read_as_a_form(tmp_path):
    path = tmp_path / "rapport.txt"
    path.write_text("LÄGESRAPPORT\nInsats: Påhittsteget\n\nKort om insatsen\n- Projektägare: Exempelby kommun\n"
                    "- Samverkanspart: Arbetsförmedlingen, Försäkringskassan\n- Planerat antal deltagare: 30 per år\n"
                    "\nLäget\n- 21 deltagare inskrivna\n", encoding="utf-8")
    record = run(path, ocr=False)
    assert {"name": "Arbetsförmedlingen", "role": "partner"} in record.organizations
    assert record.participants == {"count": 30, "per": "year"}
