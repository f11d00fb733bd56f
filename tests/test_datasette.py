import asyncio
from pathlib import Path

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
