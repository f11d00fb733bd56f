"""Contacts: people named with a role, from form fields, signature blocks and e-signing logs."""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Callable

from ..record import Section
from .gazetteer import email_domains
from .named_people import LOWER, PART, TITLE_WORD_RE, find_named_people
from .signature_labels import find_labelled_signers

TLDS = ("se", "com", "nu", "org", "net", "eu")
# "sofie.backstrom@forsakrings kassan.se", "lotta.nyqvist@var\nberg.se" and "…@arbetsformedlingen.\nse":
# print split the domain.
EMAIL_RE = re.compile(
    r"(?P<local>[A-Za-z0-9][\w.+-]*)\s?(?:@|\(&|\(at\)|\[at\])\s?(?P<d1>[\w-]+(?:\.[\w-]+)*)(?:(?P<dot>\.?)[ \n](?P<d2>[\w-]+(?:\.[\w-]+)*))?")
EMAIL_ANCHOR_RE = re.compile(r"@|\(&|\(at\)|\[at\]")  # "anna.exempel[at]exempelby.se" too
MAX_LOCAL_CHARS, MAX_DOMAIN_CHARS = 64, 128  # an address's local part is at most 64 characters
PHONE_AFTER_CHARS, PHONE_BEFORE_CHARS = 40, 60
# "070-123 45 67", and with the country code: "+46 70 123 45 67", "+46 (0)70-123 45 67", "0046 70 …"
# ... and a mobile number with a space for the dash: "070 123 45 67"
# ... or with the number in one block: "070-1234567", "08-1234567"
PHONE_RE = re.compile(r"(?<![\d-])((?:0\d{1,3}\s?-\s?|07\d |(?:\+|00)46 ?(?:\(0\) ?)?[1-9]\d{0,3}(?: ?- ?| ))\d{2,3}(?:\s\d{2,3}){1,3}|"
                      r"0\d{1,3}-\d{5,8})(?![\d])")
# An office's switchboard or fax is nobody's own number: "Växel: 0581-810 00"
SWITCHBOARD_RE = re.compile(r"(?i:växel|vxl|fax|telefax|reception)\b[^\n\d]{0,20}$")
# An e-mail export's header lines: the writer, the readers
MAIL_FROM_RE = re.compile(r"[ \t>]*(?:från|from)[ \t]*:", re.I)
MAIL_TO_RE = re.compile(r"[ \t>]*(?:till|to|kopia|cc)[ \t]*:", re.I)
MAIL_HEADER_LINE_RE = re.compile(r"(?im)^[ \t>]*(?:från|from)[ \t]*:")
MAIL_SIGN_OFF = r"(?:(?:med[ \t]+)?vänlig(?:a)?[ \t]+hälsning(?:ar)?|hälsningar|mvh|hälsning)[ \t,]*"
SIGNATURE_LINES = 3  # a writer's signature: the name, a title or two, the number
NAME_PART = PART
# Capitalised words in a row ("Kontaktuppgifter Samordnare Birgitta Håkansson"); a name is inside.
CAPITALISED_RUN_RE = re.compile(rf"\b{NAME_PART}(?: {NAME_PART})+\b")
# Words that start with a capital in forms but are no one's name.
NOT_NAMES = {"kontaktperson", "organisation", "insatsägare", "samverkanspart", "resurs", "projektledare",
             "e-post", "underskrift", "namnförtydligande", "datum", "ort", "signerade", "signed", "sent",
             "region", "arbetsförmedlingen", "försäkringskassan", "kommun", "samordningsförbundet",
             "rapportansvarig", "initierat", "dokument", "transaktion", "the", "document",
             # an e-mail's greeting and sign-off: "Hej Elin, påminner …", "Hälsningar Anna Exempel"
             "hej", "hejsan", "hälsningar", "hälsning", "mvh", "tack"}
SIGNING_KEYS = {"signatures", "signing_log"}
# An office's shared mailbox is nobody's address: "info@…", "registrator@…"
SHARED_MAILBOXES = {"info", "kansli", "kansliet", "registrator", "registratur", "post", "kontakt", "admin",
                    "noreply", "no-reply", "webmaster", "support", "diarium", "reception", "kundtjanst"}
# ... and so is an office's or a unit's ("individochomsorgsforvaltningen@…", "socialkontoret@…")
UNIT_MAILBOX_RE = re.compile(r"forvaltning|kontor|enhet|namnd|forbund|kansli|mottagning|radgivning|service|funktion")
# A distribution list names recipients, not contacts: "Sändlista: a@x.se b@y.se …"
DISTRIBUTION_RE = re.compile(r"\b(?:sändlista|distributionslista|kopia\s+till|cc)\s*:", re.I)
ONLY_ADDRESSES_RE = re.compile(r"^(?:\s*[\w.+-]+@[\w.-]+)*\s*$")
NAME_WINDOW = 160
COLUMN_GAP_RE = re.compile(r"\t+| {3,}")  # a table's columns, or a layout's kept by spaces
COLUMN_LINES = 2  # a signer's title and body under the name
TITLE_LINE_WORDS = 8
ORG_NEAR_CHARS = 80
# A förbund's own staff are titled by it: "Förbundschef", "Förbundssekr.", "förbundets samordnare"
STAFF_TITLE_CHARS = 40
STAFF_TITLE = r"(?i:förbundschef|förbundsdirektör|förbundssekr(?:eterare)?\.?|förbundets[ \t]+[a-zåäö]+)"
STAFF_TITLE_BEFORE_RE = re.compile(rf"\b{STAFF_TITLE}[ \t:]*$")
STAFF_TITLE_AFTER_RE = re.compile(rf"[ \t]*,[ \t]*{STAFF_TITLE}\b")
FORBUND_NAME_RE = re.compile(r"^Samordningsförbundet\b|samordningsförbund$", re.I)  # a signer's title line, perhaps with the body: "Kommundirektör, Exempelby kommun"
# A signatory without an e-mail: "Eva Törnqvist, områdeschef, Region Halland" or "… av Tobias Lönnqvist, sektionschef".
# Also after the place and date a signature line opens with, or in a table's cell:
# "Ort och datum: Luleå 24.03.2025 Anna Exempel, socialchef", "Exempelby kommun\t25-03-14\tAnna Exempel, …"
SIGNER_LINE_RE = re.compile(
    rf"(?:^|\t|\d[ \t]+|\bav\s+|namnförtydligande:?\s*)({NAME_PART}(?:[ \t]+{NAME_PART}){{1,2}}),\s+[{LOWER}]",
    re.M | re.I)


# A signature table's column of names: "Roll | Organisation | Namn | Datum"
NAME_COLUMN_RE = re.compile(r"^(?:namn|namnförtydligande|underskrift och namnförtydligande|name)$", re.I)
WHOLE_NAME_RE = re.compile(rf"^{NAME_PART}(?:[ \t]+{NAME_PART}){{1,2}}$")


def _signers_in_table(text: str) -> list[tuple[int, str]]:
    """Return (offset, name) for each name under a "Namn" column of a signature table."""
    out, column, offset = [], None, 0
    for line in text.split("\n"):
        cells = line.split("\t")
        heads = [i for i, cell in enumerate(cells) if NAME_COLUMN_RE.match(cell.strip())]
        if len(cells) > 1 and heads:
            column = heads[0]
        elif column is not None and len(cells) > column:
            cell = cells[column].strip()
            if WHOLE_NAME_RE.match(cell):
                out.append((offset + line.find(cell), cell))
        elif len(cells) == 1:
            column = None
        offset += len(line) + 1
    return out


# A table of contacts: a column of people beside their details, "Namn | Roll | Organisation | E-post | Telefon",
# "Organisation | Kontaktperson | Telefon"; a column of dates or signatures makes it a table to sign.
PERSON_COLUMN_RE = re.compile(r"^(?:namn|kontaktperson|kontaktpersoner|kontakt)$", re.I)
DETAIL_COLUMN_RE = re.compile(r"^(?:roll|befattning|titel|funktion|organisation|part|myndighet|e-post|epost|e-mail|"
                              r"mejl|telefon|tel|tfn|mobil)\.?$", re.I)
SIGNING_COLUMN_RE = re.compile(r"datum|underskrift|signatur|namnförtydligande", re.I)


def _contacts_in_table(text: str) -> list[tuple[int, str, str | None]]:
    """Return (offset, name, phone) for each name under the person column of a table of contacts."""
    out, column, offset = [], None, 0
    for line in text.split("\n"):
        cells = line.split("\t")
        heads = [i for i, cell in enumerate(cells) if PERSON_COLUMN_RE.match(cell.strip())]
        if len(cells) > 1 and heads and any(DETAIL_COLUMN_RE.match(c.strip()) for c in cells) \
                and not any(SIGNING_COLUMN_RE.search(c) for c in cells):
            column = heads[0]
        elif column is not None and len(cells) > column:
            cell = cells[column].strip()
            titled = cell.split(" ", 1)
            if len(titled) == 2 and TITLE_WORD_RE.match(titled[0]) and WHOLE_NAME_RE.match(titled[1]):
                cell = titled[1]  # "Enhetschef Anna Exempel"
            # a row with an address is read with the address
            if WHOLE_NAME_RE.match(cell) and not any("@" in c for c in cells):
                phone = next((m.group(1) for c in cells if (m := PHONE_RE.fullmatch(c.strip()))), None)
                out.append((offset + line.find(cell), cell, phone))
        elif len(cells) == 1:
            column = None
        offset += len(line) + 1
    return out


@dataclass
class Person:
    name: str | None
    email: str | None
    phone: str | None
    role: str
    start: int
    end: int


def _fold(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()


def _email_matches(text: str):
    """Yield EMAIL_RE's matches, each read in a window around its "@": a long run of word
    characters without one ("a-a-a-…") costs its length once, not once per character."""
    last_end = 0
    for anchor in EMAIL_ANCHOR_RE.finditer(text):
        pos = anchor.start()
        if pos < last_end:
            continue
        m = EMAIL_RE.search(text, max(last_end, pos - MAX_LOCAL_CHARS), min(len(text), pos + MAX_DOMAIN_CHARS))
        while m and m.end() <= pos:
            m = EMAIL_RE.search(text, m.end(), min(len(text), pos + MAX_DOMAIN_CHARS))
        if m and m.start() <= pos:
            last_end = m.end()
            yield m


def find_emails(text: str) -> list[tuple[str, int, int]]:
    """Return (e-mail, start, end), lower-cased and repaired where print split the domain."""
    out = []
    for m in _email_matches(text):
        domain = m.group("d1")
        end = m.end("d1")
        if m.group("d2") and not domain.lower().endswith(TLDS) and m.group("d2").lower().endswith(TLDS):
            domain += m.group("dot") + m.group("d2")  # "…@arbetsformedlingen.\nse" keeps its dot
            end = m.end("d2")
        if not domain.lower().endswith(TLDS) or "." not in domain:
            continue
        out.append((f"{m.group('local')}@{domain}".lower().strip("."), m.start(), end))
    return out


def _name_before(text: str, pos: int, email: str) -> str | None:
    """Return the nearest name before `pos` (within a few lines) that the e-mail address spells.

    "Kontaktperson: Märta Ekström, utvecklingsledare, marta.ekstrom@…" -> "Märta Ekström"
    """
    local = _fold(email.split("@")[0]).replace("-", "")
    best = None
    for run in CAPITALISED_RUN_RE.finditer(text[max(0, pos - NAME_WINDOW):pos]):
        words = run.group().split(" ")
        for size in (3, 2):
            for i in range(len(words) - size + 1):
                parts = words[i:i + size]
                if all(_fold(p).replace("-", "") in local for p in (parts[0], parts[-1])):
                    best = " ".join(parts)
                    break
            else:
                continue
            break
    return best


def _in_distribution_list(text: str, start: int) -> bool:
    """Return whether the address at `start` stands in a run of addresses after "Sändlista:"."""
    label = None
    for label in DISTRIBUTION_RE.finditer(text, max(0, start - 600), start):
        pass
    return label is not None and bool(ONLY_ADDRESSES_RE.match(text[label.end():start]))


def _plausible(name: str) -> bool:
    return not any(part.lower() in NOT_NAMES for part in name.split())


def _name_from_email(email: str) -> str:
    local = email.split("@")[0]
    return " ".join(p.capitalize() for p in re.split(r"[._]", local) if p)


def _switchboard(text: str, pos: int) -> bool:
    """Return whether the number at `pos` is labelled an office's switchboard or fax: "Växel: 0581-810 00"."""
    return bool(SWITCHBOARD_RE.search(text[text.rfind("\n", 0, pos) + 1:pos]))


def _own_phone(text: str, start: int, end: int) -> re.Match | None:
    """Return the first number that begins in text[start:end] and is no switchboard's."""
    for m in PHONE_RE.finditer(text, start, min(len(text), end + 20)):  # a number may run past the window
        if m.start() >= end:
            break
        if not _switchboard(text, m.start()):
            return m
    return None


def _mail_header(text: str, pos: int) -> str | None:
    """Return "from" or "to" where the address at `pos` stands on an e-mail's header line, else None."""
    line = text.rfind("\n", 0, pos) + 1
    if MAIL_FROM_RE.match(text, line):
        return "from"
    return "to" if MAIL_TO_RE.match(text, line) else None


def _signature_phone(text: str, name: str, after: int) -> re.Match | None:
    """Return the number under the writer's name where the mail signs off: "Mvh Per Påhittad\nSamordnare\n070-…"."""
    line = re.compile(rf"(?im)^[ \t]*(?:{MAIL_SIGN_OFF})?{re.escape(name)}[ \t,]*$")
    m = line.search(text, after)
    next_header = MAIL_HEADER_LINE_RE.search(text, after)
    if not m or (next_header and next_header.start() < m.start()):
        return None
    block = text[m.end():].split("\n", SIGNATURE_LINES + 1)[:SIGNATURE_LINES + 1]
    return _own_phone(text, m.end(), m.end() + len("\n".join(block)))


def _section_at(sections: list[Section], pos: int) -> str | None:
    for s in sections:
        if s.char_start <= pos <= s.char_end:
            return s.key
    return None


def find_contacts(text: str, sections: list[Section],
                  persons: Callable[[str], list[tuple[int, int, str]]] | None = None,
                  minutes: bool = False) -> list[Person]:
    """Return one Person per distinct e-mail (per name where there is none), in document order.

    `persons` (the NER) confirms signatories that have no e-mail: "Eva Törnqvist, områdeschef".
    """
    people: list[Person] = []
    seen: set[str] = set()
    last_end = 0
    emails = find_emails(text)
    # a mail's writer, also where the thread quotes an earlier message they received
    senders: dict[str, int] = {}
    for email, start, end in emails:
        if _mail_header(text, start) == "from":
            senders.setdefault(email, end)
    for email, start, end in emails:
        if _in_distribution_list(text, start):
            continue
        local = email.split("@")[0]
        if email in seen or local in SHARED_MAILBOXES or (UNIT_MAILBOX_RE.search(local) and not re.search(r"[._-]", local)):
            continue
        seen.add(email)
        spelt = _name_before(text, start, email)
        name = spelt or _name_from_email(email)
        header = _mail_header(text, start)
        if header:  # "Från: Anna Exempel <anna@…>": the number is in the writer's signature further down
            phone = _signature_phone(text, name, senders.get(email, end))  # signed under their own header
            role = "sender" if email in senders else "other"
        else:
            phone = _own_phone(text, end, end + PHONE_AFTER_CHARS)
            if not phone:  # "Tel: …" on the line above "E-post: …", not reaching back past another address
                # ... nor past the person's own name: a number above the name is someone else's
                named_at = text.rfind(spelt, 0, start) if spelt else -1
                before = [m for m in PHONE_RE.finditer(text, max(last_end, start - PHONE_BEFORE_CHARS, named_at), start)
                          if not _switchboard(text, m.start())]
                phone = before[-1] if before else None
            role = "signatory" if _section_at(sections, start) in SIGNING_KEYS else "contact"
        last_end = end
        people.append(Person(name, email, phone.group(1) if phone else None, role, start, end))
    names = {_fold(p.name or "") for p in people}
    for section in (s for s in sections if s.key == "signatures"):
        signer_lines = list(SIGNER_LINE_RE.finditer(section.text))
        # the NER only where it decides: a signer not yet known by an address
        decides = any(_plausible(m.group(1)) and _fold(m.group(1)) not in names for m in signer_lines)
        found = persons(section.text) if persons and decides else None
        for m in signer_lines:
            name = m.group(1)
            if found is not None and not any(s < m.end(1) and m.start(1) < e for s, e, _ in found):
                continue
            if _plausible(name) and _fold(name) not in names:
                names.add(_fold(name))
                start = section.char_start + m.start(1)
                people.append(Person(name, None, None, "signatory", start, start + len(name)))
        for pos, name in _signers_in_table(section.text):
            if _plausible(name) and _fold(name) not in names:
                names.add(_fold(name))
                start = section.char_start + pos
                people.append(Person(name, None, None, "signatory", start, start + len(name)))
    for pos, name, phone in _contacts_in_table(text):  # a table's contacts without an address
        if _plausible(name) and _fold(name) not in names:
            names.add(_fold(name))
            people.append(Person(name, None, phone, "contact", pos, pos + len(name)))
    # "Justeras: Anna Exempel Per Påhittad", names under a row of offices or of lines to sign on
    for name, start in find_labelled_signers(text, minutes):
        if _plausible(name) and _fold(name) not in names:
            names.add(_fold(name))
            people.append(Person(name, None, None, "signatory", start, start + len(name)))
    # Prose fills in people named with a role and no address ("Per Påhittad var projektledare").
    for name, role, start, end in find_named_people(text, minutes=minutes):
        if _plausible(name) and _fold(name) not in names:
            names.add(_fold(name))
            phone = _own_phone(text, end, end + PHONE_AFTER_CHARS)
            people.append(Person(name, None, phone.group(1) if phone else None, role, start, end))
    return people


def organization_of(person: Person, organizations: list[str], text: str) -> str | None:
    """Return the organisation a person belongs to: by e-mail domain, else named on their line."""
    if person.email:
        stem = _fold(person.email.split("@")[1].rsplit(".", 1)[0]).replace("-", "")
        for org in organizations:
            folded = _fold(org).replace(" ", "")
            if stem and (stem in folded or folded.startswith(stem)):
                return org
    line_end = text.find("\n", person.end)
    # the line, or around the name where print ran a page into one line
    line = text[max(text.rfind("\n", 0, person.start) + 1, person.start - ORG_NEAR_CHARS):
                min(line_end if line_end >= 0 else len(text), person.end + ORG_NEAR_CHARS)]
    cells = [c.strip() for c in COLUMN_GAP_RE.split(line.strip())]
    mine = next((i for i, c in enumerate(cells) if person.name in c), None)
    others = [c.split(":")[-1].strip() for i, c in enumerate(cells) if i != mine]
    if mine is not None and any(WHOLE_NAME_RE.search(c) and _plausible(c) and c not in organizations for c in others):
        # signers side by side: the body is in the name's column, on its line or under it:
        # "Anna Exempel\t\tPer Påhittad\nFörvaltningschef\t\tDivisionschef, Region Exempel"
        below = text[line_end + 1:].split("\n", COLUMN_LINES)[:COLUMN_LINES] if line_end >= 0 else []
        line = "\n".join([cells[mine]] + [row[mine] for row in (COLUMN_GAP_RE.split(b.strip()) for b in below)
                                            if len(row) == len(cells)])
    # ... or on the title line under a name that stands alone: "Maria Exempel\nKommundirektör, Exempelby kommun"
    elif line_end >= 0 and line.strip() == person.name:
        below = text[line_end + 1:].split("\n", 1)[0]
        line += "\n" + below if len(below.split()) <= TITLE_LINE_WORDS else ""
    for org in organizations:
        if org.split()[0] in line:
            return org
    return _forbund_of_staff(person, organizations, text) or _body_of_domain(person.email)


def _body_of_domain(email: str | None) -> str | None:
    """Return the body an address's domain names where the document names none for the person.

    "anna.exempel@kalmar.se" -> "Kalmar kommun"
    """
    return email_domains().get(email.split("@")[1]) if email else None


def _forbund_of_staff(person: Person, organizations: list[str], text: str) -> str | None:
    """Return the förbund a person works for by their title ("Förbundschef Anna Exempel", "Per Påhittad,
    förbundssekreterare") where the document names one förbund only."""
    before = text[max(0, person.start - STAFF_TITLE_CHARS):person.start]
    after = text[person.end:person.end + STAFF_TITLE_CHARS]
    if not (STAFF_TITLE_BEFORE_RE.search(before) or STAFF_TITLE_AFTER_RE.match(after)):
        return None
    forbund = [o for o in organizations if FORBUND_NAME_RE.search(o)]
    return forbund[0] if len(forbund) == 1 else None
