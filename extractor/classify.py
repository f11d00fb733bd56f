"""Classify the document: doc_type from its own cues (methods live in classify_methods).

A document names its kind on its cover or in its first line, in the indefinite form
("Slutrapport", "Verksamhetsplan 2013", "Samhällsekonomisk utvärdering", "Protokoll"). A document
that only mentions another one uses the definite form or a preposition ("Verksamhetsplanen för
2024 antagen", "beslutade om verksamhetsplan"): a news item or a letter, not that document.
"""
from __future__ import annotations

import re

from .extract.text import Needing

# Cues read anywhere in the opening; the first one wins. Kinds of document that are none of the
# scored types (annual reports, officials' statements, board-meeting news) are cues for "other".
DOC_TYPE_CUES: list[tuple[str, str]] = [
    (r"fortsättningsansökan|förlängningsansökan|ändringsansökan|projektansökan|ansökan|ansöker om|projektplan|projektförslag|"
     r"ansökningsblankett|ansökningsformulär", "application"),
    (r"verksamhetsplan", "operational_plan"),
    # a numbered report series (FoU units publish their evaluations so) names a report anywhere
    # ... and a pre-study's report is the pre-study's final one: "Förstudierapport", "Rapport från förstudien"
    (r"slutrapport|slutrapportering|slutredovisning|utvärderingsrapport|avslutande\s+rapport|slututvärdering|förstudierapport|rapport\s+från\s+förstudien|"
     r"skriftserie\s+(?:nr\s+)?\d+/\d+|"
     # ... also a unit's or a theme's series: "FoU-rapport 2031:1", "arbetslivsrapport nr 2030:3"
     r"(?-i:RAPPORT|Rapport|[\wåäö]+-?rapport)\s+(?:nr\s+)?(?:19|20)\d\d:\d+",
     "final_report"),
    (r"(?:funding|grant|project)\s+application|application\s+for\s+(?:funding|financing|funds|a\s+grant)", "application"),
    (r"final report|evaluation report", "final_report"),
    (r"lägesrapport|delrapport|delredovisning|halvårsrapport|arbetsrapport|avstämningsrapport|"
     # an insats reports each tertial or quarter, or follows itself up midway
     r"tertialrapport|tertialredovisning|kvartalsrapport|uppföljningsrapport|"
     # ... or reports midway, or on where it stands: "Halvtidsrapport", "Statusrapport"
     r"halvtidsrapport|halvtidsredovisning|halvårsredovisning|statusrapport|"
     r"progress report|interim report", "progress_report"),
    (r"protokollsutdrag|beslut om|beslutsunderlag|protokoll|sammanträdesprotokoll", "decision"),
    (r"årsredovisning|verksamhetsberättelse|tjänsteutlåtande|tjänsteskrivelse|beslutsförslag|delårsrapport|kallelse|"
     r"styrelsemöte|styrelsesammanträde|styrelseprotokoll|nyhetsbrev|pressmeddelande", "other"),
]
# Cues read only where a title stands (a line's first words): words too common in running text.
TITLE_CUES: list[tuple[str, str]] = [
    (r"[\wåäö]*utvärdering|följeforskning|resultatrapport|[\wåäö-]+\s+skriftserie|rapport\s+\d{4}:\d+", "final_report"),
    # a report on a project names itself "Projektrapport", "Rapport" alone or "Rapport från …", or
    # "En studie av …" ("Delrapport" and "Delårsrapport" are other words and read above)
    # ("Projektrapport Delrapport 2": the second word says which report)
    (r"projektrapport(?![ \t]+[\wåäö]*(?:rapport|redovisning))|rapport(?=[ \t]*:?[ \t]*$|[ \t]+(?:från|om|över)[ \t]+(?:projektet|insatsen|förstudien)\b)|"
     r"(?:en[ \t]+)?studie(?=[ \t]*$|[ \t]+(?:av|om)[ \t])", "final_report"),
    # a line that is the word alone: "Beslut" over the decision's text
    # ... or a compound of it: "DELEGATIONSBESLUT", "Ordförandebeslut"
    (r"plats\s+och\s+tid|justeringens|[\wåäö]*beslut(?=[ \t]*:?[ \t]*$)", "decision"),
    # an insats followed up for the board or in SUS: "Uppföljning av insatsen Bron, helår 2031",
    # "SUS-uppföljning 2031", "Uppföljning 2031 – Bron" (not a form's heading "Uppföljning och utvärdering")
    # ... a compound: "Tertialuppföljning 1 2031", "Halvårsuppföljning"
    (r"[\wåäö]+-?uppföljning(?=[ \t]+\d|[ \t]*$)|[\wåäö]+-uppföljning|uppföljning(?=[ \t]+(?:av[ \t]+(?:insatsen|projektet)|(?:19|20)\d\d\b))",
     "progress_report"),
]
WORD = r"(?<![\wåäö])(?:{})(?![\wåäö])"
DOC_TYPE_RE = [(re.compile(WORD.format(p), re.I), label) for p, label in DOC_TYPE_CUES]
# A title line: a page number or a news word may come first, and up to two adjectives
# ("1 Samhällsekonomisk utvärdering", "Nytt styrelseprotokoll", "Preliminär slutrapport").
# ... and a board paper numbers its item: "Ärende 7: Uppföljning av insatsen Bron"
TITLE_PREFIX = r"^[ \t]*(?:\d{1,4}[ \t]+|ärende[ \t]+\d{1,3}[ \t]*[:.][ \t]*)?(?:(?:nytt?|nya|[\wåäö]+(?:isk|ell|lig|är|ern|ande))[ \t]+){0,2}"
TITLE_RE = [(re.compile(TITLE_PREFIX + WORD.format(p), re.I | re.M), label) for p, label in DOC_TYPE_CUES + TITLE_CUES]
# "beslutade om verksamhetsplan …", "förslaget till Verksamhetsplan 2013": a mention of another document
# ... and a report's reference to the plan it follows: "Enligt ansökan ska …", "som beräknades i ansökan"
MENTION_BEFORE_RE = re.compile(r"(?:\bom|\btill|\benligt|\bi)\s+$", re.I)
HEAD_CHARS = 600
# A förbund's plan for a year lists that year's planned insatser even where the word "verksamhetsplan"
# is missing; its table of contents may come after a long preamble, so the cue is read further on.
YEAR_PLAN_RE = re.compile(r"\b(?:prioriterade|planerade)\s+insatser\s+(?:för\s+)?(?:år\s+)?\d{4}\b", re.I)
YEAR_PLAN_CHARS = 1500
TITLE_ZONE_CHARS = 700
# A report that names no kind on its cover still calls itself one in its foreword: "Den här rapporten
# redovisar …", "I denna rapport presenteras …" (a news item speaks of "rapporten", not "denna rapport").
SELF_REPORT_RE = re.compile(r"\b(?:denna|den\s+här|föreliggande|den\s+föreliggande)\s+rapport(?:en)?\b"
                            # "Denna skrift är slutrapporten från projektet …"
                            # (a copy that runs the heading into it: "FörordFöreliggande arbete …")
                            r"|(?:denna|detta|den\s+här|det\s+här|föreliggande)\s+[\wåäö]+\s+är\s+slutrapporten\b",
                            re.I)
# Without a named type at the top, a form that asks for money is an application.
ASKS_FOR_MONEY_RE = re.compile(
    r"\b(?:sökt belopp|ansökt belopp|sökta medel|belopp som söks|söker medel|"
    r"(?:sökt|söks)\s+från\s+(?:samordnings)?förbundet|från\s+(?:samordnings)?förbundet\s+söks)\b", re.I)


# A page on how to apply for money (a förbund's web page, a call for applications) is no
# application itself: it tells how to apply and fills in none of a form's fields.
HOW_TO_APPLY_RE = Needing(re.compile(
    r"\b(?:hur\s+(?:man\s+|du\s+|ni\s+)?(?:an)?söker|så\s+(?:här\s+)?(?:an)?söker\s+(?:du|ni|man)|ansökningsmall|"
    r"mall\s+för\s+ansökan|ladda\s+ner|(?:kan|får)\s+(?:man\s+|du\s+|ni\s+)?(?:an)?söka\s+(?:om\s+)?medel|"
    r"vem\s+kan\s+(?:an)?söka|redo\s+att\s+ansöka|ansökningsprocess|sista\s+ansökningsdag|ansökningar\s+kan\s+inkomma|"
    # a rule for how applications are handled: "Ansökan ska beredas av …", "medel kan ansökas om hos …"
    r"ansökan\b[^.\n]{0,60}?\s(?:ska|skall)\s+(?:lämnas|skickas|göras|initieras|beredas)|medel\s+ansökas|mallar\s+för\s+ansökan)",
    re.I), ("sök", "mall", "ladda"), opens=("hur", "så", "ansökningsmall", "mall", "ladda", "kan", "får", "vem", "redo",
                                         "ansökningsprocess", "sista", "ansökningar", "ansökan", "medel", "mallar"))
FILLED_FIELDS = (r"sökt\s+belopp|projektägare|insatsägare|sökande(?:\s+organisation)?|kontaktperson|projektledare|"
                 r"projektnamn|insatsens\s+namn|tidsplan|projektperiod")
FIELD_LINE = r"(?im)^[ \t]*(?:\d+(?:\.\d+)*\.?[ \t]+)?(?:{})\b"
FORM_FIELD_RE = re.compile(FIELD_LINE.format(FILLED_FIELDS + r"|målgrupp|syfte|budget"))
# A page on how to apply may itself have headings such as "Syfte med medlen" or "Budget": only the
# fields a filled-in form has (who applies, for what, how much) show it is an application.
FILLED_FIELD_RE = re.compile(FIELD_LINE.format(FILLED_FIELDS))
# A news item reports what became of an application ("socialfonden beviljade ansökan", "ansökan
# lämnades in i maj", "beslut väntas före jul"); an application asks and has not been decided.
DECIDED_RE = Needing(re.compile(
    r"\b(?:beviljar|beviljade|beviljat|beviljats|beviljas|fattat\s+beslut|beslut\s+väntas|lämnades\s+in|har\s+lämnats\s+in)\b",
    re.I), ("bevilja", "beslut", "lämna"))
# Minutes carry numbered paragraphs or a justering (the secretary signs "Vid protokollet"); a page that
# says "protokollet finns att läsa" points to minutes kept elsewhere: it is news of the meeting.
MINUTES_RE = re.compile(r"§\s*\d|\bjusterare\b|\bjusteringens\b|\bjusteras\s*:|\bordförande\s*:|\bvid\s+protokollet\b", re.I)
PROTOCOL_ELSEWHERE_RE = re.compile(r"\bprotokollet\b", re.I)
# A decision or minutes decides: paragraphs, a justering, "beslutar att", "Beslut:". A page that only
# tells of a decision taken ("Beslut om en modell togs 2015") or links to a debate's record decides nothing.
DECIDES_RE = re.compile(
    r"§\s*\d|\bjuster(?:are|as|at|ing|ingens)\b|\bbeslut(?:ar|ade)\b|\bbeslöt\b|\bbeslut\s*:|\batt\s+bevilja\b|"
    r"\bbeviljar\b|\bförslag\s+till\s+beslut\b|\bprotokollsutdrag\b|\bordförande\b|\bsekreterare\b|\bnärvarande\b", re.I)
# Minutes without the word "protokoll" ("Styrelsemöte 2031-03-04 … § 2 Val av justerare"): numbered
# paragraphs with a justering or those who decide. Reports and statements that merely quote a paragraph do not.
PARAGRAPH_RE = re.compile(r"§\s*\d+")
MINUTES_PEOPLE_RE = re.compile(r"\bjuster(?:are|a|as|ing)\b|\bbeslutande\b|\bnärvarande\b|\bval\s+av\s+justerare\b", re.I)
NOT_MINUTES_RE = re.compile(r"årsredovisning|verksamhetsberättelse|tjänsteutlåtande|tjänsteskrivelse|beslutsförslag|delårsrapport|"
                            r"nyhetsbrev|pressmeddelande|kallelse", re.I)
# A förbund reports its half year in a "Delårsrapport" (other); an insats's own one names the insats
# after a dash or "för insatsen/projektet": "Delårsrapport 2030 – Ankaret", "Delårsrapport för projektet Ankaret".
INSATS_INTERIM_RE = re.compile(
    r"(?im)^[ \t#*]*delårsrapport(?:[ \t]+(?:\d{4}|[a-zåäö]+[ \t]*[–-][ \t]*[a-zåäö]+[ \t]+\d{4}))?[ \t]*"
    r"(?:[–:-][ \t]*(?:insatsen[ \t]+|projektet[ \t]+)?|för[ \t]+(?:insatsen|projektet)[ \t]+)"
    r"(?!(?i:samordningsförbund|förbund))(?-i:[A-ZÅÄÖ])")
# ... or gives the insats's own fields under its cover: "Delårsrapport jan–aug 2031" over "Insatsägare: X"
INTERIM_RE = re.compile(r"(?<![\wåäö])delårsrapport(?![\wåäö])", re.I)
INSATS_FIELD_RE = re.compile(r"(?im)^[ \t]*(?:insatsägare|projektägare|insatsens\s+namn|projektets\s+namn|projektnamn|"
                             r"insats|huvudman)[ \t]*:")
# A cover that names an account or a follow-up over the insats's own fields is the insats's report:
# "Årlig redovisning 2031" over "Insats: Bron", "Sammanfattning av deltagaruppföljning 2031" over "Huvudman: X"
# (a förbund's "Årsredovisning" and "Verksamhetsberättelse" are cues of their own and read above)
ACCOUNT_COVER_RE = re.compile(r"\A\s*(?:[^\n]*\n\s*)?[^\n]*(?<![\wåäö])(?:redovisning|[\wåäö]*uppföljning|rapport|årsrapport)(?![\wåäö])", re.I)
# ... or an "Årsrapport" whose first heading is about the one insats ("Om insatsen"), not a förbund's list of its insatser
ABOUT_INSATS_RE = re.compile(r"(?im)^[ \t#*]*om[ \t]+(?:insatsen|projektet)[ \t]*$")
INSATSER_RE = re.compile(r"\b(?:finansierade\s+insatser|insatser\s+under\s+(?:året|\d{4})|insatserna|våra\s+insatser|projekten)\b", re.I)
# A notice of a meeting lists what will be decided ("Val av justerare", "föreslås besluta"): it decides nothing.
NOTICE_RE = re.compile(r"(?<![\wåäö])(?:KALLELSE|(?m:^[ \t]*Kallelse))(?![\wåäö])")
# An evaluation's cover that names the part report: "Utvärdering av Bron Delrapport 3", "… Delrapport från utvärderingen"
PART_OF_EVALUATION_RE = re.compile(
    r"(?im)^[ \t]*(?:\d{1,4}[ \t]+)?[^\n]{0,10}?(?:[\wåäö]*utvärdering|följeforskning)\b[^\n]{0,80}?\b(?:delrapport|lägesrapport)\b"
    r"|^[ \t]*(?:\d{1,4}[ \t]+)?[^\n]{0,80}?\b(?:delrapport|lägesrapport)\s+(?:\d\s+)?från\s+(?:utvärderingen|följeforskningen)\b")
# A title alone (a cover, a heading read apart) is judged by its name.
DECIDES_MIN_CHARS = 400


def _first(patterns, text: str, titles: bool = False) -> str | None:
    best: tuple[int, str] | None = None
    for pattern, label in patterns:
        for m in pattern.finditer(text):
            if MENTION_BEFORE_RE.search(text[max(0, m.start() - 8):m.start()]):
                continue
            if titles and "\t" in text[m.end():text.find("\n", m.end()) % (len(text) + 1)]:
                continue  # a table row's label ("Utvärdering\t0\t120" in a budget) is no title
            if best is None or m.start() < best[0]:
                best = (m.start(), label)
            break
    return best[1] if best else None


def _about_one_insats(head: str) -> bool:
    """Whether a report's opening gives one insats's own fields or opens on it ("Om insatsen")."""
    return bool(INSATS_FIELD_RE.search(head) or ABOUT_INSATS_RE.search(head) and not INSATSER_RE.search(head))


def classify_doc_type(text: str) -> str:
    """Return the doc_type a title line names, else the first cue in the opening, else
    "application" for a form that asks for money, else "other".

    "Samhällsekonomisk utvärdering\\nProjekt Bron" -> "final_report"
    """
    found = (_first(TITLE_RE, text[:TITLE_ZONE_CHARS], titles=True) or _first(DOC_TYPE_RE, text[:HEAD_CHARS])
             or ("operational_plan" if YEAR_PLAN_RE.search(text[:YEAR_PLAN_CHARS]) else None)
             or ("final_report" if SELF_REPORT_RE.search(text[:YEAR_PLAN_CHARS]) else None)
             or ("application" if ASKS_FOR_MONEY_RE.search(text) else "other"))
    if found == "final_report" and PART_OF_EVALUATION_RE.search(text[:TITLE_ZONE_CHARS]):
        return "progress_report"  # "UTVÄRDERING AV BRON Delrapport 3": one part of an evaluation still going on
    if found == "other" and (INSATS_INTERIM_RE.search(text[:TITLE_ZONE_CHARS])
                             or (INTERIM_RE.search(text[:HEAD_CHARS]) or not _first(DOC_TYPE_RE, text[:HEAD_CHARS])
                                 and ACCOUNT_COVER_RE.match(text)) and _about_one_insats(text[:TITLE_ZONE_CHARS])):
        return "progress_report"  # "Delårsrapport 2030 – Ankaret": an insats's interim report, no förbund's
    if found == "application" and HOW_TO_APPLY_RE.search(text) and not FILLED_FIELD_RE.search(text):
        return "other"  # "Ansök om medel: … ladda ner mallen"
    if found == "application" and DECIDED_RE.search(text) and not FORM_FIELD_RE.search(text):
        return "other"  # "ESF beviljar förbundens gemensamma ansökan"
    if found == "decision" and PROTOCOL_ELSEWHERE_RE.search(text) and not MINUTES_RE.search(text):
        return "other"  # board news: "Styrelsen har sagt ja till … Protokollet kan läsas på kansliet"
    if (found == "other" and len(PARAGRAPH_RE.findall(text)) >= 2 and MINUTES_PEOPLE_RE.search(text)
            and not NOT_MINUTES_RE.search(text[:HEAD_CHARS])):
        return "decision"  # "Styrelsemöte 2031-03-04 … § 1 … § 2 Val av justerare"
    if found == "decision" and NOTICE_RE.search(text[:TITLE_ZONE_CHARS]) and not PARAGRAPH_RE.search(text):
        return "other"  # "KALLELSE … 1. Val av justerare 2. Årsredovisning"
    if found == "decision" and len(text) >= DECIDES_MIN_CHARS and not DECIDES_RE.search(text):
        return "other"  # "Beslutet om hur medlen fördelas fattades i mars 2029"
    return found
