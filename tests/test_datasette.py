import asyncio
from pathlib import Path

import pytest
import sqlite_utils
import yaml
from conftest import ROOT

from extractor.pipeline import extract
from extractor.record import Document
from extractor.store import ensure_schema, save_record


def _datasette(tmp_path: Path):
    from datasette.app import Datasette

    db_path = tmp_path / "archive.db"
    db = sqlite_utils.Database(db_path)
    ensure_schema(db)
    text = "Insatsens namn\nBryggan\nMålgrupp\nUnga vuxna i Motala.\n"
    save_record(db, extract(Document(path="bryggan.txt", format="txt", sha256="c" * 64, text=text)))
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

    db_path = tmp_path / "archive.db"
    db = sqlite_utils.Database(db_path)
    ensure_schema(db)
    text = ("Insatsens namn\nBryggan\nMålgrupp\nUnga vuxna 18–29 år i Motala.\n"
            "Budget\nFrån förbundet söks 1 200 000 kr.\n")
    save_record(db, extract(Document(path="bryggan.txt", format="txt", sha256="e" * 64, text=text)))
    metadata = yaml.safe_load((ROOT / "metadata.yml").read_text(encoding="utf-8"))
    response = _get(Datasette([str(db_path)], metadata=metadata),
                    "/archive/document.json?_shape=array&sha256=" + "e" * 64)
    assert response.status_code == 200
    rows = {r["key"]: r for r in response.json()}
    assert list(rows) == ["title", "target_group", "budget"]
    assert rows["target_group"]["ages"] == "18–29"
    assert rows["budget"]["amounts_sek"] == "1200000"


@pytest.mark.parametrize("query, params", [
    ("methods_by_year", ""), ("budget_and_fte_per_owner", ""), ("age_bands_per_method", ""),
    ("search_sections", "&q=unga"), ("document", "&sha256=" + "c" * 64),
])
def test_every_canned_query_runs(tmp_path, query, params):
    response = _get(_datasette(tmp_path), f"/archive/{query}.json?_shape=array{params}")
    assert response.status_code == 200, response.text
