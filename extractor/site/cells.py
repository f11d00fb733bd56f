"""How the site shows a cell: Swedish numbers, lists as lists, titles and quotes as links to their text.

Called from the render_cell hook in __init__.py; each function returns Markup, or None to leave
the cell to Datasette.
"""
from __future__ import annotations

import html
import json

from markupsafe import Markup

from ..glossary import METHOD_GLOSSARY

MONEY_COLUMNS = {"requested_sek", "own_financing_sek", "total_sek", "sek"}
DECIMAL_COLUMNS = {"fte_total", "fte", "confidence"}
LIST_COLUMNS = {"owners", "methods", "ocr_pages"}
LABEL_COLUMNS = {"label", "method"}  # a method label, wherever a table or query names it
FULL_TEXT_PREVIEW = 240  # characters of document_texts.full_text shown in a table
NBSP = "\u00a0"


def money(value: int | float) -> str:
    """Return whole kronor the Swedish way: 4773000 -> '4 773 000 kr' (no-break spaces)."""
    return f"{round(value):,}".replace(",", NBSP) + NBSP + "kr"


def decimal(value: float) -> str:
    """Return a decimal with a decimal comma, at most two places: 2.5 -> '2,5', 0.966 -> '0,97'."""
    return f"{round(value, 2):g}".replace(".", ",")


def site_path(datasette, path: str) -> str:
    """Return datasette.urls.path(path) as a plain str. Datasette's own string type looks up
    dir(str) on each method call (escaping calls five): a tenth of a second on a page of 100 rows."""
    return str(datasette.urls.path(path))


def document_url(datasette, database: str, sha256: str, anchor: str = "") -> str:
    """Return the readable page of a document, at an anchor if given: ('archive', 'ab…') -> '/-/document/archive/ab…'."""
    return site_path(datasette, f"/-/document/{database}/{sha256}") + (f"#{anchor}" if anchor else "")


def _link(url: str, text: str, title: str = "") -> Markup:
    extra = f' title="{html.escape(title)}"' if title else ""
    return Markup(f'<a href="{html.escape(url)}"{extra}>{html.escape(text)}</a>')


def _row_get(row, key: str):
    """Return a row's value, unwrapping a foreign key Datasette expanded to {"value", "label"}."""
    try:
        value = row[key]
    except (IndexError, KeyError, TypeError):
        return None
    return value.get("value") if isinstance(value, dict) else value


def method_link(datasette, database: str, label: str) -> Markup:
    """Return a method label linked to its glossary row, its name as the tooltip."""
    if label not in METHOD_GLOSSARY:
        return Markup(html.escape(label))
    url = site_path(datasette, f"/{database}/method_labels/{label}")
    return _link(url, label, METHOD_GLOSSARY[label][0])


def _as_list(value, column: str, datasette, database: str, has_glossary: bool) -> Markup | None:
    try:
        items = json.loads(value)
    except (TypeError, ValueError):
        return None
    if not isinstance(items, list):
        return None
    if not items:
        return Markup('<span class="empty-list">–</span>')
    if column == "methods" and has_glossary:
        shown = [method_link(datasette, database, str(i)) for i in items]
    else:
        shown = [html.escape(str(i)) for i in items]
    return Markup('<ul class="cell-list">' + "".join(f"<li>{i}</li>" for i in shown) + "</ul>")


def _evidence_value(value: str, field) -> str | None:
    """Return a field_evidence value for reading: ('4773000', 'budget.requested_sek') -> '4 773 000 kr'."""
    try:
        parsed = json.loads(value)
    except (TypeError, ValueError):
        return None
    if isinstance(parsed, dict):
        if "count" in parsed:
            return f"{parsed['count']} per {parsed.get('per') or '?'}"
        return "; ".join(f"{k}: {v}" for k, v in parsed.items())
    if isinstance(parsed, (int, float)) and str(field or "").startswith("budget."):
        return money(parsed)
    if isinstance(parsed, float):
        return decimal(parsed)
    if isinstance(parsed, list):
        return ", ".join(map(str, parsed))
    return None


async def _has_glossary(datasette, database: str) -> bool:
    """Return whether the database has the method glossary; asked once per site, not once per
    cell (a page of 100 documents has 200 list cells). ensure_schema() writes it; nothing drops it."""
    known = datasette.__dict__.setdefault("_extractor_glossary_in", set())
    if database not in known and await datasette.get_database(database).table_exists("method_labels"):
        known.add(database)
    return database in known


async def render(row, value, column, table, database, datasette) -> Markup | None:
    """Return the cell's HTML, or None to leave it to Datasette."""
    sha = _row_get(row, "sha256") or _row_get(row, "document_sha256")
    if value is None:
        return None
    if column == "title" and isinstance(sha, str) and len(sha) == 64:
        return _link(document_url(datasette, database, sha), str(value), "Read the document")
    if column in MONEY_COLUMNS and isinstance(value, (int, float)) and not isinstance(value, bool):
        return Markup(html.escape(money(value)))
    if column in DECIMAL_COLUMNS and isinstance(value, float):
        return Markup(decimal(value))
    if column in LIST_COLUMNS and isinstance(value, str) and value.startswith("["):
        has_glossary = await _has_glossary(datasette, database)
        return _as_list(value, column, datasette, database, has_glossary)
    if column in LABEL_COLUMNS and isinstance(value, str) and value in METHOD_GLOSSARY and table != "method_labels":
        if await _has_glossary(datasette, database):
            return method_link(datasette, database, value)
    if column == "value" and table == "field_evidence" and isinstance(value, str):
        shown = _evidence_value(value, _row_get(row, "field"))
        return Markup(html.escape(shown)) if shown is not None else None
    return await _linked_text(row, value, column, database, datasette, sha)


async def _linked_text(row, value, column, database, datasette, sha) -> Markup | None:
    """Link a quote to the words it was read from, a search hit to its section, and shorten full_text."""
    if not (isinstance(sha, str) and len(sha) == 64):
        return None
    start = _row_get(row, "char_start")
    if column == "quote" and isinstance(start, int):
        return _link(document_url(datasette, database, sha, f"c{start}"), str(value), "Show it in the text")
    position = _row_get(row, "position")
    if column == "heading" and isinstance(position, int):
        return _link(document_url(datasette, database, sha, f"section-{position}"), str(value) or "(no heading)",
                     "Open the document at this section")
    if column == "full_text" and isinstance(value, str) and len(value) > FULL_TEXT_PREVIEW:
        return Markup(html.escape(value[:FULL_TEXT_PREVIEW]) + "… "
                      + str(_link(document_url(datasette, database, sha), "read the document")))
    return None
