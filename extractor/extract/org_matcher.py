"""The gazetteer's names found as its spaCy EntityRuler finds them, without making a spaCy Doc.

gazetteer.find_org_spans reads every document several times over (roles, organisations, names),
and making a Doc of each window of text cost more than the rest of the search. This matcher gives
the ruler's answer from the same three parts:
- tokens as spaCy's Swedish tokenizer cuts them: each run of non-space characters is cut on its
  own (a run of letters alone stays one token; any other run is asked of spaCy once and kept),
  and whitespace other than one space between two runs is a token of its own, which no
  pattern matches (so no name runs over a line break or a tab);
- the phrases (every surface in the gazetteer, matched on lower-case tokens) and the token
  patterns (the few keys gazetteer.GENERIC_PATTERNS uses: ORTH, LOWER, TEXT with REGEX, OP "?");
- the ruler's choice: longest match first, then the earliest, none overlapping one kept.

`matches(text)` -> [(start, end, kind)] in order, kind "gazetteer" for a phrase, else the token
pattern's id. tests/test_org_matcher.py checks it against the EntityRuler itself.
"""
from __future__ import annotations

import re
from functools import lru_cache

RUN_RE = re.compile(r"\S+")
MAX_KNOWN_RUNS = 200_000  # runs whose tokens are kept; the store starts over beyond this
_runs: dict[str, tuple[tuple[int, int], ...]] = {}


def tokens(text: str) -> list[tuple[int, int]]:
    """Return (start, end) of each token of `text` as spaCy's Swedish tokenizer cuts it; whitespace
    other than one space between two runs stands as an empty token (start == end) that no pattern
    matches: spaCy makes a token of it too."""
    out: list[tuple[int, int]] = []
    at = -1  # where the last run ended
    for m in RUN_RE.finditer(text):
        start = m.start()
        if at >= 0 and (start - at != 1 or text[at] != " "):
            out.append((at, at))
        run = m.group()
        known = _runs.get(run)
        if known is None:
            known = ((0, len(run)),) if run.isalpha() and run not in _rules() else _spacy_run(run)
            if len(_runs) >= MAX_KNOWN_RUNS:
                _runs.clear()
            _runs[run] = known
        out.extend((start + a, start + b) for a, b in known)
        at = m.end()
    return out


@lru_cache(maxsize=1)
def _rules() -> frozenset[str]:
    from .spacy_runtime import blank_sv

    return frozenset(blank_sv().tokenizer.rules)


def _spacy_run(run: str) -> tuple[tuple[int, int], ...]:
    from .spacy_runtime import blank_sv

    return tuple((t.idx, t.idx + len(t.text)) for t in blank_sv().make_doc(run))


def _predicate(spec: dict):
    """Return a test of (text, lower) for one token spec of a spaCy token pattern."""
    if set(spec) - {"ORTH", "LOWER", "TEXT", "OP"}:
        raise ValueError(f"token pattern key not supported here: {spec}")
    if "ORTH" in spec:
        orth = spec["ORTH"]
        return lambda text, lower: text == orth
    if "LOWER" in spec:
        value = spec["LOWER"]
        return lambda text, lower: lower == value
    regex = re.compile(spec["TEXT"]["REGEX"])
    return lambda text, lower: regex.search(text) is not None


def _expanded(pattern: list[dict]) -> list[list[dict]]:
    """Return the pattern as plain sequences: a spec with OP "?" both kept and left out."""
    out: list[list[dict]] = [[]]
    for spec in pattern:
        if spec.get("OP") == "?":
            out = [seq + [spec] for seq in out] + [list(seq) for seq in out]
        elif "OP" in spec:
            raise ValueError(f"token pattern operator not supported here: {spec}")
        else:
            out = [seq + [spec] for seq in out]
    return [seq for seq in out if seq]


@lru_cache(maxsize=1)
def _compiled():
    """Return (phrases by first token: {lower tuple}, token patterns by a literal token:
    [(offset of that token, predicates, kind)], the order of kinds)."""
    from .gazetteer import GENERIC_PATTERNS, surfaces

    phrases: dict[str, set[tuple[str, ...]]] = {}
    for surface in surfaces():
        words = tuple(surface[a:b] for a, b in tokens(surface))
        phrases.setdefault(words[0], set()).add(words)
    by_literal: dict[str, list] = {}
    for kind, pattern in GENERIC_PATTERNS:
        for seq in _expanded(pattern):
            at = next(i for i, spec in enumerate(seq) if "ORTH" in spec or "LOWER" in spec)
            literal = seq[at].get("LOWER") or seq[at]["ORTH"].lower()
            by_literal.setdefault(literal, []).append((at, [_predicate(spec) for spec in seq], kind))
    kinds = ["gazetteer"] + list(dict.fromkeys(kind for kind, _ in GENERIC_PATTERNS))
    return phrases, by_literal, {kind: i for i, kind in enumerate(kinds)}


def matches(text: str) -> list[tuple[int, int, str]]:
    """Return (start, end, kind) of each name the gazetteer ruler would mark in `text`, in order."""
    spans = tokens(text)
    if not spans:
        return []
    words = [text[a:b] for a, b in spans]
    lowers = [w.lower() for w in words]
    phrases, by_literal, rank = _compiled()
    found: set[tuple[int, int, str]] = set()
    n = len(words)
    for i, lower in enumerate(lowers):
        for phrase in phrases.get(lower, ()):
            if tuple(lowers[i:i + len(phrase)]) == phrase:
                found.add((i, i + len(phrase), "gazetteer"))
        for at, predicates, kind in by_literal.get(lower, ()):
            start = i - at
            end = start + len(predicates)
            if start >= 0 and end <= n and all(p(words[k], lowers[k]) for k, p in zip(range(start, end), predicates)):
                found.add((start, end, kind))
    kept: list[tuple[int, int, str]] = []
    taken: set[int] = set()
    for start, end, kind in sorted(found, key=lambda m: (m[0] - m[1], m[0], rank[m[2]])):
        if start not in taken and end - 1 not in taken:
            kept.append((start, end, kind))
            taken.update(range(start, end))
    return [(spans[s][0], spans[e - 1][1], kind) for s, e, kind in sorted(kept)]
