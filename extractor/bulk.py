"""Bulk import: hash, skip what is stored, extract in parallel processes, write from one process."""
from __future__ import annotations

import hashlib
import os
import re
import signal
import sys
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

import sqlite_utils

from . import __version__, pipeline, store
from .errors import ExtractorError


@dataclass
class ImportSettings:
    force: bool = False
    workers: int | None = None  # None: the core count
    timeout: float = 300.0  # seconds one document may take
    ocr: bool = True
    progress: bool = False


@dataclass
class ImportSummary:
    total: int = 0
    imported: int = 0
    unchanged: int = 0
    failed: int = 0
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


def extract_one(path: str, ocr: bool, timeout: float, reraise: bool = False) -> tuple[str, object, dict]:
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
        return "error", f"{path}: took longer than {timeout:g} s; skipped (raise --timeout to allow more)", {}
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


def _sha256(path: Path) -> str | None:
    digest = hashlib.sha256()
    try:
        with open(path, "rb") as fh:
            for block in iter(lambda: fh.read(1 << 20), b""):
                digest.update(block)
    except OSError:
        return None
    return digest.hexdigest()


def _timed_out_before(db: sqlite_utils.Database) -> dict[str, float]:
    """Return {sha256: seconds} for documents that this extractor version gave up on for time."""
    out: dict[str, float] = {}
    for row in db.query("select sha256, reason from import_errors where sha256 is not null"):
        m = TIMED_OUT_RE.search(row["reason"])
        if m and m.group("version") == __version__:
            out[row["sha256"]] = max(out.get(row["sha256"], 0.0), float(m.group("limit")))
    return out


def _to_extract(db: sqlite_utils.Database, files: list[Path], force: bool, timeout: float = 0.0,
                report: Callable[[str], None] = print) -> tuple[list[Path], int, int, dict[str, str]]:
    """Return the files that need extracting, how many are stored unchanged, how many timed out
    before (with at least this time limit; they are not tried again) and each file's sha256."""
    todo, unchanged, skipped, shas = [], 0, 0, {}
    timed_out = {} if force else _timed_out_before(db)
    for path in files:
        sha = _sha256(path)
        shas[str(path)] = sha
        if not force and sha and store.stored_version(db, sha) == __version__:
            unchanged += 1
        elif sha in timed_out and (timeout <= 0 or timed_out[sha] >= timeout):
            report(f"error: {path}: took longer than {timed_out[sha]:g} s in an earlier run; skipped "
                   "(--force or a larger --timeout tries it again)")
            skipped += 1
        else:
            todo.append(path)
    return todo, unchanged, skipped, shas


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


def _ignore_interrupts() -> None:
    """Workers leave Ctrl-C to the parent, which stops the batch between two documents."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _results(todo: list[Path], settings: ImportSettings, workers: int):
    args = [(str(p), settings.ocr, settings.timeout) for p in todo]
    if workers <= 1 or len(todo) <= 1:
        for a in args:
            yield a[0], extract_one(*a)
        return
    pool = ProcessPoolExecutor(max_workers=workers, initializer=_ignore_interrupts)
    try:
        futures = [(a[0], pool.submit(extract_one, *a)) for a in args]
        for path, future in futures:
            yield path, future.result()
    except BaseException:
        # Ctrl-C or an error here: drop the queued documents and stop the busy workers now
        # rather than after their current document.
        pool.shutdown(wait=False, cancel_futures=True)
        for process in list((pool._processes or {}).values()):
            process.terminate()
        raise
    pool.shutdown()


def import_paths(db_path: str, files: list[Path], settings: ImportSettings,
                 report: Callable[[str], None] = print) -> ImportSummary:
    """Import `files` into the database at db_path and return what happened.

    Ctrl-C stops the batch between two documents: the summary says interrupted, and what is
    stored is whole, so the next run skips it and imports the rest.
    """
    db = sqlite_utils.Database(db_path)
    store.ensure_schema(db)
    summary = ImportSummary(total=len(files))
    todo, summary.unchanged, summary.failed, shas = _to_extract(db, files, settings.force, settings.timeout, report)
    workers = settings.workers or os.cpu_count() or 1
    progress = _Progress(len(todo), settings.progress)
    try:
        _import_all(db, todo, settings, workers, summary, progress, report, shas)
    except KeyboardInterrupt:
        summary.interrupted = True
    store.regroup(db)  # copies, versions and insatser, again over every stored file
    return summary


def _import_all(db, todo, settings, workers, summary, progress, report, shas) -> None:
    """Store each result as it arrives (this process is the only writer)."""
    for path, (status, value, timings) in _results(todo, settings, workers):
        if status == "ok":
            started = time.perf_counter()
            store.save_record(db, value)
            store.clear_errors(db, path)
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


def record_skipped(db_path: str, paths: list[Path], supported: list[str]) -> None:
    """Record files of an unsupported type in import_errors, so every file passed over is listed."""
    db = sqlite_utils.Database(db_path)
    for path in paths:
        store.record_error(db, str(path), f"not a supported file type ({', '.join(supported)})")
