"""Indexed look-ups behind the list filters `methods__arraycontains=` and `owners__arraycontains=`.

Datasette filters a JSON list column with `:value in (select value from json_each(methods))`,
which takes every row's list apart: about 40 ms on 20 000 documents, paid again by the count, each
facet and the rows of one page. The documents' lists are written from the methods and
document_organizations tables (store.py), whose indexes name the documents at once. So where a
page is filtered by such a list, this adds `sha256 in (those documents)`: SQLite then reads only
the matching documents, and Datasette's own clause, still there, checks each of them.
"""
from __future__ import annotations

from datasette import hookimpl
from datasette.filters import FilterArguments

SUFFIX = "__arraycontains"
# list column -> (the sha256 of each document whose list holds :{p}, the tables that query reads)
LIST_LOOKUPS = {
    "methods": ("select document_sha256 from methods where label = :{p}", {"methods"}),
    "owners": ("select x.document_sha256 from document_organizations x join organizations o on o.id = x.organization_id "
               "where o.name = :{p} and x.role = 'owner'", {"document_organizations", "organizations"}),
}
# Tables and views whose rows are documents keyed by `sha256`, with the lists store.py writes.
DOCUMENT_ROWS = {"documents", "document_list"}


@hookimpl
def filters_from_request(request, database, table, datasette):
    if table not in DOCUMENT_ROWS:
        return None
    wanted = [(key[:-len(SUFFIX)], value) for key in request.args if key.endswith(SUFFIX)
              for value in request.args.getlist(key) if key[:-len(SUFFIX)] in LIST_LOOKUPS]
    if not wanted:
        return None

    async def lookups():
        tables = set(await datasette.get_database(database).table_names())
        where, params = [], {}
        for i, (column, value) in enumerate(wanted):
            sql, needs = LIST_LOOKUPS[column]
            if needs <= tables:
                where.append(f"sha256 in ({sql.format(p=f'_list{i}')})")
                params[f"_list{i}"] = value
        return FilterArguments(where, params=params)

    return lookups()
