import io
import os
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest
import sqlite_utils
from click.testing import CliRunner
from conftest import make_docx, make_pdf

from extractor import bulk, pipeline
from extractor.cli import cli
from extractor.read import docx as docx_reader

GOOD = "Insatsens namn\nBryggan\nMålgrupp\nUnga vuxna 18–29 år i Motala.\n"


def _bad_inputs(folder):
    folder.mkdir()
    (folder / "tom.txt").write_text("")
    (folder / "skrap.txt").write_bytes(bytes(range(256)) * 40)
    (folder / "inte-zip.docx").write_bytes(b"PK\x03\x04 not a zip at all")
    (folder / "fel-filandelse.pdf").write_text("Insatsens namn\nFelnamnet\n", encoding="utf-8")
    pdf = make_pdf(folder / "hel.pdf", [["Insatsens namn", "Bryggan"]])
    (folder / "trunkerad.pdf").write_bytes(pdf.read_bytes()[:300])
    pdf.unlink()
    from fpdf import FPDF

    enc = FPDF()
    enc.set_encryption(owner_password="a", user_password="b")
    enc.add_page()
    enc.set_font("Helvetica")
    enc.cell(0, 10, "Hemligt")
    enc.output(str(folder / "krypterad.pdf"))
    bomb = io.BytesIO()
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("word/document.xml", b"0" * 3_000_000)
    (folder / "bomb.docx").write_bytes(bomb.getvalue())
    (folder / "windows.txt").write_bytes(GOOD.replace("Bryggan", "Bryggan i Håbo").encode("cp1252"))
    (folder / "bra.txt").write_text(GOOD, encoding="utf-8")
    make_docx(folder / "bra.docx", [("p", "Insatsens namn"), ("p", "Stegen"), ("h1", "Målgrupp"), ("p", "Unga.")])


def test_import_bad_inputs_are_recorded_and_the_batch_goes_on(tmp_path, monkeypatch):
    monkeypatch.setattr(docx_reader, "MAX_UNZIPPED_BYTES", 1_000_000)
    _bad_inputs(tmp_path / "arkiv")
    db_path = tmp_path / "a.db"
    result = CliRunner().invoke(cli, ["import", str(db_path), str(tmp_path / "arkiv"), "--workers", "1", "-q"])
    assert result.exit_code == 1
    assert "imported 4, unchanged 0, failed 6" in result.stderr
    db = sqlite_utils.Database(db_path)
    assert {r["title"] for r in db["documents"].rows} == {"Bryggan", "Bryggan i Håbo", "Stegen", "Felnamnet"}
    reasons = {r["path"].rsplit("/", 1)[-1]: r["reason"] for r in db["import_errors"].rows}
    assert set(reasons) == {"tom.txt", "skrap.txt", "inte-zip.docx", "trunkerad.pdf",
                            "krypterad.pdf", "bomb.docx"}
    assert "empty file" in reasons["tom.txt"]
    assert "encrypted PDF" in reasons["krypterad.pdf"]
    assert "zip bomb" in reasons["bomb.docx"]
    assert "not a valid .docx" in reasons["inte-zip.docx"]
    for name, reason in reasons.items():
        assert name in reason  # every message names the file


def test_import_skips_unchanged_and_reextracts_a_changed_file(tmp_path):
    folder = tmp_path / "arkiv"
    folder.mkdir()
    (folder / "a.txt").write_text(GOOD, encoding="utf-8")
    db_path = str(tmp_path / "a.db")
    first = bulk.import_paths(db_path, [folder / "a.txt"], bulk.ImportSettings(workers=1), report=lambda m: None)
    again = bulk.import_paths(db_path, [folder / "a.txt"], bulk.ImportSettings(workers=1), report=lambda m: None)
    assert (first.imported, again.imported, again.unchanged) == (1, 0, 1)
    (folder / "a.txt").write_text(GOOD.replace("Bryggan", "Bron"), encoding="utf-8")
    changed = bulk.import_paths(db_path, [folder / "a.txt"], bulk.ImportSettings(workers=1), report=lambda m: None)
    assert changed.imported == 1
    assert {r["title"] for r in sqlite_utils.Database(db_path)["documents"].rows} == {"Bryggan", "Bron"}


def test_a_document_over_the_time_limit_fails_alone(tmp_path, monkeypatch):
    real_run = pipeline.run

    def slow_run(path, **kwargs):
        if "seg" in str(path):
            time.sleep(5)
        return real_run(path, **kwargs)

    monkeypatch.setattr(pipeline, "run", slow_run)
    for name in ("seg.txt", "snabb.txt"):  # two texts: the same bytes twice are stored once
        (tmp_path / name).write_text(GOOD.replace("Bryggan", name), encoding="utf-8")
    summary = bulk.import_paths(str(tmp_path / "a.db"), [tmp_path / "seg.txt", tmp_path / "snabb.txt"],
                                bulk.ImportSettings(workers=1, timeout=0.5), report=lambda m: None)
    assert (summary.imported, summary.failed) == (1, 1)
    [error] = sqlite_utils.Database(tmp_path / "a.db")["import_errors"].rows
    assert "seg.txt: took longer than 0.5 s" in error["reason"]


def test_parallel_import_stores_the_same_as_serial(tmp_path):
    folder = tmp_path / "arkiv"
    folder.mkdir()
    for i in range(4):
        (folder / f"d{i}.txt").write_text(GOOD.replace("Bryggan", f"Bryggan {i}"), encoding="utf-8")
    files = sorted(folder.iterdir())
    summary = bulk.import_paths(str(tmp_path / "p.db"), files, bulk.ImportSettings(workers=2), report=lambda m: None)
    assert summary.imported == 4
    db = sqlite_utils.Database(tmp_path / "p.db")
    assert sorted(r["title"] for r in db["documents"].rows) == [f"Bryggan {i}" for i in range(4)]


@pytest.mark.parametrize("workers", [1, 2])
def test_ctrl_c_leaves_stored_documents_whole_and_the_next_run_goes_on(tmp_path, workers):
    folder = tmp_path / "arkiv"
    folder.mkdir()
    body = GOOD + "Metod\nVi arbetar med motiverande samtal (MI).\n" + "Deltagarna får stöd i vardagen. " * 400
    count = 60
    for i in range(count):
        (folder / f"d{i:03}.txt").write_text(body.replace("Bryggan", f"Bryggan {i}"), encoding="utf-8")
    db_path = tmp_path / "a.db"
    command = [sys.executable, "-m", "extractor", "import", str(db_path), str(folder), "--workers", str(workers)]
    # A job a shell starts in the background inherits SIGINT ignored, and Python then keeps it ignored:
    # the import gets Ctrl-C's default, as from a terminal, however the tests were started.
    proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            start_new_session=True, preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    deadline = time.monotonic() + 120
    while _stored(db_path) < 3 and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
    assert proc.poll() is None, "the import ended before it could be interrupted"
    os.killpg(proc.pid, signal.SIGINT)  # what a terminal's Ctrl-C does: the whole process group
    _, err = proc.communicate(timeout=60)

    assert proc.returncode == 130, err
    assert "interrupted" in err and "Traceback" not in err
    db = sqlite_utils.Database(db_path)
    assert db.execute("pragma integrity_check").fetchone()[0] == "ok"
    stored = db["documents"].count
    assert 0 < stored < count
    sections_per_doc = {n for (n,) in db.execute(
        "select count(s.id) from documents d left join sections s on s.document_sha256 = d.sha256 group by d.sha256")}
    assert sections_per_doc == {len(pipeline.run(folder / "d000.txt").sections)}

    again = subprocess.run(command, capture_output=True, text=True, timeout=300)
    assert again.returncode == 0, again.stderr
    assert f"imported {count - stored}, unchanged {stored}, failed 0" in again.stderr
    assert sqlite_utils.Database(db_path)["documents"].count == count


def _stored(db_path) -> int:
    try:
        return sqlite_utils.Database(db_path)["documents"].count
    except Exception:  # not created yet, or locked by the writer for a moment
        return 0


def test_a_document_that_timed_out_is_not_tried_again_unless_asked(tmp_path, monkeypatch):
    real_run, log = pipeline.run, tmp_path / "calls.log"

    def calls():  # documents run in forked workers: they leave their calls in a file
        return log.read_text().split() if log.exists() else []

    def slow_run(path, **kwargs):
        with open(log, "a") as fh:
            fh.write(os.path.basename(path) + "\n")
        if "seg" in str(path):
            time.sleep(5)
        return real_run(path, **kwargs)

    monkeypatch.setattr(pipeline, "run", slow_run)
    files = [tmp_path / "seg.txt"]
    files[0].write_text(GOOD, encoding="utf-8")
    db_path, messages = str(tmp_path / "a.db"), []
    settings = bulk.ImportSettings(workers=1, timeout=0.3)
    bulk.import_paths(db_path, files, settings, report=lambda m: None)
    again = bulk.import_paths(db_path, files, settings, report=messages.append)
    assert again.failed == 1 and calls() == ["seg.txt"]
    assert "took longer than 0.3 s in an earlier run; skipped" in messages[0]
    bulk.import_paths(db_path, files, bulk.ImportSettings(workers=1, timeout=0.6), report=lambda m: None)
    bulk.import_paths(db_path, files, bulk.ImportSettings(workers=1, timeout=0.3, force=True), report=lambda m: None)
    assert calls() == ["seg.txt"] * 3


def test_an_import_stores_the_signature_its_worker_computed(tmp_path):
    """The MinHash signature is computed in the worker, beside the extraction, and stored as is."""
    import sqlite_utils

    from extractor import bulk, isolate
    from extractor.group import signature

    text = "Insatsens namn\nLedstången\nBakgrund\n" + "Deltagarna i Exempelby får stöd av en coach varje vecka. " * 8
    paths = []
    for i in range(2):
        path = tmp_path / f"ansokan-{i}.txt"
        path.write_text(text + f"Dokument {i}.\n", encoding="utf-8")
        paths.append(str(path))
    results = dict(bulk.extract_all(paths, False, isolate.Budget(timeout=60), workers=2, fingerprint=True))
    for path in paths:
        status, record, _ = results[path]
        assert status == "ok"
        assert record.minhash == signature(record.text) is not None
    plain = dict(bulk.extract_all(paths[:1], False, isolate.Budget(timeout=60)))
    assert "minhash" not in vars(plain[paths[0]][1])
    db_path = tmp_path / "archive.db"
    summary = bulk.import_paths(str(db_path), [Path(p) for p in paths], bulk.ImportSettings(workers=2),
                                report=lambda _: None)
    assert summary.imported == 2
    stored = {r["sha256"]: r["minhash"] for r in sqlite_utils.Database(db_path)["document_texts"].rows}
    assert sorted(stored.values()) == sorted(results[p][1].minhash for p in paths)


def test_the_warm_up_reads_a_pdf_the_package_ships():
    """Workers are forked after the warm-up: what a PDF's first reading sets up is theirs from the start."""
    from extractor import bulk
    from extractor.pipeline import run

    record = run(bulk.WARM_UP_PDF, ocr=False)
    assert record.source["format"] == "pdf" and record.source["pages"] == 2 and record.title
