"""Hostile archives: every input is made here, small on disk, and each one costs only its own document.

Kinds covered elsewhere: empty, truncated, encrypted, wrong-extension files and a plain zip bomb
(test_bulk.py), UTF-16 of odd length and bad bytes (test_long_inputs.py).
"""
import ctypes
import io
import os
import signal
import struct
import subprocess
import sys
import threading
import time
import zipfile
import zlib

import pytest
import sqlite_utils
from click.testing import CliRunner
from conftest import make_docx

from extractor import bulk, isolate, pipeline
from extractor.cli import cli
from extractor.read import limits
from extractor.store import ensure_schema

GOOD = "Insatsens namn\nBryggan\nMålgrupp\nUnga vuxna 18–29 år i Motala.\n"
BUDGET_S = 60  # generous: a hostile input must end well within this, never hang
ODT_NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
          'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"')


def _odt(path, body: str) -> None:
    content = (f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {ODT_NS}>'
               f'<office:body><office:text>{body}</office:text></office:body></office:document-content>')
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.text")
        zf.writestr("content.xml", content)


def _lying_docx(path, tmp_path) -> None:
    """A .docx whose zip directory says document.xml is 2 KB; it inflates to 30 MB."""
    make_docx(tmp_path / "ok.docx", [("p", "Insatsens namn"), ("p", "Lögnen")])
    with zipfile.ZipFile(tmp_path / "ok.docx") as src:
        parts = {name: src.read(name) for name in src.namelist()}
    parts["word/document.xml"] = parts["word/document.xml"].replace(b"<w:body>", b"<w:body>" + b" " * 30_000_000)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in parts.items():
            zf.writestr(name, data)
    data = bytearray(out.getvalue())
    name = b"word/document.xml"
    for signature, size_at in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):
        name_at = {b"PK\x03\x04": 30, b"PK\x01\x02": 46}[signature]
        start = 0
        while (start := data.find(signature, start)) >= 0:
            if data[start + name_at:start + name_at + len(name)] == name:
                struct.pack_into("<I", data, start + size_at, 2048)
            start += 4
    path.write_bytes(bytes(data))


def _flate_bomb_pdf(path, inflated_mb: int) -> None:
    """A one-page PDF (a few hundred KB) whose content stream inflates to `inflated_mb` MB."""
    squeeze = zlib.compressobj(9)
    stream = squeeze.compress(b"BT /F1 12 Tf 72 712 Td (Insatsens namn) Tj ET\n")
    block = b" " * (1 << 20)
    stream += b"".join(squeeze.compress(block) for _ in range(inflated_mb)) + squeeze.flush()
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
               b"/Resources << /Font << /F1 5 0 R >> >> >>",
               b"<< /Length %d /Filter /FlateDecode >>\nstream\n%s\nendstream" % (len(stream), stream),
               b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    path.write_bytes(bytes(out))


def _hostile(kind: str, folder):
    """Write one hostile input into folder; return (its path, what its error says, or None: a record)."""
    if kind == "odt-repeat":  # the 702-byte ODT: two billion spaces asked for
        path = folder / "mellanslag.odt"
        _odt(path, '<text:p>Insatsens namn</text:p><text:p>Tomrum<text:s text:c="2000000000"/>slut</text:p>')
        return path, None
    if kind == "odt-many-repeats":  # each count capped, but together past the text limit
        path = folder / "manga.odt"
        _odt(path, "<text:p>" + '<text:s text:c="999"/>' * 70_000 + "</text:p>")
        return path, "text longer than"
    if kind == "docx-lying-sizes":
        path = folder / "ljuger.docx"
        _lying_docx(path, folder.parent)
        return path, "damaged archive member word/document.xml"
    if kind == "docx-zip-bomb":  # honest sizes, but document.xml inflates past the XML limit
        path = folder / "bomb.docx"
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
            zf.writestr("word/document.xml", b"<" + b" " * (limits.MAX_XML_BYTES + 1))
        return path, "refused as a zip bomb"
    if kind == "pdf-flate-bomb":  # a 200 MB stream against the test's 100 MB budget
        path = folder / "flate.pdf"
        _flate_bomb_pdf(path, 200)
        # Python's MemoryError ("needed more than 100 MB") or pdfium's abort ("killed … (limit 100 MB")
        return path, "100 MB"
    if kind == "fifo":
        path = folder / "ror.txt"
        os.mkfifo(path)
        return path, "not a regular file"
    raise ValueError(kind)


KINDS = ["odt-repeat", "odt-many-repeats", "docx-lying-sizes", "docx-zip-bomb", "pdf-flate-bomb", "fifo"]


@pytest.mark.parametrize("kind", KINDS)
def test_hostile_input_fails_alone_within_its_budget(tmp_path, kind):
    folder = tmp_path / "arkiv"
    folder.mkdir()
    hostile, error = _hostile(kind, folder)
    (folder / "bra.txt").write_text(GOOD, encoding="utf-8")
    started = time.monotonic()
    result = CliRunner().invoke(cli, ["extract", str(hostile), str(folder / "bra.txt"), "--memory-limit", "100",
                                      "--timeout", str(BUDGET_S)])
    elapsed = time.monotonic() - started
    assert elapsed < BUDGET_S
    titles = [line for line in result.stdout.splitlines() if '"title": "Bryggan"' in line]
    assert len(titles) == 1, result.stderr  # the other file of the batch still gets its record
    if error is None:
        assert result.exit_code == 0, result.stderr
        assert '"Tomrum' in result.stdout and "slut" in result.stdout
    else:
        assert result.exit_code == 1
        [line] = [m for m in result.stderr.splitlines() if m.startswith("error: ")]
        assert line.startswith(f"error: {hostile}: ") and error in line, line


def test_odt_repeat_counts_are_capped():
    assert [limits.repeat_count(v) for v in ("2000000000", "3", "-5", "x", None)] == [limits.MAX_REPEAT, 3, 1, 1, 1]


def test_dev_zero_and_a_fifo_on_the_command_line_are_refused_unread(tmp_path):
    os.mkfifo(tmp_path / "ror")
    (tmp_path / "bra.txt").write_text(GOOD, encoding="utf-8")
    db_path = tmp_path / "a.db"
    result = CliRunner().invoke(cli, ["import", str(db_path), "/dev/zero", str(tmp_path / "ror"),
                                      str(tmp_path / "bra.txt"), "--workers", "1", "-q"])
    assert result.exit_code == 1
    assert "imported 1, unchanged 0, failed 2" in result.stderr
    reasons = {r["path"]: r["reason"] for r in sqlite_utils.Database(db_path)["import_errors"].rows}
    assert reasons == {"/dev/zero": "/dev/zero: not a regular file (a device, pipe or socket); skipped",
                       str(tmp_path / "ror"): f"{tmp_path / 'ror'}: not a regular file (a device, pipe or socket); skipped"}
    extract = CliRunner().invoke(cli, ["extract", "/dev/zero", str(tmp_path / "bra.txt")])
    assert extract.exit_code == 1 and "error: /dev/zero: not a regular file" in extract.stderr
    assert '"title": "Bryggan"' in extract.stdout


def test_a_file_over_the_size_limit_is_refused_before_reading(tmp_path):
    (tmp_path / "stor.txt").write_text(GOOD + "Deltagarna får stöd. " * 60_000, encoding="utf-8")
    (tmp_path / "bra.txt").write_text(GOOD, encoding="utf-8")
    result = CliRunner().invoke(cli, ["extract", str(tmp_path / "stor.txt"), str(tmp_path / "bra.txt"), "--max-size", "1"])
    assert result.exit_code == 1
    assert f"error: {tmp_path / 'stor.txt'}: " in result.stderr and "larger than the 1048576 byte limit" in result.stderr
    assert result.stdout.count('"title": "Bryggan"') == 1
    assert limits.MAX_FILE_BYTES == 200 * 1024 * 1024  # the option is this command's only


def test_a_folder_walk_does_not_follow_links_out_of_the_folder(tmp_path):
    outside = tmp_path / "hemligt"
    outside.mkdir()
    (outside / "losen.txt").write_text("Insatsens namn\nUtanför\n", encoding="utf-8")
    folder = tmp_path / "arkiv"
    (folder / "del").mkdir(parents=True)
    (folder / "bra.txt").write_text(GOOD, encoding="utf-8")
    (folder / "losen.txt").symlink_to(outside / "losen.txt")
    (folder / "del" / "ut").symlink_to(outside, target_is_directory=True)
    (folder / "inne.txt").symlink_to(folder / "bra.txt")  # a link inside the folder is fine
    db_path = tmp_path / "a.db"
    result = CliRunner().invoke(cli, ["import", str(db_path), str(folder), "--workers", "1", "-q"])
    assert result.exit_code == 0, result.stderr
    assert f"skipped: {folder / 'losen.txt'}: a link to a file outside the folder; not followed" in result.stderr
    assert f"skipped: {folder / 'del' / 'ut'}: a link to a file outside the folder" in result.stderr
    assert {r["title"] for r in sqlite_utils.Database(db_path)["documents"].rows} == {"Bryggan"}
    extract = CliRunner().invoke(cli, ["extract", str(folder)])
    assert "Utanför" not in extract.stdout and f"skipped: {folder / 'losen.txt'}" in extract.stderr


def _die(how: str) -> None:
    if how == "sigkill":
        os.kill(os.getpid(), signal.SIGKILL)
    elif how == "segfault":
        ctypes.string_at(0)
    elif how == "memory":
        bytearray(400 * 1024 * 1024)
    elif how == "exit":
        os._exit(3)


@pytest.mark.parametrize("how, message", [
    ("sigkill", "the worker was killed (signal 9, SIGKILL) — out of memory? (limit 100 MB"),
    ("segfault", "the worker was killed (signal 11, SIGSEGV)"),
    ("memory", "needed more than 100 MB; skipped (raise --memory-limit to allow more)"),
    ("exit", "the worker exited (3) without a result"),
])
def test_a_worker_that_dies_costs_only_its_document(tmp_path, monkeypatch, how, message):
    real_run = pipeline.run

    def dying_run(path, **kwargs):
        if "dod" in str(path):
            _die(how)
        return real_run(path, **kwargs)

    monkeypatch.setattr(pipeline, "run", dying_run)  # forked workers inherit it
    files = []
    for name in ("a.txt", "dod.txt", "b.txt", "c.txt"):
        files.append(tmp_path / name)
        files[-1].write_text(GOOD.replace("Bryggan", name), encoding="utf-8")
    db_path = tmp_path / "a.db"
    summary = bulk.import_paths(str(db_path), files, bulk.ImportSettings(workers=2, memory_mb=100),
                                report=lambda m: None)
    assert (summary.imported, summary.failed) == (3, 1)
    db = sqlite_utils.Database(db_path)
    assert sorted(r["title"] for r in db["documents"].rows) == ["a.txt", "b.txt", "c.txt"]
    [error] = db["import_errors"].rows
    assert error["reason"].startswith(f"{tmp_path / 'dod.txt'}: {message}")


def _children(pid: int) -> set[int]:
    found = set()
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as fh:
                    fields = fh.read().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                found.add(int(entry))
    return found


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as fh:
            return fh.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def test_workers_die_with_their_parent(tmp_path):
    folder = tmp_path / "arkiv"
    folder.mkdir()
    body = GOOD + "Metod\nVi arbetar med motiverande samtal (MI).\n" + "Deltagarna får stöd i vardagen. " * 400
    for i in range(40):
        (folder / f"d{i:03}.txt").write_text(body.replace("Bryggan", f"Bryggan {i}"), encoding="utf-8")
    db_path = tmp_path / "a.db"
    proc = subprocess.Popen([sys.executable, "-m", "extractor", "import", str(db_path), str(folder), "--workers", "2"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline, workers = time.monotonic() + 120, set()
    while not workers and proc.poll() is None and time.monotonic() < deadline:
        workers = {pid for pid in _children(proc.pid) if _alive(pid)}
        time.sleep(0.01)
    assert workers, "no worker seen before the import ended"
    proc.kill()  # kill -9: the parent gets no chance to clean up
    proc.wait(timeout=30)
    deadline = time.monotonic() + 20
    while any(_alive(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not any(_alive(pid) for pid in workers)
    db = sqlite_utils.Database(db_path)
    if db["documents"].exists():
        assert db.execute("pragma integrity_check").fetchone()[0] == "ok"


def test_a_document_over_its_time_in_c_code_is_killed_by_the_parent(tmp_path, monkeypatch):
    real_run = pipeline.run

    def stuck_run(path, **kwargs):
        if "fast" in str(path):
            signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM})  # as if stuck where no signal is seen
            time.sleep(30)
        return real_run(path, **kwargs)

    monkeypatch.setattr(pipeline, "run", stuck_run)
    for name in ("fast.txt", "bra.txt"):
        (tmp_path / name).write_text(GOOD.replace("Bryggan", name), encoding="utf-8")
    paths = [str(tmp_path / "fast.txt"), str(tmp_path / "bra.txt")]
    started = time.monotonic()
    results = dict(bulk.extract_all(paths, False, isolate.Budget(timeout=0.5, memory_mb=0), ordered=True))
    assert time.monotonic() - started < BUDGET_S
    assert results[paths[0]][:2] == ("error", f"{paths[0]}: took longer than 0.5 s; skipped (raise --timeout to allow more)")
    assert results[paths[1]][0] == "ok"


def test_two_imports_starting_together_create_the_schema_in_turn(tmp_path):
    for attempt in range(6):
        path = tmp_path / f"ny{attempt}.db"
        barrier, errors = threading.Barrier(4), []

        def start():
            db = sqlite_utils.Database(path)
            barrier.wait()
            try:
                ensure_schema(db)
            except Exception as err:
                errors.append(err)

        threads = [threading.Thread(target=start) for _ in range(4)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert errors == []
        assert sqlite_utils.Database(path)["sections_fts"].exists()


def _counts(db_path) -> tuple[int, int]:
    db = sqlite_utils.Database(db_path)
    return db["documents"].count, db.execute("select count(*) from documents where current = 1").fetchone()[0]


def test_reimport_counts_are_true_after_copies_edits_renames_and_deletions(tmp_path):
    folder = tmp_path / "arkiv"
    folder.mkdir()
    for name, title in (("a.txt", "Bryggan"), ("b.txt", "Stegen"), ("b-kopia.txt", "Stegen")):
        (folder / name).write_text(GOOD.replace("Bryggan", title), encoding="utf-8")
    db_path = str(tmp_path / "a.db")

    def run(**kwargs):
        return bulk.import_paths(db_path, sorted(p for p in folder.iterdir()),
                                 bulk.ImportSettings(workers=1, **kwargs), report=lambda m: None, folders=[str(folder)])

    first = run()
    assert (first.imported, first.same) == (2, 1) and _counts(db_path) == (2, 2)
    (folder / "a.txt").write_text(GOOD.replace("Bryggan", "Bron"), encoding="utf-8")
    edited = run()
    assert (edited.imported, edited.unchanged, edited.same) == (1, 1, 1)
    assert _counts(db_path) == (3, 2)  # the old text of a.txt is kept, but not current
    (folder / "b.txt").rename(folder / "c.txt")
    (folder / "b-kopia.txt").unlink()
    renamed = run()
    assert (renamed.imported, renamed.unchanged, renamed.missing) == (0, 2, 0)
    db = sqlite_utils.Database(db_path)
    assert [r["path"] for r in db.query("select path from documents where title = 'Stegen'")] == [str(folder / "c.txt")]
    (folder / "c.txt").unlink()
    deleted = run(force=True)
    assert (deleted.imported, deleted.missing) == (1, 1)
    assert _counts(db_path) == (3, 1)
    [gone] = db.query("select title, current, insats_id, missing_since from documents where title = 'Stegen'")
    assert gone["current"] == 0 and gone["insats_id"] is None and gone["missing_since"]
    assert db.execute("select count(*) from document_list").fetchone()[0] == 1
    (folder / "c.txt").write_text(GOOD.replace("Bryggan", "Stegen"), encoding="utf-8")
    back = run()
    assert (back.imported, back.unchanged) == (0, 2) and _counts(db_path) == (3, 2)
