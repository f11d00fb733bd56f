"""Owners and partners stated in running prose (invented sentences of each kind)."""
import pytest

from extractor.extract.orgs import find_organizations
from extractor.extract.roles import find_roles
from extractor.record import Section


@pytest.mark.parametrize("text, expected", [
    # ownership
    ("Vägvisaren är ett projekt som ägs av Tranås kommun men drivs i samverkan med Arbetsförmedlingen.",
     [("Tranås kommun", "owner"), ("Arbetsförmedlingen", "partner")]),
    ("Sala kommun är projektägare för förstudien.", [("Sala kommun", "owner")]),
    ("Projektägare är Region Gävleborg.", [("Region Gävleborg", "owner")]),
    ("Projektets huvudman är Ljusdals kommun i samverkan med Försäkringskassan och Arbetsförmedlingen.",
     [("Ljusdals kommun", "owner"), ("Försäkringskassan", "partner"), ("Arbetsförmedlingen", "partner")]),
    ("Sedan starten har insatsen bedrivits av Samordningsförbundet Exempeldalen, i tät samverkan med Försäkringskassan.",
     [("Samordningsförbundet Exempeldalen", "owner"), ("Försäkringskassan", "partner")]),
    ("Region Dalarna driver projektet tillsammans med Mora kommun och Försäkringskassan.",
     [("Mora kommun", "owner"), ("Försäkringskassan", "owner"), ("Region Dalarna", "owner")]),
    ("Styrelsen beviljade Samordningsförbundet ABC 450 000 kr. Medlen används för att tillsammans med "
     "Region Dalarna pröva en ny modell.",
     [("Samordningsförbundet ABC", "owner"), ("Region Dalarna", "partner")]),
    ("Projektägare Sala kommun\nProjektperiod 2019-2021", [("Sala kommun", "owner")]),
    # a body outside the gazetteer, where the role is stated outright
    ("Den idéburna sektorn Exempelby Stadsmission fick rollen som projektägare.",
     [("Exempelby Stadsmission", "owner")]),
    ("Projektägare:\nStiftelsen Påhitt i Exempellän, Stifelsen Påhitt i Exempellän\nRegion:\nMellersta",
     [("Stiftelsen Påhitt i Exempellän", "owner")]),
    ("Andra samverkande aktörer har varit Påhittema, Motala kommun Norr: Social resursförvaltning (SRF) samt "
     "Samordningsförbundet Exempeldalen.",
     [("Påhittema", "partner"), ("Motala kommun", "partner"), ("Samordningsförbundet Exempeldalen", "partner")]),
    # a parenthesis inside the list holds the units of the body before it
    ("Ett samverkansprojekt mellan Arbetsförmedlingen och Ljusdals Kommun (gm. vuxenenheten - IFO) "
     "samt Försäkringskassan och Gävleborgs läns landsting.",
     [("Arbetsförmedlingen", "partner"), ("Ljusdals kommun", "partner"), ("Försäkringskassan", "partner"),
      ("Gävleborgs läns landsting", "partner")]),
    # a unit's name that holds a list of its own, broken at a line end
    ("Ingående parter är Arbetsförmedlingen, Förvalt-\nningen för fritid, kultur och lärande "
     "(FKL) och Socialtjänsten.",
     [("Arbetsförmedlingen", "partner"), ("Förvaltningen för fritid, kultur och lärande", "partner"),
      ("Socialtjänsten", "partner")]),
    # förbund listed after the plural without "i"; foundations, associations and companies by their kind
    ("Samordningsförbunden Exempeldalen, Påhittebygden och Låtsasby driver projektet tillsammans med Region Exempel.",
     [("Samordningsförbundet Exempeldalen", "owner"), ("Samordningsförbundet Påhittebygden", "owner"),
      ("Samordningsförbundet Låtsasby", "owner"), ("Region Exempel", "owner")]),
    ("Insatsen drivs i samverkan med Föreningen Exempelhjälpen och Exempel Utbildning AB.",
     [("Föreningen Exempelhjälpen", "partner"), ("Exempel Utbildning AB", "partner")]),
    # an agency misspelt by a letter
    ("Projektet ägs av Motala kommun i samverkan med Arbetsförmedlingn och Försäkringskasssan.",
     [("Motala kommun", "owner"), ("Arbetsförmedlingen", "partner"), ("Försäkringskassan", "partner")]),
    # a cover that lists the parties behind a proposal
    ("2031-11-20 Språnget Deltagande parter i ansökan Försäkringskassan Arbetsförmedlingen Motala kommun: "
     "Socialtjänsten", [("Försäkringskassan", "partner"), ("Arbetsförmedlingen", "partner"), ("Motala kommun", "partner")]),
    # cooperation as a topic ("överenskommelser om samverkan mellan …") is no intervention's
    ("Utredningen föreslår fler avtal om samverkan mellan kommunerna och Arbetsförmedlingen.", []),
    # cooperation spoken of as an aim or a prerequisite is no intervention's
    ("Det arbetet förutsätter ett gott samarbete mellan Försäkringskassan och Arbetsförmedlingen.", []),
    ("Förstärkt samarbete mellan Försäkringskassan och Arbetsförmedlingen Gemensam planering för deltagaren", []),
    ("Jobbtorget är främst ett samarbete mellan Motala kommun och Arbetsförmedlingen.",
     [("Motala kommun", "partner"), ("Arbetsförmedlingen", "partner")]),
    # a looser cue keeps to known bodies: no verb or unknown word becomes a body
    ("En översikt som gjorts av SBU , visar att arbetssättet ger resultat.", []),
    ("Projektet genomförs av Region Örebro län i samverkan med Arbetsförmedlingen.",
     [("Region Örebro län", "owner"), ("Arbetsförmedlingen", "partner")]),
    ("Bollnäs kommun ansvarar för projektet och dess personal.", [("Bollnäs kommun", "owner")]),
    ("Insatsägare i Hudiksvalls kommun, Socialtjänsten\nKontaktperson", [("Hudiksvalls kommun", "owner")]),
    ("Styrelsen beslutar att bevilja 800 000 kr till Ljusdals kommun för insatsen.", [("Ljusdals kommun", "owner")]),
    # a report's past tense, a decision's cases
    ("Påhittsteget ägdes av Nacka kommun. Värmdö kommun och Arbetsförmedlingen var samverkansparter.",
     [("Nacka kommun", "owner"), ("Värmdö kommun", "partner"), ("Arbetsförmedlingen", "partner")]),
    ("Ystads kommun har som insatsägare ansökt om 640 000 kr för insatsen Påhittet.", [("Ystads kommun", "owner")]),
    ("Skurups kommun, insatsägare, ansöker om förlängning av Exemplet.", [("Skurups kommun", "owner")]),
    ("Alva Påhittsson, insatsägare, skriver under.", []),  # a person in the body's place is no owner
    ("Insatsägare: Alvesta kommun\nSamverkan: Tingsryds kommun och Arbetsförmedlingen\nPeriod: 2025-2027",
     [("Tingsryds kommun", "partner"), ("Arbetsförmedlingen", "partner")]),
    # bodies named before their cue are parties also where a steering group follows later
    ("Boxholms kommun och Försäkringskassan deltar som samverkansparter och ingår i styrgruppen.",
     [("Boxholms kommun", "partner"), ("Försäkringskassan", "partner")]),
    ("Boxholms kommun och Försäkringskassan deltar som aktörer i styrgruppen.", []),
    # partnership
    ("Ingående parter i Bron är Arbetsförmedlingen, Socialtjänsten och Region Kronoberg.",
     [("Arbetsförmedlingen", "partner"), ("Socialtjänsten", "partner"), ("Region Kronoberg", "partner")]),
    ("Verksamheten är ett samarbete mellan Vetlanda kommun (gymnasieskolan) och Arbetsförmedlingen.",
     [("Vetlanda kommun", "partner"), ("Arbetsförmedlingen", "partner")]),
    ("Projektparter: Eksjö, Nässjö och Sävsjö kommun samt Försäkringskassan. Rapporten beställdes av styrelsen.",
     [("Eksjö kommun", "partner"), ("Nässjö kommun", "partner"), ("Sävsjö kommun", "partner"),
      ("Försäkringskassan", "partner")]),
    ("I fjol samarbetade Försäkringskassan med samordningsförbunden i Kalmar, Mönsterås och Västra Sörmland.",
     [("Samordningsförbundet Kalmar", "partner"), ("Samordningsförbundet Mönsterås", "partner"),
      ("Samordningsförbundet Västra Sörmland", "partner"), ("Försäkringskassan", "partner")]),
    # a list broken by a line break after its cue
    ("Deltagande myndigheter är\nFörsäkringskassan och Arbetsförmedlingen.",
     [("Försäkringskassan", "partner"), ("Arbetsförmedlingen", "partner")]),
    # an acronym the document spelled out before
    ("Samordningsförbundet ABC i Dalarna har fått medel från fonden och ABC är projektägare.",
     [("Samordningsförbundet ABC i Dalarna", "owner")]),
    # no role: members of a förbund, its founding, a steering group, a financier, a mere mention
    ("Förbundet bildades 2008. Samverkande parter är Bjuvs kommun och Arbetsförmedlingen.", []),
    ("Medlemmar i förbundet är Hjo kommun, Region Västra Götaland och Försäkringskassan.", []),
    ("Ale kommun har tillsammans med Lerums kommun bildat ett samordningsförbund.", []),
    ("Två kommuner sitter tillsammans med Arbetsförmedlingen i projektets styrgrupp.", []),
    ("Insatsen finansieras av Samordningsförbundet Exempeldalen.", []),
    ("Arbetsförmedlingen och Försäkringskassan har lämnat synpunkter på rapporten.", []),
    ("Målet är en planering tillsammans med Arbetsförmedlingen eller socialtjänsten.", []),
    # parties named before their role, a list included
    ("Samordningsförbundet ABC har varit projektägare och Eskilstuna och Katrineholms kommuner har varit parter.",
     [("Samordningsförbundet ABC", "owner"), ("Eskilstuna kommun", "partner"), ("Katrineholms kommun", "partner")]),
    ("Länsstyrelsen i Sörmland och Arbetsförmedlingen har deltagit i projektet som samverkande aktörer.",
     [("Länsstyrelsen i Sörmland", "partner"), ("Arbetsförmedlingen", "partner")]),
    ("Spåret drivs av Strömstads kommun med Arbetsförmedlingen som samverkanspart.",
     [("Strömstads kommun", "owner"), ("Arbetsförmedlingen", "partner")]),
    ("Teamet har Västra Götalandsregionen (primärvården i norra Bohuslän) som huvudman.",
     [("Västra Götalandsregionen", "owner")]),
    ("Med förbundet som projektägare kan parterna söka medel ur fonden.", []),
    # a form's label, and suspended hyphens in a list of kommuner
    ("Medverkande: Degerfors kommun, Region Örebro län och Försäkringskassan",
     [("Degerfors kommun", "partner"), ("Region Örebro län", "partner"), ("Försäkringskassan", "partner")]),
    ("Insatsen bedrivs i samverkan med Norrköpings-, Söderköpings- och Valdemarsviks kommuner.",
     [("Norrköpings kommun", "partner"), ("Söderköpings kommun", "partner"), ("Valdemarsviks kommun", "partner")]),
    # the agencies' short forms, in capitals only
    ("Projektet drivs i samverkan med FK och AF.", [("Försäkringskassan", "partner"), ("Arbetsförmedlingen", "partner")]),
    ("Projektet drivs i samverkan med af-kontoret och fk-handläggare.", []),
    # a signature table that writes each party's role in brackets
    ("Part\tNamnförtydligande\nBollnäs kommun (insatsägare)\tKent Exempel\nRegion Gävleborg (samverkanspart)\tMaja Exempel\n",
     [("Bollnäs kommun", "owner"), ("Region Gävleborg", "partner")]),
    # a decision on an application names its applicant
    ("§ 7 Ansökan från Köpings kommun om insatsen Påhittet\nKöpings kommun ansöker om 980 000 kr. "
     "Styrelsen beslutar att bevilja Köpings kommun 980 000 kr.", [("Köpings kommun", "owner")]),
    # a signature table's role column: each row's own body only
    ("Roll\tOrganisation\tNamn\nInsatsägare\tGävle kommun, Arbetsmarknadsförvaltningen\tAnna Exempelsson\n"
     "Samverkanspart\tRegion Gävleborg\tPer Påhittad\nSamverkanspart\tFörsäkringskassan\tOla Exempel\n",
     [("Gävle kommun", "owner"), ("Region Gävleborg", "partner"), ("Försäkringskassan", "partner")]),
    # ", och" opens a clause of its own: the bodies after it have the role it states
    ("Insatsen ägs av Motala kommun, och Försäkringskassan och Region Östergötland är samverkansparter.",
     [("Motala kommun", "owner"), ("Försäkringskassan", "partner"), ("Region Östergötland", "partner")]),
    # a person's role with the owner after it: the units before the body are its own
    ("Författare: Kim Påhittsson, projektledare, och Lo Exempelsson, projektägare Enheten för hälsa, "
     "Hälsoteamet Exempelby, Region Gävleborg. Rapporten avser våren.", [("Region Gävleborg", "owner")]),
    # a company's seat after its name is no body
    ("Projektägare: Exempel Service AB, Motala\nProjektperiod: 2031", [("Exempel Service AB", "owner")]),
    # a bare kommun's name in a stated role is the kommun; bodies run together in a contents run are no name
    ("Ljusdal var projektägare och anställde två coacher.", [("Ljusdals kommun", "owner")]),
    ("Innehåll Parterna Försäkringskassan Arbetsförmedlingen Regionen Regionen som projektägare Bilagor", []),
    # the project's parties, also through a group that stands for them
    ("Projektets parter bestod av den lokala samverkansgruppen, som representerades av Försäkringskassan, "
     "Arbetsförmedlingen och Ljusdals kommun.",
     [("Försäkringskassan", "partner"), ("Arbetsförmedlingen", "partner"), ("Ljusdals kommun", "partner")]),
    ("Projektets parter består av Ljusdals kommun och Försäkringskassan.",
     [("Ljusdals kommun", "partner"), ("Försäkringskassan", "partner")]),
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


def test_a_partners_field_that_is_a_bare_list_names_every_party():
    text = ("Projektägare: Påhitt Service AB\nSamverkande parter: Påhitt, Ljusdals kommun, Försäkringskassan, "
            "Exempelkyrkan Norr, Region Gävleborg.\n")
    start = text.index("Påhitt,")
    partners = Section("partners", "Samverkande parter", text[start:], None, start, len(text))
    found = find_organizations([partners], text)
    assert [(o["name"], o["role"]) for o in found] == [
        ("Ljusdals kommun", "partner"), ("Försäkringskassan", "partner"), ("Exempelkyrkan Norr", "partner"),
        ("Region Gävleborg", "partner"), ("Påhitt Service AB", "owner")]


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


# One sentence per ROLE_CUES entry, in order: the word gate must let each cue through.
CUE_EXAMPLES = [
    "Projektet ägs gemensamt av Motala kommun.",
    "Projektägare för insatsen är Region Östergötland.",
    "Huvudman: Motala kommun",
    "INSATSÄGARE Motala kommun",
    "Kim Påhittsson, projektägare Motala kommun",
    "SAMVERKANSPART\tFörsäkringskassan",
    "Insatsen genomfördes av Arbetsförmedlingen.",
    "Insatsen genomförs tillsammans med Försäkringskassan.",
    "Den bedrivits av Motala kommun.",
    "Motala kommun driver projektet tillsammans med Region Östergötland.",
    "Insatsen drivs av Motala kommun tillsammans med Vadstena kommun.",
    "Motala kommun är projektägare.",
    "Stiftelsen Exempelhjälpen fick rollen som projektägare.",
    "Motala kommun har som insatsägare ansökt om medel.",
    "Motala kommun, insatsägare, ansöker om förlängning.",
    "Motala kommun bedrev arbetet tillsammans med Försäkringskassan.",
    "Fristaden är en insats som Motala kommun driver i samverkan med Region Östergötland.",
    "Motala kommun ANSVARAR FÖR Verksamheten.",
    "Teamet har Motala kommun (socialtjänsten) som huvudman.",
    "Motala kommun (insatsägare)",
    "Region Östergötland (samverkanspart)",
    "Styrelsen beslutar att bevilja 800 000 kr till Motala kommun.",
    "Styrelsen beviljade Motala kommun 800 000 kr.",
    "Motala kommun har fått medel från socialfonden till ett projekt.",
    "Ansökan från Motala kommun om insatsen Exemplet.",
    "Motala kommun ansöker om 980 000 kr.",
    "Det sker i nära samarbete med Försäkringskassan.",
    "It was carried out in cooperation with Försäkringskassan.",
    "Ett samarbetsprojekt mellan Motala kommun och Region Östergötland.",
    "Övriga deltagande myndigheter är Försäkringskassan.",
    "Samverkanspartners: Försäkringskassan",
    "Teamet samverkar även med Försäkringskassan.",
    "Motala kommun samarbetade med Försäkringskassan.",
    "Motala och Vadstena kommuner har varit parter.",
    "Försäkringskassan har deltagit i projektet som samverkande aktörer.",
    "Det drivs med Försäkringskassan som samverkanspart.",
    "Motala kommun är insatsägare och Region Östergötland samverkanspart.",
    "Projektets parter bestod av Försäkringskassan.",
    "Samverkande parter: Försäkringskassan",
    "Medverkande parter: Försäkringskassan",
    "Samverkan: Försäkringskassan och Region Östergötland",
    "Under året samverkade Motala kommun med Försäkringskassan.",
    "Samordningsförbundet Exempel Organisationsnamn",
    "Sökande organisation: Motala kommun",
    "Teamet är en gemensam insats för parterna i förbundet: Motala kommun och Försäkringskassan.",
    "Medel beviljades för att tillsammans med Försäkringskassan skapa ett stöd.",
]


@pytest.mark.parametrize("index, sentence", list(enumerate(CUE_EXAMPLES)))
def test_roles_word_gate_lets_each_cue_through(index, sentence):
    from extractor.extract.role_cues import ROLE_CUES_RE, cues_for as _cues_for

    assert ROLE_CUES_RE[index][2].search(sentence), "the example does not show its cue"
    assert ROLE_CUES_RE[index] in _cues_for(sentence)


def test_roles_word_gate_searches_every_cue_where_case_folding_is_wider():
    from extractor.extract.role_cues import ROLE_CUES_RE, cues_for as _cues_for

    # "ſ" (long s) matches "s" under re.I but lower() keeps it: no cue may be passed over
    assert _cues_for("Projektet äg\u017f av Motala kommun.") == ROLE_CUES_RE
    assert _cues_for("Vädret var fint.") == []


def test_roles_every_cue_has_a_gate_example():
    from extractor.extract.role_cues import ROLE_CUES

    assert len(CUE_EXAMPLES) == len(ROLE_CUES)
