"""Titles of texts that name their insats without a title field or a kind word before the name.

A project's own web page headed "Om projektet" names the project where its paragraphs open
("Exempelleden ger stöd … / Exempelleden drivs av …"). A förbund's annual report names the many
insatser it financed: none of them is the report's title.
"""
from __future__ import annotations

import re
from collections import Counter

from .names import CAP_WORD, NAME, NAME_CUE_RE, NAME_LIKE_WORD_RE, acceptable_titles, title_acceptable

ABOUT_HEADLINE_RE = re.compile(r"(?im)^[ \t]*om[ \t]+(?:projektet|insatsen|verksamheten|förstudien|satsningen)[ \t]*$")
ABOUT_HEAD_CHARS = 400
# A paragraph that opens with the name as its subject: "Exempelleden drivs av …"
OPENING_RE = re.compile(rf"(?m)^[ \t]*(?P<name>{CAP_WORD})[ \t]+(?P<verb>[a-zåäö]+)")
MIN_OPENINGS = 2
# ... one of them says what the insats does or who runs it: "Målgruppen är …" and "Deltagarna får …" do not.
DESCRIBING_VERB_RE = re.compile(
    r"^(?:drivs|drevs|bedrivs|bedrevs|erbjuder|erbjöd|ger|gav|vänder|vände|riktar|riktade|startade|startar|"
    r"pågår|pågick|finansieras|finansierades|syftar|syftade|stöttar|stödjer|hjälper)$")
# A förbund's own report on its year, named in its opening lines ... or its board's minutes, its newsletter or its
# plan for a year: each speaks of several insatser ("§ 13 Ansökan om medel till insatsen Bron … § 14 Lägesrapport Kliv").
FORBUND_DOC_RE = re.compile(r"(?i)\b(?:årsredovisning|verksamhetsberättelse|årsberättelse|årsrapport|delårsrapport|"
                              r"(?:sammanträdes|styrelse)?protokoll|styrelsemöte|styrelsesammanträde|nyhetsbrev|"
                              r"verksamhetsplan)\b")
# ... its report on the year (or news of it: "Årsredovisningen godkänd") is the förbund's whatever single insats it names
YEAR_REPORT_RE = re.compile(r"(?i)\b(?:årsredovisning(?:en)?|verksamhetsberättelse(?:n)?|årsberättelse(?:n)?)\b")
HEAD_LINES = 3
MIN_INSATSER = 2
# A report that says in its opening sentence which insats it is about: "Rapporten gäller Ledstången, en insats
# för …", "Den här verksamhetsberättelsen avser insatsen Fyren", "I denna rapport redovisas arbetet i Nystegen"
INSATS_CUE = r"(?:(?:insatsen|projektet|samverkansinsatsen|samverkansprojektet|förstudien|verksamheten)\s+)?"
REPORT_ABOUT_RE = re.compile(
    r"\b(?i:rapporten|(?:denna|den\s+här)\s+(?:rapport|berättelse|redovisning)|[\wåäö]*berättelsen|"
    r"(?:denna|den\s+här)\s+[\wåäö]*(?:rapport|berättelse)|redovisningen|[\wåäö]*rapporten)\s+"
    r"(?i:avser|gäller|beskriver|redovisar|omfattar|handlar\s+om|följer\s+upp)\s+"
    r"(?i:(?:arbetet|verksamheten|resultaten|året|insatserna)\s+(?:i|inom|för|från|med)\s+)?"
    rf"(?i:{INSATS_CUE})(?P<name>{NAME})"
    r"|\b(?i:redovisas|beskrivs|sammanfattas|presenteras)\s+(?i:arbetet|verksamheten|resultaten|året)\s+"
    rf"(?i:i|inom|för|från|med)\s+(?i:{INSATS_CUE})(?P<name2>{NAME})")
OPENING_STATEMENT_CHARS = 600
# the name ends its phrase ("Ledstången, en insats …", "Fyren under 2030"); "Kalmar kommuns arbete" names a body's work
NAME_ENDS_RE = re.compile(r"[ \t]*(?:[,.;:!?()\n–-]|$|[ \t]+(?:och|som|under|i|inom|sedan|från|för|mellan|år|\d))")


def about_page_name(text: str) -> tuple[str, int, int] | None:
    """Return (name, start, end) of the project an "Om projektet" page is about, or None.

    "Om projektet\\n\\nLeden ger stöd till …\\n\\nLeden drivs av Exempelby kommun." -> ("Leden", …)
    """
    if not ABOUT_HEADLINE_RE.search(text[:ABOUT_HEAD_CHARS]):
        return None
    openings = [m for m in OPENING_RE.finditer(text) if NAME_LIKE_WORD_RE.search(m.group("name"))]
    counts = Counter(m.group("name") for m in openings)
    names = {m.group("name") for m in openings
             if counts[m.group("name")] >= MIN_OPENINGS and DESCRIBING_VERB_RE.match(m.group("verb"))}
    names = acceptable_titles(names, text)
    if len(names) != 1:
        return None
    name = names.pop()
    first = next(m for m in openings if m.group("name") == name)
    return name, first.start("name"), first.end("name")


def names_many_insatser(text: str) -> bool:
    """Return whether `text` is a förbund's annual report (or minutes, newsletter, plan for a year) that names
    several insatser, none in its opening lines.

    "Årsredovisning 2030\\n… Projektet Bron … Insatsen Kliv …" -> True
    """
    return _names_insatser(text, MIN_INSATSER)


def speaks_for_forbund(text: str) -> bool:
    """Return whether `text` speaks for the förbund, not for one insats: a text that names several insatser
    (names_many_insatser), or a report on the förbund's year, or news of it, that names an insats, none in its
    opening lines.

    "Årsredovisningen godkänd\\nVid styrelsemötet …\\n…\\n… insatsen Bron …" -> True
    """
    return _names_insatser(text, MIN_INSATSER) or (bool(YEAR_REPORT_RE.search(_head(text))) and _names_insatser(text, 1))


def _head(text: str) -> str:
    return "\n".join([line for line in text.split("\n") if line.strip()][:HEAD_LINES])


def _names_insatser(text: str, least: int) -> bool:
    """Return whether a förbund's own kind of text names at least `least` insatser, none in its opening lines."""
    head = _head(text)
    if not YEAR_REPORT_RE.search(head) and not FORBUND_DOC_RE.search(head):
        return False
    names = {m.group("name").split()[0] for m in NAME_CUE_RE.finditer(text) if m.group("name")[0].isupper()}
    names = acceptable_titles(names, text)
    named_in_head = any(re.search(rf"(?<![\w-]){re.escape(n)}(?![\w-])", head) for n in names)
    return len(names) >= least and not named_in_head


def opening_statement_name(text: str) -> tuple[str, int, int] | None:
    """Return (name, start, end) of the insats a report's opening sentence says it is about, or None.

    "Verksamhetsberättelse 2030\\n\\nRapporten gäller Ledstången, en insats för …" -> ("Ledstången", …)
    """
    m = REPORT_ABOUT_RE.search(text[:OPENING_STATEMENT_CHARS])
    if not m:
        return None
    group = "name" if m.group("name") else "name2"
    name = m.group(group)
    if not NAME_ENDS_RE.match(text, m.end(group)) or not title_acceptable(name, text, cued=True):
        return None
    return name, m.start(group), m.end(group)
