"""Bulk import: hash, skip what is stored, extract in isolated worker processes, write from one process."""
from __future__ import annotations

import hashlib
import os
import re
import signal
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Callable

from . import __version__, group, isolate, pipeline
from .errors import ExtractorError, UnreadableDocument
from .read import limits
from .read import ocr as ocr_pages

if TYPE_CHECKING:  # the database is imported where it is used: `extract` never opens one
    import sqlite_utils


@dataclass
class ImportSettings:
    force: bool = False
    workers: int | None = None  # None: the core count
    timeout: float = 300.0  # seconds one document may take
    memory_mb: int = isolate.Budget.memory_mb  # MB one document may use beyond the loaded models (0: no limit)
    ocr: bool = True
    progress: bool = False


@dataclass
class ImportSummary:
    total: int = 0
    imported: int = 0
    unchanged: int = 0
    failed: int = 0
    same: int = 0  # files with the same bytes as another file of the batch (stored once)
    missing: int = 0  # stored files their folder no longer holds
    pages: int = 0
    timings: dict = field(default_factory=dict)
    interrupted: bool = False  # Ctrl-C: what was stored is whole, the rest is left for the next run


TIMED_OUT_RE = re.compile(r"took longer than (?P<limit>[\d.]+) s; .*\[extractor (?P<version>[^\]]+)\]$")


class DocumentTimeout(ExtractorError):
    """A document took longer than the per-document time limit."""


def _alarm(signum, frame):
    raise DocumentTimeout("took longer than the time limit")


def _named(path: str, message: str) -> str:
    """Return the message with the file named first, as every error line should be."""
    return message if message.startswith(str(path)) else f"{path}: {message}"


def extract_one(path: str, ocr: bool, timeout: float, reraise: bool = False,
                memory_mb: int = 0) -> tuple[str, object, dict]:
    """Return ("ok", Record, timings) or ("error", message, {}) for one file; never raises.

    Any exception, ours or not (ValueError, RecursionError, MemoryError …), is this document's
    error; `timeout` seconds (0: no limit) are measured with SIGALRM, in the main thread only.
    With `reraise` (--debug) an unexpected exception propagates with its traceback.
    """
    timings: dict = {}
    timed = timeout > 0 and threading.current_thread() is threading.main_thread()
    if timed:
        previous = signal.signal(signal.SIGALRM, _alarm)
        signal.setitimer(signal.ITIMER_REAL, timeout)
    try:
        return "ok", pipeline.run(path, ocr=ocr, timings=timings), timings
    except DocumentTimeout:
        return "error", isolate.took_too_long(path, timeout), {}
    except MemoryError:
        if reraise:
            raise
        return "error", isolate.over_memory(path, memory_mb) if memory_mb else f"{path}: ran out of memory", {}
    except ExtractorError as err:
        if reraise:
            raise
        return "error", _named(path, str(err)), {}
    except Exception as err:  # a bug or a parser crash must not stop the batch
        if reraise:
            raise
        return "error", f"{path}: unexpected {err.__class__.__name__}: {err}", {}
    finally:
        if timed:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)


def _sha256(path: Path) -> str:
    """Return the sha256 of a regular file within the size limit.

    Raises:
        UnreadableDocument: not a regular file (a FIFO, /dev/zero), over the size limit, unreadable.
    """
    digest, total, limit = hashlib.sha256(), 0, limits.MAX_FILE_BYTES
    fd = limits.open_regular(path)
    try:
        with os.fdopen(fd, "rb") as fh:
            for block in iter(lambda: fh.read(1 << 20), b""):
                total += len(block)
                if limit and total > limit:
                    raise UnreadableDocument(f"{path}: larger than the {limit} byte limit (--max-size allows more)")
                digest.update(block)
    except OSError as err:
        raise UnreadableDocument(f"{path}: cannot read ({err.strerror})") from err
    return digest.hexdigest()


def _timed_out_before(db: sqlite_utils.Database) -> dict[str, float]:
    """Return {sha256: seconds} for documents that this extractor version gave up on for time."""
    out: dict[str, float] = {}
    for row in db.query("select sha256, reason from import_errors where sha256 is not null"):
        m = TIMED_OUT_RE.search(row["reason"])
        if m and m.group("version") == __version__:
            out[row["sha256"]] = max(out.get(row["sha256"], 0.0), float(m.group("limit")))
    return out


@dataclass
class _Plan:
    todo: list[Path] = field(default_factory=list)
    unchanged: int = 0
    failed: int = 0  # unreadable before extraction, or timed out in an earlier run
    same: int = 0  # the same bytes as a file before it in this batch: stored once
    shas: dict[str, str] = field(default_factory=dict)


def _to_extract(db: sqlite_utils.Database, files: list[Path], force: bool, timeout: float = 0.0,
                report: Callable[[str], None] = print) -> _Plan:
    """Return the files that need extracting and why the others do not: stored unchanged, the same
    bytes as another file in the batch, not a regular file, or timed out before (with at least this
    time limit; they are not tried again). A stored file found at a new path (renamed, moved) gets it."""
    from . import store
    plan, first = _Plan(), set()
    timed_out = {} if force else _timed_out_before(db)
    for path in files:
        try:
            sha = _sha256(path)
        except UnreadableDocument as err:  # before any reading: a FIFO, /dev/zero, a file too large
            report(f"error: {err}")
            store.record_error(db, str(path), str(err))
            plan.failed += 1
            continue
        plan.shas[str(path)] = sha
        if sha in first:
            plan.same += 1
            continue
        first.add(sha)
        stored = store.stored_file(db, sha)
        if stored and (stored["missing_since"] or stored["path"] != str(path) and not os.path.exists(stored["path"])):
            store.found_at(db, sha, str(path))
        if not force and stored and stored["extractor_version"] == __version__:
            plan.unchanged += 1
        elif sha in timed_out and (timeout <= 0 or timed_out[sha] >= timeout):
            report(f"error: {path}: took longer than {timed_out[sha]:g} s in an earlier run; skipped "
                   "(--force or a larger --timeout tries it again)")
            plan.failed += 1
        else:
            plan.todo.append(path)
    return plan


def _mark_missing(db: sqlite_utils.Database, folders: list[str], plan: _Plan) -> int:
    """Mark the stored files under `folders` that this walk no longer found (deleted, moved out); return how many."""
    from . import store
    prefixes = tuple(str(Path(f)).rstrip("/") + "/" for f in folders)
    found = set(plan.shas.values())
    gone = [r["sha256"] for r in db.query("select sha256, path from documents where missing_since is null")
            if (r["path"] or "").startswith(prefixes) and r["path"] not in plan.shas
            and r["sha256"] not in found and not os.path.exists(r["path"])]
    if gone:
        store.mark_missing(db, gone)
    return len(gone)


class _Progress:
    def __init__(self, total: int, enabled: bool):
        self.total, self.enabled, self.done, self.start = total, enabled, 0, time.perf_counter()

    def step(self) -> None:
        self.done += 1
        if not self.enabled:
            return
        elapsed = time.perf_counter() - self.start
        rate = self.done / elapsed if elapsed else 0.0
        eta = (self.total - self.done) / rate if rate else 0.0
        sys.stderr.write(f"\r{self.done}/{self.total} files  {rate:5.1f} files/s  ETA {eta:5.0f} s ")
        if self.done == self.total:
            sys.stderr.write("\n")
        sys.stderr.flush()


WARM_UP = "Insatsens namn\nProvet\nKontaktperson\nEva Exempel, projektledare\nMetod\nVi använder motiverande samtal.\n"


# An invented two-page application (the sample corpus's): reading it sets up what a PDF's first
# reading sets up (pdfium's calls, numpy's, the heading and figure patterns built when first asked).
WARM_UP_PDF = Path(__file__).resolve().parent / "data" / "warm-up.pdf"


def warm_up() -> None:
    """Load every model and library the pipeline uses in this process, before workers are forked
    from it: the NER too, which a text reaches only through a signatures section, and the
    readers' libraries. Otherwise each worker would load them again, for each file that needs them;
    and read a PDF once, so that what its first reading sets up is each worker's from the start."""
    from .extract.nlp import load_nlp
    from .read import preload
    from .record import Document

    isolate.warm(lambda: pipeline.extract(Document(path="warm-up.txt", format="txt", sha256="0" * 64, text=WARM_UP)))
    isolate.warm(lambda: pipeline.run(WARM_UP_PDF, ocr=False))
    isolate.warm(load_nlp)
    isolate.warm(preload)


def extract_all(paths: list[str], ocr: bool, budget: isolate.Budget, workers: int = 1, ordered: bool = False,
                reraise: bool = False, fingerprint: bool = False):
    """Yield (path, extract_one(path)) for each path, each in a forked worker under the time and memory
    budget when this system can fork (Linux); in this process otherwise, or with `reraise` (--debug).

    With `fingerprint` (an import), each record also carries its text's MinHash signature
    (`record.minhash`), computed beside the extraction, where store.save_record would otherwise
    compute it in the one process that stores every document.
    """
    # the cores a worker's scanned pages may take: its share, where workers run side by side
    ocr_share = max(1, (os.cpu_count() or 1) // max(1, min(workers, len(paths))))

    def work(path: str, **kw) -> tuple[str, object, dict]:
        result = extract_one(path, ocr, budget.timeout, memory_mb=budget.memory_mb, **kw)
        if fingerprint and result[0] == "ok":
            result[1].minhash = group.signature(result[1].text)
        return result

    if reraise or not isolate.available():
        for path in paths:
            yield path, work(path, reraise=reraise)
        return
    if len(paths) > 1:  # one file loads only what it needs, in its worker
        warm_up()
    # The worker enforces the time limit itself (a clean message); the parent kills it a little later.
    inner = isolate.Budget(timeout=budget.timeout, memory_mb=budget.memory_mb, grace=2.0)

    def in_worker(path: str) -> tuple[str, object, dict]:
        ocr_pages.PROCESSES = ocr_share
        return work(path)

    yield from isolate.run_isolated(paths, in_worker, inner, workers=workers, ordered=ordered)


def _results(todo: list[Path], settings: ImportSettings, workers: int):
    budget = isolate.Budget(timeout=settings.timeout, memory_mb=settings.memory_mb)
    return extract_all([str(p) for p in todo], settings.ocr, budget, workers=workers, fingerprint=True)


def import_paths(db_path: str, files: list[Path], settings: ImportSettings,
                 report: Callable[[str], None] = print, folders: list[str] = ()) -> ImportSummary:
    """Import `files` into the database at db_path and return what happened.

    `folders` are the folders the files were found in: stored files under them that are no longer
    there are marked missing (kept, but never current). Every count is of distinct files stored.

    Ctrl-C stops the batch between two documents: the summary says interrupted, and what is
    stored is whole, so the next run skips it and imports the rest.
    """
    import sqlite_utils
    from . import store
    db = sqlite_utils.Database(db_path)
    store.ensure_schema(db)
    summary = ImportSummary(total=len(files))
    plan = _to_extract(db, files, settings.force, settings.timeout, report)
    summary.unchanged, summary.failed, summary.same = plan.unchanged, plan.failed, plan.same
    summary.missing = _mark_missing(db, folders, plan)
    workers = settings.workers or os.cpu_count() or 1
    progress = _Progress(len(plan.todo), settings.progress)
    try:
        _import_all(db, plan.todo, settings, workers, summary, progress, report, plan.shas)
    except KeyboardInterrupt:
        summary.interrupted = True
    store.regroup(db)  # copies, versions and insatser, again over every stored file
    return summary


def _import_all(db, todo, settings, workers, summary, progress, report, shas) -> None:
    """Store each result as it arrives (this process is the only writer)."""
    results = _results(todo, settings, workers)
    try:
        _store_all(db, results, summary, progress, report, shas)
    finally:
        results.close()  # Ctrl-C: the children still running are killed now


def _store_all(db, results, summary, progress, report, shas) -> None:
    from . import store

    for path, (status, value, timings) in results:
        if status == "ok":
            started = time.perf_counter()
            store.save_record(db, value)  # and forgets the file's earlier errors
            timings["store"] = time.perf_counter() - started
            summary.imported += 1
            summary.pages += value.source.get("pages") or 1
            for stage, seconds in timings.items():
                summary.timings[stage] = summary.timings.get(stage, 0.0) + seconds
        else:
            report(f"error: {value}")
            # a time-out is marked with the version, so that the next run does not spend it again
            note = f" [extractor {__version__}]" if TIMED_OUT_RE.search(f"{value} [extractor {__version__}]") else ""
            store.record_error(db, path, f"{value}{note}", sha256=shas.get(str(path)))
            summary.failed += 1
        progress.step()


def record_skipped(db_path: str, paths: list[tuple[Path, str]], supported: list[str]) -> None:
    """Record files passed over (an unsupported type, a link out of the folder) in import_errors,
    so every file passed over is listed."""
    import sqlite_utils
    from . import store
    db = sqlite_utils.Database(db_path)
    for path, why in paths:
        reason = f"{why} ({', '.join(supported)})" if why == "not a supported file type" else why
        store.record_error(db, str(path), reason)
