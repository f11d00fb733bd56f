"""Insatser: the documents about one intervention, in order, with planned against reported figures.

An application, its continuation, progress reports and final report belong together when they
share a registry number, or the same title and owner, or when a report without a title names
an application's insats in its opening. Only current documents take part; copies and older
versions follow their document.
"""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field

from .documents import Doc, Placement, UnionFind, belong_together, diarienummer_key, title_key

CONTINUATION_RE = re.compile(r"forts[äa]ttningsans[öo]kan|ansökan om (?:fortsatt|förlängning)|fortsatt finansiering|"
                             r"förlängning av (?:insatsen|projektet)", re.IGNORECASE)
EVALUATION_RE = re.compile(r"\butvärdering\b|\butvärderingsrapport", re.IGNORECASE)
HEAD_CHARS = 600  # where a document says what it is
# Order of a document's part in the story of an intervention.
ROLES = ("application", "continuation", "operational_plan", "progress_report", "final_report", "evaluation",
         "decision", "other")
PLANNED_ROLES = {"application", "continuation", "operational_plan"}
REPORTED_ROLES = ("final_report", "progress_report", "evaluation")  # preferred first
MENTION_MAX_WORDS = 5
COMPARED = ("period_start", "period_end", "requested_sek", "total_sek", "fte_total", "participants_count", "methods")


@dataclass
class Insats:
    """One intervention: its documents in order and its planned and reported figures."""

    id: str
    title: str | None
    owners: list[str]
    diarienummer: str | None
    documents: list[tuple[str, str]]  # (sha256 of the current file, role), in order
    planned: dict = field(default_factory=dict)
    reported: dict = field(default_factory=dict)


def role(doc: Doc) -> str:
    """Return the document's part in its insats.  "Fortsättningsansökan …" (application) -> "continuation" """
    head = doc.head[:HEAD_CHARS]
    if doc.doc_type == "application" and CONTINUATION_RE.search(head + " " + doc.path.rsplit("/", 1)[-1]):
        return "continuation"
    if doc.doc_type in (None, "other") and EVALUATION_RE.search(head):
        return "evaluation"
    return doc.doc_type if doc.doc_type in ROLES else "other"


def _blocks(docs: list[Doc], key) -> list[list[Doc]]:
    blocks: dict[str, list[Doc]] = defaultdict(list)
    for doc in docs:
        if k := key(doc):
            blocks[k].append(doc)
    return [b for b in blocks.values() if len(b) > 1]


def _named_insats(doc: Doc, titled: dict[str, list[Doc]]) -> list[Doc]:
    """Return the titled documents whose title a report without one names in its opening."""
    words = re.findall(r"\w+", doc.head[:HEAD_CHARS].casefold())
    found = {" ".join(words[i:i + n]) for n in range(1, MENTION_MAX_WORDS + 1) for i in range(len(words) - n + 1)}
    return [d for key in found & titled.keys() for d in titled[key] if belong_together(doc, d)]


def link_documents(current: list[Doc], same=(), apart=frozenset()) -> list[list[Doc]]:
    """Return the current documents grouped by intervention; `same` pairs forced together."""
    by_sha = {d.sha256: d for d in current}
    sets = UnionFind(by_sha, apart)
    for a, b in same:
        if a in by_sha and b in by_sha:
            sets.union(a, b)
    for block in _blocks(current, lambda d: diarienummer_key(d.diarienummer)):
        for other in block[1:]:
            sets.union(block[0].sha256, other.sha256)
    for block in _blocks(current, lambda d: title_key(d.title)):
        for i, a in enumerate(block):
            for b in block[i + 1:]:
                if belong_together(a, b):
                    sets.union(a.sha256, b.sha256)
    titled: dict[str, list[Doc]] = defaultdict(list)
    for d in current:
        if title_key(d.title):
            titled[title_key(d.title)].append(d)
    for doc in current:
        if not title_key(doc.title) and role(doc) in REPORTED_ROLES:
            named = _named_insats(doc, titled)
            if len({sets.find(d.sha256) for d in named}) == 1:
                sets.union(doc.sha256, named[0].sha256)
    return [[by_sha[s] for s in members] for members in sets.groups()]


def _order_key(doc: Doc):
    return (ROLES.index(role(doc)), doc.period_start or "", doc.year or 0, doc.latest_date or "", doc.sha256)


def _figures(doc: Doc) -> dict:
    return {name: list(getattr(doc, name)) if name == "methods" else getattr(doc, name) for name in COMPARED}


def planned_figures(docs: list[Doc]) -> dict:
    """Return what the applications planned: the whole period, the sums asked for, the latest staffing.

    Without an application, what documents that are no report (a decision, an unknown kind) say.
    """
    plans = [d for d in docs if role(d) in PLANNED_ROLES] or [d for d in docs if role(d) not in REPORTED_ROLES]
    out = {name: None for name in COMPARED}
    if not plans:
        return out
    starts = [d.period_start for d in plans if d.period_start]
    ends = [d.period_end for d in plans if d.period_end]
    out["period_start"], out["period_end"] = min(starts, default=None), max(ends, default=None)
    for name in ("requested_sek", "total_sek"):
        values = [getattr(d, name) for d in plans if getattr(d, name) is not None]
        out[name] = sum(values) if values else None
    for name in ("fte_total", "participants_count"):
        out[name] = next((getattr(d, name) for d in reversed(plans) if getattr(d, name) is not None), None)
    out["methods"] = sorted({m for d in plans for m in d.methods})
    return out


def reported_figures(docs: list[Doc]) -> dict:
    """Return what the reports say: each figure from the final report, else the latest progress report."""
    reports = sorted((d for d in docs if role(d) in REPORTED_ROLES),
                     key=lambda d: (REPORTED_ROLES.index(role(d)), [-ord(c) for c in d.latest_date or ""]))
    out = {name: next((getattr(d, name) for d in reports if getattr(d, name) is not None), None)
           for name in COMPARED if name != "methods"}
    out["methods"] = sorted({m for d in reports for m in d.methods}) if reports else None
    return out


def build_insatser(current: list[Doc], placements: dict[str, Placement], same=(), apart=frozenset()) -> list[Insats]:
    """Return one Insats per intervention among the current documents."""
    out = []
    for group in link_documents(current, same, apart):
        group.sort(key=_order_key)
        owners = list(dict.fromkeys(o for d in group for o in d.owners))
        out.append(Insats(
            id=placements[group[0].sha256].document_id[:16],
            title=next((d.title for d in group if title_key(d.title)), group[0].title),
            owners=owners, diarienummer=next((d.diarienummer for d in group if d.diarienummer), None),
            documents=[(d.sha256, role(d)) for d in group],
            planned=planned_figures(group), reported=reported_figures(group)))
    return sorted(out, key=lambda i: i.id)
