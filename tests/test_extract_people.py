import pytest

from extractor.extract.people import find_contacts, find_emails, organization_of
from extractor.record import Section


def _sec(key, text, start=0):
    return Section(key=key, heading=None, text=text, page=None, char_start=start, char_end=start + len(text))


@pytest.mark.parametrize("text, email", [
    ("Anna.Exempelsson@Motala.se", "anna.exempelsson@motala.se"),
    ("sofie.provstrom@forsakrings kassan.se, 010-112 84 55", "sofie.provstrom@forsakringskassan.se"),
    ("lotta.testberg@var\nberg.se.", "lotta.testberg@varberg.se"),
    ("per.pahittad@arbetsformedling en.se", "per.pahittad@arbetsformedlingen.se"),
    # a PDF line broke after the dot
    ("E-post mikael.exempelsson@arbetsformedlingen.\nse\nUnderskrift", "mikael.exempelsson@arbetsformedlingen.se"),
    # a web page hides the "@" from harvesters
    ("Kontakt: ada.admin[at]pahittsby.se", "ada.admin@pahittsby.se"),
])
def test_emails_are_lower_cased_and_repaired(text, email):
    assert [e for e, _, _ in find_emails(text)] == [email]


def test_contact_from_a_form_field_keeps_swedish_letters_and_phone():
    text = "Kontaktperson: Märta Påhittad, utvecklingsledare, marta.pahittad@motala.se, tfn 0141-22 73 12."
    [person] = find_contacts(text, [_sec("owner", text)])
    assert (person.name, person.email, person.phone, person.role) == (
        "Märta Påhittad", "marta.pahittad@motala.se", "0141-22 73 12", "contact")


def test_phone_on_the_line_above_the_address_is_the_persons_own():
    text = ("Kontaktperson\nKarin Påhittad, enhetschef\nTel: 0240-123 45\nE-post: karin.pahittad@ludvika.se\n"
            "Ekonomi\nPer Exempelsson\nE-post: per.exempelsson@ludvika.se\n")
    first, second = find_contacts(text, [_sec("other", text)])
    assert (first.email, first.phone) == ("karin.pahittad@ludvika.se", "0240-123 45")
    assert (second.email, second.phone) == ("per.exempelsson@ludvika.se", None)


def test_signatories_with_and_without_email_one_entry_each():
    text = ("Namnförtydligande\tÅsa Exempelsson, arbetsmarknadschef\nE-post\tasa.exempelsson@motala.se\n"
            "Eva Låtsasson, områdeschef, Region Östergötland\nE-post\tasa.exempelsson@motala.se\n")
    people = find_contacts(text, [_sec("signatures", text)])
    assert [(p.name, p.email, p.role) for p in people] == [
        ("Åsa Exempelsson", "asa.exempelsson@motala.se", "signatory"), ("Eva Låtsasson", None, "signatory")]


def test_organization_from_email_domain():
    text = "Nils Provström, nils.provstrom@regionostergotland.se"
    [person] = find_contacts(text, [])
    assert organization_of(person, ["Motala kommun", "Region Östergötland"], text) == "Region Östergötland"


@pytest.mark.parametrize("text, body", [
    # the document names no body for the person: the kommun's or the agency's domain does
    ("Rapportör: Nils Provström\nE-post: nils.provstrom@ludvika.se\n", "Ludvika kommun"),
    ("Kontakt: Eva Låtsasson, eva.latsasson@arbetsformedlingen.se\n", "Arbetsförmedlingen"),
    # a region whose domain is not its name spelt out
    ("Kontakt: Eva Låtsasson, eva.latsasson@rjl.se\n", "Region Jönköpings län"),
    # an unknown domain names nothing
    ("Kontakt: Eva Låtsasson, eva.latsasson@exempelkonsult.se\n", None),
])
def test_organization_from_a_known_domain_where_the_text_names_none(text, body):
    [person] = find_contacts(text, [])
    assert organization_of(person, [], text) == body


def test_the_place_of_signing_invents_no_body():
    text = "Underskrifter\nOrt och datum\tNamnförtydligande\nKalmar 2030-03-14\tMats Provström\n"
    people = find_contacts(text, [_sec("signatures", text)])
    assert [(p.name, organization_of(p, [], text)) for p in people] == [("Mats Provström", None)]


def test_signatory_without_email_must_be_a_person_to_the_ner():
    text = "Ort och datum: Motala 2025-03-10\nEva Låtsasson, områdeschef, Region Östergötland\n"
    sections = [_sec("signatures", text)]
    assert [p.name for p in find_contacts(text, sections, persons=lambda t: [])] == []
    start = text.index("Eva")
    confirmed = find_contacts(text, sections, persons=lambda t: [(start, start + 13, "Eva Låtsasson")])
    assert [p.name for p in confirmed] == ["Eva Låtsasson"]


@pytest.mark.slow
def test_trained_ner_finds_swedish_persons():
    from extractor.extract.nlp import find_persons

    assert "Eva Törnqvist" in [name for _, _, name in find_persons("Eva Törnqvist, områdeschef, Region Halland")]


def test_an_emails_greeting_is_no_signatory():
    body = "Alva Påhittsson\nProjektledare\n\nHej Alva, påminner om rapporten.\nHälsningar Per Påhittad, förbundschef\n"
    text = "Med vänlig hälsning\n" + body
    section = Section("signatures", "Med vänlig hälsning", body, None, 20, len(text))
    people = find_contacts(text, [section])
    assert "Hej Alva" not in [p.name for p in people]
    assert not any(p.name.startswith("Hälsningar") for p in people)


def test_the_ner_is_asked_only_about_signers_no_address_has_named():
    from extractor.extract.people import find_contacts
    from extractor.record import Section

    head = "Kontakt: Sara Påhittsson, sara.pahittsson@exempelby.se\nUnderskrift\n"
    signing = "Exempelby den 5 juni 2030\nSara Påhittsson, enhetschef"
    asked = []

    def persons(section_text):
        asked.append(section_text)
        return []

    def contacts(head):
        section = Section("signatures", "Underskrift", signing, None, len(head), len(head) + len(signing))
        return [p.name for p in find_contacts(head + signing, [section], persons=persons)]

    assert contacts(head) == ["Sara Påhittsson"] and asked == []  # known by her address
    contacts("Underskrift\n")
    assert asked == [signing]  # an unknown signer: the NER decides


@pytest.mark.parametrize("line, phone", [
    ("Projektledare\tSara Påhittad\tsara.pahittad@exempelby.se\t+46 70 123 45 67", "+46 70 123 45 67"),
    ("Kontaktperson: Olle Exempel, olle.exempel@exempelby.se, +46 (0)70-123 98 76", "+46 (0)70-123 98 76"),
    ("Kontaktperson: Olle Exempel, olle.exempel@exempelby.se, 070-123 98 76", "070-123 98 76"),
    ("Kontakt: Ada Exempel, ada.exempel@exempelby.se, 0046 70 123 45 67", "0046 70 123 45 67"),
    # the number in one block after the area code
    ("Kontaktperson: Olle Exempel, olle.exempel@exempelby.se, 070-1234567", "070-1234567"),
    ("Kontaktperson: Olle Exempel, olle.exempel@exempelby.se, tel 08-6543210", "08-6543210"),
])
def test_contact_phone_with_or_without_country_code(line, phone):
    [person] = find_contacts(line, [_sec("other", line)])
    assert person.phone == phone


def test_switchboard_number_is_no_persons_phone():
    text = ("Arbetsspecialist Maria Påhittad, maria.pahittad@exempelby.se\n\nKommunens växel: 0570-123 00\n"
            "Kontaktperson\tOlle Exempel, olle.exempel@exempelby.se\nVäxel\t0771-12 34 56\n")
    first, second = find_contacts(text, [_sec("other", text)])
    assert (first.phone, second.phone) == (None, None)


def test_mail_writer_is_sender_reader_is_other_and_phone_from_signature():
    text = ("Från: Maja Påhittad <maja.pahittad@exempelby.se>\nSkickat: den 12 april 2031 09:41\n"
            "Till: Bo Exempel <bo.exempel@exempelforbundet.se>\nÄmne: SV: Bron – ny budget\n\nHej Bo!\nHär kommer budgeten.\n"
            "Hälsningar\nMaja Påhittad\nEnhetschef, Exempelby kommun\n070-234 56 78\n\n"
            "Från: Tova Låtsas <tova.latsas@exempelforbundet.se>\nSkickat: den 10 april 2031 15:02\n"
            "Till: Maja Påhittad <maja.pahittad@exempelby.se>\nÄmne: Bron – ny budget\n\nHej Maja,\nSkicka budgeten.\n"
            "Vänliga hälsningar\nTova Låtsas\nFörbundschef\n")
    people = {p.email: (p.role, p.phone) for p in find_contacts(text, [_sec("other", text)])}
    assert people == {"maja.pahittad@exempelby.se": ("sender", "070-234 56 78"),
                      "bo.exempel@exempelforbundet.se": ("other", None),
                      "tova.latsas@exempelforbundet.se": ("sender", None)}


def test_mail_reader_who_writes_later_in_the_thread_is_sender():
    text = ("Från: Ada Exempel <ada.exempel@exempelby.se>\nTill: Per Påhittad <per.pahittad@exempelby.se>\n"
            "Ämne: SV: Bron\n\nTack!\n\n-----Ursprungligt meddelande-----\nFrån: Per Påhittad <per.pahittad@exempelby.se>\n"
            "Till: Ada Exempel <ada.exempel@exempelby.se>\nÄmne: Bron\n\nHej!\nMvh Per Påhittad\nSamordnare\n0455-30 12 40\n")
    people = {p.email: (p.role, p.phone) for p in find_contacts(text, [_sec("other", text)])}
    assert people == {"ada.exempel@exempelby.se": ("sender", None), "per.pahittad@exempelby.se": ("sender", "0455-30 12 40")}


def test_contact_table_names_people_without_an_address():
    text = ("Organisation\tKontaktperson\tTelefon\nRegion Exempel\tLotta Påhittad\t021-17 30 00\n"
            "Exempelby kommun\tErik Exempel\t\n\nUnderskrift\nDatum\tNamn\n")
    people = find_contacts(text, [])
    assert [(p.name, p.phone, p.role) for p in people] == [
        ("Lotta Påhittad", "021-17 30 00", "contact"), ("Erik Exempel", None, "contact")]


def test_a_signing_table_is_no_contact_table():
    text = "Organisation\tNamn\tDatum\nExempelby kommun\tPer Påhittad\t2025-03-10\n"
    assert [p.role for p in find_contacts(text, [])] != ["contact"]


@pytest.mark.parametrize("text, phones", [
    # the number of the line above the name belongs to the table above, not to the person
    ("Försäkringskassan\tErik Exempel\t010-116 90 00\n\nKontaktperson\nLouise Påhitt, utvecklingsledare\n"
     "louise.pahitt@exempelby.se\n", {"louise.pahitt@exempelby.se": None}),
    # a number after one address is not the next person's too
    ("Kontaktperson: Anna Exempel, anna.exempel@exempelby.se, 0652-360 00 och Per Påhitt, per.pahitt@exempel.se",
     {"anna.exempel@exempelby.se": "0652-360 00", "per.pahitt@exempel.se": None}),
    # ... while the number between the name and the address is the person's
    ("Kontaktperson\nIngrid Exempel\nAvdelningschef\nTel: 0271-570 00\nE-post: ingrid.exempel@exempelby.se",
     {"ingrid.exempel@exempelby.se": "0271-570 00"}),
])
def test_phone_before_the_address_not_past_the_name(text, phones):
    assert {p.email: p.phone for p in find_contacts(text, []) if p.email} == phones


def test_organization_on_the_title_line_under_a_signer():
    text = "Underskrift\n\nExempelby 2025-01-20\n\nMaria Påhittad\nKommundirektör, Köpings kommun\n"
    person = next(p for p in find_contacts(text, []) if p.name == "Maria Påhittad")
    assert organization_of(person, ["Arboga kommun", "Köpings kommun"], text) == "Köpings kommun"
    # a long line of prose under the name is no title line
    prose = ("Maria Påhittad\nhar tidigare arbetat i ett liknande projekt som drevs av Köpings kommun under flera år.\n")
    person.start, person.end = 0, len("Maria Påhittad")
    assert organization_of(person, ["Köpings kommun"], prose) is None


def test_titled_name_in_a_contact_table_and_a_mobile_with_a_space():
    text = ("Namn\tRoll\tE-post\tTelefon\nEnhetschef Sara Påhittad\tInsatsansvarig\tsara.pahittad@exempelby.se\t070 123 45 67\n"
            "Organisation\tKontaktperson\tTelefon\nRegion Exempel\tSamordnare Per Exempel\t021-17 30 00\n")
    assert [(p.name, p.email, p.phone) for p in find_contacts(text, [])] == [
        ("Sara Påhittad", "sara.pahittad@exempelby.se", "070 123 45 67"), ("Per Exempel", None, "021-17 30 00")]


def test_organization_in_the_column_of_a_signer_side_by_side():
    text = ("Exempelby 2025-02-27\t\tNyköping 2025-02-28\n____________\t\t____________\n"
            "Kerstin Påhitt\t\tMats Exempel\nFörvaltningschef\t\tDivisionschef, Region Sörmland\n")
    orgs = ["Eskilstuna kommun", "Region Sörmland"]
    found = {p.name: organization_of(p, orgs, text) for p in find_contacts(text, [])}
    assert found == {"Kerstin Påhitt": None, "Mats Exempel": "Region Sörmland"}
    text = "Namnförtydligande: Karl Påhitt\tNamnförtydligande: Ulla Exempel\nSandvikens kommun\tRegion Gävleborg\n"
    found = {p.name: organization_of(p, ["Sandvikens kommun", "Region Gävleborg"], text) for p in find_contacts(text, [])}
    assert found == {"Karl Påhitt": "Sandvikens kommun", "Ulla Exempel": "Region Gävleborg"}


def test_a_body_beside_the_signer_in_a_table_row_is_no_second_signer():
    text = "Organisation\tNamnförtydligande\tDatum\nRegion Västmanland\tHelena Påhitt\t2025-03-12\n"
    [person] = [p for p in find_contacts(text, [_sec("signatures", text)]) if p.name == "Helena Påhitt"]
    assert organization_of(person, ["Sala kommun", "Region Västmanland"], text) == "Region Västmanland"


def test_forbund_staff_belong_to_the_one_forbund_named():
    text = "Kontakt: Förbundschef Per Påhittad Mobil 072-000 00 00 Förbundssekr Anna Exempel Mobil 072-000 00 01\n"
    orgs = ["Jönköpings kommun", "Samordningsförbundet Södra Vätterbygden"]
    found = {p.name: organization_of(p, orgs, text) for p in find_contacts(text, [])}
    assert found == {"Per Påhittad": orgs[1], "Anna Exempel": orgs[1]}
    # two förbund named: which one cannot be told
    assert {organization_of(p, orgs + ["Samordningsförbundet Sydnärke"], text) for p in find_contacts(text, [])} == {None}
    # ... and a title of no förbund tells nothing
    other = "Kontakt: Enhetschef Per Påhittad Mobil 072-000 00 00\n"
    assert [organization_of(p, [orgs[1]], other) for p in find_contacts(other, [])] == [None]


def test_a_body_named_far_along_a_run_on_line_is_not_the_signers():
    text = ("Förslag till beslut om Påhittbygdens samordningsförbund och dess redovisning för förra året. Nämnden "
            "föreslår att ledamöterna i förbundets styrelse får sitt uppdrag prövat utan anmärkning Per Påhittad "
            "Datum Kommunalråd\n")
    person = next(p for p in find_contacts(text, []) if p.name == "Per Påhittad")
    assert organization_of(person, ["Påhittbygdens samordningsförbund"], text) is None


def test_a_date_or_a_case_number_is_no_block_phone():
    text = "Kontaktperson: Olle Exempel, olle.exempel@exempelby.se, beslut 2025-0123456 dnr 2024-012345"
    assert [p.phone for p in find_contacts(text, [])] == [None]
