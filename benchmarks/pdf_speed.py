"""Benchmark: text-PDF speed per core, extractor against pdfplumber and raw pypdfium2 on the same files.

    python benchmarks/pdf_speed.py [--docs 20] [--pages 3] [--sizes 2,20,200] [--repeat 2]

Writes invented text PDFs (synthetic.py, fpdf2) and prints, side by side:
- pages/s per core on all of them: extractor's whole pipeline (`pipeline.run`), its read stage
  alone with pdfium and with the pdfplumber fallback, pdfplumber's `extract_text` and
  pypdfium2's `get_text_range` (the native floor);
- seconds per page of the whole pipeline for one document of each of --sizes pages.
Times are CPU seconds of this one process (time.process_time), so other work on the machine
does not count; each figure is the best of --repeat runs.
"""
from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic import make_document, write_pdf  # noqa: E402

from extractor.pipeline import run  # noqa: E402
from extractor.read.pdf import read_pdf  # noqa: E402

FILLER_PER_PAGE = 2.7  # synthetic.make_document's `pages` filler units per PDF page, roughly


def _count_pages(path: Path) -> int:
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(str(path))
    try:
        return len(doc)
    finally:
        doc.close()


def write_pdf_of(path: Path, pages: int, seed: int) -> int:
    """Write an invented application of about `pages` pages to `path`; return its page count."""
    filler = max(1, round(pages * FILLER_PER_PAGE))
    for _ in range(4):  # the filler to page ratio drifts a little with size: correct it
        write_pdf(path, *make_document(random.Random(seed), filler))
        got = _count_pages(path)
        if abs(got - pages) <= pages // 20:
            break
        filler = max(1, round(filler * pages / got))
    return got


def _cpu(fn, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.process_time()
        fn()
        best = min(best, time.process_time() - start)
    return best


def _pdfplumber_text(paths):
    import pdfplumber

    for path in paths:
        with pdfplumber.open(path) as pdf:
            for page in pdf.pages:
                page.extract_text()


def _pdfium_text(paths):
    import pypdfium2 as pdfium

    for path in paths:
        doc = pdfium.PdfDocument(str(path))
        for page in doc:
            textpage = page.get_textpage()
            textpage.get_text_range()
            textpage.close()
            page.close()
        doc.close()


def _read(paths, fast: bool):
    for path in paths:
        read_pdf(path, path.read_bytes(), "benchmark", fast=fast)


def _pipeline(paths):
    for path in paths:
        run(path)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, default=20, help="text PDFs in the side-by-side comparison")
    ap.add_argument("--pages", type=int, default=3, help="about how many pages each of them has")
    ap.add_argument("--sizes", default="2,20,200", help="document sizes (pages) for seconds per page")
    ap.add_argument("--repeat", type=int, default=2)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        paths, pages = [], 0
        for i in range(args.docs):
            path = out / f"ansokan-{i:03d}.pdf"
            pages += write_pdf_of(path, random.Random(i).randint(1, 2 * args.pages - 1), seed=i)
            paths.append(path)
        _pipeline(paths[:2])  # imports and models loaded before any clock runs
        contenders = [
            ("extractor pipeline.run (end to end)", lambda: _pipeline(paths)),
            ("extractor read stage, pdfium", lambda: _read(paths, fast=True)),
            ("extractor read stage, pdfplumber fallback", lambda: _read(paths, fast=False)),
            ("pdfplumber extract_text", lambda: _pdfplumber_text(paths)),
            ("pypdfium2 get_text_range", lambda: _pdfium_text(paths)),
        ]
        print(f"{len(paths)} invented text PDFs, {pages} pages; CPU time of one process (one core)")
        rates = {}
        for name, fn in contenders:
            rates[name] = pages / _cpu(fn, args.repeat)
            print(f"  {name:44s} {rates[name]:8.1f} pages/s per core")
        ours = rates["extractor pipeline.run (end to end)"]
        print(f"  end to end is {ours / rates['pdfplumber extract_text']:.1f}x pdfplumber extract_text, "
              f"{ours / rates['pypdfium2 get_text_range']:.2f}x raw pypdfium2")
        print("seconds per page, whole pipeline, one document")
        per_page = []
        for size in (int(s) for s in args.sizes.split(",")):
            path = out / f"lang-{size}.pdf"
            got = write_pdf_of(path, size, seed=size)
            timings: dict = {}
            seconds = _cpu(lambda p=path: run(p, timings=timings), args.repeat)
            per_page.append(seconds / got)
            split = ", ".join(f"{k} {v / args.repeat / got * 1000:.1f}" for k, v in timings.items())
            print(f"  {got:4d} pages: {seconds / got * 1000:7.1f} ms/page  (wall ms/page by stage: {split})")
        print(f"  slowest/fastest per page: {max(per_page) / min(per_page):.2f}x (flat is 1.0)")


if __name__ == "__main__":
    main()
