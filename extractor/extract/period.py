"""The planned period: start, end and last intake date, from the period section or its sentences."""
from __future__ import annotations

import re

from ..record import Section
from .dates import Found, find_dates
from .text import Needing
from .text import sentences as _sentences
from .title_pages import speaks_for_forbund

START_CUE_RE = re.compile(r"startdatum|\bstart\b|projektstart|insatsstart|\bfr\.?\s?o\.?\s?m\.?|från och med|\bstartar\b"
                          r"|\b(?:startade|startades|påbörjades|inleddes|inleds|påbörjas)\b", re.I)
END_CUE_RE = re.compile(r"slutdatum|\bslut\b|avslutas|\bt\.?\s?o\.?\s?m\.?|till och med|\bavslut\b|upphör|"
                        r"\b(?:pågår|varar)\s+(?:fram\s+)?till\b", re.I)
INTAKE_CUE_RE = Needing(re.compile(
    # a plan says "intaget stängs", a report "intag av nya deltagare stängdes den …"
    r"(?:sista|slutdatum för|senaste)\s+(?:\w+\s+){0,2}intag|intag(?:et)?\s+(?:\w+\s+){0,3}(?:avslutas|avslutades|upphör|upphörde|stängs|stängdes)"
    # "Intag av nya deltagare t.o.m. 2026-06-30", "inskrivning sker fram till …"
    r"|\b(?:intag|inskrivning)(?:et|en|ar)?\s+(?:\w+\s+){0,4}?(?:t\.?\s?o\.?\s?m\.?|till\s+och\s+med|fram\s+till)"
    # "Sista dag för inskrivning", "Nya deltagare tas emot till och med …"
    r"|sista\s+dag(?:en)?\s+för\s+(?:intag|inskrivning)|deltagare\s+tas\s+emot\s+(?:t\.?\s?o\.?\s?m\.?|till\s+och\s+med|fram\s+till)",
    re.I), ("intag", "inskrivning", "emot"))
# Prose that states the intervention's own period ("Insatsen pågick under perioden A--B", "… during the period A to B",
# "Förstudien påbörjades 15 augusti 2021"), and form labels outside a period section ("Startdatum 2020-12-01").
PROSE_RANGE_CUE_RE = re.compile(r"\b(?:during\s+the\s+period|under\s+perioden|under(?=\s+(?:den\s+)?\d)|under\s+tiden|för\s+tiden|perioden|"
                                # "from 1 januari 2022 tom 31 december 2023", "fr o m … t o m …"
                                r"from(?=\s+(?:den\s+)?\d)|fr\.?\s?o\.?\s?m\.?(?=\s+(?:den\s+)?\d)|från\s+och\s+med|pågick|pågår|pågå|genomfördes|genomförs|löper|löpte|"
                                r"bedrevs|bedrivs|finansierar\s+\w+\s+under)\b", re.I)
PROSE_START_RE = re.compile(r"\b(?:startade|startades|startar|starta|påbörjades|påbörjas|inleddes|drog\s+igång|började)\s+(?:den\s+|från\s+)?(?=\d)"
                            # "Insatsen bedrivs sedan 2021-01-01 av …", "Teamet pågår sedan den 1 mars 2029"
                            r"|\b(?:(?:be)?drivs|pågår)\s+sedan\s+(?:den\s+)?(?=\d)"
                            # a report looking back: "Samspel har pågått sedan den 1 september 2021 och avslutades …"
                            r"|\b(?:har|hade)\s+pågått\s+sedan\s+(?:den\s+)?(?=\d)"
                            # "… och har finansierats av förbundet sedan 2022-09-01"
                            r"|\b(?:har|hade)\s+finansierats\s+(?:av\s+[^.]{0,40}?)?sedan\s+(?:den\s+)?(?=\d)"
                            # "har bedrivits av X i samarbete med Y sedan den 1 mars 2021", "har sedan den 1 mars 2021 drivits av X"
                            r"|\b(?:be)?drivits\b[^.]{0,80}?\bsedan\s+(?:den\s+)?(?=\d)"
                            # ... "X drivs av Y tillsammans med Z sedan 2022-01-10"
                            r"|\b(?:be)?drivs\s+av\b[^.]{0,80}?\bsedan\s+(?:den\s+)?(?=\d)"
                            r"|\bsedan\s+(?:den\s+)?(?=\d[^.]{0,25}?\b(?:be)?drivits\b)"
                            # "Insatsen pågår i tre år med start 1 mars 2031", "… med planerad start den 1 mars 2031"
                            r"|\bmed\s+(?:planerad\s+)?start\s+(?:den\s+)?(?=\d)"
                            # a length from its first day: "Insatsen pågår tre år från 1 september 2030"
                            r"|\b(?:ett|två|tre|fyra|fem|sex|arton|\d{1,2})\s+(?:år|månader)\s+från\s+(?:och\s+med\s+)?(?:den\s+)?(?=\d)", re.I)
PROSE_END_RE = re.compile(
    r"\b(?:pågår|pågick|pågå|löper|löpte|varar)\s+(?:till\s+och\s+med|t\.?\s?o\.?\s?m\.?|fram\s+till|till)\s+(?:den\s+)?(?=\d)"
    r"|\b(?:avslutas|avslutades|upphör|upphörde|slutar)\s+(?:enligt\s+plan(?:en)?\s+)?(?:den\s+)?(?=\d)"
    # "Beslut om finansiering finns till och med 2025-08-31"
    r"|\bfinansiering\s+(?:finns|gäller)\s+(?:till\s+och\s+med|t\.?\s?o\.?\s?m\.?|fram\s+till)\s+(?:den\s+)?(?=\d)"
    # the grant's end: "har beviljats medel till och med den 31 juli 2026", "är beviljad t.o.m. 2026-07-31"
    r"|\b(?:har\s+beviljats|är\s+beviljad|beviljades)\s+(?:medel\s+|finansiering\s+)?(?:till\s+och\s+med|t\.?\s?o\.?\s?m\.?|fram\s+till)\s+(?:den\s+)?(?=\d)", re.I)
LABEL_START_RE = re.compile(r"\b(?:startdatum|projektstart|insatsstart|planerad\s+start|(?:insatsens|projektets)\s+start)\s*:?\s*(?=\d)|"
                            r"(?m:^[ \t]*start[ \t]*[:\t][ \t]*(?=\d))", re.I)  # a form's "Start\t2026-04-01"
# A period field prints its two dates side by side, a dash or only a space between: "Projektperiod: 2009-05-01 2012-04-30"
# ... also a bare "Period:" label with its colon: "Period:\t2025-08-18 -- 2027-06-30"
# ... or said in a sentence: "Projekttiden är 1 april 2022 till 31 mars 2024"
LABEL_RANGE_RE = re.compile(r"\b(?:projektperiod|insatsperiod|projekttid|insatstid)(?:en)?\s*(?::|är|var)?\s*(?=\d)|"
                            r"\bperiod\s*:\s*(?=\d)|"
                            # a summary's label: "Period för insatsen: A–B"
                            r"\bperiod(?:en)?\s+för\s+(?:insatsen|projektet)\s*:\s*(?=\d)", re.I)
REPORT_PERIOD_RE = re.compile(r"^[ \t#*]*(?:rapport|redovisnings|uppföljnings)period(?:en)?\b", re.I)
BARE_PERIOD_RE = re.compile(r"^[ \t#*]*period[ \t]*:?[ \t]*$", re.I)
LABEL_END_RE = re.compile(r"\b(?:slutdatum|projektslut|insatsslut|planerat\s+slut)\s*:?\s*(?=\d)|"
                          r"(?m:^[ \t]*slut[ \t]*[:\t][ \t]*(?=\d))", re.I)
# whose subject is the intervention, not the förbund's accounts
PROJECT_WORD_RE = re.compile(r"\b(?:projekt|project|insats|förstudie|verksamhet|satsning)\w*", re.I)
# ... or whose verb says something was run, its name the subject: "Framtidsvägen har bedrivits av X under perioden A till B"
# ... or a grant for a period: "Styrelsen beslutade att bevilja X 780 000 kronor för perioden A – B"
RUN_VERB_RE = re.compile(r"\b(?:har|hade)\s+(?:be)?drivits\b|\b(?:be)?drivs\s+av\b|\bbeslut\s+om\s+finansiering\b|\b(?:har|hade)\s+(?:genomförts|pågått)\b|"
                         # ... or whose verbs start and end it: "Samverkansteam X startade 2022-09-05 och avslutas 2024-09-04"
                         r"\b(?:startade|startar|påbörjades|inleddes)\b[^.]{0,60}?\b(?:avslutas|avslutades|upphör|pågår\s+till)\b|"
                         # ... or the sum applied for, for a time: "X ansöker om 2 400 000 kronor för tiden A–B"
                         # ... or a form's "Sökt belopp 500 000 kronor för perioden A – B"
                         r"\b(?:bevilja(?:r|s|de|des|ts)?|ansöker\s+om|söker|söks|sökt)\b[^.]{0,80}?\bför\s+(?:perioden|tiden)\b|"
                         # ... or a report's "X bedrevs under perioden A – B"
                         r"\b(?:bedrevs|genomfördes|pågick)\s+under\s+(?:perioden|tiden)\b|"
                         # ... with who ran it between: "X bedrevs av Y i samverkan med Z under perioden A till B"
                         r"\b(?:bedrevs|genomfördes)\s+av\b[^.]{0,120}?\b(?:under\s+(?:perioden|tiden)|mellan\s+(?:den\s+)?\d)|"
                         # ... or a sentence that opens with the insats's name: "Familjelyftet pågick 2021-09-01 – 2024-08-31"
                         r"^\s*[A-ZÅÄÖ][\wåäö-]+\s+(?:pågick|pågår|bedrevs|bedrivs|genomfördes)\s+(?:under\s+perioden\s+|mellan\s+|från\s+)?(?:den\s+)?\d|"
                         # ... or a grant's time: "Beslutet gäller för perioden A – B", "Bidraget avser tiden A – B"
                         r"\b(?:beslutet|bidraget|medlen|finansieringen)\s+(?:gäller|avser)\s+(?:för\s+)?(?:perioden|tiden)\b", re.I)
ACCOUNTS_RE = re.compile(r"\b(?:årsredovisning|räkenskapsår|verksamhetsår|bokslut|delårsrapport|förbundet\s+bildades)\w*", re.I)
LABEL_LINE_RE = re.compile(r"^[^\n]{1,40}:\s*$")
MAX_BARE_LABEL_WORDS = 3
RANGE_GAP_RE = re.compile(r"^\s*(?:–|--|-|—|till och med|t\.?o\.?m\.?|till|to|until)\s*(?:den\s+)?$", re.I)
# An extension ("förlängning t.o.m. 2027-12-31", "Fortsättning söks för A – B", "Vi ansöker om fortsatt
# finansiering för perioden A till och med B") replaces the period it extends.
EXTEND_RE = Needing(re.compile(r"\b(?:förläng|fortsättning\b|fortsättningen\b|fortsatt(?:a)?\s+(?:finansiering|medel)\b)\w*",
                               re.I), ("förläng", "fortsättning", "fortsatt"))
EXTEND_END_RE = re.compile(r"(?:\bt\.?\s?o\.?\s?m\.?|\btill\s+och\s+med|\bfram\s+till|\btill)\s+(?:den\s+)?(?=\d)", re.I)


def _bare_label(line: str) -> bool:
    """Whether a line is a form label with no colon, as a web form's field names print: "Slutdatum"."""
    return len(line.split()) <= MAX_BARE_LABEL_WORDS and any(
        cue.search(line) for cue in (START_CUE_RE, END_CUE_RE, INTAKE_CUE_RE))


# "Projektet pågår mellan 1 mars 2031 och 28 februari 2033"
BETWEEN_BEFORE_RE = re.compile(r"\bmellan\s+(?:den\s+)?$", re.I)
BETWEEN_GAP_RE = re.compile(r"^\s*och\s+(?:den\s+)?$", re.I)


def _first_range(text: str) -> tuple[Found, Found] | None:
    dates = find_dates(text)
    for a, b in zip(dates, dates[1:]):
        between = BETWEEN_GAP_RE.match(text[a.end:b.start]) and BETWEEN_BEFORE_RE.search(text[max(0, a.start - 12):a.start])
        if (RANGE_GAP_RE.match(text[a.end:b.start]) or between) and a.value < b.value:
            return a, b
    return None


def find_period(sections: list[Section], text: str, where: dict | None = None,
                doc_type: str | None = None) -> dict:
    """Return {"start", "end", "intake_end"} as ISO dates or None.

    "fr.o.m. 1 januari 2025 t.o.m. 31 december 2026" -> start 2025-01-01, end 2026-12-31.
    `where`, if given, gets "period.start" etc. -> (start, end) offsets in `text`.
    """
    period = {"start": None, "end": None, "intake_end": None}
    where = {} if where is None else where

    def take(field: str, found: Found, base: int) -> None:
        if not period[field]:
            period[field] = found.value
            where[f"period.{field}"] = (base + found.start, base + found.end)

    for section in (s for s in sections if s.key == "period" and not _report_period(s.heading or "", doc_type)):
        label = section.heading or ""
        for offset, sentence in _sentences(section.text):
            base = section.char_start + offset
            dates = find_dates(sentence)
            if not dates:
                # a form's label on a line of its own: "Slutdatum:" over "2025-12-31"
                label = sentence if LABEL_LINE_RE.match(sentence) or _bare_label(sentence) else ""
                continue
            # A form field's label is its cue: "Planerad start" over "2024-08-01".
            cued = f"{label}\n{sentence}" if label else sentence
            label = ""
            if INTAKE_CUE_RE.search(cued):
                take("intake_end", dates[-1], base)
                # "2025-02-01 - 2026-06-30, sista intag 2026-01-31": the range before the cue is the period
                cue = INTAKE_CUE_RE.search(sentence)
                ranged = _first_range(sentence[:cue.start()]) if cue else None
                if ranged and not period["start"]:
                    take("start", ranged[0], base)
                    period["end"] = None
                    take("end", ranged[1], base)
                continue
            ranged = _first_range(sentence)
            if ranged and not period["start"]:
                take("start", ranged[0], base)
                period["end"] = None
                take("end", ranged[1], base)
                continue
            started = START_CUE_RE.search(cued)
            if started and not period["start"]:
                take("start", dates[0], base)
            ended = END_CUE_RE.search(cued, started.end() if started else 0)
            # "Startdatum: 2023-01-01 Slutdatum: 2025-12-31" read as one sentence gives both
            if ended and not period["end"] and (not started or len(dates) > 1):
                take("end", dates[-1], base)
    # An operational plan's history ("inleddes 2010 som ett projekt") is no planned period; nor are the periods
    # of the several insatser a förbund's annual report or board minutes speak of.
    if doc_type != "operational_plan" and not speaks_for_forbund(text):
        if not period["start"] and not period["end"]:
            _period_in_prose(text, take, doc_type)
        _extension(text, period, where)
    if not period["intake_end"]:
        for offset, sentence in _sentences(text):
            if INTAKE_CUE_RE.search(sentence):
                dates = find_dates(sentence)
                if dates:
                    take("intake_end", dates[-1], offset)
                    break
    return period


def _report_period(heading: str, doc_type: str | None) -> bool:
    """Whether a period field is the time a report covers, not the insats's: "Rapportperiod:", or "Period:"
    at the top of a progress report ("Lägesrapport 2 – Bron / Period: 2031-01-01 – 2031-06-30")."""
    return bool(REPORT_PERIOD_RE.match(heading) or (doc_type == "progress_report" and BARE_PERIOD_RE.match(heading)))


def _period_in_prose(text: str, take, doc_type: str | None = None) -> None:
    """Read start and end from form labels or project sentences anywhere in `text`."""
    m = LABEL_RANGE_RE.search(text)
    if m and _report_period(m.group().rstrip(), doc_type):
        m = None  # a progress report's "Period: A – B" is the time it covers
    dates = find_dates(text[m.end():m.end() + 40]) if m else []
    if (len(dates) >= 2 and dates[0].start == 0 and dates[0].value < dates[1].value
            and (RANGE_GAP_RE.match(text[m.end() + dates[0].end:m.end() + dates[1].start])
                 or not text[m.end() + dates[0].end:m.end() + dates[1].start].strip())):
        take("start", dates[0], m.end())
        take("end", dates[1], m.end())
        return
    for cue, field in ((LABEL_START_RE, "start"), (LABEL_END_RE, "end")):
        m = cue.search(text)
        dates = find_dates(text[m.end():m.end() + 20]) if m else []
        if dates and dates[0].start == 0:
            take(field, dates[0], m.end())
    seen: dict[str, str] = {}
    for offset, sentence in _sentences(text):
        if not (PROJECT_WORD_RE.search(sentence) or RUN_VERB_RE.search(sentence)) or ACCOUNTS_RE.search(sentence):
            continue
        if PROSE_RANGE_CUE_RE.search(sentence) and not seen:
            ranged = _first_range(sentence)
            if ranged:
                take("start", ranged[0], offset)
                take("end", ranged[1], offset)
                return
        for cue, field in ((PROSE_START_RE, "start"), (PROSE_END_RE, "end")):
            m = cue.search(sentence)
            dates = find_dates(sentence[m.end():m.end() + 25]) if m else []
            if dates and dates[0].start == 0 and field not in seen and (field == "start" or dates[0].value > seen.get("start", "")):
                seen[field] = dates[0].value
                take(field, dates[0], offset + m.end())
        if len(seen) == 2:
            return


def _extension(text: str, period: dict, where: dict) -> None:
    """Let the first sentence that extends the intervention set the period it applies for.

    "Vi söker förlängning för perioden 2026-01-01 – 2026-12-31" gives both ends; "beslutade att förlänga
    insatsen till och med 2027-06-30" moves only the end. An extension ends later than the period read
    so far: "Fortsättning efter den första perioden A – B" names the history.
    """
    for offset, sentence in _sentences(text):
        m = EXTEND_RE.search(sentence)
        if not m:
            continue
        base = offset + m.end()
        rest = sentence[m.end():]
        ranged = _first_range(rest)
        if ranged and ranged[1].value > (period["end"] or ""):
            for field, found in zip(("start", "end"), ranged):
                period[field] = found.value
                where[f"period.{field}"] = (base + found.start, base + found.end)
            return
        cue = EXTEND_END_RE.search(rest)
        dates = find_dates(rest[cue.end():cue.end() + 25]) if cue else []
        if dates and dates[0].start == 0 and dates[0].value > (period["end"] or ""):
            found = dates[0]
            period["end"] = found.value
            where["period.end"] = (base + cue.end() + found.start, base + cue.end() + found.end)
            return
