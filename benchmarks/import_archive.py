"""Benchmark: import a synthetic archive with 1 and 2 workers, then re-import it unchanged.

    python benchmarks/import_archive.py [--docs 500] [--pages 20]

Prints documents/s, pages/s (all files, and text-layer PDFs alone), peak memory (this process and its workers), the re-import time and
the per-stage split (read, split, extract, store). Every document is invented (synthetic.py).
"""
from __future__ import annotations

import argparse
import os
import resource
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic import write_corpus  # noqa: E402

from extractor.bulk import ImportSettings, import_paths  # noqa: E402


def _peak_mb() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(own, children) / 1024


def _tree_pss_mb() -> float:
    """Memory of this process and its children now, as PSS (shared pages counted once)."""
    me = os.getpid()
    pids = [me]
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as f:
                    if int(f.read().rsplit(")", 1)[1].split()[1]) == me:
                        pids.append(int(entry))
            except (OSError, IndexError, ValueError):
                pass
    total = 0
    for pid in pids:
        try:
            with open(f"/proc/{pid}/smaps_rollup") as f:
                total += sum(int(line.split()[1]) for line in f if line.startswith("Pss:"))
        except OSError:
            pass
    return total / 1024


class _MemorySampler(threading.Thread):
    """Samples the whole import's memory (parent and workers) ten times a second."""

    def __init__(self):
        super().__init__(daemon=True)
        self.peak, self._done = 0.0, threading.Event()

    def run(self):
        while not self._done.wait(0.1):
            self.peak = max(self.peak, _tree_pss_mb())

    def stop(self) -> float:
        self._done.set()
        self.join()
        return self.peak


def _run(db: Path, files: list[Path], workers: int, force: bool = False) -> tuple[float, object]:
    sampler = _MemorySampler()
    sampler.start()
    started = time.perf_counter()
    summary = import_paths(str(db), files, ImportSettings(workers=workers, force=force, ocr=False),
                           report=lambda msg: print(msg, file=sys.stderr))
    seconds = time.perf_counter() - started
    summary.peak_mb = sampler.stop()
    return seconds, summary


def warm_up() -> None:
    """Load the NER and method models so that the timings below are of the work itself."""
    from extractor.pipeline import extract
    from extractor.read import read

    with tempfile.TemporaryDirectory() as tmp:
        sample = Path(tmp) / "sample.txt"
        sample.write_text("Ansökan\nKontaktperson: Anna Exempelsson\nVi använder motiverande samtal (MI).\n",
                          encoding="utf-8")
        extract(read(sample))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, default=500)
    ap.add_argument("--pages", type=int, default=20,
                    help="filler per document (20 gives PDFs of about 10 dense pages)")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        started = time.perf_counter()
        files = write_corpus(tmp / "archive", args.docs, seed=3, pages=args.pages)
        print(f"generated {len(files)} documents in {time.perf_counter() - started:.1f} s")
        started = time.perf_counter()
        warm_up()
        print(f"loading the models (once per process; forked workers inherit them): "
              f"{time.perf_counter() - started:.1f} s")
        first = None
        for workers in (1, 2):
            seconds, summary = _run(tmp / f"w{workers}.db", files, workers)
            first = first or seconds
            print(f"workers={workers}: {summary.imported} docs, {summary.pages} pages in {seconds:.1f} s = "
                  f"{summary.imported / seconds:.1f} docs/s, {summary.pages / seconds:.1f} pages/s, "
                  f"failed {summary.failed}, peak memory {summary.peak_mb:.0f} MB (all processes, PSS)")
            if workers == 1:
                total = sum(summary.timings.values()) or 1
                split = ", ".join(f"{k} {v:.1f} s ({100 * v / total:.0f} %)" for k, v in summary.timings.items())
                print(f"  per stage (1 worker): {split}")
        pdfs = [f for f in files if f.suffix == ".pdf"]
        seconds, summary = _run(tmp / "pdf.db", pdfs, 1)
        print(f"text-layer PDFs only, workers=1: {summary.imported} docs, {summary.pages} pages in {seconds:.1f} s"
              f" = {summary.pages / seconds:.1f} pages/s per core")
        seconds, summary = _run(tmp / "w2.db", files, 2)
        print(f"re-import unchanged: {summary.unchanged} unchanged in {seconds:.2f} s "
              f"({100 * seconds / first:.1f} % of the first import)")
        print(f"peak memory: {_peak_mb():.0f} MB (largest single process)")


if __name__ == "__main__":
    main()
