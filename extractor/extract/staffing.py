"""Staff resources and their full-time shares: "100%", "halvtid", "2,5 tjänster", "2 x 100 %"."""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..record import Section
from .text import lines, sentences

ROLE_PATTERN = (
    r"[\wåäöÅÄÖ/-]*(?:coach(?:er(?:na)?)?|konsulent(?:er(?:na)?)?|handläggare|samordnare|ledare|"
    r"terapeut(?:er(?:na)?)?|socionom(?:er)?|förmedlare|ansvarig|specialist(?:er)?|sekreterare|"
    r"psykolog(?:er)?|sjuksköterska|vägledare|handledare|kurator(?:er)?|koordinator(?:er)?|"
    r"utredare|medarbetare|pedagog(?:er)?|strateg(?:er)?)"
)
ROLE_RE = re.compile(rf"(?<![\wåäö]){ROLE_PATTERN}(?![\wåäö])", re.I)
# Each FTE form, named; "share" is the fraction of a full-time position one unit stands for.
FTE_PATTERNS: dict[str, str] = {
    "times_percent": r"(?P<times>\d+)\s*x\s*(?P<pct>\d+(?:,\d+)?)\s*(?:%|procent)",
    # "62 procent av patienterna" is a share of people, not of a position
    "percent": r"(?<![\d,])(?P<pct>\d{1,3}(?:,\d+)?)\s*(?:%|procent)(?!\s+av\b)",
    "positions": r"(?<![\d,])(?P<num>\d+(?:,\d+)?)\s*(?:tjänst(?:er)?|årstjänst(?:er)?|åa|årsarbetare|heltidstjänst(?:er)?)\b",
    "fulltime": r"\bheltid\b",
    "halftime": r"\bhalvtid\b",
}
FTE_RES = {name: re.compile(p, re.I) for name, p in FTE_PATTERNS.items()}
COUNT_WORDS = {"en": 1, "ett": 1, "två": 2, "tre": 3, "fyra": 4, "fem": 5, "sex": 6, "sju": 7, "åtta": 8}
COUNT_RE = re.compile(r"\b(en|ett|två|tre|fyra|fem|sex|sju|åtta|[2-9])\s+(?:[\wåäö-]+\s+)?$", re.I)
TOGETHER_RE = re.compile(r"tillsammans|sammanlagt|totalt|gemensamt", re.I)
EACH_RE = re.compile(r"vardera|var\b|per person|\d\s*x\s*\d", re.I)
# ", " ends a clause unless what follows is the share itself: "Coach, 75 procent".
CLAUSE_SPLIT_RE = re.compile(r",\s+(?!\d+(?:,\d+)?\s*(?:%|procent)|heltid|halvtid)|;\s+|\s+och\s+(?=en |ett |två |tre |fyra |[a-zåäö]+ på )|\s+samt\s+|\.\s+")
STATED_TOTAL_RE = re.compile(
    r"(?:resurs/?er|totalt|sammanlagt|bemanning)\s*:?\s*(?P<num>\d+(?:,\d+)?)\s*(?:tjänster|årstjänster|årsarbetare|heltidstjänster)",
    re.I)
SKIP_KEYS = {"goals", "follow_up", "target_group", "participants", "signatures", "signing_log"}
PLURAL_ENDINGS = [("erna", ""), ("er", "")]


@dataclass
class Staff:
    role: str
    fte: float
    start: int
    end: int


def _share(m: re.Match, name: str) -> float:
    if name in ("times_percent", "percent"):
        return float(m.group("pct").replace(",", ".")) / 100
    if name == "positions":
        return float(m.group("num").replace(",", "."))
    return 1.0 if name == "fulltime" else 0.5


def _singular(role: str) -> str:
    role = role.strip(" -/")
    for word in ("coacher", "konsulenter", "terapeuter", "socionomer", "specialister", "psykologer",
                 "kuratorer", "koordinatorer", "pedagoger", "strateger"):
        for suffix in ("na", ""):
            if role.lower().endswith(word + suffix):
                role = role[: len(role) - len(word + suffix)] + word[:-2]
                break
    return role[:1].upper() + role[1:]


def parse_clause(clause: str) -> list[tuple[str, float, int, int]]:
    """Return (role, fte, start, end) for each position a clause states.

    "två arbetsmarknadscoacher om vardera 100 %" -> two entries of 1.0
    """
    roles = list(ROLE_RE.finditer(clause))
    if not roles:
        return []
    for name, pattern in FTE_RES.items():
        m = pattern.search(clause)
        if not m:
            continue
        share = _share(m, name)
        if not 0 < share <= 10:
            return []
        role = min(roles, key=lambda r: abs(r.start() - m.start()))
        before = clause[: role.start()]
        count_m = COUNT_RE.search(before)
        count = 1
        if name == "times_percent":
            count = int(m.group("times"))
        elif count_m:
            word = count_m.group(1).lower()
            count = COUNT_WORDS.get(word) or int(word)
        if TOGETHER_RE.search(clause) or name == "positions" and count == 1:
            return [(_singular(role.group()), share, role.start(), m.end())]
        if share > 1 and name == "percent":
            return []
        return [(_singular(role.group()), share, role.start(), m.end())] * count
    return []


def _table_row(line: str) -> tuple[str, float] | None:
    """Read a staffing row of a budget table: "Arbetsförmedlare\t25%\t…"."""
    cells = [c.strip() for c in line.split("\t") if c.strip()]
    if len(cells) < 2 or not ROLE_RE.search(cells[0]):
        return None
    for cell in cells[1:4]:
        m = re.fullmatch(r"(\d{1,3}(?:,\d+)?)\s*%", cell)
        if m:
            role = re.sub(r"^\d+\.\s*", "", cells[0]).replace(" - ", " ")
            return role, float(m.group(1).replace(",", ".")) / 100
    return None


def find_staffing(sections: list[Section]) -> list[Staff]:
    """Return each staff position with its FTE; a role stated again later is not counted twice."""
    found: list[Staff] = []
    seen_roles: set[str] = set()  # roles stated in earlier sections
    for section in sections:
        if section.key in SKIP_KEYS:
            continue
        in_section: list[Staff] = []
        for offset, sentence in sentences(section.text):
            base = section.char_start + offset
            new: list[Staff] = []
            # A table is read row by row; prose joins its wrapped lines (same length keeps offsets).
            parts = lines(sentence) if "\t" in sentence else [(0, sentence.replace("\n", " "))]
            for part_start, part in parts:
                row = _table_row(part) if "\t" in part else None
                if row:
                    new.append(Staff(row[0], row[1], base + part_start, base + part_start + len(part)))
                    continue
                part = part.replace("\t", " ")
                pos = 0
                for clause in CLAUSE_SPLIT_RE.split(part):
                    idx = part.find(clause, pos)
                    pos = idx + len(clause)
                    for role, fte, s, e in parse_clause(clause):
                        at = base + part_start + idx
                        new.append(Staff(role, fte, at + s, at + e))
            in_section.extend(n for n in new if n.role.lower() not in seen_roles)
        found.extend(in_section)
        seen_roles |= {n.role.lower() for n in in_section}
    return found


def find_fte_total(sections: list[Section], staffing: list[Staff], where: dict | None = None) -> float | None:
    """Return the total FTE the document states, else the sum of its staffing, else None.

    `where`, if given, gets "fte_total" -> offsets of a stated total (a sum has no one place).
    """
    for section in sections:
        m = STATED_TOTAL_RE.search(section.text)
        if m:
            if where is not None:
                where["fte_total"] = (section.char_start + m.start(), section.char_start + m.end())
            return float(m.group("num").replace(",", "."))
    if staffing:
        return round(sum(s.fte for s in staffing), 2)
    return None
