import asyncio
from pathlib import Path
from urllib.parse import quote

import pytest
import sqlite_utils
import yaml
from conftest import ROOT

from extractor.pipeline import extract
from extractor.record import Document
from extractor.store import ensure_schema, regroup, save_record


def _db_with(path: Path, text: str, sha256: str) -> Path:
    """Write a database at `path` holding one document read from `text`, grouped as import does."""
    db = sqlite_utils.Database(path)
    ensure_schema(db)
    save_record(db, extract(Document(path="bryggan.txt", format="txt", sha256=sha256, text=text)))
    regroup(db)
    return path


def _datasette(tmp_path: Path):
    from datasette.app import Datasette

    db_path = _db_with(tmp_path / "archive.db", "Insatsens namn\nBryggan\nMålgrupp\nUnga vuxna i Motala.\n", "c" * 64)
    metadata = yaml.safe_load((ROOT / "metadata.yml").read_text(encoding="utf-8"))
    return Datasette([str(db_path)], metadata=metadata)


def _get(ds, path: str):
    async def fetch():
        return await ds.client.get(path)

    return asyncio.run(fetch())


def test_datasette_finds_an_imported_document(tmp_path):
    response = _get(_datasette(tmp_path), "/archive/documents.json?_shape=array&title=Bryggan")
    assert response.status_code == 200
    assert [row["sha256"] for row in response.json()] == ["c" * 64]


def test_datasette_full_text_search_query(tmp_path):
    response = _get(_datasette(tmp_path), "/archive/search_sections.json?_shape=array&q=målgrupp")
    assert response.status_code == 200
    assert [row["title"] for row in response.json()] == ["Bryggan"]


def test_document_page_lists_sections_with_their_values(tmp_path):
    from datasette.app import Datasette

    text = ("Insatsens namn\nBryggan\nMålgrupp\nUnga vuxna 18–29 år i Motala.\n"
            "Budget\nFrån förbundet söks 1 200 000 kr.\n")
    db_path = _db_with(tmp_path / "archive.db", text, "e" * 64)
    metadata = yaml.safe_load((ROOT / "metadata.yml").read_text(encoding="utf-8"))
    response = _get(Datasette([str(db_path)], metadata=metadata),
                    "/archive/document.json?_shape=array&sha256=" + "e" * 64)
    assert response.status_code == 200
    rows = {r["key"]: r for r in response.json()}
    assert list(rows) == ["title", "target_group", "budget"]
    assert rows["target_group"]["ages"] == "18–29"
    assert rows["budget"]["fields"] == "budget.requested_sek = 1200000"
    assert rows["budget"]["amounts_sek"] == "1200000"


@pytest.mark.parametrize("query, params", [
    ("methods_by_year", ""), ("budget_and_fte_per_owner", ""), ("age_bands_per_method", ""),
    ("search_sections", "&q=unga"), ("document", "&sha256=" + "c" * 64), ("planned_against_reported", ""),
    ("insats", "&id=" + "c" * 16),
])
def test_every_canned_query_runs(tmp_path, query, params):
    response = _get(_datasette(tmp_path), f"/archive/{query}.json?_shape=array{params}")
    assert response.status_code == 200, response.text


RICH = ("Insatsens namn\nBryggan\nProjektägare\nMotala kommun\nMålgrupp\nUnga vuxna 18–29 år.\nMetod\n"
        "Vi arbetar med motiverande samtal (MI) i alla möten med deltagarna.\nTidplan\n"
        "Insatsen pågår 1 januari 2024 – 31 december 2025.\nBudget\nFrån förbundet söks 1 200 000 kr.\n")


def _rich_db(path: Path) -> Path:
    return _db_with(path, RICH, "d" * 64)


def _charts():
    metadata = yaml.safe_load((ROOT / "metadata.yml").read_text(encoding="utf-8"))
    for slug, dashboard in metadata["plugins"]["datasette-dashboards"].items():
        for name, chart in dashboard["charts"].items():
            if "query" in chart:
                yield slug, name, chart


@pytest.mark.parametrize("slug, name, chart", list(_charts()), ids=lambda v: v if isinstance(v, str) else "")
def test_every_dashboard_chart_query_answers_with_its_fields(tmp_path, slug, name, chart):
    from datasette.app import Datasette

    from extractor.publish import metadata_for

    db_path = _rich_db(tmp_path / "archive.db")
    ds = Datasette([str(db_path)], metadata=metadata_for(str(db_path)))
    rows = _get(ds, "/archive.json?_shape=array&sql=" + quote(chart["query"])).json()
    assert rows, f"{name}: no rows"
    channels = chart["display"].get("encoding", {}).values()
    encoded = {e["field"] for c in channels for e in (c if isinstance(c, list) else [c])} or {chart["display"]["field"]}
    assert encoded <= set(rows[0]), f"{name}: the chart draws fields the query does not return"
    assert _get(ds, f"/-/dashboards/{slug}").status_code == 200


def test_dashboard_figures_come_from_the_documents(tmp_path):
    from datasette.app import Datasette

    from extractor.publish import metadata_for

    db_path = _rich_db(tmp_path / "archive.db")
    ds = Datasette([str(db_path)], metadata=metadata_for(str(db_path)))
    charts = {name: chart for _, name, chart in _charts()}

    def rows(name):
        return _get(ds, "/archive.json?_shape=array&sql=" + quote(charts[name]["query"])).json()

    assert rows("methods-over-time") == [{"year": 2024, "method": "MI", "insatser": 1,
                                          "url": "/archive/document_list?year=2024&methods__arraycontains=MI"}]
    assert rows("budget-per-owner") == [{"owner": "Motala kommun", "requested_sek": 1200000, "insatser": 1,
                                         "url": "/archive/document_list?owners__arraycontains=Motala%20kommun"}]
    assert rows("money-per-method") == [{"method": "MI", "requested_sek": 1200000, "documents": 1,
                                         "url": "/archive/document_list?methods__arraycontains=MI"}]
    ages = {r["age"]: r["insatser"] for r in rows("target-ages")}
    assert ages[18] == ages[29] == 1 and 17 not in ages and 30 not in ages


def test_target_ages_count_an_insats_once_however_its_bands_overlap(tmp_path):
    from datasette.app import Datasette

    from extractor.publish import metadata_for

    db_path = _rich_db(tmp_path / "archive.db")
    db = sqlite_utils.Database(db_path)
    db["target_groups"].insert_all([{"document_sha256": "d" * 64, "age_min": a, "age_max": b}
                                    for a, b in ((25, 40), (41, 45), (50, None), (10, 12), (70, 80))])
    regroup(db)  # as every import ends: the chart reads what regroup() counted
    ds = Datasette([str(db_path)], metadata=metadata_for(str(db_path)))
    query = {name: chart for _, name, chart in _charts()}["target-ages"]["query"]
    ages = {r["age"]: r["insatser"] for r in _get(ds, "/archive.json?_shape=array&sql=" + quote(query)).json()}
    assert ages == {n: 1 for n in [*range(18, 46), *range(50, 68)]}


def test_a_public_copy_under_another_name_keeps_its_queries_and_charts(tmp_path):
    from datasette.app import Datasette

    from extractor.publish import metadata_for, write_public_copy

    archive = _rich_db(tmp_path / "archive.db")
    public = tmp_path / "public.db"
    write_public_copy(str(archive), str(public))
    ds = Datasette([str(public)], metadata=metadata_for(str(public)))
    response = _get(ds, "/public/search_sections.json?_shape=array&q=unga")
    assert response.status_code == 200 and [r["title"] for r in response.json()] == ["Bryggan"]
    assert _get(ds, "/-/dashboards/overview").status_code == 200
    assert _get(ds, "/public/contacts.json?_shape=array").json() == []


def test_documents_facet_by_owner_and_method(tmp_path):
    from datasette.app import Datasette

    db_path = _rich_db(tmp_path / "archive.db")
    metadata = yaml.safe_load((ROOT / "metadata.yml").read_text(encoding="utf-8"))
    data = _get(Datasette([str(db_path)], metadata=metadata), "/archive/documents.json").json()
    facets = {name: {v["value"]: v["count"] for v in f["results"]} for name, f in data["facet_results"].items()}
    assert facets["owners"] == {"Motala kommun": 1}
    assert facets["methods"] == {"MI": 1}
    assert facets["year"] == {2024: 1}


def test_every_configured_facet_shows_and_none_is_suggested(tmp_path):
    from datasette.app import Datasette

    from extractor.publish import SITE_SETTINGS, metadata_for

    db_path = _rich_db(tmp_path / "archive.db")
    metadata = metadata_for(str(db_path))
    ds = Datasette([str(db_path)], metadata=metadata, settings=SITE_SETTINGS)
    for table, spec in metadata["databases"]["archive"]["tables"].items():
        configured = [f if isinstance(f, str) else next(iter(f.values())) for f in spec.get("facets", [])]
        if configured:
            data = _get(ds, f"/archive/{table}.json").json()
            assert sorted(data["facet_results"]) == sorted(configured), table
            assert data["suggested_facets"] == [], table


def test_an_older_database_gets_the_new_columns(tmp_path):
    db = sqlite_utils.Database(tmp_path / "old.db")
    db["documents"].create({"sha256": str, "title": str}, pk="sha256")
    ensure_schema(db)
    save_record(db, extract(Document(path="bryggan.txt", format="txt", sha256="d" * 64, text=RICH)))
    assert db.execute("select owners, methods from documents").fetchone() == ('["Motala kommun"]', '["MI"]')


def test_every_table_and_column_is_described_in_metadata(db):
    metadata = yaml.safe_load((ROOT / "metadata.yml").read_text(encoding="utf-8"))
    described = metadata["databases"]["archive"]["tables"]
    ensure_schema(db)
    for table in db.table_names():
        if table.startswith("sections_fts"):
            continue
        assert described.get(table, {}).get("description"), f"{table} has no description"
        missing = [c.name for c in db[table].columns if c.name not in described[table].get("columns", {})]
        assert not missing, f"{table}: columns without a description: {missing}"
    for view in db.view_names():
        assert described.get(view, {}).get("description"), f"view {view} has no description"


def test_field_evidence_links_document_values_to_their_text(tmp_path):
    db_path = _rich_db(tmp_path / "archive.db")
    db = sqlite_utils.Database(db_path)
    full_text = db.execute("select full_text from document_texts").fetchone()[0]
    rows = {r["field"]: r for r in db["field_evidence"].rows}
    assert rows["budget.requested_sek"]["value"] == "1200000"
    assert rows["budget.requested_sek"]["quote"] == "1 200 000 kr"
    assert rows["period.start"]["quote"] == "1 januari 2024" and rows["period.start"]["section"] == "period"
    for row in rows.values():
        assert full_text[row["char_start"]:row["char_end"]] == row["quote"]


def test_views_join_values_to_their_documents(tmp_path):
    db = sqlite_utils.Database(_rich_db(tmp_path / "archive.db"))
    assert [(r["organization"], r["role"], r["title"]) for r in db["organization_documents"].rows] == [
        ("Motala kommun", "owner", "Bryggan")]
    assert [(r["method"], r["year"]) for r in db["method_documents"].rows] == [("MI", 2024)]
    assert [(r["age_min"], r["age_max"]) for r in db["target_group_documents"].rows] == [(18, 29)]


def test_document_page_shows_sections_with_their_values_marked_in_the_text(tmp_path):
    from datasette.app import Datasette

    from extractor.publish import metadata_for

    db_path = _rich_db(tmp_path / "archive.db")
    ds = Datasette([str(db_path)], metadata=metadata_for(str(db_path)))
    response = _get(ds, "/-/document/archive/" + "d" * 64)
    assert response.status_code == 200
    page = response.text
    assert "<h1>Bryggan</h1>" in page
    # facts, then the sections in order with the values beside them
    assert page.index("Motala kommun") < page.index(">Målgrupp <") < page.index(">Budget <")
    # the requested sum links to its words, which are marked in the section text
    db = sqlite_utils.Database(db_path)
    start = db.execute("select char_start from field_evidence where field = 'budget.requested_sek'").fetchone()[0]
    assert f'href="#c{start}">budget.requested_sek: 1200000</a>' in page
    assert f'<mark id="c{start}" class="value-field" title="budget.requested_sek: 1200000">1 200 000 kr</mark>' in page


def test_document_page_answers_404_for_an_unknown_document(tmp_path):
    from datasette.app import Datasette

    db_path = _rich_db(tmp_path / "archive.db")
    ds = Datasette([str(db_path)])
    assert _get(ds, "/-/document/archive/" + "0" * 64).status_code == 404
    assert _get(ds, "/-/document/nodb/" + "d" * 64).status_code == 404


def test_tables_link_each_document_to_its_page(tmp_path):
    from datasette.app import Datasette

    db_path = _rich_db(tmp_path / "archive.db")
    page = _get(Datasette([str(db_path)]), "/archive/methods").text
    assert 'href="/-/document/archive/' + "d" * 64 + '"' in page


def _copies_db(path: Path) -> Path:
    """A database holding one application twice (Word original and PDF) and its final report."""
    db = sqlite_utils.Database(path)
    ensure_schema(db)
    filler = "Deltagarna får stöd i vardagen och hjälp att hitta praktikplatser hos arbetsgivare i kommunen. " * 4
    for name, sha in (("bryggan.docx", "d" * 64), ("bryggan.pdf", "e" * 64)):
        text = "Ansökan om medel för samverkansinsats\n" + RICH + filler
        save_record(db, extract(Document(path=name, format=name[-4:].strip("."), sha256=sha, text=text)))
    report = ("Slutrapport\nInsatsens namn\nBryggan\nProjektägare\nMotala kommun\nResultat\n"
              "Under insatsen deltog 48 personer.\n" + filler)
    save_record(db, extract(Document(path="slutrapport.txt", format="txt", sha256="f" * 64, text=report)))
    regroup(db)
    return path


def test_copies_count_once_in_the_charts_and_queries(tmp_path):
    from datasette.app import Datasette

    from extractor.publish import metadata_for

    db_path = _copies_db(tmp_path / "archive.db")
    ds = Datasette([str(db_path)], metadata=metadata_for(str(db_path)))
    charts = {name: chart for _, name, chart in _charts()}

    def rows(sql):
        return _get(ds, "/archive.json?_shape=array&sql=" + quote(sql)).json()

    assert rows(charts["budget-per-owner"]["query"]) == [
        {"owner": "Motala kommun", "requested_sek": 1200000, "insatser": 1,
         "url": "/archive/document_list?owners__arraycontains=Motala%20kommun"}]
    assert rows(charts["documents"]["query"]) == [{"count": 2}]
    assert rows(charts["insatser"]["query"]) == [{"count": 1}]
    assert _get(ds, "/archive/budget_and_fte_per_owner.json?_shape=array").json()[0]["requested_sek"] == 1200000


def test_insats_page_lists_its_documents_and_planned_against_reported(tmp_path):
    from datasette.app import Datasette

    from extractor.publish import metadata_for

    db_path = _copies_db(tmp_path / "archive.db")
    insats_id = sqlite_utils.Database(db_path).execute("select id from insatser").fetchone()[0]
    ds = Datasette([str(db_path)], metadata=metadata_for(str(db_path)))
    page = _get(ds, f"/-/insats/archive/{insats_id}").text
    assert "<h1>Bryggan</h1>" in page
    assert page.index(">application<") < page.index(">final_report<")
    assert "<th>Requested (SEK)</th><td>1\u00a0200\u00a0000\u00a0kr</td>" in page
    assert "Copies and older versions" in page and "bryggan.pdf" in page
    assert f'href="/-/insats/archive/{insats_id}"' in _get(ds, "/-/document/archive/" + "d" * 64).text
    assert _get(ds, "/-/insats/archive/" + "0" * 16).status_code == 404


def _rich_site(tmp_path):
    from datasette.app import Datasette

    from extractor.publish import metadata_for

    db_path = _rich_db(tmp_path / "archive.db")
    db = sqlite_utils.Database(db_path)
    db["import_errors"].insert({"path": "trasig.pdf", "sha256": "f" * 64, "reason": "not a PDF", "time": "2025"})
    return Datasette([str(db_path)], metadata=metadata_for(str(db_path))), db


def test_every_column_of_every_table_and_view_sorts_both_ways(tmp_path):
    ds, db = _rich_site(tmp_path)
    failures = []
    for name in db.table_names() + db.view_names():
        if name.startswith("sections_fts"):
            continue
        for column in [c.name for c in db[name].columns]:
            for sort in ("_sort", "_sort_desc"):
                response = _get(ds, f"/archive/{name}?{sort}={column}")
                if response.status_code != 200:
                    failures.append(f"{name} {sort}={column}: {response.status_code}")
    assert failures == []


@pytest.mark.parametrize("q, titles", [
    ("", []), ("   ", []), ("motiverande", ["Bryggan"]), ("MOTIVERANDE samtal", ["Bryggan"]),
    ("IPS-metoden", []), ("KBT/MI", []), ('"', []), ('"""', []), ("samtal (MI", ["Bryggan"]), ("NEAR(a b)", []),
    ("text:unga", []), ("a AND", []), ("*", []), ("-", []), ("unga\x00", ["Bryggan"]), ("'; drop table x", []),
])
def test_any_search_string_is_a_valid_search(tmp_path, q, titles):
    ds, _ = _rich_site(tmp_path)
    response = _get(ds, "/archive/search_sections.json?_shape=array&q=" + quote(q))
    assert response.status_code == 200, response.text
    assert [r["title"] for r in response.json()] == titles
    assert _get(ds, "/archive/search_sections?q=" + quote(q)).status_code == 200


def test_the_search_page_opens_without_an_error(tmp_path):
    ds, _ = _rich_site(tmp_path)
    response = _get(ds, "/archive/search_sections")
    assert response.status_code == 200 and "fts5" not in response.text


def test_fts_terms_quotes_each_word():
    from extractor.site import fts_terms

    assert fts_terms("IPS-metoden KBT/MI") == '"IPS-metoden" "KBT/MI"'
    assert fts_terms('säger "hej') == '"säger" """hej"'
    assert fts_terms("") == fts_terms(None) == '""'


def test_the_document_list_reads_as_a_list_of_insatser(tmp_path):
    ds, _ = _rich_site(tmp_path)
    response = _get(ds, "/archive/document_list")
    assert response.status_code == 200
    page = response.text
    sha = "d" * 64
    assert f'<a href="/-/document/archive/{sha}" title="Read the document">Bryggan</a>' in page
    assert "1\u00a0200\u00a0000\u00a0kr" in page
    assert '<ul class="cell-list"><li>Motala kommun</li></ul>' in page
    assert '<a href="/archive/method_labels/MI" title="Motivational Interviewing' in page
    assert '["Motala kommun"]' not in page and "full_text" not in page
    assert _get(ds, "/archive/document_list?methods__arraycontains=MI&owners__arraycontains=Motala%20kommun"
                ).status_code == 200


def test_the_documents_table_links_titles_and_the_texts_table_shortens_the_full_text(tmp_path):
    ds, db = _rich_site(tmp_path)
    db["document_texts"].update("d" * 64, {"full_text": "Ord " * 200})
    page = _get(ds, "/archive/documents").text
    assert f'<a href="/-/document/archive/{"d" * 64}" title="Read the document">Bryggan</a>' in page
    assert "Ord " not in page
    texts = _get(ds, "/archive/document_texts").text
    assert "Ord " * 60 in texts and "Ord " * 100 not in texts and "read the document</a>" in texts


@pytest.mark.parametrize("value, column, table, row, shown", [
    (4773000, "requested_sek", "documents", {}, "4\u00a0773\u00a0000\u00a0kr"),
    (2.5, "fte_total", "documents", {}, "2,5"),
    (0.9666, "confidence", "methods", {}, "0,97"),
    ('{"count": 60, "per": "year"}', "value", "field_evidence", {"field": "participants"}, "60 per year"),
    ("4773000", "value", "field_evidence", {"field": "budget.requested_sek"}, "4\u00a0773\u00a0000\u00a0kr"),
    ('["Region Gotland"]', "owners", "documents", {}, '<ul class="cell-list"><li>Region Gotland</li></ul>'),
    ("[]", "methods", "documents", {}, '<span class="empty-list">–</span>'),
])
def test_cells_read_the_swedish_way(tmp_path, value, column, table, row, shown):
    from extractor.site.cells import render

    ds, _ = _rich_site(tmp_path)
    assert str(asyncio.run(render(row, value, column, table, "archive", ds))) == shown


def test_a_year_is_not_formatted_as_money(tmp_path):
    from extractor.site.cells import render

    ds, _ = _rich_site(tmp_path)
    assert asyncio.run(render({}, 2024, "year", "documents", "archive", ds)) is None


def test_evidence_and_search_hits_link_to_the_words_and_the_section(tmp_path):
    ds, db = _rich_site(tmp_path)
    sha = "d" * 64
    start = db.execute("select char_start from field_evidence where field = 'budget.requested_sek'").fetchone()[0]
    page = _get(ds, "/archive/field_evidence").text
    assert f'href="/-/document/archive/{sha}#c{start}" title="Show it in the text">1 200 000 kr</a>' in page
    assert "60 per year" not in page and '{"count"' not in page
    position = db.execute("select position from sections where key = 'methods'").fetchone()[0]
    hits = _get(ds, "/archive/search_sections?q=motiverande").text
    assert f'href="/-/document/archive/{sha}#section-{position}"' in hits


def test_the_document_page_links_each_fact_to_its_words(tmp_path):
    ds, db = _rich_site(tmp_path)
    start = db.execute("select char_start from field_evidence where field = 'budget.requested_sek'").fetchone()[0]
    page = _get(ds, "/-/document/archive/" + "d" * 64).text
    assert f'<a href="#c{start}" title="Show where it was read">1\u00a0200\u00a0000\u00a0kr</a>' in page
    assert f'<mark id="c{start}"' in page


def test_an_untitled_document_is_named_by_its_file(tmp_path):
    ds, db = _rich_site(tmp_path)
    db["documents"].update("d" * 64, {"title": None})
    assert ">bryggan.txt</a>" in _get(ds, "/archive/methods").text
    assert ">bryggan.txt</a>" in _get(ds, "/archive/document_list").text


def test_an_import_error_hash_is_not_linked_to_a_missing_document(tmp_path):
    ds, _ = _rich_site(tmp_path)
    assert "/-/document/archive/" + "f" * 64 not in _get(ds, "/archive/import_errors").text


def test_the_glossary_explains_every_method_label_the_classifier_knows(tmp_path):
    from extractor.glossary import METHOD_GLOSSARY
    from extractor.methods import load_lexicon

    ds, db = _rich_site(tmp_path)
    assert set(load_lexicon()) <= set(METHOD_GLOSSARY)
    assert {r["label"] for r in db["method_labels"].rows} == set(METHOD_GLOSSARY)
    page = _get(ds, "/archive/method_labels/SOLUTION_FOCUSED").text
    assert "lösningsfokuserat" in page


def test_money_per_method_answers_without_sql(tmp_path):
    ds, _ = _rich_site(tmp_path)
    rows = _get(ds, "/archive/money_per_method.json?_shape=array").json()
    assert rows == [{"method": "MI", "name": "Motivational Interviewing (motiverande samtal)", "documents": 1,
                     "requested_sek": 1200000, "total_sek": None}]


def test_every_method_label_has_its_own_chart_colour():
    from extractor.glossary import METHOD_GLOSSARY

    metadata = yaml.safe_load((ROOT / "metadata.yml").read_text(encoding="utf-8"))
    charts = metadata["plugins"]["datasette-dashboards"]["overview"]["charts"]
    for name in ("methods-over-time", "money-per-method"):
        scale = charts[name]["display"]["encoding"]["color"]["scale"]
        assert set(scale["domain"]) == set(METHOD_GLOSSARY) and len(scale["domain"]) == len(scale["range"])
        assert len(set(c.lower() for c in scale["range"])) == len(scale["range"])


def test_the_home_page_leads_to_the_documents_and_the_dashboard(tmp_path):
    ds, _ = _rich_site(tmp_path)
    page = _get(ds, "/").text
    for link in ("/archive/document_list", "/-/dashboards/overview", "/archive/method_labels"):
        assert f'href="{link}"' in page


def test_the_database_page_counts_small_tables_and_leaves_a_huge_one_uncounted(tmp_path):
    from extractor.site.counts import BIG_TABLE_ROWS

    ds = _datasette(tmp_path)
    db = sqlite_utils.Database(tmp_path / "archive.db")
    with db.conn:  # two rows far apart: the table's rowids span more than a page may count
        for row_id in (1, BIG_TABLE_ROWS + 5):
            db.execute("insert or replace into dates (id, document_sha256, date) values (?, ?, '2020-01-01')",
                       [row_id, "c" * 64])
    counts = {t["name"]: t["count"] for t in _get(ds, "/archive.json").json()["tables"]}
    assert counts["documents"] == 1 and counts["methods"] == 0
    assert counts["dates"] is None and counts["sections_fts"] is None
    assert "Many rows" in _get(ds, "/archive").text


def test_views_name_each_document_from_their_own_rows(tmp_path):
    from datasette.app import Datasette

    ds = Datasette([str(_rich_db(tmp_path / "archive.db"))])
    for view in ("document_list", "organization_documents", "method_documents", "target_group_documents"):
        page = _get(ds, f"/archive/{view}").text
        assert 'href="/-/document/archive/' + "d" * 64 + '" title="Read the document">Bryggan</a>' in page, view
