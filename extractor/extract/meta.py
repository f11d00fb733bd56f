"""The document's own name and registry number: title and diarienummer."""
from __future__ import annotations

import re

from ..record import Section
from .names import METHOD_NAMES_RE, find_title_in_prose, title_acceptable
from .title_pages import about_page_name, opening_statement_name, speaks_for_forbund

# A capitalised word, the stuff names are made of: "Bryggan", "IT-lotsen", "Steget"
CAP = r"[A-ZÅÄÖ][\wåäöÅÄÖ-]+"

DIARIENUMMER_RE = re.compile(
    r"\b(?:dnr|diarienummer|diarienr|diarie-?nr|ärendenummer|ärendenr|ärende(?=\s*:))\b\.?:?[*_]*\s*(?:är\s+)?"
    r"((?-i:[A-ZÅÄÖ]{2,6}[\s-])?\d{2,4}[/:.-](?-i:[A-ZÅÄÖ]{1,4})?\d{1,7}(?:[/:.-](?-i:[A-ZÅÄÖ]{1,3})?\d{1,5})?)",
    re.IGNORECASE,
)
# A name's own lower-case word ("Vägen ut", "Gröna spåret"), no word that goes on to say more ("Bron och Kliv", "Bron för 2031")
MONTH = r"(?:januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|december)"
REPORT_TIME = r"(?:kvartal|tertial|halvår|halvåret|helår|helåret|år)"
SHORT_TAIL_WORD = r"(?:ut|in|upp|fram|vidare|framåt|hem|på|ihop|över)(?![\wåäö-])"
NAME_TAIL_WORD = r"(?!(?:och|samt|för|med|inom|i|på|till|av|om|under|från|som|enligt|avseende|gällande)\b)[a-zåäö][\wåäö-]*"
# "Verksamhetsplan 2013 för Kompassen – samverkanscentrum" -> "Kompassen"
# "Ansökan om medel till Stegprojektet 2031", "Beslut om bidrag till IT-lotsen", "Ansökan om förlängning av insatsen Bron"
TITLE_FROM_HEAD_RE = re.compile(
    r"(?i:verksamhetsplan|projektplan|slutrapport|lägesrapport|delrapport|ansökan|utvärdering|beslut|"
    r"verksamhetsberättelse|årsrapport|årsberättelse|verksamhetsrapport)"
    r"(?:\s+\d{4})?\s+(?i:(?:om\s+(?:medel|bidrag|finansiering)\s+)?(?:till|för)|om\s+(?:förlängning|fortsättning)\s+(?:av|för)|om|av)\s+"
    r"(?P<cue>(?i:insatsen\s+|projektet\s+|projekt\s+|delprojektet\s+|verksamheten\s+|förstudien\s+))?"
    # a name ends with its line, lower-case words and all ("Beslut om bidrag till Vägen ut", "… förstudien Gröna spåret")
    rf"(?P<name>{CAP}(?:[ \t]+{CAP})*(?:[ \t]+{NAME_TAIL_WORD}){{1,2}}(?=[ \t]*(?:\n|\Z))|{CAP}(?:[ \t]+{CAP})*)"
)
# ... or the kind, then a dash or a colon and the name alone: "Slutrapport – Bryggan", "Lägesrapport 1 – Steget",
# "# Ansökan om medel: Påhittet"
TITLE_AFTER_KIND_RE = re.compile(
    r"(?m)^[ \t#*]*(?i:verksamhetsplan|verksamhetsberättelse|projektplan|slutrapport|lägesrapport|delrapport|tertialrapport|halvårsrapport|"
    r"kvartalsrapport|uppföljningsrapport|(?:ändrings|förlängnings|fortsättnings)?ansökan(?:\s+om\s+(?:medel|bidrag|"
    r"finansiering|förlängning|fortsättning|ändring|fortsatt\s+finansiering|fortsatta\s+medel))?|"
    # ... in English: "Application for funding – Pathfinders", "Final report: Open Doors"
    r"(?:funding\s+|grant\s+)?application(?:\s+for\s+(?:funding|financing|a\s+grant))?|"
    r"(?:final|progress|interim|status)\s+report)(?:\s+(?:nr\.?\s*)?\d{1,4})?"
    # ... the time it covers between: "Lägesrapport kvartal 3 2031 – Bron"
    rf"(?:[ \t]+(?:{REPORT_TIME}|\d{{1,4}}))*[ \t]*[–:-][ \t]+"
    rf"(?i:insatsen\s+|projektet\s+)?({CAP}(?:[ \t]+{CAP})*)[ \t*]*$")
# A document's first line: its kind and a one-word name, "Projektansökan Stegvis", "Slutrapport Bron",
# the period it covers after a comma: "Delrapport Stegvis, första halvåret 2031"; also a page header's line
# under the förbund's name, with a registry number or a date set off by a tab ("Ansökan Stegvis\tDnr 2031/07")
FIRST_LINE_KIND_NAME_RE = re.compile(
    r"\A\s*(?:[^\n]*(?i:samordningsförbund)[^\n]*\n\s*)?(?i:projektansökan|ansökan|projektplan|slutrapport|lägesrapport|delrapport|verksamhetsplan)[ \t]+"
    rf"(?!(?i:samordningsförbund|förbund|om\b|för\b|till\b))({CAP})[ \t]*(?:,[ \t]+[a-zåäö\d][^\n]*|\t[^\n]*)?(?:\n|\Z)")
# A line naming the project alone near the top: "Project Bridgeway", "Projekt Bron"
PROJECT_LINE_RE = re.compile(rf"(?m)^[ \t]*(?:Project|Projekt|PROJEKT)[ \t]+({CAP}(?:[ \t]+{CAP}){{0,2}})[ \t]*$")
# A cover that puts the name first and the kind of document under it: "Bryggan\nAnsökan om medel från …",
# "Bryggan – en väg till arbete\nAnsökan om samverkansmedel 2031"
NAME_THEN_KIND_RE = re.compile(
    # (under a letterhead that names the förbund or the kommun: "Samordningsförbundet Påhittsdalen\n\nBRYGGAN\n\nAnsökan …")
    r"\A\s*(?:[^\n]*(?i:samordningsförbund|finsam|kommun\b|region\b)[^\n]*\n\s*)?"
    rf"(?P<name>{CAP}(?:[ \t]+{CAP}){{0,2}})(?:[ \t]+[–-][ \t]+[a-zåäö][^\n]{{0,60}})?[ \t]*\n(?:[ \t]*\n)?"
    r"[ \t]*(?i:(?:projekt|fortsättnings)?ansökan|projektplan|slutrapport|lägesrapport|delrapport|verksamhetsplan)\b")
# ... but a letterhead names the body that writes: "Socialförvaltningen\nAnsökan om medel"
UNIT_WORD_RE = re.compile(r"(?i)(?:förvaltning|kommun|region|enhet|förbund|kontor|avdelning|nämnd|myndighet|centrum|"
                          r"mottagning|sektion|verksamhet|styrelse)(?:en|et|s)?$")
# A cover prints its kind on a line of its own and the name on the next: "SLUTRAPPORT\n\nBryggan\n\nMars 2031",
# "Verksamhetsplan 2031\nBryggan – samordnad rehabilitering i Exempelby"
KIND_LINE_THEN_NAME_RE = re.compile(
    r"(?im)^[ \t#*]*(?:slutrapport|projektrapport|rapport|lägesrapport|delrapport|delårsrapport|tertialrapport|"
    r"halvårsrapport|kvartalsrapport|uppföljningsrapport|"
    r"projektplan|projektansökan|ansökan|slututvärdering|utvärdering|verksamhetsplan|verksamhetsberättelse|"
    # a follow-up's cover: "Sammanfattning av deltagaruppföljning 2031", "SUS-uppföljning", "Slutredovisning"
    r"(?:sammanfattning[ \t]+av[ \t]+)?[a-zåäö]*-?uppföljning|slutredovisning|årlig[ \t]+redovisning|"
    # ... or the form's own name: "Ansökan om samverkansmedel", "Ansökan om medel"
    r"ansökan[ \t]+om[ \t]+(?:[a-zåäö]*medel|finansiering|bidrag|stöd))"
    # ... with the part and the time it covers: "HALVÅRSRAPPORT 1 2031", "DELÅRSRAPPORT JANUARI–AUGUSTI 2031"
    rf"(?:[ \t]+(?:\d{{1,4}}|{REPORT_TIME}|{MONTH}(?:[ \t]*[–-][ \t]*{MONTH})?)){{0,3}}[ \t*]*\n(?:[ \t]*\n)*"
    # (the form's name may go on to name whom it asks: "Ansökan om medel\nfrån Samordningsförbundet Påhittsdalen")
    r"(?:[ \t]*(?:från|till|hos)[ \t]+[^\n]*\n(?:[ \t]*\n)*)?"
    # (a name may end in one short lower-case word: "Steget ut", "Vägen in")
    # ... or in a few lower-case words and its place: "Hållbar hälsa i Exempelby"
    rf"[ \t#*]*(?P<name>(?-i:{CAP}(?:[ \t]+{CAP}){{0,3}}(?:[ \t]+{SHORT_TAIL_WORD}|(?:[ \t]+{NAME_TAIL_WORD}){{1,2}}"
    rf"(?:[ \t]+i[ \t]+{CAP})?(?=[ \t*]*$))?)"
    # ... with its subtitle after a dash: "Supported Employment – fortsättning"
    r"(?:[ \t]+[–-][ \t]+(?-i:[a-zåäö][a-zåäö]*)(?:[ \t]+[a-zåäö]+){0,4})?)[ \t*]*$")
# An extract of minutes heads its one case with the insats after a dash: "§ 23 Fortsatt finansiering – Nya vägar"
PARAGRAPH_HEADING_RE = re.compile(
    rf"(?m)^[ \t]*§[ \t]*\d{{1,3}}[ \t]+[^\n–]{{3,60}}?[ \t]+[–-][ \t]+(?P<name>{CAP}(?:[ \t]+{CAP}){{0,2}}"
    rf"(?:[ \t]+(?:{SHORT_TAIL_WORD}|[a-zåäö]{{3,12}}))?)[ \t]*$")
# A name field printed with the project's years: "Vattenspegeln 2028–2030"
TRAILING_YEARS_RE = re.compile(r"[ \t,]+(?:19|20)\d\d[ \t]*[–-][ \t]*(?:19|20)?\d\d$")
# A case heading: "<diarienummer> - <name>" ("2031/00123 - Steget vidare")
CASE_HEADING_RE = re.compile(r"\A\s*(?:#[^\n]*\n)?\s*\d{2,4}/\d{2,6}[ \t]+[-–][ \t]+(?P<name>[^\n]{3,80}?)[ \t]*$", re.M)
# A cover that shouts its kind and the name: "UTVÄRDERING VIDGAD ARBETSMARKNAD Alva Påhittsson" (the
# name is the run in capitals before the author's name or the line's end)
SHOUTED_COVER_RE = re.compile(
    r"(?m)^[ \t]*(?:\d+[ \t]+)?(?:SLUT|HALVTIDS)?(?:UTVÄRDERING|RAPPORT|SLUTRAPPORT|DELRAPPORT|LÄGESRAPPORT|ANSÖKAN|"
    r"PROJEKTPLAN|VERKSAMHETSPLAN)"
    r"(?:[ \t]+(?:AV|FÖR|OM))?(?:[ \t]+PROJEKT(?:ET)?)?[ \t]+"
    # (a place's double name keeps its hyphen: "REHAB NORRBY-SÖDERBY")
    r"(?P<name>[A-ZÅÄÖ]{2,}(?:-[A-ZÅÄÖ]{2,})*(?:[ \t]+[A-ZÅÄÖ]{2,}(?:-[A-ZÅÄÖ]{2,})*){0,7})(?=[ \t]+[A-ZÅÄÖ][a-zåäö]|[ \t]*$)"
    # ... or the name first, its kind closing the line: "UNGA IN SLUTUTVÄRDERING"
    r"|^[ \t]*(?P<before>[A-ZÅÄÖ]{2,}(?:[ \t]+[A-ZÅÄÖ]{2,}){0,7})[ \t]+"
    r"(?:SLUT|HALVTIDS)?(?:UTVÄRDERING|RAPPORT|SLUTRAPPORT|DELRAPPORT|LÄGESRAPPORT)[ \t]*$")
# A name cut by a suspended hyphen is half of a pair: "Remiss- och kartläggningsteamet"
SUSPENDED_HYPHEN_RE = re.compile(r"\s*-\s*(?:och|eller|samt)\b")
# A title field that only says no name has been chosen yet.
# a question form prints each answer after a label: "Fråga 1: Vad heter insatsen?" / "Svar: Påhittet"
ANSWER_LABEL_RE = re.compile(r"^(?:svar|answer)\s*:\s*", re.I)
NO_NAME_RE = re.compile(r"\b(fastställs|ej bestämt|inte bestämt|saknas|namn ej klart|arbetsnamn saknas)\b", re.I)
HEAD_CHARS = 400
TITLE_MAX_WORDS = 12  # a name is a few words; a longer "value" is running text
# An e-mail export's subject line, in a header block with the sender or the date ("Ärende:" is a case
# number, not a subject): "Ämne: Lägesrapport Stegvis mars 2025", "Subject: RE: Status report – New Roads"
MAIL_HEADER_RE = re.compile(r"(?im)^[ \t]*(?:från|from|till|to|skickat|sent|datum|date|kopia|cc)[ \t]*:")
SUBJECT_RE = re.compile(r"(?im)^[ \t]*(?:ämne|subject)[ \t]*:[ \t]*(?:(?:sv|re|vb|fw|fwd)[ \t]*:[ \t]*)*(?P<subject>[^\n]+)$")
MAIL_HEAD_CHARS = 1500
# The subject names the insats with the kind of document: "Lägesrapport kvartal 3 – Stegvis", also a
# supplement's or a revision's: "Komplettering ansökan Stegvis", "Reviderad projektplan Stegvis"
SUBJECT_KIND_RE = re.compile(
    r"^(?:(?:komplettering(?:[ \t]+(?:av|till))?|reviderad|uppdaterad|korrigerad|rättad)[ \t]+)?"
    r"(?:[a-zåäö]*rapport|[a-zåäö]*redovisning|uppföljning|ansökan|projektplan|verksamhetsplan|utvärdering|beslut|"
    r"(?:(?:status|progress|final|monthly|quarterly|annual|interim)[ \t]+)?report|application)"
    r"(?=[\s:–-])", re.I)
# ... or names the insats first and what the mail is about after a dash: "SV: Bryggan – ändrad budget"
SUBJECT_NAME_FIRST_RE = re.compile(
    rf"^(?P<name>{CAP}(?:[ \t]+{CAP}){{0,2}})[ \t]+[–-][ \t]+[a-zåäö]")
SUBJECT_NAME_ALONE_RE = re.compile(rf"^(?P<name>{CAP}(?:[ \t]+{CAP}){{0,2}})[ \t]*$")
# A subject naming the insats and then the change it asks for: "Ämne: SV: Bron – ändrad bemanning"
SUBJECT_CHANGE_RE = re.compile(
    r"^(?P<name>[A-ZÅÄÖ][\wåäöÅÄÖ-]*(?:[ \t]+[\wåäöÅÄÖ-]+){0,2})[ \t]+[–-][ \t]+"
    r"(?i:ändr|juster|minsk|utök|förläng|fortsätt|ny\b|nya\b|budget|bemanning|tjänst)")
# a name is coined or a definite noun ("Bryggan", "IT-lotsen", "Steget"), not a bare word ("Möte", "Fråga")
NAME_LIKE_RE = re.compile(r"^.[^ ]*[A-ZÅÄÖ0-9-]|(?:et|en|an|rn|(?<!i)[aeouyåäö]n)$")
# Dates and periods in a subject are no names: "mars 2025", "kvartal 3", "Q3", "T2"
SUBJECT_TIME_RE = re.compile(
    r"\b(?:januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|december|"
    r"january|february|march|may|june|july|august|october|"
    r"jan|feb|mar|apr|jun|jul|aug|sep|sept|okt|oct|nov|dec|kvartal|tertial|halvår|vecka|period|perioden|"
    r"quarter|week|[QT]\d)\b\.?|\b\d[\d/:.-]*\b", re.I)
SUBJECT_NAME_RE = re.compile(r"[A-ZÅÄÖ][\wåäöÅÄÖ-]*(?:[ \t]+(?:(?:i|till|av|för|på)[ \t]+)?[A-ZÅÄÖ][\wåäöÅÄÖ-]*)*")
SUBJECT_LEAD_RE = re.compile(r"^(?:[ \t:–-]|(?:om|för|till|från|av|om medel till|gällande|avseende|for|on|of|"
                             r"insatsen|projektet|projekt|verksamheten|the project)\b)+", re.I)
# The next field of a form, not a name: "Startdatum 2020-12-01" under "Namn på projektet"
FIELD_LABEL_RE = re.compile(r"^(?:startdatum|slutdatum|kontaktperson|telefon|e-post|organisation|datum)\b|^\d{4}-\d\d-\d\d", re.I)


def _line_before(text: str, start: int) -> str:
    """Return the last non-empty line before offset `start`, if it is short enough to be a name."""
    for line in reversed(text[max(0, start - 300):start].split("\n")[:-1]):
        if line.strip():
            return line.strip() if len(line.split()) <= 8 and not re.search(r"\d", line) else ""
    return ""


def _name_acceptable(name: str, text: str) -> bool:
    """Return whether `name` may be the title; a name with a subtitle is judged by its head, and a method's
    name with a subtitle is a project's ("Supported Employment – fortsättning")."""
    head = re.split(r"[ \t]+[–-][ \t]+", name, maxsplit=1)[0]
    if head == name:
        return title_acceptable(name, text)
    return title_acceptable(head, text) or bool(METHOD_NAMES_RE.match(head))


def find_diarienummer(text: str, where: dict | None = None) -> str | None:
    """Return the registry number printed near the top.

    "Dnr. 2021-15" -> "2021-15", "Diarienummer: SFSN 2025:12" -> "SFSN 2025:12", "Dnr 2019/KS0412" -> "2019/KS0412",
    a case system's export "Ärende: SFV-2025-0007" -> "SFV-2025-0007"
    """
    m = DIARIENUMMER_RE.search(text[:3000])
    if not m:
        return None
    if where is not None:
        where["diarienummer"] = m.span(1)
    return m.group(1).strip()


def find_title(sections: list[Section], text: str, where: dict | None = None) -> str | None:
    """Return the intervention's name from its title field, or from the document's first line."""
    where = {} if where is None else where
    for section in sections:
        if section.key == "title" and section.text:
            first = section.text.strip().split("\n", 1)[0].split("\t", 1)[0].strip()
            first = ANSWER_LABEL_RE.sub("", first)  # a question form's "Svar: Påhittet"
            if NO_NAME_RE.search(first):
                return None
            if FIELD_LABEL_RE.match(first):  # a form that prints each value above its label
                first = _line_before(text, section.char_start)
            if len(first.split()) > TITLE_MAX_WORDS:
                break  # a heading that only looks like the name field's: a contents list runs on after it
            title = TRAILING_YEARS_RE.sub("", first.strip(" .:*")) or None
            if title:
                start = section.char_start + section.text.find(title)
                where["title"] = (start, start + len(title))
            return title
    m = CASE_HEADING_RE.match(text)
    if m:
        where["title"] = m.span("name")
        return m.group("name").strip()
    cases = PARAGRAPH_HEADING_RE.findall(text)
    m = PARAGRAPH_HEADING_RE.search(text) if len(cases) == 1 else None
    # an extract of minutes deciding one case names its insats (the dash says a name follows: "– Nya vägar")
    if m and title_acceptable(m.group("name"), text, cued=True):
        where["title"] = m.span("name")
        return m.group("name")
    found = opening_statement_name(text)  # "Rapporten gäller Ledstången, …": the report says what it is about
    if found:
        where["title"] = found[1:]
        return found[0]
    if speaks_for_forbund(text):
        return None  # a förbund's annual report or board minutes: the insatser it names are none of them its title
    m = SHOUTED_COVER_RE.search(text[:HEAD_CHARS])
    group = ("name" if m.group("name") else "before") if m else None
    if m and title_acceptable(m.group(group).capitalize(), text):
        where["title"] = m.span(group)
        return m.group(group)
    m = TITLE_FROM_HEAD_RE.search(text[:HEAD_CHARS])
    # after "insatsen", "förstudien": a name of several words may open with a common word ("förstudien Ny väg")
    if (m and not SUSPENDED_HYPHEN_RE.match(text, m.end("name"))
            and title_acceptable(m.group("name").strip(), text, cued=bool(m.group("cue")))):
        where["title"] = m.span("name")
        return m.group("name").strip()
    m = (TITLE_AFTER_KIND_RE.search(text[:HEAD_CHARS]) or FIRST_LINE_KIND_NAME_RE.match(text)
         or PROJECT_LINE_RE.search(text[:HEAD_CHARS]) or KIND_LINE_THEN_NAME_RE.search(text[:HEAD_CHARS]))
    # "PROJEKT VINDFÅNGET": the word before says it is a name, whatever its case
    if m and _name_acceptable(m.group(1).strip().capitalize() if m.re is PROJECT_LINE_RE else m.group(1).strip(), text):
        where["title"] = m.span(1)
        return m.group(1).strip()
    m = NAME_THEN_KIND_RE.match(text)
    # a name in capitals over the kind of document is a cover's name, no shouted word: "BRYGGAN\nAnsökan om medel"
    if m and not UNIT_WORD_RE.search(m.group("name")) and _name_acceptable(m.group("name").capitalize(), text):
        where["title"] = m.span("name")
        return m.group("name")
    found = _title_from_subject(text)
    if found:
        where["title"] = found[1:]
        return found[0]
    # reports and web pages name it in prose or a headline; a project's "Om projektet" page where its paragraphs open
    found = find_title_in_prose(text) or about_page_name(text)
    if not found or "\t" in text[found[1]:found[2]]:
        return None  # a table's column heads run together are no name: "Insats\tÄgare\tBeviljat"
    where["title"] = found[1:]
    return found[0]


def _subject_name_alone(subject: str, body: str) -> re.Match | None:
    """Return a subject that is a name alone and that the mail's text names again ("Ämne: Bryggan")."""
    m = SUBJECT_NAME_ALONE_RE.match(subject)
    return m if m and re.search(rf"(?<![\w-]){re.escape(m.group('name'))}(?![\w-])", body) else None


def _title_from_subject(text: str) -> tuple[str, int, int] | None:
    """Return (name, start, end) from an e-mail export's subject line that names the insats with a kind word.

    "Ämne: Lägesrapport Stegvis mars 2025" -> "Stegvis"; "Ämne: Lägesrapport kvartal 3 – Stegvis" -> "Stegvis";
    "Ämne: SV: Bryggan – ändrad budget" -> "Bryggan"; "Ämne: Bryggan" over a text that names it again -> "Bryggan"
    """
    head = text[:MAIL_HEAD_CHARS]
    m = SUBJECT_RE.search(head)
    if not m or not MAIL_HEADER_RE.search(head):
        return None
    subject, base = m.group("subject").rstrip(), m.start("subject")
    kind = SUBJECT_KIND_RE.match(subject)
    if not kind:
        first = SUBJECT_NAME_FIRST_RE.match(subject) or _subject_name_alone(subject, text[m.end():])
        name = first.group("name") if first else ""
        if first and NAME_LIKE_RE.search(name) and title_acceptable(name, text):
            return name, base, base + len(name)
        # a plain word names the insats where the change the mail asks for follows: "Kliv – utökad bemanning"
        change = SUBJECT_CHANGE_RE.match(subject)
        if change and title_acceptable(change.group("name"), text):
            return change.group("name"), base, base + len(change.group("name"))
        return None
    rest = SUBJECT_TIME_RE.sub(lambda t: " " * len(t.group()), subject[kind.end():])  # offsets kept
    lead = SUBJECT_LEAD_RE.match(rest)
    name = SUBJECT_NAME_RE.search(rest, lead.end() if lead else 0)
    if not name or not title_acceptable(name.group(), text):
        return None
    start = base + kind.end() + name.start()
    return name.group(), start, start + len(name.group())
