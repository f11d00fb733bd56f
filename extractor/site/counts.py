"""Row counts for the database page that never read a table of a million rows.

Datasette 0.65 counts every table for its database page with `select count(*)` under a 5 ms time
limit, but SQLite counts a whole table in one step that no time limit interrupts: on 20 000
documents, dates and amounts (a million rows each) and the full-text index took a second or more.
Here a table is counted only when its rowids span at most BIG_TABLE_ROWS (read from the ends of
its b-tree, which costs nothing); a bigger table, and the full-text index, show as "Many rows",
Datasette's own words for a count it gave up on.
"""
from __future__ import annotations

import sqlite3

from datasette.database import QueryInterrupted

BIG_TABLE_ROWS = 100_000
_ERRORS = (QueryInterrupted, sqlite3.OperationalError, sqlite3.DatabaseError)


def bound_table_counts(datasette) -> None:
    """Give each mutable database of datasette the bounded counts (an immutable one counts once)."""
    for db in datasette.databases.values():
        if db.is_mutable and not db.is_memory and not getattr(db, "_bounded_counts", False):
            db._bounded_counts = True
            db.table_counts = lambda limit=10, db=db: table_counts(db, limit)


async def table_counts(db, limit: int = 10) -> dict[str, int | None]:
    """Return {table: row count, or None for a table too big to count on a page}."""
    kinds = dict((await db.execute(
        "select name, case when sql like 'create virtual table%' then 'virtual' "
        "when sql like '%without rowid%' then 'without rowid' end from sqlite_master where type = 'table'")).rows)
    counts: dict[str, int | None] = {}
    for table in await db.table_names():
        counts[table] = None
        if kinds.get(table) == "virtual":
            continue
        if kinds.get(table) is None:  # a table without rowids (an FTS index's) is counted under the limit alone
            try:
                low, high = (await db.execute(f"select (select min(rowid) from [{table}]), "
                                              f"(select max(rowid) from [{table}])", custom_time_limit=limit)).rows[0]
            except _ERRORS:
                continue
            if high is not None and high - low + 1 > BIG_TABLE_ROWS:
                continue
        try:
            counts[table] = (await db.execute(f"select count(*) from [{table}]", custom_time_limit=limit)).rows[0][0]
        except _ERRORS:
            pass
    return counts
