import json

import pytest
from conftest import DEV_DOCS, SHARED, make_docx

from extractor.read import read
from extractor.record import Document
from extractor.split import normalise, split


def _doc(text: str, hints=None) -> Document:
    return Document(path="t.txt", format="txt", sha256="0" * 64, text=text, hints=hints or [])


def _keys(text: str) -> list[str]:
    return [s.key for s in split(_doc(text))]


@pytest.mark.parametrize("stem", ["000_5363caa8e1ca2e69", "003_6e756952012f4952", "004_d5b5a506ef25f105"])
def test_split_real_dev_documents_find_the_gold_keys(stem):
    gold = json.loads((SHARED / "eval" / "dev" / "gold" / f"{stem}.json").read_text(encoding="utf-8"))
    sections = split(read(DEV_DOCS / f"{stem}.txt"))
    want = {s["key"] for s in gold["sections"]} - {"other"}
    got = {s.key for s in sections} - {"other"}
    assert len(want & got) / len(want | got) >= 0.9


@pytest.mark.parametrize("text, keys", [
    # heading on its own line
    ("Insatsens namn\nBryggan\nMålgrupp\nUnga vuxna 18-29 år.\n", ["title", "target_group"]),
    # heading at the start of a line, followed by the answer
    ("Insatsägare (*) Organisation: Motala kommun\nSamverkansparter (*) Organisation: Arbetsförmedlingen\n",
     ["owner", "partners"]),
    # a report's form fields, and its results as a section of no canonical key
    ("Slutrapport\nProjekt: Vägen vidare\nProjektägare: Örnsköldsviks kommun\nMetod\nSE.\nResultat\n21 fick arbete.\n",
     ["title", "owner", "methods", "other"]),
    # numbered form headings of another template
    ("1. Projektets namn\nArbetsbron\n2. Sökande organisation\nLudvika kommun\n4. Samverkanspartners\n"
     "Arbetsförmedlingen och Försäkringskassan.\n", ["title", "owner", "partners"]),
    # inside run-on text, numbered
    ("1. Inledning Verksamheten startade 2012. 2. Parter Parterna är fyra. 2.1 Målgrupp Unga 16-29 år.\n",
     ["background", "partners", "target_group"]),
    # question form
    ("Beskriv målgrupp för insatsen (*)\nUnga vuxna.\nBeskriv metod/metoder ni kommer använda (*)\nMI.\n",
     ["target_group", "methods"]),
    # an ESF-style form's owner, a report's other parties and its time of execution
    ("Stödmottagare (projektägare)\tExempelby kommun\nÖvriga parter\nRegion Påhittet\n"
     "Insatsens genomförandetid\n2022-08-15 – 2025-06-13\n", ["owner", "partners", "period"]),
    # headings in two languages
    ("1. Project name / Insatsens namn\nNew Road\n2. Target group / Målgrupp\nAdults aged 25–55.\n"
     "3. Budget / Budget\n100 000 SEK\n", ["title", "target_group", "budget"]),
    # a web form's question for the need
    ("Beskriv behovet\nMånga unga saknar arbete.\nBeskriv målgruppen\nUnga.\n", ["background", "target_group"]),
    # misspelt heading from a real template
    ("Planerad Insattid\nPlanerat startdatum: 2025-01-01\n", ["period"]),
    # heading then capitalised answer on the same line
    ("Förväntat antal deltagare Vi räknar med 60 deltagare per år.\n", ["participants"]),
    # a body line that starts with a heading word is not a heading
    ("Målgrupp\nMålgruppen är unga.\nDeltagare i insatsen kommer att fördelas så här:\n- 10 st\n", ["target_group"]),
    # numbered lists inside a section do not restart the headings
    ("1. Bakgrund\nText.\n2. Metod\nVi gör tre saker:\n1. Kartlägger\n2. Tränar\n3. Målgrupp\nUnga.\n",
     ["background", "methods", "target_group"]),
    # sub-headings stay inside their parent
    ("Beskriv målen med insatsen (*)\nEffektmål:\n- Minst 40 procent\nResultatmål:\n- Alla\n", ["goals"]),
    # a known heading of no canonical key ends the section before it
    ("Målgrupp\nUnga.\nBemanning\nEn coach på heltid.\nBudget\n1 200 000 kr\n", ["target_group", "other", "budget"]),
])
def test_split_heading_styles(text, keys):
    assert _keys(text) == keys


def test_split_plain_text_export_headings_drawn_with_marks():
    text = ("*** PROJEKTNAMN ***\nPåhittet\n[HUVUDMAN]\nExempelby kommun\n-- TIDSPLAN --\nStart 1 maj 2026.\n"
            "## Målgrupp ##\nUnga 18–29 år.\n- Bakgrund är ett ord i en punktlista\n== Underskrift ==\nAlva Påhittsson\n")
    assert _keys(text) == ["title", "owner", "period", "target_group", "signatures"]


def test_split_minutes_paragraphs_are_sections():
    text = ("PROTOKOLL\nStyrelsen för Samordningsförbundet Påhittet\n§ 1 Mötets öppnande\nOrdföranden öppnade.\n"
            "§ 2 Ansökan om medel för insatsen Exemplet, dnr 2025/3\nKommunen söker 500 000 kr.\n"
            "Enligt § 4 i förbundsordningen får styrelsen besluta.\n§ 3 Budget\nBudgeten antogs.\n")
    sections = split(_doc(text))
    assert [(s.key, s.heading) for s in sections] == [
        ("other", "§ 1 Mötets öppnande"), ("other", "§ 2 Ansökan om medel för insatsen Exemplet, dnr 2025/3"),
        ("budget", "§ 3 Budget")]
    assert "förbundsordningen" in sections[1].text


def test_split_signature_block_labels_do_not_open_sections():
    text = ("Insatsens namn\nBryggan\nUnderskrifter\nUnderskrift (*)\nInsatsägare (namn)\n"
            "Insatsens namn\nBryggan\nSamverkanspart (namn)\n")
    assert _keys(text) == ["title", "signatures"]


def test_split_table_of_contents_is_not_sections():
    text = ("Innehåll\n1. Bakgrund ........ 2\n2. Målgrupp ........ 3\n"
            "1. Bakgrund\nLång text om bakgrunden.\n2. Målgrupp\nUnga vuxna.\n")
    sections = split(_doc(text))
    assert [s.key for s in sections if s.key != "other"] == ["background", "target_group"]
    assert sections[-1].text == "Unga vuxna."


def test_split_form_table_label_cells(tmp_path):
    path = make_docx(tmp_path / "form.docx", [
        ("table", [["Projektets namn", "Navigatorn"], ["Projektägare", "Uddevalla kommun"],
                   ["Övrigt", "35 000"]]),
    ])
    sections = split(read(path))
    assert [(s.key, s.text) for s in sections] == [("title", "Navigatorn"), ("owner", "Uddevalla kommun\nÖvrigt\t35 000")]


def test_split_a_form_tables_money_field_is_the_budget():
    text = ("Projektnamn\tPåhittet\nAntal deltagare\t120 under projektperioden\nSökt belopp\t6 240 000 kr\n"
            "Bakgrund\nText.\nBudget\nAktiviteter\t20 000 kr\nSumma\t20 000 kr\n")
    sections = split(_doc(text))
    assert [s.key for s in sections] == ["title", "participants", "budget", "background", "budget"]
    assert sections[1].text == "120 under projektperioden"


def test_split_a_tables_row_of_column_names_is_no_form_label():
    text = ("Målgrupp\nUnga.\nInsatserna i siffror\nInsats\tDeltagare\tKostnad (kr)\nSteget\t42\t1 240 000\n")
    assert _keys(text) == ["target_group"]


def test_split_word_heading_styles_and_bold(tmp_path):
    path = make_docx(tmp_path / "styles.docx", [
        ("bold", "Projektplan"), ("h1", "Sammanfattning"), ("p", "Kort om allt."),
        ("h1", "Mål"), ("h2", "Effektmål"), ("p", "Minst 40 procent."), ("h2", "Projektmål"), ("p", "Alla."),
        ("h1", "Målgrupp"), ("p", "Unga."),
    ])
    sections = split(read(path))
    assert [s.key for s in sections] == ["other", "goals", "target_group"]
    assert "Projektmål" in sections[1].text


def test_split_sections_one_level_below_the_document_title(tmp_path):
    # Heading 1 is only the report's own title; the sections are Heading 2, and an unknown
    # Heading 2 ("Kontakt") is a section too, while an unknown Heading 3 stays in its parent.
    path = make_docx(tmp_path / "rapport.docx", [
        ("h1", "Lägesrapport 2023 – Steget"), ("h2", "Målgrupp"), ("p", "Personer 20–64 år."),
        ("h2", "Metoder"), ("h3", "Erfarenheter"), ("p", "MI fungerar väl."),
        ("h2", "Ekonomi"), ("p", "Beviljat 1 860 000 kr."), ("h2", "Kontakt"), ("p", "Lisa Testberg"),
    ])
    sections = split(read(path))
    assert [(s.key, s.heading) for s in sections] == [
        ("other", "Lägesrapport 2023 – Steget"), ("target_group", "Målgrupp"), ("methods", "Metoder"),
        ("budget", "Ekonomi"), ("other", "Kontakt")]
    assert "Erfarenheter" in sections[2].text


def test_split_offsets_point_into_the_full_text():
    doc = _doc("Förord utan rubrik.\nMålgrupp\nUnga vuxna i Motala.\nBudget\n500 000 kr\n")
    for section in split(doc):
        assert doc.text[section.char_start:section.char_end] == section.text


@pytest.mark.parametrize("heading, expected", [
    ("2.3 Målgrupp (*):", "målgrupp"),
    ("**Budgetsammanställning**", "budgetsammanställning"),
    ("== Underskrift ==", "underskrift"),
    ("[HUVUDMAN]", "huvudman"),
    ("## Målgrupp ##", "målgrupp"),
    ("Beskriv syftet med insatsen (*)", "beskriv syftet med insatsen"),
])
def test_normalise_heading(heading, expected):
    assert normalise(heading) == expected


@pytest.mark.parametrize("heading, key", [
    ("Vilka resultat förväntas av insatsen?", "goals"),
    ("Hur ska insatsen följas upp?", "follow_up"),
    ("Vilka kostnader har insatsen?", "budget"),
    ("Övriga upplysningar", "other"),
    # the document's own title names no section, whatever words it holds
    ("Ansökan om samverkansmedel", "other"),
    ("Slutrapport för budget- och uppföljningsarbetet", "other"),
])
def test_guess_key_for_unseen_phrasings(heading, key):
    from extractor.split import guess_key

    assert guess_key(heading) == key


def test_split_unseen_question_heading_gets_a_key():
    assert _keys("Vilka resultat förväntas av insatsen? (*)\nFler i arbete.\n") == ["goals"]


def test_split_pdf_table_rows_are_not_headings():
    # A PDF budget table whose first column wraps: a row label that is a heading word, and the
    # wrapped end of a label ("utvärdering", "finansiering") on a line of its own.
    text = ("12. Budget\nBudgeten anges i tusentals kronor.\nLokaler 45 180 135 360\n"
            "Aktiviteter 20 90 70 180\nför deltagare\nExtern – 60 90 150\nutvärdering\n"
            "Summa 775 3 158 2 415 6 348\nArbetsförmedlingen, egen 1 398\nfinansiering\n13. Risker\nInga.\n")
    sections = split(Document(path="p.pdf", format="pdf", sha256="0" * 64, text=text))
    assert [s.key for s in sections][:1] == ["budget"] and "follow_up" not in [s.key for s in sections]
    assert "Summa 775" in sections[0].text and "Arbetsförmedlingen, egen 1 398\nfinansiering" in sections[0].text


def test_split_a_heading_followed_by_dates_on_its_line():
    text = "Insatsperiod 2025-09-01 – 2027-08-31\nMålgrupp\nUnga.\n"
    sections = split(Document(path="p.pdf", format="pdf", sha256="0" * 64, text=text))
    assert [(s.key, s.heading, s.text) for s in sections][:1] == [("period", "Insatsperiod", "2025-09-01 – 2027-08-31")]


def test_split_numbered_heading_then_its_text_on_a_short_pdf_line():
    text = ("2.2 Inriktning\nVerksamheten ska stödja unga.\n2.3 Målgrupp Arbetslösa ungdomar mellan 16-29 år som har\n"
            "behov av stöd.\n2.4 Budget\nSe bilaga.\n")
    sections = split(Document(path="p.pdf", format="pdf", sha256="0" * 64, text=text))
    target = [s for s in sections if s.key == "target_group"][0]
    assert target.heading == "2.3 Målgrupp" and target.text.startswith("Arbetslösa ungdomar mellan 16-29 år")


def test_split_bold_runin_heading_glued_to_its_text():
    text = ("1. Bakgrund\nUnga saknar stöd.\n2. SyfteSyftet med Fyren är att stödja unga.\n"
            "3. MålgruppInsatsen vänder sig till unga vuxna 18-29 år.\n")
    sections = split(_doc(text))
    assert [(s.key, s.heading) for s in sections] == [
        ("background", "1. Bakgrund"), ("purpose", "2. Syfte"), ("target_group", "3. Målgrupp")]
    assert sections[1].text.startswith("Syftet med Fyren")


@pytest.mark.parametrize("text, keys", [
    ("Insats: Fyren\nParter i insatsen: Hjo kommun och Arbetsförmedlingen\nMåluppfyllelse\nAlla mål nåddes.\n"
     "Avvikelser från ansökan\nInga.\n", ["title", "partners", "goals", "agreement"]),
    ("Hur ska resultaten tas tillvara? (*)\nGenom spridning i nätverket.\n", ["dissemination"]),
    ("2. Organisation och parter\nHjo kommun och Region Skaraborg.\nErfarenheter hittills\nMer tid behövs.\n",
     ["partners", "other"]),
])
def test_split_report_and_form_headings_of_other_templates(text, keys):
    assert _keys(text) == keys


def test_a_label_and_its_value_on_one_line():
    text = ("Målgrupp: unga vuxna 18–24 år som varken arbetar eller studerar\n"
            "Medverkande parter: [X] Arbetsförmedlingen  [X] Försäkringskassan\n"
            "Sökt belopp (kr): 2 180 000\nEgen finansiering (kr): 320 000\n")
    sections = split(_doc(text))
    assert [(s.key, s.heading) for s in sections] == [
        ("target_group", "Målgrupp"), ("partners", "Medverkande parter"), ("budget", "Sökt belopp (kr)")]
    assert sections[0].text.startswith("unga vuxna 18–24 år")
    assert sections[1].text.startswith("[X] Arbetsförmedlingen")
    assert sections[2].text.startswith("2 180 000")


# Templates that ask questions instead of naming sections (invented text).
QUESTION_FORM = (
    "Slutrapport för insatsen Bron\n"
    "Varför startades insatsen?\n"
    "Många i Testby saknade kontakt med arbetslivet.\n"
    "Vad var syftet med insatsen?\n"
    "Att fler skulle pröva arbete.\n"
    "Vem riktade sig insatsen till?\n"
    "Personer 25–55 år med aktivitetsersättning.\n"
    "Vilka har deltagit?\n"
    "Totalt 40 personer skrevs in.\n"
    "Hur har ni arbetat?\n"
    "Coacherna frågade varje deltagare: Vad vill du göra? Svaren styrde planeringen.\n"
    "Hur fungerade samverkan mellan parterna?\n"
    "Styrgruppen träffades fyra gånger per år.\n"
    "Vilka arbetade i insatsen?\n"
    "En coach på heltid.\n"
    "Hur har insatsen följts upp?\n"
    "Deltagarna registrerades i SUS.\n"
    "Vad kostade insatsen?\n"
    "Totalt 1 200 000 kr.\n"
    "Hur tas erfarenheterna tillvara?\n"
    "Kommunen behåller en coach.\n"
)


def test_split_question_headings_in_plain_text():
    sections = split(_doc(QUESTION_FORM))
    assert [s.key for s in sections] == [
        "background", "purpose", "target_group", "participants", "methods", "collaboration", "other",
        "follow_up", "budget", "dissemination"]
    methods = sections[4]
    assert methods.heading == "Hur har ni arbetat?"
    assert methods.text == "Coacherna frågade varje deltagare: Vad vill du göra? Svaren styrde planeringen."


def test_split_question_headings_in_pdf_text_with_wrapped_answers():
    text = ("Insats: Bron\nInsatsägare: Testby kommun\n"
            "Varför behövs insatsen?\nI Testby har antalet unga utan arbete ökat, och\n"
            "ingen part når dem på egen hand. Vad händer om\ningen gör något?\n"
            "Vad vill ni uppnå?\nMinst hälften ska ha arbete\nvid avslut.\n"
            "Hur många deltagare beräknas insatsen ta emot?\n30 per år.\n"
            "Budget\nPersonal 500 000\nSumma 500 000\n")
    sections = split(Document(path="p.pdf", format="pdf", sha256="0" * 64, text=text))
    assert [s.key for s in sections] == ["title", "owner", "background", "goals", "participants", "budget"]
    assert sections[2].text.endswith("Vad händer om\ningen gör något?")


def test_split_numbered_question_headings_keyed_by_what_they_ask():
    text = ("1. Vad heter insatsen?\nBron\n2. Vilken organisation äger insatsen?\nTestby kommun\n"
            "3. Vilka andra parter medverkar?\nArbetsförmedlingen.\n"
            "4. Varför behövs insatsen?\nMånga saknar stöd.\n"
            "5. När ska insatsen starta och avslutas?\n2026-01-01 – 2027-12-31\n6. Hur ska insatsen bemannas?\n"
            "En coach.\n7. Hur har ansökan förankrats hos parterna?\nI beredningsgruppen.\n")
    assert _keys(text) == ["title", "owner", "partners", "background", "period", "other", "anchoring"]


def test_split_question_headings_in_word_styles(tmp_path):
    path = make_docx(tmp_path / "fragor.docx", [
        ("p", "Ansökan om samverkansmedel"), ("h1", "1. Vad heter insatsen?"), ("p", "Bron"),
        ("h1", "2. Varför behövs insatsen?"), ("p", "Många saknar stöd."),
        ("h1", "3. Vad är syftet med insatsen?"), ("p", "Att fler ska arbeta."),
        ("h1", "4. Vilka vänder sig insatsen till?"), ("p", "Unga vuxna."),
        ("h1", "5. Hur ska arbetet bedrivas?"), ("p", "Med MI."),
    ])
    assert [s.key for s in split(read(path))] == ["title", "background", "purpose", "target_group", "methods"]


@pytest.mark.parametrize("text", [
    # one rhetorical question in prose heads nothing
    "Målgrupp\nUnga vuxna.\nHur ska vi nå dem?\nGenom uppsökande arbete i skolorna.\n",
    # a study's questions listed one after another are not headings
    "Frågeställningar\nHur har samverkan fungerat?\nVilka resultat har uppnåtts?\nHur har insatsen följts upp?\n"
    "Utvärderingen bygger på intervjuer.\n",
    "Frågeställningar\n1. Hur har samverkan fungerat?\n2. Vilka resultat har uppnåtts?\n"
    "3. Hur har insatsen följts upp?\nUtvärderingen bygger på intervjuer.\n",
    # questions inside running prose, and a question continuing a wrapped sentence
    "Bakgrund\nParterna frågade sig: Hur ska målgruppen nås? Svaret blev ett gemensamt team.\n"
    "Frågan var alltså\nvilka mål insatsen ska ha?\nDet avgjordes senare.\n",
])
def test_split_questions_that_are_not_headings(text):
    assert [s.key for s in split(_doc(text)) if s.key not in ("other", "background")] in ([], ["target_group"])
    assert len([s for s in split(_doc(text)) if s.heading.endswith("?")]) == 0


@pytest.mark.parametrize("heading, key", [
    ("Hur har ni arbetat?", "methods"),
    ("Hur arbetar ni med deltagarna?", "methods"),
    ("Vad kostade insatsen?", "budget"),
    ("Vilka har deltagit?", "participants"),
    ("4. Varför behövs insatsen?", "background"),
    ("Vad vill ni uppnå?", "goals"),
    ("Vem riktar sig insatsen till?", "target_group"),
    ("Hur följs insatsen upp?", "follow_up"),
    ("Vilka arbetade i insatsen?", "other"),
    ("Hur fungerade samverkan mellan parterna?", "collaboration"),
    ("Vilka andra parter medverkar?", "partners"),
    ("Who is the project for?", "target_group"),
    ("How will the results be measured?", "follow_up"),
    ("What do we want to achieve?", "goals"),
    ("How will the work be carried out?", "methods"),
])
def test_guess_key_for_question_headings(heading, key):
    from extractor.heading_keys import guess_key

    assert guess_key(heading) == key


def test_split_decision_document_headings():
    text = ("TJÄNSTESKRIVELSE\nÄrende: Ansökan om medel för insatsen Bron\n"
            "Förslag till beslut\nFörbundsstyrelsen föreslås besluta\natt bevilja 500 000 kr.\n"
            "Ärendebeskrivning\nTestby kommun har ansökt om medel.\nMålgrupp\nUnga vuxna.\n"
            "Förbundskansliets bedömning\nAnsökan uppfyller kriterierna.\n"
            "Ekonomiska konsekvenser\nBeslutet ryms i budgeten.\nBeslutsunderlag\nAnsökan 2026-01-10.\n"
            "Förbundsstyrelsens beslut\nFörbundsstyrelsen beslutar enligt förslaget.\n"
            "Justering\nVid protokollet: Testa Testsson, sekreterare\n")
    sections = split(_doc(text))
    assert [(s.key, s.heading) for s in sections] == [
        ("other", "Förslag till beslut"), ("background", "Ärendebeskrivning"), ("target_group", "Målgrupp"),
        ("other", "Förbundskansliets bedömning"), ("budget", "Ekonomiska konsekvenser"),
        ("other", "Beslutsunderlag"), ("other", "Förbundsstyrelsens beslut"), ("signatures", "Justering")]
    assert sections[4].text == "Beslutet ryms i budgeten."


def test_split_letter_closing_and_plan_headings():
    text = ("BAKGRUND\nBron har drivits sedan 2024.\n\n2. Huvudmän och parter i insatserna\n"
            "Testby kommun och Arbetsförmedlingen.\n\n10 Utvärderingens genomförande\nIntervjuer och SUS.\n"
            "PERSONAL\nEn coach på heltid.\n\nMed vänlig hälsning\n\nTesta Testsson\nSocialchef, Testby kommun\n")
    sections = split(_doc(text))
    assert [s.key for s in sections] == ["background", "partners", "follow_up", "other", "signatures"]
    assert sections[-1].text == "Testa Testsson\nSocialchef, Testby kommun"


def test_split_form_fields_of_one_key_stay_apart():
    text = ("Startdatum: 2026-01-12\nSlutdatum: 2027-12-31\nÅldersgrupp: 16-24-åringar\n"
            "Beskrivning av målgrupp: Unga som varken arbetar eller studerar.\nBakgrund: Många saknar stöd.\n")
    sections = split(_doc(text))
    assert [(s.key, s.text) for s in sections] == [
        ("period", "2026-01-12"), ("period", "2027-12-31"), ("target_group", "16-24-åringar"),
        ("target_group", "Unga som varken arbetar eller studerar."), ("background", "Många saknar stöd.")]


def test_split_word_bold_run_in_headings(tmp_path):
    import docx

    document = docx.Document()
    document.add_heading("Ansökan Påhittet", level=1)
    for head, body in [("Bakgrund.", "Många unga i Exempelby saknar arbete."), ("Målgrupp:", "Unga 19–29 år."),
                       ("Observera", "att detta är en fetstil i löptext."), ("Metod.", "Vi använder MI.")]:
        paragraph = document.add_paragraph()
        paragraph.add_run(head).bold = True
        paragraph.add_run(" " + body)
    document.save(tmp_path / "runin.docx")
    sections = split(read(tmp_path / "runin.docx"))
    assert [(s.key, s.heading) for s in sections] == [
        ("other", "Ansökan Påhittet"), ("background", "Bakgrund."), ("target_group", "Målgrupp:"), ("methods", "Metod.")]
    assert sections[2].text.endswith("fetstil i löptext.")


def test_split_bold_run_in_leads_do_not_move_the_section_level(tmp_path):
    import docx

    document = docx.Document()
    document.add_heading("Ansökan Påhittet", level=1)
    document.add_heading("Mål", level=2)
    for lead in ("Effektmål:", "Resultatmål:", "Projektmål:"):
        paragraph = document.add_paragraph()
        paragraph.add_run(lead).bold = True
        paragraph.add_run(" Minst 40 procent går till arbete.")
    document.add_heading("Kommentarer", level=3)
    document.add_paragraph("Fler mål.")
    document.add_heading("Målgrupp", level=2)
    document.add_paragraph("Unga 18–29 år.")
    document.save(tmp_path / "levels.docx")
    sections = split(read(tmp_path / "levels.docx"))
    assert [s.key for s in sections] == ["other", "goals", "target_group"]
    assert "Kommentarer" in sections[1].text


def test_english_headings_of_a_swedish_application_get_their_keys():
    text = ("1. Project name / Projektnamn\nTorpsteget\n\n2. Background\nMany young adults in Påhittsby lack work.\n\n"
            "3. Participants\nWe expect 40 participants per year.\n\n4. Staffing\nTwo job coaches at 100 % each.\n")
    assert _keys(text) == ["title", "background", "participants", "other"]


def test_an_english_sentence_opening_with_a_heading_word_is_no_heading():
    text = "Målgrupp\nUnga vuxna i Påhittsby.\nParticipants meet their coach every week.\n"
    assert _keys(text) == ["target_group"]


# An English form's questions, read by what they ask like the Swedish ones (invented text).
def test_split_english_question_headings_in_plain_text():
    text = ("Application for coordination funding\n\nProject name\nSteppingstone\n\n"
            "Who is the project for?\nAdults aged 20-40 in Testby who are outside work.\n\n"
            "What will the participants be offered?\nCoaching and short placements.\n\n"
            "How will the project be followed up?\nA survey every quarter.\n\n"
            "What will the project cost?\n300 000 kronor a year.\n")
    sections = split(_doc(text))
    assert [s.key for s in sections] == ["title", "target_group", "methods", "follow_up", "budget"]
    assert sections[2].heading == "What will the participants be offered?"
    assert sections[2].text == "Coaching and short placements."


# Headings a plain-spoken template words in its own way (invented text).
def test_split_plain_spoken_headings():
    text = ("Lägesrapport\n\nNamn\nLotsen\n\nVad har hänt hittills?\nÅtta deltagare har börjat.\n\n"
            "Arbetet i praktiken\nVi träffas varje tisdag i Testby.\n\n"
            "Ekonomiskt behov\n200 000 kronor.\n")
    sections = split(_doc(text))
    assert [(s.key, s.heading) for s in sections] == [
        ("title", "Namn"), ("other", "Vad har hänt hittills?"),
        ("methods", "Arbetet i praktiken"), ("budget", "Ekonomiskt behov")]
    assert sections[0].text == "Lotsen"


@pytest.mark.parametrize("text, title", [
    # a contact person's "Namn:" is no title, whether or not another heading names the project
    ("Ansökan\n\nKontaktperson\nNamn: Eva Ström\nE-post: eva@testby.se\n\nProjektets namn: Bron\n\n"
     "Bakgrund\nMånga saknar stöd.\n", "Bron"),
    ("Ansökan\n\nKontaktperson\nNamn: Eva Ström\nTelefon: 070-000 00 00\n\nBakgrund\nMånga saknar stöd.\n", None),
    # a bare "Namn" below another heading is a field of that section
    ("Ansökan\n\nInsatsägare\nTestby kommun\nNamn: Eva Ström\n\nBakgrund\nMånga saknar stöd.\n", None),
])
def test_split_bare_name_label_titles_only_the_form(text, title):
    found = [s.text for s in split(_doc(text)) if s.key == "title"]
    assert found == ([title] if title else [])


HEADING_WORDINGS = [
    "Målgrupp", "2.3 Målgrupp (*):", "Bakgrund och problembild", "Syfte", "Mål och förväntade resultat", "Budget",
    "Insatsens namn", "Projektägare", "Samverkansparter", "Tidsplan", "Metod och arbetssätt", "Uppföljning",
    "Övrigt", "Underskrift", "Target group / Målgrupp", "Background", "Övriga upplysningar", "Kontaktperson",
    "Resultatuppföljning", "Ekonomi", "Deltagare", "Organisation", "Inget av dessa ord", "", "Efter projekttiden",
    "Kostnader och finansiering", "Purpose of the project", "Methods", "Implementering", "Spridning av resultat",
]


@pytest.mark.parametrize("runon", [False, True])
@pytest.mark.parametrize("include_other", [False, True])
def test_the_first_heading_pattern_is_found_by_one_search(runon, include_other):
    from extractor.heading_keys import COMPILED, COMPILED_RUNON, match_key, normalise

    def first(heading):  # each pattern in turn
        for key, pattern in COMPILED_RUNON if runon else COMPILED:
            m = None if key == "other" and not include_other else pattern.match(normalise(heading))
            if m:
                return key, m.end()
        return None

    for heading in HEADING_WORDINGS:
        if " / " not in heading:
            assert match_key(heading, include_other, runon) == first(heading), heading


def test_split_an_english_summary_is_no_budget():
    # "Summary" shares its first letters with "summa"; an English summary is a section of no key
    text = ("Summary in English\nThe project ran for two years.\nBakgrund\nText om behovet.\n"
            "Budget\nSökt belopp 1 200 000 kr.\n")
    assert _keys(text) == ["other", "background", "budget"]


def test_split_a_web_forms_required_questions_and_answer_labels(tmp_path):
    from extractor.read.html import read_html

    page = "".join(f'<div class="q">{q} <span>*</span></div><div><span>Ditt svar</span><div>{a}</div></div>'
                   for q, a in [("Vad heter insatsen?", "Påhittet"), ("Vilka är insatsen till för?", "Unga 18–29 år."),
                                ("Hur många deltagare?", "20 deltagare per år.")])
    doc = read_html(tmp_path / "svar.html", page, "x")
    assert "Ditt svar" not in doc.text
    sections = split(doc)
    assert [(s.key, s.text.strip()) for s in sections] == [
        ("title", "Påhittet"), ("target_group", "Unga 18–29 år."), ("participants", "20 deltagare per år.")]


@pytest.mark.parametrize("heading, key", [("Beskrivning av metod", "methods"), ("Kort beskrivning av målgruppen", "target_group"),
                                          ("Beskrivning av insatsens bakgrund", "background")])
def test_split_a_description_heading_is_keyed_by_what_it_describes(heading, key):
    assert _keys(f"Budget\nSökt belopp: 1 200 000 kr\n\n{heading}\nText om det.\n") == ["budget", key]
