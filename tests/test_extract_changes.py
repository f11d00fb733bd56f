"""Documents that change an intervention: extensions, change requests, mails (invented texts)."""
import pytest

from extractor.extract.period import find_period
from extractor.record import Section


def _sec(key: str, text: str, start: int = 0) -> Section:
    return Section(key=key, heading="Planerad insatstid", text=text, page=None,
                   char_start=start, char_end=start + len(text))


@pytest.mark.parametrize("text, start, end", [
    # the extension applied for replaces the period granted before
    ("Hopp har bedrivits 2023-02-01 – 2024-12-31. Vi ansöker om förlängning t.o.m. 2026-12-31, "
     "det vill säga för perioden 2025-01-01 – 2026-12-31.", "2025-01-01", "2026-12-31"),
    ("Nuvarande period: 2022-01-01 – 2023-12-31. Fortsättning söks för 2024-01-01 – 2024-12-31.",
     "2024-01-01", "2024-12-31"),
    # only the end moves when only the end is given
    ("Insatsen pågår 2024-01-01 – 2025-12-31. Styrelsen beslutade den 3 maj 2024 att förlänga insatsen "
     "till och med 2026-06-30.", "2024-01-01", "2026-06-30"),
])
def test_period_of_an_extension(text, start, end):
    period = find_period([], text)
    assert (period["start"], period["end"]) == (start, end)


def test_period_extension_inside_the_period_section():
    text = "Gällande beslut 2021-05-01 – 2022-04-30. Ansökan avser förlängning från 2022-05-01 t.o.m. 2023-04-30."
    period = find_period([_sec("period", text)], text)
    assert (period["start"], period["end"]) == ("2022-05-01", "2023-04-30")


def test_period_start_from_a_past_tense_verb_in_the_period_field():
    text = "Insatsen startade 1 april 2023 och den pågår sedan till och med 31 mars 2025."
    period = find_period([_sec("period", text)], text)
    assert (period["start"], period["end"]) == ("2023-04-01", "2025-03-31")


def _posts(text: str, key: str = "other"):
    from extractor.extract.staffing import find_fte_total, find_staffing
    section = Section(key=key, heading="Bemanning", text=text, page=None, char_start=0, char_end=len(text))
    staff = find_staffing([section])
    return sorted((s.role, s.fte) for s in staff), find_fte_total([section], staff)


def test_staffing_after_a_change_of_positions_counts_the_posts_once():
    posts, total = _posts("Bemanningen utökas från 1,0 till 2,0 tjänster: två jobbcoacher på heltid.")
    assert posts == [("Jobbcoach", 1.0), ("Jobbcoach", 1.0)] and total == 2.0


def test_staffing_a_count_of_posts_before_the_posts_own_shares():
    posts, total = _posts("Vi bemannar med 2,0 tjänster genom två lotsar på heltid.")
    assert posts == [("Lots", 1.0), ("Lots", 1.0)] and total == 2.0


def test_staffing_a_reduced_post_keeps_only_its_new_share():
    posts, total = _posts("Vi vill minska samordnartjänsten från 100 % till 75 % och samtidigt "
                          "anställa en kurator på 25 %.")
    assert posts == [("Kurator", 0.25), ("Samordnare", 0.75)] and total == 1.0


def test_period_history_named_beside_the_word_for_extension_is_not_the_extension():
    text = ("Ansökan avser fortsättning efter den första perioden 2022-01-01 – 2023-12-31.\n"
            "Fortsättningen pågår fr.o.m. 1 januari 2024 t.o.m. 31 december 2025.")
    period = find_period([_sec("period", text)], text)
    assert (period["start"], period["end"]) == ("2024-01-01", "2025-12-31")


def _budget(text: str, doc_type: str = "application"):
    from extractor.extract.amounts import find_amounts, kronor_columns
    from extractor.extract.budget import find_budget
    amounts = find_amounts(text, kronor_columns(text))
    return sorted({a.value for a in amounts}), find_budget(text, amounts, [], doc_type)


def test_amounts_of_a_budget_change_table_without_a_unit():
    text = ("Hej!\n\nKostnadsslag\tUrsprunglig budget 2024\tNy budget 2025\n"
            "Personal\t520 000\t610 000\nResor\t30 000\t15 000\nSumma\t550 000\t625 000\n\nHälsningar\n")
    values, budget = _budget(text, "other")
    assert values == [15000, 30000, 520000, 550000, 610000, 625000]
    # the sum under the new budget is what is asked for, not a whole cost beside it
    assert budget == {"own_financing_sek": None, "requested_sek": 625000, "total_sek": None}


def test_budget_table_in_thousands_without_unit_in_the_header_is_not_read_as_kronor():
    text = "Post\tBudget 2025\nPersonal\t640\nSumma\t640\n"
    values, _ = _budget(text)
    assert values == []


def test_budget_new_sum_set_against_the_old():
    _, budget = _budget("Ny budget 2026: 720 000 kr (tidigare 800 000 kr).", "other")
    assert budget["requested_sek"] == 720000


def test_budget_three_figures_on_one_line():
    _, budget = _budget("Budget\nSökt 410000:-  Egen insats 45000:-  Totalt 455000:-\n")
    assert budget == {"own_financing_sek": 45000, "requested_sek": 410000, "total_sek": 455000}


def _participants(text: str, key: str = "other"):
    from extractor.extract.participants import find_participants
    section = Section(key=key, heading="Mål", text=text, page=None, char_start=0, char_end=len(text))
    return find_participants([section], text)


@pytest.mark.parametrize("key", ["goals", "other"])
def test_participants_planned_volume_beside_the_count_so_far(key):
    text = "Planerad volym: 60 deltagare per år; hittills har 37 deltagare skrivits in."
    assert _participants(text, key) == {"count": 60, "per": "year"}


def test_participants_per_course_round_leads_to_the_count_per_year():
    text = "Kursen har 8 platser per kursomgång (16 deltagare per år)."
    assert _participants(text, "participants") == {"count": 16, "per": "year"}


def test_signature_title_after_the_sign_off_is_no_person():
    from extractor.extract.named_people import find_named_people
    text = "Vänliga hälsningar\nVera Påhittad\nEnhetschef Arbetsmarknad\nExempelby kommun\n"
    assert [p[0] for p in find_named_people(text)] == ["Vera Påhittad"]


@pytest.mark.parametrize("subject, title", [
    ("SV: Bron – ändring av bemanning 2026", "Bron"),
    ("Ledstegen – justerad budget", "Ledstegen"),
    ("Möte på torsdag", None),
])
def test_title_from_a_mail_subject_naming_the_change(subject, title):
    from extractor.extract.meta import find_title
    text = (f"Från: Olle Påhitt <olle.pahitt@exempelby.se>\nSkickat: den 3 mars 2025 10:00\n"
            f"Ämne: {subject}\n\nHej!\nHär kommer ändringen.\n")
    assert find_title([], text) == title


def test_title_after_a_change_application_heading():
    from extractor.extract.meta import find_title
    text = "Ändringsansökan – Vindbryggan\nInsatsägare: Exempelby kommun\nVi vill ändra bemanningen.\n"
    assert find_title([], text) == "Vindbryggan"


@pytest.mark.parametrize("head", ["Ändringsansökan – Vindbryggan", "Förlängningsansökan Vindbryggan"])
def test_a_change_or_extension_application_is_an_application(head):
    from extractor.classify import classify_doc_type
    assert classify_doc_type(f"{head}\nInsatsägare: Exempelby kommun\nVi vill ändra bemanningen.\n") == "application"


def test_a_mail_subject_names_a_plain_word_insats_before_the_change():
    """A subject "<name> – <change>" gives the name even where the name is a plain word, as the change
    it is followed by shows it is the insats the mail is about."""
    from extractor.extract.meta import find_title

    text = ("Från: Påhitta Exempelsson <pahitta@exempelby.se>\nSkickat: den 3 mars 2031 09:12\n"
            "Till: kansliet@exempelforbundet.se\nÄmne: Kliv – utökad bemanning\n\nHej!\nHär kommer underlaget.\n")
    assert find_title([], text) == "Kliv"
