"""A web page's table whose cells lost their separators: labels run into their values (invented page)."""
from extractor.pipeline import run
from extractor.read.labels import unglue_labels

PAGE = """Projektbanken
Projektnamn
Exempelspåret
ProjektägareExempelby kommun
KontaktpersonAnna Exempelsson
E-postanna.exempelsson@exempelby.se
Total projektbudget1 250 000 kr
Projektperiod2023-01-01 till 2024-06-30
"""


def test_labels_get_a_tab_before_their_value():
    assert unglue_labels("ProjektägareExempelby kommun\nProjektperiod2023-01-01") == (
        "Projektägare\tExempelby kommun\nProjektperiod\t2023-01-01")
    assert unglue_labels("E-postanna.exempelsson@exempelby.se") == "E-post\tanna.exempelsson@exempelby.se"
    # words that only start like a label are left alone
    assert unglue_labels("Målgruppen är unga.\nRegionförbundet beslutar.") == "Målgruppen är unga.\nRegionförbundet beslutar."


def test_a_page_with_glued_labels_reads_like_a_form(tmp_path):
    path = tmp_path / "projektbanken.txt"
    path.write_text(PAGE, encoding="utf-8")
    record = run(str(path))
    assert {"name": "Exempelby kommun", "role": "owner"} in record.organizations
    assert [c["email"] for c in record.contacts] == ["anna.exempelsson@exempelby.se"]
    assert record.period["start"] == "2023-01-01" and record.period["end"] == "2024-06-30"
    assert 1250000 in record.amounts


def test_a_web_pages_row_of_labels_over_its_values(tmp_path):
    from extractor.read.html import read_html
    from extractor.read.labels import pair_label_lines

    assert pair_label_lines("Startdatum\tSlutdatum\n2026-01-12\t2027-12-17\nText.") == (
        "Startdatum\t2026-01-12\nSlutdatum\t2027-12-17\nText.")
    assert pair_label_lines("Post\t2026\nPersonal\t400 000") == "Post\t2026\nPersonal\t400 000"  # no form labels
    page = ("<h1>Ansökan</h1><table><tr><th>Insatsens namn</th><th>Insatsägare</th></tr>"
            "<tr><td>Påhittsteget</td><td>Exempelby kommun</td></tr></table><h2>Målgrupp</h2><p>Unga.</p>")
    text = read_html(tmp_path / "a.html", page, "x").text
    assert "Insatsens namn\tPåhittsteget\nInsatsägare\tExempelby kommun" in text
