"""Methods: find candidate mentions with spaCy's Matcher, then decide "used or not" per mention.

Stage 1 (rules, data in data/methods.json): every token sequence that names a method.
Stage 2 (method_context.py, method_rules.py): where a rule states it better the rule decides: first
what stands around the sentence (a list's lead-in "Metoder som inte ingår:", a reference list), then
the sentence itself (negation and its scope, a dropped method, another unit, a plan to investigate,
a tick box, a budget line).
Stage 3 (a scikit-learn model, models/methods/, run in numpy by method_classifier.py): otherwise the sentence around each mention, with the method's
name masked, plus the section it stands in, tells whether *this* intervention uses the method.
A document gets a label when any mention is judged used; SE also when IPS is.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .extract.text import matches_at, sentence_bounds, word_led_matches
from .method_context import context_verdict, line_before, list_lead_in, table_row
from .method_rules import verdict
from .method_use import MASK
from .record import Section

LEXICON_PATH = Path(__file__).parent / "data" / "methods.json"
THRESHOLD = 0.5
# A statement that the intervention does not use a method outweighs classifier evidence below STRONG.
DENYING_RULES = {"negated", "dropped"}
STRONG = 0.8
RULE_USED = 0.9  # the confidence a rule's "used" counts as at least
# A named IPS is Supported Employment's manualised form: SCHEMA.md labels it SE as well.
IMPLIES = {"IPS": "SE"}


@dataclass
class Mention:
    label: str
    sentence: str
    masked: str
    section: str | None
    start: int  # offsets of the sentence in the full text
    end: int
    lead_in: str = ""  # the line introducing the list the mention is an item of
    heading: str | None = None  # the heading of the mention's section
    before: str = ""  # the sentence's line before it
    row: tuple[str, ...] = ()  # a table row's other cells when the name heads the row


def load_lexicon() -> dict[str, dict]:
    return json.loads(LEXICON_PATH.read_text(encoding="utf-8"))["labels"]


# A hyphen in a pattern also matches the non-breaking hyphen and the en dash word processors put in
# compounds ("IPS‑modellen", "AWP–bedömningar").
HYPHENS = "[-\u2011\u2013]"
# A name's last word may take a suffix after a colon, as acronyms do: "IPS:s principer", "AWP:n", "SMAIL:en".
COLON_SUFFIX = r"(?::\w+)?"


def _tokens(pattern: str) -> list[str]:
    """Return the pattern's token regexes with hyphens widened and the colon suffix on the last."""
    toks = [tok.replace("-", HYPHENS) for tok in pattern.lstrip("=").split()]
    toks[-1] = f"(?:{toks[-1]}){COLON_SUFFIX}"
    return toks


def _token_pattern(pattern: str) -> list[dict]:
    sensitive = pattern.startswith("=")
    attr = "TEXT" if sensitive else "LOWER"
    return [{attr: {"REGEX": f"^(?:{tok})$"}} for tok in _tokens(pattern)]


@lru_cache(maxsize=1)
def _matcher():
    from spacy.matcher import Matcher

    from .extract.spacy_runtime import blank_sv

    nlp = blank_sv()  # shared with the gazetteer, which adds its ruler: this stage only tokenizes (make_doc)
    matcher = Matcher(nlp.vocab)
    for label, entry in load_lexicon().items():
        matcher.add(label, [_token_pattern(p) for p in entry["patterns"]])
    return nlp, matcher


@lru_cache(maxsize=1)
def _prefilter() -> re.Pattern:
    """One regex over raw text that finds at least every place the Matcher would match.

    The Matcher tests each token against every pattern's regex, which is slow on long documents;
    it only runs on the sentences this regex points at.
    """
    alternatives = []
    for entry in load_lexicon().values():
        for pattern in entry["patterns"]:
            sensitive = pattern.startswith("=")
            body = r"\s+".join(f"(?:{tok})" for tok in _tokens(pattern))
            alternatives.append(rf"\b{body}\b" if sensitive else rf"(?i:\b{body}\b)")
    return re.compile("|".join(alternatives))


def _bounds(body: str, start: int, end: int) -> tuple[int, int]:
    """Return the sentence around body[start:end]; the break before a name that opens a sentence counts.

    sentence_bounds() looks for breaks before `start` only, where the look-ahead cannot see the
    name's capital ("… Arbetsförmedlingen. Supported Employment ingår inte …").
    """
    return sentence_bounds(body, min(start + 1, end), end)


WORD_START_RE = re.compile(r"\b\w")


def _prefilter_matches(body: str):
    """Yield the matches `_prefilter().finditer(body)` gives, trying the pattern at word starts only.

    Every alternative opens with \b and a word character, so a match starts where a word does; where
    every alternative opens with letters of its own ("motiverande", "ips", "7|sju"), only the words
    starting so are tried.
    """
    literals = _leading_literals()
    if literals is None:
        return matches_at(_prefilter(), body, WORD_START_RE)
    return word_led_matches(_prefilter(), body, literals)


@lru_cache(maxsize=1)
def _leading_literals() -> tuple[str, ...] | None:
    """Return the lower-case letters each lexicon pattern must open with, or None where one has none."""
    out = []
    for entry in load_lexicon().values():
        for pattern in entry["patterns"]:
            found = _leading_literal(_tokens(pattern)[0])
            if not found:
                return None
            out += found
    return tuple(dict.fromkeys(out))


OPTIONAL_AFTER = ("?", "*", "{")


def _leading_literal(token: str) -> list[str] | None:
    """Return the words a token regex must open with: "motiverande" -> [motiverande], "(7|sju)" -> [7, sju],
    "assess?ment" -> [asse], "(?:mi([-‑–]\\w+)?)(?::\\w+)?" -> [mi]; None where it is not that plain."""
    group = re.match(r"\((\w+(?:\|\w+)+)\)(?![?*{])", token)
    if group:
        return group.group(1).lower().split("|")
    while token.startswith("(?:"):
        token = token[3:]
    m = re.match(r"\w+", token)
    if not m:
        return None
    rest, word = token[m.end():], m.group()
    if rest.startswith("|") or rest.lstrip(")").startswith(OPTIONAL_AFTER) and rest.startswith(")"):
        return None  # an alternative, or an optional group, follows the letters
    if rest.startswith(OPTIONAL_AFTER):
        word = word[:-1]  # "assess?ment": the last letter is optional
    return [word.lower()] if word else None


def _windows(body: str) -> list[tuple[int, int]]:
    """Return the merged sentence spans of `body` that may hold a method name."""
    spans: list[tuple[int, int]] = []
    for m in _prefilter_matches(body):
        start, end = _bounds(body, m.start(), m.end())
        if spans and start <= spans[-1][1]:
            spans[-1] = (spans[-1][0], max(end, spans[-1][1]))
        else:
            spans.append((start, end))
    return spans


def find_mentions(text: str, sections: list[Section] | None = None) -> list[Mention]:
    """Return every method mention with its sentence (method name masked) and section key."""
    nlp, matcher = _matcher()
    mentions = []
    for key, heading, base, body in _chunks(text, sections):
        for w_start, w_end in _windows(body):
            doc = nlp.make_doc(body[w_start:w_end].replace("\n", " "))  # "case\nmanagement" wrapped by a PDF
            spans = sorted(((m, s, e) for m, s, e in matcher(doc)), key=lambda x: (x[1], -x[2]))
            for match_id, s, e in spans:
                label = nlp.vocab.strings[match_id]
                name_start, name_end = w_start + doc[s].idx, w_start + doc[e - 1].idx + len(doc[e - 1])
                start, end = _bounds(body, name_start, name_end)
                sentence = body[start:end]
                rel_s, rel_e = name_start - start, name_end - start
                name = sentence[rel_s:rel_e]
                # keep what a compound adds: "IPS-teamet" -> "METODNAMN-teamet",
                # "Supported Employment-gruppen" -> "METODNAMN-gruppen", "IPS‑teamet" -> "METODNAMN-teamet"
                suffix = _suffix(label, doc[e - 1].text)
                masked = sentence[:rel_s] + MASK + suffix + sentence[rel_e:]
                mentions.append(Mention(label, " ".join(sentence.split()), " ".join(masked.split()), key,
                                        base + start, base + end, list_lead_in(body, start), heading,
                                        line_before(body, start), table_row(body, name_start, name_end)))
    return mentions


@lru_cache(maxsize=1)
def _last_tokens() -> dict[str, list[re.Pattern]]:
    """Return per label the regexes a name's last token matches, without the colon suffix."""
    out: dict[str, list[re.Pattern]] = {}
    for label, entry in load_lexicon().items():
        for pattern in entry["patterns"]:
            tok = pattern.lstrip("=").split()[-1].replace("-", HYPHENS)
            out.setdefault(label, []).append(re.compile(tok if pattern.startswith("=") else f"(?i:{tok})"))
    return out


def _suffix(label: str, last: str) -> str:
    """Return what a compound adds to the name in its last token, written with a plain hyphen.

    "IPS-teamet" -> "-teamet", "Supported-Employment-gruppen" -> "-gruppen", "IPS:s" -> "",
    "case-management" -> "" (the hyphen is the name's own)
    """
    last = last.split(":")[0]
    for hyphen in re.finditer(HYPHENS, last):
        if any(r.fullmatch(last[:hyphen.start()]) for r in _last_tokens()[label]):
            return "-" + last[hyphen.end():]
    return ""


def _chunks(text: str, sections: list[Section] | None):
    if not sections:
        yield None, None, 0, text
        return
    # text before the first heading is read as a text without headings is: a web page's prose
    # above its only label ("Kontakt:") is the page itself
    opening = min(sections, key=lambda s: s.char_start)
    first = opening.char_start
    heading_start = text.rfind("\n", 0, max(0, first - 1)) + 1
    # a heading inside a run-on line (a transcript that lost its line breaks): the prose before it counts
    at = text.rfind(opening.heading, heading_start, first) if opening.heading else -1
    if at > heading_start:
        heading_start = at
    if text[:heading_start].strip():
        yield None, None, 0, text[:heading_start]
    for s in sections:
        yield s.key, s.heading, s.char_start, text[s.char_start:s.char_end]


def features(masked: str, section: str | None) -> str:
    """Return the classifier's input text: the masked sentence plus a section token."""
    return f"SEKTION_{section or 'ingen'} {masked.lower()}"


MODEL_DIR = Path(__file__).resolve().parent.parent / "models" / "methods"


@lru_cache(maxsize=1)
def load_model(path: str | None = None):
    """Return the method classifier (numpy; no scikit-learn at run time).

    Raises:
        ModelNotFound: models/methods has no classifier.json; run `extractor train methods`.
    """
    from .method_classifier import load

    return load(Path(path) if path else MODEL_DIR)


def _decide(mention: Mention, one_insats: bool = False) -> tuple[bool | None, str]:
    """Return the rules' (used, rule) for a mention: its surroundings first, then its sentence."""
    around = context_verdict(mention.masked, mention.lead_in, mention.heading, mention.before, mention.row)
    return around if around[0] is not None else verdict(mention.masked, mention.section, one_insats)


def used_probabilities(mentions: list[Mention], model, one_insats: bool = False) -> list[float]:
    """Return P(used) per mention: the classifier's, overruled where a rule decides.

    "Vi kommer inte att använda AWP." -> [0.0]
    Where the document says a method is not used, weak evidence elsewhere does not outweigh it:
    "AWP ingår inte i insatsen. … AWP kan fås via Arbetsförmedlingen." -> [0.0, 0.0]
    """
    probs = model.predict_proba([features(m.masked, m.section) for m in mentions])[:, 1]
    decided = [_decide(m, one_insats) for m in mentions]
    denied = {m.label for m, (used, rule) in zip(mentions, decided) if rule in DENYING_RULES}
    out = []
    for mention, p, (used, _rule) in zip(mentions, probs, decided):
        if used is None:
            out.append(float(p) if mention.label not in denied or p >= STRONG else 0.0)
        else:
            out.append(max(float(p), RULE_USED) if used else 0.0)
    return out


def classify_methods(text: str, sections: list[Section], model=None, one_insats: bool = False) -> list[dict]:
    """Return [{"label", "confidence", "evidence": [...]}] for the methods the intervention uses.

    `one_insats`: the document is about one insats (method_rules.verdict).
    """
    mentions = find_mentions(text, sections)
    if not mentions:
        return []
    probs = used_probabilities(mentions, model or load_model(), one_insats)
    labels: dict[str, dict] = {}
    for mention, p in zip(mentions, probs):
        targets = [mention.label] + ([IMPLIES[mention.label]] if mention.label in IMPLIES else [])
        for label in targets:
            entry = labels.setdefault(label, {"label": label, "confidence": 0.0, "evidence": []})
            if p >= THRESHOLD:
                entry["evidence"].append({"section": mention.section, "text": mention.sentence,
                                          "char_start": mention.start, "char_end": mention.end})
            entry["confidence"] = max(entry["confidence"], float(p))
    return [dict(e, confidence=round(e["confidence"], 3)) for e in labels.values() if e["confidence"] >= THRESHOLD]
