"""Plans written in other wordings than the usual forms: numbers in words, role sentences, plan cues."""
import pytest

from extractor.extract.ages import find_target_groups
from extractor.extract.amounts import find_amounts, kronor_columns
from extractor.extract.budget import find_budget
from extractor.extract.meta import find_diarienummer, find_title
from extractor.extract.named_people import find_named_people
from extractor.extract.numbers import parse_number_word, words_to_digits
from extractor.extract.orgs import find_organizations
from extractor.extract.participants import find_participants
from extractor.extract.period import find_period
from extractor.extract.staffing import find_staffing
from extractor.pipeline import extract
from extractor.read.html import clean_html
from extractor.read.labels import pair_label_rows
from extractor.read.text import tab_aligned_columns
from extractor.read.pdf import _strip_furniture
from extractor.record import Document, Section


def _section(key: str, text: str) -> list[Section]:
    return [Section(key, None, text, None, 0, len(text))]


@pytest.mark.parametrize("word, value", [
    ("tjugo", 20), ("arton", 18), ("tjugonio", 29), ("tvåhundratusen", 200000), ("etthundrafemtio", 150),
    ("femtontusen", 15000), ("två", None), ("en", None), ("tusen", None), ("tretton", 13), ("trettio", 30),
    ("entré", None), ("tiotal", None),
    # words that only look like number words run together: a unit or a teen goes last or before hundra/tusen
    ("entre", None), ("tioen", None), ("fyratio", None), ("tjugotvåtusen", 22000),
])
def test_number_words_from_ten_up_are_read(word, value):
    assert parse_number_word(word) == value


def test_words_to_digits_reads_only_number_words():
    assert words_to_digits("Entre: tjugo platser, sex coacher") == "Entre: 20    platser, sex coacher"


def test_words_to_digits_keeps_offsets():
    text = "vuxna från nitton till tjugosju år, tjugo deltagare"
    out = words_to_digits(text)
    assert len(out) == len(text)
    assert out.split() == ["vuxna", "från", "19", "till", "27", "år,", "20", "deltagare"]


def test_plan_with_figures_in_words():
    text = ("Projektplan för Påhittet\n\nMålgrupp\nMålgruppen är unga vuxna mellan arton och tjugonio år.\n\n"
            "Deltagare\nVi räknar med tjugo deltagare per år.\n\n"
            "Budget\nVi söker en miljon kronor från förbundet. Exempelby kommun bidrar med tvåhundratusen kronor "
            "i form av lokaler.\n")
    record = extract(Document(path="plan.txt", format="txt", sha256="a" * 64, text=text))
    assert [(t["age_min"], t["age_max"]) for t in record.target_groups] == [(18, 29)]
    assert record.participants == {"count": 20, "per": "year"}
    assert 200000 in record.amounts and 1000000 in record.amounts


@pytest.mark.parametrize("key, text, expected", [
    ("target_group", "Unga 18–29 år. Insatsen är dimensionerad för 30 deltagare samtidigt.", (30, "ongoing")),
    ("target_group", "Unga 16–29 år utan sysselsättning. Målet är 40 deltagare per år.", (40, "year")),
    ("target_group", "Personer 20–64 år. Vi räknar med 35 deltagare per år.", (35, "year")),
    ("other", "Insatsen planeras pågå i två år och omfatta 25 deltagare per år.", (25, "year")),
])
def test_participants_from_plan_sentences_in_other_fields(key, text, expected):
    found = find_participants(_section(key, text), text)
    assert (found["count"], found["per"]) == expected


@pytest.mark.parametrize("text, expected", [
    ("Exempelby kommun är insatsägare. Grannby kommun och Region Uppsala är medverkande parter.",
     [("Exempelby kommun", "owner"), ("Grannby kommun", "partner"), ("Region Uppsala", "partner")]),
    ("Uppsala kommun, socialförvaltningen, är insatsägare.", [("Uppsala kommun", "owner")]),
    ("Påhittet bedrivs gemensamt av Tierps kommun och Region Uppsala i samverkan med Arbetsförmedlingen.",
     [("Tierps kommun", "owner"), ("Region Uppsala", "owner"), ("Arbetsförmedlingen", "partner")]),
])
def test_role_sentences_name_owners_and_partners(text, expected):
    assert [(o["name"], o["role"]) for o in find_organizations([], text)] == expected


def test_question_form_numbered_in_words():
    text = ("Ansökan om insatsmedel\n\nFråga 1: Vad heter insatsen?\n\nSvar: Påhittet\n\n"
            "Fråga 2: Vem äger insatsen?\n\nSvar: Exempelby kommun, socialtjänsten, är insatsägare.\n\n"
            "Fråga 3: Under vilken tid ska insatsen pågå?\n\nSvar: Från den 1 mars 2026 till den 28 februari 2028.\n\n"
            "Fråga 4: Vem är insatsen till för?\n\nSvar: Vuxna 25–55 år med försörjningsstöd.\n")
    record = extract(Document(path="fragor.txt", format="txt", sha256="b" * 64, text=text))
    assert record.title == "Påhittet"
    assert [s.key for s in record.sections] == ["title", "owner", "period", "target_group"]
    assert (record.period["start"], record.period["end"]) == ("2026-03-01", "2028-02-28")


def test_period_from_a_planned_range():
    text = "Insatsen planeras pågå 1 januari 2026 – 31 december 2027 och omfatta 25 deltagare per år."
    assert find_period([], text) == {"start": "2026-01-01", "end": "2027-12-31", "intake_end": None}


def test_age_bands_that_label_rows_of_counts_are_statistics():
    text = ("Påhittet vänder sig till unga 16–29 år utan arbete och studier.\n\n"
            "Inskrivna per åldersgrupp\nÅldersgrupp    Antal\n16–19 år       4\n20–24 år       11\n25–29 år\t7\n")
    bands = find_target_groups(_section("target_group", text))
    assert [(b.age_min, b.age_max) for b in bands] == [(16, 29)]


def test_age_band_from_a_form_exports_two_fields():
    text = "Slutdatum\t2028-01-31\nMålgrupp ålder från\t30\nMålgrupp ålder till\t64\nAntal deltagare\t60\n"
    assert [(b.age_min, b.age_max) for b in find_target_groups([], text)] == [(30, 64)]


@pytest.mark.parametrize("text, posts", [
    ("Projektet bemannas med två heltidstjänster som arbetscoacher och en halvtidstjänst som projektledare.",
     [("Arbetscoach", 1.0), ("Arbetscoach", 1.0), ("Projektledare", 0.5)]),
    ("Projektledare 0,5; Coach 1,0; Coach 1,0; Sjukgymnast 0,2",
     [("Projektledare", 0.5), ("Coach", 1.0), ("Coach", 1.0), ("Sjukgymnast", 0.2)]),
    ("Arbetskonsulent 1,0 årstjänst och enhetschef 0,5 årstjänst.", [("Arbetskonsulent", 1.0), ("Enhetschef", 0.5)]),
    ("Projektledaren ansvarar för en budget på 1,5 mnkr.", []),
])
def test_staffing_in_other_wordings(text, posts):
    assert [(s.role, s.fte) for s in find_staffing(_section("other", text))] == posts


def test_participants_from_a_form_exports_count_field():
    text = "Startdatum\t2026-02-01\nAntal deltagare\t60\nAntal deltagare avser\thela perioden\nPersonal\tCoach 1,0\n"
    assert find_participants([], text) == {"count": 60, "per": "total"}


def test_a_kronor_header_over_label_and_figure_columns():
    text = ("Budget (kr)\tBemanning\nPersonal\t2 640 000\tProjektledare\t0,5 åa\nLokaler\t180 000\tCoach\t1,0 åa\n"
            "Sökt från förbundet\t2 400 000\n")
    assert [a.value for a in find_amounts(text, kronor_columns(text))] == [2640000, 180000, 2400000]


def _budget(text: str, doc_type: str = "application") -> dict:
    return find_budget(text, find_amounts(text, kronor_columns(text)), [], doc_type)


@pytest.mark.parametrize("text, doc_type, expected", [
    # the sum applied for, not the grant, where a decision states both
    ("Styrelsen beslutade att bevilja Exempelby kommun 1 150 000 kr för insatsen. Beslutet avser ansökan där "
     "sökt belopp var 1 300 000 kr.", "decision", (1300000, None, None)),
    ("Styrelsen beslutade att bevilja Exempelby kommun 1 150 000 kr för insatsen.", "decision", (1150000, None, None)),
    ("Kommunstyrelsen beslutar att ansöka om 1 200 000 kr per år, totalt 2 400 000 kr, från förbundet. "
     "Insatsens kostnad beräknas till 1 500 000 kr per år, totalt 3 000 000 kr.", "other", (2400000, None, 3000000)),
    # a förbund's pool that others may apply for is no sum applied for: "att ansöka om" needs its figure after it
    ("Under året avsätts 300 tkr som parterna får möjlighet att ansöka om för egna aktiviteter.", "other",
     (None, None, None)),
    ("Samordningsförbundet 1 780 000 kr. Egen finansiering: 700 000 kr. Totalt 2 480 000 kr.", "operational_plan",
     (1780000, 700000, 2480000)),
    ("Källa\tBelopp (kr)\nSamordningsförbundet Exempeldalen\t1 400 000\nOwn contribution / Egen insats (Exempelby stad)\t500 000\nTotal\t1 900 000\n",
     "application", (1400000, 500000, 1900000)),
])
def test_budget_in_other_wordings(text, doc_type, expected):
    got = _budget(text, doc_type)
    assert (got["requested_sek"], got["own_financing_sek"], got["total_sek"]) == expected


def test_a_forms_signing_field_names_a_signatory():
    text = "Methods text.\nAuthorised signatory / Firmatecknare: Påhitta Exempelsson, Exempelby stad\n"
    assert find_named_people(text) == [("Påhitta Exempelsson", "signatory", 52, 71)]


def test_html_table_rows_follow_each_other():
    html = "<p>x</p><table><tr><th>Roll</th><th>Grad</th></tr>\n<tr><td>Projektledare</td><td>75 %</td></tr></table>"
    assert clean_html(html).strip() == "x\n\nRoll\tGrad\nProjektledare\t75 %"


def test_runs_it_together_with_makes_both_owners():
    text = "Påhittet drivs av Eskilstuna kommun tillsammans med Strängnäs kommun."
    assert [(o["name"], o["role"]) for o in find_organizations([], text)] == [
        ("Eskilstuna kommun", "owner"), ("Strängnäs kommun", "owner")]


@pytest.mark.parametrize("text, title", [
    ("Slutrapport – Påhittet\nProjektägare: Exempelby kommun.", "Påhittet"),
    ("Lägesrapport 1 – Påhittet\nInsatsägare: Exempelby kommun", "Påhittet"),
    ("# Ansökan om medel: Påhittet\n\n**Insatsägare:** Exempelby kommun", "Påhittet"),
    ("Tertialrapport 2 – 2025\nInsats\tPåhittet", "Påhittet"),  # not "2025"
])
def test_title_after_the_kind_and_a_dash(text, title):
    assert find_title([], text) == title


def test_registry_number_after_a_bold_label():
    assert find_diarienummer("**Diarienummer:** SFX 2026/3") == "SFX 2026/3"


def test_a_running_header_keeps_its_registry_number_once():
    pages = [["Rapport Påhittet Dnr SFX 2025/12", "Text ett"], ["Rapport Påhittet Dnr SFX 2025/12", "Text två"]]
    assert _strip_furniture(pages) == [["Rapport Påhittet Dnr SFX 2025/12", "Text ett"], ["Text två"]]


def test_a_web_pages_lead_states_staff_and_volume():
    text = ("Påhittet – stöd till arbete\n\nPåhittet drivs av Exempelby kommun och vänder sig till unga som står "
            "långt från arbete. Vi tar emot 40 deltagare per år.\n\nRoll\tTjänstgöringsgrad\nProjektledare\t75 %\n"
            "Arbetsspecialist\t100 %\n\nFinansiering\tBelopp (kr)\nSamordningsförbundet Exempeldalen\t3 100 000\n\n"
            "Kontakt\nAnna Exempelsson, anna.exempelsson@exempelby.se\n")
    record = extract(Document(path="sida.txt", format="txt", sha256="c" * 64, text=text))
    assert [s.key for s in record.sections] == ["other"]
    assert [(s["role"], s["fte"]) for s in record.staffing] == [("Projektledare", 0.75), ("Arbetsspecialist", 1.0)]
    assert record.participants == {"count": 40, "per": "year"}


def test_an_address_is_no_staffing():
    text = "# source: https://exempel.se/doc/1/om-koordinatorn-f%C3%B6r\nEn koordinator på 50 %."
    assert [(s.role, s.fte) for s in find_staffing(_section("other", text))] == [("Koordinator", 0.5)]


@pytest.mark.parametrize("key, text, expected", [
    ("target_group", "Personer 25–64 år. Vi beräknar att 45 personer deltar under projekttiden.", (45, "total")),
    ("other", "Förbundet har beviljat medel. Ungefär 30 unga per år väntas ta del av stödet.", (30, "year")),
])
def test_participants_from_estimates(key, text, expected):
    found = find_participants(_section(key, text), text)
    assert (found["count"], found["per"]) == expected


def test_a_closing_summa_sentence_is_the_total():
    got = _budget("Budget: Sökt belopp 1 640 000 kr. Egen insats 200 000 kr. Summa 1 840 000 kr.")
    assert (got["requested_sek"], got["own_financing_sek"], got["total_sek"]) == (1640000, 200000, 1840000)


def test_a_staffing_tables_count_column():
    text = "Befattning\tAntal\tOmfattning\nArbetskonsulent\t2\t100 %\nProjektledare\t1\t50 %\nSumma\t3\t2,5 tjänster\n"
    assert [(s.role, s.fte) for s in find_staffing(_section("other", text))] == [
        ("Arbetskonsulent", 1.0), ("Arbetskonsulent", 1.0), ("Projektledare", 0.5)]


@pytest.mark.parametrize("text, title", [
    ("Projektansökan Påhittet\n\nProjektägare\tExempelby kommun", "Påhittet"),
    ("Verksamhetsplan Samordningsförbundet Exempeldalen\nText", None),
    ("FINAL REPORT\nProject Bridgeworks\n\nProject owner: Exempelby stad", "Bridgeworks"),
])
def test_title_from_the_first_lines(text, title):
    assert find_title([], text) == title


def test_an_english_report():
    text = ("FINAL REPORT\nProject Bridgeworks\n\nProject owner: Helsingborgs stad\nThe project was carried out in "
            "cooperation with Region Skåne and Arbetsförmedlingen.\nProject period: 1 March 2023 – 28 February 2025\n\n"
            "Budget\nThe project was granted SEK 3.6 million by the coordination association. Own contribution from "
            "Helsingborgs stad: SEK 400 000.\n")
    record = extract(Document(path="report.txt", format="txt", sha256="d" * 64, text=text))
    assert record.doc_type == "final_report"
    assert ("Region Skåne", "partner") in [(o["name"], o["role"]) for o in record.organizations]
    assert record.dates == ["2023-03-01", "2025-02-28"]
    assert record.amounts == [400000, 3600000]
    assert (record.budget["requested_sek"], record.budget["own_financing_sek"]) == (3600000, 400000)


@pytest.mark.parametrize("key, text, expected", [
    ("participants", "Antal deltagare: 52 (mål 50 under insatsperioden)", (50, "total")),
    ("other", "Resultat\nAntal deltagare: 52 (mål 50 under insatsperioden)\nAv deltagarna gick 18 till arbete.", (50, "total")),
    ("target_group", "Unga 18–24 år.\nVi planerar för 15–20 deltagare samtidigt.", (15, "ongoing")),
])
def test_participants_goal_beside_the_outcome_and_ranges(key, text, expected):
    found = find_participants(_section(key, text), text)
    assert (found["count"], found["per"]) == expected


def test_a_shouted_plan_names_its_title():
    assert find_title([], "PROJEKTPLAN SKEPPSBRON\n\nProjektägare: Exempelby kommun") == "SKEPPSBRON"


def test_a_row_of_labels_over_a_row_of_values():
    rows = [["Insatsens namn", ""], ["Lyktfästet", ""], ["Startdatum", "Slutdatum"], ["2026-01-01", "2027-12-31"],
            ["Post", "Kostnad (kr)"], ["Personal", "100 000"]]
    assert pair_label_rows(rows) == [["Insatsens namn", "Lyktfästet"], ["Startdatum", "2026-01-01"],
                                     ["Slutdatum", "2027-12-31"], ["Post", "Kostnad (kr)"], ["Personal", "100 000"]]


def test_a_space_aligned_table_in_thousands():
    text = tab_aligned_columns("Plan\n\nKostnadsslag (tkr)      2026     2027\nPersonal                 980    1 320\n"
                               "Summa                  1 040    1 400\n\nBESLUT        2025-06-12\n")
    assert "Personal\t980\t1 320" in text and "BESLUT        2025-06-12" in text
    assert [a.value for a in find_amounts(text, kronor_columns(text))] == [980000, 1320000, 1040000, 1400000]


def test_a_years_budget_and_participants_during_the_year():
    got = _budget("Budgeten för 2026 omfattar 2 640 000 kronor, varav 2 100 000 kronor söks från förbundet.",
                  "operational_plan")
    assert (got["requested_sek"], got["total_sek"]) == (2100000, 2640000)
    text = "Målsättningen är att 50 personer ska påbörja insatsen under året."
    assert find_participants(_section("participants", text), text) == {"count": 50, "per": "year"}
