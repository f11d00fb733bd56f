"""Benchmark: every speed figure of issue #16 in one run, side by side with its goal.

    python benchmarks/speed.py [--docs 20] [--pages 3] [--sizes 2,20,200] [--import-docs 120,500]
                               [--site-db PATH] [--reuse-site] [--no-site]

Prints, on invented text PDFs (synthetic.py via pdf_speed.write_pdf_of):
- pages/s per core (CPU time of this process) of extractor's whole pipeline, against pdfplumber's
  `extract_text` and pypdfium2's `get_text_range` on the same files;
- seconds per page of the whole pipeline at each of --sizes pages (flat is 1.0);
- wall time, CPU time and peak memory (max RSS) of a one-file `extractor extract` in a fresh
  process, best of three;
- the 2-worker speed-up of the real CLI, `python -m extractor import DB FILES --workers 1|2`, on 120 and
  on 500 files (--import-docs)
  (wall time: it measures whatever pool extractor/bulk.py has), with and without the start-up
  cost (the wall time of importing one small file);
- the seconds per page of a one-file `extractor extract` of a scanned PDF (OCR);
- the time of every site page and canned query on a 20 000-document database (site_scale.py, run
  as a child process; --reuse-site keeps the database between runs, --no-site leaves it out).
Wall-time figures are blurred by other work on the machine; the per-core rates are not.
"""
from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from pdf_speed import _count_pages, _cpu, _pdfium_text, _pdfplumber_text, _pipeline, write_pdf_of  # noqa: E402

import extractor  # noqa: E402
from extractor.pipeline import run  # noqa: E402

ROOT = Path(extractor.__file__).resolve().parent.parent  # the checkout being measured
SMALL_DOC_PAGES = 60  # a document of n pages is timed max(--repeat, 60 / n) times, best run counted
SITE_DB = Path("/tmp/extractor-site-bench/archive.db")  # site_scale.py's own default
GOALS = {"pages_per_s": 50.0, "vs_pdfplumber": 8.0, "flat": 1.5, "one_file_s": 1.5, "speed_up": 1.8}


def _mark(ok: bool) -> str:
    return "ok" if ok else "BELOW GOAL"


def _write_pdfs(out: Path, count: int, pages: int, prefix: str, seed: int = 0) -> tuple[list[Path], int]:
    paths, total = [], 0
    for i in range(count):
        path = out / f"{prefix}-{i:03d}.pdf"
        total += write_pdf_of(path, random.Random(seed + i).randint(1, 2 * pages - 1), seed=seed + i)
        paths.append(path)
    return paths, total


def per_core(paths: list[Path], pages: int, repeat: int) -> None:
    _pipeline(paths[:2])  # imports and models loaded before any clock runs
    contenders = [("extractor end to end (pipeline.run)", lambda: _pipeline(paths)),
                  ("pdfplumber extract_text", lambda: _pdfplumber_text(paths)),
                  ("pypdfium2 get_text_range", lambda: _pdfium_text(paths))]
    print(f"\n1. pages/s per core: {len(paths)} invented text PDFs, {pages} pages, CPU time of one process")
    rates = {}
    for name, fn in contenders:
        rates[name] = pages / _cpu(fn, repeat)
        print(f"   {name:38s} {rates[name]:8.1f} pages/s")
    ours = rates["extractor end to end (pipeline.run)"]
    ratio = ours / rates["pdfplumber extract_text"]
    print(f"   end to end: {ours:.1f} pages/s (goal >= {GOALS['pages_per_s']:.0f}: {_mark(ours >= GOALS['pages_per_s'])}), "
          f"{ratio:.1f}x pdfplumber (goal >= {GOALS['vs_pdfplumber']:.0f}x: {_mark(ratio >= GOALS['vs_pdfplumber'])}), "
          f"{ours / rates['pypdfium2 get_text_range']:.2f}x raw pypdfium2")


def per_page(out: Path, sizes: list[int], repeat: int) -> None:
    print("\n2. CPU seconds per page, whole pipeline, one document of each size (best run)")
    figures = []
    for size in sizes:
        path = out / f"lang-{size}.pdf"
        got = write_pdf_of(path, size, seed=size)
        timings: dict = {}
        runs = max(repeat, -(-SMALL_DOC_PAGES // got))  # a short document runs often: its best is less noisy
        seconds = _cpu(lambda p=path: run(p, timings=timings), runs)
        figures.append(seconds / got)
        split = ", ".join(f"{k} {v / runs / got * 1000:.1f}" for k, v in timings.items())
        print(f"   {got:4d} pages: {seconds / got * 1000:6.1f} ms/page  (wall ms/page by stage: {split})")
    spread = max(figures) / min(figures)
    print(f"   slowest/fastest per page: {spread:.2f}x (goal <= {GOALS['flat']}: {_mark(spread <= GOALS['flat'])})")


# A small process starts the measured one: a child's peak RSS counts the memory of the process it
# was forked from, and this benchmark's own process holds the models by then.
LAUNCHER = """
import os, subprocess, sys, time
started = time.perf_counter()
proc = subprocess.Popen(sys.argv[1:], stdout=subprocess.DEVNULL)
_, status, usage = os.wait4(proc.pid, 0)
print(time.perf_counter() - started, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024,
      os.waitstatus_to_exitcode(status))
"""


def _child(args: list[str]) -> tuple[float, float, float]:
    """Return (wall s, CPU s, peak RSS MB) of one process running `python -m extractor ARGS`."""
    done = subprocess.run([sys.executable, "-c", LAUNCHER, sys.executable, "-m", "extractor", *args], cwd=ROOT,
                          capture_output=True, text=True)
    wall, cpu, rss, code = done.stdout.split()
    if int(code) != 0:
        raise SystemExit(f"extractor {' '.join(args[:2])} … exited {code}:\n{done.stderr}")
    return float(wall), float(cpu), float(rss)


def one_file(path: Path) -> None:
    runs = [_child(["extract", str(path)]) for _ in range(3)]
    wall = min(r[0] for r in runs)
    print(f"\n3. one-file `extractor extract` ({path.name}), fresh process, best of 3")
    print(f"   wall {wall:.2f} s (goal < {GOALS['one_file_s']}: {_mark(wall < GOALS['one_file_s'])}), "
          f"CPU {min(r[1] for r in runs):.2f} s, peak memory {max(r[2] for r in runs):.0f} MB (max RSS)")


DISTINCT_IMPORT_DOCS = 120  # written anew; a larger batch holds copies of them, each of other bytes


def _copies(out: Path, files: list[Path], count: int) -> list[Path]:
    """Return `count` files: `files`, then copies of them with a comment after the end of the PDF,
    so that each has bytes of its own (an import stores the same bytes only once)."""
    batch = list(files[:count])
    for i in range(len(batch), count):
        copy = out / f"kopia-{i:04d}.pdf"
        copy.write_bytes(files[i % len(files)].read_bytes() + f"% kopia {i}\n".encode())
        batch.append(copy)
    return batch


def speed_up(out: Path, files: list[Path], pages: int, small: Path, judged: bool = True) -> None:
    print(f"\n4. `extractor import DB FILES --workers N`: {len(files)} text PDFs, {pages} pages, wall time")
    start_up = _child(["import", str(out / f"one-{len(files)}.db"), str(small), "--workers", "1"])[0]
    walls = {}
    for workers in (1, 2):
        walls[workers], _, rss = _child(["import", str(out / f"w{workers}-{len(files)}.db"), *map(str, files),
                                      "--workers", str(workers)])
        print(f"   --workers {workers}: {walls[workers]:6.1f} s = {pages / walls[workers]:5.1f} pages/s "
              f"(peak RSS of the main process {rss:.0f} MB)")
    raw = walls[1] / walls[2]
    work = (walls[1] - start_up) / max(walls[2] - start_up, 1e-3)
    goal = f"goal >= {GOALS['speed_up']}: {_mark(raw >= GOALS['speed_up'])}" if judged else "the larger batch is judged"
    print(f"   speed-up {raw:.2f}x ({goal}); "
          f"{work:.2f}x without the start-up ({start_up:.1f} s: one small file imported)")


def write_scan_of(text_pdf: Path, path: Path, dpi: int = 200) -> int:
    """Write a scan of `text_pdf` to `path`: each page an image only, as a scanner makes it."""
    import pypdfium2 as pdfium
    from fpdf import FPDF

    source, pdf = pdfium.PdfDocument(str(text_pdf)), FPDF(unit="pt", format="A4")
    for index in range(len(source)):
        image = source[index].render(scale=dpi / 72, grayscale=True).to_pil()
        image_path = path.with_name(f"{path.stem}-{index}.png")
        image.save(image_path)
        pdf.add_page()
        pdf.image(str(image_path), x=0, y=0, w=pdf.w, h=pdf.h)
    pdf.output(str(path))
    return len(source)


def scanned(out: Path) -> None:
    text_pdf = out / "skannas.pdf"
    write_pdf_of(text_pdf, 4, seed=7)
    pages = write_scan_of(text_pdf, out / "skannad.pdf")
    wall, cpu, rss = _child(["extract", str(out / "skannad.pdf")])
    print(f"\n5. one-file `extractor extract` of a {pages}-page scanned PDF (OCR on every page), fresh process")
    print(f"   wall {wall:.1f} s = {wall / pages:.2f} s per page (pages read side by side, {os.cpu_count()} cores); "
          f"CPU {cpu / pages:.2f} s per page; peak memory {rss:.0f} MB")


def site(db: Path, reuse: bool) -> None:
    """Run site_scale.py (every site page and canned query on a 20 000-document database) and print
    its figures: the database is built at `db` (a few minutes), or reused there with `reuse`."""
    print(f"\n6. the site on a 20 000-document database ({db}{', reused' if reuse and db.exists() else ', built'})")
    command = [sys.executable, str(Path(__file__).resolve().parent / "site_scale.py"), "--db", str(db)]
    done = subprocess.run(command + (["--reuse"] if reuse else []), capture_output=True, text=True)
    lines = done.stdout.rstrip().splitlines()
    for line in lines:
        print("   " + line)
    if done.returncode:
        print(f"   site_scale.py failed ({done.returncode}): {done.stderr.strip()[-500:]}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, default=20, help="text PDFs in the per-core comparison")
    ap.add_argument("--pages", type=int, default=3, help="about how many pages each of them has")
    ap.add_argument("--sizes", default="2,20,200", help="document sizes (pages) for seconds per page")
    ap.add_argument("--import-docs", default="120,500",
                    help="how many text PDFs (about 8 pages each) to import, one run each; an archive import "
                         "is a batch of thousands, where the one-off start-up weighs little (issue #16's own "
                         "baseline imported 500)")
    ap.add_argument("--repeat", type=int, default=2)
    ap.add_argument("--site-db", type=Path, default=SITE_DB,
                    help="where the 20 000-document database for the site's figures is built (or reused)")
    ap.add_argument("--reuse-site", action="store_true", help="use the database at --site-db if it is there")
    ap.add_argument("--no-site", action="store_true", help="leave out the site's figures (section 6)")
    args = ap.parse_args()
    started = time.perf_counter()
    print(f"measuring {ROOT} on {os.cpu_count()} cores; load average now {os.getloadavg()[0]:.1f}")
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        paths, pages = _write_pdfs(out, args.docs, args.pages, "ansokan")
        per_core(paths, pages, args.repeat)
        per_page(out, [int(s) for s in args.sizes.split(",")], args.repeat)
        one_file(paths[0])
        counts = [int(n) for n in args.import_docs.split(",")]
        files, import_pages = _write_pdfs(out, min(counts[-1], DISTINCT_IMPORT_DOCS), 8, "arkiv", seed=1000)
        for count in counts:
            batch = _copies(out, files, count)
            speed_up(out, batch, sum(_count_pages(f) for f in batch), paths[1], judged=count == counts[-1])
        scanned(out)
    if not args.no_site:
        site(args.site_db, args.reuse_site)
    print(f"\n(all of it took {time.perf_counter() - started:.0f} s)")


if __name__ == "__main__":
    main()
