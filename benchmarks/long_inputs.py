"""Seconds per MB of text for long documents, and the wall time of a one-file `extractor extract`.

Run from the repository root:
    python benchmarks/long_inputs.py [--sizes 0.1 1 4] [--hostile]
The long text is invented applications (benchmarks/synthetic.py) one after another, as an archive
bundle exported to one file reads; the goal is seconds per MB flat within 2x from 0.1 to 4 MB.
--hostile also times the repeated patterns of issues #16/#17 at two sizes (4x the input should take
about 4x the time, not 16x).
"""
from __future__ import annotations

import argparse
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from synthetic import make_document, write_txt  # noqa: E402

from extractor import pipeline  # noqa: E402
from extractor.record import Document  # noqa: E402

HOSTILE = {"a-": "a-", "dots": ".", "000": "000 ", "dates": "2024-01-01 ", "ages": "16-29 år ",
           "IPS.": "IPS. ", "spaces": " ", "<script": "<script ", "e-mail": "a@b.se ", "lines": "rad\n"}


def ordinary_text(chars: int, seed: int = 1) -> str:
    """Return at least `chars` characters of invented applications, one after another."""
    rng, parts, size = random.Random(seed), [], 0
    while size < chars:
        title, sections = make_document(rng, pages=rng.randint(1, 4))
        part = "Ansökan om medel för samverkansinsats\n\n" + "\n\n".join(f"{h}\n{b}" for h, b in sections) + "\n\n"
        parts.append(part)
        size += len(part)
    return "".join(parts)


def seconds(text: str) -> tuple[float, float]:
    """Return (wall, CPU) seconds of the pipeline on `text`; CPU time is what a busy machine does not blur."""
    wall, cpu = time.perf_counter(), time.process_time()
    pipeline.extract(Document(path="bench.txt", format="txt", sha256="0", text=text))
    return time.perf_counter() - wall, time.process_time() - cpu


def one_file_wall_time() -> float:
    """Return the wall time of `extractor extract` on one small invented file, in a fresh process."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "ansokan.txt"
        title, sections = make_document(random.Random(7))
        write_txt(path, title, sections)
        started = time.perf_counter()
        subprocess.run([sys.executable, "-m", "extractor", "extract", str(path)], cwd=ROOT, check=True,
                       stdout=subprocess.DEVNULL)
        return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=float, nargs="+", default=[0.1, 1, 4], help="MB of text")
    parser.add_argument("--hostile", action="store_true", help="also time the repeated patterns")
    args = parser.parse_args()
    print(f"one-file extract: {one_file_wall_time():.2f} s wall")
    seconds(ordinary_text(20_000))  # load the models once
    rates = []
    for mb in args.sizes:
        text = ordinary_text(int(mb * 1_000_000))
        wall, cpu = seconds(text)
        rates.append(cpu / (len(text) / 1e6))
        print(f"{len(text) / 1e6:5.2f} MB ordinary text: {wall:7.2f} s wall, {cpu:7.2f} s CPU, {rates[-1]:6.2f} CPU s/MB",
              flush=True)
    print(f"CPU s/MB largest/smallest: {max(rates) / min(rates):.2f} (goal: under 2)")
    if args.hostile:
        for name, unit in HOSTILE.items():
            times = [seconds("Bakgrund\n\nMålgrupp\n" + unit * (n // len(unit)) + "\n")[1] for n in (20_000, 80_000)]
            print(f"{name!r:10} 20 KB {times[0]:6.2f} s CPU  80 KB {times[1]:6.2f} s  ratio {times[1] / max(times[0], 1e-3):5.1f}",
                  flush=True)


if __name__ == "__main__":
    main()
