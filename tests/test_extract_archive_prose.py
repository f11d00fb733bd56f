"""Running prose of archived förbund documents (minutes, memos, plans, web pages): invented texts."""
import pytest

from extractor.extract.ages import find_target_groups
from extractor.extract.amounts import find_amounts
from extractor.extract.budget import find_budget
from extractor.extract.named_people import find_named_people
from extractor.extract.orgs import find_organizations
from extractor.extract.participants import find_participants
from extractor.extract.period import find_period
from extractor.extract.staffing import find_staffing
from extractor.method_rules import verdict
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


@pytest.mark.parametrize("text, start, end", [
    # the intervention's name is the subject; its verb says it was run
    ("Exempelvägen har bedrivits av Lindesbergs kommun under perioden 2029-08-19 till 2032-06-30.",
     "2029-08-19", "2032-06-30"),
    # a continuation applies for the next period
    ("Exempelteamet har sedan den 1 mars 2029 drivits av kommunen. Vi ansöker nu om fortsatt finansiering "
     "för perioden 1 januari 2032 till och med 31 december 2033.", "2032-01-01", "2033-12-31"),
])
def test_period_in_running_prose(text, start, end):
    period = find_period([], text, doc_type="application")
    assert (period["start"], period["end"]) == (start, end)


def test_a_report_period_is_no_intervention_period():
    period = find_period([], "Rapporten avser perioden 1 oktober 2031 – 15 mars 2032.", doc_type="progress_report")
    assert (period["start"], period["end"]) == (None, None)


@pytest.mark.parametrize("text, expected", [
    ("Förbundschefen arbetar på heltid och förbundsekonomen på 40 % tjänst.",
     [("Förbundschef", 1.0), ("Förbundsekonom", 0.4)]),
    ("Kansliet består av en förbundschef på heltid och en administratör på 30 %.",
     [("Förbundschef", 1.0), ("Administratör", 0.3)]),
    # one share for each of the posts just named
    ("I teamet finns en rehabkoordinator och en arbetsspecialist, båda på heltid.",
     [("Rehabkoordinator", 1.0), ("Arbetsspecialist", 1.0)]),
])
def test_staffing_in_running_prose(text, expected):
    assert [(s.role, s.fte) for s in find_staffing(_whole(text))] == expected


@pytest.mark.parametrize("text, key, expected", [
    ("Under projekttiden räknar vi med att ta emot 60 deltagare.", "target_group", {"count": 60, "per": "total"}),
    # a report's account of the plan beside the outcome so far
    ("Insatsen förväntades enligt ansökan ta emot 80 deltagare under hela projekttiden; hittills har 41 personer "
     "skrivits in.", "other", {"count": 80, "per": "total"}),
    ("Insatsen bör kunna ta emot cirka 40 deltagare per år.", "other", {"count": 40, "per": "year"}),
])
def test_participants_in_running_prose(text, key, expected):
    assert find_participants(_whole(text, key), text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Insatsen ska genomföras i samverkan med kommunen och vända sig till personer 18–64 år som har en "
     "arbetsmarknadsinsats.", [(18, 64)]),
    ("Insatsen tar emot personer 18–64 år som har en samordnad plan.", [(18, 64)]),
    ("Exempelsteget är för dig som är mellan 18 och 30 år och bor i Exempelby.", [(18, 30)]),
])
def test_target_ages_in_running_prose(text, expected):
    assert [(f.age_min, f.age_max) for f in find_target_groups([], text)] == expected


def test_staff_named_by_their_role_use_a_method():
    masked = "Konsulenterna utgår från ett METODNAMN arbetssätt och deltagarna skattas var tredje månad."
    assert verdict(masked, "methods") == (True, "own_use")


@pytest.mark.parametrize("text, requested", [
    # a decision tells what the application asked for, then grants it in parts
    ("Exempelby kommun har den 14 februari 2031 inkommit med en ansökan om 950 000 kronor för insatsen Påhittet. "
     "Styrelsen beslutar att bevilja 400 000 kr för 2031 och 550 000 kr för 2032.", 950000),
    ("Kommunen har i sin ansökan begärt 1 860 000 kronor för insatsen. Styrelsen beslutar att bevilja 930 000 kr "
     "för 2031.", 1860000),
])
def test_budget_request_told_by_a_decision(text, requested):
    amounts = find_amounts(text, [])
    assert find_budget(text, amounts, [], "decision")["requested_sek"] == requested


def test_a_phone_number_in_a_budget_section_is_no_amount():
    text = "Vi söker 1 275 000 kronor per år. Lokaler 210 tkr per år.\nKontakt: Alva Påhittsson, tel 0921-624 31"
    assert [f.value for f in find_amounts(text, [(0, len(text))])] == [1275000, 210000]


@pytest.mark.parametrize("text, expected", [
    # the owner stated first; "genomförs tillsammans med" names those taking part
    ("Motala kommun kommer att vara insatsägare. Insatsen genomförs tillsammans med Vadstena kommun "
     "och Försäkringskassan.",
     [("Motala kommun", "owner"), ("Vadstena kommun", "partner"), ("Försäkringskassan", "partner")]),
    ("Insatsen drivs av Åstorps kommun. Bjuvs kommun och Klippans kommun blir nu samverkansparter.",
     [("Åstorps kommun", "owner"), ("Bjuvs kommun", "partner"), ("Klippans kommun", "partner")]),
    ("Projektet drivs av Umeå kommun. Arbetsförmedlingen och Vännäs kommun är samarbetsparter.",
     [("Umeå kommun", "owner"), ("Arbetsförmedlingen", "partner"), ("Vännäs kommun", "partner")]),
    ("Insatsen Exempelsteget bedrivs sedan 2029-01-01 av Karlstads kommun tillsammans med Region Värmland.",
     [("Karlstads kommun", "owner"), ("Region Värmland", "owner")]),
    ("Norrtälje kommun ansöker om förlängning av Exempelstarten och söker 640 000 kr.", [("Norrtälje kommun", "owner")]),
])
def test_more_roles_in_running_prose(text, expected):
    found = {(o["name"], o["role"]) for o in find_organizations([], text)}
    assert found == set(expected)


@pytest.mark.parametrize("text, start, end", [
    ("Styrelsen beslutade att bevilja Ljungby kommun 780 000 kronor för perioden 2031-06-01 – 2032-05-31.",
     "2031-06-01", "2032-05-31"),
    ("Insatsen planeras att starta 1 februari 2031 och avslutas 31 januari 2033.", "2031-02-01", "2033-01-31"),
    ("Projektet pågår mellan 1 mars 2031 och 28 februari 2033 och drivs av kommunen.", "2031-03-01", "2033-02-28"),
    ("Insatsen Exempelsteget bedrivs sedan 2029-01-01 av kommunen.", "2029-01-01", None),
])
def test_more_periods_in_running_prose(text, start, end):
    period = find_period([], text, doc_type="application")
    assert (period["start"], period["end"]) == (start, end)


def test_posts_with_their_shares_in_turn():
    text = "En processledare på 50 % samt två coacher (1,0 resp. 0,75 tjänst)."
    assert [(s.role, s.fte) for s in find_staffing(_whole(text))] == [
        ("Processledare", 0.5), ("Coach", 1.0), ("Coach", 0.75)]


def test_the_target_groups_children_are_no_target_group():
    text = "Insatsen vänder sig till föräldrar mellan 20 och 40 år som har barn under 18 år."
    assert [(f.age_min, f.age_max) for f in find_target_groups([], text)] == [(20, 40)]


@pytest.mark.parametrize("text, expected", [
    ("Planeringen inför 2032 utgår från att 40 nya deltagare ska skrivas in under året.", {"count": 40, "per": "year"}),
    # a report's account of the plan, then the outcome
    ("Projektet skulle enligt ansökan nå 90 deltagare; 104 personer deltog.", {"count": 90, "per": "total"}),
])
def test_more_participants_in_running_prose(text, expected):
    assert find_participants(_whole(text), text) == expected


@pytest.mark.parametrize("text, requested", [
    ("Kostnaderna för 2031 uppgick till 2 106 300 kr, varav samordningsförbundet finansierade 1 650 000 kr.", 1650000),
    ("Projektet finansieras av Samordningsförbundet Exempeldalen med 2,2 mnkr per år.", 2200000),
])
def test_a_förbund_financing_in_prose_is_the_request(text, requested):
    amounts = find_amounts(text, [])
    assert find_budget(text, amounts, [], "progress_report")["requested_sek"] == requested


def test_an_iso_date_written_with_dots():
    from extractor.extract.dates import find_dates

    text = "Insatsen påbörjades 2031.03.15 och ska pågå t.o.m. 2033.03.14. Version 2.10.3, 1.250.000 kr."
    assert [d.value for d in find_dates(text)] == ["2031-03-15", "2033-03-14"]


def test_a_post_described_by_its_share():
    text = "Under året har en halvtidstjänst som projektledare och en 75-procentig tjänst som fysioterapeut funnits."
    assert [(s.role, s.fte) for s in find_staffing(_whole(text))] == [("Projektledare", 0.5), ("Fysioterapeut", 0.75)]


def test_the_sum_applied_for_for_a_time_gives_the_period():
    text = "Exempelby kommun ansöker om 2 400 000 kronor för tiden 1 januari 2031–31 december 2032."
    period = find_period([], text, doc_type="decision")
    assert (period["start"], period["end"]) == ("2031-01-01", "2032-12-31")


@pytest.mark.parametrize("text, expected", [
    ("Från och med den 1 mars startar insatsen Exempelvägen, som ska ge personer 18–65 år med psykisk ohälsa "
     "individuellt stöd till arbete.", [(18, 65)]),
    # most of those served are of an age; the band the insats is for is another
    ("Insatsen vänder sig till sjukskrivna från 16 år och uppåt; i praktiken är de flesta deltagare mellan 35 och "
     "55 år.", [(16, None)]),
])
def test_more_target_ages_in_running_prose(text, expected):
    assert [(f.age_min, f.age_max) for f in find_target_groups([], text)] == expected


@pytest.mark.parametrize("text, field, value", [
    ("Projektets budget var 2,9 miljoner kronor.", "total_sek", 2900000),
    ("Budget för året var 980 tkr, varav 120 tkr i egen insats från regionen.", "total_sek", 980000),
    ("Kommunen ansöker nu om fortsatt finansiering med 850 000 kr per år under 2032 och 2033, totalt 1 700 000 kr.",
     "requested_sek", 1700000),
])
def test_budget_figures_told_in_a_report_or_a_continuation(text, field, value):
    amounts = find_amounts(text, [])
    assert find_budget(text, amounts, [], "final_report")[field] == value


def test_two_signers_side_by_side_under_justeras():
    text = "Vid protokollet\n\nMaja Exempelsson\n\nJusteras\n\nUlla Påhittad\t\tAhmed Exempel\n"
    names = [n for n, role, *_ in find_named_people(text, minutes=True) if role == "signatory"]
    assert names == ["Maja Exempelsson", "Ulla Påhittad", "Ahmed Exempel"]


def test_the_person_answerable_for_the_intervention_is_a_contact():
    text = "Ansvarig för insatsen är enhetschef Lotta Exempelsson."
    assert [(n, role) for n, role, *_ in find_named_people(text)] == [("Lotta Exempelsson", "contact")]


@pytest.mark.parametrize("text, expected", [
    ("Insatsen ska drivas av Ludvika kommun i samarbete med Smedjebackens kommun.",
     [("Ludvika kommun", "owner"), ("Smedjebackens kommun", "partner")]),
    ("Exempelsteget har pågått med Skellefteå kommun som projektägare och Region Västerbotten som medverkande part.",
     [("Skellefteå kommun", "owner"), ("Region Västerbotten", "partner")]),
])
def test_roles_with_an_infinitive_or_a_part_named_with_som(text, expected):
    found = {(o["name"], o["role"]) for o in find_organizations([], text)}
    assert found == set(expected)


def test_a_period_written_from_and_tom():
    text = "Kommunen har ansökt om medel för insatsen Exempelhuset from 1 januari 2032 tom 31 december 2033."
    period = find_period([], text, doc_type="decision")
    assert (period["start"], period["end"]) == ("2032-01-01", "2033-12-31")


def test_a_förbund_that_has_financed_a_project_gives_the_request():
    text = "Projektet har finansierats av Samordningsförbundet Exempelbygden med totalt 4 000 000 kronor."
    assert find_budget(text, find_amounts(text, []), [], "final_report")["requested_sek"] == 4000000


def test_ages_of_an_insats_for_a_named_group():
    text = "Exempelkraft är en insats för långtidsarbetslösa mellan 25 och 60 år i Exempelby."
    assert [(f.age_min, f.age_max) for f in find_target_groups([], text)] == [(25, 60)]


def test_staff_to_be_trained_in_and_use_a_method():
    assert verdict("Personalen kommer också att utbildas i och använda METODNAMN.", "methods") == (True, "own_use")


def test_signers_one_a_line_under_justerandes_signatur():
    text = "Styrelsen beslutar att bevilja medlen.\n\nJusterandes signatur\nPia Exempelsson\nKjell Påhittad\n"
    names = [n for n, role, *_ in find_named_people(text, minutes=True) if role == "signatory"]
    assert names == ["Pia Exempelsson", "Kjell Påhittad"]


@pytest.mark.parametrize("text, start, end", [
    # the period section's sentence: "inleds den A och pågår till den B"
    ("Projektet inleds den 13 januari 2031 och pågår till den 31 december 2032.", "2031-01-13", "2032-12-31"),
])
def test_period_section_with_inleds_and_pågår_till(text, start, end):
    sections = [Section("period", "Tidplan", text, None, 0, len(text))]
    period = find_period(sections, text, doc_type="application")
    assert (period["start"], period["end"]) == (start, end)


def test_a_team_that_started_and_ends_by_plan():
    text = "Samverkansteam Exempelby startade 2030-09-05 och avslutas enligt plan 2032-09-04."
    period = find_period([], text, doc_type="progress_report")
    assert (period["start"], period["end"]) == ("2030-09-05", "2032-09-04")


def test_a_team_that_has_begun_to_use_a_method():
    assert verdict("Teamet har också börjat använda METODNAMN-indikatorerna.", "methods") == (True, "own_use")


def test_the_clerk_who_certifies_an_extract_signs_it():
    text = "Kommunstyrelsen beslutar enligt förslaget.\n\nUtdragsbestyrkande\nEmma Exempelsson, kommunsekreterare\n"
    names = [n for n, role, *_ in find_named_people(text, minutes=True) if role == "signatory"]
    assert names == ["Emma Exempelsson"]


def test_a_newsletters_greeting_names_its_writers():
    text = "Nästa träff blir i september.\n\nHälsningar\nJohanna Exempelsson och Mattias Påhittad\nCoacher, Exempelsteget\n"
    assert [n for n, *_ in find_named_people(text)] == ["Johanna Exempelsson", "Mattias Påhittad"]


def test_a_förbunds_controller_and_its_genitive():
    text = "Förbundschefen har arbetat på heltid och förbundets controller på 20 %."
    assert [(s.role, s.fte) for s in find_staffing(_whole(text))] == [("Förbundschef", 1.0), ("Controller", 0.2)]


def test_participants_to_be_enrolled_at_a_time():
    text = "Minst 20 deltagare ska vara inskrivna samtidigt."
    assert find_participants(_whole(text), text) == {"count": 20, "per": "ongoing"}


@pytest.mark.parametrize("text, expected", [
    ("Tranås kommun är insatsägare och Region Jönköpings län samverkanspart.",
     [("Tranås kommun", "owner"), ("Region Jönköpings län", "partner")]),
    ("Insatsen har drivits av Östersunds kommun med Försäkringskassan och Arbetsförmedlingen som samverkansparter.",
     [("Östersunds kommun", "owner"), ("Försäkringskassan", "partner"), ("Arbetsförmedlingen", "partner")]),
])
def test_partners_with_the_verb_left_out_or_in_the_plural(text, expected):
    found = {(o["name"], o["role"]) for o in find_organizations([], text)}
    assert found == set(expected)


def test_the_project_time_said_in_a_sentence():
    period = find_period([], "Projekttiden är 1 april 2031 till 31 mars 2033.", doc_type="other")
    assert (period["start"], period["end"]) == ("2031-04-01", "2033-03-31")


def test_a_förbund_that_has_financed_the_insats_gives_the_request():
    text = "Förbundet har finansierat insatsen med totalt 3 600 000 kronor."
    assert find_budget(text, find_amounts(text, []), [], "final_report")["requested_sek"] == 3600000


def test_the_original_plan_told_in_a_report():
    text = "Insatsen skulle enligt den ursprungliga planen ta emot 40 deltagare per år. 112 personer deltog totalt."
    assert find_participants(_whole(text), text) == {"count": 40, "per": "year"}


def test_some_of_the_posts_just_named_share_a_share():
    text = "Hos oss arbetar tre ungdomscoacher, en på heltid och två på halvtid."
    assert [(s.role, s.fte) for s in find_staffing(_whole(text))] == [
        ("Ungdomscoach", 1.0), ("Ungdomscoach", 0.5), ("Ungdomscoach", 0.5)]


def test_the_start_of_a_project_run_since_a_date():
    text = ("Exempelhuset har bedrivits av Gislaveds kommun i samarbete med Arbetsförmedlingen sedan den 1 mars 2029 "
            "och avslutades den 28 februari 2031.")
    period = find_period([], text, doc_type="final_report")
    assert (period["start"], period["end"]) == ("2029-03-01", "2031-02-28")


def test_a_method_planned_then_chosen_away():
    masked = "Projektet planerade att införa METODNAMN men valde bort det under 2030."
    assert verdict(masked, "methods") == (False, "dropped")
