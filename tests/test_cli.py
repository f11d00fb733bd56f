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


@pytest.mark.parametrize("command", ["extract", "import", "serve", "publish", "train"])
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
