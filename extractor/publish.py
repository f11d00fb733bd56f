"""Publishing: the Datasette call, and a public copy of the database without personal data."""
from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path

import sqlite_utils
import yaml

from .errors import ExtractorError
from .publish_scrub import scrub_database

PROJECT_METADATA = Path(__file__).resolve().parent.parent / "metadata.yml"
DATABASE_NAME = "archive"  # the name metadata.yml uses
# Personal data: contacts are real people. A public copy keeps none of it.
PERSONAL_TABLES = ["contacts"]
# Sections that are lists of people: signature blocks and e-signing audit trails.
PERSONAL_SECTION_KEYS = ("signatures", "signing_log")
# Datasette settings for an archive of 20 000 documents (benchmarks/site_scale.py): no suggested
# facets (they try every column on every table page, most of a page's time at that size), and
# the facet time limit of a query (1 s), so a configured facet does not silently vanish on a
# busy machine (each takes under 0.1 s of CPU on 20 000 documents).
SITE_SETTINGS = {"suggest_facets": False, "facet_time_limit_ms": 1000, "facet_suggest_time_limit_ms": 50}


def serve_database(db_path: str, host: str = "127.0.0.1", port: int = 8001, metadata: str | None = None) -> int:
    """Run Datasette on db_path until interrupted, with the project's metadata and dashboards;
    return its exit code (not 0 when, say, the port is taken)."""
    with tempfile.TemporaryDirectory() as tmp:
        cmd = [sys.executable, "-m", "datasette", "serve", db_path, "--host", host, "--port", str(port)]
        for name, value in SITE_SETTINGS.items():
            cmd += ["--setting", name, {True: "on", False: "off"}.get(value, str(value))]
        if metadata is None and PROJECT_METADATA.exists():
            metadata = os.path.join(tmp, "metadata.yml")
            with open(metadata, "w", encoding="utf-8") as f:
                yaml.safe_dump(metadata_for(db_path), f, allow_unicode=True, sort_keys=False)
        if metadata:
            cmd += ["--metadata", metadata]
        return subprocess.run(cmd, check=False).returncode


def metadata_for(db_path: str) -> dict:
    """Return the project's metadata for the database at db_path.

    metadata.yml describes a database named "archive"; Datasette names a database after its file,
    so for public.db (or any other name) the descriptions, queries and charts are moved over.
    """
    metadata = yaml.safe_load(PROJECT_METADATA.read_text(encoding="utf-8"))
    name = Path(db_path).stem
    if name != DATABASE_NAME:
        databases = metadata.get("databases", {})
        if DATABASE_NAME in databases:
            databases[name] = databases.pop(DATABASE_NAME)
        for dashboard in (metadata.get("plugins", {}).get("datasette-dashboards") or {}).values():
            for chart in dashboard.get("charts", {}).values():
                if chart.get("db") == DATABASE_NAME:
                    chart["db"] = name
                if "query" in chart:  # the links of a chart's marks
                    chart["query"] = chart["query"].replace(f"'/{DATABASE_NAME}/", f"'/{name}/")
        if "description_html" in metadata:  # the home page's links
            metadata["description_html"] = metadata["description_html"].replace(
                f'href="/{DATABASE_NAME}/', f'href="/{name}/')
    return metadata


def write_public_copy(db_path: str, out_path: str) -> dict[str, int]:
    """Copy the database to out_path without contacts, e-signing logs or full text, with every
    name, e-mail address, phone number and personnummer in any other text masked and every
    full-text index rebuilt from what is left; return what was removed and masked.

    The copy is made beside out_path and moved there only when whole: no half-scrubbed file is left.

    Raises:
        ExtractorError: out_path is the database itself.
    """
    if Path(out_path).resolve() == Path(db_path).resolve():
        raise ExtractorError(f"{out_path}: is the database itself; name another file for the public copy")
    part = f"{out_path}.part"
    try:
        removed = _write_scrubbed(db_path, part)
        os.replace(part, out_path)
    finally:
        if os.path.exists(part):
            os.unlink(part)
    return removed


def _write_scrubbed(db_path: str, out_path: str) -> dict[str, int]:
    source, target = sqlite3.connect(db_path), sqlite3.connect(out_path)
    try:
        source.backup(target)  # a consistent copy, whatever is in the source's journal
    finally:
        source.close()
        target.close()
    db = sqlite_utils.Database(out_path)
    removed = {}
    with db.atomic():
        for table in PERSONAL_TABLES:
            if db[table].exists():
                removed[f"{table} removed"] = db[table].count
                db.execute(f"delete from [{table}]")
        if db["sections"].exists():
            marks = ", ".join("?" for _ in PERSONAL_SECTION_KEYS)
            removed["signature sections removed"] = db.execute(
                f"select count(*) from sections where key in ({marks})", PERSONAL_SECTION_KEYS).fetchone()[0]
            db.execute(f"delete from sections where key in ({marks})", PERSONAL_SECTION_KEYS)
        if db["document_texts"].exists() and "full_text" in db["document_texts"].columns_dict:
            db.execute("update document_texts set full_text = null")
        if db["documents"].exists() and "full_text" in db["documents"].columns_dict:  # not yet migrated
            db.execute("update documents set full_text = null")
        scrub_database(db, removed)
    db.execute("vacuum")
    db.close()
    return removed
