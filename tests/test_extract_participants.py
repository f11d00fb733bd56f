"""Expected participants on wordings beyond the form's own field (invented text)."""
import pytest

from extractor.extract.participants import find_participants
from extractor.record import Section


def _find(key: str, text: str) -> dict | None:
    return find_participants([Section(key, None, text, None, 0, len(text))], text)


def test_a_count_for_one_named_year_is_per_year():
    text = "Insatsen ska under 2031 ta emot 35 deltagare som får stöd av en coach."
    assert _find("purpose", text) == {"count": 35, "per": "year"}


def test_a_statistic_for_a_named_year_is_no_participants():
    text = "I kommunen var under 2030 hela 310 personer långtidsarbetslösa. Behovet av stöd är stort."
    assert _find("background", text) is None


def test_the_target_group_counted_per_year():
    text = "Målgruppen är 30 ungdomar per år utan sysselsättning som behöver samordnat stöd."
    assert _find("target_group", text) == {"count": 30, "per": "year"}


def test_a_target_group_without_a_count_gives_nothing():
    text = "Målgruppen är stor; i länet blir många unga varje år utan arbete."
    assert _find("target_group", text) is None


def test_a_reports_plan_beside_its_outcome_is_the_plan():
    text = "Insatsen skulle omfatta 90 deltagare men nådde 70 under perioden."
    assert _find("other", text) == {"count": 90, "per": "total"}


def test_at_least_a_range_per_year_counts_from_its_lower_end():
    text = "Verkstaden ska ge stöd till minst 30-45 deltagare per år."
    assert _find("purpose", text) == {"count": 30, "per": "year"}


def test_an_outcome_count_is_no_participants():
    text = "Under året deltog 45 personer i insatsen. Av dem gick 12 till arbete."
    assert _find("other", text) is None


def test_a_reports_plan_with_no_period_beside_its_outcome():
    text = "Insatsen skulle ta emot 60 deltagare men tog emot 48."
    assert _find("other", text) == {"count": 60, "per": "total"}


def test_a_named_year_before_the_verb_and_its_subject():
    text = "Under 2032 ska verksamheten ta emot 25 personer som vill pröva på arbete."
    assert _find("purpose", text) == {"count": 25, "per": "year"}


def test_a_range_written_with_till_counts_from_its_lower_end():
    text = "Insatsen ska ta emot 40 till 50 personer per år."
    assert _find("other", text) == {"count": 40, "per": "year"}


def test_a_change_from_one_count_to_another_is_the_new_count():
    text = "Vi vill utöka insatsen från 40 till 60 deltagare per år."
    assert _find("other", text) == {"count": 60, "per": "year"}


def test_a_range_alone_in_the_count_field():
    text = "Minst 40-50 per år"
    found = find_participants([Section("participants", "Antal deltagare", text, None, 0, len(text))], text)
    assert found == {"count": 40, "per": "year"}


def test_an_age_band_alone_in_the_count_field_is_no_count():
    text = "16-24 år"
    assert find_participants([Section("participants", "Antal deltagare", text, None, 0, len(text))], text) is None


def test_the_goal_beside_the_outcome_joined_by_men_without_a_comma():
    text = "Målet var 60 deltagare per år men 45 deltog."
    assert _find("other", text) == {"count": 60, "per": "year"}


def test_an_outcome_beside_a_goal_without_a_count_gives_nothing():
    text = "Målet var högt men 45 personer deltog under året."
    assert _find("other", text) is None


def test_a_range_written_with_mellan_och_counts_from_its_lower_end():
    text = "Vi räknar med mellan 35 och 45 deltagare per år."
    assert _find("other", text) == {"count": 35, "per": "year"}


def test_groups_named_one_after_the_other_add_up():
    text = "Insatsen ska nå 12 unga kvinnor och 8 andra vuxna per år."
    assert _find("other", text) == {"count": 20, "per": "year"}


def test_women_and_men_add_up_to_the_total():
    text = "Under insatsperioden ska 25 kvinnor och 20 män ha deltagit."
    assert _find("other", text) == {"count": 45, "per": "total"}


def test_a_count_per_year_then_a_later_total_is_not_summed():
    text = "Insatsen ska ta emot 30 deltagare per år och 90 deltagare under hela perioden."
    assert _find("other", text) == {"count": 30, "per": "year"}


def test_a_count_over_two_named_years_before_its_verb_is_a_total():
    text = "Under 2031 och 2032 ska 70 personer ta del av insatsen."
    assert _find("other", text) == {"count": 70, "per": "total"}


def test_a_goal_that_the_whole_intake_has_taken_part_is_a_total():
    text = "Minst 90 personer ska ha deltagit i projektet vid periodens slut."
    assert _find("goals", text) == {"count": 90, "per": "total"}


def test_an_outcome_goal_stated_as_ska_n_personer_ha_fatt_arbete_is_no_count():
    text = "Under 2031 ska 20 personer ha fått arbete genom insatsen."
    assert _find("other", text) is None


def test_a_letter_that_imagines_a_count_over_the_whole_period():
    text = "Vi tänker oss ungefär 70 personer under hela projekttiden."
    assert _find("other", text) == {"count": 70, "per": "total"}


def test_a_capacity_up_to_a_number_at_a_time():
    text = "Verkstaden kan ta emot upp till 12 deltagare samtidigt."
    assert _find("other", text) == {"count": 12, "per": "ongoing"}


def test_the_sum_row_of_a_planned_table_by_year_is_a_total():
    text = "Så här många nya deltagare planerar vi för.\nÅr\tAntal deltagare\n2031\t20\n2032\t25\nTotalt\t45"
    found = find_participants([Section("participants", "Deltagare", text, None, 0, len(text))], text)
    assert found == {"count": 45, "per": "total"}


def test_the_sum_row_of_an_outcome_table_is_no_count():
    text = "Utfall per år.\nÅr\tAntal inskrivna deltagare\n2031\t20\n2032\t25\nTotalt\t45"
    assert _find("other", text) is None


def test_the_sum_row_of_groups_counted_per_year_is_per_year():
    text = "Beräknat antal deltagare\nGrupp\tAntal per år\nUnga\t15\nVuxna\t25\nSumma\t40"
    assert _find("other", text) == {"count": 40, "per": "year"}


def test_the_goal_column_of_a_follow_up_table_for_one_year_is_per_year():
    text = "Indikator\tMål 2031\tUtfall hittills\nAntal deltagare\t45\t31\nAndel kvinnor\t50 %\t61 %"
    assert _find("goals", text) == {"count": 45, "per": "year"}


def test_the_outcome_column_of_a_follow_up_table_alone_is_no_count():
    text = "Indikator\tUtfall 2031\nAntal deltagare\t31\nAndel kvinnor\t61 %"
    assert _find("goals", text) is None


def test_a_breakdown_after_a_comma_restates_the_count():
    text = "Vi räknar med 40 deltagare per år, 22 kvinnor och 18 män."
    assert _find("other", text) == {"count": 40, "per": "year"}


def test_a_share_of_the_group_is_not_added():
    text = "Under hela perioden ska insatsen nå 40 personer och 15 av dem unga."
    assert _find("other", text) == {"count": 40, "per": "total"}


def test_mellan_two_years_is_no_range():
    text = "Mellan 2031 och 2032 ska 50 personer ta del av insatsen."
    assert _find("other", text) == {"count": 50, "per": "total"}


def test_women_and_men_reported_as_who_the_participants_were_is_no_count():
    text = "Av deltagarna var 14 kvinnor och 9 män."
    assert find_participants([Section("participants", "Deltagare", text, None, 0, len(text))], text) is None


def test_the_count_after_its_noun_and_verb():
    text = "Antalet deltagare beräknas till 55 per år."
    assert _find("other", text) == {"count": 55, "per": "year"}


def test_the_count_after_its_noun_over_the_whole_period_at_a_sentence_end():
    text = "Antal deltagare under projekttiden beräknas till cirka 140."
    assert _find("other", text) == {"count": 140, "per": "total"}


def test_an_approximate_count_written_with_tal():
    assert _find("other", "Vi räknar med ett 50-tal deltagare per år.") == {"count": 50, "per": "year"}
    assert _find("other", "Insatsen vänder sig till ett fyrtiotal unga per år.") == {"count": 40, "per": "year"}


def test_a_range_with_mellan_alone_in_the_count_field():
    text = "Mellan 25 och 35 per år"
    found = find_participants([Section("participants", "Antal deltagare", text, None, 0, len(text))], text)
    assert found == {"count": 25, "per": "year"}


def test_a_number_planned_for_with_no_period_is_the_whole_intake():
    text = "Verkstaden planeras för 75 deltagare, fördelat på 45 från Ekby och 30 från Åby."
    assert _find("other", text) == {"count": 75, "per": "total"}


def test_a_statistic_counted_after_its_noun_is_no_count():
    text = "Antalet personer med försörjningsstöd beräknas till 300 per år i kommunen."
    assert _find("background", text) is None


def test_the_planned_number_a_report_measures_against():
    text = "Av de 70 planerade deltagarna har 52 påbörjat insatsen."
    assert _find("other", text) == {"count": 70, "per": "total"}


def test_the_definite_participants_of_an_outcome_are_no_count():
    text = "Av de 25 deltagarna gick 10 till arbete."
    assert find_participants([Section("participants", "Deltagare", text, None, 0, len(text))], text) is None


def test_a_word_between_ska_and_its_verb():
    assert _find("other", "Insatsen ska årligen ta emot 22 nya deltagare.") == {"count": 22, "per": "year"}
    assert _find("other", "Projektet ska under 2031–2033 nå 160 unga.") == {"count": 160, "per": "total"}


def test_a_count_spread_over_the_projects_years_is_a_total():
    text = "Projektet omfattar 75 deltagare fördelat på tre år."
    assert _find("other", text) == {"count": 75, "per": "total"}


def test_kommer_att_delta_each_year():
    text = "Ungefär 28 ungdomar kommer att delta varje år."
    assert _find("other", text) == {"count": 28, "per": "year"}


def test_a_staff_count_in_a_budget_tables_sum_row_is_no_count():
    text = "Budget för 2031\nKostnadsslag\tAntal\tBelopp\nCoacher\t2\t1 100 000\nSumma\t3\t1 650 000"
    assert _find("budget", text) is None


def test_a_population_the_target_group_covers_is_no_count():
    text = "Målgruppen omfattar cirka 400 personer per år i kommunen."
    assert _find("background", text) is None


def test_a_planned_count_field_split_by_gender_with_its_total():
    text = "Planerat antal deltagare\nKvinnor: 45\nMän: 35\nTotalt: 80\n\nSökt belopp\n900 000 kr"
    assert find_participants([], text) == {"count": 80, "per": "total"}


def test_a_planned_count_field_split_by_gender_adds_its_parts():
    text = "Planerat antal deltagare: kvinnor 25, män 35\nSökt belopp: 700 000 kr"
    assert find_participants([], text) == {"count": 60, "per": "total"}


def test_a_count_field_followed_by_a_sum_of_money_is_no_count():
    text = "Planerat antal deltagare\nSe bilaga.\nBudget totalt 250 000 kr"
    assert find_participants([], text) is None


def test_a_range_after_the_nouns_verb():
    text = "Antalet deltagare förväntas bli mellan 30 och 40 per år."
    assert _find("other", text) == {"count": 30, "per": "year"}


def test_a_reach_stated_as_a_range_with_mellan():
    text = "Projektet förväntas nå ut till mellan 120 och 160 ungdomar."
    assert _find("other", text) == {"count": 120, "per": "total"}


def test_a_capacity_the_intervention_is_meant_for():
    text = "Verkstaden är tänkt för 14 deltagare åt gången."
    assert _find("other", text) == {"count": 14, "per": "ongoing"}


def test_a_reports_account_of_the_applications_plan_with_the_verb_first():
    text = "Enligt ansökan skulle verkstaden ta emot 32 deltagare per år. Utfallet blev 27."
    assert find_participants([], text) == {"count": 32, "per": "year"}


def test_a_planned_count_that_skulle_delta():
    text = "I ansökan angavs att 55 personer skulle delta. Totalt deltog 41."
    assert find_participants([], text) == {"count": 55, "per": "total"}


def test_a_goal_to_reach_a_number_beside_what_was_reached():
    text = "Projektet hade som mål att nå 110 unga, men nådde 90."
    assert find_participants([], text) == {"count": 110, "per": "total"}


def test_the_goal_for_one_year_in_a_report():
    text = "Målet för 2031 var 44 deltagare. Under året deltog 39."
    assert find_participants([], text) == {"count": 44, "per": "year"}


def test_last_years_intake_with_the_subject_inside_the_verb_is_an_outcome():
    text = "Under 2030 tog verkstaden emot 52 personer, och för 2031 är målet 58 personer."
    assert find_participants([], text) == {"count": 58, "per": "year"}


def test_an_english_range_with_between_counts_from_its_lower_end():
    assert find_participants([], "We expect between 35 and 45 participants per year.") == {"count": 35, "per": "year"}


def test_an_english_capacity_up_to_a_number_at_a_time():
    assert find_participants([], "Up to 14 participants at a time.") == {"count": 14, "per": "ongoing"}


def test_an_english_count_over_two_named_years_is_a_total():
    text = "During 2031 and 2032, 70 people will take part in the project."
    assert find_participants([], text) == {"count": 70, "per": "total"}


def test_a_cue_just_before_the_count_is_its_own():
    text = "Projektet ska ta emot sammanlagt 84 deltagare, cirka 28 per år."
    assert _find("other", text) == {"count": 84, "per": "total"}


def test_the_goal_number_in_the_participants_field_after_an_outcome():
    text = "Under perioden har 17 deltagare varit inskrivna. Målsättningen för året är 33."
    found = find_participants([Section("participants", "Deltagare", text, None, 0, len(text))], text)
    assert found == {"count": 33, "per": "year"}


def test_a_planned_table_with_the_same_count_each_year_is_per_year():
    text = "Planerat antal deltagare\nÅr\tAntal deltagare\n2031\t35\n2032\t35\n2033\t35"
    assert _find("other", text) == {"count": 35, "per": "year"}


def test_a_planned_table_with_different_counts_each_year_and_no_sum_gives_nothing():
    text = "Planerat antal deltagare\nÅr\tAntal deltagare\n2031\t25\n2032\t35"
    assert _find("other", text) is None


def test_a_count_field_labelled_antal_planerade_deltagare():
    text = "Insatsens namn: Lyftet\nAntal planerade deltagare: 65\nBudget: 800 000 kr"
    assert find_participants([], text) == {"count": 65, "per": "total"}


def test_an_age_under_a_few_years_is_no_period():
    text = "Vi räknar med 20 föräldrar med barn under tre år."
    assert _find("other", text) is None


def test_the_verb_before_its_subject_after_two_named_years():
    text = "Under 2031 och 2032 räknar vi med att 45 unga får stöd i verkstaden."
    assert _find("methods", text) == {"count": 45, "per": "total"}


def test_a_goal_that_states_the_intake_right_after_its_verb():
    text = "Verkstaden ska under perioden nå sammanlagt 130 deltagare. Minst 40 deltagare ska nå arbete."
    assert _find("goals", text) == {"count": 130, "per": "total"}


def test_an_outcome_goal_in_a_goals_section_is_no_count():
    text = "Minst 40 deltagare ska nå arbete eller studier."
    assert _find("goals", text) is None


def test_a_follow_up_states_the_planned_count_beside_the_outcome():
    text = "Planerat antal deltagare var 36 per år men 29 deltog under 2031."
    assert _find("follow_up", text) == {"count": 36, "per": "year"}


def test_a_range_written_minst_och_hogst():
    text = "Vi räknar med minst 12 och högst 18 personer per år."
    assert _find("other", text) == {"count": 12, "per": "year"}


@pytest.mark.parametrize("text, expected", [
    # a report's account of the plan, with the outcome in the next sentence that opens with its count
    ("Projektet planerade för 45 deltagare totalt. 52 deltagare skrevs in; 12 av dem var under 20 år.", (45, "total")),
    ("Insatsen planerade för 25 deltagare totalt. 31 personer skrevs in och 12 fick arbete.", (25, "total")),
])
def test_participants_planned_in_a_report_beside_the_outcome(text, expected):
    found = find_participants([Section("participants", "Deltagare", text, None, 0, len(text))], text, {})
    assert (found["count"], found["per"]) == expected


@pytest.mark.parametrize("text, expected", [
    # a report's table names the row by what it counts: "Nya deltagare", "Deltagare totalt"
    ("Mått\tPlanerat 2031\tUtfall jan–jun\nNya deltagare\t30\t18\nAvslutade\t20\t9", {"count": 30, "per": "year"}),
    ("Indikator\tMål\tUtfall\nDeltagare totalt\t200\t231\nTill arbete\t60\t71", {"count": 200, "per": "total"}),
    # ... or states the goal as a phrase, the goal column first
    ("Mål\tUtfall\n40 deltagare per år\t33 deltagare 2031\n30 % till arbete\t26 %", {"count": 40, "per": "year"}),
    # an outcome row is not the participants: "Deltagare till arbete"
    ("Indikator\tMål\tUtfall\nDeltagare till arbete\t20\t25", None),
])
def test_a_reports_goal_table_gives_the_planned_count(text, expected):
    assert _find("goals", text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Insatsen planerade för 15 samtidigt inskrivna deltagare. Nu är 11 inskrivna.", {"count": 15, "per": "ongoing"}),
    ("Enligt projektplanen skulle 60 deltagare tas emot under perioden.", {"count": 60, "per": "total"}),
    ("Vid periodens slut var 12 inskrivna deltagare i insatsen.", None),
])
def test_a_reports_account_of_the_planned_count(text, expected):
    assert _find("other", text) == expected


@pytest.mark.parametrize("key, text, expected", [
    # a goal's label over its count, the label read as the heading
    ("goals", "60 deltagare per år.\nUtfall jan–jun: 34 nya deltagare, 18 avslutade.", {"count": 60, "per": "year"}),
    ("goals", "Utfall jan–jun: 34 nya deltagare, 18 avslutade.", None),
    # the verb before its subject
    ("other", "Enligt ansökan ska insatsen ha 25 deltagare åt gången.", {"count": 25, "per": "ongoing"}),
    # a report's plan in the target group's field, families counted, the outcome after a semicolon
    ("target_group", "Insatsen skulle ta emot 25 familjer per år; sammanlagt deltog 61 familjer.", {"count": 25, "per": "year"}),
])
def test_a_reports_goal_label_and_plan(key, text, expected):
    assert _find(key, text) == expected


@pytest.mark.parametrize("key, text, expected", [
    ("target_group", "Påhittet vände sig till arbetslösa i åldern 20–59 år. Målet var 45 deltagare per år.", {"count": 45, "per": "year"}),
    ("other", "Planen var att 40 kvinnor per år skulle delta; sammanlagt deltog 97.", {"count": 40, "per": "year"}),
])
def test_a_reports_account_of_its_goal_in_the_past(key, text, expected):
    assert _find(key, text) == expected
