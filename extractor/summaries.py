"""Tables the site reads that are written from the other tables at each regroup().

A view is computed every time a page asks for it. On 20 000 documents, organization_documents
(each organisation beside the current documents it owns or takes part in) joined 65 000 rows to
documents for its count and again for each facet: about 200 ms a page. Its rows change only when
an import or a staff decision regroups the documents, so regroup() writes it as a table, with
indexes for its facets, and the page reads rows already joined.
"""
from __future__ import annotations

import sqlite_utils

DOC = "document_sha256"
# name -> (the query whose rows the table holds, the columns indexed for the site's facets)
SUMMARIES: dict[str, tuple[str, list[list[str]]]] = {
    "organization_documents": (f"""
        select o.name as organization, dor.role, d.title, d.year, d.doc_type, d.requested_sek,
               dor.quote, d.insats_id, d.sha256 as {DOC}
        from document_organizations dor
        join organizations o on o.id = dor.organization_id
        join documents d on d.sha256 = dor.{DOC}
        where d.current = 1
        order by o.name, d.year, d.sha256""", [["organization"], ["role"], [DOC]]),
}


def create(db: sqlite_utils.Database) -> None:
    """Create the summary tables that are not there yet, empty (a database from before they
    were tables has a view of the same name: it goes, and regroup() fills the table)."""
    views = set(db.view_names())
    for name, (sql, indexes) in SUMMARIES.items():
        if name in views:
            db.execute(f"drop view [{name}]")
        if not db[name].exists():
            db.execute(f"create table [{name}] as select * from ({sql}) where 0")
        for columns in indexes:
            db[name].create_index(columns, if_not_exists=True)


def refresh(db: sqlite_utils.Database) -> None:
    """Rewrite every summary table from the tables it summarises (inside the caller's transaction)."""
    for name, (sql, _) in SUMMARIES.items():
        db.execute(f"delete from [{name}]")
        db.execute(f"insert into [{name}] select * from ({sql})")
