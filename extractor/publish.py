"""Publishing: the Datasette call, and a public copy of the database without personal data."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import sqlite_utils
import yaml

PROJECT_METADATA = Path(__file__).resolve().parent.parent / "metadata.yml"
DATABASE_NAME = "archive"  # the name metadata.yml uses
# Personal data: contacts are real people. A public copy keeps none of it.
PERSONAL_TABLES = ["contacts"]
# Sections that are lists of people: signature blocks and e-signing audit trails.
PERSONAL_SECTION_KEYS = ("signatures", "signing_log")
EMAIL_SQL_PATTERN = "%@%.%"
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


def _mask_emails(text: str | None) -> str | None:
    """Replace e-mail addresses in free text: form fields name their contact persons too."""
    import re

    return re.sub(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", "[e-post]", text) if text else text


def write_public_copy(db_path: str, out_path: str) -> dict[str, int]:
    """Copy the database to out_path without contacts, e-mails or e-signing logs; return counts."""
    shutil.copyfile(db_path, out_path)
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
            db.register_function(_mask_emails, replace=True)
            db.execute("update sections set text = _mask_emails(text) where text like ?", [EMAIL_SQL_PATTERN])
        if db["document_texts"].exists():
            db.execute("update document_texts set full_text = null")
        if db["documents"].exists() and "full_text" in db["documents"].columns_dict:  # not yet migrated
            db.execute("update documents set full_text = null")
    db.execute("vacuum")
    return removed
