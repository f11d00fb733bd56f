"""People named with a role in running prose, where no e-mail address gives them away.

"Projektledare Anna Exempelsson berättade …", "Per Påhittad var projektledare för Bron",
"A och B, som har varit projektledare", a contact line with a phone number
("Förbundschef Per Påhittad Mobil 070-…"), and the signatures of minutes
("Sekreterare: ………… Anna Exempelsson"). Authors, evaluators, attendance lists and people only
quoted are no contacts.
"""
from __future__ import annotations

import re

from .function_words import FUNCTION_WORDS as STOP_WORDS
from .text import line_matches, word_led_matches

UPPER, LOWER = "A-ZÅÄÖÉ", "a-zåäöéü"
PART = rf"[{UPPER}][{LOWER}]+(?:-[{UPPER}][{LOWER}]+)?"
# a nobiliary particle may stand before a surname: "Anna von Exempel", "Per af Påhitt"
PERSON = rf"{PART}(?:[ \t]+(?:(?:von|af|van|de|der|di|da|la)[ \t]+)?{PART}){{1,2}}"
# Roles that make a person the one to contact about the intervention.
CONTACT_ROLES = (r"projektledare|projektledaren|kontaktperson|kontaktpersoner|handläggare|samordnare|samordnaren|"
                 r"processledare|processledaren|projektsamordnare|projektsamordnaren|koordinator|insatsansvarig|"
                 r"projektchef|projektchefen|projektansvarig|projektansvarige")
ROLE_THEN_NAME_RE = re.compile(
    rf"\b(?i:{CONTACT_ROLES})"
    # a label may say whose: "Kontaktperson hos förbundet: …", "Projektledare för insatsen är …"
    rf"(?:[ \t]+(?:(?:hos|för|på|vid|inom)[ \t]+[\w-]+(?:[ \t]+[\w-]+)?|[{UPPER}][\w-]+)(?=[ \t]*:|[ \t]+(?:är|var)[ \t]))?"
    # ... or stand alone on its line over the name: "Handläggare\nAnna Exempelsson"
    rf"(?:[ \t]*(?::|[ \t][–-])?[ \t]+(?:(?:är|var|har[ \t]+varit)[ \t]+)?|[ \t]*:?[ \t]*\n[ \t]*(?=(?:{PERSON})[ \t]*(?:\n|$)))"
    rf"(?P<name>{PERSON})"
    # more people listed under the label: "Handläggare: Anna Exempelsson och Per Påhittad", "A, B och C"
    rf"(?P<second>(?:[ \t]*,[ \t]*{PERSON})*[ \t]+och[ \t]+{PERSON})?")
# A contact label: "Kontakt: Anna Exempelsson, 070-…"
CONTACT_LABEL_RE = re.compile(rf"\b(?i:kontakt|kontaktuppgifter|frågor besvaras av)[ \t]*:[ \t]*(?P<name>{PERSON})")
NAME_THEN_ROLE_RE = re.compile(
    rf"(?P<name>{PERSON})(?:[ \t]*,[ \t]*|[ \t]+(?:är|var|har[ \t]+varit|blir|arbetar[ \t]+som)[ \t]+)(?i:{CONTACT_ROLES})\b")
# A cover or a page's foot prints the role after the name, as a title: "Anna Exempelsson Projektledare"
TITLES = "Projektledare|Projektchef|Kontaktperson|Samordnare|Processledare|Projektsamordnare|Handläggare"
NAME_THEN_TITLE_RE = re.compile(rf"(?P<name>{PERSON})[ \t]+(?:{TITLES})\b")
# ... or on a line of its own under the name, perhaps with the body: "Anna Exempelsson\nProjektledare\n070-…",
# "Per Påhittad\nSamordnare, Exempelby kommun"
AND_BODY = r"(?:[ \t]*,[ \t]*[^\n,]{2,60})?"
NAME_OVER_TITLE_RE = re.compile(rf"(?m)^[ \t]*(?P<name>{PERSON})[ \t]*\n[ \t]*(?:{TITLES}){AND_BODY}[ \t]*$")
# "Ansvarig för insatsen är enhetschef Anna Exempelsson"
ANSWERABLE_RE = re.compile(
    rf"\b(?i:ansvarig[ \t]+för[ \t]+(?:insatsen|projektet|verksamheten|förstudien|teamet))[ \t]+(?:är|var)[ \t]+"
    rf"(?:[{LOWER}]+[ \t]+)?(?P<name>{PERSON})")
# "A och B som varit samordnare och projektledare"
NAMES_WHO_WERE_RE = re.compile(
    rf"(?P<names>{PERSON}(?:[ \t]*(?:,|och)[ \t]*{PERSON})*)[ \t]+som[ \t]+(?:har[ \t]+)?(?:varit|är|var)[ \t]+"
    rf"[^.]{{0,40}}?(?i:{CONTACT_ROLES})")
# "Förbundschef Per Påhittad Mobil 070-123 45 67", "Anna Exempelsson, samordnare\nTel. 070-…"
NAME_WITH_PHONE_RE = re.compile(
    rf"(?P<name>{PERSON})[ \t,]*(?:[{LOWER}]+[ \t,]*){{0,3}}\n?[ \t]*(?i:mobil|tel\.?|telefon|tfn)[ \t:.]*0\d")
# Minutes: "Sekreterare: ………… Anna Exempelsson", "Justerare …… Per Påhittad"
SIGNATURE_RE = re.compile(
    rf"\b(?i:ordförande|sekreterare|justerare|justerande|protokollsjusterare|justeras|vice ordförande)"
    rf"[ \t]*:?[ \t]*[….·_\s]{{3,}}(?P<name>{PERSON})")
# ... or the office on its own line and the name alone on the next: "Vid protokollet\nAnna Exempelsson"
SIGNATURE_BELOW_RE = re.compile(
    rf"(?m)^[ \t]*(?i:ordförande|sekreterare|justerare|justerande|protokollsjusterare|justeras|vice ordförande|"
    rf"vid protokollet|justerandes[ \t]+(?:signatur|sign\.?|underskrift)(?:er)?|utdragsbestyrkande|rätt[ \t]+utdraget[ \t]+betygar|"
    rf"utdraget[ \t]+bestyrks)[ \t]*:?[ \t]*\n(?:[ \t]*\n)?[ \t]*(?P<name>{PERSON})"
    # ... perhaps with the signer's office after a comma: "Utdragsbestyrkande\nAnna Exempelsson, kommunsekreterare"
    rf"(?:[ \t]*,[ \t]*[{LOWER}]+(?:[ \t]+[{LOWER}]+)?(?=[ \t]*$))?"
    # ... two signers side by side, as a table's columns print: "Justeras\nAnna Exempelsson\t\tPer Påhittad",
    # or one a line under the label: "Justerandes signatur\nAnna Exempelsson\nPer Påhittad"
    rf"(?P<more>(?:(?:\t+[ \t]*|[ ]{{2,}}|[ \t]*\n[ \t]*){PERSON})*)[ \t]*$")
# ... or the office, a colon and the name on one line of their own: "Vid protokollet: Anna Exempelsson"
SIGNATURE_COLON_LINE_RE = re.compile(
    rf"(?m)^[ \t]*(?i:ordförande|sekreterare|justerare|justerande|protokollsjusterare|vid protokollet)"
    rf"[ \t]*:[ \t]*(?P<name>{PERSON})[ \t]*$")
# Signatures a transcript prints between slashes: "/Anna Exempelsson, ordförande. Per Påhittad, vice ordf./"
SLASHED_GROUP_RE = re.compile(r"/([^/\n]{5,200})/")
SIGNER_WITH_OFFICE_RE = re.compile(
    rf"(?P<name>{PERSON})[ \t]*,[ \t]*(?i:ordförande|vice ordf\.?|vice ordförande|sekreterare|"
    rf"justerare|protokollsjusterare|justerande)\b")
JUSTERING_LINE_RE = re.compile(r"(?im)^[ \t]*(?:justerat|justeras|justerat\s+av|justerade\s+av)[ \t]*:?[ \t]+([^\n]{5,200})$")
# "Underskrift. Anna Exempelsson", "Utses att justera Per Påhittad"
# ... and a form's signing field: "Firmatecknare: Anna Exempelsson", "Behörig företrädare: …"
# ... and an e-signature's line: "Signerat av Anna Exempelsson 2025-04-22"
SIGNED_BY_RE = re.compile(rf"\b(?:Underskrift[.:]?|(?i:utses att justera|justerare)[ \t]*:?|"
                          rf"(?i:signerat|signerad|undertecknat|undertecknad)[ \t]+(?i:av)[ \t]*:?|"
                          rf"(?i:firmatecknare|behörig företrädare|authori[sz]ed signatory)[ \t]*:)[ \t]+(?P<name>{PERSON})")
# Minutes print the office, then the politician and the party: "Ordförande Per Påhittad (S) Justerare
# Anna Exempelsson (C) Eva Exempel (M)"; a vice chair does not sign.
PARTY = r"\((?:S|M|C|V|L|KD|MP|SD|FP)\)"
OFFICES = "Ordförande|Sekreterare|Justerare|Justerande|Protokollsjusterare"
OFFICE_PARTY_RE = re.compile(
    rf"(?<![Vv]ice )(?<!vice\t)\b(?:{OFFICES})[ \t]*:?[ \t]+"
    rf"(?P<names>{PERSON}[ \t]+{PARTY}(?:[ \t]+(?!(?:{OFFICES})\b){PERSON}[ \t]+{PARTY})?)")
# A report's closing: the place and date on a line, then the signers one a line, each perhaps with party
# and office: "Exempelstad i maj 2020\nAnna Exempelsson (S), ordförande\nPer Påhittad (M)"; a blank line
# (the space left to sign in) may stand between them
MONTHS = r"januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|december"
PLACE_DATE_LINE_RE = re.compile(
    rf"(?m)^[ \t]*{PART}(?:[ \t]+{PART})?(?:[ \t]+(?:i|den)[ \t]+(?:\d{{1,2}}[ \t]+)?(?:{MONTHS})[ \t]+\d{{4}}|"
    rf",?[ \t]+\d{{4}}-\d{{2}}-\d{{2}})[ \t]*\n(?:[ \t]*\n){{0,2}}")
SIGNER_ALONE_RE = re.compile(
    rf"[ \t]*(?P<name>{PERSON})(?:[ \t]+{PARTY})?(?:[ \t]*,[ \t]*[{LOWER}]+(?:[ \t]+[{LOWER}]+)?)?[ \t]*(?:\n|$)")
# A closing signature: a name, then the signer's title alone at the line's end (or on the next line)
# "Anna Exempelsson Ordförande", "Per Påhittad\nFörbundschef"
SIGNATURE_LINE_RE = re.compile(
    rf"(?m)^[ \t]*(?P<name>{PERSON})(?:[ \t]+|[ \t]*\n[ \t]*)"
    rf"(?:Ordförande|Vice ordförande|Kommunalråd|Sekreterare|Justerare|[{UPPER}][{LOWER}]*(?:chef|direktör))[ \t]*$"
    # or on its own line with the office after a comma: "Per Påhittad, ordförande"
    # ... the first of two signers set side by side: "Per Påhittad, ordförande          Eva Exempel, justerare"
    rf"|^[ \t]*(?P<signer>{PERSON})[ \t]*,[ \t]*(?i:ordförande|vice ordförande|sekreterare|justerare|"
    rf"[{LOWER}]*chef|[{LOWER}]*direktör)(?:[ \t]*$|(?=\t|[ \t]{{3,}}[{UPPER}]))")
# ... or the name (perhaps with party) alone on its line over the office in lower case:
# "Anna Exempelsson (S)\nOrdförande", "Per Påhittad\nförbundschef"
SIGNER_OVER_OFFICE_RE = re.compile(
    rf"(?m)^[ \t]*(?P<name>{PERSON})(?:[ \t]+{PARTY})?[ \t]*\n[ \t]*"
    rf"(?i:ordförande|vice ordförande|sekreterare|justerare|kommunalråd|[{LOWER}]*chef|[{LOWER}]*direktör){AND_BODY}[ \t]*$")
# A kommun's decision form signs "Namn Datum Titel": "Per Påhittad Datum Kommunalråd".
SIGNATURE_FIELD_RE = re.compile(
    rf"(?P<name>{PERSON})[ \t]+Datum[ \t]+(?:Kommunalråd|Ordförande|[{UPPER}][{LOWER}]*(?:chef|direktör))\b")
# A signature run into a line ends it with the signer's office: "… Per Påhittad Ekonomichef"
# ... or by the name of the body it signs for: "… Per Påhittad Förvaltningschef Exempelby stad, Box 1"
SIGNATURE_END_RE = re.compile(
    rf"(?m)(?<![\w-])(?P<name>{PERSON})[ \t]+[{UPPER}][{LOWER}]*(?:chef|direktör)(?:[ \t]*$|[ \t]+(?=[{UPPER}]))")
# A letter's closing: "Med vänlig hälsning Anna Exempelsson Per Påhittad" (two words a name where the run is even)
SIGN_OFF_RE = re.compile(
    # ... or an invitation's: "Välkomna! Anna Exempelsson Per Påhittad"
    # ... or a newsletter's, on a line of its own: "Hälsningar\nAnna Exempelsson och Per Påhittad"
    rf"(?:\b(?:Med[ \t]+vänlig(?:a)?[ \t]+hälsning(?:ar)?|Vänliga[ \t]+hälsningar|Välkomna!|Välkommen!)|"
    rf"(?<![^\n])[ \t]*(?:Hälsningar|Hälsning)(?=[ \t,]*\n))[ \t,]*\n?[ \t]*"
    rf"(?P<names>{PART}(?![:\w])(?:[ \t]*\n?[ \t]*(?:och[ \t]+)?{PART}(?![:\w])){{1,11}})")  # "Kopia:" is the next label
SENTENCE_OPENERS = {"vi", "jag", "ni", "du", "det", "den", "de", "vänligen", "välkomna", "välkommen"}
# Those present at a meeting are listed, not contacts: "medverkande … och Anna Exempelsson, samordnare"
ATTENDANCE_RE = re.compile(r"\b(?:medverkande|närvarande|deltagande|deltog|deltagare)\b", re.I)
SENTENCE_START_RE = re.compile(r"[.!?:]\s")
NOT_PERSON_WORDS = {"samordningsförbundet", "region", "kommun", "arbetsförmedlingen", "försäkringskassan",
                    "projektet", "insatsen", "styrelsen", "mobil", "tel", "telefon", "datum", "organisation",
                    "e-post", "ansvarar", "kontakt", "underskrift", "namnförtydligande"}


# A title printed before the name is no part of it: "Förbundschef Per Påhittad"
# (an office named by its last part: "Utvecklingsledare", "Arbetsmarknadsstrateg", "Enhetschef")
TITLE_WORD_RE = re.compile(rf"^(?:[\wåäö]*(?:chef|ledare|samordnare|handläggare|strateg|konsulent|koordinator)|"
                           rf"[\wåäö]*sekr[\wåäö]*\.?|ordförande|{CONTACT_ROLES})$", re.I)


# A word in a definite or genitive form ends no one's name.
NOUN_FORM_RE = re.compile(r"(?:ens|ets|ningen|ningens|tionen|heten|arna|erna|ande|ende)$")


# ... nor does a body or a form's next label run into the line: "Anna Exempelsson Socialnämnden", "… Datum:"
BODY_TAIL_RE = re.compile(r"(?:nämnden|styrelsen|förvaltningen|kontoret|enheten|avdelningen|förbundet|kommun|regionen|"
                          # ... or a group's label: "Anna Exempelsson Projektgrupp", "… Styrgruppen"
                          r"staden|sektionen|verket|kassan|förmedlingen|grupp|gruppen)$")
LABEL_WORDS = {"avdelning", "enhet", "förvaltning", "ärende", "dnr", "diarienummer", "mottagare", "rubrik"}


def _strip_title(name: str, signing: bool = False) -> str:
    parts = name.split()
    if len(parts) > 2 and (BODY_TAIL_RE.search(parts[-1].lower()) or parts[-1].lower() in NOT_PERSON_WORDS | LABEL_WORDS):
        parts = parts[:-1]
    if len(parts) > 2 and NOUN_FORM_RE.search(parts[-1]):
        parts = parts[:-1]  # the next heading's first word: "Per Påhittad Justeringens (tid och plats)"
    # a title before the name; in a run of signatures also the body signed for: "… Försäkringskassan Per Påhittad Generaldirektör"
    # (elsewhere a body before a name is a team list's or a förbund's own name: no one to contact)
    lead = len(parts) > 2 and (TITLE_WORD_RE.match(parts[0]) or signing and (
        parts[0].lower() in NOT_PERSON_WORDS or BODY_TAIL_RE.search(parts[0].lower())))
    return " ".join(parts[1:]) if lead else " ".join(parts)


# A roster lists a board's members one a line with their offices; none of them signs by being listed.
ROSTER_LINE_RE = re.compile(
    rf"^[ \t]*(?:{PERSON}(?:[ \t]+{PARTY})?|(?i:(?:vice |2:e vice |förste vice )?ordförande|ledamot|ledamöter|ersättare|"
    rf"suppleant|adjungerad|sekreterare|justerare|revisor))[ \t]*$")
NOT_SIGNING_RE = re.compile(r"(?i)^[ \t]*(?:vice |2:e vice |förste vice )ordförande|^[ \t]*(?:ledamot|ledamöter|ersättare|"
                            r"suppleant|adjungerad)[ \t]*$")


def _rosters(text: str) -> list[tuple[int, int]]:
    """Return the spans of runs of lines that list at least three people with a member's office among them."""
    spans, run, offset = [], [], 0
    for line in text.split("\n") + [""]:
        if line.strip() and ROSTER_LINE_RE.match(line):
            run.append((offset, line))
        else:
            people = [ln for _, ln in run if not ROSTER_LINE_RE.match(ln.strip().lower())]
            if len(people) >= 3 and any(NOT_SIGNING_RE.match(ln) for _, ln in run):
                spans.append((run[0][0], run[-1][0] + len(run[-1][1])))
            run = []
        offset += len(line) + 1
    return spans


# The patterns that open with an office or a role word, and the words they open with: they are tried
# where such a word starts (text.word_led_matches), not at every character.
OPENING_WORDS = {
    ROLE_THEN_NAME_RE: tuple(CONTACT_ROLES.split("|")),
    CONTACT_LABEL_RE: ("kontakt", "frågor"),
    SIGNATURE_RE: ("ordförande", "sekreterare", "justerare", "justerande", "protokollsjusterare", "justeras", "vice"),
    SIGNED_BY_RE: ("underskrift", "utses", "justerare", "firmatecknare", "behörig", "authori", "signerad", "signerat",
                   "undertecknad", "undertecknat"),
    OFFICE_PARTY_RE: tuple(OFFICES.lower().split("|")),
}
# ... and those that hold a word somewhere: a text without it is not searched ("Tel." for a phone).
NEEDED_WORDS = {SIGN_OFF_RE: ("hälsning", "välkom"), ANSWERABLE_RE: ("ansvarig",),
                NAME_THEN_TITLE_RE: tuple(TITLES.lower().split("|")), NAME_OVER_TITLE_RE: tuple(TITLES.lower().split("|")),
                NAME_THEN_ROLE_RE: tuple(CONTACT_ROLES.split("|"))}
# The patterns each of whose matches holds one of these rarer words and stays on its line (or reaches
# one line above it: the name over its phone): they run over those lines only.
LINE_WORDS = {NAME_WITH_PHONE_RE: (("mobil", "tel", "tfn"), 1), SIGNATURE_END_RE: (("chef", "direktör"), 0),
              SIGNATURE_FIELD_RE: (("datum",), 0)}


def _matches(pattern: re.Pattern, text: str, lower: str):
    """Yield what pattern.finditer(text) yields (`lower`: the text in lower case)."""
    if pattern in OPENING_WORDS:
        return word_led_matches(pattern, text, OPENING_WORDS[pattern], lower=lower)
    if pattern in LINE_WORDS:
        words, lines_before = LINE_WORDS[pattern]
        return line_matches(pattern, text, words, lines_before, lower=lower)
    if pattern in NEEDED_WORDS and not any(word in lower for word in NEEDED_WORDS[pattern]):
        return iter(())
    return pattern.finditer(text)


def _titles_line(text: str, start: int, end: int) -> bool:
    """Whether a word opens its line and a comma follows it: a title line ("Coacher, Exempelinsatsen")."""
    if text[end:end + 1] != ",":
        return False
    at = start
    while at > 0 and text[at - 1] in " \t":  # the blanks before it, not a copy of all the text before
        at -= 1
    return at > 0 and text[at - 1] == "\n"


def _plausible(name: str) -> bool:
    return not any(part.lower() in NOT_PERSON_WORDS for part in name.split())


# A name in capitals, as a signature or a contact list prints it: "ANNA EXEMPEL, projektledare",
# "PER PÅHITTAD" over "Samordnare, Exempelby kommun". Its role after a comma or on the next line tells it from a
# heading in capitals ("VÅRA RESULTAT").
SHOUTED_WORD = rf"[{UPPER}]{{2,}}(?:-[{UPPER}]{{2,}})?"
SHOUTED_NAME_RE = re.compile(
    rf"(?m)(?<![\w-])(?P<name>{SHOUTED_WORD}(?:[ \t]+{SHOUTED_WORD}){{1,2}})"
    rf"(?=[ \t]*,[ \t]*(?i:{CONTACT_ROLES}|[{LOWER}]*chef|[{LOWER}]*ledare|ordförande|sekreterare)\b|"
    rf"[ \t]*\n[ \t]*(?i:{CONTACT_ROLES}|[{LOWER}]*chef|[{LOWER}]*ledare|ordförande|sekreterare)\b)")


def _unshout(text: str) -> str:
    """Return `text` with names in capitals written as names ("ANNA EXEMPEL, samordnare" -> "Anna Exempel, …").

    The text keeps its length, so offsets found in it hold for the original.
    """
    def spoken(m: re.Match) -> str:
        words = m.group("name").split()
        if any(w.lower() in STOP_WORDS or w.lower() in NOT_PERSON_WORDS or NOUN_FORM_RE.search(w.lower()) for w in words):
            return m.group()
        return re.sub(rf"[{UPPER}]+", lambda w: w.group().capitalize(), m.group())
    return SHOUTED_NAME_RE.sub(spoken, text)


def find_named_people(text: str, minutes: bool = False) -> list[tuple[str, str, int, int]]:
    """Return (name, role, start, end) for each person prose names with a contact role.

    In minutes (`minutes`), only the signatures count: the rest names those present.
    "Per Påhittad var projektledare för Bron." -> [("Per Påhittad", "contact", 0, 12)]
    """
    out: list[tuple[str, str, int, int]] = []
    text = _unshout(text)
    lower = text.lower()

    def add(name: str, role: str, start: int) -> None:
        whole = " ".join(name.split())
        name = _strip_title(whole, signing=role == "signatory")
        start += whole.find(name)
        # one person once, however many capitalised words a pattern took along ("… Cardell Kommunfullmäktige")
        # ... also where a list runs the previous name's surname into it: "Per Exempel Alva Påhittsson Projektledare"
        if _plausible(name) and not any(n.startswith(name) or name.startswith(n) or name.endswith(" " + n)
                                        for n, *_ in out):
            out.append((name, role, start, start + len(name)))

    def attending(start: int) -> bool:
        window = text[max(0, start - 300):start]
        begun = [m.end() for m in SENTENCE_START_RE.finditer(window)]
        return bool(ATTENDANCE_RE.search(window, begun[-1] if begun else 0))

    for pattern in (SIGNATURE_RE, SIGNATURE_BELOW_RE, SIGNATURE_COLON_LINE_RE, SIGNATURE_LINE_RE, SIGNER_OVER_OFFICE_RE, SIGNATURE_FIELD_RE,
                    SIGNATURE_END_RE, SIGNED_BY_RE):
        for m in _matches(pattern, text, lower):
            group = "signer" if "signer" in pattern.groupindex and m.group("signer") else "name"
            add(m.group(group), "signatory", m.start(group))
            for more in re.finditer(PERSON, m.group("more") or "") if "more" in pattern.groupindex else ():
                add(more.group(), "signatory", m.start("more") + more.start())
    for m in _matches(OFFICE_PARTY_RE, text, lower):
        for name in re.finditer(PERSON, m.group("names")):
            add(name.group(), "signatory", m.start("names") + name.start())
    for m in PLACE_DATE_LINE_RE.finditer(text):
        pos, lines = m.end(), []
        while (line := SIGNER_ALONE_RE.match(text, pos)) and line.end() > pos:
            lines.append(line)
            pos = line.end()
        # one bare capitalised pair could be a heading; a party, an office or a second signer makes it a list
        if len(lines) > 1 or lines and lines[0].group().strip() != lines[0].group("name"):
            for line in lines:
                add(line.group("name"), "signatory", line.start("name"))
    rosters = _rosters(text)
    out[:] = [p for p in out if not any(a <= p[2] < b for a, b in rosters)]
    for m in _matches(SIGN_OFF_RE, text, lower):
        words = list(re.finditer(PART, m.group("names")))
        # the signer's title ends the names: "Anna Exempel\nEnhetschef Arbetsmarknad"
        # ... and so does the next sentence's pronoun: "… Per Påhittad Vi ses i mars …"
        # ... and so does a line that opens with a title and a comma: "Coacher, Exempelinsatsen"
        names_at = m.start("names")
        titled = next((i for i, w in enumerate(words) if i and (TITLE_WORD_RE.match(w.group())
                                                               or w.group().lower() in SENTENCE_OPENERS
                                                               or _titles_line(text, names_at + w.start(), names_at + w.end()))),
                      None)
        words = words[:titled] if titled is not None else words
        size = 2 if len(words) % 2 == 0 else len(words) if len(words) <= 3 else 0
        for i in range(0, len(words) if size else 0, size or 1):
            group = words[i:i + size]
            add(" ".join(w.group() for w in group), "signatory", m.start("names") + group[0].start())
    # ... and a justering's line of signers each with the office: "Justerat: Per Påhittad, ordförande, och Eva Exempel, justerare"
    for group in (*SLASHED_GROUP_RE.finditer(text), *JUSTERING_LINE_RE.finditer(text)):
        for m in SIGNER_WITH_OFFICE_RE.finditer(group.group(1)):
            add(m.group("name"), "signatory", group.start(1) + m.start("name"))
    if minutes:
        return out
    for pattern in (ROLE_THEN_NAME_RE, NAME_THEN_ROLE_RE, NAME_THEN_TITLE_RE, NAME_OVER_TITLE_RE, NAME_WITH_PHONE_RE,
                    CONTACT_LABEL_RE, ANSWERABLE_RE):
        for m in _matches(pattern, text, lower):
            if not attending(m.start("name")):
                add(m.group("name"), "contact", m.start("name"))
                # only under a label ("Handläggare: A och B"); in prose the second may be anyone
                label = text[m.start():m.start("name")]
                if "second" in pattern.groupindex and m.group("second") and ":" in label:
                    for more in re.finditer(PERSON, m.group("second")):
                        add(more.group(), "contact", m.start("second") + more.start())
    for m in NAMES_WHO_WERE_RE.finditer(text):
        for name in re.finditer(PERSON, m.group("names")):
            add(name.group(), "contact", m.start("names") + name.start())
    return sorted(out, key=lambda p: p[2])
