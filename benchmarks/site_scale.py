"""Benchmark: every page of the site on a database of 20 000 invented documents.

    python benchmarks/site_scale.py [--docs 20000] [--db PATH] [--reuse] [--runs 5]

Builds the database once (site_db.py: the corpus extracted, then varied; a few minutes) or reuses
it with --reuse, then asks Datasette 0.65 in-process, with the project's metadata and the settings
`extractor serve` passes, for every page: each table and view with its facets, each canned
query, the dashboard and each of its chart queries, the pages a chart's bar links to, a document
page, an insats page and searches. Prints the median milliseconds per page (after a warm-up),
the facets each table page shows against those metadata.yml configures, and flags every page of
200 ms or more, canned or chart query of 100 ms or more, missing facet or failed page.
--save FILE keeps the figures as JSON; --compare FILE prints them beside this run's. --regroup
also times store.regroup() on the database first: what every import pays after storing its files.
"""
from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import sys
import time
from pathlib import Path
from urllib.parse import quote

import sqlite_utils

sys.path.insert(0, str(Path(__file__).resolve().parent))

PAGE_LIMIT_MS, QUERY_LIMIT_MS = 200, 100
DEFAULT_DB = Path("/tmp/extractor-site-bench/archive.db")


def _settings() -> dict:
    try:
        from extractor.publish import SITE_SETTINGS
    except ImportError:  # an extractor from before the settings were shaped for size
        return {}
    return dict(SITE_SETTINGS)


def _targets(db_path: Path, metadata: dict) -> list[tuple[str, str, list]]:
    """Return (kind, path, configured facets) for every page to time."""
    db = sqlite_utils.Database(db_path)
    name = db_path.stem
    described = metadata["databases"][name]
    tables = described.get("tables", {})

    def facets(table):
        return [f if isinstance(f, str) else next(iter(f.values())) for f in tables.get(table, {}).get("facets", [])]

    sha = db.execute("select sha256 from documents where current = 1 order by sha256 limit 1").fetchone()[0]
    insats = db.execute("select id from insatser order by documents desc, id limit 1").fetchone()[0]
    label = db.execute("select label from methods group by label order by count(*) desc limit 1").fetchone()[0]
    owner = db.execute("select o.name from document_organizations x join organizations o on o.id = x.organization_id "
                       "where x.role = 'owner' group by o.name order by count(*) desc limit 1").fetchone()[0]
    targets = [("home", "/", []), ("database", f"/{name}", [])]
    targets += [("table", f"/{name}/{t}", facets(t)) for t in db.table_names()
                if not t.startswith(("sections_fts", "sqlite_"))]
    targets += [("view", f"/{name}/{v}", facets(v)) for v in db.view_names()]
    params = {"insats": f"id={insats}", "document": f"sha256={sha}", "search_sections": "q=deltagarna"}
    for query in described.get("queries", {}):
        targets.append(("query", f"/{name}/{query}" + (f"?{params[query]}" if query in params else ""), []))
    targets += [("query", f"/{name}/search_sections?q={quote('motiverande samtal arbetsgivare')}", []),
                ("page", f"/{name}/search_sections?q={quote('finns-inte-någonstans')}", [])]
    for slug, dashboard in (metadata.get("plugins", {}).get("datasette-dashboards") or {}).items():
        targets.append(("dashboard", f"/-/dashboards/{slug}", []))
        for chart, spec in dashboard.get("charts", {}).items():
            if "query" in spec:
                targets.append(("chart", f"/{name}.json?_shape=array&sql={quote(spec['query'])}&_chart={chart}", []))
    list_facets = facets("document_list")
    targets += [("view", f"/{name}/document_list?methods__arraycontains={label}", list_facets),
                ("view", f"/{name}/document_list?year=2020&methods__arraycontains={label}", list_facets),
                ("view", f"/{name}/document_list?owners__arraycontains={quote(owner)}", list_facets),
                ("page", f"/-/document/{name}/{sha}", []), ("page", f"/-/insats/{name}/{insats}", [])]
    return targets


async def _time(ds, path: str, runs: int) -> tuple[float, float, int]:
    """Return the median wall and CPU milliseconds of a page (CPU: this process, SQL threads
    included, which a busy machine inflates less than the wall time), and its status."""
    response = await ds.client.get(path)  # warm-up
    walls, cpus = [], []
    for _ in range(runs):
        start, cpu = time.perf_counter(), time.process_time()
        response = await ds.client.get(path)
        walls.append((time.perf_counter() - start) * 1000)
        cpus.append((time.process_time() - cpu) * 1000)
    return statistics.median(walls), statistics.median(cpus), response.status_code


async def _facets_shown(ds, path: str) -> tuple[list[str], list[str]]:
    """Return the facets a table page shows and those that timed out."""
    base, _, query = path.partition("?")
    data = (await ds.client.get(f"{base}.json" + (f"?{query}" if query else ""))).json()
    return list(data.get("facet_results", {})), list(data.get("facets_timed_out", []))


async def measure(db_path: Path, runs: int) -> list[dict]:
    from datasette.app import Datasette

    from extractor.publish import metadata_for

    metadata = metadata_for(str(db_path))
    ds = Datasette([str(db_path)], metadata=metadata, settings=_settings())
    await ds.invoke_startup()
    results = []
    for kind, path, configured in _targets(db_path, metadata):
        ms, cpu_ms, status = await _time(ds, path, runs)
        shown, timed_out = await _facets_shown(ds, path) if configured else ([], [])
        missing = [f for f in configured if f not in shown]
        limit = QUERY_LIMIT_MS if kind in ("query", "chart") else PAGE_LIMIT_MS
        flags = ([f"≥ {limit} ms"] if ms >= limit else []) + ([f"status {status}"] if status != 200 else [])
        flags += [f"missing facets: {', '.join(missing)}"] if missing else []
        flags += [f"timed out: {', '.join(timed_out)}"] if timed_out else []
        shown_path = f"chart {path.rsplit('&_chart=', 1)[1]}" if kind == "chart" else path
        results.append({"kind": kind, "path": shown_path,
                        "ms": round(ms, 1), "cpu_ms": round(cpu_ms, 1), "status": status, "configured": configured, "shown": shown,
                        "flags": flags})
    return results


def report(results: list[dict], before: dict[str, dict] | None = None) -> int:
    """Print the table and a summary; return the number of flagged pages."""
    head = f"{'kind':<9} {'page':<70} " + (f"{'before':>9} " if before else "") + f"{'ms':>8} {'cpu ms':>8}  facets / flags"
    print(head)
    print("-" * len(head))
    for r in results:
        shown = f"facets {len(r['shown'])}/{len(r['configured'])}" if r["configured"] else ""
        old = before.get(r["path"]) if before else None
        old_ms = f"{old['ms']:>9.1f} " if old else (f"{'–':>9} " if before else "")
        print(f"{r['kind']:<9} {r['path'][:70]:<70} {old_ms}{r['ms']:>8.1f} {r['cpu_ms']:>8.1f}  {shown}"
              + ("  ** " + "; ".join(r["flags"]) if r["flags"] else ""))
    flagged = [r for r in results if r["flags"]]
    slowest = max(results, key=lambda r: r["ms"])
    pages = [r for r in results if r["kind"] not in ("query", "chart")]
    queries = [r for r in results if r["kind"] in ("query", "chart")]
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores (a busy machine inflates wall ms)")
    print(f"\n{len(results)} pages; slowest page {max(r['ms'] for r in pages):.0f} ms, slowest query "
          f"{max(r['ms'] for r in queries):.0f} ms ({slowest['path'][:60]}); {len(flagged)} flagged")
    return len(flagged)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, default=20000)
    ap.add_argument("--db", type=Path, default=DEFAULT_DB, help="where the database is built (or reused)")
    ap.add_argument("--reuse", action="store_true", help="use the database at --db if it is there")
    ap.add_argument("--runs", type=int, default=5, help="timed runs per page, after one warm-up")
    ap.add_argument("--save", type=Path, help="write the figures as JSON")
    ap.add_argument("--compare", type=Path, help="a --save file to print beside this run")
    ap.add_argument("--regroup", action="store_true", help="time store.regroup() on the database first")
    args = ap.parse_args()
    if not (args.reuse and args.db.exists()):
        from site_db import build

        args.db.parent.mkdir(parents=True, exist_ok=True)
        build(args.db, args.docs, log=lambda m: print(m, file=sys.stderr))
    db = sqlite_utils.Database(args.db)
    if args.regroup:
        from extractor import store

        wall, cpu = time.perf_counter(), time.process_time()
        store.regroup(db)
        print(f"regroup (every import ends with it): {time.perf_counter() - wall:.1f} s wall, "
              f"{time.process_time() - cpu:.1f} s CPU")
    print(f"{args.db}: {db['documents'].count} documents, {args.db.stat().st_size / 1e6:.0f} MB; "
          f"settings {_settings() or 'Datasette defaults'}\n")
    results = asyncio.run(measure(args.db, args.runs))
    if args.save:
        args.save.write_text(json.dumps(results, ensure_ascii=False, indent=1), encoding="utf-8")
    before = {r["path"]: r for r in json.loads(args.compare.read_text())} if args.compare else None
    report(results, before)


if __name__ == "__main__":
    main()
