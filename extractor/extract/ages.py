"""Target-group age bands: "16–29 år", "mellan 18 och 64 år", "30 år och uppåt", "upp till 30 år",
"18–25-åringar", "i åldrarna 16–29"."""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from ..record import Section
from .text import DIGIT_RE, Needing, sentences

AGE = r"(\d{1,2})"
# Named patterns; each gives age_min / age_max groups ("lo", "hi").
AGE_PATTERNS: dict[str, str] = {
    "range": rf"(?<![\d,.])(?P<lo>\d{{1,2}})\s*(?:–|-|—|till)\s*(?P<hi>\d{{1,2}})\s*år(?!ing)",
    "aged": r"(?<![\d,.])(?P<lo>\d{1,2})\s*(?:–|-|—)\s*(?P<hi>\d{1,2})\s*-?\s*åring(?:ar|arna)?\b",
    "in_ages": r"(?:åldern|åldrarna|åldersgruppen|åldersspannet)\s+(?P<lo>\d{1,2})\s*(?:–|-|—|till)\s*(?P<hi>\d{1,2})(?![\d,.]|\s*(?:%|procent))",
    # a form export's two fields: "Målgrupp ålder från\t30" over "Målgrupp ålder till\t64"
    "fields": r"ålder\s+från[ \t]*[:\t][ \t]*(?P<lo>\d{1,2})(?!\d)[^\n]{0,40}?\n?[^\n]{0,40}?ålder\s+till[ \t]*[:\t][ \t]*(?P<hi>\d{1,2})(?!\d)",
    "between": rf"mellan\s+(?P<lo>\d{{1,2}})\s+och\s+(?P<hi>\d{{1,2}})\s+år",
    "from": rf"(?:från|fr\.o\.m\.?|över|äldre än)\s+(?P<lo>\d{{1,2}})\s+år",
    "and_up": rf"(?P<lo>\d{{1,2}})\s+år\s+(?:och|eller)\s+(?:uppåt|äldre|över)",
    "up_to": rf"(?:upp till|till och med|t\.o\.m\.?|under|yngre än)\s+(?P<hi>\d{{1,2}})\s+år",
    # English prose in a Swedish application: "aged 25–55", "young people aged 16 to 29",
    # "between 18 and 64 years", "16–29 years old", "over 50 years", "under 30 years of age"
    "aged_en": r"\baged\s+(?P<lo>\d{1,2})\s*(?:–|-|—|to)\s*(?P<hi>\d{1,2})(?![\d,.]|\s*(?:%|per ?cent))",
    "between_en": r"\bbetween\s+(?P<lo>\d{1,2})\s+and\s+(?P<hi>\d{1,2})\s+years\b",
    "range_en": r"(?<![\d,.])(?P<lo>\d{1,2})\s*(?:–|-|—|to)\s*(?P<hi>\d{1,2})\s*years?\b",
    "and_up_en": r"(?P<lo>\d{1,2})\s+(?:years\s+)?(?:and|or)\s+(?:older|over|above)\b",
    # "from the age of 16 up to 24", "between the ages of 18 and 29"
    "age_of_en": r"\b(?:from|between)\s+the\s+ages?\s+of\s+(?P<lo>\d{1,2})\s+(?:(?:up\s+)?to|and)\s+(?P<hi>\d{1,2})\b",
    "from_en": r"\b(?:over|above|older than|from)\s+(?P<lo>\d{1,2})\s+years\b",
    "up_to_en": r"\b(?:up to|under|below|younger than)\s+(?P<hi>\d{1,2})\s+years\b",
}
COMPILED = {name: re.compile(p, re.I) for name, p in AGE_PATTERNS.items()}
# Sentences about other people: statistics, or ages the text explicitly leaves out.
EXCLUDE_RE = re.compile(
    r"%|procent|ökning|ökat|minskat|andel|statistik|var\s+\d|ingår inte|inte ingår|faller inte|"
    r"hänvisas|omfattas inte|inte i målgruppen|erbjuds motsvarande|utanför målgruppen|"
    r"arbetslösheten|sjukskrivningstalet|sjukskrivningen|ohälsotalet|inskrivna under|skrevs in|"
    # "… är högst i åldersgruppen 50–64 år": a comparison of the population, not whom it serves
    r"\b(?:högst|lägst|vanligast|störst)\s+(?:i|bland)\b|"
    # who most of those served are, not whom it is for: "i praktiken är de flesta deltagare mellan 35 och 55 år"
    r"\b(?:de\s+flesta|flertalet|majoriteten|merparten)\b|"
    # a count of those who took part: "åtta deltagare var under 20 år", "tolv av deltagarna var över 50 år"
    r"\b(?:\d+|två|tre|fyra|fem|sex|sju|åtta|nio|tio|elva|tolv|hälften|flera|många)\s+(?:av\s+)?"
    r"(?:deltagarna|deltagare|personer|av\s+dem)\s+var\b|"
    # the same in English prose: statistics and counts of people, not whom the insats serves
    r"\bper ?cent\b|\bshare of\b|\bproportion of\b|\bstatistics\b|\bunemployment\b|\bwere registered\b|"
    r"\bnot included\b|\bexcluded\b|\boutside the target group\b",
    re.I)
# ... of which these leave ages out for the whole sentence ("För unga under 30 år finns …, och de
# ingår inte"); the others are statistics, about their own clause only.
LEFT_OUT_RE = re.compile(r"ingår inte|inte ingår|faller inte|hänvisas|omfattas inte|inte i målgruppen|"
                         r"erbjuds motsvarande|utanför målgruppen|not included|excluded|outside the target group", re.I)
# Outside the target-group section, an age band counts only where the sentence is about whom
# the intervention serves.
FOR_CUE_RE = Needing(re.compile(
    r"målgrupp|fokus på|riktar sig|riktas till|vänder sig|stödja|stötta|utöka stödet|arbeta med|arbetar med|"
    r"target group|aimed at|intended for|directed (?:at|to)|is for|are for|support(?:s|ing)?\b", re.I),
    ("målgrupp", "fokus på", "riktar sig", "riktas till", "vänder sig", "stödja", "stötta", "utöka stödet", "arbeta med",
     "arbetar med", "target group", "aimed at", "intended for", "directed ", "is for", "are for", "support"))
# "en arbetskonsulent på 50 %" is a staffing share, not a statistic.
STAFFING_SHARE_RE = re.compile(r"\b(?:på|om|arbetar|vardera)\s+\d+(?:,\d+)?\s*(?:%|procent)", re.I)
# Reports and web pages say whom an insats is for in any paragraph: "för unga i åldern 16–24 år",
# "riktade sig till kvinnor från 20 år", "insatsen Fyren (för 17–30 år)".
PROSE_FOR_CUE_RE = re.compile(
    r"målgrupp|riktar sig|riktade sig|rikta sig|vänder sig|vände sig|vända sig|\briktas till|\briktad till|\briktade till|"
    # whom it takes in, or a web page's "you": "Insatsen tar emot personer 18–64 år", "för dig som är mellan 18 och 30 år"
    r"\b(?:tar|ta|tog)\s+emot\s+(?:unga|ungdomar|personer|individer|vuxna|kvinnor|män|deltagare)\b|\bför\s+dig\s+som\b|"
    # "X är en insats för långtidsarbetslösa mellan 25 och 60 år"
    r"\b(?:insats|projekt|verksamhet|satsning)\w*\s+för\s+[a-zåäö-]+\s+(?:mellan\s+|i\s+åldern\s+|från\s+)?\d|"
    r"\bför\s+(?:unga|ungdomar|personer|kvinnor|män|vuxna|deltagare|föräldrar|\d)|"
    # the people meant, with their ages in brackets: "den enskilde (16–64 år)", "unga (18–29 år)"
    r"\b(?:unga|ungdomar|personer|individer|vuxna|kvinnor|män|deltagare|den enskilde|enskilda)\s*\(\s*\d|"
    # ... or right after them: "kan deltagare 18-64 år anvisas", "unga 16–29 år som …"
    r"\b(?:unga|ungdomar|individer|vuxna|deltagare)\s+\d{1,2}\s*[-–—]\s*\d{1,2}\s*år\b|"
    r"(?:hjälpt|hjälper|hjälpa|stödjer|stödja|stöttar|stötta|stöd till|ge|ger|gav)\s+(?:unga|ungdomar|personer|vuxna|kvinnor|män)|"
    # ... with a word for their situation first: "har gett stöd till långtidsarbetslösa kvinnor och män i åldern 25–54 år"
    r"\bstöd\s+till\s+[a-zåäö-]+\s+(?:unga|ungdomar|personer|vuxna|kvinnor|män)\b|"
    # ... or only that word, the ages right after: "som ger stöd till sjukskrivna i åldern 30–64 år"
    r"\bstöd\s+till\s+[a-zåäö-]+\s+(?:i\s+åldern|i\s+åldrarna|mellan)\s+\d|"
    # the people of the band get what the insats gives: "Kvinnor mellan 30 och 45 år får vägledning hos …"
    r"\b(?:unga|ungdomar|personer|vuxna|kvinnor|män|deltagare)\s+(?:mellan|i\s+åldern|i\s+åldrarna)\s+\d{1,2}\s*"
    r"(?:och|till|[-–—])\s*\d{1,2}\s+år\b[^.]{0,60}?\bfår\b|"
    # English: "the target group is young people aged 16 to 29", "aimed at adults between 18 and 64 years"
    r"target group|aimed at|intended for|directed (?:at|to)|\bfor (?:young people|people|women|men|adults|participants)\b|"
    # a form's field of its own: "Ålder:\t18–29 år", "Målgruppens ålder: 16-25 år"
    r"(?m:^[ \t]*(?:målgruppens\s+|deltagarnas\s+)?(?:ålder|åldersgrupp|åldersspann)(?:\s+på\s+målgruppen)?[ \t]*:?[ \t]*"
    r"\d{1,2}\s*[-–—]\s*\d{1,2}\s*år[ \t]*$)", re.I)
# Where the words that exclude a band stand in a clause of their own, they are about something else:
# "unga vuxna 18–29 år …, samt nyanlända som har mindre än 25 % aktivitetsnivå".
# ... and a sentence opening with a figure, which the sentence split leaves joined: "… 16 och 24 år. 46 unga var inskrivna"
CLAUSE_BREAK_RE = re.compile(r"[,;:]\s|\s(?:samt|men|medan)\s|\.\s+(?=\d)")
# The target's children are no target: "föräldrar mellan 20 och 40 år som har barn under 18 år"
CHILDREN_BEFORE_RE = re.compile(r"\b(?:barn|barnen|barnet|barn\s+som\s+är)\s+(?:i\s+åldern\s+|i\s+åldrarna\s+)?$", re.I)
# the figures after a band that labels a table row: "16–19 år   4", "20–24 år\t11\t38 %"
COUNT_ROW_RE = re.compile(r"(?:[ \t]+\d[\d ,.]*(?:[ \t]*(?:%|st|personer))?)+[ \t]*")
AGE_KEYS = {"target_group"}
CUED_KEYS = {"purpose", "methods", "participants", "background"}


@dataclass
class Found:
    age_min: int | None
    age_max: int | None
    start: int
    end: int


def find_age_bands(text: str) -> list[Found]:
    """Return the age bands written in `text` (no judgement on whom they are about)."""
    out: list[Found] = []
    taken = bytearray(len(text))  # 1 where a band was read already: a check costs the match's length
    for name in ("fields", "between", "range", "aged", "in_ages", "and_up", "from", "up_to",
                 "between_en", "age_of_en", "aged_en", "range_en", "and_up_en", "from_en", "up_to_en"):
        for m in COMPILED[name].finditer(text):
            if 1 in taken[m.start():m.end()]:
                continue
            groups = m.groupdict()
            lo = int(groups["lo"]) if groups.get("lo") else None
            hi = int(groups["hi"]) if groups.get("hi") else None
            if name in ("up_to", "up_to_en") and m.group(0).lower().startswith(("under", "yngre", "below", "younger")):
                hi = hi - 1 if hi else hi
            if (lo is None or 0 < lo < 100) and (hi is None or 0 < hi < 100) and (lo is None or hi is None or lo < hi):
                out.append(Found(lo, hi, m.start(), m.end()))
                taken[m.start():m.end()] = b"\x01" * (m.end() - m.start())
    return sorted(out, key=lambda f: f.start)


def find_target_groups(sections: list[Section], text: str | None = None) -> list[Found]:
    """Return the age bands the intervention is for, each once, with offsets into the full text.

    Where no section states one, sentences of the whole `text` that say whom it is for are read.
    """
    found = _from_sections(sections)
    if found or not text:
        return found
    # the two fields of a form export stand on lines of their own, which no sentence joins
    found = [Found(int(m.group("lo")), int(m.group("hi")), m.start(), m.end())
             for m in COMPILED["fields"].finditer(text) if int(m.group("lo")) < int(m.group("hi"))][:1]
    for offset, sentence in sentences(text):
        if DIGIT_RE.search(sentence) and PROSE_FOR_CUE_RE.search(sentence):
            for band in _kept_bands(sentence):
                if (band.age_min, band.age_max) not in {(f.age_min, f.age_max) for f in found}:
                    found.append(Found(band.age_min, band.age_max, offset + band.start, offset + band.end))
    return found


def _count_row(sentence: str, band: Found) -> bool:
    """Whether a band labels a table row of figures: "20–24 år\t11" counts people of that age."""
    line_start = sentence.rfind("\n", 0, band.start) + 1
    line_end = sentence.find("\n", band.end)
    rest = sentence[band.end:len(sentence) if line_end < 0 else line_end]
    return bool(COUNT_ROW_RE.fullmatch(rest)) and not sentence[line_start:band.start].strip()


def _kept_bands(sentence: str) -> list[Found]:
    """Return the bands of a sentence whose own clause holds no statistic or exclusion."""
    kept = [band for band in _bands(sentence) if not CHILDREN_BEFORE_RE.search(sentence[max(0, band.start - 30):band.start])]
    return kept


def _bands(sentence: str) -> list[Found]:
    if not EXCLUDE_RE.search(STAFFING_SHARE_RE.sub("", sentence)):
        return [band for band in find_age_bands(sentence) if not _count_row(sentence, band)]
    if LEFT_OUT_RE.search(sentence):
        return []
    breaks = [m.start() for m in CLAUSE_BREAK_RE.finditer(sentence)]
    kept, verdicts = [], {}  # each clause is judged once, however many bands it holds
    for band in find_age_bands(sentence):
        i = bisect.bisect_left(breaks, band.start)
        start = breaks[i - 1] if i else 0
        j = bisect.bisect_left(breaks, band.end, i)
        end = breaks[j] if j < len(breaks) else len(sentence)
        if (start, end) not in verdicts:
            verdicts[start, end] = not EXCLUDE_RE.search(STAFFING_SHARE_RE.sub("", sentence[start:end]))
        if verdicts[start, end] and not _count_row(sentence, band):
            kept.append(band)
    return kept


def _from_sections(sections: list[Section]) -> list[Found]:
    found: list[Found] = []
    seen: set[tuple] = set()
    for section in sections:
        if section.key not in AGE_KEYS | CUED_KEYS:
            continue
        for offset, sentence in sentences(section.text):
            if not DIGIT_RE.search(sentence):
                continue  # every age band has digits
            if section.key not in AGE_KEYS and not FOR_CUE_RE.search(sentence):
                continue
            for band in _kept_bands(sentence):
                if (band.age_min, band.age_max) not in seen:
                    seen.add((band.age_min, band.age_max))
                    base = section.char_start + offset
                    found.append(Found(band.age_min, band.age_max, base + band.start, base + band.end))
    return found
