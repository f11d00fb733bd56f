"""SQLite with sqlite-utils: each record stored in one transaction, and the grouping rewritten after an import.

The tables, views and indexes are schema.py's.
"""
from __future__ import annotations

import datetime as dt
import json

import sqlite_utils

from . import group, summaries
from .errors import UnknownFile
from .record import Record
from .schema import CHILD_TABLES, DOC, PROVENANCE, ensure_schema  # noqa: F401  (ensure_schema: store's API)


def stored_version(db: sqlite_utils.Database, sha256: str) -> str | None:
    """Return the extractor version a document was stored with, or None if it is not stored."""
    rows = list(db.query("select extractor_version from documents where sha256 = ?", [sha256]))
    return rows[0]["extractor_version"] if rows else None


def stored_file(db: sqlite_utils.Database, sha256: str) -> dict | None:
    """Return the stored document's extractor_version, path and missing_since, or None if it is not stored."""
    rows = list(db.query("select extractor_version, path, missing_since from documents where sha256 = ?", [sha256]))
    return rows[0] if rows else None


def found_at(db: sqlite_utils.Database, sha256: str, path: str) -> None:
    """Record that a stored file is (again) at `path`: a moved or renamed file keeps its rows."""
    with db.atomic():
        db.execute("update documents set path = ?, file_name = ?, missing_since = null where sha256 = ?",
                   [path, path.replace("\\", "/").rsplit("/", 1)[-1], sha256])


def mark_missing(db: sqlite_utils.Database, shas: list[str]) -> None:
    """Mark stored files an import no longer finds; regroup() then leaves them out of what is current."""
    now = dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")
    with db.atomic():
        db.conn.executemany("update documents set missing_since = ? where sha256 = ?", [(now, s) for s in shas])


def _document_row(record: Record, imported_at: str) -> dict:
    src, period, budget = record.source, record.period, record.budget
    participants = record.participants or {}
    year = (period.get("start") or "")[:4] or next((d[:4] for d in record.dates), None)
    return {
        "sha256": src["sha256"], "path": src["path"], "file_name": src["path"].replace("\\", "/").rsplit("/", 1)[-1],
        "format": src["format"], "pages": src.get("pages"), "ocr_pages": json.dumps(src.get("ocr_pages") or []),
        "doc_type": record.doc_type, "title": record.title, "diarienummer": record.diarienummer,
        "year": int(year) if year else None,
        "period_start": period.get("start"), "period_end": period.get("end"), "intake_end": period.get("intake_end"),
        "fte_total": record.fte_total, "requested_sek": budget.get("requested_sek"),
        "own_financing_sek": budget.get("own_financing_sek"), "total_sek": budget.get("total_sek"),
        "participants_count": participants.get("count"), "participants_per": participants.get("per"),
        "owners": json.dumps([o["name"] for o in record.organizations if o["role"] == "owner"], ensure_ascii=False),
        "methods": json.dumps([m["label"] for m in record.methods]),
        "extractor_version": record.extractor_version, "imported_at": imported_at,
    }


def _provenance(record: Record, field: str, value) -> dict:
    """Return where a value was read (section, offsets, quote) from the record's evidence."""
    for ev in record.evidence.get(field, []):
        if ev.get("value") == value:
            return {k: ev.get(k) for k in PROVENANCE}
    return {}


def _child_rows(record: Record) -> dict[str, list[dict]]:
    sha = record.source["sha256"]
    rows: dict[str, list[dict]] = {
        "sections": [{DOC: sha, "position": i, "key": s.key, "heading": s.heading, "text": s.text,
                      "page": s.page, "char_start": s.char_start, "char_end": s.char_end}
                     for i, s in enumerate(record.sections)],
        "contacts": [{DOC: sha, **{k: c.get(k) for k in ("name", "email", "phone", "organization", "role")},
                      **_provenance(record, "contacts", c.get("email") or c.get("name"))} for c in record.contacts],
        "dates": [{DOC: sha, "date": d, **_provenance(record, "dates", d)} for d in record.dates],
        "staffing": [{DOC: sha, "role": s["role"], "fte": s["fte"], **_provenance(record, "staffing", s["role"])}
                     for s in record.staffing],
        "amounts": [{DOC: sha, "sek": a, **_provenance(record, "amounts", a)} for a in record.amounts],
        "target_groups": [{DOC: sha, "age_min": t.get("age_min"), "age_max": t.get("age_max"),
                           **_provenance(record, "target_groups", (t.get("age_min"), t.get("age_max")))}
                          for t in record.target_groups],
        "field_evidence": [{DOC: sha, "field": ev["field"], "value": _as_text(ev["value"]),
                            **{k: ev.get(k) for k in PROVENANCE}} for ev in record.evidence.get("fields", [])],
    }
    return rows


def _as_text(value) -> str:
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


def _insert_rows(db: sqlite_utils.Database, table: str, rows: list[dict]) -> None:
    """Insert rows into a table of the schema in one statement (plain SQL: sqlite-utils' insert_all
    reads the table's columns again for each call, the larger part of storing a record)."""
    if not rows:
        return
    columns = list(dict.fromkeys(key for row in rows for key in row))
    sql = (f"insert into [{table}] ({', '.join(f'[{c}]' for c in columns)}) "
           f"values ({', '.join('?' for _ in columns)})")
    db.conn.executemany(sql, [[_sql_value(row.get(c)) for c in columns] for row in rows])


def _sql_value(value):
    return json.dumps(value, ensure_ascii=False) if isinstance(value, (list, dict, tuple)) else value


def save_record(db: sqlite_utils.Database, record: Record, imported_at: str | None = None) -> None:
    """Store one record in one transaction: a re-import replaces the document's rows whole, and the
    file's earlier import errors are forgotten (it has now been read)."""
    imported_at = imported_at or dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")
    sha = record.source["sha256"]
    row = {**_document_row(record, imported_at), "missing_since": None}
    # an import's worker computed the signature already (bulk.extract_all's fingerprint)
    minhash = record.minhash if "minhash" in vars(record) else group.signature(record.text)
    text = {"sha256": sha, "full_text": record.text, "minhash": minhash}
    with db.atomic():
        for table in CHILD_TABLES:
            db.execute(f"delete from [{table}] where {DOC} = ?", [sha])
        db.execute("delete from import_errors where path = ?", [row["path"]])
        before = db.execute("select sha256 from documents where path = ? and sha256 != ? order by imported_at desc "
                            "limit 1", [row["path"], sha]).fetchone()
        if before:  # an edited file at a known path: a new version of that document
            row["replaces"] = before[0]
        db["documents"].upsert(row, pk="sha256")
        db["document_texts"].upsert(text, pk="sha256")
        # A new file counts as its own current document until regroup() says otherwise.
        db.execute("update documents set current = 1, version = 1, document_id = sha256, "
                   "insats_id = substr(sha256, 1, 16) where sha256 = ? and current is null", [sha])
        for table, rows in _child_rows(record).items():
            _insert_rows(db, table, rows)
        for org in record.organizations:
            # plain SQL: sqlite-utils' insert(ignore=True) fails on a row it ignores
            db.execute("insert or ignore into organizations (name) values (?)", [org["name"]])
            org_id = db.execute("select id from organizations where name = ?", [org["name"]]).fetchone()[0]
            where = _provenance(record, "organizations", (org["name"], org["role"]))
            db.execute(f"insert or ignore into document_organizations ({DOC}, organization_id, role, section, "
                       "char_start, char_end, quote) values (?, ?, ?, ?, ?, ?, ?)",
                       [sha, org_id, org["role"], *(where.get(k) for k in PROVENANCE)])
        for method in record.methods:
            method_id = db.execute(f"insert into methods ({DOC}, label, confidence) values (?, ?, ?)",
                                   [sha, method["label"], method.get("confidence")]).lastrowid
            _insert_rows(db, "method_evidence", [{
                "method_id": method_id, DOC: sha, "label": method["label"], "text": ev.get("text"),
                "section": ev.get("section"), "char_start": ev.get("char_start"),
                "char_end": ev.get("char_end"), "quote": ev.get("text")} for ev in method.get("evidence") or []])


def record_error(db: sqlite_utils.Database, path: str, reason: str, sha256: str | None = None) -> None:
    """Store an import failure so the archive's problem files can be listed later; a re-run's
    failure replaces the file's earlier one rather than adding a row."""
    now = dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")
    with db.atomic():
        db.execute("delete from import_errors where path = ?", [path])
        db["import_errors"].insert({"path": path, "sha256": sha256, "reason": reason, "time": now}, pk="id")


def _grouping_docs(db: sqlite_utils.Database) -> list[group.Doc]:
    """Return every stored file as group.Doc; files stored before fingerprints get one now."""
    orgs: dict[str, list[str]] = {}
    for sha, name in db.execute(f"select dor.{DOC}, o.name from document_organizations dor "
                                "join organizations o on o.id = dor.organization_id"):
        orgs.setdefault(sha, []).append(name)
    # The latest date written apart from the planned period: a signature or report date, which
    # orders the versions of a resubmitted application.
    latest = dict(db.execute(f"select t.{DOC}, max(t.date) from dates t join documents d on d.sha256 = t.{DOC} "
                             "where t.date not in (coalesce(d.period_start, ''), coalesce(d.period_end, ''), "
                             f"coalesce(d.intake_end, '')) group by t.{DOC}").fetchall())
    docs = []
    for r in db.query("select d.sha256, path, format, doc_type, title, diarienummer, owners, requested_sek, total_sek, "
                      "period_start, period_end, fte_total, participants_count, methods, year, imported_at, "
                      "replaces, ocr_pages, substr(t.full_text, 1, 1500) as head, t.minhash, "
                      "t.minhash is null and t.full_text is not null as unsigned "
                      "from documents d left join document_texts t on t.sha256 = d.sha256 where d.missing_since is null"):
        if r["unsigned"]:
            text = db.execute("select full_text from document_texts where sha256 = ?", [r["sha256"]]).fetchone()[0]
            r["minhash"] = group.signature(text)
            db.execute("update document_texts set minhash = ? where sha256 = ?", [r["minhash"], r["sha256"]])
        docs.append(group.Doc(
            sha256=r["sha256"], path=r["path"] or "", format=r["format"] or "", doc_type=r["doc_type"],
            title=r["title"], diarienummer=r["diarienummer"], owners=tuple(json.loads(r["owners"] or "[]")),
            organizations=tuple(orgs.get(r["sha256"], ())), requested_sek=r["requested_sek"],
            total_sek=r["total_sek"], period_start=r["period_start"], period_end=r["period_end"],
            fte_total=r["fte_total"], participants_count=r["participants_count"],
            methods=tuple(json.loads(r["methods"] or "[]")), year=r["year"], imported_at=r["imported_at"] or "",
            replaces=r["replaces"], latest_date=latest.get(r["sha256"]), head=r["head"] or "",
            scanned=r["ocr_pages"] not in (None, "", "[]"), signature=r["minhash"]))
    return docs


def _insats_row(insats: group.Insats, years: list[int]) -> dict:
    row = {"id": insats.id, "title": insats.title, "owners": json.dumps(insats.owners, ensure_ascii=False),
           "diarienummer": insats.diarienummer, "documents": len(insats.documents),
           "roles": json.dumps([r for _, r in insats.documents]),
           "first_year": min(years, default=None), "last_year": max(years, default=None)}
    for side, figures in (("planned", insats.planned), ("reported", insats.reported)):
        for name, value in figures.items():
            row[f"{side}_{name}"] = json.dumps(value) if isinstance(value, list) else value
    return row


def regroup(db: sqlite_utils.Database) -> group.Grouping:
    """Re-run the grouping over every stored file and rewrite documents' places, insatser and their links."""
    ensure_schema(db)
    with db.atomic():
        docs = _grouping_docs(db)
        present = {d.sha256 for d in docs}
        decisions = [group.Decision(r["kind"], r["level"], r["a_sha256"], r["b_sha256"])
                     for r in db.query("select * from group_decisions order by id")
                     if r["a_sha256"] in present and r["b_sha256"] in present]
        result = group.group_documents(docs, decisions)
        years = {d.sha256: d.year for d in docs}
        db.execute("delete from insats_documents")
        db.execute("delete from insatser")
        db["insatser"].insert_all([_insats_row(i, [years[s] for s, _ in i.documents if years[s]])
                                   for i in result.insatser], pk="id")
        db["insats_documents"].insert_all([{"insats_id": i.id, DOC: sha, "position": n, "role": role}
                                           for i in result.insatser for n, (sha, role) in enumerate(i.documents)])
        db.conn.executemany("update documents set document_id = ?, copy_of = ?, version = ?, current = ?, insats_id = ? "
                       "where sha256 = ?", [(p.document_id, p.copy_of, p.version, int(p.current),
                                             result.insats_of[sha], sha) for sha, p in result.placements.items()])
        db.execute("update documents set current = 0, copy_of = null, insats_id = null where missing_since is not null")
        summaries.refresh(db)
    # Row estimates for the query planner: without them it may read documents(current), which
    # holds nearly every row, where one sha256 is wanted. Sampled, so it takes a second at most.
    db.execute("PRAGMA analysis_limit = 1000")
    db.execute("ANALYZE")
    return result


def add_decision(db: sqlite_utils.Database, kind: str, level: str, a: str, b: str, note: str | None = None) -> None:
    """Record a staff decision (link or unlink two files) that every later grouping obeys."""
    ensure_schema(db)
    now = dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")
    with db.atomic():
        pair = sorted((a, b))
        db.execute("delete from group_decisions where level = ? and a_sha256 = ? and b_sha256 = ?", [level, *pair])
        db["group_decisions"].insert({"kind": kind, "level": level, "a_sha256": pair[0], "b_sha256": pair[1],
                                      "note": note, "time": now}, pk="id")


def find_file(db: sqlite_utils.Database, ref: str) -> list[str]:
    """Return the sha256 of the stored files a reference names: a sha256 prefix, a path or a file name."""
    rows = db.execute("select sha256 from documents where sha256 like ? or path = ? or file_name = ?",
                      [ref.lower() + "%" if len(ref) >= 6 else "", ref, ref]).fetchall()
    return sorted({r[0] for r in rows})


def decide(db: sqlite_utils.Database, kind: str, level: str, first: str, second: str,
           note: str | None = None) -> tuple[str, str]:
    """Record that two stored files go together ("link") or apart ("unlink"), regroup, and return their insatser.

    Raises:
        UnknownFile: a reference names no stored file, or several.
    """
    ensure_schema(db)
    shas = []
    for ref in (first, second):
        found = find_file(db, ref)
        if len(found) != 1:
            what = "no stored file" if not found else f"{len(found)} stored files"
            raise UnknownFile(f"{ref}: names {what}; give a path, a file name or a sha256 prefix of six or more")
        shas.append(found[0])
    add_decision(db, kind, level, shas[0], shas[1], note)
    result = regroup(db)
    return result.insats_of[shas[0]], result.insats_of[shas[1]]
