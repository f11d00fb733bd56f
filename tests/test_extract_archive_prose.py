"""Running prose of archived förbund documents (minutes, memos, plans, web pages): invented texts."""
import pytest

from extractor.extract.named_people import find_named_people
from extractor.extract.orgs import find_organizations
from extractor.record import Section


def _whole(text: str, key: str = "other") -> list[Section]:
    return [Section(key, None, text, None, 0, len(text))]


@pytest.mark.parametrize("text, expected", [
    # the partner named after the joint owners, with its role: not a third owner
    ("Insatsen Påhittet drivs gemensamt av Norrköpings kommun och Söderköpings kommun, med Arbetsförmedlingen "
     "som samverkanspart.",
     [("Norrköpings kommun", "owner"), ("Söderköpings kommun", "owner"), ("Arbetsförmedlingen", "partner")]),
    # a memo's plan: the kommun is to be the owner
    ("Kommunstyrelsen beslutar att Sala kommun ska vara projektägare för insatsen Exempelvägen.",
     [("Sala kommun", "owner")]),
    # "Insatsägare är X", and the parties of a joint insats listed after a colon
    ("Exempelteamet är en gemensam insats för parterna i förbundet: Timrå kommun, Sundsvalls kommun och "
     "Försäkringskassan. Insatsägare är Sundsvalls kommun.",
     [("Timrå kommun", "partner"), ("Försäkringskassan", "partner"), ("Sundsvalls kommun", "owner")]),
])
def test_organizations_in_running_prose(text, expected):
    found = {(o["name"], o["role"]) for o in find_organizations([], text)}
    assert found == set(expected)


def test_signers_under_a_place_and_date_with_a_blank_line_between():
    text = ("Styrelsen har haft sex sammanträden under året.\n\nExempelby den 16 mars 2031\n\n"
            "Alva Påhittsson, ordförande\nPer Exempelsson, vice ordförande\nEva Påhittad\nOla Exempel\n")
    names = [n for n, role, *_ in find_named_people(text) if role == "signatory"]
    assert names == ["Alva Påhittsson", "Per Exempelsson", "Eva Påhittad", "Ola Exempel"]
