"""Indexed look-ups behind the list filters `methods__arraycontains=` and `owners__arraycontains=`.

Datasette filters a JSON list column with `:value in (select value from json_each(methods))`,
which takes every row's list apart: about 40 ms on 20 000 documents, paid again by the count, each
facet and the rows of one page. The documents' lists are written from the methods and
document_organizations tables (store.py writes both from the same record), whose indexes name the
documents at once. So on the tables and views whose rows are documents, in a database that has
those tables, the filter asks them: `sha256 in (select document_sha256 from methods where label
= :p0)`. Everywhere else (insatser.owners, another database) it is Datasette's own. The URLs, the
filter form and the facets' links stay Datasette's: `?methods__arraycontains=MI`.

Datasette builds a filter's SQL knowing only the table's name, so a request is marked, as it
comes in, with whether its database has the tables behind the lists (list_tables_wrapper).
"""
from __future__ import annotations

from contextvars import ContextVar

from datasette.filters import Filters, TemplatedFilter

# list column -> the sha256 of each document whose list holds :{p}
LIST_LOOKUPS = {
    "methods": "select document_sha256 from methods where label = :{p}",
    "owners": "select x.document_sha256 from document_organizations x join organizations o on o.id = x.organization_id "
              "where o.name = :{p} and x.role = 'owner'",
}
# Tables and views whose rows are documents keyed by `sha256`, with the lists store.py writes.
DOCUMENT_ROWS = {"documents", "document_list"}
LIST_TABLES = {"methods", "document_organizations", "organizations"}
# Whether the database the request being answered reads has LIST_TABLES.
_INDEXED: ContextVar[bool] = ContextVar("lists_indexed", default=False)


class ListContains(TemplatedFilter):
    """Datasette's "array contains" filter, asking the indexed tables behind the documents' lists."""

    def where_clause(self, table, column, value, param_counter):
        if _INDEXED.get() and table in DOCUMENT_ROWS and column in LIST_LOOKUPS:
            return f"sha256 in ({LIST_LOOKUPS[column].format(p=f'p{param_counter}')})", value
        return super().where_clause(table, column, value, param_counter)


def install() -> None:
    """Put ListContains in the place of Datasette's own "arraycontains" filter (once)."""
    own = Filters._filters_by_key.get("arraycontains")
    if own is None or isinstance(own, ListContains):
        return  # SQLite without JSON functions has no array filters to speed up
    ours = ListContains(own.key, own.display, own.sql_template, own.human_template)
    Filters._filters = [ours if f is own else f for f in Filters._filters]
    Filters._filters_by_key = {**Filters._filters_by_key, "arraycontains": ours}


def list_tables_wrapper(datasette, app):
    """Wrap the site so that each request knows whether its database has LIST_TABLES."""
    async def marked(scope, receive, send):
        token = _INDEXED.set(await _has_list_tables(datasette, scope)) if scope.get("type") == "http" else None
        try:
            await app(scope, receive, send)
        finally:
            if token is not None:
                _INDEXED.reset(token)
    return marked


async def _has_list_tables(datasette, scope) -> bool:
    """Return whether the database a request's path names ("/archive/documents.json") has LIST_TABLES."""
    first = (scope.get("path") or "/").lstrip("/").split("/", 1)[0]
    name = first if first in datasette.databases else first.rsplit(".", 1)[0]
    if name not in datasette.databases:
        return False
    known = datasette.__dict__.setdefault("_extractor_list_tables", set())  # a table once there stays
    if name not in known and LIST_TABLES <= set(await datasette.get_database(name).table_names()):
        known.add(name)
    return name in known
