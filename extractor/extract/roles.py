"""Owners and partners stated in running prose, anywhere in the document.

Reports, evaluations, web pages and minutes say who runs an intervention in sentences:
"Projektet ägs av Tranås kommun men drivs i samverkan med Arbetsförmedlingen",
"Köpings kommun är projektägare", "ett samverkansprojekt där ingående parter är …",
"X driver tillsammans med Y och Z en förstudie". Each cue below is kept as data: a pattern, the
role it gives, and where the bodies stand (after the cue, or the body just before it).

Bodies are the gazetteer's (gazetteer.py) plus units written as a list item ("Socialtjänsten",
"Förvaltningen för arbetsmarknad") and acronyms the document spelled out earlier ("RAR").
A body merely mentioned, a financier, a commissioner ("på uppdrag av") or a förbund's members
("bildades av …", "Medlemmar i förbundet är …") get no role.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .function_words import FUNCTION_WORDS as STOP_WORDS
from .gazetteer import find_forbund_lists, find_kommun_lists, find_org_spans, kommun_by_bare_name, misspelt_body
from .role_cues import (COOPERATION_NOUN_CUE, GENERAL_COOPERATION_RE, GENERIC_PARTIES_RE, ROLE_CUES_RE, STATED_CUES,
                        cue_words, cues_for)
from .text import Needing, sentences

# A form's label: its value is the rest of the line, or the next line where the label stands alone.
LABEL_END_RE = re.compile(r":\s*$")
# Where a list of bodies stops: a clause of another kind begins.
LIST_STOP_RE = re.compile(
    r"\b(?:som|genom|där|vilket|vilka|men|för\s+att|på\s+uppdrag|i\s+syfte|inom\s+ramen|under|i\s+en|i\s+ett|"
    r"en\s+förstudie|ett\s+projekt|med\s+fokus|skapa|att|har|kring|avseende|om|finansieras|finansierar|inom|är|var|blir|"
    r"i\s+(?:nära\s+|tät\s+)?(?:samverkan|samarbete)|tillsammans\s+med|"
    # a verb in the passive past ends the list where a transcript lost the full stop: "… och B slutrapporterades till …"
    r"[a-zåäö]{3,}ades|"
    r"med(?=\s[^.;]{0,100}?\ssom\s+(?:samverkans|samarbets)part))\b"
    # ", och X är …": Swedish lists put no comma before "och", so a new clause begins
    r"|,\s+och\s+(?=[^.;]{0,120}?\s(?:är|var|blir|har\s+varit)\s)"
    r"|[.;:!?]\s|\s[–-]\s|\n\n",
    re.I)
# A sentence about a förbund's own members or its founding names no project roles ...
MEMBERS_RE = Needing(re.compile(r"\b(?:bildades|bildat|bildade|medlemmar|medlemsparter|förbundsordning|består\s+av|"
                                r"ingår\s+i\s+förbundet)\b", re.I), ("bilda", "medlem", "förbundsordning", "består", "ingår"))
# ... unless it is the project's own parties that "består av …"
PROJECT_PARTIES_RE = re.compile(r"\b(?:projektets|insatsens|förstudiens)\s+parter\b", re.I)
# A unit, a seat or an address before or after the body in a list: "Enheten X, Hälsocenter Y, Region Z",
# "Exempel Service AB, Exempelby"
COMMA_GAP_RE = re.compile(r"\s*,\s*")
COMPANY_RE = re.compile(r"\s(?:AB|HB|KB|ek\.\s?för\.?)$")
# Steering and reference groups sit beside a project; their members are no partners by that.
FOUNDED_RE = re.compile(r"\b(?:bildades|bildat|bildade)\b", re.I)
GROUP_RE = re.compile(r"\b(?:styrgrupp|referensgrupp|beredningsgrupp|ledningsgrupp)\w*", re.I)
# a body named before its cue sits in the group only where the group follows the cue at once:
# "A deltar som aktör i styrgruppen", not "A deltar som samverkanspart och ingår i styrgruppen"
GROUP_AT_CUE_RE = re.compile(r"\s+i\s+(?:\w+\s+)?(?:styrgrupp|referensgrupp|beredningsgrupp|ledningsgrupp)", re.I)
LIST_SPLIT_RE = re.compile(r"\s*,\s*|\s+(?:och|samt|liksom)\s+")
# A unit written in a list is kept as written when it reads as a body: "Socialtjänsten".
UNIT_WORDS_RE = re.compile(
    r"(?:tjänst|förvaltning|nämnd|psykiatri|vård|enhet|centrum|center|institut|universitet|högskola|"
    r"myndighet|förbund|landsting|stiftelse|förening|kooperativ)\w*$|\sAB$|"
    # a foundation, an association or a company named after its kind: "Stiftelsen Påhitt", "Exempel Utbildning AB"
    r"^(?:Förvaltningen|Landstinget|Regionen|Stiftelsen|Föreningen|Studieförbundet|Kooperativet)\b", re.I)
NAME_ITEM_RE = re.compile(r"^[A-ZÅÄÖ][\wåäöéÅÄÖ-]*(?:\s+(?:för|i|och)?\s*[\wåäöéÅÄÖ-]+){0,5}$")
ACRONYM_RE = re.compile(r"^[A-ZÅÄÖ]{2,6}s?$")
BEFORE_CHARS = 120
# a hyphen between two lower-case letters inside a word is where a printed line broke it
WORD_BREAK_RE = re.compile(r"(?<=[a-zåäö])-\s*(?=[a-zåäö])")
# A name standing right before a cue: up to four capitalised words ("Stiftelsen Lyftet i Exempelby")
NAME_BEFORE_RE = re.compile(r"((?:[A-ZÅÄÖ][\wåäöé-]+)(?:\s+(?:i|för)?\s*[A-ZÅÄÖ][\wåäöé-]+){0,3})\W*$")
# Inside a list, a parenthesis or a colon clause holds the units of the body before it:
# "Exempelby kommun (gm. vuxenenheten, IFO) samt …", "Exempelby stad Norr: Social resursförvaltning samt …"
LIST_ASIDE_RE = re.compile(r"\([^()\n]{0,200}\)|:[ \t]+[^,\n.]*?(?=,\s|\s+samt\s)")
# a unit in commas between a body and its role: "Exempelby kommun, socialförvaltningen, är insatsägare"
APPOSITIVE_RE = re.compile(r",[ \t]*[a-zåäö][\wåäö-]*(?:[ \t]+[a-zåäö][\wåäö-]*){0,2}[ \t]*,[ \t]*$")
KOMMUNER_TAIL_RE = re.compile(r"\s+kommuner\s*$")
LIST_GAP_RE = re.compile(r"\s*(?:,|och|samt)\s*|\s*,\s*(?:och|samt)\s+")
AFTER_CHARS = 400  # a list may run past a line break: "övriga deltagande organisationer är\nX, Y och Z"
# A lower-case landsting unit names the landsting: "landstingets psykiatri och primärvård"
LANDSTING_ITEM_RE = re.compile(r"^landstinget?s?\b")


@dataclass
class Role:
    name: str
    role: str
    start: int
    end: int


def _bodies(text: str, base: int, stated: bool = False) -> list[tuple[int, int, str]]:
    """Return (start, end, body) for the bodies named in a cue's list, in order; with `stated`,
    every name in the list is a body."""
    spans = find_org_spans(text)
    taken = [(s, e) for s, e, _ in spans]
    for extra in find_kommun_lists(text) + find_forbund_lists(text):
        if not any(s <= extra[0] < e for s, e in taken):
            spans.append(extra)
            taken.append((extra[0], extra[1]))
    # Units and bodies outside the gazetteer, one list item at a time.
    pos, previous = 0, None  # previous: the list item just taken as a unit's name
    for item in LIST_SPLIT_RE.split(text):
        idx = text.find(item, pos)
        pos = idx + len(item)
        clean = re.sub(r"\s*\([^)]*\)?", "", item).strip(" \t\n,.")
        if clean and clean[0].islower() and previous is not None:
            # a body's name holding a list: "Förvaltningen för fritid, kultur och lärande"
            start = spans[previous][0]
            spans[previous] = (start, idx + len(clean), _unhyphenate(text[start:idx + len(clean)]))
            continue
        previous = None
        if not clean or any(s < idx + len(item) and idx < e for s, e in taken):
            continue
        if _unit_of_previous(text[:idx], spans):
            continue  # "Exempelby kommun, Socialtjänsten": the body's own unit
        if clean.split()[0].lower() in STOP_WORDS:
            continue  # "Med förbundet som projektägare": a clause, no body's name
        clean = _unhyphenate(clean)
        misspelt = misspelt_body(clean)
        if misspelt:
            spans.append((idx, idx + len(clean), misspelt))
            continue
        if (NAME_ITEM_RE.match(clean) and (stated or UNIT_WORDS_RE.search(clean))) or ACRONYM_RE.match(clean):
            # only a unit's name goes on past a comma: "Nämnden för vård, omsorg och stöd"
            previous = len(spans) if UNIT_WORDS_RE.search(clean) and " " in clean else None
            spans.append((idx, idx + len(item.rstrip(" \t\n,.")), clean))
        elif LANDSTING_ITEM_RE.match(clean):
            spans.append((idx, idx + len(clean), "Landstinget"))
    return sorted((base + s, base + e, name) for s, e, name in spans)


def _unhyphenate(name: str) -> str:
    """Return a name without the hyphens and breaks a line end put in it ("Förvalt-\nningen" -> "Förvaltningen")."""
    return re.sub(r"\s+", " ", WORD_BREAK_RE.sub("", name)).strip()


def _unit_of_previous(before: str, spans: list[tuple[int, int, str]]) -> bool:
    """Return whether a list item follows a kommun or region right after its comma."""
    end = len(before.rstrip(" ,\t"))
    return any(e == end and name.endswith((" kommun", " stad")) or e == end and name.startswith("Region ")
               for _, e, name in spans)


def _list_after(text: str, start: int) -> str:
    """Return the part of `text` after a cue that holds its list of bodies (in a table row, its line)."""
    rest = LIST_ASIDE_RE.sub(lambda m: " " * len(m.group()), text[start:start + AFTER_CHARS])
    if text[start - 1:start] == "\t" or "\t" in rest.split("\n", 1)[0]:
        rest = rest.split("\n", 1)[0]
    if re.match(r"[ \t]*[.;](?:\s|$)", rest):
        return ""  # the cue ends its sentence: "B och C är samverkansparter.\nProjekttid: …" lists nothing after
    # the list's own first word may be a stop word's look-alike: skip a leading space only
    m = LIST_STOP_RE.search(rest, 1)
    return rest[: m.start()] if m else rest


def _body_before(sentence: str, end: int, base: int) -> list[tuple[int, int, str]]:
    """Return the body whose name ends right before offset `end` of `sentence`, with the bodies
    listed before it ("A, B och C kommuner har varit parter")."""
    head = sentence[max(0, end - BEFORE_CHARS):end]
    offset = max(0, end - BEFORE_CHARS)
    bodies = _bodies(head, base + offset)
    tail = KOMMUNER_TAIL_RE.search(head)  # "Eskilstuna och Katrineholms kommuner har varit parter"
    found = [b for b in bodies if b[1] >= base + end - 2 - (len(tail.group()) if tail else 0)]
    if found:
        first = bodies.index(found[-1])
        while first > 0 and LIST_GAP_RE.fullmatch(head[bodies[first - 1][1] - base - offset:bodies[first][0] - base - offset]):
            first -= 1
        return bodies[first:bodies.index(found[-1]) + 1]
    aside = APPOSITIVE_RE.search(sentence, 0, end)
    if not found and aside:  # "Exempelby kommun, socialförvaltningen, är insatsägare"
        return _body_before(sentence, aside.start(), base)
    if not found:  # an acronym standing alone before the cue: "där RAR är projektägare"
        last = re.search(r"([A-ZÅÄÖ]{2,6})\W*$", head)
        if last:
            found = [(base + offset + last.start(1), base + offset + last.end(1), last.group(1))]
    return found[-1:]


def _name_before(sentence: str, end: int, base: int) -> list[tuple[int, int, str]]:
    """Return the capitalised name right before a stated role ("… sektorn Exempelmissionen fick
    rollen som projektägare"), without a leading function word."""
    m = NAME_BEFORE_RE.search(sentence[max(0, end - BEFORE_CHARS):end])
    if not m:
        return []
    words = m.group(1).split()
    while words and words[0].lower() in STOP_WORDS:
        words.pop(0)
    name = " ".join(words)
    if name and any((s, e) != (0, len(name)) for s, e, _ in find_org_spans(name)):
        return []  # bodies run together with other words: a run of headings, no one name
    if not name:
        return []
    start = max(0, end - BEFORE_CHARS) + m.start(1) + m.group(1).find(words[0])
    # a bare kommun's name in a stated role is the kommun: "Exempelby som projektägare"
    body = kommun_by_bare_name().get(name.lower(), name)
    return [(base + start, base + start + len(name), body)]


def _label_value(text: str, start: int) -> str:
    """Return the value of a form label ending at `start`: the rest of its line, else the next line."""
    line_end = text.find("\n", start)
    line_end = len(text) if line_end < 0 else line_end
    if text[start:line_end].strip():
        return text[start:line_end]
    nxt = re.match(r"\s*\n([^\n]*)", text[start:])
    return text[start:start + nxt.end()] if nxt else ""


def _near_duplicate(a: str, b: str) -> bool:
    """Return whether two names differ only by a typo ("Stiftelsen X" / "Stifelsen X")."""
    if a == b or abs(len(a) - len(b)) > 2 or len(a) < 8:
        return a == b
    from difflib import SequenceMatcher
    return SequenceMatcher(None, a.lower(), b.lower()).ratio() >= 0.94


def _resolve(name: str, known: list[str]) -> str | None:
    """Return the body an acronym stands for ("ABC" -> "Samordningsförbundet ABC i Dalarna")."""
    if not ACRONYM_RE.match(name):
        return name
    bare = name.rstrip("s") if name.endswith("s") and name[:-1].isupper() else name
    for body in known:
        if re.search(rf"\b{re.escape(bare)}\b", body) and body != bare:
            return body
    return None


def _group_members(sentence: str, m: re.Match, where: str) -> bool:
    """Whether a partner cue's bodies are members of a steering or reference group, not parties."""
    if where == "before":
        return GROUP_AT_CUE_RE.match(sentence, m.end()) is not None
    return GROUP_RE.search(sentence[m.end():m.end() + 200]) is not None


def find_roles(text: str) -> list[Role]:
    """Return the owners and partners that sentences of `text` state, each body once per role.

    "Köpings kommun är projektägare." -> [Role("Köpings kommun", "owner", …)]
    """
    out: list[Role] = []
    known = list(dict.fromkeys(name for _, _, name in find_org_spans(text) if not ACRONYM_RE.match(name)))
    founded_before = False
    listed: dict[tuple[int, bool], list] = {}  # cues ending alike ("i nära samarbete med", "samarbete med") share a list
    words = cue_words(text)
    starts = [w[0] for w in words] if words is not None else None
    for offset, sentence in sentences(text):
        # "Förbundet bildades 2006 … Samverkande parter är …": members, named in the next sentence too
        members = MEMBERS_RE.search(sentence) is not None and not PROJECT_PARTIES_RE.search(sentence)
        skip = members or founded_before
        founded_before = members and FOUNDED_RE.search(sentence) is not None  # its words are MEMBERS_RE's too
        if skip:
            continue
        for role, where, pattern in cues_for(sentence, offset, words, starts):
            for m in pattern.finditer(sentence):
                if role == "partner" and _group_members(sentence, m, where):
                    continue
                if role == "partner" and where == "after" and GENERIC_PARTIES_RE.match(sentence, m.end()):
                    continue
                if pattern.pattern == COOPERATION_NOUN_CUE and GENERAL_COOPERATION_RE.search(
                        sentence[max(0, m.start() - 40):m.start()]):
                    continue
                stated = pattern.pattern in STATED_CUES
                if where == "after" and LABEL_END_RE.search(m.group()):
                    value = _label_value(text, offset + m.end())
                    bodies = _bodies(_list_after(value, 0), offset + m.end(), stated)
                elif where == "after":
                    at = offset + m.end()
                    if (at, stated) not in listed:
                        listed[at, stated] = _bodies(_list_after(text, at), at, stated)
                    bodies = listed[at, stated]
                else:
                    bodies = _body_before(sentence, m.start(), offset) or (
                        _name_before(sentence, m.start(), offset) if stated else [])
                if stated:
                    bodies = _without_units_and_seats(text, bodies, known)
                for start, end, name in bodies:
                    body = _resolve(name, known)
                    if body and not any(r.role == role and _near_duplicate(r.name, body) for r in out):
                        out.append(Role(body, role, start, end))
    # A body that a sentence makes owner is not also a partner by a looser cue, nor by its short name
    # ("Påhitt Service AB" owner, "Påhitt" among the partners).
    owners = {r.name for r in out if r.role == "owner"}
    return [r for r in out if r.role == "owner" or not any(r.name == o or o.startswith(r.name + " ") for o in owners)]


def find_list_bodies(text: str, base: int = 0) -> list[tuple[int, int, str]]:
    """Return the bodies of a list that names parties outright, every item a body, without units and seats.

    "Påhitt, Exempelby kommun, Arbetsförmedlingen" -> Påhitt, Exempelby kommun, Arbetsförmedlingen
    """
    known = list(dict.fromkeys(name for _, _, name in find_org_spans(text) if not ACRONYM_RE.match(name)))
    aside = LIST_ASIDE_RE.sub(lambda m: " " * len(m.group()), text)
    return [(b + base, e + base, n) for b, e, n in _without_units_and_seats(aside, _bodies(aside, 0, stated=True), known)]


def _without_units_and_seats(text: str, bodies: list[tuple[int, int, str]], known: list[str]) -> list[tuple[int, int, str]]:
    """Return a stated list without the units before a known body and the seat after a company.

    "Kompetenscentrum X, Hälsocenter Y, Landstinget Z" (units, then their body, commas only) -> the body;
    "Påhitt Service AB, Skellefteå" -> the company (a bare place after it is its seat).
    """
    def comma_chain(items):
        return all(COMMA_GAP_RE.fullmatch(text[a[1]:b[0]]) for a, b in zip(items, items[1:]))

    if (len(bodies) >= 2 and bodies[-1][2] in known and not any(b[2] in known for b in bodies[:-1])
            and comma_chain(bodies)):
        return bodies[-1:]
    places = kommun_by_bare_name()
    return [b for i, b in enumerate(bodies)
            if not (i and b[2].lower() in places and COMPANY_RE.search(bodies[i - 1][2])
                    and comma_chain(bodies[i - 1:i + 1]))]
