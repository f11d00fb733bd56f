"""People named with a role in prose, and the period stated in prose (invented texts)."""
import pytest

from extractor.extract.dates import find_dates
from extractor.extract.named_people import find_named_people
from extractor.extract.people import find_contacts
from extractor.extract.period import find_period


@pytest.mark.parametrize("text, expected", [
    ("Projektledare Anna Exempelsson berättade om målen.", [("Anna Exempelsson", "contact")]),
    ("– Det har gått bra, säger projektledaren Per Påhittad.", [("Per Påhittad", "contact")]),
    ("Lisa Låtsas var projektledare för Bron.", [("Lisa Låtsas", "contact")]),
    ("Vi tackar Eva Exempel och Olle Påhitt som har varit projektledare under året.",
     [("Eva Exempel", "contact"), ("Olle Påhitt", "contact")]),
    ("Kontakt:\nFörbundschef Bo Bokstav Mobil 070-111 22 33", [("Bo Bokstav", "contact")]),
    ("Tina Testsson, samordnare\nTel. 070-123 45 67", [("Tina Testsson", "contact")]),
    ("Handläggare: Rut Rapport, tfn 0123-456 78", [("Rut Rapport", "contact")]),
    # a project's head is its contact, also when quoted
    ("”Hälften har fått arbete”, säger Vera Vägvisare, projektchef i Stegen.", [("Vera Vägvisare", "contact")]),
    # the role printed after the name, as a title on a cover
    ("Rapporten sammanställd av: Lina Låtsas Projektledare På uppdrag av förbundet.", [("Lina Låtsas", "contact")]),
    # a signature whose title runs on into the body it signs for; a letter's closing greeting
    ("Nämnden godkänner rapporten. Maja Påhitt Förvaltningschef Exempelby stad, Box 1",
     [("Maja Påhitt", "signatory")]),
    ("Vår granskning är klar. Med vänlig hälsning Ada Admin Bo Bokstav Per Påhittad Kopia: Styrelsen",
     [("Ada Admin", "signatory"), ("Bo Bokstav", "signatory"), ("Per Påhittad", "signatory")]),
    # an author, a chair opening a meeting, a quoted worker: no contact role
    ("Texten skrevs av Sara Skribent, förbundschef.", []),
    ("Ordföranden Klas Klok öppnade sammanträdet.", []),
    ("Karin Kollega från arbetsgruppen höll med.", []),
])
def test_people_named_with_a_role(text, expected):
    assert [(n, r) for n, r, *_ in find_named_people(text)] == expected


def test_minutes_give_their_signatories_not_those_present():
    text = ("Övriga deltagande: Ada Admin, samordnare\n"
            "Sekreterare: ………\n\nSiv Sekreterare Svensson\n\nOrdförande: ………..\n\nOla Ordförandesson")
    found = find_named_people(text, minutes=True)
    assert [(n, r) for n, r, *_ in found] == [("Siv Sekreterare Svensson", "signatory"),
                                              ("Ola Ordförandesson", "signatory")]


def test_shared_mailbox_is_no_contact():
    text = "Kommunförbundet Exempel E-post: info@exempel.se\nProjektledare Anna Exempelsson berättade."
    assert [p.name for p in find_contacts(text, [])] == ["Anna Exempelsson"]
    # a unit's mailbox is nobody's either; a person's address stays
    text = "Telefon: 08-123 45 00 individochomsorgsforvaltningen@exempelby.se\nKontakt: ada.admin@exempelby.se"
    assert [p.email for p in find_contacts(text, [])] == ["ada.admin@exempelby.se"]


@pytest.mark.parametrize("text, start, end", [
    ("Insatsen pågick under perioden 2016-02-01--2017-12-31.", "2016-02-01", "2017-12-31"),
    ("Vi driver insatsen under perioden 2019-03-01 – 2022-02-28 med stöd av förbundet.", "2019-03-01", "2022-02-28"),
    ("Förstudien påbörjades 15 augusti 2021 och pågår ett halvår.", "2021-08-15", None),
    ("Insatsen startade den 1 februari 2022 och pågår till och med 31 januari 2025.", "2022-02-01", "2025-01-31"),
    ("Projektet startade 1 mars 2020. Det avslutas 28 februari 2022 enligt plan för projektet.", "2020-03-01", "2022-02-28"),
    ("Startdatum 2021-09-01\nSlutdatum 2023-08-31", "2021-09-01", "2023-08-31"),
    # the förbund's accounts are not the intervention's period
    ("Styrelsen avger årsredovisning för perioden 2019-01-01 till 2019-12-31.", None, None),
])
def test_period_stated_in_prose(text, start, end):
    period = find_period([], text)
    assert (period["start"], period["end"]) == (start, end)


def test_period_after_under_in_a_decision():
    text = "Köpings kommun ansöker om 980 000 kr för insatsen Påhittet under 2025-04-01 – 2026-03-31."
    assert find_period([], text) == {"start": "2025-04-01", "end": "2026-03-31", "intake_end": None}


def test_iso_range_with_a_double_hyphen_gives_both_dates():
    assert [d.value for d in find_dates("2013-01-01--2014-06-30")] == ["2013-01-01", "2014-06-30"]


@pytest.mark.parametrize("text, dates", [
    ("Styrelsen beslutade vid mötet 230412 att bevilja medel.", ["2023-04-12"]),
    ("Blankett daterad 20190301", ["2019-03-01"]),
    ("Källa: https://exempel.se/nyheter/2021-05-04-nytt-projekt", []),
    ("Summa 20190301 kr", []),
    ("Det kostar 230412 i år.", []),  # six digits without a word that dates them are no date
])
def test_compact_dates_and_web_addresses(text, dates):
    assert [d.value for d in find_dates(text)] == dates


@pytest.mark.parametrize("text, ages", [
    ("Startpunkten erbjuder stöd för unga i åldern 18-24 år utan arbete.", [(18, 24)]),
    ("Träffpunkten riktade sig till kvinnor från 20 år.", [(20, None)]),
    ("Arbetet i insatsen Fyren (för 17–30 år) fortsätter.", [(17, 30)]),
    ("I åldersgruppen 20–24 år var andelen arbetslösa 11 procent.", []),
    ("Verksamheten ska riktas till unga i åldern 15-25 år och ske i samverkan med parterna.", [(15, 25)]),
    ("Kommunen arbetar med att stötta unga hemmasittare i åldrarna 20–25 år.", [(20, 25)]),
    ("Insatser som är till nytta för att den enskilde (16-64 år) ska komma närmare arbete.", [(16, 64)]),
    # a statistic in a clause of its own leaves the band alone; an exclusion anywhere does not
    ("Projektet riktar sig till unga vuxna 18–29 år samt nyanlända som har mindre än 25 % aktivitetsnivå.", [(18, 29)]),
    ("Målgruppen är personer från 30 år. För unga under 30 år finns ungdomsteamet, och de ingår inte i projektet.",
     [(30, None)]),
])
def test_target_ages_in_prose(text, ages):
    from extractor.extract.ages import find_target_groups
    assert [(a.age_min, a.age_max) for a in find_target_groups([], text)] == ages


@pytest.mark.parametrize("body", [
    "Ort och datum: Exempelby 24.03.2025 Anna Exempelsson, socialchef, Exempelby kommun\n",
    "Part\tDatum\tNamnförtydligande\nExempelby kommun\t25-03-14\tAnna Exempelsson, förvaltningschef\n",
    "Exempelby 2024-03-05 Anna Exempelsson, förvaltningschef, Exempelby kommun\n",
    # a table with a column of names and no office beside them
    "Roll\tOrganisation\tNamn\tDatum\nInsatsägare\tExempelby kommun\tAnna Exempelsson\t2025-11-03\n",
])
def test_signatories_after_a_date_or_in_a_table_cell(body):
    from extractor.record import Section
    text = "Underskrifter\n" + body
    section = Section("signatures", "Underskrifter", body, None, 14, len(text))
    people = find_contacts(text, [section], persons=lambda t: [(t.index("Anna"), t.index("Anna") + 16, "Anna Exempelsson")])
    assert [(p.name, p.role) for p in people] == [("Anna Exempelsson", "signatory")]


def test_role_verb_name():
    assert [n for n, *_ in find_named_people("Projektledare var Lena Ledare under hela tiden.")] == ["Lena Ledare"]


def test_a_day_before_a_month_is_no_amount():
    from extractor.extract.amounts import find_amounts
    text = "Ekonomi\nResultatet blev 312 tkr.\nExempelby den 15 mars 2022\n"
    assert sorted(a.value for a in find_amounts(text, [(0, len(text))])) == [312000]


@pytest.mark.parametrize("text, expected", [
    ("Målet var 90 deltagare under projekttiden.", {"count": 90, "per": "total"}),
    ("Totalt skrevs 87 deltagare in under projekttiden.", None),
    # the expected reach of a project is its whole intake; employers reached are no participants
    ("Den ena satsningen förväntas nå 120 ungdomar i länet. Den andra ska nå 80 arbetsgivare.",
     {"count": 120, "per": "total"}),
    ("Målet är att 30 personer ska nå arbete eller studier.", None),
])
def test_participants_goal_not_outcome(text, expected):
    from extractor.extract.participants import find_participants
    from extractor.record import Section
    assert find_participants([Section("other", "Sammanfattning", text, None, 0, len(text))], text) == expected


def test_places_in_the_target_groups_field_are_the_capacity():
    from extractor.extract.participants import find_participants
    from extractor.record import Section
    text = "Unga 18-29 år utan arbete. Verksamheten hade 15 platser per år, vilket gav omkring 25 personer."
    assert find_participants([Section("target_group", "Målgrupp", text, None, 0, len(text))], text) == {
        "count": 15, "per": "year"}


def test_title_after_a_cover_word_ends_with_its_line():
    from extractor.extract.meta import find_title
    assert find_title([], "Utvärdering av projektet Delta\nSlutrapport från följeforskningen\n") == "Delta"


@pytest.mark.parametrize("text", ["Exempelby 2020-03-14\n\nAnna Exempelsson Ordförande\n\nFörvaltningsberättelse",
                                  "Exempelby 2020-03-14\nAnna Exempelsson\nOrdförande\n",
                                  # a tjänsteskrivelse signed with the office below the name
                                  "Beslutet skickas till\nArbetsmarknadsenheten\n\nAnna Exempelsson\nSocialchef\n",
                                  # a report adopted by the board, signed "name, office"
                                  "Berättelsen fastställdes av styrelsen.\nAnna Exempelsson, ordförande\n"])
def test_closing_signature_with_the_signers_title(text):
    assert [(n, r) for n, r, *_ in find_named_people(text)] == [("Anna Exempelsson", "signatory")]


def test_minutes_signed_with_the_office_above_the_name():
    text = ("Beslutande\nKlas Klok (S), ordförande, Exempelby kommun\n§ 3 Övriga frågor\nInga.\n"
            "Vid protokollet\nSiv Skrivarsson\n\nOrdförande\nKlas Klok\n\nJusterare\nOla Påhittsson\n")
    assert [(n, r) for n, r, *_ in find_named_people(text, minutes=True)] == [
        ("Siv Skrivarsson", "signatory"), ("Klas Klok", "signatory"), ("Ola Påhittsson", "signatory")]


def test_a_decision_forms_signature_fields():
    text = ("BESLUTSFÖRSLAG Kommunstyrelsen föreslår fullmäktige besluta om ansvarsfrihet "
            "Bo Bokstav Datum Kommunalråd Tillstyrkes Alternativt förslag Rut Rapport Datum Kommunalråd\n"
            "KOMMUNSTYRELSEN Bo Bokstav Kommunstyrelsens ordförande Siv Siffersson Ekonomichef\n")
    assert [(n, r) for n, r, *_ in find_named_people(text)] == [
        ("Bo Bokstav", "signatory"), ("Rut Rapport", "signatory"), ("Siv Siffersson", "signatory")]


def test_people_present_at_a_meeting_are_no_contacts():
    text = ("Redogörelse för verksamheten, medverkande förbundschef Ada Admin och\n\n"
            "Olle Påhitt, samordnare för insatsen. Därefter berättade Lisa Låtsas, projektledare, om målen.")
    assert [(n, r) for n, r, *_ in find_named_people(text)] == [("Lisa Låtsas", "contact")]


def test_signatures_of_minutes_in_a_transcript():
    text = ("Underskrifter.. /Ada Admin, ordförande. Olle Påhitt, vice ordf./ /Siv Siffersson, sekreterare/.. "
            "/Bo Bokstav, protokollsjusterare/ BEVIS OM ANSLAG Anslaget har satts upp\nUnderskrift. Rut Rapport "
            "Utdragsbestyrkande\nUtses att justera Lisa Låtsas Justeringens tid och plats")
    assert [n for n, r, *_ in find_named_people(text)] == [
        "Ada Admin", "Olle Påhitt", "Siv Siffersson", "Bo Bokstav", "Rut Rapport", "Lisa Låtsas"]


@pytest.mark.parametrize("text, name", [
    ("Mer information: Tina Testsson, verkställande tjänsteman, tel. 0240-123 45", "Tina Testsson"),
    ("Processledaren – Klas Klok – ansvarar för utvecklingen av modellen.", "Klas Klok"),
])
def test_contacts_with_a_phone_after_their_office_or_a_role_before_a_dash(text, name):
    assert [n for n, r, *_ in find_named_people(text)] == [name]


def test_a_distribution_list_names_recipients_not_contacts():
    text = ("2031-11-20 Språnget Sändlista: ada.admin@exempelby.se bo.bokstav@exempelby.se per.pahittad@exempelby.se\n"
            "Kontaktperson: Lisa Låtsas, lisa.latsas@exempelby.se")
    assert [p.email for p in find_contacts(text, [])] == ["lisa.latsas@exempelby.se"]


def test_minutes_name_the_office_then_the_politician_and_party():
    text = ("Underskrifter Sekreterare Paragrafer 4 -- 9 Rut Rapport Ordförande Ada Admin (S) Justerare Bo Bokstav (C) "
            "Siv Siffersson (M) Anslag\nBeslutande Olle Påhitt (V) Vice ordförande Lisa Låtsas (KD)")
    assert [n for n, r, *_ in find_named_people(text)] == ["Ada Admin", "Bo Bokstav", "Siv Siffersson"]


def test_signers_one_a_line_under_the_closing_place_and_date():
    text = ("Gruppen lämnar härmed sin rapport.\nPåhittstad i mars 2031\nAda Admin (S), ordförande\nBo Bokstav (M)\n"
            "Siv Siffersson (V)\n3\nInnehåll\n\nSlut.\nPåhittstad i april 2031\nInnehåll Sammanfattning\nText.")
    assert [(n, r) for n, r, *_ in find_named_people(text)] == [
        ("Ada Admin", "signatory"), ("Bo Bokstav", "signatory"), ("Siv Siffersson", "signatory")]


@pytest.mark.parametrize("text, names", [
    ("Datum för beslut: 2030-01-02 Handläggare: Ada Admin och Bo Bokstav\nInnehåll", ["Ada Admin", "Bo Bokstav"]),
    # in prose the second person may hold another role
    ("Projektledare Ada Admin och Bo Bokstav från kommunen träffades.", ["Ada Admin"]),
])
def test_two_people_under_one_role_label(text, names):
    assert [n for n, *_ in find_named_people(text)] == names


@pytest.mark.parametrize("text, names", [
    ("Kontaktpersoner: Ada Admin, Bo Bokstav och Siv Siffersson\nMer text.", ["Ada Admin", "Bo Bokstav", "Siv Siffersson"]),
    ("Kontakt: Ada Admin, 070-123 45 67\nMer text.", ["Ada Admin"]),
    ("Kontakt: Påhittsby kommun, växeln", []),
])
def test_people_under_a_contact_label(text, names):
    assert [n for n, *_ in find_named_people(text)] == names


@pytest.mark.parametrize("text, expected", [
    # a planned intake with no period is the whole intake
    ("Projektet ska omfatta 120 deltagare.", {"count": 120, "per": "total"}),
    ("Satsningen kommer att ta emot 60 deltagare.", {"count": 60, "per": "total"}),
    ("Projektet ska nå 300 personer i länet.", {"count": 300, "per": "total"}),
    ("Verksamheten har plats för 12 deltagare åt gången.", {"count": 12, "per": "ongoing"}),
    ("Insatsen beräknas ta emot 40 personer per år.", {"count": 40, "per": "year"}),
])
def test_participants_from_a_planned_intake(text, expected):
    from extractor.extract.participants import find_participants
    assert find_participants([], text) == expected


@pytest.mark.parametrize("text, names", [
    ("Kontaktperson hos förbundet: Ada Admin\nMer.", ["Ada Admin"]),
    ("Projektledare för insatsen är Ada Admin.", ["Ada Admin"]),
    ("Ada Admin arbetar som projektledare i Bron.", ["Ada Admin"]),
    ("Handläggare\nAda Admin\n", ["Ada Admin"]),
    ("Ada Admin\nProjektledare\n070-123 45 67", ["Ada Admin"]),
    # the evaluator's line ends where the project manager's label begins
    ("Utvärderare: Ada Admin\nProjektledare: Bo Bokstav", ["Bo Bokstav"]),
])
def test_role_labels_with_whose_role_or_on_lines_of_their_own(text, names):
    assert [n for n, *_ in find_named_people(text)] == names


@pytest.mark.parametrize("text, expected", [
    ("Volym: 60 deltagare per år", {"count": 60, "per": "year"}),
    ("Insatsen vänder sig till 40 personer per år.", {"count": 40, "per": "year"}),
    ("Insatsen ska ha 10 deltagare samtidigt.", {"count": 10, "per": "ongoing"}),
    ("Vi beräknar att ca 45 personer per år tar del av insatsen.", {"count": 45, "per": "year"}),
    ("Målsättningen är att 50 deltagare ska skrivas in per år.", {"count": 50, "per": "year"}),
    ("Insatsen vänder sig till unga 16-24 år.", None),
])
def test_participants_in_other_plan_wordings(text, expected):
    from extractor.extract.participants import find_participants
    assert find_participants([], text) == expected


@pytest.mark.parametrize("text, names", [
    ("För styrelsen\n\nAda Admin\nordförande\n", ["Ada Admin"]),
    ("Ada Admin (S)\nOrdförande\n", ["Ada Admin"]),
])
def test_a_signer_alone_on_a_line_over_the_office(text, names):
    assert [(n, r) for n, r, *_ in find_named_people(text)] == [(n, "signatory") for n in names]


@pytest.mark.parametrize("text, expected", [
    ("Antal deltagare per år: 30", {"count": 30, "per": "year"}),
    ("Planerat antal deltagare:\n140\nProjektperiod:\n2030-01-01 - 2031-12-31", {"count": 140, "per": "total"}),
    ("Antal deltagare: 45", None),  # a report's count is no plan
])
def test_participants_from_a_count_fields_label(text, expected):
    from extractor.extract.participants import find_participants
    assert find_participants([], text) == expected


def test_a_boards_roster_names_members_not_signatories():
    roster = "Styrelse\nAda Admin\nordförande\nBo Bokstav\nvice ordförande\nSiv Siffersson\nledamot\n"
    signatures = "Underskrifter\nSekreterare\nAda Admin\nOrdförande\nBo Bokstav\nJusterare\nSiv Siffersson\n"
    assert find_named_people(roster) == []
    assert [n for n, *_ in find_named_people(signatures)] == ["Ada Admin", "Bo Bokstav", "Siv Siffersson"]


@pytest.mark.parametrize("text", [
    "Handläggare: Ada Admin Socialnämnden 2030-01-01",
    "Handläggare: Ada Admin Datum: 2030-01-01",
    "Handläggare Ada Admin Avdelning: Juridik",
])
def test_a_body_or_the_next_label_run_into_the_name_is_no_part_of_it(text):
    assert [n for n, *_ in find_named_people(text)] == ["Ada Admin"]


@pytest.mark.parametrize("text, name", [
    ("Projektledare: Anna-Karin von Exempel\n", "Anna-Karin von Exempel"),
    ("Handläggare: Per af Påhitt, 070-123 45 67", "Per af Påhitt"),
])
def test_a_nobiliary_particle_before_the_surname(text, name):
    assert [n for n, *_ in find_named_people(text)] == [name]


@pytest.mark.parametrize("text, expected", [
    ("Projektet har som mål att 100 individer ska delta.", {"count": 100, "per": "total"}),
    ("Projektet kommer att erbjuda 40 ungdomar stöd.", {"count": 40, "per": "total"}),
    ("Antal deltagare (totalt): 120", {"count": 120, "per": "total"}),
    # a report's account of the plan beside its outcome: the plan
    ("Projektet skulle omfatta 90 deltagare men nådde 70.", {"count": 90, "per": "total"}),
    ("Projektet nådde 70 deltagare.", None),
])
def test_participants_that_will_take_part_or_be_offered_support(text, expected):
    from extractor.extract.participants import find_participants
    assert find_participants([], text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Ambitionen är att 40 personer per år ska få stöd.", {"count": 40, "per": "year"}),
    ("Uppskattningsvis 60 deltagare per år.", {"count": 60, "per": "year"}),
    ("Vår bedömning är att 45 personer per år kan ta del av insatsen.", {"count": 45, "per": "year"}),
    ("Ambitionen är att 40 personer har fått arbete efter ett år.", None),
])
def test_participants_in_an_ambition_or_estimate(text, expected):
    from extractor.extract.participants import find_participants
    assert find_participants([], text) == expected


SEARCH_TEXTS = [
    "", "Projektledare Anna Exempelsson berättade. PROJEKTLEDARE: Per Påhittad och Eva Exempel.",
    "Kontakt: Anna Exempelsson, 070-123 45 67\nKontaktuppgifter: Per Påhittad\nFrågor besvaras av Eva Exempel",
    "Ordförande ………… Anna Exempelsson\nJusterare …… Per Påhittad\nVice ordförande .... Eva Exempel",
    "Underskrift. Anna Exempelsson\nUtses att justera Per Påhittad\nFirmatecknare: Eva Exempel\nAuthorised signatory: Bo Ek",
    "Ordförande Per Påhittad (S) Justerare Anna Exempelsson (C) Eva Exempel (M)\nvice Ordförande Bo Ek (L)",
    "Förbundschef Per Påhittad Mobil 070-111 22 33\nAnna Exempelsson, samordnare\nTel. 070-222",
    "Per Påhittad Datum Kommunalråd\n… Anna Exempelsson Ekonomichef\nBo Ek Förvaltningsdirektör Exempelby",
    "Samordnaren,Processledaren och koordinatorn Anna Exempelsson var projektchef. " * 30,
    "Med vänlig hälsning\nAnna Exempelsson Per Påhittad\nEva Exempel Projektledare\nBo Ek\nHandläggare\n"
    "Per Påhittad är samordnare. Vänliga hälsningar Anna Exempelsson",
    "Härmed kallas styrelsen. Välkomna! Anna Exempelsson Per Påhittad Vi ses.\nVälkommen! Eva Exempel",
]


@pytest.mark.parametrize("text", SEARCH_TEXTS)
def test_patterns_tried_at_their_words_find_what_a_full_search_finds(text):
    from extractor.extract import named_people

    for pattern in list(named_people.OPENING_WORDS) + list(named_people.NEEDED_WORDS):
        assert ([m.span() for m in named_people._matches(pattern, text, text.lower())]
                == [m.span() for m in pattern.finditer(text)]), pattern.pattern[:60]


def test_minutes_signed_with_office_and_name_on_one_line():
    text = ("Närvarande: Klas Klok (ordförande), Siv Skrivarsson, Ola Påhittsson, Berit Bisittare.\n"
            "§ 3 Övriga frågor\nInga.\nJustering\n"
            "Vid protokollet: Siv Skrivarsson\nOrdförande: Klas Klok\nJusterare: Ola Påhittsson\n")
    assert sorted(n for n, r, *_ in find_named_people(text, minutes=True)) == [
        "Klas Klok", "Ola Påhittsson", "Siv Skrivarsson"]


@pytest.mark.parametrize("text, expected", [
    # a name in capitals with its role after a comma or on the next line
    ("Kontaktuppgifter\nLINNEA PÅHITTAD, projektledare\nTel 070-345 67 89", [("Linnea Påhittad", "contact")]),
    ("OSKAR EXEMPEL, samordnare, Exempelby kommun", [("Oskar Exempel", "contact")]),
    ("MED VÄNLIG HÄLSNING\nKARIN LÅTSAS\nProjektledare, Exempelby kommun\n070-555 12 34", [("Karin Låtsas", "contact")]),
    ("ANNA-KARIN PÅHITT-EXEMPEL, samordnare", [("Anna-Karin Påhitt-Exempel", "contact")]),
    # a heading in capitals over a role names no one
    ("VÅRA RESULTAT OCH MÅL\nProjektledare och samordnare har arbetat tillsammans.", []),
    ("SAMORDNINGSFÖRBUNDET EXEMPELBY, samordnare", []),
])
def test_named_people_in_capitals(text, expected):
    assert [(n, r) for n, r, *_ in find_named_people(text)] == expected


@pytest.mark.parametrize("text, expected", [
    # the role line may name the body after a comma
    ("Per Påhittad\nSamordnare, Exempelby kommun\n", [("Per Påhittad", "contact")]),
    ("Underskrifter\n\nExempelby 2031-03-02\nÅsa Låtsas\nSocialchef, Exempelby kommun\n", [("Åsa Låtsas", "signatory")]),
])
def test_named_people_over_title_and_body(text, expected):
    assert [(n, r) for n, r, *_ in find_named_people(text)] == expected


def test_an_e_signature_line_names_the_signer():
    assert [(n, r) for n, r, *_ in find_named_people("Underskrift\nSignerat av Rolf Påhittad 2025-04-22\n")] == [
        ("Rolf Påhittad", "signatory")]
    # the verb in another tense with a title between is a report of a signing, no signature
    assert find_named_people("Beslutet signerades av förbundets ordförande Per Exempel.") == []


@pytest.mark.parametrize("office", ["Utvecklingsledare", "Arbetsmarknadsstrateg", "Arbetskonsulent"])
def test_a_mail_signoffs_office_on_its_own_line_ends_the_signers_name(office):
    text = f"Med vänlig hälsning\nAnna Påhittad\n{office}\nExempelby kommun\nTel: 0303-12 34 56\n"
    assert find_named_people(text) == [("Anna Påhittad", "signatory", 20, 33)]


def test_two_signers_set_side_by_side_on_one_line():
    text = ("Beslut\nStyrelsen beslutar att bevilja medel.\n\nVid protokollet\nMaria Exempel, sekreterare\n\nJusteras\n"
            "Erik Påhittad, ordförande          Annika Exempelsson, justerare\n")
    names = {n for n, *_ in find_named_people(text, minutes=True)}
    assert {"Erik Påhittad", "Annika Exempelsson", "Maria Exempel"} <= names


def test_a_justering_line_of_signers_each_with_the_office():
    text = ("§ 12 Slutrapport\nStyrelsen beslutar att godkänna slutrapporten.\n\nVid protokollet: Sara Exempel\n"
            "Justerat: Lars Påhittad, ordförande, och Ingela Exempelsson, justerare\n")
    names = {n for n, *_ in find_named_people(text, minutes=True)}
    assert {"Lars Påhittad", "Ingela Exempelsson", "Sara Exempel"} <= names
