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
    encoded = {e["field"] for e in chart["display"].get("encoding", {}).values()} or {chart["display"]["field"]}
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

    assert rows("methods-over-time") == [{"year": 2024, "method": "MI", "insatser": 1}]
    assert rows("budget-per-owner") == [{"owner": "Motala kommun", "requested_sek": 1200000, "insatser": 1}]
    ages = {r["age"]: r["insatser"] for r in rows("target-ages")}
    assert ages[18] == ages[29] == 1 and 17 not in ages and 30 not in ages


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
    full_text = db.execute("select full_text from documents").fetchone()[0]
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
        {"owner": "Motala kommun", "requested_sek": 1200000, "insatser": 1}]
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
    assert "<th>Requested (SEK)</th><td>1\u00a0200\u00a0000</td>" in page
    assert "Copies and older versions" in page and "bryggan.pdf" in page
    assert f'href="/-/insats/archive/{insats_id}"' in _get(ds, "/-/document/archive/" + "d" * 64).text
    assert _get(ds, "/-/insats/archive/" + "0" * 16).status_code == 404
