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
from datasette.utils.asgi import NotFound, Response

SHA_COLUMNS = {"document_sha256", "copy_of", "replaces", "a_sha256", "b_sha256"}
INSATS_COLUMNS = {"insats_id", "insats"}
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


@hookimpl
def register_routes():
    return [(r"^/-/document/(?P<database>[^/]+)/(?P<sha256>[0-9a-f]{64})$", document_page),
            (r"^/-/insats/(?P<database>[^/]+)/(?P<insats_id>[0-9a-f]{1,64})$", insats_page)]


@hookimpl
def render_cell(row, value, column, table, database, datasette):
    """Link a document's sha256 wherever it appears to its readable page (with its title, where
    Datasette has looked the title up), and an insats id or title to the insats's page."""
    label = None
    if isinstance(value, dict):  # a foreign key Datasette expanded to {"value", "label"}
        value, label = value.get("value"), value.get("label")
    if table == "insatser" and column == "title" and row is not None and "id" in row.keys():
        value, label = row["id"], value
    if (column in INSATS_COLUMNS or (table == "insatser" and column == "title")) and isinstance(value, str) and value:
        url = datasette.urls.path(f"/-/insats/{database}/{value}")
        text = html.escape(str(label)) if label and label != value else html.escape(value)
        return _markup(f'<a href="{html.escape(url)}" title="The insats and all its documents">{text}</a>')
    if column not in SHA_COLUMNS or not isinstance(value, str) or len(value) != 64:
        return None
    url = datasette.urls.path(f"/-/document/{database}/{value}")
    text = html.escape(str(label)) if label and label != value else value[:12] + "…"
    return _markup(f'<a href="{html.escape(url)}" title="Read the document">{text}</a>')


def _markup(text: str):
    from markupsafe import Markup

    return Markup(text)


async def document_page(request, datasette):
    name, sha = request.url_vars["database"], request.url_vars["sha256"]
    try:
        db = datasette.get_database(name)
    except KeyError:
        raise NotFound(f"No database {name}")
    rows = (await db.execute("select * from documents where sha256 = ?", [sha])).rows
    if not rows:
        raise NotFound(f"No document {sha} in {name}")
    document = dict(rows[0])
    tables = set(await db.table_names())
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
    facts = [(label, document.get(column)) for label, column in (
        ("Type", "doc_type"), ("Year", "year"), ("Diarienummer", "diarienummer"),
        ("Starts", "period_start"), ("Ends", "period_end"), ("Last intake", "intake_end"),
        ("Requested (SEK)", "requested_sek"), ("Own financing (SEK)", "own_financing_sek"),
        ("Total (SEK)", "total_sek"), ("FTE", "fte_total"), ("Participants", "participants_count"),
        ("Owners", "owners"), ("Methods", "methods"), ("File", "file_name"), ("Pages", "pages"),
        ("Extractor version", "extractor_version"))
        if document.get(column) not in (None, "", "[]")]
    facts = [(label, _fact(label, v)) for label, v in facts]
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
    try:
        db = datasette.get_database(name)
    except KeyError:
        raise NotFound(f"No database {name}")
    if "insatser" not in set(await db.table_names()):
        raise NotFound(f"No insatser in {name}")
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
    compared = [(label, _fact(label, insats.get(f"planned_{figure}")), _fact(label, insats.get(f"reported_{figure}")))
                for label, figure in COMPARED_FIGURES]
    return Response.html(await datasette.render_template(
        "extractor_insats.html",
        {"database": name, "insats": insats, "owners": _fact("Owners", insats.get("owners")),
         "documents": documents, "others": others, "compared": compared},
        request=request))


def _fact(label: str, value):
    if value in (None, ""):
        return "–"
    if label in ("Owners", "Methods"):
        return ", ".join(json.loads(value)) or "–"
    if label.endswith("(SEK)"):
        return f"{value:,}".replace(",", "\u00a0")  # 1 200 000, as Swedish writes it
    return value


def _marked(text: str, base: int, values: list[dict]):
    """Return the section text as HTML with each value's quote marked and anchored."""
    out, pos = [], 0
    for v in sorted(values, key=lambda v: (v["start"], -v["end"])):
        start, end = v["start"] - base, min(v["end"] - base, len(text))
        if start < pos or end <= start:
            continue  # overlaps a mark already made; its anchor is that mark
        out.append(html.escape(text[pos:start]))
        out.append(f'<mark id="c{v["start"]}" class="value-{v["kind"]}" title="{html.escape(str(v["label"]))}">'
                   f'{html.escape(text[start:end])}</mark>')
        pos = end
    out.append(html.escape(text[pos:]))
    return _markup("".join(out))
