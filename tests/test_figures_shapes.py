"""Shapes of staffing, participants, budget tables and registry numbers from other förbund's templates."""
import pytest

from extractor.extract.meta import find_diarienummer
from extractor.extract.participants import find_participants
from extractor.extract.staffing import find_fte_total, find_staffing
from extractor.record import Section


def _sec(key: str, text: str, start: int = 0) -> Section:
    return Section(key=key, heading=None, text=text, page=None, char_start=start, char_end=start + len(text))


@pytest.mark.parametrize("text, expected", [
    ("Dnr 2021-15", "2021-15"),
    ("Diarienummer: SFSN 2025:12. Ansökan ska vara inne i mars.", "SFSN 2025:12"),
    ("Dnr: 2016/00403", "2016/00403"),
    ("Diarienummer: 2019/KS Programområde: 1\nDnr 2019/KS0042 Avd: Ekonomi", "2019/KS0042"),
    ("Dnr NU 2025/07", "NU 2025/07"),
])
def test_diarienummer_common_shapes(text, expected):
    assert find_diarienummer(text) == expected


@pytest.mark.parametrize("text, expected", [
    # definite forms and a role list joined by "och"
    ("Teamledaren arbetar 50 %, arbetsterapeuten på heltid och coachen 75 procent.",
     [("Teamledare", 0.5), ("Arbetsterapeut", 1.0), ("Coach", 0.75)]),
    ("Insatsen bemannas av en lots på heltid och en projektledare på halvtid.",
     [("Lots", 1.0), ("Projektledare", 0.5)]),
    # a list after a colon names each of the two posts once
    ("Här arbetar två arbetskonsulenter: en på 1,0 åa i Borlänge och en på 0,5 tjänst i Falun.",
     [("Arbetskonsulent", 1.0), ("Arbetskonsulent", 0.5)]),
    # two posts in one clause, the second after "och"
    ("Kommunen har en socionom placerad på 0,5 tjänst och Regionen en kurator på 0,5 tjänst.",
     [("Socionom", 0.5), ("Kurator", 0.5)]),
    # a PDF wraps "2 x" from its "100 %"
    ("Resurs/er: 2 x\n100 % jobbcoacher.", [("Jobbcoach", 1.0)] * 2),
    ("Jobbcoacher (2 × 100 %)", [("Jobbcoach", 1.0)] * 2),
    ("två behandlare på sammanlagt 1,5 tjänst", [("Behandlare", 1.5)]),
    # a change to an existing post is not a new post
    ("En coach på heltid. Coachen gick ned till 50 % från oktober.", [("Coach", 1.0)]),
])
def test_staffing_prose_shapes(text, expected):
    assert [(s.role, s.fte) for s in find_staffing([_sec("other", text)])] == expected


def test_staffing_after_the_project_is_not_project_staff():
    sections = [_sec("other", "Projektet har en coach på heltid."),
                _sec("dissemination", "Kommunen för in arbetssättet med en handledare på heltid.", 40)]
    assert [(s.role, s.fte) for s in find_staffing(sections)] == [("Coach", 1.0)]


@pytest.mark.parametrize("text, expected", [
    ("Sammanlagt omfattar verksamheten 5,0 årsarbetare.", 5.0),
    ("Sammanlagt omfattar projektet 3,0 åa.", 3.0),
    ("en samordnare på halvtid, två behandlare på sammanlagt 1,5 tjänst och en arbetsterapeut 50 %, "
     "sammanlagt 2,5 tjänster.", 2.5),
])
def test_fte_total_stated_in_prose(text, expected):
    sections = [_sec("other", text)]
    assert find_fte_total(sections, find_staffing(sections)) == expected


@pytest.mark.parametrize("key, text, expected", [
    ("participants", "Vi räknar med 45 nya deltagare per år. Varje coach har som mest 20 deltagare åt gången.",
     {"count": 45, "per": "year"}),
    # a progress report's counts are outcomes, not the plan
    ("participants", "Under perioden har 17 nya deltagare skrivits in. Vid periodens slut var 17 deltagare aktiva.",
     None),
    ("other", "Det kommer att vara ungefär 250 individer under perioden som får ta del av insatsen.",
     {"count": 250, "per": "total"}),
])
def test_participants_planned_not_achieved(key, text, expected):
    assert find_participants([_sec(key, text)], text) == expected


def test_participants_in_a_text_without_headings():
    text = "Projektet startar i höst. Det kommer att vara ungefär 120 individer under perioden som deltar."
    assert find_participants([], text) == {"count": 120, "per": "total"}
