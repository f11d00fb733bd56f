"""Personal data in text: the people's names, e-mail addresses, phone numbers and personnummer a
public copy masks, and nothing else (amounts, dates, diarienummer, org-nr and bodies' names stay).

Pure, text in and text out: `Scrubber(names).scrub("Ring Anna Berg på 070-123 45 67")` ->
"Ring [namn] på [telefon]". publish_scrub.py runs it over every text of a database.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from .extract.named_people import CONTACT_ROLES, NOT_PERSON_WORDS, PERSON, find_named_people
from .extract.people import find_emails

MASKS = {"name": "[namn]", "email": "[e-post]", "phone": "[telefon]", "personnummer": "[personnummer]"}
# Anything with an @ (or "(at)") and a dotted domain; find_emails adds the ones print split.
EMAIL_RE = re.compile(r"[\w.+-]+[ \t]?(?:@|\((?:at|&)\)|\[at\])[ \t]?[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,}\b")
# OCR reads an "@" as "&": "peter.hagglund& nordanstig.se" (a dotted local part and a known ending)
EMAIL_AMP_RE = re.compile(r"[\w+-]+\.[\w.+-]+[ \t]?&[ \t]?[\w-]+(?:\.[\w-]+)*\.(?:se|com|nu|org|net|eu)\b")
_SP = r"[ \t\u00a0]"
# "070-123 45 67", "08-123 456 78", "+46 70 123 45 67", "+46 (0)480-45 00 00", "0480-45 00 00",
# "010-1234567", "(08) 12 34 56". Never inside a longer number ("1 070 500 000 kr", "2024-01-01"):
# nothing digit-like or dashed just before it.
PHONE_RE = re.compile(
    rf"(?<![\w+.,:/–-])(?<!\d{_SP})(?<!\d{_SP}{_SP})"
    rf"(?P<number>(?:(?:\+|00)46{_SP}?(?:\(0\){_SP}?)?[1-9]\d{{0,3}}|\(?0[1-9]\d{{0,3}}\)?)"
    rf"(?:(?:{_SP}?[-–]{_SP}?|{_SP})?\d{{1,4}}){{1,6}})(?![\d])")
# A word that says a number is a phone number, so a short one counts too: "tel. 12 34 56".
PHONE_CUE_RE = re.compile(r"(?i:tel|telefon|telnr|tfn|mobil|mob|mobilnr|växel|vx|fax|direkt|sms|ring)\.?"
                          rf"(?:nr|nummer)?{_SP}*[:.]?{_SP}*(?:\+|\(|\d)$")
NOT_PHONE_AFTER_RE = re.compile(r"^\s?(?i:kr\b|kronor|tkr|mnkr|msek|sek\b|st\b|%|timmar|tim\b|personer|deltagare)")
NOT_PHONE_BEFORE_RE = re.compile(r"(?i:dnr|diarienr|diarienummer|nr|org\.?\s?nr|organisationsnummer|bg|pg|"
                                 r"bankgiro|plusgiro|konto)[ \t.:]*$")
DATE_LIKE_RE = re.compile(r"^\d{1,2}[-–]\d{1,2}[-–](?:19|20)\d{2}$")
# "19800101-1234", "800101-1234" (an org-nr, "222000-1234", has no month in place: it stays)
PERSONNUMMER_RE = re.compile(r"(?<![\w-])(?:19|20)?\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])[-+]\d{4}(?![\w-])")
# A number without its area code, after a word that says it is one: "Tel 12 34 56", "mobil: 123 45 67"
CUED_LOCAL_PHONE_RE = re.compile(r"(?<![\w-])(?i:tel|telefon|tfn|mobil|mob|växel|direkt)\.?(?:nr|nummer)?[ \t]*[:.]?[ \t]*"
                                 r"(?P<number>[1-9]\d{1,2}(?:[ \t-]\d{2,3}){1,3})(?![\d])(?!\s?(?i:kr\b|tkr|%))")
PHONE_DIGITS = (8, 10)  # a Swedish number with its leading 0: 08-12 34 56 … 070-123 45 67
CUED_PHONE_DIGITS = (5, 10)

# Roles and titles written before or after a person's name: "verksamhetschef Anna Berg", "Anna Berg, samordnare".
TITLES = (rf"{CONTACT_ROLES}|ordförande|vice ordförande|ledamot|ersättare|sekreterare|justerare|"
          r"[a-zåäö]*chef|[a-zåäö]*ledare|[a-zåäö]*samordnare|[a-zåäö]*handläggare|[a-zåäö]*strateg|"
          r"[a-zåäö]*konsulent|[a-zåäö]*sekreterare|[a-zåäö]*ansvarig|utvärderare|handledare|coach|jobbcoach|"
          r"kurator|arbetsterapeut|psykolog|sjuksköterska|socionom|kommunalråd|direktör|controller|ekonom|"
          r"utredare|analytiker|författare|firmatecknare|behörig företrädare|namnförtydligande|namn|"
          r"underskrift|kontakt|kontaktuppgifter|frågor besvaras av|rapporten skrevs av|skriven av|"
          r"sammanställd av|utförd av")
# "Kontaktperson i Nordanstigs kommun är Per Påhittad"
ROLE_IS_NAME_RE = re.compile(rf"(?<![\w-])(?i:{CONTACT_ROLES}|[a-zåäö]*ansvarig|[a-zåäö]*chef)[ \t]+"
                             rf"(?:i|på|för|hos|från|inom)[ \t]+[^.\n]{{1,50}}?[ \t]+(?:är|var|blir)[ \t]+(?P<name>{PERSON})")
TITLE_WORD_RE = re.compile(rf"(?i:{TITLES})")
TITLE_THEN_NAME_RE = re.compile(rf"(?<![\w-])(?i:{TITLES})[ \t]*:?[ \t]*\n?[ \t]*(?P<name>{PERSON})")
NAME_THEN_TITLE_RE = re.compile(rf"(?P<name>{PERSON})[ \t]*(?:,|\(|–|-|\t)[ \t]*(?i:{TITLES})(?![\w])")
# A line (a table row) with a name and a phone number: "Anna Berg\tHandledare\t070-123 45 67"
NAME_ON_LINE_RE = re.compile(rf"(?P<name>{PERSON})[^\n]{{0,60}}$")
# Capitalised words that open a run but are no one's name ("Projekt Bryggan", "Styrelsen Östra").
NOT_NAME_WORDS = NOT_PERSON_WORDS | {
    "projekt", "projektet", "insats", "förbundet", "förbundschef", "kommunen", "regionen", "stad", "staden",
    "landsting", "landstinget", "länsstyrelsen", "socialtjänsten", "vuxenutbildningen", "gymnasiet",
    "arbetsmarknad", "arbetsmarknadsenheten", "hälso", "sjukvård", "primärvården", "psykiatrin",
    "vård", "omsorg", "skola", "centrum", "enheten", "avdelningen", "förvaltningen", "nämnden", "budget",
    "ansökan", "rapport", "slutrapport", "bilaga", "sida", "tabell", "mål", "syfte", "bakgrund", "januari",
    "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober", "november",
    "december", "måndag", "tisdag", "onsdag", "torsdag", "fredag", "sverige", "svenska", "namn", "titel"}
SURNAME_MIN_CHARS = 5  # "Berg", "Lind", "Holm" are words and places too; a surname alone must be longer


def fold(text: str) -> str:
    """Return text lower-cased with accents dropped, one character for one: "Märta Ekström" -> "marta ekstrom"."""
    return "".join(_fold_char(c) for c in text)


def _fold_char(c: str) -> str:
    low = c.lower()
    if len(low) != 1:
        return c
    base = unicodedata.normalize("NFKD", low)[0]
    return base if base.isalpha() or base.isdigit() else low


def plausible_name(name: str, org_words: frozenset[str] = frozenset()) -> bool:
    """Return whether words found where a name stands could be a person's: two or more parts,
    none a common heading or body word ("Projekt Bryggan", "Region Skåne" are not)."""
    parts = name.replace(",", " ").split()
    if len(parts) < 2 or len(parts) > 4:
        return False
    if any(p.lower().strip(".") in NOT_NAME_WORDS or TITLE_WORD_RE.fullmatch(p) for p in parts):
        return False
    return not all(p.lower() in org_words for p in parts)


def find_person_names(text: str, org_words: frozenset[str] = frozenset()) -> set[str]:
    """Return the names of the people a text names with a role, a title or a signature.

    "Frågor besvaras av projektledare Anna Berg" -> {"Anna Berg"}
    """
    names = {name for name, *_ in find_named_people(text)}
    for pattern in (TITLE_THEN_NAME_RE, NAME_THEN_TITLE_RE, ROLE_IS_NAME_RE):
        for m in pattern.finditer(text):
            names.add(" ".join(m.group("name").split()))
    for start, _ in find_phones(text):
        line = text[max(0, text.rfind("\n", 0, start) + 1, start - 100):start]
        names |= {m.group("name") for m in NAME_ON_LINE_RE.finditer(line)}
    # "Anna Berg, anna.berg@motala.se": the words the address spells
    for start, end in _email_spans(text):
        names |= _names_spelled_by(text[max(0, start - 160):start], text[start:end].replace("&", "@"))
    names = {_without_leading(_without_title(n), org_words) for n in names}
    return {n for n in names if plausible_name(n, org_words)}


def _email_spans(text: str) -> list[tuple[int, int]]:
    spans = [(s, e) for _, s, e in find_emails(text)]
    return spans + [m.span() for pattern in (EMAIL_RE, EMAIL_AMP_RE) for m in pattern.finditer(text)]


def _names_spelled_by(before: str, email: str) -> set[str]:
    local = fold(email.split("@")[0]).replace("-", "")
    out = set()
    for run in re.finditer(rf"{PERSON}", before):
        words = run.group().split()
        for i in range(len(words) - 1):
            first, last = words[i], words[i + 1]
            if fold(first).replace("-", "") in local and fold(last).replace("-", "") in local:
                out.add(f"{first} {last}")
    return out


def _without_leading(name: str, org_words: frozenset[str]) -> str:
    """Drop the body's words a name was run into: "Östergötland Maria Sandqvist" -> "Maria Sandqvist"."""
    parts = name.split()
    while len(parts) > 2 and parts[0].lower() in org_words:
        parts = parts[1:]
    return " ".join(parts)


def _without_title(name: str) -> str:
    parts = name.split()
    while len(parts) > 2 and TITLE_WORD_RE.fullmatch(parts[0]):
        parts = parts[1:]
    while len(parts) > 2 and TITLE_WORD_RE.fullmatch(parts[-1]):
        parts = parts[:-1]
    return " ".join(parts)


@dataclass
class Scrubber:
    """Masks personal data in any text, given the names of the people the archive names.

    `org_words` are words of bodies' names (a surname alone that is also a place stays, "Falkenberg");
    `common_words` are words the archive writes in lower case (a surname that is a word stays, "Ström").
    """

    names: set[str]
    org_words: frozenset[str] = frozenset()
    common_words: frozenset[str] = frozenset()
    counts: dict[str, int] = field(default_factory=lambda: dict.fromkeys(MASKS, 0))

    def __post_init__(self):
        self._kinds = _name_forms(self.names, self.org_words, self.common_words)
        self._name_re = _trie_regex(self._kinds) if self._kinds else None

    def scrub(self, text: str) -> tuple[str, list[tuple[int, int, str]]]:
        """Return the text with each name, e-mail, phone number and personnummer masked, and the
        edits made as (start, end, mask), in order, so offsets into the text can follow."""
        spans = self._spans(text)
        if not spans:
            return text, []
        out, pos, edits = [], 0, []
        for start, end, kind in spans:
            out += [text[pos:start], MASKS[kind]]
            edits.append((start, end, MASKS[kind]))
            self.counts[kind] += 1
            pos = end
        out.append(text[pos:])
        return "".join(out), edits

    def _spans(self, text: str) -> list[tuple[int, int, str]]:
        found = [(s, e, "email") for s, e in _email_spans(text)]
        found += [(m.start(), m.end(), "personnummer") for m in PERSONNUMMER_RE.finditer(text)]
        found += [(s, e, "phone") for s, e in find_phones(text)]
        if self._name_re:
            folded = fold(text)
            for m in self._name_re.finditer(folded):
                kind = self._kinds.get(" ".join(m.group().replace(",", " ").split()))
                if kind == "full" or text[m.start()].isupper():
                    found.append((m.start(), m.end(), "name"))
        return _merged(found)


def _merged(spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Return spans without overlaps: of two that overlap the longer (then the earlier) wins."""
    out: list[tuple[int, int, str]] = []
    for start, end, kind in sorted(spans, key=lambda s: (s[0], -(s[1] - s[0]))):
        if out and start < out[-1][1]:
            if end > out[-1][1]:
                out[-1] = (out[-1][0], end, out[-1][2])
            continue
        out.append((start, end, kind))
    return out


def find_phones(text: str) -> list[tuple[int, int]]:
    """Return (start, end) of each phone number: "Tel 070-123 45 67" -> [(4, 17)]; "1 200 000 kr" -> []."""
    out = []
    for m in PHONE_RE.finditer(text):
        groups = list(re.finditer(r"\d+", m.group()))
        cued = bool(PHONE_CUE_RE.search(text[max(0, m.start() - 16):m.start() + 1]))
        low, high = CUED_PHONE_DIGITS if cued else PHONE_DIGITS
        national = re.sub(r"^(?:\+|00)46\s?(?:\(0\)\s?)?", "0", m.group())
        digits = len(re.sub(r"\D", "", national))
        while groups and digits > high:  # a year or a count after the number is no part of it
            digits -= len(groups.pop().group())
        if not groups or digits < low:
            continue
        end = m.start() + groups[-1].end()
        number = text[m.start():end]
        if DATE_LIKE_RE.match(number) or NOT_PHONE_AFTER_RE.match(text[end:end + 12]):
            continue
        if NOT_PHONE_BEFORE_RE.search(text[max(0, m.start() - 24):m.start()]):
            continue
        if not (cued or number.startswith(("+", "00", "(")) or re.search(r"\d[ \t\u00a0]?[-–]|\d[ \t\u00a0]\d", number)
                or re.fullmatch(r"07\d{8}", number)):
            continue  # a bare run of digits is a number of some other kind
        out.append((m.start(), end))
    out += [(m.start("number"), m.end("number")) for m in CUED_LOCAL_PHONE_RE.finditer(text)]
    return sorted(out)


def _name_forms(names: set[str], org_words: frozenset[str], common_words: frozenset[str]) -> dict[str, str]:
    """Return {folded form: kind} for the ways a text writes each name: "Anna Maria Berg" ->
    anna maria berg, anna berg, a. berg, a berg, a.m. berg, berg, anna, berg anna (and "berg" alone,
    kind "surname", when it is long and no common word or place)."""
    forms: dict[str, str] = {}
    for name in names:
        parts = fold(name).replace(",", " ").split()
        if len(parts) < 2:
            continue
        first, last = parts[0], parts[-1]
        forms[" ".join(parts)] = "full"
        for i in range(len(parts) - 1):  # "Anna Maria Berg" is "Maria Berg" too
            forms.setdefault(" ".join(parts[i:]), "full")
        forms.setdefault(f"{first} {last}", "full")
        initials = {first[0], f"{first[0]}."}
        if "-" in first:
            a, b = first.split("-", 1)
            initials |= {f"{a[0]}-{b[0]}", f"{a[0]}.-{b[0]}.", f"{a[0]}.{b[0]}.", f"{a[0]}{b[0]}"}
        if len(parts) > 2:
            initials.add(".".join(p[0] for p in parts[:-1]) + ".")
        for initial in initials:
            forms.setdefault(f"{initial} {last}", "initial")
        forms.setdefault(f"{last} {first}", "reversed")
        original_last = name.replace(",", " ").split()[-1]
        if (len(last) >= SURNAME_MIN_CHARS and last not in common_words
                and original_last.lower() not in org_words and fold(original_last) not in org_words):
            forms.setdefault(last, "surname")
    return forms


def _trie_regex(forms: dict[str, str]) -> re.Pattern:
    """Return one regex matching any form as whole words, whitespace between words free; a trie,
    so a text is read once whatever the number of names."""
    trie: dict = {}
    for form in forms:
        node = trie
        for ch in form:
            node = node.setdefault(ch, {})
        node[""] = {}

    def pattern(node: dict) -> str:
        branches, optional = [], "" in node
        for ch, child in sorted(node.items()):
            if ch == "":
                continue
            piece = r",?\s+" if ch == " " else ("[ \t]?" + re.escape(ch) if ch == "." else re.escape(ch))
            branches.append(piece + pattern(child))
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if optional else body

    return re.compile(rf"(?<![\w.-])(?:{pattern(trie)})(?![\w])")
