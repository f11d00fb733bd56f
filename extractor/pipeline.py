"""run(path) -> Record: the stages in order. Start reading here."""
from __future__ import annotations

import time
from pathlib import Path

from . import __version__
from .classify import classify_doc_type
from .extract.meta import find_diarienummer, find_title
from .read import read
from .record import Document, Record
from .split import split


def extract(doc: Document, timings: dict | None = None) -> Record:
    """Return the Record for an already read Document (pure: no disk, no database)."""
    clock = _Clock(timings)
    sections = split(doc)
    clock.lap("split")
    record = Record(
        source={"path": doc.path, "sha256": doc.sha256, "format": doc.format,
                "pages": len(doc.pages) or None, "ocr_pages": doc.ocr_pages},
        doc_type=classify_doc_type(doc.text),
        title=find_title(sections, doc.text),
        diarienummer=find_diarienummer(doc.text),
        sections=sections,
        extractor_version=__version__,
        text=doc.text,
    )
    clock.lap("classify")
    return record


def run(path: str | Path, ocr: bool = True, timings: dict | None = None) -> Record:
    """Return the Record for the file at `path`.

    Raises:
        UnsupportedFormat, UnreadableDocument: see read.read().
    """
    clock = _Clock(timings)
    doc = read(path, ocr=ocr)
    clock.lap("read")
    return extract(doc, timings)


class _Clock:
    """Adds each stage's seconds to `timings` when the caller wants them (benchmarks)."""

    def __init__(self, timings: dict | None):
        self.timings, self.last = timings, time.perf_counter()

    def lap(self, stage: str) -> None:
        now = time.perf_counter()
        if self.timings is not None:
            self.timings[stage] = self.timings.get(stage, 0.0) + now - self.last
        self.last = now
