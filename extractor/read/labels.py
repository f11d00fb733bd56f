"""Form labels run into their values, as a web page's table comes out when its cells lose their
separators: "ProjektägareExempelby kommun", "Projektperiod2012-01-01 till …",
"E-postanna.exempel@exempel.se". A tab goes between the label and its value, so every later
stage reads a label and a value, as it does in a Word table row.
"""
from __future__ import annotations

import re

# Labels that open a line of a form or a project database's page.
LABELS = (
    "Projektägare", "Projektperiod", "Projektnamn", "Projekttid", "Projektledare", "Kontaktperson",
    "Total projektbudget", "Projektbudget", "Beviljat belopp", "Beviljat stöd", "Sökt belopp", "Diarienummer",
    "Organisationsnummer", "Organisation", "Insatsägare", "Huvudman", "Målgrupp", "Startdatum", "Slutdatum",
    "Telefon", "Mobil", "Kommun", "Län", "Region", "Namn",
)
# A label straight before a capital or a figure; "E-post" also before the address's lower case.
GLUED_RE = re.compile(
    rf"(?m)^(?P<label>(?:{'|'.join(map(re.escape, sorted(LABELS, key=len, reverse=True)))}))(?=[A-ZÅÄÖ0-9])"
    r"|^(?P<email>E-post|E-mail|Epost)(?=[\w.+-]+@)")


# A writer's manual line break inside a paragraph (Shift+Enter in Word, RTF's \line, ODF's line-break): readers
# mark it with MANUAL_BREAK; it ends the line where a form's label follows ("Sökt belopp: 400 000 kr" /
# "Egen finansiering: 60 000 kr"), elsewhere it is a blank inside the paragraph's running text.
MANUAL_BREAK = "\u2028"
BREAK_BEFORE_LABEL_RE = re.compile(MANUAL_BREAK + r"(?=[ \t]*[A-ZÅÄÖ][\wåäö-]*(?:[ \t]+[\wåäö-]+){0,3}[ \t]*:[ \t]*\S)")


def manual_breaks(text: str) -> str:
    """Return `text` with each manual break a line break before a label, else a blank (same length).

    "Sökt belopp: 1 kr\u2028Egen insats: 2 kr" -> "Sökt belopp: 1 kr\nEgen insats: 2 kr"
    """
    return BREAK_BEFORE_LABEL_RE.sub("\n", text).replace(MANUAL_BREAK, " ")


def unglue_labels(text: str) -> str:
    """Return `text` with a tab between each line-opening label and the value glued to it."""
    return GLUED_RE.sub(lambda m: (m.group("label") or m.group("email")) + "\t", text)


# A Word form may print a row of labels over a row of their values ("Insatsägare | Kontaktperson" over
# "Exempelby kommun | Anna Exempel"): each label is paired with the value below it.
ROW_LABELS = (
    "Insatsens namn", "Projektets namn", "Namn på insatsen", "Projektnamn", "Insatsägare", "Projektägare",
    "Huvudman", "Sökande organisation", "Samverkansparter", "Medverkande parter", "Kontaktperson", "Projektledare",
    "Startdatum", "Slutdatum", "Sista intag", "Projektperiod", "Insatsperiod", "Projekttid", "Målgrupp",
    "Antal deltagare", "Sökt belopp", "Egen insats", "Egenfinansiering", "Total budget", "Totalkostnad",
    "Diarienummer", "E-post", "Telefon",
)
ROW_LABEL_RE = re.compile(rf"^(?:{'|'.join(map(re.escape, sorted(ROW_LABELS, key=len, reverse=True)))})"
                          r"(?:\s*\((?:kr|sek|tkr)\))?\s*:?$", re.I)


def is_label_row(cells: list[str]) -> bool:
    """Whether every filled cell of a table row is a form label.  ["Startdatum", "Slutdatum"] -> True"""
    filled = [c.strip() for c in cells if c.strip()]
    return bool(filled) and all(ROW_LABEL_RE.match(c) for c in filled)


def pair_label_rows(rows: list[list[str]]) -> list[list[str]]:
    """Return a table's rows with each row of labels and the row of values below it as label-value rows.

    [["Startdatum", "Slutdatum"], ["2026-01-01", "2027-12-31"]] -> [["Startdatum", "2026-01-01"], ["Slutdatum", "2027-12-31"]]
    """
    out, i = [], 0
    while i < len(rows):
        below = rows[i + 1] if i + 1 < len(rows) else None
        if below is not None and is_label_row(rows[i]) and not is_label_row(below) and len(below) == len(rows[i]):
            out += [[label, value] for label, value in zip(rows[i], below) if label.strip()]
            i += 2
        else:
            out.append(rows[i])
            i += 1
    return out


def pair_label_lines(text: str) -> str:
    """Return `text` with each line of tab-separated labels and the line of values below it as
    label-value lines, as pair_label_rows does for a Word table's rows (a web page's or an export's table).

    "Startdatum\\tSlutdatum\\n2026-01-01\\t2027-12-31" -> "Startdatum\\t2026-01-01\\nSlutdatum\\t2027-12-31"
    """
    if "\t" not in text:
        return text
    lines = text.split("\n")
    out: list[str] = []
    i = 0
    while i < len(lines):
        cells = lines[i].split("\t")
        if len(cells) >= 2 and i + 1 < len(lines) and is_label_row(cells):
            below = lines[i + 1].split("\t")
            paired = pair_label_rows([cells, below])
            if len(paired) != 2 or paired != [cells, below]:
                out += ["\t".join(row) for row in paired]
                i += 2
                continue
        out.append(lines[i])
        i += 1
    return "\n".join(out)
