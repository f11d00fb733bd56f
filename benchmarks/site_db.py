"""A database of many invented documents for the site benchmark (site_scale.py).

The bundled corpus and a few synthetic applications (synthetic.py) are extracted once with the
pipeline; each stored document is then one of those records varied: a new sha256, title, year,
owners, partners, methods, target ages, money, contacts and about 30–40 KB of invented text in
a dozen more sections (with their own dates, amounts and method sentences). Rows are made by
store.py's own row builders and bulk-inserted into the schema ensure_schema() creates; then
store.regroup() runs, as after an import. About one file in twenty is a copy of an earlier one
in another format, so the grouping has copies to find.

Every name, förbund and sentence here is made up.
"""
from __future__ import annotations

import copy
import datetime as dt
import hashlib
import json
import random
import sys
import tempfile
import time
from pathlib import Path

import sqlite_utils

sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic import write_corpus  # noqa: E402

from extractor import group, pipeline, store  # noqa: E402
from extractor.glossary import METHOD_GLOSSARY  # noqa: E402
from extractor.record import Record, Section  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
ORGS = json.loads((ROOT / "extractor" / "data" / "organizations.json").read_text(encoding="utf-8"))
KOMMUNER = [k for names in ORGS["kommuner"].values() for k in names]
PARTNERS = ORGS["agencies"][:6] + ORGS["regioner"]
LABELS = list(METHOD_GLOSSARY)
DOC_TYPES = ["application"] * 5 + ["progress_report", "progress_report", "final_report", "operational_plan",
                                   "decision", "other"]
FORMATS = ["pdf", "pdf", "pdf", "docx", "docx", "txt", "doc", "odt", "html"]
ADJECTIVES = ["Nya", "Gröna", "Breda", "Raka", "Stora", "Trygga", "Öppna", "Unga", "Gemensamma", "Starka",
              "Hela", "Lugna", "Nästa", "Egna", "Klara", "Norra", "Södra", "Östra", "Västra", "Första"]
NOUNS = ["vägar", "steget", "bryggan", "kompassen", "spåret", "dörren", "porten", "trappan", "vågen", "stigen",
         "bron", "ledstången", "horisonten", "fotfästet", "språnget", "navet", "kartan", "nyckeln", "lyktan",
         "hamnen", "ankaret", "trädet", "fönstret", "vägvisaren", "startlinjen"]
AGE_BANDS = [(16, 29), (18, 64), (20, 30), (25, 64), (16, 24), (18, 29), (30, 64), (None, 29), (50, None)]
FIRST = ["Alva", "Bo", "Cilla", "Dan", "Eja", "Frej", "Greta", "Hampus", "Iris", "Jon", "Kajsa", "Lars"]
LAST = ["Påhittsson", "Exempelberg", "Låtsasdal", "Provholm", "Fiktivström", "Uppdiktsson", "Testlund"]
KEYS = ["background", "purpose", "goals", "methods", "collaboration", "follow_up", "dissemination",
        "anchoring", "participants", "budget", "other"]
HEADINGS = {"background": "Bakgrund", "purpose": "Syfte", "goals": "Mål", "methods": "Metod och arbetssätt",
            "collaboration": "Samverkan", "follow_up": "Uppföljning", "dissemination": "Spridning",
            "anchoring": "Förankring", "participants": "Deltagare", "budget": "Kostnader", "other": "Övrigt"}
SUBJECTS = ["Deltagarna", "Coacherna", "Styrgruppen", "Arbetsgivarna", "Handläggarna", "Teamet", "Parterna",
            "Projektledningen", "Referensgruppen", "Kommunens arbetsmarknadsenhet", "Vården", "Skolan"]
VERBS = ["följer upp", "planerar", "utvecklar", "samordnar", "beskriver", "prövar", "dokumenterar", "förankrar",
         "stödjer", "kartlägger", "utvärderar", "sprider"]
OBJECTS = ["stegförflyttningar mot arbete", "de individuella planerna", "kontakten med arbetsplatser",
           "vägen till studier", "hälsan och vardagen", "samarbetet mellan myndigheterna", "praktikplatserna",
           "rutinerna för överlämning", "resultaten varje kvartal", "deltagarnas egna mål",
           "stödet efter avslut", "kunskapen om målgruppen", "insatsens arbetssätt"]
PLACES = ["i {k}", "tillsammans med {p}", "varje vecka", "under hela perioden", "vid behov", "i nära dialog",
          "på ett strukturerat sätt", "utifrån deltagarens behov", "i samverkan", "enligt plan"]
MONTHS = ["januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober",
          "november", "december"]


def template_records(workdir: Path, synthetic: int = 10) -> list[Record]:
    """Return the records of corpus/ and `synthetic` invented applications, each extracted once."""
    paths = sorted(p for p in (ROOT / "corpus").iterdir() if p.is_file() and p.suffix != ".md")
    paths += write_corpus(workdir / "synthetic", synthetic, seed=7, pages=3)
    return [pipeline.run(p, ocr=False) for p in paths]


def _sentence_pool(rng: random.Random, size: int = 4000) -> list[str]:
    pool = []
    for _ in range(size):
        place = rng.choice(PLACES).format(k=rng.choice(KOMMUNER), p=rng.choice(PARTNERS))
        pool.append(f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(OBJECTS)} {place}"
                    f" och {rng.choice(VERBS)} {rng.choice(OBJECTS)}.")
    return pool


class _Writer:
    """Appends text and remembers where each value it was told about lies in it."""

    def __init__(self, text: str):
        self.parts, self.length = [text], len(text)

    def add(self, piece: str) -> tuple[int, int]:
        start = self.length
        self.parts.append(piece)
        self.length += len(piece)
        return start, self.length

    def text(self) -> str:
        return "".join(self.parts)


def _more_sections(rec: Record, rng: random.Random, pool: list[str], target: int, methods: list[str]) -> None:
    """Append invented sections to rec until its text is `target` characters long, with the
    dates, amounts and method sentences they hold (each with its evidence)."""
    out = _Writer(rec.text.rstrip("\n") + "\n")
    keys = rng.sample(KEYS, k=len(KEYS))
    per_section = max(1500, (target - out.length) // len(keys))
    for key in keys:
        out.add("\n" + HEADINGS[key] + "\n")
        start = out.length
        while out.length - start < per_section:
            out.add(" ".join(rng.choices(pool, k=6)) + " ")
            day, month, year = rng.randint(1, 28), rng.randint(1, 12), rng.randint(2010, 2026)
            out.add("Nästa avstämning sker ")
            where = out.add(f"{day} {MONTHS[month - 1]} {year}")
            iso = f"{year}-{month:02d}-{day:02d}"
            rec.dates.append(iso)
            rec.evidence.setdefault("dates", []).append(_ev(key, where, iso, out))
            out.add(". Kostnaden för detta är ")
            sek = rng.randint(1, 900) * 1000
            where = out.add(f"{sek:,} kr".replace(",", " "))
            rec.amounts.append(sek)
            rec.evidence.setdefault("amounts", []).append(_ev(key, where, sek, out))
            out.add(". ")
            if key == "methods" and methods:
                label = rng.choice(methods)
                where = out.add(f"Vi arbetar med {METHOD_GLOSSARY[label][0]} i mötet med deltagarna. ")
                for m in rec.methods:
                    if m["label"] == label:
                        m["evidence"].append({"text": _quote(out, where), "section": key,
                                              "char_start": where[0], "char_end": where[1]})
        rec.sections.append(Section(key, HEADINGS[key], "".join(out.parts)[start:], None, start, out.length))
    rec.text = out.text()
    rec.dates, rec.amounts = sorted(set(rec.dates)), sorted(set(rec.amounts))


def _quote(out: _Writer, where: tuple[int, int]) -> str:
    return out.parts[-1][: where[1] - where[0]]


def _ev(key: str, where: tuple[int, int], value, out: _Writer) -> dict:
    return {"value": value, "section": key, "char_start": where[0], "char_end": where[1], "quote": _quote(out, where)}


def vary(template: Record, i: int, rng: random.Random, pool: list[str], text_kb: tuple[int, int]) -> Record:
    """Return a new invented record built on `template`: other identity, figures and text."""
    rec = copy.deepcopy(template)
    year = rng.randint(2008, 2026)
    owners = rng.sample(KOMMUNER[:60], k=rng.choice([1, 1, 1, 2]))
    partners = rng.sample(PARTNERS, k=rng.randint(1, 3))
    labels = rng.sample(LABELS[:8], k=rng.choice([0, 1, 1, 2, 2, 3, 4]))
    sha = hashlib.sha256(f"site-benchmark {i}".encode()).hexdigest()
    fmt = rng.choice(FORMATS)
    rec.source = {**rec.source, "sha256": sha, "format": fmt, "path": f"arkiv/{year}/dokument-{i:05d}.{fmt}"}
    rec.doc_type = rng.choice(DOC_TYPES)
    rec.title = f"{rng.choice(ADJECTIVES)} {rng.choice(NOUNS)}"
    rec.diarienummer = f"SF {year}/{i}" if rng.random() < 0.7 else None
    rec.period = {"start": f"{year}-{rng.randint(1, 12):02d}-01", "end": f"{year + rng.randint(1, 3)}-12-31",
                  "intake_end": None}
    rec.budget = {"requested_sek": rng.randint(2, 80) * 50_000, "own_financing_sek": rng.randint(0, 20) * 25_000,
                  "total_sek": rng.randint(4, 120) * 50_000}
    rec.organizations = [{"name": o, "role": "owner"} for o in owners] + [
        {"name": p, "role": "partner"} for p in partners]
    rec.methods = [{"label": label, "confidence": round(rng.uniform(0.5, 1.0), 3), "evidence": []}
                   for label in labels]
    rec.target_groups = [{"age_min": a, "age_max": b} for a, b in rng.sample(AGE_BANDS, k=rng.choice([1, 1, 2]))]
    rec.participants = {"count": rng.randint(1, 30) * 5, "per": rng.choice(["year", "total", "ongoing"])}
    for contact in rec.contacts:
        contact["name"] = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
    values = {"title": rec.title, "diarienummer": rec.diarienummer, "period.start": rec.period["start"],
              "period.end": rec.period["end"], "participants": rec.participants,
              **{f"budget.{k}": v for k, v in rec.budget.items()}}
    rec.evidence["fields"] = [{**ev, "value": values[ev["field"]]} for ev in rec.evidence.get("fields", [])
                              if values.get(ev["field"]) is not None]
    rec.evidence["organizations"] = []
    _more_sections(rec, rng, pool, rng.randint(*text_kb) * 1000, labels)
    return rec


def _insert(db: sqlite_utils.Database, table: str, rows: list[dict]) -> None:
    """Insert rows with the table's own columns (a value a row lacks is null)."""
    if not rows:
        return
    present = {k for r in rows for k in r}
    columns = [c.name for c in db[table].columns if c.name in present]
    sql = f"insert into [{table}] ({', '.join(f'[{c}]' for c in columns)}) values ({', '.join('?' * len(columns))})"
    db.conn.executemany(sql, [[r.get(c) for c in columns] for r in rows])


class _Batch:
    """Rows of many records, in the form save_record() writes them."""

    def __init__(self, db: sqlite_utils.Database):
        self.db, self.rows = db, {}
        self.org_ids = {r["name"]: r["id"] for r in db.query("select id, name from organizations")}
        self.method_id = db.execute("select coalesce(max(id), 0) from methods").fetchone()[0]
        self.texts = "document_texts" in db.table_names()

    def add(self, rec: Record, signature: bytes | None) -> None:
        sha = rec.source["sha256"]
        doc = {**store._document_row(rec, "2026-01-01T00:00:00+00:00"), "minhash": signature,
               "current": 1, "version": 1, "document_id": sha, "insats_id": sha[:16]}
        if self.texts:  # the schema that keeps the text and its fingerprint apart from the facts
            self.rows.setdefault("document_texts", []).append(
                {"sha256": sha, "full_text": rec.text, "minhash": doc.pop("minhash")})
        self.rows.setdefault("documents", []).append(doc)
        for table, rows in store._child_rows(rec).items():
            self.rows.setdefault(table, []).extend(rows)
        for org in rec.organizations:
            if org["name"] not in self.org_ids:
                self.org_ids[org["name"]] = len(self.org_ids) + 1
                self.rows.setdefault("organizations", []).append({"id": self.org_ids[org["name"]], "name": org["name"]})
            where = store._provenance(rec, "organizations", (org["name"], org["role"]))
            self.rows.setdefault("document_organizations", []).append(
                {store.DOC: sha, "organization_id": self.org_ids[org["name"]], "role": org["role"], **where})
        for method in rec.methods:
            self.method_id += 1
            self.rows.setdefault("methods", []).append(
                {"id": self.method_id, store.DOC: sha, "label": method["label"], "confidence": method["confidence"]})
            self.rows.setdefault("method_evidence", []).extend(
                {"method_id": self.method_id, store.DOC: sha, "label": method["label"], "text": ev["text"],
                 "section": ev["section"], "char_start": ev["char_start"], "char_end": ev["char_end"],
                 "quote": ev["text"]} for ev in method["evidence"])

    def flush(self) -> None:
        with self.db.conn:
            for table in ["organizations", "documents", "document_texts", "methods", *store.CHILD_TABLES]:
                _insert(self.db, table, self.rows.pop(table, []))
        self.rows = {}


def build(path: Path, docs: int, seed: int = 1, text_kb: tuple[int, int] = (30, 40), log=print) -> dict:
    """Write a database of `docs` invented documents at `path` and return how long each step took."""
    rng = random.Random(seed)
    clock, took = time.perf_counter(), {}
    with tempfile.TemporaryDirectory() as tmp:
        templates = template_records(Path(tmp))
    took["extract templates"] = time.perf_counter() - clock
    log(f"{len(templates)} template records extracted in {took['extract templates']:.1f} s")
    path.unlink(missing_ok=True)
    db = sqlite_utils.Database(path)
    db.execute("PRAGMA journal_mode = WAL")
    db.execute("PRAGMA cache_size = -2000000")  # 2 GB: random sha256 keys touch every index page
    store.ensure_schema(db)
    db["sections"].disable_fts()  # filled in one pass at the end, when regroup() calls ensure_schema()
    pool, batch, clock = _sentence_pool(rng), _Batch(db), time.perf_counter()
    previous: list[tuple[Record, bytes | None]] = []
    for i in range(docs):
        if previous and rng.random() < 0.05:  # a copy: the same record in another format
            rec, sig = copy.deepcopy(rng.choice(previous[-200:]))
            fmt = "pdf" if rec.source["format"] != "pdf" else "docx"
            rec.source = {**rec.source, "format": fmt, "sha256": hashlib.sha256(f"copy {i}".encode()).hexdigest(),
                          "path": rec.source["path"].rsplit(".", 1)[0] + "." + fmt}
        else:
            template = templates[i % len(templates)]
            rec = vary(template, i, rng, pool, text_kb)
            # The fingerprint of the invented part alone: the templates' openings repeat by design.
            sig = group.signature(rec.text[len(template.text):][:8000])
            previous.append((rec, sig))
        batch.add(rec, sig)
        if (i + 1) % 500 == 0:
            batch.flush()
            log(f"  {i + 1} documents stored ({time.perf_counter() - clock:.0f} s)")
    batch.flush()
    took["store"] = time.perf_counter() - clock
    clock = time.perf_counter()
    store.regroup(db)
    took["regroup"] = time.perf_counter() - clock
    db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.execute("PRAGMA journal_mode = DELETE")
    db.conn.close()
    log(f"built {path} ({path.stat().st_size / 1e6:.0f} MB): " + ", ".join(f"{k} {v:.0f} s" for k, v in took.items()))
    return took


if __name__ == "__main__":
    if len(sys.argv) < 2 or sys.argv[1].startswith("-"):
        raise SystemExit("usage: python benchmarks/site_db.py DB_PATH [DOCS (200)]")
    build(Path(sys.argv[1]), int(sys.argv[2]) if len(sys.argv) > 2 else 200)
    print(dt.datetime.now().isoformat(timespec="seconds"))
