"""Expected participants: a count and whether it is per year, in total, or at any one time."""
from __future__ import annotations

import re

from ..record import Section
from .participant_tables import table_participants
from .tables import find_tables
from .text import sentences

# "45 deltagare", "45 nya deltagare", "12 st. unga"
# a range counts from its lower end: "15–20 deltagare samtidigt", "15 till 20 deltagare" -> 15
# ... but a change counts to its new number: "utöka från 40 till 60 deltagare per år" -> 60
COUNT_RE = re.compile(r"(?<![\d,.])(?!(?<=från )\d{1,4}\s+till\s)(\d{1,4})(?:-tal)?(?:\s*[–-]\s*\d{1,4}|\s+till\s+\d{1,4})?\s+(?:st(?:ycken)?\.?\s+)?(?:nya\s+|unika\s+|planerade\s+|(?:samtidigt\s+)?inskrivna\s+)?(deltagare|(?<=planerade )deltagarna|personer|platser|individer|stycken|unga|ungdomar|kvinnor|män|föräldrar|vårdnadshavare|familjer|participants|persons|people|individuals|places|young people|young adults)\b", re.I)
PER_CUES: list[tuple[str, str]] = [
    ("year", r"per år|årligen|om året|varje år|/år|per kalenderår|per läsår|under året|för året|under ett år|på ett år|per year|a year|each year|every year|annually|"
             # one named year: "Insatsen ska under 2031 ta emot 35 deltagare" (not "under 2030 och 2031")
             r"under (?:år )?(?:19|20)\d\d\b(?!\s*(?:[-–/]|och\b|till\b|t\.o\.m))|"
             # a report's goal for one year: "Målet för 2031 var 40 deltagare", "för 2031 är målet 60 personer"
             r"\bmålet för (?:år )?(?:19|20)\d\d\b(?!\s*[-–/])|\bför (?:år )?(?:19|20)\d\d är målet\b"),
    ("ongoing", r"löpande|samtidigt|åt gången|i taget|platser|at a time|at any one time|at the same time|simultaneously|places"),
    ("total", r"totalt|sammanlagt|under (?:hela )?(?:projekt|insats)?(?:perioden|tiden)|under insatsen|under projektet|"
              # "Cirka 80 personer kommer att delta i insatsen": the intervention's whole intake
              r"(?:ska|kommer att) (?:delta i|ta del av) (?:projektet|insatsen|projektets|insatsens)|"
              # "Projektet har som mål att 100 personer ska delta."
              r"(?:ska|kommer att|skulle) delta(?=\s*(?:[.;]|$))|"
              r"hela (?:projekt|insats)?(?:perioden|tiden)|"
              # two named years: "Under 2031 och 2032 ska 60 personer ta del av insatsen"
              r"(?:under|mellan) (?:åren )?(?:19|20)\d\d\s*(?:[-–]|och|till|t\.o\.m\.?)\s*(?:19|20)\d\d\b|"
              # the whole intake counted at the end: "Minst 80 personer ska ha deltagit när projekttiden är slut"
              # ... "Under perioden ska 25 kvinnor och 20 män ha deltagit"
              r"\b(?:ska|skall)\s+(?:[^\s.]+\s+){0,6}?ha (?:deltagit|tagit del)\b|"
              # "Projektet förväntas nå 200 unga": the whole reach of the project
              # ... and a planned intake with no period: "Projektet ska ta emot 60 deltagare"
              # ... and a report's account of that plan: "Insatsen skulle omfatta 90 deltagare men nådde 70"
              r"(?:förväntas|beräknas|planeras|ska|skall|kommer att|skulle|var tänkt att|som mål att) (?:nå|ta emot|omfatta|ge stöd till|erbjuda)"
              r"(?= (?:ut till )?(?:minst |cirka |ca\.? |omkring |ungefär |mellan )?\d)|"
              # ... a report's account of the plan: "Projektet skulle enligt ansökan nå 90 deltagare"
              r"\bskulle (?:[^\s.]+ ){1,3}?(?:nå|ta emot|omfatta)(?= (?:minst |cirka |ca\.? |omkring |ungefär )?\d)|"
              # the project's years: "60 deltagare fördelat på tre år", "under projektets tre år"
              # (not an age: "föräldrar med barn under tre år")
              r"(?:under (?:projektets|insatsens|de|sina)|fördelat på|fördelade på) (?:två|tre|fyra|fem|[2-5]) år\b|"
              # "Av de 60 planerade deltagarna": the plan with no period
              r"\bplanerade\s+deltagar|"
              # "Insatsen planeras för 100 deltagare": a planned number with no period
              r"(?:planeras|planerar|är planerad) för(?= (?:ut till )?(?:minst |cirka |ca\.? |omkring |ungefär )?\d)|"
              r"in total|during the (?:whole )?project|over the project period|"
              r"(?:during|in|between) (?:the years )?(?:19|20)\d\d\s*(?:[-–]|and|to)\s*(?:19|20)\d\d\b"),
]
PER_RES = [(per, re.compile(p, re.I)) for per, p in PER_CUES]
# Results and caseloads, not the planned number.
OUTCOME_RE = re.compile(r"\bblev\b|\b(?:har|hade)\s+(?:[^\s.]+\s+){0,3}?haft\b|\bvarit inskrivna\b|\btog (?:\w+ ){0,2}?emot\b|\bnådde\b|utfallet|avslutades|\bdeltog\b|har deltagit|har skrivits in|skrivits in|var sammanlagt|inskrivna under|hittills|"
                        r"avbröt|ärenden|(?<!målet )(?<!målet för \d{4} )(?<!målet för år \d{4} )\bvar \d+ (?:inskrivna )?(?:deltagare|personer|kvinnor|män)|\baktiva\b|\bskrevs\b|"
                        # English: "took part", "have been enrolled", "so far"
                        r"\btook part\b|\bhave (?:taken part|participated|been enrolled)\b|\bwere enrolled\b|\bso far\b|"
                        r"\bcompleted\b|\bdropped out\b", re.I)


# In the participants field itself a number may stand alone: "Antal deltagare: 25 per år".
BARE_COUNT_RE = re.compile(
    # ... or as a range, read from its lower end: "Minst 40-50 per år" (not an age band "16-24 år")
    r"^\s*(?:ca\.?|cirka|omkring|ungefär|minst|mellan|upp till)?\s*(?!(?:19|20)\d\d\b)(\d{1,4})(?:\s*[-–]\s*(\d{1,4}))?(?![\d.,\-–]|\s+\d|\s*(?:%|procent|år\b|kr\b|kronor|tkr))", re.I)


# A sentence may report outcomes in one clause and state the goal in the next.
# ... "men" joins the two without a comma too: "Målet var 60 deltagare per år men 45 deltog"
# ... and a sentence that opens with its count runs on after a full stop: "… 45 deltagare totalt. 52 skrevs in"
# ... and a colon before the outcome's figure: "Målet om 40 deltagare per läsår har nästan nåtts: 38 elever har haft stöd"
CLAUSE_SPLIT_RE = re.compile(r",\s+(?:och|men|medan|and|but|while)\s+|;\s+|\s+men\s+|\.\s+(?=\d)|:\s+(?=\d)")
GOAL_CLAUSE_RE = re.compile(r"\bmålet\b|\bsom mål\b|\bplanen (?:är|var) att\b|\bplanerat (?:är|var)\b|\bskulle\s+(?:[^\s.]+\s+){0,5}?(?:omfatta|ta emot|nå)\b|\bplanera(?:de?|t)\s+(?:volym|antal)\b|\bplanerar\b|\bplanerade\s+för\b|\bberäkna(?:s|des)\b|\bräknar (?:vi |projektet |insatsen )?med\b|\bförvänta(?:s|des)\b|"
                            r"\bthe (?:goal|target|aim) is\b|\bexpect(?:s|ed)?\b|\bplan(?:s|ned)?\b", re.I)
INTAKE_PLAN_RE = re.compile(r"\b(?:ska|skall|skulle|kommer\s+att|beräknas|planeras\s+att)\s+(?:under\s+(?:år\s+)?(?:19|20)\d\d\s+)?(?:ta\s+emot|omfatta|delta\s+i)\b|"
                            # "Vi räknar med 35 deltagare per år", "Målet är 40 deltagare per år",
                            # "Insatsen är dimensionerad för 30 deltagare samtidigt"
                            # ... "Under projekttiden räknar vi med att ta emot 60 deltagare"
                            # ... "Minst 20 deltagare ska vara inskrivna samtidigt"
                            r"\b(?:ska|skall)\s+vara\s+inskrivna\b|"
                            r"\bräknar (?:vi |projektet |insatsen )?med\b|\bberäknar att\b|\bplanera(?:r|de) för\b|\bmålet (?:är|var)\b|\bdimensionerad för\b|"
                            # a report's account of the plan: "Planen var att 40 kvinnor per år skulle delta"
                            r"\bplanen (?:är|var) att\b|"
                            # a number of places is the capacity, not an outcome: "Insatsen hade 15 platser per år"
                            r"\b\d{1,4}\s+platser\b|"
                            # the field counts the group itself: "Målgruppen är 30 ungdomar per år"
                            r"\bmålgruppen\s+(?:är|omfattar|utgörs\s+av|består\s+av)\s+(?:ca\.?\s+|cirka\s+|minst\s+|omkring\s+)?\d", re.I)
# A goal field may state the planned volume beside the outcomes: "Planerad volym: 40 deltagare per år"
PLANNED_VOLUME_RE = re.compile(r"\bplanera(?:de?|t)\s+(?:volym|antal\s+deltagare)\b", re.I)
# ... or the whole intake as a goal for the end: "Minst 80 personer ska ha deltagit i insatsen"
GOAL_INTAKE_RE = re.compile(PLANNED_VOLUME_RE.pattern + r"|"
                            # a goal's label over its count: "Mål: 60 deltagare per år" (the label may be the heading)
                            r"(?m:^[ \t]*(?:mål(?:et)?[ \t]*:[ \t]*)?(?:minst[ \t]+|ca\.?[ \t]*|cirka[ \t]+)?\d{1,4}[ \t]+(?:nya[ \t]+)?"
                            r"(?:deltagare|personer|unga|ungdomar)\b(?=[ \t]+(?:per[ \t]+år|totalt|samtidigt|åt[ \t]+gången)))|\b(?:ska|skall)\s+(?:[^\s.]+\s+){0,6}?ha (?:deltagit|tagit del)\b|"
                            # ... or the intake itself: "Projektet ska under tre år nå sammanlagt 150 deltagare"
                            r"\b(?:ska|skall|kommer att)\s+(?:[^\s.]+\s+){0,3}?(?:nå|ta emot|omfatta)\s+(?:ut till\s+)?"
                            r"(?:sammanlagt\s+|totalt\s+|minst\s+|cirka\s+|ca\.?\s+|omkring\s+)?\d", re.I)
# A count per course round is not the intervention's: "12 platser per kursomgång (24 deltagare per år)"
PER_ROUND_RE = re.compile(r"^\s*(?:per|i varje|varje)\s+(?:kurs)?(?:omgång|grupp|kurs|termin|cykel)\b", re.I)
# A form row whose label asks for the number: "Antal deltagare\t25 per år".
COUNT_LABEL_RE = re.compile(r"^(?:förväntat |planerat |beräknat )?(?:antal (?:planerade |förväntade |beräknade )?deltagare|deltagarantal(?:et)?)|^volym|^deltagare", re.I)
# A form export's field on a line of its own: "Antal deltagare\t60", "Förväntat antal deltagare: 60 per år"
# ... its label may say what it counts, and a web form prints the value on the next line:
# "Antal deltagare per år: 30", "Planerat antal deltagare:\n140"
COUNT_FIELD_RE = re.compile(r"(?im)^[ \t]*(?P<label>(?:förväntat |planerat |beräknat )?(?:antal (?:planerade |förväntade |beräknade )?deltagare|deltagarantal(?:et)?)"
                            r"(?:[ \t]+\(?(?:per år|totalt|samtidigt)\)?)?)[ \t]*(?:[:\t][ \t]*|:?[ \t]*\n[ \t]*)"
                            r"(?P<count>\d{1,4})(?![\d,.])[^\n]*$")
PLANNED_LABEL_RE = re.compile(r"^(?:förväntat|planerat|beräknat)\b|^antal (?:planerade|förväntade|beräknade)\b", re.I)
# A report states the outcome with the goal beside it in brackets.
GOAL_ASIDE_RE = re.compile(r"\(\s*(?:mål(?:et)?|planerat|planerade|målsättning)\s*:?\s*(?P<count>\d{1,4})(?P<rest>[^)]{0,60})\)", re.I)
# Outcomes broken down by gender or age are counts, not the planned number.
BREAKDOWN_ROW_RE = re.compile(r"^(?:kvinnor|män|flickor|pojkar|icke-binära|\d{2}\s*[-–]\s*\d{2}(?:\s*år)?|"
                              r"under \d{2}|över \d{2}|\d{2} år och)", re.I)


# The count after its noun: "Antalet deltagare beräknas till 40 per år"
# (participants only: "Antalet personer med försörjningsstöd beräknas till 300" is a statistic)
NOUN_FIRST_RE = re.compile(r"\bantal(?:et)?\s+(?:nya\s+|planerade\s+|förväntade\s+)?deltagare\b[^.\d]{0,50}?"
                           r"\b(?:(?:beräknas|planeras|förväntas|uppskattas|bedöms|väntas)(?:\s+\w+){0,2}?\s+(?:till|bli|vara|uppgå till)|"
                           # ... the plan named before its noun: "Planerat antal deltagare var 40 per år"
                           r"(?:(?<=planerat antal deltagare )|(?<=förväntat antal deltagare )|(?<=beräknat antal deltagare ))(?:är|var|blir))\s+"
                           r"(?:ca\.?\s*|cirka\s+|omkring\s+|ungefär\s+|minst\s+|mellan\s+|upp till\s+)?(\d{1,4})(?:\s*[-–]\s*\d{1,4})?"
                           r"(?!\d|[,.]\d|\s*(?:%|procent|år\b|kr\b|kronor|tkr))", re.I)
# In the participants field the goal may stand without its noun: "Målsättningen för året är 30."
GOAL_NUMBER_RE = re.compile(r"\b(?:målet|målsättningen)\s+(?:för\s+(?:året|(?:år\s+)?(?:19|20)\d\d)\s+)?(?:är|var)\s+"
                            r"(?:ca\.?\s*|cirka\s+|minst\s+)?(\d{1,4})(?!\d|[,.]\d|\s*(?:%|procent|kr\b|kronor|tkr|år\b))", re.I)
# "ett trettiotal personer" is about 30 persons
TAL_RE = re.compile(r"\b(tio|tjugo|trettio|fyrtio|femtio|sextio|sjuttio|åttio|nittio|hundra)tal\b", re.I)
TENS = {"tio": 10, "tjugo": 20, "trettio": 30, "fyrtio": 40, "femtio": 50, "sextio": 60, "sjuttio": 70, "åttio": 80,
        "nittio": 90, "hundra": 100}
# "mellan 40 och 50 deltagare" is a range like "40–50 deltagare" (read from its lower end)
# ... and so is "minst 15 och högst 20 personer"
BETWEEN_RE = re.compile(r"(?:(?<=\bmellan )|(?<=\bbetween )|(?<=\bminst ))(?!(?:19|20)\d\d\b)(\d{1,4}) (?:och|and) (?:högst |max(?:imalt)? )?(?=\d{1,4}\b)", re.I)
# Groups named one after the other add up: "20 unga föräldrar och 10 andra vårdnadshavare per år" -> 30
# (a word may finish the first group's name; the second group's noun follows within two words;
# "40 deltagare, 20 kvinnor och 20 män" and "40 personer och 15 av dem unga" restate, not add)
GROUP_NOUN = r"(?:deltagare|personer|individer|unga|ungdomar|kvinnor|män|föräldrar|vårdnadshavare|vuxna)\b"
NEXT_GROUP_RE = re.compile(r"^(?:\s+[a-zåäö]+)?\s+(?:och|samt)\s+(\d{1,4})\s+(?!av\b|varav\b)(?:[a-zåäö]+\s+){0,2}?" + GROUP_NOUN, re.I)


def _ranges(sentence: str) -> str:
    """Write "mellan 40 och 50" as a dashed range and "ett trettiotal" in digits, offsets kept:
    "mellan 40  –  50", "ett 30        "."""
    sentence = TAL_RE.sub(lambda m: str(TENS[m.group(1).lower()]).ljust(len(m.group(0))), sentence)
    return BETWEEN_RE.sub(lambda m: m.group(1) + " " + "–".center(len(m.group(0)) - len(m.group(1)) - 2) + " ", sentence)


def _groups(sentence: str, m: re.Match) -> tuple[int, int]:
    """Return the count of `m` with the groups named after it added, and where the last one ends."""
    count, end = int(m.group(1)), m.end()
    while nxt := NEXT_GROUP_RE.match(sentence[end:]):
        count, end = count + int(nxt.group(1)), end + nxt.end()
    return count, end


def _form_row(sentence: str) -> str:
    """Blank out the label of a form row that asks for the count, offsets kept.

    "Antal deltagare\t25 per år" -> "                25 per år"
    """
    label, tab, rest = sentence.partition("\t")
    return " " * (len(label) + 1) + rest if tab and COUNT_LABEL_RE.match(label.strip()) else sentence


def _breakdowns(text: str) -> list[tuple[int, int]]:
    """Return the spans of tables that break counts down by gender or age."""
    return [(t.start, t.end) for t in find_tables(text)
            if any(BREAKDOWN_ROW_RE.match(row[0].text) for row in t.rows)]


def _goal_clauses(sentence: str) -> str | None:
    """Return the sentence with its clauses of outcomes blanked (offsets kept) when another clause
    states the goal, else None.  "Vi har 22 aktiva deltagare, och målet är 25 samtidigt." keeps its goal."""
    cuts = [0] + [m.end() for m in CLAUSE_SPLIT_RE.finditer(sentence)] + [len(sentence)]
    parts = [sentence[a:b] for a, b in zip(cuts, cuts[1:])]
    kept = "".join(" " * len(p) if OUTCOME_RE.search(p) else p for p in parts)
    return kept if len(parts) > 1 and GOAL_CLAUSE_RE.search(kept) else None


def _read(sentence: str, need_cue: bool, bare: bool = False, heading: str = "") -> tuple[dict, re.Match] | None:
    goal = GOAL_ASIDE_RE.search(sentence)
    if goal:  # "Antal deltagare: 52 (mål 50 under insatsperioden)": the outcome beside the goal
        per = next((p for p, cue in PER_RES if cue.search(goal.group("rest"))), "total")
        return {"count": int(goal.group("count")), "per": per}, goal
    if OUTCOME_RE.search(sentence):
        sentence = _goal_clauses(sentence)
        if sentence is None:
            return None
    if bare:
        sentence = _form_row(sentence)
    sentence = _ranges(sentence)
    m = COUNT_RE.search(sentence) or (BARE_COUNT_RE.search(sentence) or GOAL_NUMBER_RE.search(sentence) if bare else None)
    while m and m.re is COUNT_RE and PER_ROUND_RE.match(sentence[m.end():]):
        m = COUNT_RE.search(sentence, m.end())  # the round's count leads to the count a year or in total
    first = NOUN_FIRST_RE.search(sentence)
    if first and (not m or m.re is not COUNT_RE or first.start(1) < m.start()):
        m = first
    if not m or int(m.group(1)) < 2 or m.re is BARE_COUNT_RE and m.group(2) and int(m.group(2)) <= int(m.group(1)):
        return None
    count, end = _groups(sentence, m) if m.re is COUNT_RE else (int(m.group(1)), m.end())
    # the cue nearest the count is its own: "Totalt 40 deltagare …, varav högst 12 samtidigt" is a total
    # ... counted as the gap between them: "sammanlagt 90 deltagare, cirka 30 per år" is a total
    cues = [(m.start() - c.end() if c.end() <= m.start() else abs(c.start() - end), i, per)
            for i, (per, cue) in enumerate(PER_RES) for c in cue.finditer(sentence)]
    if cues:
        return {"count": count, "per": min(cues)[2]}, m
    # the field's label may say what the bare number counts: "Antal deltagare per år" over "35"
    asked = next((per for per, cue in PER_RES if cue.search(heading)), None) if bare else None
    if asked:
        return {"count": count, "per": asked}, m
    return None if need_cue else ({"count": count, "per": "total"}, m)


def _passes(sections: list[Section]):
    """Yield (section, need_cue, sentence filter) in the order the evidence is trusted."""
    own = [s for s in sections if s.key == "participants"]
    yield from ((s, True, None) for s in own)
    yield from ((s, False, None) for s in own)
    skip = {"goals", "follow_up", "target_group", "participants"}
    plan = re.compile(r"utöka|planerar|planerades|planeras|väntas|väntades|beräknades|\(\s*mål\b|dimensionerad för|\bomfatta\b|beräknas|räknar med|tar emot|ska ta emot|platser|\b(?:räknar|beräknar|planerar) (?:vi|projektet|insatsen|verksamheten) (?:med|att|för)\b|(?:ska|skall|kommer att) under (?:år )?(?:19|20)\d\d (?:ta emot|omfatta|nå)\b|"
                      # the verb before its subject: "Under 2031 ska insatsen ta emot 35 deltagare"
                      r"(?:ska|skall|kommer|skulle) (?:insatsen|projektet|verksamheten|vi) (?:att )?(?:ta emot|omfatta|nå)\b|skulle delta\b|"
                      # a report's goal: "Projektet hade som mål att nå 100 unga", "Målet för 2031 var 40 deltagare"
                      r"hade som mål|\bmålet för (?:år )?(?:19|20)\d\d (?:är|var)\b|\bär målet\b|plats för|kommer att (?:vara|omfatta|ta emot)|(?:ska|skall|kommer att) (?:nå|ge stöd till|erbjuda)\b|"
                      # "Volym: 60 deltagare per år", "Vi beräknar att 45 personer per år …",
                      # "Insatsen vänder sig till 40 personer per år", "Insatsen ska ha 10 deltagare samtidigt"
                      r"\bvolym\b|\bkapacitet\b|\bberäknar\b|målsättningen (?:är|var)|har som mål|"
                      r"ambitionen (?:är|var)|uppskattningsvis|bedömning(?:en)? är|"
                      r"(?:riktar|vänder) sig till (?:ca\.? |cirka |omkring |ungefär )?\d|(?:riktar|vänder) sig till ett \w+tal\b|\bska ha (?:ca\.? |cirka )?\d|"
                      # the verb before its subject: "Enligt ansökan ska insatsen ha 25 deltagare åt gången";
                      # a goal's label: "Mål: 60 deltagare per år"
                      r"\b(?:ska|skall|skulle)\s+(?:insatsen|projektet|verksamheten|vi)\s+ha\s+(?:ca\.?\s+|cirka\s+)?\d|\bmål(?:et)?\s*:\s*(?:minst\s+|ca\.?\s+|cirka\s+)?\d|"
                      r"(?:ska|kommer att) (?:delta\b|ta del av)|"
                      # a word or two before the verb: "ska årligen ta emot 18", "ska under 2031–2033 nå 150 unga",
                      # "Projektet omfattar 60 deltagare", "av de 60 planerade deltagarna"
                      # ... "skulle enligt den ursprungliga planen ta emot 40 deltagare per år"
                      r"\b(?:ska|skall|skulle|kommer att)\s+(?:[^\s.]+\s+){1,5}?(?:ta emot|omfatta|nå|ge stöd till|erbjuda)\b|"
                      r"\b(?:insatsen|projektet|verksamheten|satsningen)\s+omfattar\b|\bplanerade\s+deltagar|"
                      # a report's account of the plan: "Insatsen planerade för 20 deltagare",
                      # "Enligt projektplanen skulle 80 deltagare tas emot under perioden"
                      r"\bplanerade för\b|\bplanen (?:är|var) att\b|\bplanerat (?:är|var)\b|\bmålet om (?=\d)|\b(?:ska|skall|skulle)\s+(?:[^\s.]+\s+){1,4}?(?:tas emot|skrivas in)\b|"
                      # "Vi tänker oss 60 personer", "Insatsen kan ta emot upp till 15 deltagare samtidigt"
                      # ... "Insatsen bör kunna ta emot cirka 40 deltagare per år"
                      r"\btänker (?:oss|vi oss)\b|\bkan ta emot\b|\bkunna ta emot\b|\bupp till \d|"
                      # "Planeringen utgår från att 40 nya deltagare ska skrivas in under året"
                      r"\b(?:ska|skall|kommer att)\s+skrivas\s+in\b|\b(?:ska|skall)\s+vara\s+inskrivna\b|"
                      # the count before its verb: "Under 2031 och 2032 ska 60 personer ta del av insatsen"
                      r"\b(?:ska|skall)\s+(?:ca\.?\s+|cirka\s+|minst\s+|omkring\s+|ungefär\s+)?\d{1,4}\s+(?:nya\s+)?"
                      r"(?:deltagare|personer|individer|unga|ungdomar|kvinnor|män)\b(?!\s+ha\s+(?:fått|gått|börjat|kommit))|"
                      r"\b(?:ska|skall)\s+(?:[^\s.]+\s+){0,6}?ha (?:deltagit|tagit del)\b|"
                      # a report's account of the plan: "Insatsen var tänkt att omfatta 90 deltagare"
                      r"(?:var|är)\s+tänkt\s+att\s+(?:omfatta|ta emot|nå)|(?:tänkt|avsedd|anpassad) för \d|skulle\s+(?:omfatta|ta emot|nå)|"
                      r"\bmålet (?:är|var)\b|\bplanera(?:de?|t)\s+(?:volym|antal\s+deltagare)\b|"
                      # English: "we expect 40 participants per year", "the project will take in 60 participants"
                      r"\bexpect(?:s|ed)?\b|\bplan(?:s|ned)?\s+to\b|\bwill (?:take in|enrol|include|reach|serve|take part|participate)\b|\bup to \d|"
                      r"\bthe (?:goal|target|aim) is\b", re.I)
    yield from ((s, True, plan) for s in sections if s.key not in skip)
    # the target group's field may state the intake too: "Insatsen ska ta emot 60 deltagare under perioden"
    yield from ((s, True, INTAKE_PLAN_RE) for s in sections if s.key == "target_group")
    # ... and a goal or a follow-up may state the plan beside the outcome
    yield from ((s, True, GOAL_INTAKE_RE) for s in sections if s.key in ("goals", "follow_up"))


def find_participants(sections: list[Section], text: str, where: dict | None = None) -> dict | None:
    """Return {"count", "per"} for the expected participants, or None.

    "cirka 50 personer årligen" -> {"count": 50, "per": "year"}
    `where`, if given, gets "participants" -> offsets of the number and its noun.
    """
    if not sections:  # a text without headings (a web page, a letter) is read as one part
        sections = [Section("other", None, text, None, 0, len(text))]
    tabled: set[int] = set()
    for section, need_cue, plan in _passes(sections):
        if id(section) not in tabled:  # a table that plans the count: "Totalt | 110", "Antal deltagare | Mål 50"
            tabled.add(id(section))
            tabled_count = table_participants(section)
            if tabled_count:
                found, cell = tabled_count
                if where is not None:
                    where["participants"] = (section.char_start + cell.start, section.char_start + cell.end)
                return found
        breakdowns = _breakdowns(section.text)
        for offset, sentence in sentences(section.text):
            if plan is not None and not plan.search(sentence) or any(s <= offset < e for s, e in breakdowns):
                continue
            read = _read(sentence, need_cue, bare=section.key == "participants", heading=section.heading or "")
            if read:
                found, m = read
                if where is not None:
                    base = section.char_start + offset
                    where["participants"] = (base + m.start(), base + m.end())
                return found
    return _count_field(text, where) or _split_field(text, where)


def _count_field(text: str, where: dict | None) -> dict | None:
    """Return the count of a form export's field, what it counts from the field after it.

    "Antal deltagare\t60" over "Antal deltagare avser\thela perioden" -> {"count": 60, "per": "total"}
    """
    m = COUNT_FIELD_RE.search(text)
    if not m or int(m.group("count")) < 2:
        return None
    goal = GOAL_ASIDE_RE.search(m.group(0))
    if goal:
        return _read(m.group(0), need_cue=False)[0]
    after = text[m.end():m.end() + 120].split("\n")[:3]
    per = next((p for line in [m.group(0)] + after for p, cue in PER_RES if cue.search(line)), None)
    if per is None and PLANNED_LABEL_RE.match(m.group("label").strip()):
        per = "total"  # a planned number with no period is the whole intake
    if per is None:
        return None
    if where is not None:
        where["participants"] = m.span("count")
    return {"count": int(m.group("count")), "per": per}


# A form's count field split by gender, its total on a line of its own or the parts beside each other:
# "Planerat antal deltagare\nKvinnor: 30\nMän: 30\nTotalt: 60", "Planerat antal deltagare: kvinnor 25, män 35"
SPLIT_FIELD_RE = re.compile(r"(?im)^[ \t]*(?P<label>(?:förväntat |planerat |beräknat )?antal (?:planerade |förväntade |beräknade )?deltagare"
                            r"(?:[ \t]+\(?(?:per år|totalt|samtidigt)\)?)?)[ \t]*:?(?P<body>[^\n]*(?:\n[^\n]*){0,3})")
NOT_A_COUNT = r"(?!\d|[,.]\d|\s\d{3}\b|\s*(?:%|procent|kr\b|kronor|tkr|år\b))"
SPLIT_TOTAL_RE = re.compile(r"\btotalt\s*:?\s*(\d{1,4})" + NOT_A_COUNT, re.I)
SPLIT_PART_RE = re.compile(r"\b(?:kvinnor|män)\s*:?\s*(\d{1,4})" + NOT_A_COUNT, re.I)


def _split_field(text: str, where: dict | None) -> dict | None:
    """Return the count of a form's participants field split by gender: its total, else the parts added.

    "Planerat antal deltagare\nKvinnor: 30\nMän: 30" -> {"count": 60, "per": "total"}
    """
    m = SPLIT_FIELD_RE.search(text)
    if not m:
        return None
    body = m.group("body")
    total, parts = SPLIT_TOTAL_RE.search(body), SPLIT_PART_RE.findall(body)
    count = int(total.group(1)) if total else sum(int(p) for p in parts) if len(parts) == 2 else None
    if not count or count < 2:
        return None
    per = next((p for p, cue in PER_RES if p != "total" and cue.search(m.group("label"))), None)
    if per is None and not PLANNED_LABEL_RE.match(m.group("label").strip()):
        return None  # a count of who took part, not the plan
    if where is not None:
        where["participants"] = m.span("body")
    return {"count": count, "per": per or "total"}
