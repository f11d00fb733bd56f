"""Pattern searches that skip ahead give what the full scans give."""
import re

import pytest

from extractor.extract import dates
from extractor.extract.text import digit_led_matches

HOSTILE = [
    "", "abc", "2024-05-01--2024-06-30 och 2013-01-01--2014-06-30",
    "den 1, 2 och 3 mars 2024; 15/3 2023, 06.08.2024 6/8/2024 19-07-10 20171018 123456789",
    "2028 – 12-01 samt 1:a maj 2022 och 31 april 2023", "9" * 500 + " 2024-01-01",
    "Tel 070-123 45 67, org.nr 802400-1234, 20240101kr",
    "Möte 2024-03-01 kl 10, 15 mars 2025; " * 60,  # long enough for its digits to be kept between patterns
]


@pytest.mark.parametrize("text", HOSTILE)
@pytest.mark.parametrize("name", sorted(dates.DIGIT_LED))
def test_digit_led_matches_equal_finditer(name, text):
    pattern = dates.COMPILED[name]
    assert [m.span() for m in digit_led_matches(pattern, text)] == [m.span() for m in pattern.finditer(text)]


@pytest.mark.parametrize("text, expected", [
    ("Vid mötet 220823 beslutades att", ["2022-08-23"]),
    ("Protokoll 220823-1", []),  # the six digits do not stand alone
    ("Inget datum här.", []),
])
def test_dates_compact6_only_where_six_digits_stand_alone(text, expected):
    assert [f.value for f in dates.find_dates(text)] == expected


SHARE_TEXTS = [
    "", "Start 2025 med tre träffar.", "Coach 50 %", "2 x 100 % coacher", "Handläggaren arbetar halvtid.",
    "HELTID under hela året", "0,5 FTE analyst", "a half-time mentor and a full time coach",
    "Projektledare 0,5; Coach 1,0", "på 0,5 av tiden", "62 procent av deltagarna", "2,5 tjänster",
    "3 årsarbetare", "Budget 1 200 000 kr, 45 deltagare", "fulltext och halvår", "x" * 300 + " 75 procent",
]


@pytest.mark.parametrize("text", SHARE_TEXTS)
def test_states_share_agrees_with_one_search_of_every_form(text):
    from extractor.extract.fte_forms import FTE_PATTERNS, states_share

    every = re.compile("|".join("(?:" + re.sub(r"\(\?P<\w+>", "(", p) + ")" for p in FTE_PATTERNS.values()), re.I)
    assert states_share(text) == (every.search(text) is not None)


@pytest.mark.parametrize("text", [
    "", "från nitton till tjugosju år", "TJUGO deltagare och tvåhundratusen kronor", "situationen kräver tio",
    "tretton_tjugo och elva-tolv", "etthundrafemtio platser, femton", "İstanbul och tjugo", "tvåtre entre tioen",
    "Sextio procent, åttio, nittionio och tusen", "fyrtiotalet tonåringar tjugoåtta",
    "nio miljoner kronor och TVÅ MILJARDER, en miljon, tjugo miljoner",
])
def test_words_to_digits_reads_the_words_a_whole_text_search_reads(text):
    from extractor.extract.numbers import NUMBER_WORD_RE, UNIT_MILLIONS_RE, _UNITS, _digits, words_to_digits

    units = UNIT_MILLIONS_RE.sub(lambda m: str(_UNITS[m.group().lower()]).ljust(len(m.group())), text)
    assert words_to_digits(text) == NUMBER_WORD_RE.sub(lambda m: _digits(m.group()), units)


@pytest.mark.parametrize("text", [
    "", "En mening. En till! Och en tredje? Ja.", "t.o.m. 31 maj. Nästa", "Rad ett\nRad två\n\nrad tre fortsätter",
    "Slut.\nNy rad. \n Efter blank", "… i AWC,\nAssessment of Work", "Ett. . . Två.\n\n\n• Punkt", "A.B. Nej.Ja. (Så.) Nu",
    "x" * 50 + ".\n" + "Y" * 50, "Sista raden utan punkt\n",
])
def test_break_matches_equal_finditer(text):
    from extractor.extract.text import SENTENCE_BREAK_RE, break_matches

    assert [m.span() for m in break_matches(text)] == [m.span() for m in SENTENCE_BREAK_RE.finditer(text)]


NEEDING_EXAMPLES = {
    "extractor.extract.ages:FOR_CUE_RE": [
        "Målgrupp är unga", "med fokus på unga", "Insatsen riktar sig till", "riktas till unga", "VÄNDER SIG till",
        "stödja unga", "stötta", "utöka stödet", "arbeta med unga", "arbetar med", "The target group", "aimed at",
        "intended for", "directed to young", "directed at", "it is for", "they are for", "supporting youth"],
    "extractor.extract.roles:MEMBERS_RE": [
        "Förbundet bildades 2006", "har bildat", "bildade", "medlemmar är", "Medlemsparter", "förbundsordning",
        "består  av", "ingår i förbundet"],
    "extractor.extract.staffing:STATED_TOTAL_RE": [
        "Resurser: 2,5 tjänster", "resurs/er: 1 tjänst", "Totalt 3 årsarbetare", "sammanlagt 2 tjänster",
        "tillsammans 4 åa", "Bemanning: 2 heltidstjänster", "Projektresurser: 3 tjänster", "totaltillsammans 2 tjänster"],
    "extractor.extract.staffing:POSTS_COUNT_RE": ["Antal årsarbetare: 3", "totalt antal tjänster 2,5"],
    "extractor.extract.period:EXTEND_RE": ["Förlängning söks", "förlänga", "fortsättning söks", "Fortsättningen"],
    "extractor.extract.period:INTAKE_CUE_RE": [
        "sista intag", "Senaste datum för intag", "intaget stängs", "Intag av nya deltagare t.o.m. 2026-06-30",
        "inskrivning sker fram till", "Sista dagen för inskrivning", "Nya deltagare tas\nemot till och med"],
    "extractor.classify:HOW_TO_APPLY_RE": [
        "Hur man ansöker", "så här söker du", "ansökningsmall", "mall för ansökan", "Ladda ner", "kan ni söka medel",
        "vem kan ansöka", "redo att ansöka", "ansökningsprocess", "sista ansökningsdag", "ansökningar kan inkomma",
        "Ansökan ska lämnas", "medel ansökas", "mallar för ansökan"],
    "extractor.classify:DECIDED_RE": [
        "ESF beviljar", "beviljade", "beviljat", "beviljats", "beviljas", "fattat beslut", "beslut väntas",
        "lämnades in", "har lämnats in"],
}


@pytest.mark.parametrize("where", sorted(NEEDING_EXAMPLES))
def test_a_pattern_needing_words_finds_every_form_it_has(where):
    import importlib

    module, name = where.split(":")
    needing = getattr(importlib.import_module(module), name)
    for text in NEEDING_EXAMPLES[where]:
        assert needing.pattern.search(text), text  # the example is one of the pattern's forms
        assert needing.search(text) is not None, text
        assert [m.span() for m in needing.finditer(text)] == [m.span() for m in needing.pattern.finditer(text)]
    assert needing.search("Inget av orden här.") is None


def test_an_indented_line_in_lower_case_continues_the_sentence():
    from extractor.extract.text import sentences

    text = "  Insatsen ska ta emot 40\n  deltagare per år.\n  Kontakt\n  Anna Exempel\n"
    assert [s.strip() for _, s in sentences(text)] == [
        "Insatsen ska ta emot 40\n  deltagare per år.", "Kontakt", "Anna Exempel"]


def test_a_wrapped_line_with_a_sentence_inside_is_no_heading():
    from extractor.heading_lines import whole_line_heading

    assert whole_line_heading("Målgruppen är unga 16–25 år utan betyg. Insatsen ska ta emot 40") is None
    assert whole_line_heading("Målgrupp och urval") == "target_group"


def test_a_bare_period_label_with_its_colon():
    from extractor.extract.period import find_period

    text = "Insats:\tPåhittet\tPeriod:\t2025-08-18 -- 2027-06-30\nStyrelsen beslutar att bevilja medel.\n"
    found = find_period([], text, None, "decision")
    assert (found["start"], found["end"]) == ("2025-08-18", "2027-06-30")
    assert find_period([], "Rapportperiod: 2025-01-01 – 2025-06-30\n", None, "progress_report")["start"] is None


def test_line_matches_finds_what_the_pattern_finds_in_the_whole_text():
    import re

    from extractor.extract.text import line_matches

    text = ("Inledning om insatsen\nAnna Exempel\ntel 070-111 11 11\nPer Påhittad Ekonomichef\n"
            "Eva Låtsas, samordnare, mobil 073-222\nKALLE ANKA TEL 0\n" * 3 + "Sist utan något")
    phone = re.compile(r"(?P<name>[A-ZÅÄÖ][a-zåäö]+ [A-ZÅÄÖ][a-zåäö]+)[ \t,]*(?:[a-zåäö]+[ \t,]*){0,3}\n?[ \t]*"
                       r"(?i:mobil|tel)[ \t:.]*0\d")
    office = re.compile(r"(?m)(?<![\w-])[A-ZÅÄÖ][a-zåäö]+ [A-ZÅÄÖ][a-zåäö]+[ \t]+[A-ZÅÄÖ][a-zåäö]*chef[ \t]*$")
    for pattern, words, before in ((phone, ("mobil", "tel"), 1), (office, ("chef",), 0)):
        whole = [m.span() for m in pattern.finditer(text)]
        assert whole and [m.span() for m in line_matches(pattern, text, words, before)] == whole
    # the name on the line above its phone is found only when that line is searched too
    assert len(list(line_matches(phone, text, ("tel", "mobil"), 0))) < len(list(phone.finditer(text)))
