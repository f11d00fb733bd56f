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
    ("Ärendenr: 2023.118", "2023.118"),
    ("Dnr SFS-2022-0031", "SFS-2022-0031"),
    ("Diarienummer:\n22-003-S02\nProjekttyp:", "22-003-S02"),
    ("Diarienummer är 2021-15", "2021-15"),
    ("Projektperiod: 2029-05-01 2032-04-30 Diarienummer: 2029-3050042", "2029-3050042"),
    # a case system's export labels its number "Ärende:"; a tjänsteskrivelse's "Ärende:" is its subject
    ("Export 2025-03-11\nÄrende: SFV-2025-0007\n", "SFV-2025-0007"),
    ("Ärende: Medfinansiering av insatsen Påhittet 2025–2027\n", None),
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


def test_a_post_with_its_share_counts_in_a_section_on_the_target_group():
    text = ("Målgruppen är unga vuxna 18–29 år; 40 % av dem saknar gymnasieexamen. Till sin hjälp har "
            "styrelsen två utredare på 50 % och en lots om heltid.")
    assert [(s.role, s.fte) for s in find_staffing([_sec("target_group", text)])] == [
        ("Utredare", 0.5), ("Utredare", 0.5), ("Lots", 1.0)]


def test_shares_of_people_in_a_section_on_the_target_group_are_no_posts():
    text = "Målgruppen är arbetslösa; 60 % av deltagarna har en handläggare, och coacher finns på orten."
    assert find_staffing([_sec("target_group", text)]) == []


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
    ("other", "I projektet kommer att vara cirka 120 personer under perioden som kan få stöd.",
     {"count": 120, "per": "total"}),
])
def test_participants_planned_not_achieved(key, text, expected):
    assert find_participants([_sec(key, text)], text) == expected


def test_participants_in_a_text_without_headings():
    text = "Projektet startar i höst. Det kommer att vara ungefär 120 individer under perioden som deltar."
    assert find_participants([], text) == {"count": 120, "per": "total"}


def _budget(text: str, doc_type: str = "application", head: str = "Budget\n") -> dict:
    from extractor.extract.amounts import find_amounts
    from extractor.extract.budget import find_budget

    text = head + text
    start = len(head)
    sections = [Section(key="budget", heading="Budget", text=text[start:], page=None, char_start=start,
                        char_end=len(text))]
    return find_budget(text, find_amounts(text, [(start, len(text))]), sections, doc_type)


def test_table_reader_keeps_rows_cells_and_a_header_repeated_after_a_page_break():
    from extractor.extract.tables import find_tables, value_column

    text = ("Kostnadsslag\t2025\t2026\tTotalt\nLedare\t100 000\t120 000\t220 000\n"
            "Sida 3 av 5\nKostnadsslag\t2025\t2026\tTotalt\nLokaler\t10 000\t12 000\t22 000\n"
            "Summa\t110 000\t132 000\t242 000\n")
    tables = find_tables(text)
    assert len(tables) == 1
    table = tables[0]
    assert [r[0].text for r in table.rows] == ["Ledare", "Lokaler", "Summa"]
    assert value_column(table) == 3
    cell = table.rows[2][3]
    assert text[cell.start:cell.end] == "242 000"


@pytest.mark.parametrize("text, expected", [
    # the total column of a multi-year table, not a year; own financing marked on rows, stated in prose
    ("Kostnadsslag\t2025\t2026\tTotalt\nLedare (egen insats)\t100 000\t120 000\t220 000\n"
     "Coach\t300 000\t320 000\t620 000\nSumma\t400 000\t440 000\t840 000\n"
     "Sökt belopp från förbundet är 300 tkr för 2025, 320 tkr för 2026, totalt 620 000 kr. "
     "Kommunens egen insats uppgår till 220 000 kr.\n",
     {"requested_sek": 620000, "own_financing_sek": 220000, "total_sek": 840000}),
    # a partner financing a post in kind; a prose total beats the table's sum row
    ("Post\tÅr 1\tÅr 2\tSumma\nKoordinator\t500 000\t500 000\t1 000 000\nCoach\t400 000\t400 000\t800 000\n"
     "Summa\t900 000\t900 000\t1 800 000\n"
     "Försäkringskassan finansierar koordinatorn inom sitt anslag, 1 000 000 kr. Från förbundet söks därmed "
     "800 000 kr. Kommunen står för lokaler motsvarande 150 000 kr. Insatsens totala kostnad blir 1 950 000 kr.\n",
     {"requested_sek": 800000, "own_financing_sek": 1000000, "total_sek": 1950000}),
    # the columns name the fields, the sum row holds them
    ("Kostnader\tAtt rekvirera från förbundet\tEgenfinansiering\tTotalt\nKommunen\t900 000\t100 000\t1 000 000\n"
     "Regionen\t200 000\t0\t200 000\nSumma\t1 100 000\t100 000\t1 200 000\n",
     {"requested_sek": 1100000, "own_financing_sek": 100000, "total_sek": 1200000}),
    # a cost per participant is no whole budget
    ("Kostnadsslag\tBelopp (kr)\nPersonal\t1 200 000\nSumma\t1 300 000 Förbundet finansierar 1,0 miljoner kronor. "
     "Kostnaden motsvarar cirka 20 000 kr per deltagare.\n",
     {"requested_sek": 1000000, "own_financing_sek": None, "total_sek": 1300000}),
    # a figure written before its verb
    ("Den totala kostnaden beräknas till 215 000 kr, varav 175 000 kr söks från förbundet och 40 000 kr\n"
     "utgör kommunernas egeninsats.\n",
     {"requested_sek": 175000, "own_financing_sek": 40000, "total_sek": 215000}),
])
def test_budget_table_and_prose_shapes(text, expected):
    assert _budget(text) == expected


def test_budget_in_tkr_table_with_a_prose_total_in_kronor():
    text = ("Budgeten redovisas i tusental kronor (tkr). Projektet söker 1 500 tkr från förbundet.\n"
            "Kostnad (tkr)\t2024\t2025\tSumma\nLedare\t300\t400\t700\nCoach\t350\t450\t800\n"
            "Summa\t650\t850\t1 500\nKommunen bidrar med lokaler motsvarande 0,3 miljoner kronor. "
            "Projektets totala kostnad uppgår därmed till 1 800 000 kr.\n")
    assert _budget(text) == {"requested_sek": 1500000, "own_financing_sek": 300000, "total_sek": 1800000}


def test_budget_whole_sum_under_ten_thousand_kronor_is_not_taken():
    text = "Post\tTotalt\nLedare\t2 000\nSumma\t3 500\n"
    assert _budget(text)["total_sek"] is None


def test_report_reads_the_budget_column_not_the_outcome():
    text = ("Post\tBudget\tUtfall\nPersonal\t900 000\t850 000\nBeviljat belopp\t1 000 000\t940 000\n"
            "Summa\t1 900 000\t1 790 000\n")
    assert _budget(text, "final_report")["requested_sek"] == 1000000
    assert _budget(text, "final_report")["total_sek"] == 1900000
    outcome_only = ("Kostnadsslag\t2023\t2024\tUtfall totalt\nPersonal\t400 000\t500 000\t900 000\n"
                    "Summa\t400 000\t500 000\t900 000\n")
    assert _budget(outcome_only, "final_report")["total_sek"] is None


@pytest.mark.parametrize("text, expected", [
    ("styrelsen avsätter 2 m.kr till nya insatser", [2000000]),
    ("Överskottet blev 4, 6 Mkr.", [4600000]),
    ("Sökt belopp 1392 000 kr", [1392000]),          # OCR lost the first space
    ("under år 2025 150 000 kr", [150000]),           # a year before an amount is not its first group
])
def test_amounts_in_prose_and_ocr_forms(text, expected):
    from extractor.extract.amounts import find_amounts

    assert [f.value for f in find_amounts(text, [])] == expected


def test_amounts_ocr_sum_row_and_a_tkr_table_beside_a_prose_total_in_kronor():
    from extractor.extract.amounts import find_amounts

    row = "Summa 918 000 474 000 1392 000"
    assert [f.value for f in find_amounts(row, [(0, len(row))])] == [918000, 474000, 1392000]
    text = ("Kostnad (tkr)\t2024\t2025\tSumma\nLedare\t300\t400\t700\n"
            "Projektets totala kostnad uppgår därmed till 4 975 000 kr.\n")
    assert sorted(f.value for f in find_amounts(text, [(0, len(text))])) == [300000, 400000, 700000, 4975000]


@pytest.mark.parametrize("text, expected", [
    ("Särskilda koordinatorer har anställts på heltid.", []),           # how many is not said
    ("Kansliet har en tjänsteman på 75 %.", [("Tjänsteman", 0.75)]),
])
def test_staffing_needs_a_count_for_a_plural(text, expected):
    assert [(s.role, s.fte) for s in find_staffing([_sec("other", text)])] == expected


def test_budget_grant_to_the_förbund_from_another_fund_is_not_requested_from_it():
    text = ("Socialfonden beviljade Samordningsförbundet 2.350.000 kronor för att utveckla en modell "
            "för uppföljning.\n")
    assert _budget(text, "other", head="Om projektet\n")["requested_sek"] is None


def test_html_table_rows_keep_their_cells_apart():
    from extractor.extract.tables import find_tables
    from extractor.read.html import clean_html

    text = clean_html("<table><tr><th>Post</th><th>Totalt</th></tr><tr><td>Lokaler</td><td>70 000</td></tr>"
                      "<tr><td>Summa</td><td>70 000</td></tr></table>")
    assert "Lokaler\t70 000" in text
    table = find_tables(text)[0]
    assert [c.text for c in table.header] == ["Post", "Totalt"]
    assert [[c.text for c in row] for row in table.rows] == [["Lokaler", "70 000"], ["Summa", "70 000"]]


def test_staffing_table_with_a_share_column_and_a_total_row():
    text = ("Bemanning\nRoll\tTjänstgöringsgrad\tArbetsgivare\nCoach 1\t100 %\tKommunen\nCoach 2\t100\tKommunen\n"
            "Handledare\t0,5\tRegionen\nTotalt\t2,5\t\n")
    sections = [_sec("other", text)]
    staffing = find_staffing(sections)
    assert [(s.role, s.fte) for s in staffing] == [("Coach", 1.0), ("Coach", 1.0), ("Handledare", 0.5)]
    assert find_fte_total(sections, staffing) == 2.5
    assert text[staffing[2].start:staffing[2].end] == "Handledare\t0,5"


def test_a_goal_table_of_percentages_is_no_staffing_table():
    text = "Mål\tMålvärde (%)\tUtfall (%)\nAndel deltagare i arbete\t40\t46\n"
    assert find_staffing([_sec("other", text)]) == []


def test_budget_multi_year_table_without_a_total_column_sums_its_years():
    text = ("Kostnadsslag\t2025\t2026\nLedare\t300 000\t350 000\nLokaler\t100 000\t150 000\n"
            "Summa\t400 000\t500 000\n")
    assert _budget(text)["total_sek"] == 900000


def test_budget_decimal_tkr_and_unit_forms():
    text = ("Från förbundet söks 4 520,5 tkr. Egen finansiering: 480000:-. "
            "Den totala kostnaden är 5 000 500 SEK.\n")
    assert _budget(text) == {"requested_sek": 4520500, "own_financing_sek": 480000, "total_sek": 5000500}


@pytest.mark.parametrize("text, expected", [
    ("Deltagare per kön\tAntal\nKvinnor\t35 deltagare\nMän\t46 deltagare\nTotalt\t81 deltagare\n", None),
    ("Ålder\tAntal deltagare\n18–24 år\t30\n25–29 år\t21\n", None),
    ("Antal deltagare\t25 per år\n", {"count": 25, "per": "year"}),
    ("Insatsen tar emot 12 deltagare i taget. Varje deltagare har 20 timmar per vecka.", {"count": 12, "per": "ongoing"}),
])
def test_participants_tables_of_outcomes_are_no_target(text, expected):
    assert find_participants([_sec("participants", text)], text) == expected


def test_hours_per_week_are_no_fte():
    assert find_staffing([_sec("other", "Coachen arbetar 20 timmar per vecka med gruppen.")]) == []


def test_report_table_of_the_grant_is_not_the_whole_cost_when_own_financing_is_stated():
    text = ("Förbundet beviljade 2,0 mnkr för projektet. Parternas egenfinansiering har uppskattats till 300 000 kr.\n"
            "År\tBudget (kr)\tUtfall (kr)\n2022\t1 000 000\t900 000\n2023\t1 000 000\t950 000\n"
            "Summa\t2 000 000\t1 850 000\n")
    assert _budget(text, "final_report") == {"requested_sek": 2000000, "own_financing_sek": 300000, "total_sek": None}


@pytest.mark.parametrize("text, expected", [
    # a financing table: the parties other than the förbund are the own financing
    ("Finansiär\tBelopp (kr)\nSamordningsförbundet Väst\t1 500 000\nKommunen\t200 000\nRegionen\t100 000\n"
     "Summa\t1 800 000\n",
     {"requested_sek": 1500000, "own_financing_sek": 300000, "total_sek": 1800000}),
    # one year's request ranks below the whole period's stated next to it
    ("Sökt belopp: 450 000 kr/år\nTotalt sökt belopp: 1 350 000 kr\n",
     {"requested_sek": 1350000, "own_financing_sek": None, "total_sek": None}),
    # a budget stated as what it comprises, own financing in kind
    ("Budgeten omfattar totalt 2,4 mnkr varav 1,8 mnkr söks från förbundet och 0,6 mnkr är egen insats "
     "i form av personal.\n",
     {"requested_sek": 1800000, "own_financing_sek": 600000, "total_sek": 2400000}),
    # a sum row labelled with its unit
    ("Kostnader\t2025\t2026\tTotalt\nPersonal\t500\t500\t1 000\nSumma (tkr)\t600\t600\t1 200\n",
     {"requested_sek": None, "own_financing_sek": None, "total_sek": 1200000}),
])
def test_budget_financing_shapes(text, expected):
    assert _budget(text) == expected


def test_budget_a_single_years_request_stands_when_nothing_larger_is_stated():
    text = "Kommunen söker 450.000kr per år från förbundet. Styrelsen beviljade 200.000kr.\n"
    assert _budget(text, "other", head="Nyheter\n")["requested_sek"] == 450000


@pytest.mark.parametrize("text, expected", [
    ("Två socionomer anställs, var och en på 75 %.", [("Socionom", 0.75)] * 2),
    ("Projektet bemannas med 1,5 tjänst arbetsterapeut och 1 tjänst coach.",
     [("Arbetsterapeut", 1.5), ("Coach", 1.0)]),
])
def test_staffing_counts_and_shares_apart(text, expected):
    assert [(s.role, s.fte) for s in find_staffing([_sec("other", text)])] == expected


def test_participants_past_tense_is_an_outcome():
    text = "Under 2023 deltog 112 personer, varav 61 kvinnor."
    assert find_participants([_sec("participants", text)], text) is None


def test_budget_own_financing_is_below_the_whole_cost():
    text = ("Egen insats: se bilaga, 3 122 000 kr totalt för insatsen enligt tabellen.\n"
            "Regionen bidrar med 585 000 kr. Insatsens totala kostnad är 3 122 000 kr.\n")
    budget = _budget(text)
    assert budget["total_sek"] == 3122000 and budget["own_financing_sek"] == 585000


def test_table_rows_after_a_wrapped_label_line_stay_in_the_table():
    from extractor.extract.tables import find_tables

    text = ("Kostnadsslag\t2025\t2026\nUtbildning i Supported\t10 000\t20 000\nEmployment\n"
            "Resor\t5 000\t5 000\nSumma\t15 000\t25 000\n")
    tables = find_tables(text)
    assert len(tables) == 1 and [r[0].text for r in tables[0].rows][-1] == "Summa"


def test_budget_sum_row_under_a_requested_column_is_not_the_whole_cost():
    text = "År\tSökt belopp (kr)\n2025\t500 000\n2026\t600 000\nTotalt\t1 100 000\n"
    assert _budget(text) == {"requested_sek": 1100000, "own_financing_sek": None, "total_sek": None}


@pytest.mark.parametrize("text, expected", [
    ("Antal deltagare\tTotalt 40 deltagare under insatsperioden, varav högst 12 samtidigt.", {"count": 40, "per": "total"}),
    ("Projektet planerar för 70 deltagare under projektperioden, med cirka 20 inskrivna åt gången.",
     {"count": 70, "per": "total"}),
    ("Insatsen tar emot 12 deltagare åt gången, totalt under året omkring 30.", {"count": 12, "per": "ongoing"}),
])
def test_participants_take_the_cue_nearest_their_count(text, expected):
    assert find_participants([_sec("participants" if "\t" in text else "other", text)], text) == expected


def test_last_intake_stated_with_till_och_med():
    from extractor.extract.period import find_period
    text = "Insatsperiod\t2025-01-07 – 2026-12-18. Intag av nya deltagare t.o.m. 2026-06-30."
    period = find_period([_sec("period", text)], text)
    assert period == {"start": "2025-01-07", "end": "2026-12-18", "intake_end": "2026-06-30"}


@pytest.mark.parametrize("text, expected", [
    ("Samordnaren, som arbetar 80 % i insatsen, leder teamet.", [("Samordnare", 0.8)]),
    ("Regionen bidrar med en sjukgymnast 0,5 åa.", [("Sjukgymnast", 0.5)]),
])
def test_staffing_in_a_relative_clause_and_more_roles(text, expected):
    assert [(s.role, s.fte) for s in find_staffing([_sec("other", text)])] == expected


def test_fte_total_stated_as_a_count_of_posts():
    sections = [_sec("staffing", "Jobbcoach 100 %\nTotalt antal årsarbetare: 2,4")]
    assert find_fte_total(sections, find_staffing(sections)) == 2.4


def test_period_form_labels_on_lines_of_their_own():
    from extractor.extract.period import find_period
    text = "2023-01-01\nSlutdatum:\n2025-12-31\nRegion:\nVästsverige"
    section = Section(key="period", heading="Startdatum:", text=text, page=None, char_start=0, char_end=len(text))
    assert find_period([section], text) == {"start": "2023-01-01", "end": "2025-12-31", "intake_end": None}
