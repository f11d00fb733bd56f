"""Tables the site reads that are written from the other tables at each regroup().

A view or a chart's query is computed every time a page asks for it. On 20 000 documents,
organization_documents (each organisation beside the current documents it owns or takes part in)
joined 65 000 rows to documents for its count and again for each facet, about 200 ms a page, and
the dashboard's age and money figures joined the methods and target groups of every current
document, 100 to 150 ms each. These rows change only when an import or a staff decision regroups
the documents, so regroup() writes them as tables (with indexes for the facets) and the pages
and charts read rows already joined and counted. The queries below are what each table holds.
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
    # How many insatser use each method, per year (the year of a current document that names it).
    "method_years": (f"""
        select d.year, m.label, count(distinct d.insats_id) as insatser
        from methods m join documents d on d.sha256 = m.{DOC}
        where d.current = 1
        group by d.year, m.label order by d.year, insatser desc""", []),
    # The target-group age bands of the insatser that use each method: a band counts an insats
    # when one current document of it names both the method and the band.
    "method_age_bands": (f"""
        select m.label, t.age_min, t.age_max, count(distinct d.insats_id) as insatser
        from methods m join target_groups t on t.{DOC} = m.{DOC}
        join documents d on d.sha256 = m.{DOC}
        where d.current = 1
        group by m.label, t.age_min, t.age_max order by m.label, t.age_min""", []),
    # Per method label: the current documents that use it, and their money (a document with
    # several methods counts in full for each).
    "method_money": (f"""
        select m.label as method, count(*) as documents, count(d.requested_sek) as documents_with_request,
               sum(d.requested_sek) as requested_sek, sum(d.total_sek) as total_sek
        from (select distinct {DOC}, label from methods) m
        join documents d on d.sha256 = m.{DOC}
        where +d.current = 1 group by m.label order by requested_sek desc, documents desc""", []),
    # How many insatser are open to each age from 15 to 67 (open bands end there). An insats
    # counts once at each age one of its bands covers: taken in order, each band adds only the
    # ages past the furthest its insats's earlier bands reach, so the pieces never overlap; each
    # piece adds one from its first age to its last.
    "target_ages": ("""
        with recursive age(n) as (select 15 union all select n + 1 from age where n < 67),
        band as (select distinct d.insats_id as insats, max(coalesce(t.age_min, 15), 15) as lo,
                        min(coalesce(t.age_max, 67), 67) as hi
                 from documents d join target_groups t on t.document_sha256 = d.sha256 where d.current = 1),
        reach as (select lo, hi, coalesce(max(hi) over (partition by insats order by lo, hi
                    rows between unbounded preceding and 1 preceding), 0) as before from band where lo <= hi),
        piece as (select max(lo, before + 1) as lo, hi from reach where hi > before),
        step as (select n, sum(d) as d from (select lo as n, 1 as d from piece union all
                                             select hi + 1, -1 from piece) group by n),
        open as (select age.n as age, sum(coalesce(step.d, 0)) over (order by age.n) as insatser
                 from age left join step on step.n = age.n)
        select age, insatser from open where insatser > 0 order by age""", []),
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
            db.execute(f"insert into [{name}] select * from ({sql})")  # an older database's rows
        for columns in indexes:
            db[name].create_index(columns, if_not_exists=True)


def refresh(db: sqlite_utils.Database) -> None:
    """Rewrite every summary table from the tables it summarises (inside the caller's transaction)."""
    for name, (sql, _) in SUMMARIES.items():
        db.execute(f"delete from [{name}]")
        db.execute(f"insert into [{name}] select * from ({sql})")
