"""Precision and recall of the grouping (copies, versions, insatser) on an invented archive.

Writes N invented applications (benchmarks/synthetic.py), each as one to three files of other
formats (copies), some resubmitted with other figures (versions) and some followed by a final
report, imports them and compares the grouping with what was written:

    python benchmarks/grouping.py --count 40 --seed 3

Gold: files written from one text are one document; a resubmission is the same document; an
application and its report are one insats, and so are applications of the same title and owner
(the same insats applied for twice). Scores are pairwise: of the pairs put together, how many
belong together (precision), and of those that belong together, how many were put together (recall).
"""
from __future__ import annotations

import argparse
import itertools
import random
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import sqlite_utils  # noqa: E402
from synthetic import WRITERS, make_document  # noqa: E402

from extractor.bulk import ImportSettings, import_paths  # noqa: E402


def _report(title: str, owner: str, rng: random.Random) -> str:
    return (f"Slutrapport\n\nInsatsens namn\n{title}\n\nProjektägare\n{owner}, Arbetsmarknadsenheten\n\n"
            f"Resultat\nUnder insatstiden deltog {rng.randint(20, 90)} personer. {rng.randint(5, 30)} gick till "
            "arbete och flera till studier. Samverkan med parterna fungerade väl och arbetssättet har "
            "spridits till andra verksamheter i kommunen.\n\nEkonomi\nKostnaderna följde budgeten.\n")


def write_archive(out: Path, count: int, seed: int) -> dict[str, tuple]:
    """Write the archive; return file name -> (document key, insats key)."""
    rng = random.Random(seed)
    gold = {}
    for i in range(count):
        title, sections = make_document(rng)
        owner = sections[1][1].split(":", 1)[1].split(",")[0].strip()
        slug = f"{i:03d}"
        versions = [sections]
        if rng.random() < 0.25:  # resubmitted with a smaller sum
            budget = ("Ange budget/finansiering", f"Från förbundet söks {rng.randint(8, 60) * 100_000:,} kr."
                      .replace(",", " "))
            versions.append([budget if h == "Ange budget/finansiering" else (h, b) for h, b in sections])
        for v, text in enumerate(versions, 1):
            for fmt in rng.sample(["txt", "docx", "pdf"], rng.choice([1, 2, 2, 3])):
                name = f"ansokan-{slug}-v{v}.{fmt}"
                WRITERS[fmt](out / name, title, text)
                gold[name] = (f"{i}", (title, owner))
        if rng.random() < 0.3:
            name = f"slutrapport-{slug}.txt"
            (out / name).write_text(_report(title, owner, rng), encoding="utf-8")
            gold[name] = (f"{i}-report", (title, owner))
    return gold


def pairwise(predicted: dict, gold: dict) -> tuple[float, float, int, int]:
    """Return precision, recall and the numbers of predicted and gold pairs."""
    names = sorted(gold)
    pred = {(a, b) for a, b in itertools.combinations(names, 2) if predicted[a] == predicted[b]}
    true = {(a, b) for a, b in itertools.combinations(names, 2) if gold[a] == gold[b]}
    hit = len(pred & true)
    return (hit / len(pred) if pred else 1.0), (hit / len(true) if true else 1.0), len(pred), len(true)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--count", type=int, default=40)
    ap.add_argument("--seed", type=int, default=3)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        docs = Path(tmp) / "docs"
        docs.mkdir()
        gold = write_archive(docs, args.count, args.seed)
        import_paths(str(Path(tmp) / "a.db"), sorted(docs.iterdir()), ImportSettings(progress=False))
        db = sqlite_utils.Database(Path(tmp) / "a.db")
        rows = {r["file_name"]: r for r in db.query("select file_name, document_id, insats_id, current from documents")}
    for level, column, index in (("documents", "document_id", 0), ("insatser", "insats_id", 1)):
        p, r, npred, ngold = pairwise({n: rows[n][column] for n in gold}, {n: g[index] for n, g in gold.items()})
        clusters = len({rows[n][column] for n in gold}), len({g[index] for g in gold.values()})
        print(f"{level:10} P {p:.3f} R {r:.3f}  pairs {npred} (gold {ngold})  groups {clusters[0]} (gold {clusters[1]})")
    print(f"files {len(gold)}, current documents {sum(r['current'] for r in rows.values())}")


if __name__ == "__main__":
    main()
