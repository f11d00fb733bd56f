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

from . import org_matcher

GAZETTEER_PIPE = "org_gazetteer"
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
    # the word first, then the character before it (a look-behind of fixed width): a text is
    # searched for the words' letters, not tried for a look-behind at every character
    by_length: dict[int, list[str]] = {}
    for word in sorted(short, key=len, reverse=True):
        by_length.setdefault(len(word), []).append(re.escape(word))
    alternatives = [rf"(?:{'|'.join(words)})(?<![\w-](?s:.{{{length}}}))" for length, words in by_length.items()]
    return re.compile(rf"(?:{'|'.join(alternatives)})(?![\w-])"), short


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
    out = []
    abbreviation_re, short = _abbreviations()
    if abbreviation_re:
        out += [(m.start(), m.end(), short[m.group()]) for m in abbreviation_re.finditer(text)]
    # only the words around an anchor word are matched (as the ruler would match them: org_matcher.py)
    for at, window in _anchor_windows(text):
        for start, end, kind in org_matcher.matches(window):
            out.append((at + start, at + end, legal_name(window[start:end], kind)))
    return sorted(out) if abbreviation_re else out


def _anchor_windows(text: str):
    """Yield (offset, text) of each part of a line near an anchor word (_windows), in order; no
    name runs over a line break."""
    # A line that starts in lower case continues the one before ("Västerbottens läns\nlandsting").
    text = WRAPPED_LINE_RE.sub(" ", text)
    lower = text.lower()
    words = _anchor_words()
    if words is None or len(lower) != len(text):  # (a letter whose lower case is longer: "İ")
        hits = [m.span() for m in _anchor_re().finditer(text)]
    else:  # the anchors the text holds at all, then where: one scan of the text each
        present = words.intersection(WORDS_RE.findall(lower))
        hits = [m.span() for m in _anchors_re(frozenset(present)).finditer(lower)] if present else []
    if not hits:
        return
    breaks = [m.start() for m in LINE_BREAK_RE.finditer(text)]
    by_line: dict[int, list[tuple[int, int]]] = {}
    for start, end in hits:
        by_line.setdefault(bisect.bisect_left(breaks, start), []).append((start, end))
    for number, line_hits in by_line.items():
        line_start = breaks[number - 1] + 1 if number else 0
        line_end = breaks[number] if number < len(breaks) else len(text)
        for offset, window in _windows(text[line_start:line_end], [(a - line_start, b - line_start) for a, b in line_hits]):
            yield line_start + offset, window


LINE_BREAK_RE = re.compile("\n")


@lru_cache(maxsize=256)
def _anchors_re(present: frozenset[str]) -> re.Pattern:
    """The anchor words `present` as whole words (a run of word characters, as WORDS_RE finds one)."""
    return re.compile(r"(?<!\w)(?:" + "|".join(sorted(map(re.escape, present), key=len, reverse=True)) + r")(?!\w)")


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
    spans: list[list[int]] = []
    for start, end in hits:
        left, right = _words_back(line, start, WINDOW_WORDS), WORDS_AFTER_RE.match(line, end).end()
        if spans and left <= spans[-1][1]:
            spans[-1][1] = max(spans[-1][1], right)
        else:
            spans.append([left, right])
    return [(left, line[left:right]) for left, right in spans]


# the rest of a hit's word and WINDOW_WORDS words after it
WORDS_AFTER_RE = re.compile(rf"\S*(?:\s+\S+){{0,{WINDOW_WORDS}}}")


def _words_back(line: str, at: int, count: int) -> int:
    """Return where the word `count` words before the one holding `at` starts (the line's first
    word's start where there are fewer): words as WORD_RE finds them, runs of non-space."""
    while at > 0 and not line[at - 1].isspace():
        at -= 1
    for _ in range(count):
        back = at
        while back > 0 and line[back - 1].isspace():
            back -= 1
        if not back:
            break
        while back > 0 and not line[back - 1].isspace():
            back -= 1
        at = back
    return at


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
