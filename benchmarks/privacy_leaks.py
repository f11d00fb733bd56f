"""Count the personal data a public copy leaks: import a folder, publish it, and look for every
contact's name, e-mail and phone (from the unpublished contacts table and, given --gold, the gold
records) in every table, column and full-text index of both files and in the public file's bytes.

    .venv/bin/python benchmarks/privacy_leaks.py ../shared/eval/dev/docs --gold ../shared/eval/dev/gold
"""
from __future__ import annotations

import argparse
import json
import re
import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path

EMAIL_RE = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")


def people(db_path: Path, gold: Path | None) -> dict[str, set[str]]:
    """Return the names, e-mails and phones the archive's contacts (and the gold) give."""
    found = {"names": set(), "emails": set(), "phones": set()}
    con = sqlite3.connect(db_path)
    rows = [dict(zip(("name", "email", "phone"), r)) for r in con.execute("select name, email, phone from contacts")]
    if gold:
        rows += [c for f in sorted(gold.glob("*.json")) for c in json.loads(f.read_text()).get("contacts") or []]
    for c in rows:
        for key, kind in (("name", "names"), ("email", "emails"), ("phone", "phones")):
            if c.get(key) and (kind != "names" or len(c[key].split()) > 1):
                found[kind].add(c[key])
    return found


def everything(db_path: Path) -> str:
    """Return every value of every table (full-text shadow tables too), and the file's bytes, as text."""
    con = sqlite3.connect(db_path)
    parts = []
    for (table,) in con.execute("select name from sqlite_master where type = 'table'").fetchall():
        try:
            for row in con.execute(f"select * from [{table}]"):
                parts += [v.decode("utf-8", "replace") if isinstance(v, bytes) else str(v) for v in row]
        except sqlite3.Error:
            continue
    parts.append(db_path.read_bytes().decode("utf-8", "replace"))
    return "\n".join(parts)


def pattern(kind: str, value: str) -> re.Pattern:
    if kind == "phones":
        digits = re.sub(r"\D", "", value)
        return re.compile(r"[\s-]?".join(digits))
    return re.compile(r"\s+".join(map(re.escape, value.split())), re.I)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("docs")
    parser.add_argument("--gold", type=Path)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        archive, public = Path(tmp) / "archive.db", Path(tmp) / "public.db"
        for command in (["import", str(archive), args.docs], ["publish", str(archive), str(public)]):
            subprocess.run([sys.executable, "-m", "extractor", *command], check=True, stderr=subprocess.DEVNULL)
        wanted = people(archive, args.gold)
        texts = {"archive": everything(archive), "public": everything(public)}
        for kind, values in wanted.items():
            counts = {name: sum(bool(pattern(kind, v).search(t)) for v in values) for name, t in texts.items()}
            print(f"{kind:7s} known {len(values):4d}  in archive {counts['archive']:4d}  in public copy {counts['public']:4d}")
        print(f"e-mail-like strings in public copy: {len(EMAIL_RE.findall(texts['public']))}")
        print(f"sizes: archive {archive.stat().st_size / 1e6:.2f} MB, public copy {public.stat().st_size / 1e6:.2f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
