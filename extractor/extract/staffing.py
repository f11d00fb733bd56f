"""Staff resources and their full-time shares: "100%", "halvtid", "2,5 tjänster", "2 x 100 %"."""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..record import Section, Table
from .fte_forms import FTE_RES, states_share
from .staff_roles import ROLE_PATTERN, singular as _singular
from .tables import find_tables
from .text import Needing, lines, sentences

URL_RE = re.compile(r"\b(?:https?://|www\.)\S+", re.I)
# An English role is named by its noun and the word before it: "a project manager", "two bilingual coaches".
ENGLISH_ROLE_RE = re.compile(r"(?:coach(?:es)?|coordinators?|managers?|counsell?ors?|officers?|workers?|mentors?|"
                             r"advis[eo]rs?|therapists?|psychologists?|nurses?|supervisors?|administrators?|"
                             r"specialists?|leaders?)$", re.I)
SHARED_ROLE_RE = re.compile(r"^(?:coach|specialist|mentor)$", re.I)
ENGLISH_CUE_RE = re.compile(r"\b(?:at|each|and|the|one|two|three|four|five|FTE|full-time|part-time|per ?cent)\b", re.I)
ENGLISH_MODIFIER_RE = re.compile(
    r"(?<![\w-])(?!(?:one|a|an|two|three|four|five|six|the|at|and|of|with|our|each|per|as|for|is|are|be|by|to|in|"
    r"also|will|we|plus|en|ett|två|tre|fyra|och|på|som|med|varav)\s)(?P<word>[a-z][a-z-]+)\s+$", re.I)
ROLE_RE = re.compile(rf"(?<![\wåäö]){ROLE_PATTERN}(?![\wåäö])", re.I)
COUNT_WORDS = {"en": 1, "ett": 1, "två": 2, "tre": 3, "fyra": 4, "fem": 5, "sex": 6, "sju": 7, "åtta": 8,
               "one": 1, "a": 1, "an": 1, "two": 2, "three": 3, "four": 4, "five": 5}
COUNT_RE = re.compile(r"\b(?<![\d,])(en|ett|två|tre|fyra|fem|sex|sju|åtta|one|an?|two|three|four|five|[2-9])\s+"
                      # "två heltidstjänster som arbetscoacher"
                      r"(?:(?:heltids|halvtids)tjänst(?:er)?\s+som\s+|[\wåäö-]+\s+)?$", re.I)
TOGETHER_RE = re.compile(r"tillsammans|sammanlagt|totalt|gemensamt|\btogether\b|\bin total\b|\bcombined\b", re.I)
# ", " ends a clause unless what follows is the share itself: "Coach, 75 procent".
# ... nor where the posts' shares follow: "två handledare, 1,0 och 0,5 tjänst"
CLAUSE_SPLIT_RE = re.compile(r",\s+(?!\d+(?:,\d+)?\s*(?:%|procent)|heltid|halvtid|som\s+arbetar|\d+(?:[.,]\d+)?\s*FTE|"
                             r"\d+(?:,\d+)?\s*(?:och|resp\.?|respektive)\s*\d+(?:,\d+)?\s*(?:tjänst|åa|årsarbetare))|;\s+|"
                             # ... "och förbundets controller på 20 %": a genitive before the next role
                             r"(?<!\bvar)\s+och\s+(?=en |ett |två |tre |fyra |(?:[a-zåäö]+s )?[a-zåäö]+ på )|"
                             r"\s+and\s+(?=one |an? |two |three |four |five )|"
                             rf"\s+och\s+(?={ROLE_PATTERN}\s+\d)|\s+samt\s+|(?<!resp)\.\s+")  # "1,0 resp. 0,75" is one clause
# "Resurs/er: 2,5 tjänster", "Sammanlagt omfattar verksamheten 5,0 årsarbetare"; not a role's own
# total ("två behandlare på sammanlagt 1,5 tjänst").
STATED_TOTAL_RE = Needing(re.compile(
    r"(?<!\bpå )(?:resurs/?er|totalt|sammanlagt|tillsammans|bemanning)\s*:?\s*"
    # ... a report's past tense: "Sammanlagt motsvarade bemanningen 2,05 årsarbetskrafter"
    r"(?:(?:omfattar|omfattade|motsvarar|motsvarade|uppgår till|uppgick till|blir|blev|är|var)\s+(?:[a-zåäö]+\s+){0,2}?)?"
    r"(?P<num>\d+(?:,\d+)?)\s*(?:tjänster|tjänst|årstjänster|årsarbetare|årsarbetskrafter|årsarbetskraft|heltidstjänster|åa)\b",
    re.I), ("tjänst", "årsarbetare", "årsarbetskraft", "åa"), opens=("resurs", "totalt", "sammanlagt", "tillsammans", "bemanning"))
# "Totalt antal årsarbetare: 2,4": the unit as the label
POSTS_COUNT_RE = Needing(re.compile(
    r"\b(?:totalt\s+)?antal\s+(?:årsarbetare|årstjänster|heltidstjänster|tjänster)\s*:?\s*(?P<num>\d+(?:,\d+)?)(?![\d,])",
    re.I), ("antal",))
# Goals and follow-up quote percentages of people; dissemination describes the staff after the project.
SKIP_KEYS = {"goals", "follow_up", "target_group", "participants", "signatures", "signing_log", "dissemination"}
# ... but a post stated with its share right after the role is a post in a section on whom the
# work is for too (a print often runs the staff into it): "styrelsen har en samordnare på 50 %".
# Dissemination and follow-up keep to their own: staff after the project, shares of people.
TIGHT_POST_RE = re.compile(
    rf"(?<![\wåäö]){ROLE_PATTERN}\s+(?:på|om)\s+(?:(?<![\d,])\d{{1,3}}(?:,\d+)?\s*(?:%|procent)(?!\s+av\b)|heltid\b|halvtid\b)",
    re.I)
TIGHT_POST_KEYS = {"goals", "target_group", "participants"}
LEAD_WORDS_RE = re.compile(r"(?:[\wåäö-]+[ \t]+){1,2}$")
# A change to a post already counted: "gick ned till 50 % från oktober", "utökades till heltid".
# ... or a post named again as the one counted: "Den andra arbetsspecialisten har bara arbetat halvtid"
CHANGE_RE = re.compile(r"\bden\s+(?:andra|ena)\s+[a-zåäö]+(?:en|n)\b|\b(?:gick (?:ned|ner|upp)|minskade|minskades|ökade|ökades|utökades|sänktes|höjdes|"
                       r"trappades (?:ned|ner|upp)|från och med (?:januari|februari|mars|april|maj|juni|juli|augusti|"
                       r"september|oktober|november|december))\b", re.I)
# A staffing table's share column, and its total row.
SHARE_HEAD_RE = re.compile(r"tjänstgöringsgrad|omfattning|sysselsättningsgrad|årsarbetare|årstjänst|\btjänst(?:er)?\b|"
                           r"\båa\b|(?:andel|%|procent)\s*av\s+heltid|^%$|\(%\)|^(?:fte|andel|procent)$", re.I)
ROLE_HEAD_RE = re.compile(r"roll|befattning|personal|funktion|yrke|tjänst|bemanning", re.I)
# "50 %", "0,5 tjänst", "50 % av heltid", "2 x 100 %" (two posts), "heltid"
SHARE_CELL_RE = re.compile(r"^(?:(?P<times>[2-9])\s*[x×]\s*)?(?P<num>\d{1,3}(?:,\d+)?)\s*(?P<pct>%|procent)?"
                           r"(?:\s*(?:åa|tjänst(?:er)?))?(?:\s+av\s+(?:en\s+)?heltid)?$|^(?P<word>heltid|halvtid)$", re.I)
ACTUAL_HEAD_RE = re.compile(r"\bfaktisk\w*|\btillsatt\w*|\bbemannat\b|\butfall\w*", re.I)
PLANNED_HEAD_RE = re.compile(r"\bbeviljat\b|\bplanerat\b|\benligt\s+(?:ansökan|beslut|plan)\b|\bbudget\w*", re.I)
COUNT_HEAD_RE = re.compile(r"^(?:antal|antal personer|st|number)$", re.I)
TOTAL_ROW_RE = re.compile(r"^(?:totalt|summa|total|sammanlagt)\b", re.I)
ROLE_NUMBER_RE = re.compile(r"^\d+\.\s*|\s+\d+$")
PLURAL_RE = re.compile(r"(?:(?<!controll)er|erna|ar|arna|män|coaches|(?:or|er|ist|se)s)$", re.I)  # "controller" is one
# A change of a post states its old share before its new: "från 100 % till 75 %", "från 1,5 till 2,0 tjänster".
SHARE_FORM = r"(?:\d+(?:,\d+)?\s*(?:%|procent|tjänst(?:er)?|årstjänst(?:er)?|åa)?|heltid|halvtid)"
FROM_TO_RE = re.compile(rf"\bfrån\s+{SHARE_FORM}\s+till\s+(?={SHARE_FORM})", re.I)
# A count of posts before the posts' own shares: "2,0 tjänster: två coacher på heltid".
OWN_SHARE_RES = ("percent", "fulltime", "halftime")
# A print that wraps "2 x" from its "100 %" splits one sentence in two.
TIMES_AT_END_RE = re.compile(r"\d\s*[x×]\s*$")
# "två arbetskonsulenter: en på 1,0 åa … och en på 0,5 tjänst": the list after the colon counts them.
LIST_AFTER_ROLE_RE = re.compile(r"^\s*:")
# A clause without a role that states a share for "one" of the roles just named: "och en på 0,5 tjänst".
ONE_OF_RE = re.compile(r"^\s*(?:en|ett|den andra|den ena)\s+(?:på|om|med)\b", re.I)
# ... or for some of them: "tre ungdomscoacher, en på heltid och två på halvtid"
SOME_OF_RE = re.compile(r"^\s*(två|tre|fyra)\s+(?=(?:på|om)\b)", re.I)
# "Två socionomer anställs, var och en på 75 %": the share of each of the posts just counted.
EACH_OF_RE = re.compile(r"^\s*(?:var och en|vardera|båda|bägge|samtliga|alla)\b", re.I)
# "en rehabkoordinator och en arbetsspecialist, båda på heltid": the share of each of the posts named before.
BOTH_OF_RE = re.compile(r"^\s*(?:båda|bägge|samtliga|alla\s+(?:två|tre|fyra))\b", re.I)


@dataclass
class Staff:
    role: str
    fte: float
    start: int
    end: int


def _share(m: re.Match, name: str) -> float:
    if name in ("times_percent", "percent"):
        return float(m.group("pct").replace(",", ".")) / 100
    if name in ("positions", "fte", "bare", "bracketed", "decimal_before"):
        return float(m.group("num").replace(",", "."))
    return 1.0 if name == "fulltime" else 0.5


# Posts counted with a share each, in order: "två coacher (1,0 resp. 0,75 tjänst)", "två coacher på 100 respektive 50 %"
RESPECTIVE_RE = re.compile(
    rf"\b(?P<count>två|tre|fyra|[2-4])\s+(?P<role>{ROLE_PATTERN})\s*"
    # ... "två jobbcoacher med en tjänstgöringsgrad på 100 % respektive 80 %"
    r"(?:med\s+(?:en\s+)?(?:tjänstgöringsgrad|sysselsättningsgrad|omfattning)\s+)?(?:\(|på\s+|om\s+|,\s*)\s*"
    r"(?P<shares>\d{1,3}(?:,\d+)?\s*%?(?:\s*(?:,|resp\.?|respektive|och)\s*\d{1,3}(?:,\d+)?\s*%?){1,3})"
    r"\s*(?P<unit>tjänst(?:er)?|åa|%|procent)?", re.I)


def _respective(clause: str) -> list[tuple[str, float, int, int]]:
    """Return the posts of "två coacher (1,0 resp. 0,75 tjänst)": one share for each, in order."""
    m = RESPECTIVE_RE.search(clause)
    if not m or not re.search(r"resp|,|och", m.group("shares")):
        return []
    values = [float(v.replace(",", ".")) for v in re.findall(r"\d{1,3}(?:,\d+)?", m.group("shares"))]
    count = COUNT_WORDS.get(m.group("count").lower()) or int(m.group("count"))
    percent = "%" in m.group("shares") or (m.group("unit") or "").lower() in ("%", "procent")
    shares = [v / 100 if percent or v > 3 else v for v in values]
    if len(shares) != count or not all(0 < s <= 1 for s in shares):
        return []
    return [(_singular(m.group("role")), s, m.start(), m.end()) for s in shares]


def parse_clause(clause: str) -> list[tuple[str, float, int, int]]:
    """Return (role, fte, start, end) for each position a clause states.

    "två arbetsmarknadscoacher om vardera 100 %" -> two entries of 1.0
    """
    respective = _respective(clause)
    if respective:
        return respective
    roles = list(ROLE_RE.finditer(clause))
    if not roles or CHANGE_RE.search(clause):
        return []
    for name, pattern in FTE_RES.items():
        m = pattern.search(clause)
        if not m:
            continue
        if name == "positions" and any(FTE_RES[n].search(clause, m.end()) for n in OWN_SHARE_RES):
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
        elif LIST_AFTER_ROLE_RE.match(clause[role.end():]):
            count = 1
        elif count_m:
            word = count_m.group(1).lower()
            count = COUNT_WORDS.get(word) or int(word)
        elif (PLURAL_RE.search(role.group()) and not TOGETHER_RE.search(clause)
              # an English singular in -er is no Swedish plural: "Project manager (50 %)"
              and not (ENGLISH_ROLE_RE.search(role.group()) and not role.group().lower().endswith("s"))):
            return []  # "koordinatorer har anställts på heltid": how many is not said
        start, end = min(role.start(), m.start()), max(role.end(), m.end())
        title = _english_title(clause, role) or role.group()
        if TOGETHER_RE.search(clause) or name in ("positions", "fte", "bare", "bracketed", "decimal_before") and count == 1:
            return [(_singular(title), share, start, end)]
        if share > 1 and name == "percent":
            return []
        return [(_singular(title), share, start, end)] * count
    return []


def _english_title(clause: str, role: re.Match) -> str | None:
    """Return an English role with the word before it, in an English clause; else None.

    "two bilingual coaches at 100 % each" -> "bilingual coaches"
    """
    if not ENGLISH_ROLE_RE.search(role.group()):
        return None
    if SHARED_ROLE_RE.match(role.group()) and not ENGLISH_CUE_RE.search(clause):
        return None  # "coach" is Swedish too: the clause must read as English
    m = ENGLISH_MODIFIER_RE.search(clause, 0, role.start())
    return f"{m.group('word')} {role.group()}" if m and m.end() == role.start() else None


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


def _cell_share(text: str, percent_head: bool) -> float | None:
    """Return the FTE a staffing table's cell states.  "50 %" -> 0.5, "0,5" -> 0.5, "heltid" -> 1.0"""
    m = SHARE_CELL_RE.match(text.strip())
    if not m:
        return None
    if m.group("word"):
        return 1.0 if m.group("word").lower() == "heltid" else 0.5
    value = float(m.group("num").replace(",", "."))
    # under "Tjänstgöringsgrad" a bare 50 is a percentage; 0,5 or 2 are positions
    return value / 100 if m.group("pct") or percent_head or value > 3 else value


def staffing_tables(text: str) -> list[tuple[Table, int]]:
    """Return the tables of `text` with a column of FTE shares, and that column's index."""
    out = []
    for table in find_tables(text):
        heads = [c.text for c in table.header or []]
        column = next((i for i, h in enumerate(heads) if i and SHARE_HEAD_RE.search(h)), None)
        # a report sets the posts staffed against those planned: "Roll | Beviljat | Tillsatt" -> the staffed column
        actual = next((i for i, h in enumerate(heads) if i and ACTUAL_HEAD_RE.search(h)), None)
        if (actual is not None and heads and ROLE_HEAD_RE.search(heads[0])
                and any(PLANNED_HEAD_RE.search(h) for h in heads[1:])):
            column = actual
        if column is not None:
            out.append((table, column))
    return out


def _staffing_table_rows(table: Table, column: int) -> tuple[list[Staff], float | None]:
    """Return the posts of a staffing table and the total its total row states.

    "Roll | Tjänstgöringsgrad" + "Coach 1 | 100 %" -> Coach 1.0
    """
    percent_head = "%" in table.header[column].text or "procent" in table.header[column].text.lower()
    posts, total = [], None
    roles_named = bool(ROLE_HEAD_RE.search(table.header[0].text))
    counts = [i for i, c in enumerate(table.header) if i != column and COUNT_HEAD_RE.match(c.text.strip())]
    for row in table.rows:
        if len(row) <= column or not row[0].text:
            continue
        share = _cell_share(row[column].text, percent_head)
        if share is None or not 0 < share <= 10:
            continue
        if TOTAL_ROW_RE.match(row[0].text):
            total = share
            continue
        if not roles_named and not ROLE_RE.search(row[0].text):
            continue
        # a count column: "Arbetskonsulent | 2 | 100 %" is two posts at 100 %
        count = next((int(row[i].text) for i in counts if i < len(row) and row[i].text.strip().isdigit()), 1)
        times = SHARE_CELL_RE.match(row[column].text.strip()).group("times")
        count = int(times) if times else count
        post = Staff(_singular(ROLE_NUMBER_RE.sub("", row[0].text)), share, row[0].start, row[column].end)
        per_person = percent_head or "%" in row[column].text  # "2,0 tjänster" is the row's sum
        posts += [post] * (count if 1 < count <= 9 and per_person else 1)
    return posts, total


def _sentences(text: str) -> list[tuple[int, str]]:
    """Return the sentences of `text`, a wrapped "2 x" joined to its "100 %" on the next line."""
    out: list[tuple[int, str]] = []
    for offset, sentence in sentences(text):
        if out and TIMES_AT_END_RE.search(out[-1][1]):
            prev = out.pop()[0]
            sentence = text[prev:offset + len(sentence)]
            offset = prev
        out.append((offset, sentence))
    return out


def _clauses(part: str):
    """Yield (offset, clause), a clause holding two shares cut at its last "och" before the second.

    "en arbetsförmedlare på 0,5 tjänst och Försäkringskassan en handläggare på 0,5 tjänst" -> two clauses
    """
    pos = 0
    for clause in CLAUSE_SPLIT_RE.split(part):
        idx = part.find(clause, pos)
        pos = idx + len(clause)
        shares = sorted(m.start() for r in FTE_RES.values() for m in r.finditer(clause))
        cut = clause.rfind(" och ", shares[0], shares[1]) if len(shares) > 1 else -1
        if cut > 0 and ROLE_RE.search(clause, cut):
            yield idx, clause[:cut]
            yield idx + cut + 1, clause[cut + 1:]
        else:
            yield idx, clause


def _read_part(part: str) -> list[tuple[str, float, int, int]]:
    """Return (role, fte, start, end) for the positions of a line or sentence."""
    if not states_share(part):
        return []  # every position needs a share, and a clause's share is one in the whole part too
    part = URL_RE.sub(lambda m: " " * len(m.group()), part)  # "…/om-koordinatorn-f%C3%B6r" is an address
    part = FROM_TO_RE.sub(lambda m: " " * len(m.group()), part)  # the old share is no post
    if not states_share(part):
        return []
    out, last_role, counted, pending = [], None, None, []  # pending: the posts counted without a share yet
    for idx, clause in _clauses(part):
        found = parse_clause(clause)
        prefix = (_singular(last_role).lower() if last_role and ONE_OF_RE.match(clause)
                  else counted if counted and EACH_OF_RE.match(clause) else None)
        prefixes = pending if len(pending) > 1 and BOTH_OF_RE.match(clause) else [prefix] if prefix else []
        some = SOME_OF_RE.match(clause) if last_role and not found else None
        if some:  # "två på halvtid" -> "två ungdomscoacher på halvtid"
            found = [(r, f, 0, len(clause)) for r, f, *_ in parse_clause(f"{some.group(1)} {last_role} {clause[some.end():]}")]
        for prefix in [] if found else prefixes:
            lead = len(prefix) + 1
            found += [(r, f, max(0, s - lead), e - lead) for r, f, s, e in parse_clause(f"{prefix} {clause}")]
        out += [(role, fte, idx + s, idx + e) for role, fte, s, e in found]
        roles = list(ROLE_RE.finditer(clause))
        last_role = roles[-1].group() if roles else last_role
        count_m = COUNT_RE.search(clause[:roles[-1].start()]) if roles else None
        counted = f"{count_m.group(1)} {roles[-1].group()}" if count_m and not found else None
        pending = [] if found else pending + [counted] if counted else pending
    return out


def find_staffing(sections: list[Section]) -> list[Staff]:
    """Return each staff position with its FTE; a role stated again later is not counted twice."""
    found: list[Staff] = []
    seen_roles: set[str] = set()  # roles stated in earlier sections
    for section in sections:
        if section.key in SKIP_KEYS:
            if section.key in TIGHT_POST_KEYS:
                found += [s for s in _tight_posts(section) if s.role.lower() not in seen_roles]
                seen_roles |= {s.role.lower() for s in found}
            continue
        in_section: list[Staff] = []
        consumed: list[tuple[int, int]] = []
        for table, column in staffing_tables(section.text):
            posts, _ = _staffing_table_rows(table, column)
            in_section += [Staff(p.role, p.fte, section.char_start + p.start, section.char_start + p.end)
                           for p in posts if p.role.lower() not in seen_roles]
            consumed += [(p.start, p.end) for p in posts]
        for offset, sentence in _sentences(section.text):
            base = section.char_start + offset
            new: list[Staff] = []
            # A table is read row by row; prose joins its wrapped lines (same length keeps offsets).
            parts = lines(sentence) if "\t" in sentence else [(0, sentence.replace("\n", " "))]
            for part_start, part in parts:
                if any(s <= offset + part_start < e for s, e in consumed):
                    continue  # a row the staffing table gave already
                row = _table_row(part) if "\t" in part else None
                if row:
                    new.append(Staff(row[0], row[1], base + part_start, base + part_start + len(part)))
                    continue
                for role, fte, s, e in _read_part(part.replace("\t", " ")):
                    new.append(Staff(role, fte, base + part_start + s, base + part_start + e))
            in_section.extend(n for n in new if n.role.lower() not in seen_roles)
        found.extend(in_section)
        seen_roles |= {n.role.lower() for n in in_section}
    return found


def _tight_posts(section: Section) -> list[Staff]:
    """Return the posts a section of goals or target groups states as "<role> på 50 %"."""
    out: list[Staff] = []
    text = section.text
    for m in TIGHT_POST_RE.finditer(text):
        lead = LEAD_WORDS_RE.search(text, max(0, m.start() - 40), m.start())  # "två" in "två coacher på 50 %"
        begin = lead.start() if lead else m.start()
        clause = text[begin:m.end()].replace("\n", " ")
        for role, fte, s, e in parse_clause(clause):
            out.append(Staff(role, fte, section.char_start + begin + s, section.char_start + begin + e))
    return out


def find_fte_total(sections: list[Section], staffing: list[Staff], where: dict | None = None) -> float | None:
    """Return the total FTE the document states, else the sum of its staffing, else None.

    `where`, if given, gets "fte_total" -> offsets of a stated total (a sum has no one place).
    """
    for section in sections:
        for table, column in staffing_tables(section.text):
            _, total = _staffing_table_rows(table, column)
            if total is not None:
                return total
        m = STATED_TOTAL_RE.search(section.text) or POSTS_COUNT_RE.search(section.text)
        if m:
            if where is not None:
                where["fte_total"] = (section.char_start + m.start(), section.char_start + m.end())
            return float(m.group("num").replace(",", "."))
    if staffing:
        return round(sum(s.fte for s in staffing), 2)
    return None
