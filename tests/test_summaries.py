"""Summary tables (summaries.py): written at each regroup, and taking the place of an older view."""
import asyncio

import sqlite_utils

from extractor.pipeline import extract
from extractor.record import Document
from extractor.store import ensure_schema, regroup, save_record

BRYGGAN = "Insatsens namn\nBryggan\nProjektägare\nMotala kommun\nSamverkanspart\nRegion Östergötland\n"
TRAPPAN = "Insatsens namn\nTrappan\nProjektägare\nVadstena kommun\n"


def _save(db, sha: str, text: str) -> None:
    save_record(db, extract(Document(path=f"{sha[:4]}.txt", format="txt", sha256=sha, text=text)))


def test_organization_documents_is_rewritten_at_each_regroup(tmp_path):
    db = sqlite_utils.Database(tmp_path / "archive.db")
    ensure_schema(db)
    _save(db, "a" * 64, BRYGGAN)
    regroup(db)
    rows = lambda: sorted((r["organization"], r["role"], r["title"]) for r in db["organization_documents"].rows)  # noqa: E731
    assert rows() == [("Motala kommun", "owner", "Bryggan"), ("Region Östergötland", "partner", "Bryggan")]
    _save(db, "b" * 64, TRAPPAN)
    regroup(db)
    assert ("Vadstena kommun", "owner", "Trappan") in rows() and len(rows()) == 3
    db.execute("update documents set missing_since = '2026-01-01' where sha256 = ?", ["a" * 64])
    regroup(db)  # a file gone from its folder is no current document
    assert rows() == [("Vadstena kommun", "owner", "Trappan")]
    assert "organization_documents" in db.table_names() and "organization_documents" not in db.view_names()


def test_a_database_with_the_old_view_gets_the_table(tmp_path):
    db = sqlite_utils.Database(tmp_path / "archive.db")
    ensure_schema(db)
    _save(db, "a" * 64, BRYGGAN)
    db.execute("drop table organization_documents")
    db.create_view("organization_documents", "select 1 as organization")
    regroup(db)  # ensure_schema() first, as every import does
    assert "organization_documents" not in db.view_names()
    assert {r["organization"] for r in db["organization_documents"].rows} == {"Motala kommun", "Region Östergötland"}


def test_a_query_row_names_its_document_by_the_title_beside_it(tmp_path):
    from datasette.app import Datasette

    db = sqlite_utils.Database(tmp_path / "archive.db")
    ensure_schema(db)
    _save(db, "a" * 64, BRYGGAN)
    regroup(db)
    ds = Datasette([str(tmp_path / "archive.db")])
    sql = "select 'Bron över ån' as title, document_sha256 from organization_documents limit 1"
    page = asyncio.run(ds.client.get("/archive", params={"sql": sql})).text
    assert 'title="Read the document">Bron över ån</a>' in page


def test_method_summaries_count_current_documents_once(tmp_path):
    text = ("Insatsens namn\nBryggan\nMålgrupp\nUnga vuxna 18–29 år i Motala.\nMetod\n"
            "Vi arbetar med motiverande samtal (MI).\nBudget\nVi söker 400 000 kr från förbundet.\n")
    db = sqlite_utils.Database(tmp_path / "archive.db")
    ensure_schema(db)
    _save(db, "a" * 64, text)
    _save(db, "b" * 64, text.replace("Bryggan", "Trappan").replace("18–29", "20–25"))
    regroup(db)
    assert [(r["label"], r["age_min"], r["age_max"], r["insatser"]) for r in db["method_age_bands"].rows] == [
        ("MI", 18, 29, 1), ("MI", 20, 25, 1)]
    money = list(db["method_money"].rows)
    assert [(r["method"], r["documents"], r["requested_sek"]) for r in money] == [("MI", 2, 800_000)]
    assert [(r["label"], r["insatser"]) for r in db["method_years"].rows] == [("MI", 2)]
    ages = {r["age"]: r["insatser"] for r in db["target_ages"].rows}
    assert ages[19] == 1 and ages[22] == 2 and ages[29] == 1 and 30 not in ages
