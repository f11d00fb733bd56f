"""Signers printed after a label or under a line to sign on, with no dotted line between.

"Justeras: Anna Exempel Per Påhittad" (two signers run together on one line), "Vid protokollet: Eva
Exempel", "Utdragsbestyrkande: Per Påhittad"; offices over names in columns ("Ordförande\tJusterare" over
"Anna Exempel\tPer Påhittad"); and names under signature rules ("_____\t_____" over "Anna Exempel\tPer Påhittad").
"""
from __future__ import annotations

import re

from .named_people import PART

# Labels only a signature carries; in minutes the chair and the secretary sign under their office too.
SIGNING_LABELS = (r"justeras|justerat|justerare|justerande|protokollsjusterare|vid protokollet|"
                  r"utdragsbestyrkande|utdraget bestyrkes")
MINUTES_LABELS = r"ordförande|sekreterare|mötesordförande|mötessekreterare"
NAMES_TO_LINE_END = rf"[ \t]*:[ \t]*(?P<names>{PART}(?:[ \t]+{PART}){{1,7}})[ \t]*$"
LABEL_RE = re.compile(rf"(?m)^[ \t]*(?i:{SIGNING_LABELS}){NAMES_TO_LINE_END}")
MINUTES_LABEL_RE = re.compile(rf"(?m)^[ \t]*(?i:{SIGNING_LABELS}|{MINUTES_LABELS}){NAMES_TO_LINE_END}")
OFFICE_CELL_RE = re.compile(rf"^(?i:{SIGNING_LABELS}|{MINUTES_LABELS})$")
RULE_CELL_RE = re.compile(r"^[_.…]{5,}$")  # the line one signs on
NAME_CELL_RE = re.compile(rf"^{PART}(?:[ \t]+{PART}){{1,2}}$")
# A form's clarification of the signature names the signer after a colon or on the next line, alone or
# before a title or the next column: "Namnförtydligande: Anna Exempel", "Namnförtydligande\nPer Påhittad",
# "Namnförtydligande: Anna Exempel\tNamnförtydligande: Per Påhittad"
CLARIFICATION_RE = re.compile(
    rf"(?m)(?:^|\t)[ \t]*(?i:namnförtydligande)[ \t]*(?::[ \t]*|\n[ \t]*)"
    rf"(?P<name>{PART}(?:[ \t]+{PART}){{1,2}})(?=[ \t]*(?:$|\t|,))")

# A signature closing a letter or a report: the place and the date on a line of their own, the name alone under
# them: "Mora den 20 januari 2031\nAnna Exempel\nOrdförande i styrgruppen", "Exempelby 2031-03-14\nPer Påhittad"
MONTHS = r"januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|december"
PLACE_DATE_SIGNER_RE = re.compile(
    rf"(?m)^[ \t]*[A-ZÅÄÖ][\wåäö-]+(?:[ \t]+[A-ZÅÄÖ][\wåäö-]+)?,?[ \t]+(?:den[ \t]+)?"
    rf"(?:\d{{1,2}}[ \t]+(?i:{MONTHS})[ \t]+\d{{4}}|\d{{4}}-\d\d-\d\d|\d{{1,2}}[./]\d{{1,2}}[./]\d{{2,4}})[ \t]*\n"
    rf"(?:[ \t]*\n)?[ \t]*(?P<name>{PART}(?:[ \t]+{PART}){{1,2}})[ \t]*$")


def _split_names(words: list[re.Match]) -> list[list[re.Match]]:
    """Return the people a run of capitalised words names: two or three words are one person, an even
    run of four or more is pairs ("Anna Exempel Per Påhittad"); an odd longer run cannot be told apart."""
    if len(words) <= 3:
        return [words]
    if len(words) % 2:
        return []
    return [words[i:i + 2] for i in range(0, len(words), 2)]


def _labelled(text: str, minutes: bool) -> list[tuple[str, int]]:
    out = []
    for m in (MINUTES_LABEL_RE if minutes else LABEL_RE).finditer(text):
        words = list(re.finditer(PART, m.group("names")))
        for group in _split_names(words):
            start = m.start("names") + group[0].start()
            out.append((text[start:m.start("names") + group[-1].end()], start))
    return out


def _under_columns(text: str) -> list[tuple[str, int]]:
    """Return (name, offset) for each name in the row under a row of offices or of signature rules."""
    out, above, offset = [], None, 0
    for line in text.split("\n"):
        cells = [c.strip() for c in line.split("\t")]
        if not line.strip():
            offset += len(line) + 1
            continue
        if above and all(NAME_CELL_RE.match(c) for c in cells if c) and len([c for c in cells if c]) <= len(above):
            for cell in (c for c in cells if c):
                out.append((cell, offset + line.find(cell)))
        nonempty = [c for c in cells if c]
        rules = all(RULE_CELL_RE.match(c) for c in nonempty)
        offices = len(nonempty) > 1 and all(OFFICE_CELL_RE.match(c) for c in nonempty)
        above = nonempty if nonempty and (rules or offices) else None
        offset += len(line) + 1
    return out


def _clarified(text: str) -> list[tuple[str, int]]:
    found = [(m.group("name"), m.start("name")) for m in CLARIFICATION_RE.finditer(text)]
    return found + [(m.group("name"), m.start("name")) for m in PLACE_DATE_SIGNER_RE.finditer(text)]


def find_labelled_signers(text: str, minutes: bool = False) -> list[tuple[str, int]]:
    """Return (name, offset) for each signer a label or a signature row names.

    "Justeras: Anna Exempel Per Påhittad" -> [("Anna Exempel", 10), ("Per Påhittad", 23)]
    """
    return sorted(_labelled(text, minutes) + _under_columns(text) + _clarified(text), key=lambda p: p[1])
