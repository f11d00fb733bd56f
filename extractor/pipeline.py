"""run(path) -> Record: the stages in order. Start reading here."""
from __future__ import annotations

import bisect
import re
import time
from dataclasses import replace
from pathlib import Path

from . import __version__
from .classify import classify_doc_type
from .extract import checkboxes
from .extract.ages import find_target_groups
from .extract.amounts import find_amounts, kronor_columns, money_spans
from .extract.budget import find_budget
from .extract.cases import decides_many_cases
from .extract.dates import find_dates
from .extract.orgs import find_org_names, find_organizations
from .extract.people import find_contacts, organization_of
from .extract.nlp import find_persons
from .extract.numbers import words_to_digits
from .extract.meta import find_diarienummer, find_title
from .extract.participants import find_participants
from .extract.period import find_period
from .extract.staffing import find_fte_total, find_staffing
from .methods import classify_methods
from .read import read
from .record import Document, Record, Section
from .split import split


def _locator(sections: list[Section]):
    """Return where(start): the key of the section holding offset `start` (None before the first heading)."""
    starts = [s.char_start for s in sections]

    def where(start: int) -> str | None:
        # Sections are in text order and do not overlap: only the last ones starting by `start` can hold it.
        i = bisect.bisect_right(starts, start)
        for s in sections[max(0, i - 3):i]:
            if s.char_start <= start < max(s.char_end, s.char_start + 1):
                return s.key
        return None

    return where


def _evidence(text: str, where, value, start: int, end: int) -> dict:
    return {"value": value, "section": where(start), "char_start": start, "char_end": end,
            "quote": text[start:end]}


LEAD_MIN_CHARS = 200


def _with_lead(sections: list[Section], text: str) -> list[Section]:
    """Return the sections, with the text before the first heading as one more where it is long."""
    first = sections[0].char_start if sections else len(text)
    if len(text[:first].strip()) < LEAD_MIN_CHARS:
        return sections
    return [Section("other", None, text[:first], None, 0, first)] + sections


# A Swedish report's English summary repeats its staff in other words ("two job coaches" beside
# "två jobbcoacher"): the staff are read there only where the Swedish text states none.
ENGLISH_SUMMARY_RE = re.compile(r"\s*(?:english\s+)?(?:summary|abstract)(?:\s+in\s+english)?\s*:?\s*$", re.I)


def _without_english_summary(sections: list[Section]) -> list[Section]:
    return [s for s in sections if not ENGLISH_SUMMARY_RE.match(s.heading or "")]


def extract(doc: Document, timings: dict | None = None) -> Record:
    """Return the Record for an already read Document (pure: no disk, no database)."""
    clock = _Clock(timings)
    sections = split(doc)
    clock.lap("split")
    # the extractors read what a form's boxes state; the record keeps the document's own text
    shown, text = sections, checkboxes.mask(doc.text)
    sections = checkboxes.mask_sections(sections)
    doc_type = classify_doc_type(text)
    dates = find_dates(text)
    # counts, ages and money may be written in words ("tjugo deltagare", "tvåhundratusen kronor")
    figures, figure_sections = words_to_digits(text), [replace(s, text=words_to_digits(s.text)) for s in sections]
    amounts = find_amounts(figures, money_spans(sections) + kronor_columns(figures))
    # a web page's lead, before its first heading, states staff and volumes as a section would
    staffing = find_staffing(_without_english_summary(_with_lead(sections, text))) or find_staffing(
        _with_lead(sections, text))
    ages = find_target_groups(figure_sections, figures)
    organizations = find_organizations(sections, text)
    people = find_contacts(text, sections, persons=find_persons, minutes=doc_type == "decision")
    where: dict[str, tuple[int, int]] = {}  # document-level field -> offsets it was read from
    known_orgs = list(dict.fromkeys([o["name"] for o in organizations] + find_org_names(text)))
    title = find_title(sections, text, where)
    record = Record(
        source={"path": doc.path, "sha256": doc.sha256, "format": doc.format,
                "pages": len(doc.pages) or None, "ocr_pages": doc.ocr_pages},
        doc_type=doc_type,
        title=title,
        diarienummer=find_diarienummer(text, where),
        sections=shown,
        organizations=[{"name": o["name"], "role": o["role"]} for o in organizations],
        contacts=[{"name": p.name, "email": p.email, "phone": p.phone,
                   "organization": organization_of(p, known_orgs, text), "role": p.role} for p in people],
        period=find_period(sections, text, where, doc_type),
        dates=sorted({d.value for d in dates}),
        staffing=[{"role": s.role, "fte": s.fte} for s in staffing],
        fte_total=find_fte_total(sections, staffing, where),
        amounts=sorted({a.value for a in amounts}),
        budget=find_budget(figures, amounts, figure_sections, doc_type, where),
        target_groups=[{"age_min": a.age_min, "age_max": a.age_max} for a in ages],
        participants=find_participants(_with_lead(figure_sections, figures), figures, where),
        # a document about one insats (it names one, or asks money for one): the förbund's offers it names are not its own
        methods=classify_methods(text, sections, one_insats=title is not None or doc_type == "application"),
        extractor_version=__version__,
        text=doc.text,
    )
    if doc_type == "decision" and decides_many_cases(sections):  # no one insats's period or budget
        record.period = {k: None for k in record.period}
        record.budget = {k: None for k in record.budget}
    values = {"title": record.title, "diarienummer": record.diarienummer, "fte_total": record.fte_total,
              "participants": record.participants,
              **{f"period.{k}": v for k, v in record.period.items()},
              **{f"budget.{k}": v for k, v in record.budget.items()}}
    locate = _locator(sections)
    record.evidence = {
        "fields": [dict(_evidence(doc.text, locate, values[field], start, end), field=field)
                   for field, (start, end) in where.items() if values.get(field) is not None],
        "organizations": [_evidence(doc.text, locate, (o["name"], o["role"]), o["start"], o["end"])
                          for o in organizations],
        "contacts": [_evidence(doc.text, locate, p.email or p.name, p.start, p.end) for p in people],
        "dates": [_evidence(doc.text, locate, d.value, d.start, d.end) for d in dates],
        "amounts": [_evidence(doc.text, locate, a.value, a.start, a.end) for a in amounts],
        "staffing": [_evidence(doc.text, locate, s.role, s.start, s.end) for s in staffing],
        "target_groups": [_evidence(doc.text, locate, (a.age_min, a.age_max), a.start, a.end) for a in ages],
    }
    clock.lap("extract")
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
