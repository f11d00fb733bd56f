"""The research database's schema: its tables, views, indexes and full-text index, as data.

ensure_schema() creates what a database lacks (and moves an older database's columns where they
live now); store.py writes the rows, summaries.py the tables rewritten at each regroup.
"""
from __future__ import annotations

import sqlite_utils

from . import summaries
from .glossary import method_label_rows

DOC = "document_sha256"
# Table name -> (columns, primary key, foreign keys). Child rows all point at documents.sha256.
TABLES: dict[str, tuple[dict, str | tuple, list]] = {
    "documents": ({
        "sha256": str, "path": str, "file_name": str, "format": str, "pages": int, "ocr_pages": str,
        "doc_type": str, "title": str, "diarienummer": str, "year": int,
        "period_start": str, "period_end": str, "intake_end": str, "fte_total": float,
        "requested_sek": int, "own_financing_sek": int, "total_sek": int,
        "participants_count": int, "participants_per": str,
        "owners": str, "methods": str,  # JSON lists, for Datasette's array facets
        "extractor_version": str, "imported_at": str,
        # Written by regroup() after each import (group.py): copies, versions and the insats.
        "document_id": str, "copy_of": str, "version": int, "current": int, "insats_id": str,
        "replaces": str,
        # Set when an import of its folder no longer finds the file: kept, never current, in no insats.
        "missing_since": str,
    }, "sha256", []),
    # The text apart from the facts: a 30 KB text in each documents row would make every scan of
    # documents (facets, counts, joins) read the text too.
    "document_texts": ({"sha256": str, "full_text": str, "minhash": bytes}, "sha256",
                       [("sha256", "documents", "sha256")]),
    "sections": ({"id": int, DOC: str, "position": int, "key": str, "heading": str, "text": str,
                  "page": int, "char_start": int, "char_end": int}, "id", [(DOC, "documents", "sha256")]),
    "organizations": ({"id": int, "name": str}, "id", []),
    "document_organizations": ({DOC: str, "organization_id": int, "role": str},
                               (DOC, "organization_id", "role"),
                               [(DOC, "documents", "sha256"), ("organization_id", "organizations", "id")]),
    "contacts": ({"id": int, DOC: str, "name": str, "email": str, "phone": str, "organization": str,
                  "role": str}, "id", [(DOC, "documents", "sha256")]),
    "dates": ({"id": int, DOC: str, "date": str}, "id", [(DOC, "documents", "sha256")]),
    "staffing": ({"id": int, DOC: str, "role": str, "fte": float}, "id", [(DOC, "documents", "sha256")]),
    "amounts": ({"id": int, DOC: str, "sek": int}, "id", [(DOC, "documents", "sha256")]),
    "target_groups": ({"id": int, DOC: str, "age_min": int, "age_max": int}, "id",
                      [(DOC, "documents", "sha256")]),
    "methods": ({"id": int, DOC: str, "label": str, "confidence": float}, "id", [(DOC, "documents", "sha256")]),
    "method_evidence": ({"id": int, "method_id": int, DOC: str, "label": str, "text": str}, "id",
                        [(DOC, "documents", "sha256"), ("method_id", "methods", "id")]),
    # Where each document-level value (title, period, budget, participants …) was read.
    "field_evidence": ({"id": int, DOC: str, "field": str, "value": str}, "id", [(DOC, "documents", "sha256")]),
    "insatser": ({"id": str, "title": str, "owners": str, "diarienummer": str, "documents": int,
                  "roles": str, "first_year": int, "last_year": int,
                  **{f"{side}_{name}": kind for side in ("planned", "reported") for name, kind in (
                      ("period_start", str), ("period_end", str), ("requested_sek", int), ("total_sek", int),
                      ("fte_total", float), ("participants_count", int), ("methods", str))}}, "id", []),
    "insats_documents": ({"insats_id": str, DOC: str, "position": int, "role": str}, ("insats_id", DOC),
                         [("insats_id", "insatser", "id"), (DOC, "documents", "sha256")]),
    # Staff decisions that override the automatic grouping; import never touches them.
    "group_decisions": ({"id": int, "kind": str, "level": str, "a_sha256": str, "b_sha256": str, "note": str,
                         "time": str}, "id", []),
    "import_errors": ({"id": int, "path": str, "sha256": str, "reason": str, "time": str}, "id", []),
}
# Columns every extracted value carries so a figure links back to the text it was read from.
PROVENANCE = {"section": str, "char_start": int, "char_end": int, "quote": str}
WITH_PROVENANCE = {"field_evidence", "document_organizations", "contacts", "dates", "staffing", "amounts", "target_groups", "method_evidence"}
CHILD_TABLES = ["field_evidence", "method_evidence", "methods", "sections", "document_organizations", "contacts", "dates",
                "staffing", "amounts", "target_groups"]
PLANNED_AND_REPORTED = ["period_start", "period_end", "requested_sek", "total_sek", "fte_total",
                        "participants_count", "methods"]
# The common joins, as views: each extracted value beside the current document it belongs to
# (copies and older versions left out, so counting rows counts documents once).
VIEWS = {
    "method_documents": f"""
        select m.label as method, m.confidence, d.title, d.year, d.doc_type, d.insats_id, d.sha256 as {DOC}
        from methods m join documents d on d.sha256 = m.{DOC}
        where d.current = 1""",
    "target_group_documents": f"""
        select t.age_min, t.age_max, d.title, d.year, d.doc_type, t.quote, d.insats_id, d.sha256 as {DOC}
        from target_groups t join documents d on d.sha256 = t.{DOC}
        where d.current = 1""",
    # The documents as a researcher reads them: one line per current document, without the full text.
    # `+d.current`: nearly every row is current, so reading the table in order beats a look-up per
    # row through documents(current) for the facets and filters of this page.
    "document_list": """
        select coalesce(nullif(trim(d.title), ''), d.file_name) as title, d.doc_type, d.owners, d.year,
               d.requested_sek, d.total_sek, d.methods, d.file_name, d.insats_id, d.sha256
        from documents d
        where +d.current = 1""",
    # One line per insats, planned beside reported (a view, so the site shows it a page at a time).
    "planned_against_reported": f"""
        select i.id as insats, i.title, i.owners, i.roles,
               {", ".join(f"i.planned_{f}, i.reported_{f}" for f in PLANNED_AND_REPORTED)}
        from insatser i""",
}
# Indexes beyond the foreign keys': the columns the site facets on, and the joins and filters of
# the views, canned queries and charts (metadata.yml), so a page never scans 20 000 documents.
INDEXES: list[tuple[str, list[str]]] = [
    # (column, current): a facet of the current documents reads one index, not the table.
    ("documents", ["current", "year", "insats_id", "sha256"]), ("documents", ["year", "current"]),
    ("documents", ["doc_type", "current"]), ("documents", ["methods", "current"]), ("documents", ["owners", "current"]),
    ("documents", ["format"]), ("documents", ["insats_id"]), ("documents", ["document_id"]),
    ("documents", ["path"]), ("documents", ["file_name"]),
    ("methods", ["label", DOC]), ("methods", [DOC, "label"]),
    ("target_groups", [DOC, "age_min", "age_max"]), ("sections", ["key"]),
    ("method_evidence", ["label"]), ("field_evidence", ["field"]), ("contacts", ["role"]),
    ("contacts", ["organization"]), ("document_organizations", ["role"]), ("insats_documents", ["role"]),
    ("insatser", ["first_year"]), ("insatser", ["documents"]), ("group_decisions", ["kind"]),
    ("group_decisions", ["level"]),
]
# Columns that lived in documents before document_texts held them.
MOVED_TO_TEXTS = ("full_text", "minhash")
# unicode61 folds case (Å = å) but with remove_diacritics 0 keeps å, ä, ö apart from a, o.
FTS_TOKENIZE = "unicode61 remove_diacritics 0"


BUSY_TIMEOUT_MS = 60_000  # a second import waits this long for the first one's write


def ensure_schema(db: sqlite_utils.Database) -> None:
    """Create the tables, indexes and full-text index if they are not there yet.

    In one write transaction taken at once (BEGIN IMMEDIATE): two imports starting together on a new
    database take turns instead of one failing with "database is locked" or "table already exists".
    """
    db.execute("PRAGMA foreign_keys = ON")
    db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    if db.conn.in_transaction:
        _create_schema(db)
        return
    db.conn.execute("BEGIN IMMEDIATE")
    try:
        _create_schema(db)
    except BaseException:
        if db.conn.in_transaction:
            db.conn.execute("ROLLBACK")
        raise
    db.conn.execute("COMMIT")


def _create_schema(db: sqlite_utils.Database) -> None:
    for name, (columns, pk, fks) in TABLES.items():
        if name in WITH_PROVENANCE:
            columns = {**columns, **PROVENANCE}
        if not db[name].exists():
            db[name].create(columns, pk=pk, foreign_keys=fks)
        else:  # a database from an earlier version: add the columns it lacks
            have = db[name].columns_dict
            for column, kind in columns.items():
                if column not in have:
                    db[name].add_column(column, kind)
        for col, *_ in fks:
            db[name].create_index([col], if_not_exists=True)
    _move_texts_apart(db)
    db["organizations"].create_index(["name"], unique=True, if_not_exists=True)
    for table, columns in INDEXES:
        db[table].create_index(columns, if_not_exists=True)
    for name, sql in VIEWS.items():
        db.create_view(name, sql.strip(), replace=True)
    summaries.create(db)
    if not db["sections_fts"].exists():
        db["sections"].enable_fts(["heading", "text"], create_triggers=True, tokenize=FTS_TOKENIZE)
    _fill_method_labels(db)


def _move_texts_apart(db: sqlite_utils.Database) -> None:
    """Move the text and fingerprint of a database written before document_texts out of documents."""
    moved = [c for c in MOVED_TO_TEXTS if c in db["documents"].columns_dict]
    if not moved:
        return
    columns = ", ".join(moved)
    with db.atomic():
        db.execute(f"insert or replace into document_texts (sha256, {columns}) select sha256, {columns} from documents")
        for column in moved:
            db.execute(f"alter table documents drop column [{column}]")


def _fill_method_labels(db: sqlite_utils.Database) -> None:
    """Write the glossary of method labels (glossary.py) so the site can explain every label."""
    db["method_labels"].upsert_all(method_label_rows(), pk="label", alter=True)
