"""Swedish public bodies as data (data/organizations.json), found with spaCy's EntityRuler.

The ruler holds two kinds of patterns:
- phrases for every kommun, region, historical landsting and agency in the gazetteer, in the
  ways documents write them ("Enköping kommun", "ENKÖPINGS KOMMUN", "Malmö kommun"), each
  leading to the legal body's name ("Enköpings kommun", "Malmö stad");
- token patterns for the forms of a name the gazetteer cannot list: "<Name> kommun",
  "Region <Name>", "<Name>s läns landsting", "Samordningsförbundet <Name>".

`find_org_spans(text)` returns (start, end, legal name) for each; `org_ruler()` is also placed in
front of the statistical NER (extract/nlp.py), so that the NER keeps known bodies whole.
"""
from __future__ import annotations

import bisect
import json
import re
from functools import lru_cache
from pathlib import Path

from .text import pieces

GAZETTEER_PIPE = "org_gazetteer"
# A line longer than this goes to the ruler in pieces cut at spaces (a name never holds that many).
RULER_PIECE_CHARS = 100_000
DATA_PATH = Path(__file__).resolve().parent.parent / "data" / "organizations.json"
TITLE = r"^[A-ZÅÄÖ][a-zåäöéü]+$"
ACRONYM = r"^[A-ZÅÄÖ]{2,6}$"
# Token patterns for names outside the gazetteer; the id says how to print the legal body.
GENERIC_PATTERNS: list[tuple[str, list[dict]]] = [
    ("kommun", [{"TEXT": {"REGEX": TITLE}}, {"LOWER": "kommun"}]),
    ("kommun", [{"TEXT": {"REGEX": TITLE}}, {"ORTH": "-"}, {"TEXT": {"REGEX": TITLE}}, {"LOWER": "kommun"}]),
    ("region", [{"ORTH": "Region"}, {"TEXT": {"REGEX": TITLE}}]),
    ("region", [{"ORTH": "Region"}, {"TEXT": {"REGEX": TITLE}}, {"LOWER": "län"}]),
    ("as_written", [{"TEXT": {"REGEX": r"^[A-ZÅÄÖ][a-zåäö]+s$"}}, {"LOWER": "läns"}, {"LOWER": "landsting"}]),
    ("as_written", [{"LOWER": "landstinget"}, {"TEXT": {"REGEX": TITLE}}]),
    ("as_written", [{"LOWER": "landstinget"}, {"LOWER": "i"}, {"TEXT": {"REGEX": TITLE}}, {"LOWER": "län"}]),
    ("forbund", [{"LOWER": "samordningsförbundet"}, {"TEXT": {"REGEX": TITLE}}]),
    ("forbund", [{"LOWER": "samordningsförbundet"}, {"TEXT": {"REGEX": TITLE}}, {"TEXT": {"REGEX": TITLE}}]),
    ("forbund", [{"LOWER": "samordningsförbundet"}, {"TEXT": {"REGEX": TITLE}}, {"ORTH": "-"},
                 {"TEXT": {"REGEX": TITLE}}]),
    # a förbund known by its acronym: "Samordningsförbundet ABC", "… ABC i Dalarna"
    ("forbund", [{"LOWER": "samordningsförbundet"}, {"TEXT": {"REGEX": ACRONYM}}]),
    ("forbund", [{"LOWER": "samordningsförbundet"}, {"TEXT": {"REGEX": ACRONYM}}, {"LOWER": "i"},
                 {"TEXT": {"REGEX": TITLE}}]),
    ("as_written", [{"LOWER": "länsstyrelsen"}, {"LOWER": "i"}, {"TEXT": {"REGEX": TITLE}}, {"LOWER": "län", "OP": "?"}]),
    # a förbund named before its kind, kept as written: "Klarälvdalens samordningsförbund"
    ("as_written", [{"TEXT": {"REGEX": r"^[A-ZÅÄÖ][a-zåäö]+s$"}}, {"LOWER": "samordningsförbund"}]),
    ("as_written", [{"TEXT": {"REGEX": r"^(?:Norra|Södra|Östra|Västra|Mellersta|Nordvästra|Nordöstra|Sydvästra|Sydöstra)$"}},
                    {"TEXT": {"REGEX": r"^[A-ZÅÄÖ][a-zåäö]+s$"}}, {"LOWER": "samordningsförbund"}]),
]


@lru_cache(maxsize=1)
def load() -> dict:
    return json.loads(DATA_PATH.read_text(encoding="utf-8"))


def _kommun_surfaces(name: str) -> set[str]:
    """Ways a document writes a kommun: "Enköpings kommun" -> Enköping kommun, Enköpings stad …"""
    base, _, kind = name.rpartition(" ")
    bases = {base}
    if base.endswith("s") and not base.endswith(("ås", "näs", "fors", "ss")):
        bases.add(base[:-1])  # the genitive s left out
    return {f"{b} {k}" for b in bases for k in ("kommun", "stad")} | {name}


@lru_cache(maxsize=1)
def surfaces() -> dict[str, str]:
    """Return {lower-case surface form: legal body} for every body in the gazetteer."""
    data = load()
    out: dict[str, str] = {}
    for names in data["kommuner"].values():
        for name in names:
            if name.startswith("Region "):
                out[name.lower()] = name
                continue
            for surface in _kommun_surfaces(name):
                out.setdefault(surface.lower(), name)
    for name in data["regioner"] + data["historical"] + data["agencies"]:
        out[name.lower()] = name
    for name, aliases in data["aliases"].items():
        for alias in aliases:
            out[alias.lower()] = name
    return out


# A one-word body misspelt by a letter ("Försäkringskasssan", "Arbetsförmedlingn"): long names only,
# where one letter more or less cannot make another body's name.
TYPO_MIN_CHARS = 10
TYPO_CUTOFF = 0.93


@lru_cache(maxsize=1)
def _one_word_bodies() -> dict[str, str]:
    return {surface: name for surface, name in surfaces().items() if " " not in surface and len(surface) >= TYPO_MIN_CHARS}


def misspelt_body(word: str) -> str | None:
    """Return the body a long one-word name misspells by a letter, if any: "Försäkringskasssan" -> "Försäkringskassan"."""
    from difflib import get_close_matches

    if len(word) < TYPO_MIN_CHARS or " " in word:
        return None
    found = get_close_matches(word.lower(), list(_one_word_bodies()), n=1, cutoff=TYPO_CUTOFF)
    return _one_word_bodies()[found[0]] if found else None


def _ascii(name: str) -> str:
    folded = name.lower().translate(str.maketrans("åäöéü", "aaoeu"))
    return re.sub(r"[^a-z0-9]", "", folded)


@lru_cache(maxsize=1)
def email_domains() -> dict[str, str]:
    """Return {e-mail domain: legal body}: the listed ones, plus the ones kommuner and regioner
    follow ("katrineholm.se", "vingaker.se", "regionsormland.se")."""
    data = load()
    out = {}
    for names in data["kommuner"].values():
        for name in names:
            base = name.rsplit(" ", 1)[0]
            if name.startswith("Region "):
                continue
            out.setdefault(_ascii(base) + ".se", name)
            if base.endswith("s"):
                out.setdefault(_ascii(base[:-1]) + ".se", name)
    for name in data["regioner"]:
        out.setdefault(_ascii(name) + ".se", name)
    out.update(data["email_domains"])
    return out


@lru_cache(maxsize=1)
def kommun_by_bare_name() -> dict[str, str]:
    """Return {"enköping": "Enköpings kommun", "enköpings": …} for lists like "Heby och Tierps kommuner"."""
    out = {}
    for surface, name in surfaces().items():
        if surface.endswith((" kommun", " stad")) and name.endswith((" kommun", " stad")):
            out.setdefault(surface.rsplit(" ", 1)[0], name)
    return out


def patterns() -> list[dict]:
    """Return the EntityRuler patterns: gazetteer phrases, then the generic token patterns."""
    out = [{"label": "ORG", "pattern": surface, "id": "gazetteer"} for surface in sorted(surfaces())]
    out += [{"label": "ORG", "pattern": pattern, "id": kind} for kind, pattern in GENERIC_PATTERNS]
    return out


def add_ruler(nlp, before: str | None = None):
    """Add the gazetteer as an EntityRuler (matching phrases in any letter case) to `nlp`."""
    config = {"phrase_matcher_attr": "LOWER", "overwrite_ents": True}
    ruler = nlp.add_pipe("entity_ruler", name=GAZETTEER_PIPE, before=before, config=config)
    ruler.add_patterns(patterns())
    return ruler


@lru_cache(maxsize=1)
def org_ruler():
    """Return a blank Swedish pipeline with only the gazetteer ruler: fast, no statistical model."""
    from .spacy_runtime import blank_sv

    nlp = blank_sv()
    add_ruler(nlp)
    return nlp


def legal_name(span_text: str, kind: str) -> str:
    """Return the legal body for a matched span: the gazetteer's name, else a rule by kind."""
    text = " ".join(span_text.split())
    known = surfaces().get(text.lower())
    if known:
        return known
    words = text.split(" ")
    if kind == "kommun":
        return " ".join(words[:-1]) + " kommun"
    if kind == "region":
        return "Region " + " ".join(words[1:])
    if kind == "forbund":
        return "Samordningsförbundet " + " ".join(words[1:]).replace(" - ", "-")
    return text


WRAPPED_LINE_RE = re.compile(r"\n(?=[a-zåäöé])")


WORDS_RE = re.compile(r"\w+")


@lru_cache(maxsize=1)
def _anchor_words() -> frozenset[str] | None:
    """The anchor words, when each is one lower-case word (a run of word characters) as _anchor_re()
    finds it; else None, and every line goes to the regex."""
    words = frozenset(_anchors())
    return words if all(WORDS_RE.fullmatch(w) and w == w.lower() for w in words) else None


@lru_cache(maxsize=1)
def _anchors() -> set[str]:
    anchors = {"kommun", "stad", "region", "landsting", "landstinget", "samordningsförbundet", "samordningsförbund"}
    for surface in surfaces():
        words = surface.split()
        anchors.add(words[0] if words[0] in ("region", "landstinget") else words[-1])
    return anchors


@lru_cache(maxsize=1)
def _anchor_re() -> re.Pattern:
    """A word every pattern contains ("kommun", "region", "arbetsförmedlingen" …).

    Only lines with one of these words go through spaCy; a pattern never spans a line break.
    """
    return re.compile(r"(?i:\b(?:" + "|".join(sorted(map(re.escape, _anchors()))) + r")\b)")


@lru_cache(maxsize=1)
def _abbreviations() -> tuple[re.Pattern | None, dict[str, str]]:
    """The agencies' short forms ("AF", "FK"), matched in capitals only: "af" is no agency."""
    short = json.loads(DATA_PATH.read_text(encoding="utf-8")).get("abbreviations", {})
    if not short:
        return None, {}
    words = "|".join(sorted(map(re.escape, short), key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{words})(?![\w-])"), short


# The last text asked, and the last long one: a whole document, which roles, orgs and names each
# ask for, with the cue slices roles asks for (under AFTER_CHARS) in between. Kept by identity.
LONG_TEXT_CHARS = 1000
_SPANS_CACHE: dict[str, tuple] = {"last": (None, []), "long": (None, [])}


def find_org_spans(text: str) -> list[tuple[int, int, str]]:
    """Return (start, end, legal body) for each public body named in `text`, in order."""
    for cached, spans in _SPANS_CACHE.values():
        if cached is text:
            return list(spans)
    spans = _find_org_spans(text)
    _SPANS_CACHE["last"] = (text, spans)
    if len(text) >= LONG_TEXT_CHARS:
        _SPANS_CACHE["long"] = (text, spans)
    return list(spans)


def _find_org_spans(text: str) -> list[tuple[int, int, str]]:
    nlp = org_ruler()
    out = []
    abbreviation_re, short = _abbreviations()
    if abbreviation_re:
        out += [(m.start(), m.end(), short[m.group()]) for m in abbreviation_re.finditer(text)]
    # Lines with an anchor word go through spaCy together, a batch at a time (one call per line
    # costs more than the matching); no pattern matches across the line breaks between them.
    for starts, shifts, batch in _anchor_batches(text):
        for ent in nlp(batch).ents:
            shift = shifts[bisect.bisect_right(starts, ent.start_char) - 1]
            out.append((ent.start_char + shift, ent.end_char + shift, legal_name(ent.text, ent.ent_id_)))
    return sorted(out) if abbreviation_re else out


def _anchor_batches(text: str):
    """Yield (starts, shifts, batch): the lines with an anchor word joined by line breaks, each batch
    at most RULER_PIECE_CHARS long; a line starting at starts[i] in the batch is shifts[i] further on
    in `text`."""
    anchor = _anchor_re()
    # A line that starts in lower case continues the one before ("Västerbottens läns\nlandsting").
    text = WRAPPED_LINE_RE.sub(" ", text)
    starts: list[int] = []
    shifts: list[int] = []
    parts: list[str] = []
    size = start = 0
    words = _anchor_words()
    lower = text.lower()
    if len(lower) != len(text):  # a letter whose lower case is longer ("İ"): no offsets to share
        words = None
    for line, lower_line in zip(text.split("\n"), lower.split("\n")):
        # a line none of whose words is an anchor has no hit: a set lookup per word, not the regex
        if words is None:
            hits = [m.span() for m in anchor.finditer(line)]
        elif words.isdisjoint(WORDS_RE.findall(lower_line)):
            hits = []
        else:  # the words that are anchors: what the anchor regex finds, a whole word in any case
            hits = [m.span() for m in WORDS_RE.finditer(lower_line) if m.group() in words]
        for at, window in _windows(line, hits):
            for offset, piece in pieces(window, RULER_PIECE_CHARS):
                offset += at
                if size + len(piece) >= RULER_PIECE_CHARS and parts:
                    yield starts, shifts, "\n".join(parts)
                    starts, shifts, parts, size = [], [], [], 0
                starts.append(size)
                shifts.append(start + offset - size)
                parts.append(piece)
                size += len(piece) + 1
        start += len(line) + 1
    if parts:
        yield starts, shifts, "\n".join(parts)


# Every name the ruler knows holds an anchor word as its first or last word and has at most this
# many words (whitespace apart): the words this far around an anchor hold every name that touches it.
WINDOW_WORDS = 5
WORD_RE = re.compile(r"\S+")


def _windows(line: str, hits: list[tuple[int, int]]) -> list[tuple[int, str]]:
    """Return (offset, text) of the parts of `line` within WINDOW_WORDS words of an anchor hit,
    overlapping parts merged, each starting and ending at a word's edge: the ruler tokenises a
    word alike wherever the window starts, and finds there the names it finds in the whole line.
    A long paragraph held on one line (a reflowed PDF) then costs the words near its few
    anchors, not all of its words."""
    if not hits:
        return []
    if len(line) < 40 * WINDOW_WORDS:
        return [(0, line)]
    words = [m.span() for m in WORD_RE.finditer(line)]
    word_starts = [w[0] for w in words]
    spans: list[list[int]] = []
    for start, end in hits:
        first = max(0, bisect.bisect_right(word_starts, start) - 1 - WINDOW_WORDS)
        last = min(len(words) - 1, bisect.bisect_left(word_starts, end) - 1 + WINDOW_WORDS)
        left, right = words[first][0], words[max(last, first)][1]
        if spans and left <= spans[-1][1]:
            spans[-1][1] = max(spans[-1][1], right)
        else:
            spans.append([left, right])
    return [(left, line[left:right]) for left, right in spans]


# "Heby, Tierp och Östhammars kommuner"; also the singular a cover may print ("Eksjö och Nässjö kommun")
# and the form with suspended hyphens: "Norrköpings-, Söderköpings- och Valdemarsviks kommuner"
KOMMUN_LIST_RE = re.compile(
    r"\b(?P<list>[A-ZÅÄÖ][\wåäöé-]+(?:\s*,\s*[A-ZÅÄÖ][\wåäöé-]+)*,?\s+(?:och|samt)\s+[A-ZÅÄÖ][\wåäöé-]+)\s+kommun(?:er)?\b")
LIST_NAME_RE = re.compile(r"[A-ZÅÄÖ][\wåäöé-]+")


def find_kommun_lists(text: str) -> list[tuple[int, int, str]]:
    """Return the kommuner of a list such as "Heby, Tierp och Östhammars kommuner", with offsets."""
    out = []
    bare = kommun_by_bare_name()
    for m in KOMMUN_LIST_RE.finditer(text):
        for name in LIST_NAME_RE.finditer(m.group("list")):
            word = name.group().rstrip("-")
            body = bare.get(word.lower())
            if body:
                start = m.start("list") + name.start()
                out.append((start, start + len(word), body))
    return out


# "samordningsförbunden i Stockholm, Sollentuna och Delta Hisingen": one förbund per name; without
# "i"/"för" only a list of two or more: "samordningsförbunden Exempeldalen, Påhittebygden och Låtsasby"
_FORBUND_NAME = r"[A-ZÅÄÖ][\wåäöé-]+(?:\s[A-ZÅÄÖ][\wåäöé-]+)?"
_FORBUND_MORE = rf"(?:\s*,\s*{_FORBUND_NAME})*"
FORBUND_LIST_RE = re.compile(
    rf"\b(?i:samordningsförbunden)\s+(?:(?:i|för)\s+(?P<list>{_FORBUND_NAME}{_FORBUND_MORE}(?:\s+(?:och|samt)\s+{_FORBUND_NAME})?)"
    rf"|(?P<bare>{_FORBUND_NAME}{_FORBUND_MORE}\s+(?:och|samt)\s+{_FORBUND_NAME}))")
FORBUND_NAME_RE = re.compile(r"[A-ZÅÄÖ][\wåäöé-]+(?:\s[A-ZÅÄÖ][\wåäöé-]+)?")


def find_forbund_lists(text: str) -> list[tuple[int, int, str]]:
    """Return each förbund of "samordningsförbunden i Stockholm, Sollentuna och Göteborg", with offsets."""
    out = []
    for m in FORBUND_LIST_RE.finditer(text):
        group = "list" if m.group("list") else "bare"
        for name in FORBUND_NAME_RE.finditer(m.group(group)):
            start = m.start(group) + name.start()
            out.append((start, start + len(name.group()), "Samordningsförbundet " + name.group()))
    return out
