"""Owners and partners, normalised to the legal body: "Enköpings Kommun, (AME)" -> "Enköpings kommun"."""
from __future__ import annotations

import re

from ..record import Section

NAME = r"[A-ZÅÄÖ][a-zåäöé]+(?:-[A-ZÅÄÖ][a-zåäöé]+)?"
# Gazetteer patterns as data: (regex, how to print the legal body). Agencies are named without
# their local office ("Arbetsförmedlingen Uppsala" -> "Arbetsförmedlingen").
ORG_PATTERNS: list[tuple[str, str]] = [
    (rf"\b(?P<n>{NAME})\s+[Kk]ommun\b", "{n} kommun"),
    (rf"\bRegion\s+(?P<n>{NAME}(?:\s+(?!län\b){NAME})?(?:\s+län)?)", "Region {n}"),
    (rf"\b(?P<n>{NAME}s)\s+läns\s+landsting\b", "{n} läns landsting"),
    (rf"\bLandstinget\s+(?P<n>{NAME})", "Landstinget {n}"),
    (r"\bVästra Götalandsregionen\b", "Västra Götalandsregionen"),
    (r"\bArbetsförmedlingen\b", "Arbetsförmedlingen"),
    (r"\bFörsäkringskassan\b", "Försäkringskassan"),
    (rf"\bSamordningsförbundet\s+(?P<n>{NAME}(?:\s+{NAME})?)", "Samordningsförbundet {n}"),
]
COMPILED = [(re.compile(p), fmt) for p, fmt in ORG_PATTERNS]
# The body behind an e-mail domain, where a form leaves "Organisation:" blank.
EMAIL_DOMAINS = {"arbetsformedlingen.se": "Arbetsförmedlingen", "forsakringskassan.se": "Försäkringskassan"}
JOINT_OWNER_RE = re.compile(r"(?:bedrivs|drivs)\s+gemensamt\s+av\s+(?P<list>[^.]+)", re.I)
PARTNER_LIST_RE = re.compile(r"(?:samverkansparter|medverkande parter)\s+är\s+(?P<list>[^.]+)", re.I)
CONTACT_CUT_RE = re.compile(r"kontaktperson|projektledare|resurs/er|e-post|tfn|telefon", re.I)


def find_org_names(text: str) -> list[str]:
    """Return the legal bodies named in `text`, normalised, in order, each once."""
    found: list[tuple[int, str]] = []
    for pattern, fmt in COMPILED:
        for m in pattern.finditer(text):
            if any(pos == m.start() for pos, _ in found):
                continue
            found.append((m.start(), fmt.format(**{k: v for k, v in m.groupdict().items()})))
    names: list[str] = []
    for _, name in sorted(found):
        if name not in names:
            names.append(name)
    return names


def _org_part(text: str) -> str:
    """Return the organisation part of a form field, before contact details."""
    m = CONTACT_CUT_RE.search(text)
    return text[: m.start()] if m else text


def find_organizations(sections: list[Section], text: str) -> list[dict]:
    """Return [{"name", "role"}] from the owner/partner sections and "bedrivs gemensamt av …"."""
    out: list[dict] = []

    def add(name: str, role: str) -> None:
        if {"name": name, "role": role} not in out:
            out.append({"name": name, "role": role})

    for section in sections:
        if section.key == "owner":
            names = find_org_names(_org_part(section.text))
            for name in names[:1]:
                add(name, "owner")
        elif section.key == "partners":
            # A sentence that names the parties ("Medverkande parter är …") says it best.
            stated = PARTNER_LIST_RE.search(section.text) or JOINT_OWNER_RE.search(section.text)
            names = [] if stated else find_org_names(section.text)
            for name in names:
                add(name, "partner")
            for domain in re.findall(r"@([\w.-]+\.se)\b", section.text.replace(" ", "").lower()):
                if domain in EMAIL_DOMAINS:
                    add(EMAIL_DOMAINS[domain], "partner")
    for m in JOINT_OWNER_RE.finditer(text):
        for name in find_org_names(m.group("list")):
            add(name, "owner")
    for m in PARTNER_LIST_RE.finditer(text):
        for name in find_org_names(m.group("list")):
            add(name, "partner")
    return out
