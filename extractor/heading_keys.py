"""Map a heading's wording to its canonical key (SCHEMA.md "Canonical sections").

match_key() reads the lexicon in headings.py ("Målgrupp (*)" -> target_group); question_key()
reads a heading written as a question by what it asks ("Vad kostade insatsen?" -> budget);
guess_key() falls back on word stems for headings neither knows. split.py decides *where* the
headings are; this module only says what a heading's words mean.
"""
from __future__ import annotations

import re
from functools import lru_cache

from .headings import ENGLISH_HEADINGS, HEADINGS, KEY_ORDER, KEYWORD_STEMS, QUESTION_HEADINGS, QUESTION_ORDER

WORD_END = r"(?![\wåäö])"
COMPILED = [(key, re.compile(p + WORD_END)) for key in KEY_ORDER for p in HEADINGS[key] + ENGLISH_HEADINGS.get(key, [])]
# In run-on text a heading is followed by its body, so "$" can only mean the end of a word.
COMPILED_RUNON = [(key, re.compile(p.replace("$", "") + WORD_END)) for key in KEY_ORDER for p in HEADINGS[key]]
# Every pattern in one: most lines start with no heading word, and one C-level test tells so.
ANY_HEADING_RE = re.compile("|".join(f"(?:{pattern.pattern})" for _, pattern in COMPILED))
ANY_HEADING_RUNON_RE = re.compile("|".join(f"(?:{pattern.pattern})" for _, pattern in COMPILED_RUNON))


@lru_cache(maxsize=4)
def _first_pattern(runon: bool, other: bool) -> tuple[re.Pattern, dict[str, str]]:
    """One regex of the patterns in order, each its own group: its match is the first pattern's that
    matches (an alternation tries its branches in order), its group names the key. Built when first
    asked (a one-file job pays for the kinds it reads)."""
    pairs = COMPILED_RUNON if runon else COMPILED
    kept = [(f"k{i}", key, pattern) for i, (key, pattern) in enumerate(pairs) if other or key != "other"]
    return re.compile("|".join(f"(?P<{name}>{pattern.pattern})" for name, _, pattern in kept)), {
        name: key for name, key, _ in kept}
COMPILED_QUESTIONS = [(key, re.compile(p)) for key in QUESTION_ORDER for p in QUESTION_HEADINGS[key]]
DOCUMENT_KIND_RE = re.compile(
    r"^(?:ansökan|projektansökan|fortsättningsansökan|slutrapport|slutredovisning|lägesrapport|delrapport|"
    r"projektplan|verksamhetsplan|verksamhetsberättelse|protokoll|tjänsteskrivelse)(?![\wåäö])")
# "2.3 Målgrupp"; a question form numbers its questions in words: "Fråga 3: Vem är insatsen till för?";
# a form in parts, or lettered: "Del 2: Syfte", "Avsnitt 4 – Budget", "B. Bakgrund" (one capital, then a point or bracket)
LEADING_NUMBER_RE = re.compile(
    r"^\s*(?:(?:fråga|question|del|avsnitt|part|section)\s+\d{1,2}[.:]?\s+(?:[–-]\s+)?"
    r"|\d{1,2}(?:\.\d{1,2}){0,2}[.,]?\s+|(?-i:[A-H])\d{0,2}[.)]\s+)", re.I)
STAR_RE = re.compile(r"\(\s*\*\s*\)")
# A plain-text export's heading drawn with marks: "== Underskrift ==", "[HUVUDMAN]", "## Målgrupp ##".
DECORATION_MARKS = " \t#=[]<>~_"
# Prepositions that tie a modifier to the head before them: what follows only places or narrows it
# ("Samverkan under perioden", "Mätning av effekter"); "Resultat från perioden" (results of a period) is left unread.
PHRASE_PREPOSITIONS = {"under", "i", "inom", "med", "på", "hos", "av"}
# The words a question opens with ("Hur har ni arbetat?", "Vilka har deltagit?").
QUESTION_WORD_RE = re.compile(
    r"^(?:vad|vilka|vilken|vilket|hur|varför|när|vem|vems|har|finns|kommer|ska|kan|är|"
    r"på vilket|i vilken|under vilken|med vilka|för vem|för vilka|till vem|"
    r"who|what|how|why|when|which)(?![\wåäö])"  # an English form's questions
)


def normalise(heading: str) -> str:
    """Return a heading lower-cased, without numbering, "(*)" or end punctuation.

    "2.3 Målgrupp (*):" -> "målgrupp";  "== Underskrift ==" -> "underskrift"
    """
    text = STAR_RE.sub(" ", heading).replace("**", "").replace("*", " ")
    text = text.strip(DECORATION_MARKS)
    text = LEADING_NUMBER_RE.sub("", text).lower()
    text = re.sub(r"\s+", " ", text).strip(" \t:.?–-")
    return text


# A form's instruction before what it asks for: "Redogör för …", "Beskriv kortfattat …", "Ange …"
INSTRUCTION_RE = re.compile(r"(?:beskriv|redogör för|ange|redovisa|presentera)"
                            r"(?: (?:kort|kortfattat|översiktligt|här|gärna|utförligt|tydligt|närmare))? (?=\w)")
POSSESSIVE_RE = re.compile(r"(?:projektets|insatsens|verksamhetens|förstudiens|satsningens) (?=\w)")
DESCRIPTION_OF_RE = re.compile(r"(?:kort |närmare )?beskrivning av (?:insatsens |projektets )?")


def match_key(heading: str, include_other: bool = True, runon: bool = False) -> tuple[str, int] | None:
    """Return (key, matched length) for the first lexicon pattern the heading starts with."""
    norm = normalise(heading)
    described = DESCRIPTION_OF_RE.match(norm)
    if described and not runon and not ANY_HEADING_RE.match(norm):
        # a form's "Beskrivning av metod": the section is what it describes
        found = match_key(norm[described.end():], include_other)
        return (found[0], len(norm)) if found and found[0] != "other" else None
    if not (ANY_HEADING_RUNON_RE if runon else ANY_HEADING_RE).match(norm):
        owned = POSSESSIVE_RE.match(norm)
        if owned:  # "Projektets målgrupp", "Insatsens budget": the section the noun names
            found = match_key(norm[owned.end():], include_other, runon)
            return (found[0], found[1] + owned.end()) if found else None
        asked = INSTRUCTION_RE.match(norm)
        if asked:  # "Redogör för projektets bakgrund", "Ange projektperiod" ("Ange namn" is a signatory's)
            found = match_key(norm[asked.end():], include_other, runon)
            return (found[0], found[1] + asked.end()) if found and found[0] != "title" else None
        # a heading in two languages, Swedish after the slash: "7. Target group / Målgrupp"
        other, slash, swedish = norm.partition(" / ")
        found = match_key(swedish, include_other) if slash and not runon and other else None
        return (found[0], len(norm)) if found else None
    first, keys = _first_pattern(runon, include_other)
    m = first.match(norm)
    return (keys[m.lastgroup], m.end()) if m else None


def is_question(heading: str) -> bool:
    """Whether a heading is worded as a question.  "4. Varför behövs insatsen?" -> True"""
    return heading.rstrip(" \t*()").endswith("?") or QUESTION_WORD_RE.match(normalise(heading)) is not None


def question_key(heading: str) -> str | None:
    """Return the key of what a question heading asks, or None when it asks nothing known.

    "Hur har ni arbetat?" -> "methods";  "Vilka arbetade i insatsen?" -> "other"
    """
    norm = normalise(heading)
    for key, pattern in COMPILED_QUESTIONS:
        if pattern.search(norm):
            return key
    return None


def guess_key(heading: str) -> str:
    """Return the key whose word stems a heading the lexicon does not know uses most, else "other".

    "Vilka resultat förväntas av insatsen?" -> "goals"
    """
    if is_question(heading):
        asked = question_key(heading)
        if asked:
            return asked
    norm = normalise(heading)
    if DOCUMENT_KIND_RE.match(norm):
        return "other"  # the document's own title: "Ansökan om samverkansmedel" is about no one section
    hits = {key: sum(stem in norm for stem in stems) for key, stems in KEYWORD_STEMS.items()}
    best = max(hits.values())
    winners = [k for k, v in hits.items() if v == best]
    if best and len(winners) > 1:
        return _compound_head(norm, winners) or "other"
    return winners[0] if best else "other"


def _compound_head(norm: str, keys: list[str]) -> str | None:
    """Return the key of the phrase's head word, where stems of several keys tie, else None.

    The head is the first word holding a stem, and of a compound its last part says what it is:
    "resultatuppföljning" is a follow-up, not a result. A word after a preposition of circumstance
    only places the head ("Samverkan under perioden"); "Mål och metod" has no one head.
    """
    words = norm.split()
    holding = [i for i, word in enumerate(words) if any(stem in word for key in keys for stem in KEYWORD_STEMS[key])]
    if not holding:
        return None
    head = holding[0]
    later = [i for i in holding if i > head]
    if later and (head + 1 >= len(words) or words[head + 1] not in PHRASE_PREPOSITIONS):
        return None
    word = words[head]
    spans = sorted((word.find(stem), word.find(stem) + len(stem), key)
                   for key in keys for stem in KEYWORD_STEMS[key] if stem in word)
    ends: dict[str, int] = {}
    reach = -1
    for begin, end, key in spans:
        if begin < reach:
            continue  # a stem inside another's letters ("arbetsform" in "samarbetsformer") is no part of its own
        ends[key] = max(ends.get(key, -1), end)
        reach = max(reach, end)
    if not ends:
        return None
    best = max(ends.values())
    winners = [key for key, end in ends.items() if end == best]
    return winners[0] if len(winners) == 1 else None
