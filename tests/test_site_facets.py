import asyncio

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
