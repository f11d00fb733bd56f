"""Dataclasses for the extraction record of ../shared/spec/SCHEMA.md (schema version 1)."""
from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field

SCHEMA_VERSION = 1


@dataclass
class Page:
    """A page of a document's full text: `start`/`end` are offsets into Document.text."""

    number: int
    start: int
    end: int
    ocr: bool = False


@dataclass
class Hint:
    """A span of full text that the source marked as a heading (Word style, bold run)."""

    start: int
    end: int
    level: int


@dataclass
class Cell:
    """A table cell: its text and offsets into Document.text."""

    text: str
    start: int
    end: int


@dataclass
class Table:
    """A table of the document: rows of cells; `header` is the first row when it names columns
    ("Kostnadsslag | 2025 | 2026 | Totalt") rather than holding figures."""

    rows: list[list[Cell]] = field(default_factory=list)
    header: list[Cell] | None = None

    @property
    def start(self) -> int:
        return (self.header or self.rows[0])[0].start

    @property
    def end(self) -> int:
        return self.rows[-1][-1].end if self.rows else self.header[-1].end


@dataclass
class Document:
    """What a reader returns: the full text plus what the file said about its layout."""

    path: str
    format: str
    sha256: str
    text: str
    pages: list[Page] = field(default_factory=list)
    hints: list[Hint] = field(default_factory=list)

    def page_at(self, offset: int) -> int | None:
        """Return the page number holding `offset`, or None for unpaged formats."""
        for page in self.pages:
            if page.start <= offset < page.end or offset == page.end == len(self.text):
                return page.number
        return None

    @property
    def tables(self) -> list[Table]:
        """The tables every reader writes as tab-separated rows, with offsets into `text`."""
        from .extract.tables import find_tables

        return find_tables(self.text)

    @property
    def ocr_pages(self) -> list[int]:
        return [p.number for p in self.pages if p.ocr]


@dataclass
class Section:
    key: str
    heading: str | None
    text: str
    page: int | None
    char_start: int
    char_end: int


@dataclass
class Record:
    source: dict
    doc_type: str = "other"
    title: str | None = None
    diarienummer: str | None = None
    sections: list[Section] = field(default_factory=list)
    organizations: list[dict] = field(default_factory=list)
    contacts: list[dict] = field(default_factory=list)
    period: dict = field(default_factory=lambda: {"start": None, "end": None, "intake_end": None})
    dates: list[str] = field(default_factory=list)
    staffing: list[dict] = field(default_factory=list)
    fte_total: float | None = None
    amounts: list[int] = field(default_factory=list)
    budget: dict = field(
        default_factory=lambda: {"requested_sek": None, "own_financing_sek": None, "total_sek": None}
    )
    target_groups: list[dict] = field(default_factory=list)
    participants: dict | None = None
    methods: list[dict] = field(default_factory=list)
    extractor_version: str = ""
    text: str = ""
    evidence: dict = field(default_factory=dict)

    def to_dict(self, full_text: bool = True) -> dict:
        """Return the record as plain data, schema_version first."""
        data = {"schema_version": SCHEMA_VERSION, **asdict(self)}
        if not full_text:
            data.pop("text")
        return data

    def to_json(self, full_text: bool = True) -> str:
        return json.dumps(self.to_dict(full_text), ensure_ascii=False)
