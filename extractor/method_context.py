"""Rules that read what stands around a method mention's sentence: the lead-in of the list it is an item
of, the heading of its section, and the line before it (a reference entry).

A list item is often the name alone ("- AWP"); whether the method is used is said by the line that
introduces the list ("Metoder som inte ingår i insatsen:"). A reference list names methods in titles
of books and reports, which says nothing about the intervention.
"""
from __future__ import annotations

import re

from .method_rules import BOX_RE, DROPPED_WORDS, NEGATION_RE, UNIT_SUFFIX_RE
from .method_use import MASK, USE_VERBS

# What a sentence denies may be the model's full fidelity or a certificate, with its use said after
# "men": "Vi är inte METODNAMN-certifierade men arbetar i METODNAMN anda", "Vi följer inte METODNAMN
# fullt ut, men metoden präglar arbetet". A plan ("men hoppas kunna använda den") is no use.
FIDELITY_DENIED_RE = re.compile(
    rf"\b(?:inte|ej)\s+(?:[\w-]+\s+){{0,4}}?(?:[\w-]*certifier\w*|fullt\s+ut|till\s+fullo|strikt|renodla\w*|"
    rf"fullständig\w*|modelltrogen\w*)[^.;]{{0,60}}?\s+men\s+(?:(?!hoppas|planerar|vill|skulle|ska\b|kommer)[\w-]+\s+){{0,3}}?"
    rf"(?:(?:{USE_VERBS})\s+(?:[\w-]+\s+){{0,4}}?(?:{MASK}|metoden\w*|modellen\w*|principer\w*|arbetssättet|anda)\b"
    rf"|(?:metoden|modellen|principerna|arbetssättet)\s+(?:[\w-]+\s+){{0,2}}?(?:inspirer\w*|styr\w*|präglar|vägleder)"
    rf"|inspirer\w*\s+av)", re.I)

# "- AWP", "• SMAIL", "2. MI", "a) IPS"
LIST_ITEM_RE = re.compile(r"^[ \t]*(?:[-–—•*·▪◦‣]|\d{1,2}[.)]|[a-z][.)])[ \t]+", re.M)
LEAD_IN_LINES = 12  # list items a lead-in may stand above
LEAD_IN_MAX = 200  # characters of a lead-in line
# A lead-in that says the listed methods are not used, were dropped or only considered.
NOT_USED_VERBS = (r"ingår|ingå|ingick|används|användas|användes|använder|använda|erbjuds|erbjudas|erbjuder|erbjuda|"
                  r"tillämpas|tillämpar|arbetar|arbetat|aktuell\w*")
LEAD_IN_NOT_RE = re.compile(
    rf"\b(?:inte|ej|aldrig|inga|ingen|inget)\s+(?:\w+\s+){{0,3}}?(?:{NOT_USED_VERBS})\b"
    rf"|\b(?:{NOT_USED_VERBS})\s+(?:\w+\s+){{0,3}}?(?:inte|ej|aldrig)\b"
    rf"|\b(?:{DROPPED_WORDS})\b"
    r"|\b(?:övervägt|övervägde|överväger|övervägs|diskuterat|diskuterades|diskuteras)\b"
    r"|\b(?:not|never)\s+(?:be\s+|been\s+)?(?:used|offered|included|part)\b", re.I)
# "Deltagare som inte har arbetat …": a negation in a relative clause describes people, not the methods
# ("Metoder som inte ingår:" is about the methods).
RELATIVE_RE = re.compile(
    r"\b(?!(?:metod|verktyg|arbetssätt|instrument|modell|bedömning|skattning)\w*\s)\w+\s+som\s+(?:\w+\s+)?$", re.I)
REFERENCE_HEADING_RE = re.compile(
    r"^\W*(?:\d+(?:\.\d+)*\s+)?(?:referenser|referenslista|litteratur\w*|källor|källförteckning|källhänvisningar|"
    r"references|bibliography|literature)\b", re.I)
# a reference entry: "Efternamn, A. (2019). Titel …", "SBU (2020). Titel …"
REFERENCE_ENTRY_RE = re.compile(r"\(\s*(?:19|20)\d\d[a-zäö]?\s*\)\s*\.", re.I)
REFERENCE_REACH = 200  # characters before the name in which the entry's "(år)." stands
# A förbund's list of the activities it finances: an activity named after a method is one that uses it
# ("Verksamheter finansierade av förbundet:\n- Supported Employment", or such a heading in a contents run).
FINANCED_RE = re.compile(
    r"\b(?:verksamheter|insatser|projekt)\s+(?:som\s+)?(?:(?:har\s+)?finansiera(?:de|ts|s)|med\s+finansiering)\s+"
    r"(?:av|från|genom)\b", re.I)
FINANCED_REACH = 40  # words of other activities' names between the heading and the name in a contents run
# in a run of headings the word after the name opens the next heading, capitalised: "… METODNAMN Psykisk …"
RUN_NEIGHBOURS_RE = re.compile(rf"{MASK}(?:-\w+)?(?:\s+[A-ZÅÄÖ0-9]|\W*$)")
# A table row headed by the method with a yes or a no in another cell:
# "MI<tab>Ja<tab>i alla samtal", "AWP<tab>Nej<tab>görs av Arbetsförmedlingen".
YES_CELL_RE = re.compile(r"^(?:ja|yes|x)\W*$", re.I)
NO_CELL_RE = re.compile(r"^(?:nej|no|ej|inte aktuell\w*|ej aktuell\w*)\W*$", re.I)
ROW_MAX_CELLS = 6
BARE_ITEM_RE = re.compile(rf"^\W*{MASK}(?:-\w+)?\W*$")
# A form's field for the intervention's method, its value the names: "Metod: METODNAMN", "Arbetssätt: IPS och MI".
METHOD_FIELD_RE = re.compile(
    r"^\W*(?:(?:insatsens|projektets|vald\w*|huvudsaklig\w*)\s+)?(?:metod|metoder|metodik|arbetsmetod\w*|arbetssätt|"
    r"metodval|metoder som används|metod som används)\s*$", re.I)
# "SMAIL användes under 2023 men ersattes av …", "Vi har tidigare använt SMAIL men bytt till …": given up since.
REPLACED_LATER_RE = re.compile(
    rf"{MASK}[^.;]*?\smen\s+(?:\w+\s+){{0,3}}?(?:ersattes|har ersatts|byttes ut|har bytts ut|bytt till|"
    rf"bytte till|övergavs|har övergetts|lämnades)\b", re.I)
# "Vår metod är METODNAMN", "Ett METODNAMN arbetssätt genomsyrar verksamheten": the intervention's own method.
OUR_METHOD_RE = re.compile(
    rf"\b(?:vår|vårt|våra|insatsens|projektets|verksamhetens|teamets)\s+(?:\w+\s+)?(?:metod|metoder|arbetsmetod\w*|"
    rf"arbetssätt|huvudmetod|grundmetod)\s+(?:är|var|blir|bygger på|utgår från)\s+(?:\w+\s+){{0,2}}?{MASK}"
    rf"|{MASK}\s+(?:\w+\s+){{0,2}}?(?:genomsyrar|genomsyrade|präglar|präglade)\s+(?:hela\s+)?"
    rf"(?:verksamheten|insatsen|arbetet|projektet|samtalen)\b", re.I)
FIELD_VALUE_WORDS = 10  # a longer value is a sentence the other rules read
# "Projektet planerade att använda METODNAMN men valde i stället …": a plan the report says was not carried out.
PLANNED_BUT_RE = re.compile(
    rf"\b(?:planerade|hade planerat|avsåg|hade tänkt)\s+att\s+(?:\w+\s+){{0,3}}?{MASK}[^.;]*?\s(?:men|dock)\s", re.I)


def list_lead_in(body: str, start: int) -> str:
    """Return the line ending with ':' that introduces the list whose item starts at body[start:].

    "Metoder som inte ingår:\\n- AWP\\n- SMAIL" at "- SMAIL" -> "Metoder som inte ingår:"
    An empty string when the sentence is no list item or the list has no lead-in.
    """
    line_start = body.rfind("\n", 0, start) + 1
    if not LIST_ITEM_RE.match(body, line_start):
        return ""
    end = line_start - 1
    for _ in range(LEAD_IN_LINES):
        if end < 0:
            return ""
        begin = body.rfind("\n", 0, end) + 1
        line = body[begin:end].strip()
        if line and not LIST_ITEM_RE.match(line):
            return line if line.endswith(":") and len(line) <= LEAD_IN_MAX else ""
        end = begin - 1
    return ""


def table_row(body: str, start: int, end: int) -> tuple[str, ...]:
    """Return the other cells of the tab- or pipe-separated row whose first cell holds body[start:end], else ().

    "AWP\tNej\tgörs av Arbetsförmedlingen" at "AWP" -> ("Nej", "görs av Arbetsförmedlingen")
    "MI | Ja | i alla samtal" (a table typed in a plain-text file) at "MI" -> ("Ja", "i alla samtal")
    """
    line_start = body.rfind("\n", 0, start) + 1
    line_end = body.find("\n", end)
    line = body[line_start:line_end if line_end >= 0 else len(body)]
    sep = "\t" if "\t" in line else "|"
    if sep not in line or sep in body[line_start:start]:
        return ()
    cells = [c.strip() for c in line.split(sep)]
    return tuple(cells[1:]) if len(cells) <= ROW_MAX_CELLS else ()


def line_before(body: str, start: int) -> str:
    """Return up to REFERENCE_REACH characters of the sentence's line before it."""
    line_start = body.rfind("\n", 0, start) + 1
    return body[max(line_start, start - REFERENCE_REACH):start]


def _lead_in_denies(lead_in: str) -> bool:
    for m in LEAD_IN_NOT_RE.finditer(lead_in):
        # "som inte har arbetat" describes people; "inte X utan Y:" puts the list on the other side
        if not RELATIVE_RE.search(lead_in[:m.start()]) and not re.search(r"\butan\b", lead_in[m.end():], re.I):
            return True
    return False


def _financed_activity(masked: str, lead_in: str) -> bool:
    """Return whether the name is an item of a list of the activities a förbund finances.

    "- METODNAMN" under "Verksamheter finansierade av förbundet:" -> True
    "VERKSAMHETER FINANSIERADE AV FÖRBUNDET Fotfästet METODNAMN Vändpunkten" (a contents run) -> True
    "Insatser som finansieras av förbundet arbetar med METODNAMN." -> False (a statement, not the list)
    """
    if FINANCED_RE.search(lead_in) and BARE_ITEM_RE.match(masked):
        return True
    at = masked.find(MASK)
    heads = list(FINANCED_RE.finditer(masked, 0, at))
    if not heads:
        return False
    between = masked[heads[-1].end():at]
    return (len(between.split()) <= FINANCED_REACH and not re.search(r"[.;:!?]", between)
            and bool(RUN_NEIGHBOURS_RE.search(masked)))


def context_verdict(masked: str, lead_in: str = "", heading: str | None = None,
                    before: str = "", row: tuple[str, ...] = ()) -> tuple[bool | None, str]:
    """Return (used, rule) where the mention's surroundings decide, else (None, "").

    "- METODNAMN" under "Metoder som inte ingår i insatsen:" -> (False, "list_lead_in")
    "Metoder vi har övervägt: METODNAMN och AWP." -> (False, "list_lead_in")
    """
    yes, no = any(YES_CELL_RE.match(c) for c in row), any(NO_CELL_RE.match(c) for c in row)
    if yes != no:
        return yes, "table_yes" if yes else "table_no"
    at = masked.find(MASK)
    inline = masked[:masked.rfind(":", 0, at)] if ":" in masked[:at] else ""
    if _lead_in_denies(lead_in) or (inline and _lead_in_denies(inline)):
        return False, "list_lead_in"
    if PLANNED_BUT_RE.search(masked) or REPLACED_LATER_RE.search(masked):
        return False, "planned_dropped"
    value = masked[len(inline) + 1:]
    if (inline and METHOD_FIELD_RE.match(inline) and len(value.split()) <= FIELD_VALUE_WORDS
            and not NEGATION_RE.search(value) and not UNIT_SUFFIX_RE.search(value) and not BOX_RE.search(value)):
        return True, "method_field"
    own = OUR_METHOD_RE.search(masked)
    if own and not NEGATION_RE.search(own.group()):
        return True, "our_method"
    if _financed_activity(masked, lead_in):
        return True, "financed_activity"
    if heading and REFERENCE_HEADING_RE.match(heading):
        return False, "reference"
    fidelity = FIDELITY_DENIED_RE.search(masked)
    if fidelity and MASK in fidelity.group():
        return True, "fidelity_denied"
    if REFERENCE_ENTRY_RE.search(before + masked[:at]):
        return False, "reference"
    return None, ""
