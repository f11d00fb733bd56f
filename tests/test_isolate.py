"""The worker pool under bulk imports: workers run many documents, and a fresh worker follows a failure."""
import os

import pytest

from extractor import isolate

pytestmark = pytest.mark.skipif(not isolate.available(), reason="forked workers need Linux")

KEPT = []  # what a worker holds on to between documents


def _pid_of(path: str) -> tuple:
    if path.startswith("fail"):
        return "error", f"{path}: failed", {}
    if path.startswith("grow"):
        KEPT.append(bytearray(int(path.split("-")[1]) * 1024 * 1024))
    return "ok", os.getpid(), {}


def _run(paths, workers=1, **budget):
    return list(isolate.run_isolated(paths, _pid_of, isolate.Budget(timeout=30, **budget), workers=workers,
                                     ordered=True))


def test_one_worker_runs_document_after_document():
    results = _run([f"d{i}" for i in range(6)])
    pids = {value for _, (status, value, _) in results}
    assert [path for path, _ in results] == [f"d{i}" for i in range(6)]
    assert len(pids) == 1 and os.getpid() not in pids


def test_a_fresh_worker_follows_a_document_that_failed():
    results = _run(["a", "b", "fail", "c", "d"])
    assert results[2] == ("fail", ("error", "fail: failed", {}))
    before, after = results[1][1][1], results[3][1][1]
    assert before == results[0][1][1] and after == results[4][1][1] and before != after


def test_a_worker_leaves_after_so_many_documents(monkeypatch):
    monkeypatch.setattr(isolate, "RECYCLE_AFTER", 2)
    pids = [value for _, (_, value, _) in _run([f"d{i}" for i in range(5)])]
    assert pids[0] == pids[1] != pids[2] == pids[3] != pids[4]


def test_a_worker_that_grew_leaves_and_each_document_gets_its_own_memory_budget(monkeypatch):
    monkeypatch.setattr(isolate, "RECYCLE_GROWTH_MB", 150)
    # each keeps 80 MB; a budget of 100 MB a document still lets the second one have its 80 MB
    results = _run(["grow-80-a", "grow-80-b", "grow-80-c", "d"], memory_mb=100)
    assert all(status == "ok" for _, (status, _, _) in results)
    pids = [value for _, (_, value, _) in results]
    assert pids[0] == pids[1] != pids[2]  # grown by 160 MB after the second: the third runs in a fresh worker


def test_two_workers_share_the_documents():
    results = _run([f"d{i}" for i in range(8)], workers=2)
    assert [path for path, _ in results] == [f"d{i}" for i in range(8)]
    assert len({value for _, (_, value, _) in results}) == 2
