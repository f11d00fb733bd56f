"""The ways a document states a full-time share ("100%", "halvtid", "2,5 tjänster", "2 x 100 %"),
and a quick test of whether a line or sentence states one at all.

staffing.py reads every sentence of a document through these forms; most state none. Trying the
forms' alternatives at every character was the reader's largest cost, so `states_share` tries each
form only where it can begin: the digit forms at digits, the word forms where their word stands.
"""
from __future__ import annotations

import re

from .staff_roles import ROLE_PATTERN
from .text import digit_led_matches

# Each FTE form, named; "share" is the fraction of a full-time position one unit stands for.
FTE_PATTERNS: dict[str, str] = {
    "times_percent": r"(?P<times>\d+)\s*[x×]\s*(?P<pct>\d+(?:,\d+)?)\s*(?:%|procent)",
    # "62 procent av patienterna" is a share of people, not of a position
    # ... and a post described by its share: "en 75-procentig tjänst som fysioterapeut"
    # ... but "20 % av sin tid", "50 % av heltid" is a post's share
    "percent": r"(?<![\d,])(?P<pct>\d{1,3}(?:,\d+)?)\s*(?:%|procent|per ?cent|-procentig(?:a)?\b)"
               r"(?!\s+(?:av|of)\b(?!\s+(?:sin|sitt|en)?\s*(?:tid|arbetstid|heltid|tjänst)\b))",
    "positions": r"(?<![\d,])(?P<num>\d+(?:,\d+)?)\s*(?:tjänst(?:er)?|årstjänst(?:er)?|åa|årsarbetare|årsarbetskraft(?:er)?|heltidstjänst(?:er)?)\b",
    # "0.5 FTE", "1,5 full-time equivalents"
    "fte": r"(?<![\d,.])(?P<num>\d+(?:[.,]\d+)?)\s*(?:FTE|full-time equivalents?)\b",
    "fulltime": r"\bheltid(?:stjänst(?:er)?)?\b|\bfull[- ]time\b",
    "halftime": r"\bhalvtid(?:stjänst(?:er)?)?\b|\bhalf[- ]time\b",
    # a share in decimals before the role: "medel för 1,0 socialsekreterare", "0,5 coach"
    "decimal_before": rf"(?<![\d,.])(?P<num>\d,\d{{1,2}})[ \t]+(?={ROLE_PATTERN}(?![\wåäö]))",
    # a form field's list without a unit: "Projektledare 0,5; Coach 1,0"
    "bare": r"(?<=[a-zåäö])(?<!\bpå)(?<!\bom)(?<!\bav)[ \t]+(?P<num>[0-2],\d{1,2})"
            r"(?![\d,.]|\s*(?:%|procent|[mt]?kr|mnkr|miljon|tusen|tjänst|årstjänst|åa|årsarbetare|FTE))",
    # ... or in brackets after the role, perhaps for each: "en projektledare (0,5)", "tre konsulenter (1,0 vardera)"
    "bracketed": r"(?<=[a-zåäö])[ \t]*\((?P<num>[0-2],\d{1,2})(?:[ \t]+(?:vardera|var))?\)",
}
FTE_RES = {name: re.compile(p, re.I) for name, p in FTE_PATTERNS.items()}
DIGIT_FORMS = ("times_percent", "percent", "positions", "fte", "decimal_before")  # every match opens with a digit
WORD_FORMS = {"fulltime": ("heltid", "full"), "halftime": ("halvtid", "half")}  # ... or holds one of these words
DIGIT_FORMS_RE = re.compile("|".join("(?:" + re.sub(r"\(\?P<\w+>", "(", FTE_PATTERNS[n]) + ")" for n in DIGIT_FORMS),
                            re.I)
BARE_NUMBER_RE = re.compile(r"[0-2],\d")  # what a bare share holds


def states_share(text: str) -> bool:
    """Return whether `text` states a full-time share in any of the forms above.

    "Coach 50 %" -> True, "Coachen arbetar på halvtid" -> True, "Start 2025" -> False
    """
    if next(digit_led_matches(DIGIT_FORMS_RE, text), None) is not None:
        return True
    lower = text.lower()
    for name, words in WORD_FORMS.items():
        if any(word in lower for word in words) and FTE_RES[name].search(text):
            return True
    return BARE_NUMBER_RE.search(text) is not None and (FTE_RES["bare"].search(text) is not None
                                                         or FTE_RES["bracketed"].search(text) is not None)
