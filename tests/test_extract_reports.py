"""Facts of report-type documents written after funding: lägesrapporter, slutrapporter, uppföljningar
to the board, SUS summaries and minutes (invented text)."""
import pytest

from extractor.extract.amounts import find_amounts
from extractor.extract.budget import find_budget
from extractor.extract.period import find_period
from extractor.record import Section


@pytest.mark.parametrize("text, start, end", [
    # who ran it stands between the verb and the period
    ("Påhittet var en samverkansinsats som bedrevs av Exempelby kommun i samverkan med Arbetsförmedlingen "
     "under perioden 1 februari 2031 till 31 januari 2034.", "2031-02-01", "2034-01-31"),
    # a start since a date after who runs it, and the end of its continued funding
    ("Insatsen Påhittet drivs av Exempelby kommun tillsammans med Heby kommun sedan 2030-01-10 och beviljades "
     "fortsatt finansiering till och med 2032-12-31.", "2030-01-10", "2032-12-31"),
    # a SUS summary's fields
    ("Insatsens start: 2030-04-01   Planerat slut: 2033-03-31\nRapporten avser: 2031-01-01–2031-12-31",
     "2030-04-01", "2033-03-31"),
    ("Hållbar hälsa bedrevs av Exempelby kommun tillsammans med Region Exempel mellan den 1 juni 2030 och den 31 maj 2033.",
     "2030-06-01", "2033-05-31"),
    # a report looking back, and a summary's label
    ("Samspel har pågått sedan den 1 september 2030 och avslutades enligt plan den 31 augusti 2033.",
     "2030-09-01", "2033-08-31"),
    ("Sammanfattning av deltagaruppföljning 2031\nKraftstegen\nPeriod för insatsen: 2031-02-01–2033-01-31\n",
     "2031-02-01", "2033-01-31"),
])
def test_a_reports_account_of_the_insats_period(text, start, end):
    period = find_period([], text, doc_type="progress_report")
    assert (period["start"], period["end"]) == (start, end)


def _budget(text: str, doc_type: str, in_budget: bool = True) -> dict:
    budget = [Section("budget", "Ekonomi", text, None, 0, len(text))] if in_budget else []
    return find_budget(text, find_amounts(text, [(0, len(text))]), budget, doc_type)


def test_a_reports_financier_table_granted_against_outcome():
    text = ("Ekonomi\nFinansiering\tBeviljat\tUtfall\nESF-stöd\t9 200 000\t8 874 200\n"
            "Samordningsförbundet Exempeldalen\t2 000 000\t1 986 000\nMedfinansiering Exempelby kommun\t1 500 000\t1 612 000\n"
            "Totalt\t12 700 000\t12 472 200\n")
    assert _budget(text, "final_report") == {"requested_sek": 2000000, "own_financing_sek": 1500000,
                                             "total_sek": 12700000}


def test_the_forbunds_own_costs_are_no_request():
    text = "§ 20 Ekonomisk uppföljning\nFörbundets kostnader per den 30 april 2031 uppgick till 2 145 000 kr.\n"
    assert _budget(text, "decision", in_budget=False)["requested_sek"] is None


@pytest.mark.parametrize("text, expected", [
    # whom the insats gave support, a word for their situation first
    ("Påhittet har gett stöd till långtidsarbetslösa kvinnor och män i åldern 25–54 år med utländsk bakgrund.",
     [(25, 54)]),
    ("Region Exempel är huvudman för Fyren, som ger stöd till sjukskrivna i åldern 30–64 år.", [(30, 64)]),
    # a count of those enrolled in the next sentence (opening with its figure) leaves the band standing
    ("Unga in ägs av Exempelby kommun och riktar sig till unga mellan 16 och 24 år. 46 unga var inskrivna under året.",
     [(16, 24)]),
    # ... but in the same clause it is a statistic
    ("Under året var 46 unga mellan 16 och 24 år inskrivna under året.", []),
])
def test_a_reports_target_ages(text, expected):
    from extractor.extract.ages import find_target_groups
    assert [(f.age_min, f.age_max) for f in find_target_groups([], text)] == expected


@pytest.mark.parametrize("text, title", [
    # the report's kind with its part and time on one line, the name on the next
    ("HALVÅRSRAPPORT 1 2031\nPåhittet\n\nProjektägare: Exempelby kommun\n", "Påhittet"),
    ("DELÅRSRAPPORT JANUARI–AUGUSTI 2031\nSteget ut\nInsatsägare: Exempelby kommun\n", "Steget ut"),
    # a follow-up's cover
    ("Sammanfattning av deltagaruppföljning 2031\nKraftstegen\nHuvudman: Exempelby kommun\n", "Kraftstegen"),
    # the time the report covers in words
    ("Lägesrapport kvartal 3 2031 – Navigatorn\n\nInsatsägare: Exempelby kommun\n", "Navigatorn"),
    ("Uppföljningsrapport helår 2031\nArbetsbron\n\nArbetsbron ägs av Exempelby kommun.\n", "Arbetsbron"),
    # a name in lower-case words with its place
    ("Slututvärdering\nHållbar hälsa i Exempelby\n\nOm utvärderingen\n", "Hållbar hälsa i Exempelby"),
    # an extract of minutes deciding one case
    ("Samordningsförbundet Exempeldalen\nUtdrag ur protokoll 2031-06-12\n\n§ 23 Fortsatt finansiering – Nya vägar\n\n"
     "Exempelby kommun har inkommit med en ansökan.\n", "Nya vägar"),
    # ... minutes of several cases name no one insats
    ("Protokoll 2031-06-12\n§ 1 Lägesrapport – Bron\nText.\n§ 2 Fortsättningsansökan – Fyren\nText.\n", None),
])
def test_a_reports_cover_names_the_insats(text, title):
    from extractor.extract.meta import find_title
    assert find_title([], text) == title


@pytest.mark.parametrize("text, doc_type", [
    # an account or follow-up over the insats's own fields
    ("Årlig redovisning 2031\nInsats: Påhittet\nSamordningsförbundet Exempeldalen\n\nPåhittet startade 2030.", "progress_report"),
    ("Sammanfattning av deltagaruppföljning 2031\nKraftstegen\nHuvudman: Exempelby kommun\n"
     "Enligt ansökan ska insatsen ha 25 deltagare åt gången.", "progress_report"),
    # an annual report that opens on the one insats; a förbund's lists its insatser
    ("ÅRSRAPPORT 2031\nPÅHITTET – ETT STÖD FÖR UNGA\n\nOm insatsen\nPåhittet är en insats som Exempelby kommun driver.",
     "progress_report"),
    ("ÅRSRAPPORT 2031\nSamordningsförbundet Exempeldalen\n\nOm insatsen\nFinansierade insatser under 2031 var tre.", "other"),
    # a report's reference to the application is no application
    ("Lägesrapport\nInsatsen har fler deltagare än vad som beräknades i ansökan.", "progress_report"),
])
def test_doc_type_of_an_insats_account(text, doc_type):
    from extractor.classify import classify_doc_type
    assert classify_doc_type(text) == doc_type


@pytest.mark.parametrize("text, expected", [
    ("Ekonomi\nBeviljat för 2031: 980 000 kr. Förbrukat: 941 200 kr.", {"requested_sek": 980000}),
    ("Under insatsperioden har förbundet bidragit med 3 150 000 kr, och Exempelby kommun har stått för lokaler "
     "till ett värde av 210 000 kr. Den totala kostnaden uppgick till 3 360 000 kr.",
     {"requested_sek": 3150000, "own_financing_sek": 210000, "total_sek": 3360000}),
])
def test_a_reports_account_of_the_forbunds_share(text, expected):
    found = _budget(text, "final_report", in_budget=False)
    assert {k: v for k, v in found.items() if v is not None} == expected


@pytest.mark.parametrize("text, posts, total", [
    # a share each, the word for the share between role and figures
    ("Projektet hade två jobbcoacher med en tjänstgöringsgrad på 100 % respektive 80 %. Projektledaren arbetade 0,25 tjänst. "
     "Sammanlagt motsvarade bemanningen 2,05 årsarbetskrafter.",
     [("Jobbcoach", 1.0), ("Jobbcoach", 0.8), ("Projektledare", 0.25)], 2.05),
    # shares in brackets after the role, one for each of those counted
    ("Påhittet har en projektledare (0,5), tre arbetsmarknadskonsulenter (1,0 vardera) och en administratör (0,2).",
     [("Projektledare", 0.5), ("Arbetsmarknadskonsulent", 1.0), ("Arbetsmarknadskonsulent", 1.0),
      ("Arbetsmarknadskonsulent", 1.0), ("Administratör", 0.2)], 3.7),
    # the shares after a comma, one for each
    ("Personal: två handledare, 1,0 och 0,5 tjänst.", [("Handledare", 1.0), ("Handledare", 0.5)], 1.5),
    # a bracketed year or count is no share
    ("Projektledaren (2031) och coacherna (3) arbetar i teamet.", [], None),
])
def test_a_reports_staffing(text, posts, total):
    from extractor.extract.staffing import find_fte_total, find_staffing
    sections = [Section("other", "Personal", text, None, 0, len(text))]
    staffing = find_staffing(sections)
    assert [(s.role, s.fte) for s in staffing] == posts
    assert find_fte_total(sections, staffing) == total


@pytest.mark.parametrize("text, requested", [
    ("Beviljad budget 2031: 1 480 000 kr. Upparbetat t.o.m. september: 1 072 000 kr.", 1480000),
    ("Beviljat totalt: 5 940 000 kr\nVarav 2031: 1 980 000 kr\nUtfall 2031: 1 902 331 kr", 5940000),
    ("Förbundets bidrag: 3 300 000 kronor (1 100 000 kronor per år).", 3300000),
])
def test_a_reports_labels_for_the_grant(text, requested):
    assert _budget(text, "progress_report", in_budget=False)["requested_sek"] == requested


@pytest.mark.parametrize("text, label", [
    # staff named by compound titles use the method
    ("Rehabkoordinatorn använder motiverande samtal.", "MI"),
    ("Socionomen arbetar utifrån motiverande samtal.", "MI"),
    ("Kuratorerna arbetar lösningsfokuserat i alla samtal.", "SOLUTION_FOCUSED"),
])
def test_a_reports_staff_using_a_method(text, label):
    from extractor.methods import classify_methods
    labels = [m["label"] for m in classify_methods(text, [Section("methods", "Metoder", text, None, 0, len(text))])]
    assert label in labels


def test_a_count_the_insats_has_had_is_no_plan():
    from extractor.extract.participants import find_participants
    text = "Vi har under året haft 27 deltagare inskrivna. Enligt beslutet ska Påhittet kunna ta emot 30 deltagare per år."
    assert find_participants([Section("participants", "Deltagare", text, None, 0, len(text))], text) == {"count": 30, "per": "year"}


def test_a_short_reports_plan_and_period():
    from extractor.extract.participants import find_participants
    text = ("Familjelyftet pågick 2030-09-01 – 2033-08-31 och drevs av Exempelby kommun. Insatsen var till för föräldrar "
            "under 35 år med försörjningsstöd. Planerat var 20 familjer per år; totalt deltog 54 familjer.")
    from extractor.extract.ages import find_target_groups
    assert find_participants([], text) == {"count": 20, "per": "year"}
    period = find_period([], text, doc_type="final_report")
    assert (period["start"], period["end"]) == ("2030-09-01", "2033-08-31")
    assert [(f.age_min, f.age_max) for f in find_target_groups([], text)] == [(None, 34)]


def test_the_grants_end_is_the_periods():
    text = "Insatsen startade i augusti 2030 och har beviljats medel till och med den 31 juli 2033."
    assert find_period([], text, doc_type="progress_report")["end"] == "2033-07-31"


def test_a_body_that_runs_the_insats_in_samverkan():
    from extractor.extract.orgs import find_organizations
    text = "Fristaden är en insats som Hudiksvalls kommun driver i samverkan med Region Gävleborg."
    found = {(o["name"], o["role"]) for o in find_organizations([], text)}
    assert found == {("Hudiksvalls kommun", "owner"), ("Region Gävleborg", "partner")}


def test_a_grant_stated_as_the_insats_being_granted():
    assert _budget("Insatsen var beviljad 3 900 000 kr. Av dessa har 3 612 700 kr förbrukats.", "decision",
                   in_budget=False)["requested_sek"] == 3900000


def test_a_staffing_table_of_planned_and_staffed_posts_gives_the_staffed():
    from extractor.extract.staffing import find_fte_total, find_staffing
    text = ("Befattning\tEnligt ansökan\tFaktiskt\nArbetsspecialist\t100 %\t100 %\nArbetsspecialist\t100 %\t50 %\n"
            "Samordnare\t20 %\t20 %\nDen andra arbetsspecialisten har bara arbetat halvtid under perioden.")
    sections = [Section("other", "Bemanning", text, None, 0, len(text))]
    staffing = find_staffing(sections)
    assert [(s.role, s.fte) for s in staffing] == [("Arbetsspecialist", 1.0), ("Arbetsspecialist", 0.5), ("Samordnare", 0.2)]
    assert find_fte_total(sections, staffing) == 1.7


def test_a_staffing_table_granted_against_staffed_with_its_sum_row():
    from extractor.extract.staffing import find_fte_total, find_staffing
    text = "Roll\tBeviljat\tTillsatt\nProjektledare\t0,5\t0,5\nHandledare\t2,0\t1,5\nSumma\t2,5\t2,0"
    sections = [Section("other", "Bemanning", text, None, 0, len(text))]
    staffing = find_staffing(sections)
    assert [(s.role, s.fte) for s in staffing] == [("Projektledare", 0.5), ("Handledare", 1.5)]
    assert find_fte_total(sections, staffing) == 2.0


def test_a_count_under_one_year_is_per_year_and_a_sub_projects_name():
    from extractor.extract.meta import find_title
    from extractor.extract.participants import find_participants
    text = "Insatsen ska ta emot 24 deltagare under ett år. Under rapportperioden har 15 deltagare skrivits in."
    assert find_participants([], text) == {"count": 24, "per": "year"}
    assert find_title([], "Slutrapport för delprojektet Nytt steg\nDel av ESF-projektet Länsbryggan\n") == "Nytt steg"


def test_a_tables_column_heads_are_no_title():
    from extractor.extract.meta import find_title
    text = ("Samordningsförbundet Exempeldalen\nUppföljning av förbundets insatser, första halvåret 2031\n"
            "Till styrelsen 2031-09-05\n\nInsats\tÄgare\tBeviljat 2031 (kr)\tFörbrukat (kr)\tDeltagare\n"
            "Vägskälet\tSundsvalls kommun\t1 400 000\t655 000\t21\nBalans\tTimrå kommun\t900 000\t460 300\t14\n")
    assert find_title([], text) is None


def test_a_cue_that_ends_its_sentence_lists_nothing_after():
    from extractor.extract.orgs import find_organizations
    text = ("Insatsen Närvaro drivs av Mariestads kommun. Töreboda kommun och Gullspångs kommun är samverkansparter.\n"
            "Projekttid: 2031-08-21 till 2033-06-13.")
    found = {(o["name"], o["role"]) for o in find_organizations([], text)}
    assert ("Projekttid", "partner") not in {(n, r) for n, r in found}
    assert ("Töreboda kommun", "partner") in found


def test_a_follow_ups_account_of_its_funding_period():
    text = ("Resurs drivs av Exempelby kommun tillsammans med Region Skåne och har finansierats av förbundet sedan 2030-09-01. "
            "Beslut om finansiering finns till och med 2033-08-31.")
    period = find_period([], text, doc_type="progress_report")
    assert (period["start"], period["end"]) == ("2030-09-01", "2033-08-31")


@pytest.mark.parametrize("text, expected", [
    ("Beviljat för läsåret: 1,1 mnkr. Förbrukat per 31 december 2031: 0,6 mnkr.", {"requested_sek": 1100000}),
    ("Ekonomi: Budget 2031 är 1 560 000 kr, varav förbundet finansierar 1 400 000 kr.",
     {"requested_sek": 1400000, "total_sek": 1560000}),
])
def test_a_reports_budget_sentence(text, expected):
    found = _budget(text, "progress_report", in_budget=False)
    assert {k: v for k, v in found.items() if v is not None} == expected


def test_an_outcome_field_is_no_request():
    text = "Beviljade medel\t3 240 000 kr\nUtfall kostnader\t3 198 400 kr\n"
    sections = [Section("budget", "Beviljade medel", "3 240 000 kr\n", None, 16, 29),
                Section("budget", "Utfall kostnader", "3 198 400 kr\n", None, 46, len(text))]
    assert find_budget(text, find_amounts(text, [(0, len(text))]), sections, "final_report")["requested_sek"] == 3240000


@pytest.mark.parametrize("text, doc_type", [
    ("Tertialuppföljning 1 2031\nInsatsen Resurs i Exempelby\n", "progress_report"),
])
def test_a_compound_follow_up_cover(text, doc_type):
    from extractor.classify import classify_doc_type
    assert classify_doc_type(text) == doc_type


def test_a_goal_reached_before_the_outcome_after_a_colon():
    from extractor.extract.participants import find_participants
    text = "Läget. Målet om 40 deltagare per läsår har nästan nåtts: 38 elever har haft stöd under hösten."
    assert find_participants([Section("period", "Projekttid", text, None, 0, len(text))], text) == {"count": 40, "per": "year"}


def test_own_financing_rows_add_up_beside_a_sum_row():
    text = ("Finansiering\tBelopp (kr)\nMedel från förbundet\t2 150 000\nEgen insats, Exempelby kommun\t780 000\n"
            "Egen insats, Region Exempel\t390 000\nSumma egen insats\t1 170 000\nTotal budget\t3 320 000\n")
    assert _budget(text, "operational_plan") == {"requested_sek": 2150000, "own_financing_sek": 1170000,
                                                 "total_sek": 3320000}


def test_a_fund_named_in_another_item_of_a_share_list_leaves_the_forbunds_share():
    text = ("Delprojektets budget var 9 800 000 kr, varav 6 370 000 kr ESF-stöd, 1 500 000 kr från Samordningsförbundet "
            "i Exempeldalen och 1 930 000 kr i offentlig medfinansiering från Exempelby kommun.")
    assert _budget(text, "final_report", in_budget=False) == {"requested_sek": 1500000, "own_financing_sek": 1930000,
                                                              "total_sek": 9800000}


def test_a_funds_own_grant_is_still_no_request():
    text = "Projektet beviljades 4 200 000 kr från Europeiska socialfonden för perioden."
    assert _budget(text, "final_report", in_budget=False)["requested_sek"] is None


def test_a_follow_up_tables_owner_column():
    from extractor.extract.orgs import find_organizations
    text = ("Insats\tÄgare\tBeviljat 2031 (kr)\tDeltagare\nVägskälet\tSundsvalls kommun\t1 400 000\t21\n"
            "Balans\tTimrå kommun\t900 000\t14\n")
    found = {(o["name"], o["role"]) for o in find_organizations([], text)}
    assert found == {("Sundsvalls kommun", "owner"), ("Timrå kommun", "owner")}
