"""Benchmark: import a synthetic archive with 1 and 2 workers, then re-import it unchanged.

    python benchmarks/import_archive.py [--docs 500] [--pages 8]

Prints documents/s, pages/s, peak memory (this process and its workers), the re-import time and
the per-stage split (read, split, extract, store). Every document is invented (synthetic.py).
"""
from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic import write_corpus  # noqa: E402

from extractor.bulk import ImportSettings, import_paths  # noqa: E402


def _peak_mb() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(own, children) / 1024


def _run(db: Path, files: list[Path], workers: int, force: bool = False) -> tuple[float, object]:
    started = time.perf_counter()
    summary = import_paths(str(db), files, ImportSettings(workers=workers, force=force, ocr=False),
                           report=lambda msg: print(msg, file=sys.stderr))
    return time.perf_counter() - started, summary


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, default=500)
    ap.add_argument("--pages", type=int, default=8, help="filler per document, roughly in pages")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        started = time.perf_counter()
        files = write_corpus(tmp / "archive", args.docs, seed=3, pages=args.pages)
        print(f"generated {len(files)} documents in {time.perf_counter() - started:.1f} s")
        first = None
        for workers in (1, 2):
            seconds, summary = _run(tmp / f"w{workers}.db", files, workers)
            first = first or seconds
            print(f"workers={workers}: {summary.imported} docs, {summary.pages} pages in {seconds:.1f} s = "
                  f"{summary.imported / seconds:.1f} docs/s, {summary.pages / seconds:.1f} pages/s, "
                  f"failed {summary.failed}")
            if workers == 1:
                total = sum(summary.timings.values()) or 1
                split = ", ".join(f"{k} {v:.1f} s ({100 * v / total:.0f} %)" for k, v in summary.timings.items())
                print(f"  per stage (1 worker): {split}")
        seconds, summary = _run(tmp / "w2.db", files, 2)
        print(f"re-import unchanged: {summary.unchanged} unchanged in {seconds:.2f} s "
              f"({100 * seconds / first:.1f} % of the first import)")
        print(f"peak memory: {_peak_mb():.0f} MB (largest single process)")


if __name__ == "__main__":
    main()
