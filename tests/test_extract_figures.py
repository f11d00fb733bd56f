import pytest
from hypothesis import given
from hypothesis import strategies as st

from extractor.extract.ages import find_age_bands, find_target_groups
from extractor.extract.amounts import find_amounts, split_budget_row
from extractor.extract.dates import find_dates
from extractor.extract.numbers import format_date_long, format_number, parse_number
from extractor.extract.participants import find_participants
from extractor.extract.period import find_period
from extractor.extract.staffing import find_fte_total, find_staffing, parse_clause
from extractor.record import Section


def _sec(key: str, text: str, start: int = 0) -> Section:
    return Section(key=key, heading=None, text=text, page=None, char_start=start, char_end=start + len(text))


@pytest.mark.parametrize("text, expected", [
    ("2022-01-01", ["2022-01-01"]),
    ("1 januari 2024", ["2024-01-01"]),
    ("den 15 mars 2023", ["2023-03-15"]),
    ("06.08.2024 10:18", ["2024-08-06"]),
    ("15/3 2023", ["2023-03-15"]),
    ("v:19-07-10", ["2019-07-10"]),
    ("16 april respektive 11 juni 2021", ["2021-04-16", "2021-06-11"]),
    ("1 mars–30 juni 2024", ["2024-03-01", "2024-06-30"]),
    ("2024-11-04 09:13:27 CET", ["2024-11-04"]),
    ("vt 2024, hösten 2023 och år 2023", []),
    ("2023-02-30", []),
    ("tfn 010-487 63 20", []),
    ("5 och 6 maj 2022", ["2022-05-05", "2022-05-06"]),
    ("15/3 2024 och 7/6\n2024", ["2024-03-15", "2024-06-07"]),
    ("1–2 mars 2024", ["2024-03-01", "2024-03-02"]),
    ("2024-02-28 - 5 mars 2024", ["2024-02-28", "2024-03-05"]),
    ("Slutrapport 30 april, 2031", ["2031-04-30"]),
    ("avvakta tills ett extra möte 310621. Protokollet från mötet 310527 är justerat.", ["2031-06-21", "2031-05-27"]),
    ("beslut 310621.5 i ordningen", []),
    # a cover's registry number over its month: no "14 juni 2031"
    ("Dnr SF 2029:14\nJuni 2031", []),
    ("Diarienr 12/14 juni 2031", []),
])
def test_dates_read_swedish_forms(text, expected):
    assert [f.value for f in find_dates(text)] == expected


@pytest.mark.parametrize("text, expected", [
    ("Vi söker 5 350 000 kr.", [5350000]),
    ("Utvecklingsledare 585000:-", [585000]),
    ("7 527 tkr för 4 år", [7527000]),
    ("Förbundet beviljade 1,2 mnkr", [1200000]),
    ("beräknas till 4,6 miljoner kronor", [4600000]),
    ("Sökt belopp 3 802 000 SEK", [3802000]),
    ("Minst 40 procent, 312 unga vuxna, år 2023", []),
    ("Kostnad 500.000 kr", [500000]),
    ("Totalt SEK 300 000 för tre år", [300000]),
    ("Kr. 45 000 per deltagare", [45000]),
    ("Version 1.2 kr", []),
    ("deltagaraktiviteter 110\n000 kr och kompetensutveckling 65 000 kr", [110000, 65000]),
    ("det finns ca 3,4 milj kvar att fördela", [3400000]),
    ("varje insats får högst en halv miljon kronor", [500000]),
    # a field whose label names money, its figure without a unit on the same or the next line
    ("Total projektbudget:\n9 395 363\nBeviljat stöd:\n7 046 761\nPostnr:\n70226", [9395363, 7046761]),
    ("Planerat antal deltagare:\n60\nProjektperiod:\n2031-03-01 - 2033-02-28", []),
    # thousands marked with commas; a decimal comma keeps its meaning
    ("Tillgänglig budget uppgår till 4,000 000 kr.", [4000000]),
    ("Totalt 2,500,000 kronor och 1,5 mkr", [2500000, 1500000]),
])
def test_amounts_with_units(text, expected):
    assert [f.value for f in find_amounts(text, [])] == expected


def test_amounts_in_a_tkr_table_are_scaled_but_years_are_not():
    text = "Kostnadsslag (tkr)\t2024\t2025\tTotalt\nPersonal\t640\t2 540\t3 180\nStudiebesök\t–\t8\t8\n"
    assert sorted({f.value for f in find_amounts(text, [(0, len(text))])}) == [8000, 640000, 2540000, 3180000]


def test_amounts_tkr_header_over_kronor_figures_means_kronor():
    text = "Kostnader i tkr\nCoach\t1 200 000\t1 200 000\nLokaler\t25 000\t25 000\n"
    assert sorted({f.value for f in find_amounts(text, [(0, len(text))])}) == [25000, 1200000]


@pytest.mark.parametrize("line, values", [
    ("Lokaler 45 180 135 360", [45, 180, 135, 360]),
    ("Lokaler 150 000 150 000 300 000", [150000, 150000, 300000]),
    ("Personal 1 960 000 2 010 000 3 970 000", [1960000, 2010000, 3970000]),
])
def test_split_budget_row_uses_the_row_total(line, values):
    assert [v for v, _, _ in split_budget_row(line)] == values


@pytest.mark.parametrize("text, bands", [
    ("Unga 16–29 år", [(16, 29)]),
    ("personer mellan 18 och 64 år", [(18, 64)]),
    ("personer 30 år och uppåt", [(30, None)]),
    ("unga upp till 30 år", [(None, 30)]),
    ("personer från 16 år", [(16, None)]),
    ("Målgruppen är 18–25-åringar.", [(18, 25)]),
    ("unga i åldrarna 16-29", [(16, 29)]),
    ("en 3-årig utbildning", []),
])
def test_age_bands_forms(text, bands):
    assert [(f.age_min, f.age_max) for f in find_age_bands(text)] == bands


def test_target_groups_skip_statistics_and_excluded_ages():
    text = ("Målgruppen är personer 30 år och uppåt. Unga 19–29 år ingår inte i målgruppen. "
            "Av de inskrivna var 38 procent yngre än 25 år.")
    assert [(f.age_min, f.age_max) for f in find_target_groups([_sec("target_group", text)])] == [(30, None)]


def test_a_band_the_population_is_compared_by_is_no_target_group():
    text = ("Målgruppen är personer 25 år och uppåt i Sollefteå. I kommunen är ohälsan störst i åldersgruppen "
            "55–64 år, och sjukskrivningen är högst bland kvinnor 45–54 år.")
    assert [(f.age_min, f.age_max) for f in find_target_groups([_sec("target_group", text)])] == [(25, None)]


def test_target_groups_skip_a_statistic_of_sick_leave_by_age():
    text = ("Målgruppen är personer 30 år och uppåt. I kommunen är sjukskrivningen högst i åldersgruppen 50–64 år, "
            "och den gruppen väntas bli stor.")
    assert [(f.age_min, f.age_max) for f in find_target_groups([_sec("target_group", text)])] == [(30, None)]


def test_target_groups_from_prose_naming_the_people_with_their_ages():
    text = ("Insatsen pågår 2031-2032. Hit kan handläggarna remittera deltagare 19-64 år med försörjningsstöd. "
            "I kommunen bor 12 000 personer 20-64 år.")
    assert [(f.age_min, f.age_max) for f in find_target_groups([], text)] == [(19, 64)]


def test_target_groups_from_prose_on_what_people_of_the_band_get():
    text = "Unga mellan 19 och 24 år med funktionsnedsättning får stöd av en coach i Exempelby."
    assert [(f.age_min, f.age_max) for f in find_target_groups([], text)] == [(19, 24)]


def test_target_groups_skip_a_count_of_participants_by_age():
    text = "Unga vuxna 18–30 år i Exempelby. Åtta deltagare var under 20 år och tolv av deltagarna var över 25 år."
    assert [(f.age_min, f.age_max) for f in find_target_groups([_sec("target_group", text)])] == [(18, 30)]


@pytest.mark.parametrize("text, expected", [
    ("Vi räknar med cirka 60 deltagare per år.", {"count": 60, "per": "year"}),
    ("cirka 50 personer årligen", {"count": 50, "per": "year"}),
    ("Kompassen har 30 platser löpande.", {"count": 30, "per": "ongoing"}),
    ("upp till 25 deltagare inskrivna samtidigt", {"count": 25, "per": "ongoing"}),
    ("Projektet planerar för totalt 120 deltagare under projektperioden.", {"count": 120, "per": "total"}),
    ("Utfallet blev 104 inskrivna deltagare totalt.", None),
    # in the participants field a number may stand alone
    ("25 per år", {"count": 25, "per": "year"}),
    ("ca 40", {"count": 40, "per": "total"}),
    ("2024 och 2025", None),
])
def test_participants_forms(text, expected):
    assert find_participants([_sec("participants", text)], text) == expected


def test_participants_per_unit_from_the_field_label():
    section = Section(key="participants", heading="Antal deltagare per år", text="35", page=None, char_start=0,
                      char_end=2)
    assert find_participants([section], "35") == {"count": 35, "per": "year"}


def test_participants_goal_in_a_clause_after_the_outcome():
    text = "Vi har 22 aktiva deltagare just nu, och målet är fortsatt 25 deltagare samtidigt."
    assert find_participants([_sec("participants", text)], text) == {"count": 25, "per": "ongoing"}
    text = "Hittills har 30 deltagare skrivits in, och fler väntar på plats."
    assert find_participants([_sec("participants", text)], text) is None


def test_participants_planned_in_the_target_group_field():
    text = "Personer 25–64 år med ekonomiskt bistånd. I Exempelby finns 412 personer i gruppen. " \
           "Insatsen ska ta emot 60 deltagare under hela insatsperioden."
    assert find_participants([_sec("target_group", text)], text) == {"count": 60, "per": "total"}


def test_participants_that_shall_take_part_in_the_project():
    text = "Cirka 120 ungdomar kommer att delta i insatsen i Exempelby."
    assert find_participants([_sec("other", text)], text) == {"count": 120, "per": "total"}
    # ... also in the target group's field
    text = "Vuxna 25–55 år med långvarigt bistånd. Cirka 120 personer i gruppen kommer att delta i projektet."
    assert find_participants([_sec("target_group", text)], text) == {"count": 120, "per": "total"}


def test_participants_planned_in_another_section():
    text = "Insatsen ska ta emot 40 deltagare per år och arbeta enligt en gemensam plan."
    assert find_participants([_sec("other", text)], text) == {"count": 40, "per": "year"}


def test_participants_from_a_reports_account_of_the_plan_not_its_outcome():
    text = ("Sammanfattning Insatsen startade 2029. Den var tänkt att omfatta 90 personer under hela insatstiden. "
            "Till slut deltog 97 personer.")
    assert find_participants([_sec("other", text)], text) == {"count": 90, "per": "total"}


@pytest.mark.parametrize("text, expected", [
    ("Planerat startdatum: 2025-01-01\nPlanerat slutdatum: 2028-12-31\n"
     "Eventuellt slutdatum för intag av personer i insatsen: 2028-12-01",
     {"start": "2025-01-01", "end": "2028-12-31", "intake_end": "2028-12-01"}),
    ("Perioden fr.o.m. 1 januari 2025 t.o.m. 31 december 2026. Sista intag av nya\ndeltagare sker 2026-09-30.",
     {"start": "2025-01-01", "end": "2026-12-31", "intake_end": "2026-09-30"}),
    ("Projekttid: 2021-03-01 -- 2023-02-28", {"start": "2021-03-01", "end": "2023-02-28", "intake_end": None}),
    ("2027-03-01 - 2028-08-31, sista intag 2028-02-29",
     {"start": "2027-03-01", "end": "2028-08-31", "intake_end": "2028-02-29"}),
    ("1 oktober 2024 – 30 september 2026", {"start": "2024-10-01", "end": "2026-09-30", "intake_end": None}),
    ("Hösten 2025, cirka fyra månader", {"start": None, "end": None, "intake_end": None}),
    # the last intake in other words
    ("2025-10-01 – 2028-09-30\nSista dag för inskrivning\t2028-03-31",
     {"start": "2025-10-01", "end": "2028-09-30", "intake_end": "2028-03-31"}),
    ("Start den 5 januari 2026. Nya deltagare tas emot till och med den 30 juni 2027.",
     {"start": "2026-01-05", "end": None, "intake_end": "2027-06-30"}),
    # an English form's range
    ("From 2026-02-01 to 2028-01-31.", {"start": "2026-02-01", "end": "2028-01-31", "intake_end": None}),
    # a web form's fields print their labels bare, each over its value
    ("2026-01-12\nSlutdatum\n2027-12-17", {"start": None, "end": "2027-12-17", "intake_end": None}),
])
def test_period_forms(text, expected):
    assert find_period([_sec("period", text)], text) == expected


def test_intake_end_told_in_the_past_by_a_report():
    text = "Utfallet blev 81 deltagare. Intag av nya deltagare stängdes den 30 november 2031, och alla avslutades."
    assert find_period([], text)["intake_end"] == "2031-11-30"


def test_period_from_a_field_that_prints_its_two_dates_side_by_side():
    text = 'Download "Slutrapport Projekt Bron. Projektperiod: 2029-05-01 2032-04-30 Diarienummer: 2029-3050042"'
    assert find_period([], text) == {"start": "2029-05-01", "end": "2032-04-30", "intake_end": None}


@pytest.mark.parametrize("clause, expected", [
    ("en samordnare 80 %", [("Samordnare", 0.8)]),
    ("två arbetsmarknadscoacher om vardera 100 %", [("Arbetsmarknadscoach", 1.0)] * 2),
    ("en arbetsterapeut 0,5 tjänst", [("Arbetsterapeut", 0.5)]),
    ("en jobbcoach på heltid", [("Jobbcoach", 1.0)]),
    ("en arbetsterapeut på halvtid", [("Arbetsterapeut", 0.5)]),
    ("tre coacher på heltid", [("Coach", 1.0)] * 3),
    ("Två rehabcoacher som på tillsammans 180% tjänst", [("Rehabcoach", 1.8)]),
    ("2 x 100 % arbetsmarknadskonsulenter", [("Arbetsmarknadskonsulent", 1.0)] * 2),
    ("ökningen 38,6 % för dem som varit arbetslösa", []),
    ("62 procent av patienterna hade haft kontakt med tre handläggare", []),
])
def test_staffing_clause_forms(clause, expected):
    assert [(r, f) for r, f, _, _ in parse_clause(clause)] == expected


@pytest.mark.parametrize("text, expected", [
    ("Coach, 75 procent", [("Coach", 0.75)]),
    ("Projektledare, heltid, och arbetsterapeut, 50 %.", [("Projektledare", 1.0), ("Arbetsterapeut", 0.5)]),
])
def test_staffing_role_and_share_split_by_a_comma(text, expected):
    assert [(s.role, s.fte) for s in find_staffing([_sec("other", text)])] == expected


def test_fte_total_prefers_the_stated_total():
    sections = [_sec("owner", "Resurs/er: 2,5 tjänster"), _sec("methods", "En coach på 50 %.", 30)]
    staffing = find_staffing(sections)
    assert [(s.role, s.fte) for s in staffing] == [("Coach", 0.5)]
    assert find_fte_total(sections, staffing) == 2.5


@given(st.integers(min_value=1, max_value=999_999_999))
def test_number_parser_reads_back_what_it_prints(value):
    assert parse_number(format_number(value)) == value


@given(st.integers(min_value=1, max_value=99_999).map(lambda n: n / 100))
def test_decimal_numbers_read_back(value):
    assert abs(parse_number(format_number(value)) - value) < 1e-9


@given(st.dates(min_value=__import__("datetime").date(1990, 1, 1), max_value=__import__("datetime").date(2060, 12, 31)))
def test_date_parser_reads_back_long_and_iso_forms(day):
    iso = day.isoformat()
    assert [f.value for f in find_dates(format_date_long(iso))] == [iso]
    assert [f.value for f in find_dates(f"den {day.day:02d}.{day.month:02d}.{day.year}")] == [iso]
    assert [f.value for f in find_dates(iso)] == [iso]


def test_budget_rows_written_as_label_figure_and_unit():
    from extractor.extract.budget import find_budget

    text = ("Budget\nPersonalkostnader 1 850 000 kr\nLokaler 120 000 kr\nSumma 2 050 000 kr\n"
            "Sökt belopp från förbundet: 1 900 000 kr. Egen finansiering: 150 000 kr.\n")
    sections = [Section(key="budget", heading="Budget", text=text[7:], page=None, char_start=7, char_end=len(text))]
    budget = find_budget(text, find_amounts(text, [(7, len(text))]), sections, "application")
    assert budget == {"own_financing_sek": 150000, "requested_sek": 1900000, "total_sek": 2050000}


def test_budget_web_form_fields_labelled_in_kronor_over_bare_figures():
    from extractor.extract.amounts import money_spans
    from extractor.extract.budget import find_budget

    text = "Sökt belopp från förbundet (kr)\n1980000\n\nEgen insats (kr)\n\n240000\n\nTotal kostnad (kr)\n2220000\n"
    sections = [Section(key="budget", heading="Sökt belopp från förbundet (kr)", text=text[32:], page=None,
                        char_start=32, char_end=len(text))]
    amounts = find_amounts(text, money_spans(sections))
    assert [a.value for a in amounts] == [1980000, 240000, 2220000]
    budget = find_budget(text, amounts, sections, "application")
    assert budget == {"own_financing_sek": 240000, "requested_sek": 1980000, "total_sek": 2220000}


def test_amounts_in_a_table_column_headed_in_kronor_outside_the_budget():
    from extractor.extract.amounts import kronor_columns

    text = "Insatserna i siffror\nInsats\tDeltagare\tKostnad (kr)\nSteget\t42\t1 240 000\nSumma\t69\t2 410 500\n"
    assert [a.value for a in find_amounts(text, kronor_columns(text))] == [1240000, 2410500]


def test_amounts_bare_figure_in_a_field_labelled_in_kronor():
    from extractor.extract.amounts import money_spans

    text = "Bemanning\nEn coach.\nEgen insats (kr)\n240000\n"
    sections = [Section(key="other", heading="Bemanning", text="En coach.", page=None, char_start=10, char_end=19),
                Section(key="other", heading="Egen insats (kr)", text="240000", page=None, char_start=37,
                        char_end=43)]
    assert [a.value for a in find_amounts(text, money_spans(sections))] == [240000]


def test_budget_own_financing_as_a_verb():
    from extractor.extract.budget import find_budget

    text = "Exempelby kommun medfinansierar projektledartjänsten med 410 000 kr. Från förbundet söks 2 830 000 kr.\n"
    budget = find_budget(text, find_amounts(text, []), [_sec("budget", text)], "application")
    assert (budget["requested_sek"], budget["own_financing_sek"]) == (2830000, 410000)


def test_budget_of_a_forbunds_annual_report_is_no_interventions():
    from extractor.extract.budget import find_budget

    text = ("Samordningsförbundet Påhittet\nVerksamhetsberättelse 2024\nEkonomi\nFörbundets intäkter var 3 600 000 kr, "
            "varav staten bidrog med 1 800 000 kr. Insatsernas totala kostnad var 2 410 500 kr.\n")
    budget = find_budget(text, find_amounts(text, []), [_sec("budget", text)], "other")
    assert budget == {"own_financing_sek": None, "requested_sek": None, "total_sek": None}


def test_budget_granted_sum_in_a_report():
    from extractor.extract.budget import find_budget

    text = "Ekonomi\nBeviljat 1 600 000 kr. Förbrukat 512 300 kr.\n"
    budget = find_budget(text, find_amounts(text, []), [_sec("budget", text[8:], 8)], "progress_report")
    assert budget["requested_sek"] == 1600000


def test_budget_a_news_list_of_grants_to_forbund_projects_is_no_request():
    from extractor.extract.budget import find_budget

    text = ("Några av projekten som fått bidrag:\nSamordningsförbundet Exempeldalen, Påhittebygden och Låtsasby "
            "för projektet Exempelvägen med 1 100 000 kronor\n")
    budget = find_budget(text, find_amounts(text, []), [], "other")
    assert budget["requested_sek"] is None
    text = "Finansiering\nSamordningsförbundet 500 000 kr\nKommunen 100 000 kr\n"
    assert find_budget(text, find_amounts(text, []), [], "application")["requested_sek"] == 500000


def test_budget_own_financing_the_owner_contributes_itself():
    from extractor.extract.budget import find_budget

    text = "Kommunen ansöker om 1 850 000 kr. Kommunen bidrar själv med 310 000 kr.\n"
    budget = find_budget(text, find_amounts(text, []), [_sec("other", text)], "decision")
    assert (budget["requested_sek"], budget["own_financing_sek"]) == (1850000, 310000)


def test_budget_total_from_a_years_cost_with_the_förbunds_part():
    from extractor.extract.budget import find_budget

    text = "Ekonomi\nKostnaden för 2024 beräknas till 4,2 mnkr, varav förbundet finansierar 3 800 tkr.\n"
    sections = [Section(key="budget", heading="Ekonomi", text=text[8:], page=None, char_start=8, char_end=len(text))]
    budget = find_budget(text, find_amounts(text, [(8, len(text))]), sections, "operational_plan")
    assert (budget["total_sek"], budget["requested_sek"]) == (4200000, 3800000)


def test_a_report_tells_when_intake_closed_in_the_past_tense():
    text = ("Deltagare\nUtfallet blev 64 deltagare. Intag av nya deltagare stängdes den 15 oktober 2022, "
            "och alla hade avslutats vid projektets slut.\n")
    section = Section(key="participants", heading="Deltagare", text=text[10:], page=None, char_start=10,
                      char_end=len(text))
    assert find_period([section], text)["intake_end"] == "2022-10-15"


def test_period_form_fields_take_their_cue_from_the_label():
    text = "Planerad start\n2024-08-01\nPlanerat slut 2026-07-31\n"
    section = Section(key="period", heading="Planerad start", text=text[15:], page=None, char_start=15,
                      char_end=len(text))
    assert find_period([section], text) == {"start": "2024-08-01", "end": "2026-07-31", "intake_end": None}


def test_budget_row_whose_label_wrapped_in_a_pdf_cell():
    from extractor.extract.budget import find_budget

    text = ("Budget\nBudgeten anges i tusentals kronor.\nFinansiär\tBelopp (tkr)\n"
            "Samordningsförbundet Bohuslän\t4 950\nArbetsförmedlingen, egen\t1 398\nfinansiering\nTotalt\t6 348\n")
    sections = [Section(key="budget", heading="Budget", text=text[7:], page=None, char_start=7, char_end=len(text))]
    budget = find_budget(text, find_amounts(text, [(7, len(text))]), sections, "application")
    assert budget["own_financing_sek"] == 1398000 and budget["total_sek"] == 6348000


def test_prose_wrapped_by_a_pdf_is_not_a_budget_row():
    from extractor.extract.budget import find_budget

    text = ("Budget\nTotalt söks 3 960 tkr från förbundet för hela insatstiden, det vill säga 1 980\n"
            "tkr per år. Insatsens totala kostnad\nberäknas därmed till 4 800 000 kr.\n")
    sections = [Section(key="budget", heading="Budget", text=text[7:], page=None, char_start=7, char_end=len(text))]
    budget = find_budget(text, find_amounts(text, [(7, len(text))]), sections, "application")
    assert (budget["requested_sek"], budget["total_sek"]) == (3960000, 4800000)


def test_budget_cue_and_its_figure_on_the_next_pdf_line():
    from extractor.extract.budget import find_budget

    text = ("11. Budget och finansiering Den totala budgeten för verksamhetsåret uppgår till\n"
            "2 350 000 kr. Förbundet finansierar 1 640 000 kr.\n")
    sections = [Section(key="budget", heading="11. Budget och finansiering", text=text[28:], page=None,
                        char_start=28, char_end=len(text))]
    budget = find_budget(text, find_amounts(text, [(28, len(text))]), sections, "operational_plan")
    assert (budget["total_sek"], budget["requested_sek"]) == (2350000, 1640000)


@pytest.mark.parametrize("text, doc_type, expected", [
    ("Beslut\nStyrelsen beslutar att bevilja Exempelby kommun 1 870 000 kr för insatsen under 2025–2026. "
     "Insatsens totala kostnad är beräknad till 2 210 000 kr, varav kommunen finansierar 340 000 kr i form av lokaler.",
     "decision", {"requested_sek": 1870000, "own_financing_sek": 340000, "total_sek": 2210000}),
    ("Ekonomi\nFörbundet finansierade insatsen med 2 760 000 kr. Exempelby kommun bidrog med lokaler motsvarande "
     "210 000 kr. Insatsens totala kostnad blev 2 903 410 kr.",
     "final_report", {"requested_sek": 2760000, "own_financing_sek": 210000, "total_sek": 2903410}),
])
def test_budget_from_a_decision_and_a_final_report(text, doc_type, expected):
    from extractor.extract.budget import find_budget

    head = text.index("\n") + 1
    sections = [Section(key="budget", heading=text[:head - 1], text=text[head:], page=None, char_start=head,
                        char_end=len(text))]
    assert find_budget(text, find_amounts(text, [(head, len(text))]), sections, doc_type) == expected


def test_budget_total_from_a_label_with_its_figure_below_and_no_request_summed_over_many():
    from extractor.extract.budget import find_budget

    text = "Projektägare:\nStiftelsen Påhitt\nTotal projektbudget:\n4 120 500\nBeviljat ESF-stöd:\n3 090 375\n"
    budget = find_budget(text, find_amounts(text, []), [], "other")
    assert budget == {"requested_sek": None, "own_financing_sek": None, "total_sek": 4120500}
    # a news item that counts the applications: its "sökt belopp" sums them all
    text = ("Pengar till förbunden\n\n  • 37 ansökningar kom in före sista dagen\n"
            "  • Sökt belopp är totalt 16 miljoner kronor\n")
    assert find_budget(text, find_amounts(text, []), [], "other")["requested_sek"] is None


@pytest.mark.parametrize("text, expected", [
    # an EU fund's grant is neither requested from the förbund nor the owners' own financing
    ("Svenska ESF-rådet beviljade projektet 5 000 000 kr. Projektets totala budget är 9 000 000 kr.",
     {"requested_sek": None, "own_financing_sek": None, "total_sek": 9000000}),
    ("Projektet beviljades 4 200 000 kr från Europeiska socialfonden. Total projektbudget: 8 400 000 kr.",
     {"requested_sek": None, "own_financing_sek": None, "total_sek": 8400000}),
    ("Projektet omsluter totalt 12 miljoner kronor, varav ESF finansierar 6 miljoner kronor.",
     {"requested_sek": None, "own_financing_sek": None, "total_sek": 12000000}),
    # ... but a fund named in the next sentence leaves the request alone
    ("Från förbundet söks 500 000 kr. ESF står för resten av kostnaderna.",
     {"requested_sek": 500000, "own_financing_sek": None, "total_sek": None}),
])
def test_budget_leaves_an_eu_funds_grant_out(text, expected):
    from extractor.extract.budget import find_budget

    assert find_budget(text, find_amounts(text, []), [], "other") == expected


@pytest.mark.parametrize("text, values", [
    ("Personal\t1.240.000,00\nLokaler\t210.000,00", [1240000, 210000]),  # dotted groups with öre, no unit
    ("Sökt belopp: SEK 1.335.500.", [1335500]),
    ("Version 1.200.3, telefon 070.123.456, år 2.025, 3.5 procent", []),  # not money by shape
])
def test_amounts_in_dotted_thousands_without_a_unit(text, values):
    assert [a.value for a in find_amounts(text, [])] == values


def test_budget_a_delegation_decision_grants_with_beviljar():
    from extractor.extract.budget import find_budget

    text = "Beslut: Förbundschefen beviljar förlängning av Påhittet till och med 2026-06-30 och ytterligare 350 000 kr.\n"
    budget = find_budget(text, find_amounts(text, []), [], "decision")
    assert budget["requested_sek"] == 350000


def test_a_printed_web_pages_address_holds_no_amount_in_a_budget_section():
    from extractor.extract.amounts import find_amounts

    text = "Sökt belopp: 2 100 000 kr\nhttps://www.exempelforbund.se/ansokan/visa?id=4471\t1/2\n"
    assert [f.value for f in find_amounts(text, [(0, len(text))])] == [2100000]
