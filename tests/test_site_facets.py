import asyncio
import json

import sqlite_utils

from extractor.publish import SITE_SETTINGS


def _facet(path, rows, query=""):
    from datasette.app import Datasette

    db = sqlite_utils.Database(path)
    db["documents"].insert_all(rows, pk="sha256")
    metadata = {"databases": {"archive": {"tables": {"documents": {"facets": [{"list": "owners"}]}}}}}
    ds = Datasette([str(path)], metadata=metadata, settings=SITE_SETTINGS)
    data = asyncio.run(ds.client.get("/archive/documents.json" + query)).json()
    return data["facet_results"]["owners"]


def test_list_facet_counts_each_row_once_per_item(tmp_path):
    rows = [{"sha256": "a", "owners": '["Motala kommun", "Region Östergötland", "Motala kommun"]'},
            {"sha256": "b", "owners": '["Motala kommun"]'}, {"sha256": "c", "owners": "[]"},
            {"sha256": "d", "owners": None}, {"sha256": "e", "owners": "inte en lista"}]
    facet = _facet(tmp_path / "archive.db", rows)
    assert [(v["value"], v["count"]) for v in facet["results"]] == [("Motala kommun", 2), ("Region Östergötland", 1)]
    assert facet["results"][1]["toggle_url"].endswith("?owners__arraycontains=Region+%C3%96sterg%C3%B6tland")


def test_list_facet_follows_the_filter_and_marks_the_chosen_item(tmp_path):
    rows = [{"sha256": "a", "owners": '["Motala kommun", "Region Östergötland"]'},
            {"sha256": "b", "owners": '["Motala kommun"]'}]
    facet = _facet(tmp_path / "archive.db", rows, "?owners__arraycontains=Region+%C3%96sterg%C3%B6tland")
    assert [(v["value"], v["count"], v["selected"]) for v in facet["results"]] == [
        ("Motala kommun", 1, False), ("Region Östergötland", 1, True)]


def test_list_facet_counts_rows_that_share_a_list_once_each(tmp_path):
    rows = [{"sha256": "a", "owners": '["Motala kommun", "Region Östergötland", "Motala kommun"]'},
            {"sha256": "b", "owners": '["Motala kommun", "Region Östergötland", "Motala kommun"]'},
            {"sha256": "c", "owners": '["Region Östergötland"]'}]
    facet = _facet(tmp_path / "archive.db", rows)
    assert [(v["value"], v["count"]) for v in facet["results"]] == [("Region Östergötland", 3), ("Motala kommun", 2)]


def _imported(tmp_path, texts: dict[str, str]):
    from datasette.app import Datasette

    from extractor.pipeline import extract
    from extractor.record import Document
    from extractor.store import ensure_schema, regroup, save_record

    path = tmp_path / "archive.db"
    db = sqlite_utils.Database(path)
    ensure_schema(db)
    for sha, text in texts.items():
        save_record(db, extract(Document(path=f"{sha[:4]}.txt", format="txt", sha256=sha, text=text)))
    regroup(db)
    return db, Datasette([str(path)], settings=SITE_SETTINGS)


LIST_TEXTS = {
    "a" * 64: "Insatsens namn\nBryggan\nProjektägare\nMotala kommun\nMetod\nVi arbetar med motiverande samtal (MI).\n",
    "b" * 64: "Insatsens namn\nTrappan\nProjektägare\nVadstena kommun\nMetod\nVi arbetar med Supported Employment.\n",
}


def test_a_list_filter_reads_the_methods_and_owners_tables_and_finds_the_same_documents(tmp_path):
    db, ds = _imported(tmp_path, LIST_TEXTS)
    assert [json.loads(r["methods"]) for r in db["documents"].rows] == [["MI"], ["SE"]]

    def titles(query):
        data = asyncio.run(ds.client.get("/archive/document_list.json?_shape=objects&" + query)).json()
        return sorted(r["title"] for r in data["rows"]), data["query"]["sql"]

    found, sql = titles("methods__arraycontains=MI")
    assert found == ["Bryggan"] and "sha256 in (select document_sha256 from methods where label" in sql
    found, sql = titles("owners__arraycontains=Vadstena+kommun")
    assert found == ["Trappan"] and "document_organizations" in sql
    assert titles("owners__arraycontains=Vadstena+kommun&methods__arraycontains=MI")[0] == []
    # insatser's rows are no documents: Datasette's own filter alone, with the same answer
    data = asyncio.run(ds.client.get("/archive/insatser.json?_shape=objects&owners__arraycontains=Motala+kommun")).json()
    assert [r["title"] for r in data["rows"]] == ["Bryggan"] and "sha256 in" not in data["query"]["sql"]
