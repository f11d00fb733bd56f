import json

import pytest
from click.testing import CliRunner
from conftest import ROOT, SCHEMA_JSON

from extractor.cli import cli

CORPUS = ROOT / "corpus"


@pytest.fixture
def runner():
    return CliRunner()


def test_extract_prints_records_that_validate_against_the_schema(runner):
    import jsonschema

    schema = json.loads(SCHEMA_JSON.read_text(encoding="utf-8"))
    files = sorted(str(p) for p in CORPUS.iterdir() if p.suffix in {".txt", ".docx", ".pdf"})
    result = runner.invoke(cli, ["extract", *files, "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    lines = result.stdout.strip().split("\n")
    assert len(lines) == len(files)
    for line in lines:
        record = json.loads(line)
        jsonschema.validate(record, schema)
        assert record["sections"] and record["source"]["sha256"]


def test_extract_json_format_is_one_array(runner, tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Insatsens namn\nBryggan\n", encoding="utf-8")
    result = runner.invoke(cli, ["extract", str(path), "--format", "json"])
    assert result.exit_code == 0
    assert json.loads(result.stdout)[0]["title"] == "Bryggan"


def test_extract_bad_file_is_reported_and_the_batch_goes_on(runner, tmp_path):
    good = tmp_path / "bra.txt"
    good.write_text("Insatsens namn\nBryggan\n", encoding="utf-8")
    bad = tmp_path / "tom.txt"
    bad.write_text("")
    result = runner.invoke(cli, ["extract", str(bad), str(good)])
    assert result.exit_code == 1
    assert f"error: {bad}: empty file" in result.stderr
    assert "1 of 2 files could not be read" in result.stderr
    assert json.loads(result.stdout)["title"] == "Bryggan"


@pytest.mark.parametrize("command", ["extract", "import", "serve", "publish", "train", "link", "unlink"])
def test_every_command_has_help_with_an_example(runner, command):
    result = runner.invoke(cli, [command, "--help"])
    assert result.exit_code == 0
    assert "Example: extractor " + command in result.output


def test_import_stores_and_reimport_replaces(runner, tmp_path):
    import sqlite_utils

    db_path = tmp_path / "a.db"
    result = runner.invoke(cli, ["import", str(db_path), str(CORPUS), "--workers", "1"])
    assert result.exit_code == 0, result.output
    db = sqlite_utils.Database(db_path)
    docs, sections = db["documents"].count, db["sections"].count
    assert docs == len([p for p in CORPUS.iterdir() if p.suffix in {".txt", ".docx", ".pdf"}])
    result = runner.invoke(cli, ["import", str(db_path), str(CORPUS), "--force", "--workers", "1"])
    assert result.exit_code == 0
    assert (db["documents"].count, db["sections"].count) == (docs, sections)


@pytest.mark.parametrize("fmt", ["jsonl", "json"])
@pytest.mark.parametrize("error", [ValueError("ogiltigt värde"), RecursionError("för djupt"),
                                   UnicodeDecodeError("utf-8", b"\xff", 0, 1, "ogiltig byte")])
def test_extract_any_failure_is_that_files_error_and_the_batch_goes_on(runner, tmp_path, monkeypatch, fmt, error):
    from extractor import pipeline

    real_run = pipeline.run

    def failing_run(path, **kwargs):
        if "trasig" in str(path):
            raise error
        return real_run(path, **kwargs)

    monkeypatch.setattr(pipeline, "run", failing_run)
    bad, good = tmp_path / "trasig.txt", tmp_path / "bra.txt"
    for path in (bad, good):
        path.write_text("Insatsens namn\nBryggan\n", encoding="utf-8")
    result = runner.invoke(cli, ["extract", str(bad), str(good), "--format", fmt])
    assert result.exit_code == 1
    assert f"error: {bad}: unexpected {error.__class__.__name__}" in result.stderr
    assert "1 of 2 files could not be read" in result.stderr
    records = [json.loads(line) for line in result.stdout.splitlines()] if fmt == "jsonl" else json.loads(result.stdout)
    assert [r["title"] for r in records] == ["Bryggan"]


def test_extract_a_document_over_the_time_limit_fails_alone(runner, tmp_path, monkeypatch):
    import time

    from extractor import pipeline

    real_run = pipeline.run

    def slow_run(path, **kwargs):
        if "seg" in str(path):
            time.sleep(5)
        return real_run(path, **kwargs)

    monkeypatch.setattr(pipeline, "run", slow_run)
    slow, fast = tmp_path / "seg.txt", tmp_path / "snabb.txt"
    for path in (slow, fast):
        path.write_text("Insatsens namn\nBryggan\n", encoding="utf-8")
    result = runner.invoke(cli, ["extract", str(slow), str(fast), "--timeout", "0.5"])
    assert result.exit_code == 1
    assert f"error: {slow}: took longer than 0.5 s" in result.stderr
    assert json.loads(result.stdout)["title"] == "Bryggan"


def test_extract_debug_shows_the_traceback_of_an_unexpected_error(runner, tmp_path, monkeypatch):
    from extractor import pipeline

    monkeypatch.setattr(pipeline, "run", lambda path, **kwargs: 1 / 0)
    path = tmp_path / "a.txt"
    path.write_text("Insatsens namn\nBryggan\n", encoding="utf-8")
    result = runner.invoke(cli, ["extract", str(path), "--debug"])
    assert isinstance(result.exception, ZeroDivisionError)


def test_link_and_unlink_decide_and_survive_reimport(runner, tmp_path):
    import sqlite_utils

    db_path = tmp_path / "a.db"
    assert runner.invoke(cli, ["import", str(db_path), str(CORPUS), "--workers", "1"]).exit_code == 0
    db = sqlite_utils.Database(db_path)
    insatser = db["insatser"].count
    # two applications share a title but not an owner: two insatser, until staff say otherwise
    result = runner.invoke(cli, ["link", str(db_path), "ansokan-0003-ledstangen.txt", "ansokan-0005-ledstangen.pdf",
                                 "--note", "samma insats, bytt ägare"])
    assert result.exit_code == 0, result.output
    assert db["insatser"].count == insatser - 1
    assert runner.invoke(cli, ["import", str(db_path), str(CORPUS), "--force", "--workers", "1"]).exit_code == 0
    assert db["insatser"].count == insatser - 1
    result = runner.invoke(cli, ["unlink", str(db_path), "ansokan-0003-ledstangen.txt", "ansokan-0005-ledstangen.pdf"])
    assert result.exit_code == 0 and db["insatser"].count == insatser
    assert [r["kind"] for r in db["group_decisions"].rows] == ["unlink"]


def test_link_names_a_file_it_cannot_find(runner, tmp_path):
    db_path = tmp_path / "a.db"
    assert runner.invoke(cli, ["import", str(db_path), str(CORPUS), "--workers", "1"]).exit_code == 0
    result = runner.invoke(cli, ["link", str(db_path), "saknas.pdf", "ansokan-0003-ledstangen.txt"])
    assert result.exit_code == 1
    assert "saknas.pdf: names no stored file" in result.stderr


def test_import_counts_and_records_the_files_it_passes_over(runner, tmp_path):
    import sqlite_utils

    from extractor.cli import cli

    folder = tmp_path / "arkiv"
    folder.mkdir()
    (folder / "ansokan.txt").write_text("Insatsens namn\nBryggan\n", encoding="utf-8")
    (folder / "foto.jpg").write_bytes(b"\xff\xd8\xff\xe0")
    (folder / "budget.xlsx").write_bytes(b"PK\x03\x04")
    db_path = tmp_path / "a.db"
    for _ in range(2):
        result = runner.invoke(cli, ["import", str(db_path), str(folder), "--workers", "1", "--no-ocr", "-q"])
        assert result.exit_code == 0, result.output
        assert "skipped 2 (unsupported type)" in result.output and "foto.jpg" in result.output
    rows = list(sqlite_utils.Database(db_path)["import_errors"].rows)
    assert sorted(r["path"].rsplit("/", 1)[-1] for r in rows) == ["budget.xlsx", "foto.jpg"]
    assert all(".doc" in r["reason"] and ".odt" in r["reason"] for r in rows)


def test_serve_fails_when_its_port_is_taken(runner, tmp_path):
    import socket

    import sqlite_utils

    from extractor.cli import cli
    from extractor.store import ensure_schema

    db_path = tmp_path / "archive.db"
    ensure_schema(sqlite_utils.Database(db_path))
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = runner.invoke(cli, ["serve", str(db_path), "--port", str(port)])
    assert result.exit_code == 1 and "port" in result.output
