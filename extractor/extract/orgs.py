"""Owners and partners, normalised to the legal body: "Enköpings Kommun, (AME)" -> "Enköpings kommun".

The bodies are found by the gazetteer (gazetteer.py); this module decides their roles.
"""
from __future__ import annotations

import re

from ..record import Section
from .gazetteer import email_domains, find_kommun_lists, find_org_spans
from .roles import find_list_bodies, find_roles
from .tables import find_tables
from .text import sentences

JOINT_OWNER_RE = re.compile(r"(?:bedrivs|drivs)\s+gemensamt\s+av\s+(?P<list>[^.]+)", re.I)
PARTNER_LIST_RE = re.compile(r"(?:samverkansparter|medverkande parter)\s+är\s+(?P<list>[^.]+)", re.I)
# "bedrivs gemensamt av A och B i samverkan med C": C is a partner, not a joint owner
# ... and so is C in "drivs gemensamt av A och B, med C som samverkanspart"
LIST_CUT_RE = re.compile(r"\s(?:i\s+(?:nära\s+|tät\s+)?(?:samverkan|samarbete)|tillsammans)\s+med\b|"
                         r",?\s+med\s+(?=[^.]{0,100}?\ssom\s+(?:samverkans|samarbets)part)", re.I)
CONTACT_CUT_RE = re.compile(r"kontaktperson|projektledare|resurs/er|e-post|tfn|telefon", re.I)
EMAIL_DOMAIN_RE = re.compile(r"@([\w.-]+\.se)\b")
# A sentence of the partners field that says a body takes no part: "X deltar i styrgruppen men är inte part".
# A partners field that is a bare list names every party, also one the gazetteer does not know:
# "Påhitt, Exempelby kommun, Arbetsförmedlingen, Föreningen Exempel" (three items or more, no sentence).
PLAIN_LIST_RE = re.compile(r"\A[ \t]*[A-ZÅÄÖ][^.\n:;]*(?:,[^.\n:;,]+){2,}\.?[ \t]*$", re.M)
LIST_ITEM_MAX_WORDS = 6
NOT_A_PARTY_RE = re.compile(
    r"\binte\s+(?:en\s+)?(?:samverkans)?part(?:er)?\b|\b(?:deltar|ingår|medverkar)\s+inte\b|\badjungerad\b|"
    r"\b(?:har\s+)?avböjt\b", re.I)
# A förbund the partners field names as the one who pays is the financier, no party: "Insatsen finansieras av
# Samordningsförbundet Exempel", "Samordningsförbundet Exempel beviljar medel"
# ... or a table's row calls it so: "Samordningsförbundet Exempel\tFinansiär"
FINANCIER_RE = re.compile(r"\bfinansi(?:er|är)\w*|\bbevilja\w*|\bmedel\s+från\b", re.I)


OWNER_HEAD_RE = re.compile(r"^(?:insats|projekt)?ägare$|^huvudman$|^ansvarig\s+(?:part|organisation)$", re.I)


def find_org_mentions(text: str) -> list[tuple[int, int, str]]:
    """Return (start, end, legal body) for each body named in `text`, in order of appearance."""
    spans = find_org_spans(text)
    taken = [(s, e) for s, e, _ in spans]
    spans += [m for m in find_kommun_lists(text) if not any(s <= m[0] < e for s, e in taken)]
    return sorted(spans)


def find_org_names(text: str) -> list[str]:
    """Return the legal bodies named in `text`, normalised, in order, each once."""
    return list(dict.fromkeys(name for _, _, name in find_org_mentions(text)))


def _org_part(text: str) -> str:
    """Return the organisation part of a form field, before contact details."""
    m = CONTACT_CUT_RE.search(text)
    return text[: m.start()] if m else text


def _email_domains(text: str) -> list[tuple[int, int, str]]:
    """Return (start, end, domain) of e-mail domains, also where print split them with spaces."""
    found = [(m.start(1), m.end(1), m.group(1).lower()) for m in EMAIL_DOMAIN_RE.finditer(text)]
    kept = [i for i, ch in enumerate(text) if ch != " "]
    joined = "".join(text[i] for i in kept)
    for m in EMAIL_DOMAIN_RE.finditer(joined):
        start = kept[m.start(1)]
        # "…@regionupp sala.se": split by a space; an address read whole above is not read again
        if not any(s <= start < e for s, e, _ in found):
            found.append((start, kept[m.end(1) - 1] + 1, m.group(1).lower()))
    return sorted(found)


def _partner_mentions(text: str) -> list[tuple[int, int, str]]:
    """Return the bodies a partners field names: every item of a bare list, else the known bodies."""
    m = PLAIN_LIST_RE.match(text)
    items = m.group().split(",") if m else []
    if m and all(len(item.split()) <= LIST_ITEM_MAX_WORDS for item in items):
        return find_list_bodies(m.group()) + [f for f in find_org_mentions(text) if f[0] >= m.end()]
    return find_org_mentions(text)


def _paying(text: str, pos: int, paying: list[tuple[int, int]]) -> bool:
    """Whether the body at `pos` is named as the one who pays: in its table row, else in its sentence."""
    row_start, row_end = text.rfind("\n", 0, pos) + 1, text.find("\n", pos)
    row = text[row_start:row_end if row_end >= 0 else len(text)]
    if "\t" in row:
        return bool(FINANCIER_RE.search(row))
    return any(s <= pos < e for s, e in paying)


def find_organizations(sections: list[Section], text: str) -> list[dict]:
    """Return [{"name", "role", "start", "end"}] from the owner/partner sections and sentences
    such as "bedrivs gemensamt av …"; start/end are offsets in `text` of the first mention.
    """
    out: list[dict] = []
    domains = email_domains()

    def add(name: str, role: str, start: int, end: int) -> None:
        if not any(o["name"] == name and o["role"] == role for o in out):
            out.append({"name": name, "role": role, "start": start, "end": end})

    for section in sections:
        base = section.char_start
        if section.key == "owner":
            for start, end, name in find_org_mentions(_org_part(section.text))[:1]:
                add(name, "owner", base + start, base + end)
        elif section.key == "partners":
            # A sentence that names the parties ("Medverkande parter är …") says it best.
            stated = PARTNER_LIST_RE.search(section.text) or JOINT_OWNER_RE.search(section.text)
            denied = [(o, o + len(t)) for o, t in sentences(section.text) if NOT_A_PARTY_RE.search(t)]
            paying = [(o, o + len(t)) for o, t in sentences(section.text) if FINANCIER_RE.search(t)]
            for start, end, name in [] if stated else _partner_mentions(section.text):
                financier = name.startswith("Samordningsförbundet") and _paying(section.text, start, paying)
                if not financier and not any(s <= start < e for s, e in denied):
                    add(name, "partner", base + start, base + end)
            for start, end, domain in _email_domains(section.text):
                # a partner's contact, unless the address is the owner's own
                if domain in domains and not any(o["name"] == domains[domain] for o in out):
                    add(domains[domain], "partner", base + start, base + end)
    # a follow-up's table of insatser names each one's owner in a column of its own: "Insats | Ägare | Beviljat"
    for table in find_tables(text):
        heads = [c.text for c in table.header or []]
        column = next((i for i, h in enumerate(heads) if OWNER_HEAD_RE.match(h.strip())), None)
        for row in table.rows if column is not None else []:
            for start, end, name in find_org_mentions(row[column].text)[:1] if column < len(row) else []:
                add(name, "owner", row[column].start + start, row[column].start + end)
    for pattern, role in ((JOINT_OWNER_RE, "owner"), (PARTNER_LIST_RE, "partner")):
        for m in pattern.finditer(text):
            # one sentence: a line break inside it is a wrapped line ("Landstinget\nBlekinge")
            names = LIST_CUT_RE.split(m.group("list"), 1)[0].replace("\n", " ")
            for start, end, name in find_org_mentions(names):
                add(name, role, m.start("list") + start, m.start("list") + end)
    # Prose fills what the form did not state: a role no form field or sentence above gave.
    stated = {o["role"] for o in out}
    for r in find_roles(text):
        if r.role not in stated:
            add(r.name, r.role, r.start, r.end)
    # the owner listed among the partners by its short name ("Påhitt Service AB" / "Påhitt") is the owner
    owners = [o["name"] for o in out if o["role"] == "owner"]
    return [o for o in out if o["role"] == "owner" or not any(w.startswith(o["name"] + " ") for w in owners)]
