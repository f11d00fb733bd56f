"""Copies and versions: which files hold one document, and which document replaced which.

A copy is the same text in another file (Word original and signed PDF, a re-save, a scan): the
copies of one version count once. A version is a new file at a known path, or a resubmission
of the same application (same title and owner, much the same text, other figures); the latest
version is current and the older ones stay as history.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .similar import candidate_pairs, similarities

COPY_SIMILARITY = 0.8  # shingles shared by two formats of one text (measured 0.95-1.0; siblings of one template < 0.45)
SUPPORTED_SIMILARITY = 0.5  # with the same title and no figure that differs: a scan or a reworked copy
FIGURES = ("doc_type", "diarienummer", "requested_sek", "total_sek", "period_start", "period_end")
# Preferred file of a set of copies: born-digital text before PDF, OCR last.
FORMAT_RANK = {"docx": 0, "odt": 1, "doc": 2, "rtf": 3, "txt": 4, "html": 5, "htm": 5, "pdf": 6}
TITLE_PREFIX_RE = re.compile(r"^(?:projektet|projekt|insatsen|insats)\s+", re.IGNORECASE)
DIARIENUMMER_RE = re.compile(r"(\d{2,4})\s*[-/:.]\s*(\d{1,5})")
# Titles that name a kind of document, not an intervention.
KOMMUN_RE = re.compile(r"^(.+?)s?\s+(?:kommun|stad)$")
# National agencies and regions take part in many insatser at once: sharing one says little.
AGENCIES = {"Arbetsförmedlingen", "Försäkringskassan"}
REGION_RE = re.compile(r"^(?:Region|Landstinget)\b|läns landsting$")
DATE_RE = re.compile(r"^\d{4}-\d{2}")
RESUBMISSION_MONTHS = 6  # a resubmission keeps its period; an application for a later one is a new document
GENERIC_TITLES = {"ansökan", "slutrapport", "delrapport", "lägesrapport", "verksamhetsplan", "projektplan",
                  "fortsättningsansökan", "utvärdering", "rapport", "bilaga", "beslut", "årsredovisning",
                  "verksamhetsberättelse", "protokoll", "styrelseprotokoll", "minnesanteckningar", ""}


@dataclass
class Doc:
    """One stored file as grouping sees it: its identity, keys, figures and fingerprint."""

    sha256: str
    path: str = ""
    format: str = ""
    doc_type: str | None = None
    title: str | None = None
    diarienummer: str | None = None
    owners: tuple[str, ...] = ()
    organizations: tuple[str, ...] = ()  # every body named, any role
    requested_sek: int | None = None
    total_sek: int | None = None
    period_start: str | None = None
    period_end: str | None = None
    fte_total: float | None = None
    participants_count: int | None = None
    methods: tuple[str, ...] = ()
    year: int | None = None
    imported_at: str = ""
    replaces: str | None = None  # the file that was at this path before this one
    latest_date: str | None = None  # the latest date written, apart from the planned period's
    head: str = ""  # the opening of the text
    scanned: bool = False
    signature: bytes | None = None


@lru_cache(maxsize=100_000)  # asked once per candidate pair: a million times on 20 000 documents
def title_key(title: str | None) -> str | None:
    """Return a title's first line reduced for comparison, or None.  "Projektet Jobbcentrum, - din väg" -> "jobbcentrum din väg" """
    line = next((line for line in (title or "").splitlines() if line.strip()), "")
    key = " ".join(re.findall(r"\w+", TITLE_PREFIX_RE.sub("", line.strip()).casefold()))
    return key if re.sub(r"[\d\s]+", " ", key).strip() not in GENERIC_TITLES else None  # "Årsredovisning 2015" too


@lru_cache(maxsize=100_000)
def diarienummer_key(number: str | None) -> str | None:
    """Return a registry number's year and serial.  "SNS 2024/031" -> "2024/31" """
    match = DIARIENUMMER_RE.search(number or "")
    return f"{match.group(1)}/{int(match.group(2))}" if match else None


def _figures_agree(a: Doc, b: Doc) -> bool:
    for name in FIGURES:
        x, y = getattr(a, name), getattr(b, name)
        if name == "diarienummer":
            x, y = diarienummer_key(x), diarienummer_key(y)
        if x is not None and y is not None and x != y:
            return False
    return True


def owners_agree(a: Doc, b: Doc) -> bool:
    """Return whether two files' owners do not contradict: they share one, or one names none."""
    return not a.owners or not b.owners or bool(set(a.owners) & set(b.owners))


def _owner_pattern(owner: str) -> str:
    """Return a pattern for an owner's name as a text writes it.  "Lunds kommun" -> matches "Lund\tkommun" """
    match = KOMMUN_RE.match(owner)
    if match:
        return rf"\b{re.escape(match.group(1).casefold())}s?\s+(?:kommun|stad)\b"
    return r"\b" + r"\s+".join(re.escape(word.casefold()) for word in owner.split()) + r"\b"


def _mentions(doc: Doc, owners) -> bool:
    """Return whether a document without owners names one of another's owners in its opening."""
    head = doc.head.casefold()
    return any(o in doc.organizations or re.search(_owner_pattern(o), head) for o in owners)


def belong_together(a: Doc, b: Doc, strict: bool = False) -> bool:
    """Return whether two documents' registry numbers and owners say they are about one intervention.

    Owners must share one; a document without owners must name the other's (in its opening or
    among its organizations); two without owners must share a body other than a national agency
    (`strict`: must share a registry number).
    """
    ka, kb = diarienummer_key(a.diarienummer), diarienummer_key(b.diarienummer)
    if ka and kb and ka != kb:
        return False
    if a.owners and b.owners:
        return bool(set(a.owners) & set(b.owners))
    if a.owners or b.owners:
        known, unknown = (a, b) if a.owners else (b, a)
        return _mentions(unknown, known.owners)
    if strict:
        return bool(ka and ka == kb)
    shared = set(a.organizations) & set(b.organizations)
    return any(o not in AGENCIES and not REGION_RE.match(o) for o in shared)


def _months_apart(a: str | None, b: str | None) -> int:
    if not a or not b or not DATE_RE.match(a) or not DATE_RE.match(b):
        return 0
    return abs((int(a[:4]) - int(b[:4])) * 12 + int(a[5:7]) - int(b[5:7]))


def _named_alike(a: Doc, b: Doc) -> bool:
    """Return whether nothing two files name (title, registry number, owners) tells them apart."""
    ta, tb = title_key(a.title), title_key(b.title)
    da, db = diarienummer_key(a.diarienummer), diarienummer_key(b.diarienummer)
    return not (ta and tb and ta != tb) and not (da and db and da != db) and owners_agree(a, b)


def relate(a: Doc, b: Doc, similar: float) -> str | None:
    """Return "copy", "version" or None for two files and the similarity of their texts.

    The same text with the same figures is a copy (OCR may have lost the owner of one); much the
    same text with other figures is a version only if the owners say it is the same intervention
    and the period starts within half a year, since one template filled in by two owners, or the
    same insats applied for again, reads much the same.
    """
    if a.path and a.path == b.path:
        return "version"  # the same path holds only one file at a time: the newer replaced the older
    if similar < SUPPORTED_SIMILARITY or not _named_alike(a, b):
        return None
    agree = _figures_agree(a, b)
    if similar >= COPY_SIMILARITY and agree:
        return "copy"
    if not belong_together(a, b, strict=True) or _months_apart(a.period_start, b.period_start) > RESUBMISSION_MONTHS:
        return None
    if similar >= COPY_SIMILARITY:
        return "version"
    if title_key(a.title) and title_key(a.title) == title_key(b.title) and a.doc_type == b.doc_type:
        return "copy" if agree else "version"
    return None


class UnionFind:
    """Sets that merge, except where a pair must stay apart (a staff member's split)."""

    def __init__(self, keys, apart: set[frozenset] = frozenset()):
        self.parent = {k: k for k in keys}
        self.sets = {k: [k] for k in self.parent}
        self.apart: dict = {}
        for pair in apart:
            if len(pair) == 2 and pair <= self.parent.keys():
                x, y = tuple(pair)
                self.apart.setdefault(x, set()).add(y)
                self.apart.setdefault(y, set()).add(x)

    def find(self, key):
        while self.parent[key] != key:
            self.parent[key] = self.parent[self.parent[key]]
            key = self.parent[key]
        return key

    def union(self, a, b) -> bool:
        """Merge the sets of a and b unless that joins a pair kept apart; return whether they are one."""
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return True
        if len(self.sets[ra]) < len(self.sets[rb]):
            ra, rb = rb, ra
        if any(self.find(y) == ra for x in self.sets[rb] for y in self.apart.get(x, ())):
            return False
        self.parent[rb] = ra
        self.sets[ra] += self.sets.pop(rb)
        return True

    def groups(self) -> list[list]:
        return [sorted(members) for members in self.sets.values()]


def document_edges(docs: dict[str, Doc]) -> list[tuple[str, str, str, float]]:
    """Return (a, b, "copy" | "version", similarity) for every related pair, most similar first."""
    pairs = candidate_pairs({sha: d.signature for sha, d in docs.items()})
    pairs.update(tuple(sorted(pair)) for pair in _same_path_pairs(docs))
    edges = []
    listed = list(pairs)  # any order: the edges are sorted below
    for (a, b), sim in zip(listed, similarities(listed, {sha: d.signature for sha, d in docs.items()})):
        kind = relate(docs[a], docs[b], sim)
        if kind:
            edges.append((a, b, kind, sim))
    return sorted(edges, key=lambda e: (-e[3], e[0], e[1]))


def _canonical(shas: list[str], docs: dict[str, Doc]) -> str:
    """Return the copy to show and count: the born-digital file first, then the latest imported."""
    return min(shas, key=lambda s: (docs[s].scanned, FORMAT_RANK.get(docs[s].format, 9),
                                    _negated(docs[s].latest_date or ""), _negated(docs[s].imported_at), s))


def _negated(text: str) -> tuple:
    return tuple(-ord(c) for c in text or "")


def _ordered_versions(nodes: list[list[str]], docs: dict[str, Doc]) -> list[list[str]]:
    """Return the versions oldest first: a file replaces the one that was at its path, else by date."""
    def key(node):
        return (max(docs[s].latest_date or "" for s in node), min(docs[s].imported_at or "" for s in node),
                min(docs[s].path for s in node))

    where = {sha: i for i, node in enumerate(nodes) for sha in node}
    after: dict[int, set[int]] = {i: set() for i in range(len(nodes))}
    for i, node in enumerate(nodes):
        for sha in node:
            old = docs[sha].replaces
            if old in where and where[old] != i:
                after[i].add(where[old])
    order, left = [], set(range(len(nodes)))
    while left:
        ready = [i for i in left if not (after[i] & left)] or list(left)  # a cycle: fall back to dates
        pick = min(ready, key=lambda i: key(nodes[i]))
        order.append(nodes[pick])
        left.discard(pick)
    return order


@dataclass
class Placement:
    """Where one file stands: the copy it duplicates, its version number, whether it is current."""

    document_id: str  # the first version's preferred file: one id per document across its versions
    copy_of: str | None
    version: int
    current: bool


def place_files(docs: dict[str, Doc], same: list[tuple[str, str]] = (),
                apart: set[frozenset] = frozenset()) -> dict[str, Placement]:
    """Return each file's placement among copies and versions; `same` pairs are forced together."""
    edges = [(a, b, "copy", 1.0) for a, b in same if a in docs and b in docs] + document_edges(docs)
    lineage = UnionFind(docs, apart)
    copies = UnionFind(docs, set(apart) | _same_path_pairs(docs))
    for a, b, kind, _ in edges:
        if lineage.union(a, b) and kind == "copy":
            copies.union(a, b)
    placed: dict[str, Placement] = {}
    copy_sets = {copies.find(s): members for members in copies.groups() for s in members[:1]}
    for members in lineage.groups():
        roots = {copies.find(s) for s in members}
        nodes = _ordered_versions([copy_sets[r] for r in sorted(roots)], docs)
        first = _canonical(nodes[0], docs)
        for number, node in enumerate(nodes, 1):
            canonical = _canonical(node, docs)
            for sha in node:
                placed[sha] = Placement(first, None if sha == canonical else canonical, number,
                                        sha == canonical and number == len(nodes))
    return placed


def _same_path_pairs(docs: dict[str, Doc]) -> set[frozenset]:
    """Files that were at one path in turn are versions, never copies of each other."""
    by_path: dict[str, list[str]] = {}
    for sha, d in docs.items():
        if d.path:
            by_path.setdefault(d.path, []).append(sha)
    return {frozenset((a, b)) for shas in by_path.values() for i, a in enumerate(shas) for b in shas[i + 1:]}
