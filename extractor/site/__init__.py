"""Our Datasette plugin: a readable page per document, and links to it from every table.

/-/document/<database>/<sha256> shows the document's facts (title, period, budget …) and then its
sections in order; every value extracted from a section is listed beside it and marked in its
text, and each links to the place it was read. /-/insats/<database>/<id> shows one intervention:
its documents in order and what was planned beside what was reported. Registered through the
"datasette" entry point in pyproject.toml, so `extractor serve` and plain `datasette` both have it.
"""
from __future__ import annotations

import html
import json

from datasette import hookimpl
from datasette.utils.asgi import Forbidden, NotFound, Response

from .cells import decimal, money, render, site_path
from .counts import bound_table_counts
from .facets import ListFacet
from .filters import install as install_list_filter
from .filters import list_tables_wrapper

SHA_COLUMNS = {"document_sha256", "copy_of", "replaces", "a_sha256", "b_sha256", "sha256"}
INSATS_COLUMNS = {"insats_id", "insats"}
MMAP_BYTES = 2**31 - 2**16  # SQLite's largest by default
# Tables and views whose rows hold a document's title beside its sha256 (in the column named).
TITLED_ROWS = {"documents": "sha256", "document_list": "sha256", "organization_documents": "document_sha256",
               "method_documents": "document_sha256", "target_group_documents": "document_sha256"}
# In a query's rows (no table), the columns that name the document a `title` beside them belongs to.
QUERY_SHA_COLUMNS = ("document_sha256", "sha256")
# (label, figure) rows of the planned-against-reported table; insatser has planned_<figure>, reported_<figure>.
COMPARED_FIGURES = [("Starts", "period_start"), ("Ends", "period_end"), ("Requested (SEK)", "requested_sek"),
                    ("Total (SEK)", "total_sek"), ("FTE", "fte_total"), ("Participants", "participants_count"),
                    ("Methods", "methods")]
# (table, value expression, kind) of every value that carries offsets into full_text.
VALUE_QUERIES = [
    ("field_evidence", "field || ': ' || value", "field"),
    ("document_organizations",
     "(select name from organizations o where o.id = organization_id) || ' (' || role || ')'", "organization"),
    ("dates", "date", "date"),
    ("amounts", "sek || ' kr'", "amount"),
    ("staffing", "role || ' ' || fte || ' FTE'", "staffing"),
    ("target_groups", "coalesce(age_min, '') || '–' || coalesce(age_max, '') || ' år'", "age"),
    ("method_evidence", "label", "method"),
    ("contacts", "coalesce(name, '') || coalesce(' <' || email || '>', '')", "contact"),
]
# A value table whose label reads another table: shown only when both may be seen.
VALUE_NEEDS = {"document_organizations": "organizations"}


@hookimpl
def register_routes():
    return [(r"^/-/document/(?P<database>[^/]+)/(?P<sha256>[0-9a-f]{64})$", document_page),
            (r"^/-/insats/(?P<database>[^/]+)/(?P<insats_id>[0-9a-f]{1,64})$", insats_page)]


@hookimpl
def prepare_connection(conn):
    conn.create_function("fts_terms", 1, fts_terms, deterministic=True)
    # Facets and grouped queries sort in temporary b-trees; on disk they cost twice the time.
    conn.execute("PRAGMA temp_store = MEMORY")
    # Pages read straight from the operating system's cache, not copied into each connection's:
    # a page scanning 20 000 documents spent as long in read() calls as in SQLite.
    conn.execute(f"PRAGMA mmap_size = {MMAP_BYTES}")


install_list_filter()


@hookimpl
def asgi_wrapper(datasette):
    return lambda app: list_tables_wrapper(datasette, app)


@hookimpl
def startup(datasette):
    bound_table_counts(datasette)


@hookimpl
def register_facet_classes():
    return [ListFacet]


@hookimpl
def render_cell(row, value, column, table, database, datasette):
    """Link a document's sha256 wherever it appears to its readable page (with its title), and
    let cells.py show the other values the way a Swedish reader expects."""
    return _render_cell(row, value, column, table, database, datasette)


async def _render_cell(row, value, column, table, database, datasette):
    label = None
    if isinstance(value, dict):  # a foreign key Datasette expanded to {"value", "label"}
        value, label = value.get("value"), value.get("label")
    if table == "insatser" and column == "title" and row is not None and "id" in row.keys():
        value, label = row["id"], value
    if (column in INSATS_COLUMNS or (table == "insatser" and column == "title")) and isinstance(value, str) and value:
        url = site_path(datasette, f"/-/insats/{database}/{value}")
        text = html.escape(str(label)) if label and label != value else html.escape(value)
        return _markup(f'<a href="{html.escape(url)}" title="The insats and all its documents">{text}</a>')
    if column not in SHA_COLUMNS or not isinstance(value, str) or len(value) != 64:
        return await render(row, value, column, table, database, datasette)
    if column == "sha256" or not label or label == value:
        found, name = _name_in_row(row, value, table) or await _document_name(datasette, database, value)
        if not found:  # import_errors.sha256: a file that never became a document
            return None
        label = None if column == "sha256" else name
    url = site_path(datasette, f"/-/document/{database}/{value}")
    text = html.escape(str(label)) if label else value[:12] + "…"
    return _markup(f'<a href="{html.escape(url)}" title="Read the document">{text}</a>')


def _name_in_row(row, sha256: str, table: str | None) -> tuple[bool, str | None] | None:
    """Return the document's name from the row itself when the row carries it (the documents
    table, the views that list documents by title, and a query's row with a title beside the
    document's sha256), else None: a query per cell costs a page of 100 rows a tenth of a second
    on a large database."""
    if row is None:
        return None
    keys = row.keys()
    column = TITLED_ROWS.get(table) if table else next((c for c in QUERY_SHA_COLUMNS if c in keys), None)
    if column is None or column not in keys or row[column] != sha256:
        return None
    title = (row["title"] or "").strip() if "title" in keys else ""
    if title or "file_name" in keys:
        return True, title or row["file_name"]
    return None


async def _document_name(datasette, database: str, sha256: str) -> tuple[bool, str | None]:
    """Return whether the document is stored, and its title (its file name when it has none)."""
    try:
        rows = (await datasette.get_database(database).execute(
            "select coalesce(nullif(trim(title), ''), file_name) from documents where sha256 = ?", [sha256])).rows
    except Exception:  # a database without a documents table
        return False, None
    return (True, rows[0][0]) if rows else (False, None)


def fts_terms(query: str | None) -> str:
    """Return a search string as FTS5 terms, each quoted, so any text is a valid search:
    'IPS-metoden KBT/MI' -> '"IPS-metoden" "KBT/MI"'; '' -> '""' (matches nothing)."""
    terms = str(query or "").replace("\x00", " ").split()
    return " ".join('"' + t.replace('"', '""') + '"' for t in terms) or '""'


def _markup(text: str):
    from markupsafe import Markup

    return Markup(text)


def _database(datasette, name: str):
    """Return the named database, or raise a 404 that names it (Datasette's own _internal has no documents)."""
    try:
        if name == "_internal":
            raise KeyError(name)
        return datasette.get_database(name)
    except KeyError:
        raise NotFound(f"No database {name}")


async def _visible_tables(datasette, request, name: str, db, required: tuple[str, ...]) -> set[str]:
    """Return the tables of db the request's actor may see, as Datasette's own table pages decide
    (table, then database, then instance `allow` blocks in metadata).

    Raises Forbidden when the database or a required table is denied, NotFound when a required table is missing.
    """
    await datasette.ensure_permissions(request.actor, [("view-database", name), "view-instance"])
    tables = set(await db.table_names())
    for table in required:
        if table not in tables:
            raise NotFound(f"No {table} table in {name}")
    visible = set()
    for table in tables:
        try:
            await datasette.ensure_permissions(
                request.actor, [("view-table", (name, table)), ("view-database", name), "view-instance"])
        except Forbidden:
            continue
        visible.add(table)
    for table in required:
        if table not in visible:
            raise Forbidden(f"view-table {name}/{table}")
    return {t for t in visible if VALUE_NEEDS.get(t, t) in visible}


async def document_page(request, datasette):
    name, sha = request.url_vars["database"], request.url_vars["sha256"]
    db = _database(datasette, name)
    tables = await _visible_tables(datasette, request, name, db, ("documents", "sections"))
    rows = (await db.execute("select * from documents where sha256 = ?", [sha])).rows
    if not rows:
        raise NotFound(f"No document {sha} in {name}")
    document = dict(rows[0])
    sections = [dict(r) for r in (await db.execute(
        "select * from sections where document_sha256 = ? order by position", [sha])).rows]
    values = []
    for table, expression, kind in VALUE_QUERIES:
        if table not in tables:
            continue
        result = await db.execute(
            f"select {expression} as label, char_start, char_end, quote from [{table}] "
            "where document_sha256 = ? and char_start is not null order by char_start", [sha])
        values += [{"label": r["label"], "kind": kind, "start": r["char_start"], "end": r["char_end"],
                    "quote": r["quote"]} for r in result.rows]
    for section in sections:
        inside = [v for v in values if section["char_start"] <= v["start"] < section["char_end"]]
        section["values"] = inside
        section["html"] = _marked(section["text"] or "", section["char_start"], inside)
    before = [v for v in values if not any(s["char_start"] <= v["start"] < s["char_end"] for s in sections)]
    facts = [(label, document.get(column), column) for label, column in (
        ("Type", "doc_type"), ("Year", "year"), ("Diarienummer", "diarienummer"),
        ("Starts", "period_start"), ("Ends", "period_end"), ("Last intake", "intake_end"),
        ("Requested", "requested_sek"), ("Own financing", "own_financing_sek"),
        ("Total", "total_sek"), ("FTE", "fte_total"), ("Participants", "participants_count"),
        ("Owners", "owners"), ("Methods", "methods"), ("File", "file_name"), ("Pages", "pages"),
        ("Extractor version", "extractor_version"))
        if document.get(column) not in (None, "", "[]")]
    anchors = await _fact_anchors(db, sha, tables)
    anchor_of = {v["start"]: v["anchor"] for v in values if v.get("anchor")}
    facts = [(label, _fact(column, v), anchor_of.get(anchors.get(column))) for label, v, column in facts]
    return Response.html(await datasette.render_template(
        "extractor_document.html",
        {"database": name, "document": document, "facts": facts, "sections": sections,
         "before": before, "value_count": len(values), "grouping": await _grouping(db, document, tables)},
        request=request))


async def _grouping(db, document: dict, tables: set) -> dict:
    """Return the document's insats (id, title) and its other files (copies and versions)."""
    if "insatser" not in tables or not document.get("document_id"):
        return {}
    insats = (await db.execute("select id, title from insatser where id = ?", [document.get("insats_id")])).rows
    files = (await db.execute(
        "select sha256, file_name, format, version, current, copy_of from documents "
        "where document_id = ? and sha256 != ? order by version, copy_of is not null", [
            document["document_id"], document["sha256"]])).rows
    return {"insats": dict(insats[0]) if insats else None, "files": [dict(f) for f in files]}


async def insats_page(request, datasette):
    name, insats_id = request.url_vars["database"], request.url_vars["insats_id"]
    db = _database(datasette, name)
    await _visible_tables(datasette, request, name, db, ("insatser", "insats_documents", "documents"))
    rows = (await db.execute("select * from insatser where id = ?", [insats_id])).rows
    if not rows:
        raise NotFound(f"No insats {insats_id} in {name}")
    insats = dict(rows[0])
    documents = [dict(r) for r in (await db.execute(
        "select x.position, x.role, d.sha256, d.title, d.year, d.file_name, d.period_start, d.period_end, "
        "d.requested_sek, d.fte_total, d.participants_count from insats_documents x "
        "join documents d on d.sha256 = x.document_sha256 where x.insats_id = ? order by x.position",
        [insats_id])).rows]
    others = [dict(r) for r in (await db.execute(
        "select sha256, file_name, format, version, copy_of from documents "
        "where insats_id = ? and current = 0 order by document_id, version, file_name", [insats_id])).rows]
    compared = [(label, _insats_fact(label, insats.get(f"planned_{figure}")),
                 _insats_fact(label, insats.get(f"reported_{figure}")))
                for label, figure in COMPARED_FIGURES]
    return Response.html(await datasette.render_template(
        "extractor_insats.html",
        {"database": name, "insats": insats, "owners": _insats_fact("Owners", insats.get("owners")),
         "documents": documents, "others": others, "compared": compared},
        request=request))


# documents column -> the field_evidence field it was read as (FACT_FIELDS) or the table that holds its quotes.
FACT_FIELDS = {"title": "title", "diarienummer": "diarienummer", "period_start": "period.start",
               "period_end": "period.end", "intake_end": "period.intake_end",
               "requested_sek": "budget.requested_sek", "own_financing_sek": "budget.own_financing_sek",
               "total_sek": "budget.total_sek", "fte_total": "fte_total", "participants_count": "participants"}
FACT_TABLES = {"owners": ("document_organizations", "role = 'owner'"), "methods": ("method_evidence", "1")}


def _insats_fact(label: str, value):
    if value in (None, ""):
        return "–"
    if label in ("Owners", "Methods"):
        return ", ".join(json.loads(value)) or "–"
    if label.endswith("(SEK)"):
        return money(value)  # 1 200 000 kr, as Swedish writes it
    if isinstance(value, float):
        return decimal(value)
    return value


async def _fact_anchors(db, sha: str, tables: set) -> dict[str, int]:
    """Return, per documents column, the offset of the first words it was read from."""
    anchors = {}
    if "field_evidence" in tables:
        rows = (await db.execute("select field, min(char_start) from field_evidence where document_sha256 = ? "
                                 "and char_start is not null group by field", [sha])).rows
        by_field = {r[0]: r[1] for r in rows}
        anchors = {col: by_field[f] for col, f in FACT_FIELDS.items() if f in by_field}
    for column, (table, where) in FACT_TABLES.items():
        if table in tables:
            start = (await db.execute(f"select min(char_start) from [{table}] where document_sha256 = ? "
                                      f"and {where}", [sha])).rows[0][0]
            if start is not None:
                anchors[column] = start
    return anchors


def _fact(column: str, value):
    if column in ("owners", "methods"):
        return ", ".join(json.loads(value))
    if column.endswith("_sek"):
        return money(value)  # 1 200 000 kr, as Swedish writes it
    if isinstance(value, float):
        return decimal(value)
    return value


def _marked(text: str, base: int, values: list[dict]):
    """Return the section text as HTML with each value's quote marked and anchored.

    A value whose quote overlaps a mark already made gets that mark as its anchor (v["anchor"])."""
    out, pos, made = [], 0, []
    for v in sorted(values, key=lambda v: (v["start"], -v["end"])):
        start, end = v["start"] - base, min(v["end"] - base, len(text))
        if start < pos or end <= start:
            v["anchor"] = next((m for a, b, m in made if a <= start < b), made[-1][2] if made else None)
            continue
        out.append(html.escape(text[pos:start]))
        out.append(f'<mark id="c{v["start"]}" class="value-{v["kind"]}" title="{html.escape(str(v["label"]))}">'
                   f'{html.escape(text[start:end])}</mark>')
        v["anchor"] = f'c{v["start"]}'
        made.append((start, end, v["anchor"]))
        pos = end
    out.append(html.escape(text[pos:]))
    return _markup("".join(out))
