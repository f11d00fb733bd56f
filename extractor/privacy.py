"""Personal data in text: the people's names, e-mail addresses, phone numbers and personnummer a
public copy masks, and nothing else (amounts, dates, diarienummer, org-nr and bodies' names stay).

Pure, text in and text out: `Scrubber(names).scrub("Ring Anna Berg på 070-123 45 67")` ->
"Ring [namn] på [telefon]". publish_scrub.py runs it over every text of a database.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from .extract.named_people import CONTACT_ROLES, LOWER, NOT_PERSON_WORDS, PERSON, UPPER, find_named_people
from .extract.people import find_emails

MASKS = {"name": "[namn]", "email": "[e-post]", "phone": "[telefon]", "personnummer": "[personnummer]"}
# Anything with an @ (or "(at)") and a dotted domain; find_emails adds the ones print split.
EMAIL_RE = re.compile(r"[\w.+-]+[ \t]?(?:@|\((?:at|&)\)|\[at\])[ \t]?[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,}\b")
EMAIL_ANCHOR_RE = re.compile(r"@|\((?:at|&)\)|\[at\]|&")
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
TITLES = (r"[a-zåäö]*(?:chef|ledare|samordnare|handläggare|strateg|konsulent|sekreterare|ansvarig|coach)|"
          rf"{CONTACT_ROLES}|ordförande|vice ordförande|ledamot|ersättare|justerare|utvärderare|"
          r"kurator|arbetsterapeut|psykolog|sjuksköterska|socionom|kommunalråd|direktör|controller|ekonom|"
          r"utredare|analytiker|författare|firmatecknare|behörig företrädare|namnförtydligande|namn|"
          r"underskrift|kontakt|kontaktuppgifter|frågor besvaras av|rapporten skrevs av|skriven av|"
          r"sammanställd av|utförd av")
# "Kontaktperson i Nordanstigs kommun är Per Påhittad"
ROLE_IS_NAME_RE = re.compile(rf"(?<![\w-])(?i:{CONTACT_ROLES}|[a-zåäö]*ansvarig|[a-zåäö]*chef)[ \t]+"
                             rf"(?:i|på|för|hos|från|inom)[ \t]+[^.\n]{{1,50}}?[ \t]+(?:är|var|blir)[ \t]+(?P<name>{PERSON})")
TITLE_WORD_RE = re.compile(rf"(?i:{TITLES})")
TITLE_HIT_RE = re.compile(rf"(?<![\w-])(?i:{TITLES})(?![\w])")
TITLE_WINDOW = 100  # characters a name and its title may take before or after the title
# "Handläggare: Anna Berg", "Kontaktperson\tAnna Berg", "… av utvärderare Anna Berg" (a capitalised title
# with only a space after it is a form's label or heading: "Kommunalråd Samverkan Ja x Nej")
TITLE_THEN_NAME_RE = re.compile(
    rf"(?<![\w-])(?:(?i:{TITLES})[ \t]*[:\t\n][ \t]*\n?|(?:{TITLES})[ \t]+)(?P<name>{PERSON})")
# "Anna Berg, samordnare", "Anna Berg\tHandledare"; a signature: "Ulf Påhittad Datum Kommunalråd",
# "Ulf Påhittad Kommunstyrelsens ordförande" (the name as short as it can be: the genitive is no part of it)
LAZY_PERSON = PERSON.replace("{1,2}", "{1,2}?")
NAME_THEN_TITLE_RE = re.compile(
    rf"(?P<name>{LAZY_PERSON})(?:[ \t]*(?:,|\(|–|-|\t)[ \t]*|[ \t]+(?:Datum[ \t]+)?(?:[{UPPER}][{LOWER}]+s[ \t]+)?)"
    rf"(?i:{TITLES})(?![\w])")
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
    "december", "måndag", "tisdag", "onsdag", "torsdag", "fredag", "sverige", "svenska", "namn", "titel",
    "samverkan", "förslag", "tfn", "ordföranden", "universitet", "högskolan"}
# Words of a body or a meeting, which a run of capitalised words takes along: "… Kommunfullmäktige"
NOT_NAME_ENDINGS = ("styrelse", "styrelsen", "styrelsens", "fullmäktige", "nämnd", "nämnden", "nämndens",
                    "förvaltning", "förvaltningen", "kommun", "kommuns", "kommunen", "regionen", "förbund",
                    "förbundet", "förbundets", "protokoll", "beslut", "mötet", "sammanträde", "berättelse", "universitet")
SURNAME_MIN_CHARS = 5  # "Berg", "Lind", "Holm" are words and places too; a surname alone must be longer


class _FoldTable(dict):
    """str.translate's table for fold(), each character worked out once, when first met."""

    def __missing__(self, code: int) -> str:
        low = chr(code).lower()
        if len(low) != 1:  # "İ" lower-cases to two characters: kept, so offsets stay
            low = chr(code)
        base = unicodedata.normalize("NFKD", low)[0]
        self[code] = base if base.isalpha() or base.isdigit() else low
        return self[code]


_FOLD = _FoldTable()


def fold(text: str) -> str:
    """Return text lower-cased with accents dropped, one character for one: "Märta Ekström" -> "marta ekstrom"."""
    return text.translate(_FOLD)


def plausible_name(name: str, org_words: frozenset[str] = frozenset()) -> bool:
    """Return whether words found where a name stands could be a person's: two or more parts,
    none a common heading or body word ("Projekt Bryggan", "Region Skåne" are not)."""
    parts = name.replace(",", " ").split()
    if len(parts) < 2 or len(parts) > 4:
        return False
    return all(map(_name_word, parts)) and not all(p.lower() in org_words for p in parts)


def _name_word(part: str) -> bool:
    low = part.lower().strip(".")
    return not (low in NOT_NAME_WORDS or low.endswith(NOT_NAME_ENDINGS) or TITLE_WORD_RE.fullmatch(part))


def find_person_names(text: str, org_words: frozenset[str] = frozenset()) -> set[str]:
    """Return the names of the people a text names with a role, a title or a signature.

    "Frågor besvaras av projektledare Anna Berg" -> {"Anna Berg"}
    """
    names = {name for name, *_ in find_named_people(text)}
    names |= {" ".join(m.group("name").split()) for m in ROLE_IS_NAME_RE.finditer(text)}
    for hit in TITLE_HIT_RE.finditer(text):  # the name patterns read only around a title: fast on any text
        for pattern, start, end in ((NAME_THEN_TITLE_RE, hit.start() - TITLE_WINDOW, hit.end()),
                                    (TITLE_THEN_NAME_RE, hit.start(), hit.end() + TITLE_WINDOW)):
            for m in pattern.finditer(text, max(0, start), min(len(text), end)):
                names.add(" ".join(m.group("name").split()))
    for start, _ in find_phones(text):
        line = text[max(0, text.rfind("\n", 0, start) + 1, start - 100):start]
        names |= {m.group("name") for m in NAME_ON_LINE_RE.finditer(line)}
    # "Anna Berg, anna.berg@motala.se": the words the address spells
    for start, end in _email_spans(text):
        names |= _names_spelled_by(text[max(0, start - 160):start], text[start:end].replace("&", "@"))
    return {c for c in (clean_name(n, org_words) for n in names) if c}


def _email_spans(text: str) -> list[tuple[int, int]]:
    """Return the spans of the addresses in text, each pattern read only around an "@" (or "&"):
    a long run of word characters costs its length once."""
    spans = [(s, e) for _, s, e in find_emails(text)]
    for anchor in EMAIL_ANCHOR_RE.finditer(text):
        pos = anchor.start()
        if (spans and spans[-1][0] <= pos < spans[-1][1]) or not _word_near(text, pos, anchor.end()):
            continue
        for pattern in (EMAIL_RE, EMAIL_AMP_RE):
            for m in pattern.finditer(text, max(0, pos - 64), min(len(text), pos + 128)):
                if m.start() <= pos < m.end():
                    spans.append(m.span())
    return spans


def _word_near(text: str, start: int, end: int) -> bool:
    """Return whether a word character stands just before an "@" and just after it (a space allowed)."""
    before, after = text[max(0, start - 2):start], text[end:end + 2]
    return any(c.isalnum() or c in "._-" for c in before) and any(c.isalnum() for c in after)


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


def clean_name(name: str, org_words: frozenset[str] = frozenset()) -> str | None:
    """Return a found name without the titles and bodies' words it was run into, or None if no
    person's name is left: "Östergötland Maria Sandqvist" -> "Maria Sandqvist",
    "Per Påhittad Kommunfullmäktige" -> "Per Påhittad", "Region Skåne" -> None."""
    parts = name.split()
    while len(parts) > 2 and (not _name_word(parts[0]) or parts[0].lower() in org_words):
        parts = parts[1:]
    while len(parts) > 2 and not _name_word(parts[-1]):
        parts = parts[:-1]
    name = " ".join(parts)
    return name if plausible_name(name, org_words) else None


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
