"""Across documents: copies of one text, versions of one document, and the insatser they tell of.

The only cross-document stage. It runs after each import over every stored file (store.regroup
reads the rows and writes the answer); here everything is pure: Doc rows in, a Grouping out.

    files --copies/versions--> documents (one current file each) --insats links--> insatser

Staff decisions (`extractor link` / `unlink`) override both steps: a link forces two files into
one document or one insats, an unlink keeps them apart, whatever the texts say.
"""
from __future__ import annotations

from dataclasses import dataclass

from .documents import Doc, Placement, diarienummer_key, place_files, relate, title_key
from .insatser import Insats, build_insatser, planned_figures, reported_figures, role
from .similar import signature, similarity

__all__ = ["Decision", "Doc", "Grouping", "Insats", "Placement", "diarienummer_key", "group_documents",
           "planned_figures", "relate", "reported_figures", "role", "signature", "similarity", "title_key"]
LEVELS = ("document", "insats")


@dataclass
class Decision:
    """A staff member's word on two files: "link" (together) or "unlink" (apart), as one document or insats."""

    kind: str
    level: str
    a: str
    b: str


@dataclass
class Grouping:
    placements: dict[str, Placement]  # every file
    insatser: list[Insats]
    insats_of: dict[str, str]  # every file -> its insats id


def _pairs(decisions, kind: str, level: str) -> list[tuple[str, str]]:
    return [(d.a, d.b) for d in decisions if d.kind == kind and d.level == level]


def group_documents(docs: list[Doc], decisions: list[Decision] = ()) -> Grouping:
    """Return where every file stands: copy, version, current, and its insats."""
    by_sha = {d.sha256: d for d in docs}
    placements = place_files(by_sha, _pairs(decisions, "link", "document"),
                             {frozenset(p) for p in _pairs(decisions, "unlink", "document")})
    current_of = {p.document_id: sha for sha, p in placements.items() if p.current}

    def current(sha: str) -> str | None:
        return current_of.get(placements[sha].document_id) if sha in placements else None

    def mapped(kind: str) -> list[tuple[str, str]]:
        pairs = [(current(a), current(b)) for a, b in _pairs(decisions, kind, "insats")]
        return [(a, b) for a, b in pairs if a and b and a != b]

    insatser = build_insatser([by_sha[s] for s in current_of.values()], placements,
                              mapped("link"), {frozenset(p) for p in mapped("unlink")})
    insats_by_current = {sha: i.id for i in insatser for sha, _ in i.documents}
    insats_of = {sha: insats_by_current[current_of[p.document_id]] for sha, p in placements.items()}
    return Grouping(placements, insatser, insats_of)
