import pytest

from extractor.extract.orgs import find_org_names, find_organizations
from extractor.record import Section


def _sec(key, text, start=0):
    return Section(key=key, heading=None, text=text, page=None, char_start=start, char_end=start + len(text))


@pytest.mark.parametrize("text, names", [
    ("Organisation: Enköpings Kommun, (Arbetsmarknadsenheten)", ["Enköpings kommun"]),
    ("Arbetsförmedlingen Uppsala", ["Arbetsförmedlingen"]),
    ("Håbo kommun och Region Jönköpings län", ["Håbo kommun", "Region Jönköpings län"]),
    ("Västerbottens läns landsting och Samordningsförbundet Skellefteå", ["Västerbottens läns landsting", "Samordningsförbundet Skellefteå"]),
])
def test_org_names_are_normalised_to_the_legal_body(text, names):
    assert find_org_names(text) == names


def test_organizations_from_form_fields_and_email_domain():
    text = ("Organisation: Motala kommun. Kontaktperson: Anna Exempelsson, Försäkringskassan"
            "Organisation: Kontaktperson Per Påhittad, per.pahittad@arbetsformedlingen.se")
    sections = [_sec("owner", text[:78]), _sec("partners", text[78:], 78)]
    assert find_organizations(sections, text) == [
        {"name": "Motala kommun", "role": "owner"}, {"name": "Arbetsförmedlingen", "role": "partner"}]


def test_organizations_from_jointly_run_sentence():
    text = "Verksamheten bedrivs gemensamt av Försäkringskassan och Motala kommun."
    assert find_organizations([], text) == [
        {"name": "Försäkringskassan", "role": "owner"}, {"name": "Motala kommun", "role": "owner"}]
