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


def unglue_labels(text: str) -> str:
    """Return `text` with a tab between each line-opening label and the value glued to it."""
    return GLUED_RE.sub(lambda m: (m.group("label") or m.group("email")) + "\t", text)
