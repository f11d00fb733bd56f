"""The database pass of a public copy: mask personal data in every text column of every table,
move the offsets that point into section text, and rebuild every full-text index from what is
left, so no index (nor its shadow tables) keeps a token of a deleted or masked word.

The rules for what is personal are in privacy.py.
"""
from __future__ import annotations

import re
from bisect import bisect_right

import sqlite_utils

from .extract.gazetteer import surfaces
from .privacy import Scrubber, clean_name, find_person_names, fold

# Columns that hold keys, codes and labels, never free text: left as they are.
KEY_COLUMNS = {"id", "sha256", "key", "section", "field", "label", "format", "doc_type", "level", "kind", "role",
               "copy_of", "replaces", "minhash", "ocr_pages", "imported_at", "time", "extractor_version",
               "participants_per", "date", "period_start", "period_end", "intake_end"}
COUNT_LABELS = {"name": "names", "email": "e-mails", "phone": "phone numbers", "personnummer": "personnummer"}
OFFSET_COLUMNS = ("char_start", "char_end")
VIRTUAL_RE = re.compile(r"^\s*create\s+virtual\s+table", re.I)
CONTENT_RE = re.compile(r"content\s*=\s*['\"\[]?([^'\"\],)\s]*)", re.I)
WORD_RE = re.compile(r"\b[a-zåäöéü]{5,}\b")
# Addresses spell names in lower case: no evidence that a surname is a common word.
ADDRESS_RE = re.compile(r"\S+\s?(?:@|&\s?\w|\(at\))\S*|(?:https?://|www\.)\S+")


def scrub_database(db: sqlite_utils.Database, counts: dict[str, int]) -> None:
    """Mask names, e-mails, phone numbers and personnummer in every text of db, in place; add
    what was masked to counts. Call before VACUUM."""
    indexes = _drop_full_text_indexes(db)
    tables = _text_tables(db, {name for name, *_ in indexes})
    scrubber = _scrubber(db, tables)
    edits: dict[str, list[tuple[int, int, int]]] = {}
    changed = 0
    for table, columns in tables.items():
        changed += _scrub_table(db, table, columns, scrubber, edits)
    _move_offsets(db, edits)
    for name, sql, triggers, rows in indexes:
        _rebuild_index(db, name, sql, triggers, rows, scrubber)
    counts.update({f"{COUNT_LABELS[kind]} masked": n for kind, n in scrubber.counts.items()})
    counts["texts changed"] = changed
    counts["full-text indexes rebuilt"] = len(indexes)


def _text_tables(db: sqlite_utils.Database, virtual: set[str]) -> dict[str, list[str]]:
    """Return {table: its free-text columns} for every ordinary table (not an index's own tables)."""
    out = {}
    for table in db.table_names():
        if table.startswith("sqlite_") or table in virtual or any(table.startswith(v + "_") for v in virtual):
            continue
        columns = [c.name for c in db[table].columns if c.type in ("TEXT", "", "BLOB") and not _is_key(c.name)]
        if columns:
            out[table] = columns
    return out


def _is_key(column: str) -> bool:
    return column in KEY_COLUMNS or column.endswith(("_sha256", "_id", "_sek")) or column in OFFSET_COLUMNS


def _scrubber(db: sqlite_utils.Database, tables: dict[str, list[str]]) -> Scrubber:
    """Return a Scrubber that knows every person the archive names: its contacts, and the people
    any of its texts names with a role, a title or an address."""
    org_words = {w.lower() for s in surfaces() for w in s.split()}
    if "organizations" in tables:
        org_words |= {w.lower() for (name,) in db.execute("select name from organizations") for w in str(name).split()}
    org_words = frozenset(org_words | {fold(w) for w in org_words})
    names, common = set(), set()
    if db["contacts"].exists():
        names |= {clean_name(n, org_words) for (n,) in db.execute("select name from contacts where name is not null")}
        names.discard(None)
    for table, columns in tables.items():
        for row in db.execute(f"select {', '.join(f'[{c}]' for c in columns)} from [{table}]"):
            for value in row:
                if isinstance(value, str) and value:
                    names |= find_person_names(value, org_words)
                    common.update(fold(w) for w in WORD_RE.findall(ADDRESS_RE.sub(" ", value)))
    return Scrubber(names, org_words=org_words, common_words=frozenset(common))


def _scrub_table(db, table: str, columns: list[str], scrubber: Scrubber, edits: dict) -> int:
    """Scrub one table's text columns; keep the edits made to sections' text by document."""
    changed = 0
    section_edits = table == "sections" and {"document_sha256", "char_start", "text"} <= set(db[table].columns_dict)
    extra = ", document_sha256, char_start" if section_edits else ""
    updates = []
    for row in db.execute(f"select rowid, {', '.join(f'[{c}]' for c in columns)}{extra} from [{table}]").fetchall():
        values = dict(zip(columns, row[1:1 + len(columns)]))
        new = {}
        for column, value in values.items():
            if isinstance(value, str) and value:
                text, made = scrubber.scrub(value)
                if made:
                    new[column] = text
                    if section_edits and column == "text" and row[-1] is not None:
                        edits.setdefault(row[-2], []).extend(
                            (row[-1] + s, row[-1] + e, len(mask)) for s, e, mask in made)
        if new:
            changed += len(new)
            updates.append((new, row[0]))
    for new, rowid in updates:
        db.execute(f"update [{table}] set {', '.join(f'[{c}] = ?' for c in new)} where rowid = ?",
                   [*new.values(), rowid])
    return changed


def _move_offsets(db: sqlite_utils.Database, edits: dict[str, list[tuple[int, int, int]]]) -> None:
    """Move every char_start/char_end into a document's text by the length the masks changed before it,
    so the document page still marks the words each value was read from."""
    if not edits:
        return
    tables = [t for t in db.table_names()
              if {"document_sha256", *OFFSET_COLUMNS} <= set(db[t].columns_dict)]
    for sha, made in edits.items():
        made.sort()
        starts = [s for s, _, _ in made]
        shifts, total = [], 0
        for s, e, n in made:
            total += n - (e - s)
            shifts.append(total)

        def moved(pos, end: bool, made=made, starts=starts, shifts=shifts):
            if pos is None:
                return None
            i = bisect_right(starts, pos - (1 if end else 0)) - 1
            if i < 0:
                return pos
            s, e, n = made[i]
            before = shifts[i - 1] if i else 0
            if pos < e or (end and pos == e):  # inside a mask: its start, or its end for an end
                return s + before + (n if end and pos > s else 0)
            return pos + shifts[i]

        for table in tables:
            rows = db.execute(f"select rowid, char_start, char_end from [{table}] where document_sha256 = ?",
                              [sha]).fetchall()
            db.conn.executemany(f"update [{table}] set char_start = ?, char_end = ? where rowid = ?",
                                [(moved(a, False), moved(b, True), rowid) for rowid, a, b in rows])


def _drop_full_text_indexes(db: sqlite_utils.Database) -> list[tuple[str, str, list[str], list | None]]:
    """Drop every full-text index and the triggers that feed it; return what rebuilds them:
    (name, create sql, trigger sql, rows when the index keeps its own content)."""
    found = []
    for name, sql in db.execute("select name, sql from sqlite_master where type = 'table' and sql like 'create virtual%'"
                                ).fetchall():
        if not VIRTUAL_RE.match(sql or "") or not re.search(r"using\s+fts\d", sql, re.I):
            continue
        triggers = [(t, s) for t, s in db.execute("select name, sql from sqlite_master where type = 'trigger'")
                    if re.search(rf"[\[\"`\s.]{re.escape(name)}[\]\"`\s(]", s or "")]
        content = CONTENT_RE.search(sql)
        rows = None if content else db.execute(f"select rowid, * from [{name}]").fetchall()
        for trigger, _ in triggers:
            db.execute(f"drop trigger [{trigger}]")
        db.execute(f"drop table [{name}]")
        found.append((name, sql, [s for _, s in triggers], rows))
    return found


def _rebuild_index(db, name: str, sql: str, triggers: list[str], rows: list | None, scrubber: Scrubber) -> None:
    """Create a dropped index again and fill it from the scrubbed content (its own rows scrubbed too)."""
    db.execute(sql)
    content = CONTENT_RE.search(sql)
    if content and content.group(1):
        db.execute(f"insert into [{name}]([{name}]) values ('rebuild')")
    elif rows:
        columns = [r[1] for r in db.execute(f"pragma table_info([{name}])")]
        db.conn.executemany(
            f"insert into [{name}] (rowid, {', '.join(f'[{c}]' for c in columns)}) values "
            f"({', '.join('?' * (len(columns) + 1))})",
            [(r[0], *(scrubber.scrub(v)[0] if isinstance(v, str) else v for v in r[1:])) for r in rows])
    for trigger in triggers:
        db.execute(trigger)

