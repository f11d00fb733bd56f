"""Our Datasette plugin: a readable page per document, and links to it from every table.

/-/document/<database>/<sha256> shows the document's facts (title, period, budget …) and then its
sections in order; every value extracted from a section is listed beside it and marked in its
text, and each links to the place it was read. Registered through the "datasette" entry point
in pyproject.toml, so `extractor serve` and plain `datasette` both have it.
"""
from __future__ import annotations

import html
import json

from datasette import hookimpl
from datasette.utils.asgi import NotFound, Response

SHA_COLUMNS = {"document_sha256"}
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
    return [(r"^/-/document/(?P<database>[^/]+)/(?P<sha256>[0-9a-f]{64})$", document_page)]


@hookimpl
def render_cell(value, column, table, database, datasette):
    """Link a document's sha256 wherever it appears to its readable page (with its title, where
    Datasette has looked the title up)."""
    label = None
    if isinstance(value, dict):  # a foreign key Datasette expanded to {"value", "label"}
        value, label = value.get("value"), value.get("label")
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
         "before": before, "value_count": len(values)},
        request=request))


def _fact(label: str, value):
    if label in ("Owners", "Methods"):
        return ", ".join(json.loads(value))
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
