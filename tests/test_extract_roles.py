"""Owners and partners stated in running prose (invented sentences of each kind)."""
import pytest

from extractor.extract.orgs import find_organizations
from extractor.extract.roles import find_roles
from extractor.record import Section


@pytest.mark.parametrize("text, expected", [
    # ownership
    ("Vägvisaren är ett projekt som ägs av Tranås kommun men drivs i samverkan med Arbetsförmedlingen.",
     [("Tranås kommun", "owner"), ("Arbetsförmedlingen", "partner")]),
    ("Köpings kommun är projektägare och räknar med att förstudien tar ett år.", [("Köpings kommun", "owner")]),
    ("Projektägare är Region Gävleborg.", [("Region Gävleborg", "owner")]),
    ("Projektets huvudman är Ljusdals kommun i samverkan med Försäkringskassan och Arbetsförmedlingen.",
     [("Ljusdals kommun", "owner"), ("Försäkringskassan", "partner"), ("Arbetsförmedlingen", "partner")]),
    ("Insatsen har bedrivits av Samordningsförbundet Exempeldalen i nära samverkan med Försäkringskassan.",
     [("Samordningsförbundet Exempeldalen", "owner"), ("Försäkringskassan", "partner")]),
    ("Region Dalarna driver tillsammans med Mora kommun och Försäkringskassan en förstudie om stöd till unga.",
     [("Mora kommun", "owner"), ("Försäkringskassan", "owner"), ("Region Dalarna", "owner")]),
    ("Styrelsen beviljade Samordningsförbundet ABC 450 000 kronor för att tillsammans med Länsstyrelsen i Dalarna "
     "pröva en ny modell.",
     [("Samordningsförbundet ABC", "owner"), ("Länsstyrelsen i Dalarna", "partner")]),
    ("Projektägare Sala kommun\nProjektperiod 2019-2021", [("Sala kommun", "owner")]),
    ("Projektet genomförs av Region Örebro län i samverkan med Arbetsförmedlingen.",
     [("Region Örebro län", "owner"), ("Arbetsförmedlingen", "partner")]),
    ("Bollnäs kommun ansvarar för projektet och dess personal.", [("Bollnäs kommun", "owner")]),
    ("Insatsägare i Hudiksvalls kommun, Socialtjänsten\nKontaktperson", [("Hudiksvalls kommun", "owner")]),
    # partnership
    ("Bron är ett samverkansprojekt där ingående parter är Arbetsförmedlingen, Socialtjänsten och Region Kronoberg.",
     [("Arbetsförmedlingen", "partner"), ("Socialtjänsten", "partner"), ("Region Kronoberg", "partner")]),
    ("Verksamheten är ett samarbete mellan Vetlanda kommun (gymnasieskolan) och Arbetsförmedlingen.",
     [("Vetlanda kommun", "partner"), ("Arbetsförmedlingen", "partner")]),
    ("Projektparter Eksjö, Nässjö och Sävsjö kommun, Försäkringskassan På uppdrag av Eksjö kommun",
     [("Eksjö kommun", "partner"), ("Nässjö kommun", "partner"), ("Sävsjö kommun", "partner"),
      ("Försäkringskassan", "partner")]),
    ("Under våren samarbetade Försäkringskassan med samordningsförbunden i Kalmar, Mönsterås och Västra Sörmland.",
     [("Samordningsförbundet Kalmar", "partner"), ("Samordningsförbundet Mönsterås", "partner"),
      ("Samordningsförbundet Västra Sörmland", "partner"), ("Försäkringskassan", "partner")]),
    # a list broken by a line break after its cue
    ("Övriga deltagande organisationer är\nFörsäkringskassan och Arbetsförmedlingen.",
     [("Försäkringskassan", "partner"), ("Arbetsförmedlingen", "partner")]),
    # an acronym the document spelled out before
    ("Förbundschef för samordningsförbundet ABC i Dalarna. Nu startar projektet där ABC är projektägare.",
     [("Samordningsförbundet ABC i Dalarna", "owner")]),
    # no role: members of a förbund, its founding, a steering group, a financier, a mere mention
    ("Förbundet bildades 2008. Samverkande parter är Lysekils kommun och Arbetsförmedlingen.", []),
    ("Medlemmar i förbundet är Mora kommun, Region Dalarna och Försäkringskassan.", []),
    ("Huddinge kommun har tillsammans med Botkyrka kommun bildat ett samordningsförbund.", []),
    ("Kommunerna finns tillsammans med Arbetsförmedlingen i styrgruppen för förstudien.", []),
    ("Insatsen finansieras av Samordningsförbundet Exempeldalen.", []),
    ("Arbetsförmedlingen och Försäkringskassan har lämnat synpunkter på rapporten.", []),
    ("Målet är en planering tillsammans med Arbetsförmedlingen eller socialtjänsten.", []),
])
def test_roles_read_from_sentences(text, expected):
    assert sorted((r.name, r.role) for r in find_roles(text)) == sorted(expected)


def test_roles_keep_their_offsets():
    text = "Projektägare är Region Gävleborg."
    [role] = find_roles(text)
    assert text[role.start:role.end] == "Region Gävleborg"


def test_form_fields_win_over_prose():
    text = "Insatsägare\nOrganisation: Motala kommun\nBakgrund\nProjektet ägs av Vadstena kommun."
    owner = Section("owner", "Insatsägare", "Organisation: Motala kommun", None, 12, 39)
    found = find_organizations([owner], text)
    assert [(o["name"], o["role"]) for o in found] == [("Motala kommun", "owner")]


def test_prose_fills_what_the_form_leaves_out():
    text = "Vi driver ett samverkansprojekt där ingående parter är Försäkringskassan och Motala kommun."
    found = find_organizations([], text)
    assert {(o["name"], o["role"]) for o in found} == {("Försäkringskassan", "partner"), ("Motala kommun", "partner")}


def test_roles_from_a_label_line():
    text = "Parter i insatsen: Östersunds kommun, Region Jämtland Härjedalen och Försäkringskassan\nInsatsperiod: 2024"
    assert [(r.name, r.role) for r in find_roles(text)] == [
        ("Östersunds kommun", "partner"), ("Region Jämtland Härjedalen", "partner"), ("Försäkringskassan", "partner")]


def test_partner_body_from_the_domain_kommuner_and_regioner_use():
    text = ("Organisation\tVingåkers kommun\nKontaktperson\tLise Exempel, lise.exempel@vingaker.se\n"
            "Organisation\nKontaktperson\tHans Exempel, hans.exempel@regionsormland.se\n")
    owner = Section("owner", None, "Katrineholms kommun", None, 0, 0)
    partners = Section("partners", None, text, None, 0, len(text))
    found = find_organizations([owner, partners], text)
    assert [(o["name"], o["role"]) for o in found if o["role"] == "partner"] == [
        ("Vingåkers kommun", "partner"), ("Region Sörmland", "partner")]
