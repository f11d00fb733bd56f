"""The command line: parse, call one function, print, exit code."""
from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import click


DEFAULT_TIMEOUT = 120.0  # seconds per document in `extract`
DEFAULT_MEMORY_MB = 2048  # MB per document beyond the loaded models
DEFAULT_MAX_SIZE_MB = 200  # the largest file read
SUPPORTED_SUFFIXES = {".pdf", ".docx", ".txt", ".html", ".htm", ".doc", ".odt", ".rtf"}


def _walk(paths: tuple[str, ...]) -> list[Path]:
    """Return the files named, and the supported files in folders named, in a stable order."""
    files: list[Path] = []
    for name in paths:
        path = Path(name)
        files += [p for p, why in _folder(path) if why is None] if path.is_dir() else [path]
    return files


def _passed_over(paths: tuple[str, ...]) -> list[tuple[Path, str]]:
    """Return (file, why) for what the folders named hold but _walk leaves out: other types (foto.jpg,
    budget.xlsx) and links to files or folders outside the folder (never followed)."""
    return [(p, why) for name in paths if Path(name).is_dir() for p, why in _folder(Path(name)) if why]


def _folder(root: Path) -> list[tuple[Path, str | None]]:
    """Return (file, None) for the supported files under root and (file, why) for those left out.

    Hidden files and folders are not looked at; links are not followed, and a link whose target
    lies outside root is left out (a link to /etc/passwd is not archive material).
    """
    inside, out = root.resolve(), []
    for folder, dirs, names in os.walk(root):  # followlinks=False: a linked folder is not entered
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        here = Path(folder)
        for name in sorted(names) + [d for d in dirs if (here / d).is_symlink()]:
            p = here / name
            if name.startswith("."):
                continue
            if p.is_symlink() and not p.resolve().is_relative_to(inside):
                out.append((p, "a link to a file outside the folder; not followed"))
            elif p.is_dir():
                continue
            elif p.suffix.lower() not in SUPPORTED_SUFFIXES:
                out.append((p, "not a supported file type"))
            else:
                out.append((p, None))
    return sorted(out)


def _limit_size(max_size_mb: int) -> None:
    """Set the largest file read for as long as this command runs."""
    from .read import limits

    click.get_current_context().with_resource(limits.max_file_bytes(max_size_mb * 1024 * 1024))


def _kinds(skipped: list[tuple[Path, str]]) -> str:
    """Say what the files passed over were: "unsupported type", "1 unsupported type, 2 links out of the folder"."""
    links = sum(why.startswith("a link") for _, why in skipped)
    if not links:
        return "unsupported type"
    if links == len(skipped):
        return "links out of the folder"
    return f"{len(skipped) - links} unsupported type, {links} links out of the folder"


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="extractor")
def cli() -> None:
    """Read archived samordningsförbund documents into records, SQLite and Datasette.

    Example: extractor extract ansokan.pdf --format jsonl
    """


@cli.command()
@click.argument("files", nargs=-1, required=True, type=click.Path())
@click.option("--format", "fmt", type=click.Choice(["jsonl", "json"]), default="jsonl", show_default=True,
              help="jsonl: one record a line; json: one indented array.")
@click.option("--full-text", is_flag=True, help="Include each document's full text in its record.")
@click.option("--no-ocr", is_flag=True, help="Do not OCR PDF pages that have no text layer.")
@click.option("--timeout", type=float, default=DEFAULT_TIMEOUT, show_default=True,
              help="Seconds one document may take before it is reported as failed (0: no limit).")
@click.option("--memory-limit", "memory_mb", type=int, default=DEFAULT_MEMORY_MB, show_default=True,
              help="MB one document may use beyond the loaded models (0: no limit).")
@click.option("--workers", type=int, default=1, show_default=True, help="Documents extracted at once.")
@click.option("--max-size", "max_size_mb", type=int, default=DEFAULT_MAX_SIZE_MB, show_default=True,
              help="MB: larger files are refused unread (0: no limit).")
@click.option("--debug", is_flag=True, help="Show tracebacks (documents then run in this process, without limits).")
def extract(files: tuple[str, ...], fmt: str, full_text: bool, no_ocr: bool, timeout: float, memory_mb: int,
            workers: int, max_size_mb: int, debug: bool) -> None:
    """Print one extraction record per file (SCHEMA.md) to stdout.

    A file that fails (unreadable, too slow, or a bug) is named on stderr; the others are still
    printed, and the exit code is 1.

    Example: extractor extract docs/* --format jsonl > out.jsonl
    """
    from .bulk import extract_all
    from .isolate import Budget

    _limit_size(max_size_mb)
    failed, records = 0, []
    paths = _walk(files)
    for path, why in _passed_over(files):
        if why.startswith("a link"):
            click.echo(f"skipped: {path}: {why}", err=True)
    budget = Budget(timeout=timeout, memory_mb=memory_mb)
    for path, (status, value, _) in extract_all([str(p) for p in paths], not no_ocr, budget, workers=workers,
                                                ordered=True, reraise=debug):
        if status == "ok":
            try:
                line = json.dumps(value.to_dict(full_text=full_text), ensure_ascii=False)
            except Exception as err:  # a value JSON cannot hold must cost this record only
                if debug:
                    raise
                status, value = "error", f"{path}: unexpected {err.__class__.__name__}: {err}"
        if status != "ok":
            click.echo(f"error: {value}", err=True)
            failed += 1
            continue
        if fmt == "jsonl":
            click.echo(line)
        else:
            records.append(value.to_dict(full_text=full_text))
    if fmt == "json":
        click.echo(json.dumps(records, ensure_ascii=False, indent=2))
    if failed:
        raise click.ClickException(f"{failed} of {len(paths)} files could not be read")


@cli.command(name="import")
@click.argument("db_path", metavar="DB", type=click.Path(dir_okay=False))
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True))
@click.option("--force", is_flag=True, help="Re-extract files even if they are stored already.")
@click.option("--workers", type=int, default=None, help="Extraction processes (default: the core count).")
@click.option("--timeout", type=float, default=300.0, show_default=True,
              help="Seconds one document may take before it is recorded as failed.")
@click.option("--memory-limit", "memory_mb", type=int, default=DEFAULT_MEMORY_MB, show_default=True,
              help="MB one document may use beyond the loaded models (0: no limit).")
@click.option("--max-size", "max_size_mb", type=int, default=DEFAULT_MAX_SIZE_MB, show_default=True,
              help="MB: larger files are refused unread (0: no limit).")
@click.option("--no-ocr", is_flag=True, help="Do not OCR PDF pages that have no text layer.")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar.")
def import_(db_path: str, paths: tuple[str, ...], force: bool, workers: int | None, timeout: float,
            memory_mb: int, max_size_mb: int, no_ocr: bool, quiet: bool) -> None:
    """Import files and folders into the SQLite database DB.

    Unchanged files already stored by this extractor version are skipped; each document is
    written in one transaction, and failures are listed in the import_errors table.

    Example: extractor import archive.db archive/
    """
    from .bulk import ImportSettings, import_paths

    _limit_size(max_size_mb)
    settings = ImportSettings(force=force, workers=workers, timeout=timeout, memory_mb=memory_mb, ocr=not no_ocr,
                              progress=not quiet and sys.stderr.isatty())
    summary = import_paths(db_path, _walk(paths), settings, report=lambda msg: click.echo(msg, err=True),
                           folders=[p for p in paths if Path(p).is_dir()])
    skipped = _passed_over(paths)
    if skipped:
        from .bulk import record_skipped

        record_skipped(db_path, skipped, sorted(SUPPORTED_SUFFIXES))
        for path, why in skipped:
            click.echo(f"skipped: {path}: {why}", err=True)
    click.echo(f"imported {summary.imported}, unchanged {summary.unchanged}, failed {summary.failed}"
               + (f", skipped {len(skipped)} ({_kinds(skipped)})" if skipped else "")
               + (f", same bytes as another file {summary.same}" if summary.same else "")
               + (f", no longer found {summary.missing}" if summary.missing else ""), err=True)
    if summary.interrupted:
        click.echo("interrupted: every stored document is whole; run the same command again to import "
                   f"the other {summary.total - summary.imported - summary.unchanged - summary.failed - summary.same} files",
                   err=True)
        sys.exit(130)
    if summary.failed:
        raise click.ClickException(f"{summary.failed} of {summary.total} files could not be imported")


@cli.command()
@click.argument("db_path", metavar="DB", type=click.Path(exists=True, dir_okay=False))
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8001, show_default=True, type=int)
@click.option("--metadata", type=click.Path(exists=True, dir_okay=False), default=None,
              help="Datasette metadata file (default: the project's metadata.yml).")
def serve(db_path: str, host: str, port: int, metadata: str | None) -> None:
    """Serve the database with Datasette, on 127.0.0.1 unless told otherwise.

    Example: extractor serve archive.db --port 8001
    """
    from .publish import serve_database

    code = serve_database(db_path, host=host, port=port, metadata=metadata)
    if code not in (0, -2, 130):  # -2/130: stopped with Ctrl-C
        raise click.ClickException(f"datasette stopped with exit code {code} (is port {port} taken?)")


@cli.command()
@click.argument("db_path", metavar="DB", type=click.Path(exists=True, dir_okay=False))
@click.argument("out_path", metavar="OUT", type=click.Path(dir_okay=False))
def publish(db_path: str, out_path: str) -> None:
    """Write a copy of DB fit for a public site: contacts, e-signing logs and full text left out,
    names, e-mails and phone numbers in every other text masked, search indexes rebuilt.

    Example: extractor publish archive.db public.db && extractor serve public.db
    """
    from .errors import ExtractorError
    from .publish import write_public_copy

    try:
        counts = write_public_copy(db_path, out_path)
    except ExtractorError as err:
        raise click.ClickException(str(err)) from err
    click.echo(f"wrote {out_path}: " + ", ".join(f"{k} {v}" for k, v in counts.items()), err=True)


def _decide(kind: str, db_path: str, first: str, second: str, level: str, note: str | None) -> None:
    """Record a staff grouping decision and say where the two files now stand."""
    import sqlite_utils

    from . import store
    from .errors import ExtractorError

    try:
        a, b = store.decide(sqlite_utils.Database(db_path), kind, level, first, second, note)
    except ExtractorError as err:
        raise click.ClickException(str(err)) from err
    click.echo(f"{first}: insats {a}\n{second}: insats {b}", err=True)


def _decision_command(function):
    """Give link and unlink their shared arguments: DB FIRST SECOND [--document] [--note]."""
    for decorate in reversed([
        click.argument("db_path", metavar="DB", type=click.Path(exists=True, dir_okay=False)),
        click.argument("first"),
        click.argument("second"),
        click.option("--document", "level", flag_value="document",
                     help="As one document (copies or versions), not just one insats."),
        click.option("--insats", "level", flag_value="insats", default=True, hidden=True),
        click.option("--note", default=None, help="Why, for the next person who reads the decision."),
    ]):
        function = decorate(function)
    return cli.command()(function)


@_decision_command
def link(db_path: str, first: str, second: str, level: str, note: str | None) -> None:
    """Put two stored files in one insats (or one document), whatever the automatic grouping says.

    Files are named by path, file name or sha256 prefix. The decision is kept in the
    group_decisions table and every later import obeys it.

    Example: extractor link archive.db ansokan-bryggan.pdf slutrapport-bryggan.pdf
    """
    _decide("link", db_path, first, second, level, note)


@_decision_command
def unlink(db_path: str, first: str, second: str, level: str, note: str | None) -> None:
    """Keep two stored files in separate insatser (or documents), whatever the automatic grouping says.

    Example: extractor unlink archive.db ansokan-0003-ledstangen.txt ansokan-0005-ledstangen.pdf
    """
    _decide("unlink", db_path, first, second, level, note)


@cli.group()
def train() -> None:
    """Rebuild a trained model under models/.

    Example: extractor train methods
    """


@train.command(name="methods")
@click.option("--corpus", type=click.Path(exists=True, dir_okay=False), default=None,
              help="Templates file (default: corpus/methods/templates.jsonl).")
@click.option("--out", "out_dir", type=click.Path(file_okay=False), default=None,
              help="Model folder (default: models/methods).")
def train_methods_command(corpus: str | None, out_dir: str | None) -> None:
    """Train the method classifier and write model.pkl, classifier.json and meta.json.

    Example: extractor train methods --out models/methods
    """
    from .train_methods import DEFAULT_CORPUS, DEFAULT_MODEL_DIR, train as train_model

    meta = train_model(Path(corpus) if corpus else DEFAULT_CORPUS, Path(out_dir) if out_dir else DEFAULT_MODEL_DIR)
    f1 = sum(v["f1"] for v in meta["cross_validation"].values()) / len(meta["cross_validation"])
    click.echo(f"trained on {meta['examples']} examples; mean cross-validated F1 {f1:.3f}", err=True)


@train.command(name="ner")
@click.option("--data", type=click.Path(exists=True, file_okay=False), default=None,
              help="Folder with train_corpus.txt and test_corpus.txt (default: ../shared/data/swedish-ner-corpus).")
@click.option("--out", "out_dir", type=click.Path(file_okay=False), default=None,
              help="Model folder (default: models/ner-sv).")
@click.option("--epochs", type=int, default=12, show_default=True)
@click.option("--limit", type=int, default=None, help="Use only the first N training sentences (a quick check).")
def train_ner_command(data: str | None, out_dir: str | None, epochs: int, limit: int | None) -> None:
    """Train the Swedish NER on the public corpus and score it on its test split.

    Example: extractor train ner --epochs 12
    """
    from .train_ner import DEFAULT_DATA, DEFAULT_OUT, train as train_model

    meta = train_model(Path(data) if data else DEFAULT_DATA, Path(out_dir) if out_dir else DEFAULT_OUT,
                       epochs=epochs, limit=limit)
    test = meta["test"]
    click.echo(f"test split: P {test['ents_p']:.3f} R {test['ents_r']:.3f} F {test['ents_f']:.3f}", err=True)
