import pytest
from click.testing import CliRunner

from extractor.cli import cli
from extractor.method_rules import clause, verdict
from extractor.methods import classify_methods, find_mentions
from extractor.record import Section


def _labels(text: str, key: str = "methods") -> list[str]:
    sections = [Section(key=key, heading=None, text=text, page=None, char_start=0, char_end=len(text))]
    return sorted(m["label"] for m in classify_methods(text, sections))


@pytest.mark.parametrize("text, labels", [
    ("Samtalen förs med motiverande samtalsmetodik.", ["MI"]),
    ("Deltagarna erbjuds stöd enligt Individual Placement and Support (IPS).", ["IPS", "SE"]),
    ("Kartläggningen görs med SMAIL vid inskrivning.", ["SMAIL"]),
    ("Arbetsterapeuten genomför Assessment of Work Performance (AWP) vid behov.", ["AWP"]),
    ("Alla deltagare tillfrågas om våld med 7 frågor om våld.", ["VIOLENCE_SCREENING"]),
    ("Coacherna arbetar utifrån ett lösningsfokuserat förhållningssätt.", ["SOLUTION_FOCUSED"]),
    ("Deltagarnas progression mäts med BIP-indikatorerna.", ["PROGRESSION_MEASURE"]),
    # a sentence a PDF wrapped after a comma keeps its context
    ("Vi har utbildat insatsens medarbetare i AWC,\nAssessment of Work Performance AWP och WEIS för att kunna "
     "erbjuda deltagarna en arbetsförmågebedömning.", ["AWC", "AWP", "WEIS"]),
    # a name that a PDF line broke in two
    ("Varje deltagare får en egen coach som samordnar stödet enligt case\nmanagement.", ["CASE_MANAGEMENT"]),
    # a final report's past tense
    ("Vi har använt SMAIL för att följa deltagarnas utveckling.", ["SMAIL"]),
    # an assessment named with its instrument's kind after a hyphen
    ("Deltagarna gör en WRI-intervju i början av insatsen.", ["WRI"]),
    ("Alla gör en WEIS-skattning och en AWC-bedömning vid start.", ["AWC", "WEIS"]),
    # an English name of several words compounded with a Swedish word
    ("Samordnarna arbetar enligt case management-modellen.", ["CASE_MANAGEMENT"]),
    ("Stödet ges enligt Individual Placement and Support-modellen.", ["IPS", "SE"]),
    # measured with a tool named after the method, a few words after "med"
    ("Progressionen mäts med ett eget verktyg för progressionsmätning.", ["PROGRESSION_MEASURE"]),
    # English names in a bilingual form
    ("The project works with solution-focused coaching.", ["SOLUTION_FOCUSED"]),
    ("Participants are offered cognitive behavioural therapy in groups.", ["CBT"]),
    # a form's field for the method, its value the name alone
    ("Metod: Supported Employment", ["SE"]),
    ("Arbetssätt: IPS", ["IPS", "SE"]),
    # a method to be brought in is the intervention's
    ("Metoden IPS kommer att införas under projektets andra år.", ["IPS", "SE"]),
    # the method used keeps its label where another was given up
    ("Vi använder MI men bytte ut AWP mot en enklare kartläggning.", ["MI"]),
    # the intervention's method named as such
    ("Vår metod är motiverande samtal.", ["MI"]),
    ("Ett lösningsfokuserat arbetssätt genomsyrar verksamheten.", ["SOLUTION_FOCUSED"]),
])
def test_methods_used_are_labelled(text, labels):
    assert _labels(text) == labels


@pytest.mark.parametrize("text, key", [
    # a referring unit named after a method
    ("Deltagare kan remitteras av IPS-teamet inom psykiatrin.", "methods"),
    # a training postponed: the method is not yet offered
    ("En planerad utbildning i AWP för personalen sköts upp till nästa år.", "methods"),
    # a method explicitly dropped
    ("Metoden AWP utgår ur denna ansökan, eftersom Arbetsförmedlingen köper bedömningen.", "methods"),
    # a contrast, not a use
    ("Till skillnad från Supported Employment bygger modellen på längre förberedelser.", "methods"),
    # a budget line
    ("Studiebesök hos SMAIL-insatsen i Trollhättan\t–\t8\t–\t8", "budget"),
    # a previous project's method
    ("I det tidigare projektet användes SMAIL, men det ingår inte i denna insats.", "background"),
])
def test_method_traps_are_not_labelled(text, key):
    assert _labels(text, key) == []


def test_a_method_the_document_denies_needs_strong_evidence_elsewhere():
    denied = "AWP ingår inte i insatsen. Arbetsförmågan kan beskrivas med AWP."
    assert _labels(denied) == []
    used_later = "AWP ingår inte i insatsens första månad. Därefter använder arbetsterapeuten AWP med alla deltagare."
    assert _labels(used_later) == ["AWP"]


def test_mentions_keep_the_sentence_as_evidence():
    text = "Inledning. Teamet har arbetat med motiverande samtal (MI) i alla möten."
    mentions = find_mentions(text)
    assert {m.label for m in mentions} == {"MI"}
    assert all(text[m.start:m.end].strip() == m.sentence for m in mentions)


def test_train_methods_command_writes_model_and_meta(tmp_path):
    result = CliRunner().invoke(cli, ["train", "methods", "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "model.pkl").exists() and (tmp_path / "classifier.json").exists()
    import json

    meta = json.loads((tmp_path / "meta.json").read_text())
    assert set(meta["cross_validation"]) >= {"MI", "SE", "SMAIL", "AWP"}
    assert set(meta["cross_validation_classifier_only"]) == set(meta["cross_validation"])
    assert all(0 <= v["f1"] <= 1 for v in meta["cross_validation"].values())


@pytest.mark.parametrize("text, key", [
    # negation and its scope
    ("Vägvisaren erbjuder inte själv Supported Employment.", "methods"),
    ("Motiverande samtal ingår inte i insatsen under första året.", "methods"),
    ("Kursen blev inställd i april, så MI används inte i teamet ännu.", "methods"),
    ("Vi har valt bort SMAIL eftersom ingen part har licens.", "methods"),
    ("Licensen kom aldrig på plats, och SMAIL ströks därför ur planen.", "methods"),
    ("AWP utgår ur projektplanen från och med 2025.", "methods"),
    # other units and earlier projects
    ("IPS-teamet på psykiatrin tar emot remisser från hela kommunen.", "collaboration"),
    ("Den som vill börja arbeta direkt hänvisas till Jobbmottagningen i Ekeby, som arbetar enligt "
     "Supported Employment.", "methods"),
    ("Förbundet har tidigare stött två insatser som använt SMAIL.", "background"),
    ("Till skillnad från IPS söker vi inte arbete direkt.", "methods"),
    ("Deltagare som behöver en bedömning med AWP remitteras till Arbetsförmedlingen.", "methods"),
    ("Modellen bygger på samma principer som Supported Employment (SE) men passar unga.", "background"),
    ("Kontaktperson: Lena Ekberg, SE-handläggare, Arbetsförmedlingen", "other"),
    # a plan to investigate
    ("Under våren ska vi undersöka om IPS kan vara ett stöd för målgruppen.", "purpose"),
    ("Tre förbund genomför en förstudie kring Individual Placement and Support.", "background"),
    ("Förbunden driver en förstudie om metoden Individual Placement and Support (IPS) i länet.", "background"),
    # a final report tells of a plan that was not carried out
    ("Enligt ansökan skulle varje deltagare bedömas med SMAIL.", "methods"),
    # a description of the method, not of this intervention
    ("IPS-metoden har visat sig ge fler jobb än vanlig arbetsträning.", "background"),
    # unticked boxes
    ("Metoder: ☐ SMAIL ☐ AWP", "methods"),
    ("[ ] Supported Employment", "methods"),
    # a name only in a budget line
    ("Licens för SMAIL 12 000 12 000 24 000", "budget"),
    ("Vi har ännu inte börjat använda AWP.", "methods"),
    # an agenda title
    ("§ 14 IPS – information från projektledaren", "other"),
    ("Informationsärende: Supported Employment i länet", "other"),
    ("Kontakt med Supported Employment-enheten i grannkommunen", "collaboration"),
    ("Insatsen kommer att ha ett nära samarbete med IPS-verksamheten inom psykiatrin.", "collaboration"),
    ("Styrelsen ger förvaltningen i uppdrag att utreda om SMAIL kan införas i länet.", "decision"),
    # only a certificate is denied, and what follows "men" is no use: a hope, another method
    ("Teamet är inte certifierat i IPS men hoppas kunna använda metoden längre fram.", "methods"),
    # a decision against it after discussing it
    ("Teamet har diskuterat att införa IPS men har valt att inte göra det, eftersom deltagarna först behöver vård.", "methods"),
    ("Styrgruppen övervägde SMAIL men avstod från det när licensen blev för dyr.", "methods"),
])
def test_method_mentions_that_are_not_use(text, key):
    assert _labels(text, key) == []


@pytest.mark.parametrize("text, labels", [
    # ticked boxes
    ("Metoder: ☒ SMAIL ☐ AWP", ["SMAIL"]),
    ("[x] Supported Employment", ["SE"]),
    # negations that do not negate the use
    ("Deltagare som inte har arbetat på länge får stöd enligt Supported Employment.", ["SE"]),
    ("Vi arbetar inte med traditionell arbetsträning utan enligt Supported Employment.", ["SE"]),
    ("Vi använder motiverande samtal, men inte AWP.", ["MI"]),
    ("Coacherna använder MI, inte minst i de första samtalen.", ["MI"]),
    ("Teamet arbetar utifrån MI och lösningsfokus.", ["MI", "SOLUTION_FOCUSED"]),
    ("Vi samverkar med arbetsgivare enligt Supported Employment.", ["SE"]),
    ("Till skillnad från tidigare projekt använder vi nu SMAIL med alla deltagare.", ["SMAIL"]),
    ("Liksom i den tidigare insatsen arbetar vi enligt Supported Employment.", ["SE"]),
    # a final report's past tense
    ("Efter årsskiftet arbetade teamet enligt IPS-metoden.", ["IPS", "SE"]),
    ("Vid tredje träffen skattas deltagaren med SMAIL.", ["SMAIL"]),
    # staff trained in it to offer it
    ("Personalen har fått utbildning i lösningsfokuserat arbetssätt under våren.", ["SOLUTION_FOCUSED"]),
    ("Alla coacher har utbildats i motiverande samtal för att kunna erbjuda det till deltagarna.", ["MI"]),
    # a negation far from the name, or in a clause before the intervention's own use
    ("Eftersom många deltagare inte har haft ett arbete på flera år använder vi Supported Employment.", ["SE"]),
    ("Ingen ska behöva vänta länge; alla nya deltagare erbjuds motiverande samtal.", ["MI"]),
    ("Metoden SMAIL används inte bara vid start utan också vid avslut.", ["SMAIL"]),
    ("Det finns inget hinder för att använda MI i gruppen, och vi gör det redan.", ["MI"]),
    ("§ 5 Styrelsen beviljar medel till insatsen Brofästet, som under 2025 ska arbeta enligt IPS med unga vuxna.",
     ["IPS", "SE"]),
    ("En arbetsspecialist utbildad i IPS anställs i projektet.", ["IPS", "SE"]),
    ("☑ Motiverande samtal ☐ Case management", ["MI"]),
    # a referral into the intervention, not away from it
    ("Deltagarna remitteras till insatsen och får där stöd enligt Supported Employment.", ["SE"]),
    ("Insatsen tar emot remisser från vården och arbetar enligt Supported Employment.", ["SE"]),
    # a study earlier in the sentence, the use later
    ("Förstudien undersökte behoven, och nu arbetar teamet enligt Supported Employment.", ["SE"]),
    # the method is replaced by another: the new one is used
    ("Den gamla kartläggningen ersattes av SMAIL under våren.", ["SMAIL"]),
    # what the support consisted of: both names, the second in a clause of its own
    ("Stödet har bestått av jobbcoachning enligt Supported Employment, samt av parallellt stöd i form av "
     "case management och friskvård.", ["CASE_MANAGEMENT", "SE"]),
    # bringing the method into the work
    ("Kim Påhittsson leder arbetet och är projektledare för implementeringen av IPS i beroendevården.", ["IPS", "SE"]),
    ("Projektet ska implementera metoden Supported Employment i tre kommuner.", ["SE"]),
])
def test_method_use_survives_the_rules(text, labels):
    assert _labels(text) == labels


@pytest.mark.parametrize("masked, part", [
    ("Vi använde MI, men inte METODNAMN.", " men inte METODNAMN."),
    ("Vi arbetar inte med arbetsträning utan enligt METODNAMN.", " utan enligt METODNAMN."),
    ("Insatsen har inga väntetider och erbjuder METODNAMN direkt.", " och erbjuder METODNAMN direkt."),
    # a name in brackets shares the clause of the phrase it abbreviates
    ("Förstudien om Support (METODNAMN) pågår.", "Förstudien om Support (METODNAMN) pågår."),
])
def test_a_negation_reaches_the_clause_around_the_name(masked, part):
    assert clause(masked) == part


@pytest.mark.parametrize("masked, rule", [
    ("Vi kommer inte att använda METODNAMN.", "negated"),
    ("Deltagare remitteras av METODNAMN-teamet.", "unit"),
    ("☐ METODNAMN", "unticked"),
    ("☒ METODNAMN", "ticked"),
    ("Teamet arbetar enligt METODNAMN.", "own_use"),
    ("§ 3 METODNAMN i länet", "agenda"),
    ("Kommunen har sedan länge ett METODNAMN-team.", "unit"),
    ("Under våren undersöker vi om METODNAMN passar målgruppen.", "investigate"),
    ("Förbundet har tidigare stött insatser som använt METODNAMN.", "earlier"),
    ("METODNAMN (SE) är en metod för att hjälpa människor till arbete.", "description"),
    ("Grunden i METODNAMN är att alla som vill arbeta kan göra det.", "description"),
    ("Innehåll Bakgrund Målgruppen Metoder i projektet Teamarbete Case Management METODNAMN Uppföljning "
     "Resultat Ekonomi Bilagor Deltagarnas röster Arbetsgivarnas syn Styrgruppens arbete Lärande "
     "Spridning Implementering Bilaga 1 Bilaga 2 Bilaga 3 Bilaga 4 Bilaga 5 Bilaga 6 Bilaga 7 Bilaga 8 "
     "Bilaga 9 Bilaga 10 Bilaga 11", "headings"),
    # what the support consisted of, the name in a later clause; bringing the method into the work
    ("Stödet har bestått av friskvård, samt av parallella insatser genom METODNAMN och hälsosamtal.", "own_use"),
    ("Kim Påhittsson leder arbetet och är projektledare för implementeringen av METODNAMN i beroendevården.", "own_use"),
    # a shorter contents run: a new heading every few words, hardly a stop
    ("4 Satsningar i länet Stödteamet Exempelvägen METODNAMN Unga Vuxna Slutsatser och lärdomar Ekonomisk "
     "nytta Nyttan för parterna Styrning och ledning Framtida Finansiering Vad ska förbundet göra nu?", "headings"),
])
def test_each_rule_names_itself(masked, rule):
    assert verdict(masked, "methods")[1] == rule


@pytest.mark.parametrize("text, labels", [
    ("Påhittgården är inte IPS-certifierad men arbetar i IPS anda med snabb jobbsökning.", ["IPS", "SE"]),
    ("Vi följer inte Supported Employment fullt ut, men metoden präglar hela arbetet.", ["SE"]),
    ("Coacherna är inte certifierade i IPS men arbetar med MI i varje samtal.", ["MI"]),
    ("Vi använder inte SMAIL fullt ut eftersom licensen saknas.", []),
])
def test_a_denied_fidelity_with_use_after_men_is_use(text, labels):
    assert sorted(_labels(text, "methods")) == labels


def test_a_sentence_naming_methods_in_capitals_is_no_contents_run():
    masked = ("Vi har utbildat medarbetarna i Assessment of Work Characteristics AWC, Worker Role Interview WRI "
              "och Work Environment Impact Scale METODNAMN för att kunna erbjuda deltagarna en bedömning av "
              "deras arbetsförmåga under insatsen")
    assert verdict(masked, "methods")[1] != "headings"


def test_a_page_headed_by_the_methods_name_alone_does_not_use_it():
    assert verdict("METODNAMN", None) == (False, "title")
    assert verdict("METODNAMN", "methods")[1] != "title"  # a form's methods field answering with the name


def test_a_name_that_opens_a_sentence_gets_its_own_sentence():
    text = "Arbetsterapeuten gör bedömningar med AWP. Supported Employment ingår inte i verksamheten."
    sentences = {m.label: m.sentence for m in find_mentions(text)}
    assert sentences["SE"] == "Supported Employment ingår inte i verksamheten."


@pytest.mark.parametrize("body", [
    "Vi använder MI, motiverande samtal och IPS-metoden. SE och ACT; act och se.",
    "KBT-baserad\nkognitiv beteendeterapi, 7 frågor om våld och sju frågorna om våld.",
    "mimi MI-MI ips_ips IPS2 ÅIPS ÅMI", "", "   ", "Case management och casemanagement,case manager.",
    "ASSESMENT OF WORK PERFORMANCE, SMAIL:en och Lösningsfokuserat sedan mitten av året; senare WEIS.",
    "İnsatsen använder MI och SE", "Förutsättningar inför arbete (FIA) och BIP-indikatorer, progressionsmått.",
])
def test_method_prefilter_at_word_starts_equals_a_full_scan(body):
    from extractor.methods import _prefilter, _prefilter_matches

    assert [m.span() for m in _prefilter_matches(body)] == [m.span() for m in _prefilter().finditer(body)]


@pytest.mark.parametrize("token, literals", [
    ("motiverande", ["motiverande"]), ("(7|sju)", ["7", "sju"]), ("assess?ment", ["asses"]),
    ("(?:mi([-‑–]\\w+)?)(?::\\w+)?", ["mi"]),
    ("(?:a|b)", None), ("(?:ab)?cd", None), ("x|y", None), ("(a|b)?c", None), ("[a-z]+", None),
])
def test_a_pattern_opens_with_its_own_letters_only_where_it_plainly_does(token, literals):
    from extractor.methods import _leading_literal

    assert _leading_literal(token) == literals


def test_prose_above_the_first_heading_is_read_for_methods():
    text = ("Insatsen Exempelvägen fortsätter. Deltagarna får stöd enligt Supported Employment av två "
            "arbetsspecialister.\n\nKontakt:\nAnna Exempelsson, förbundschef\n")
    heading = text.index("Kontakt:")
    sections = [Section(key="other", heading="Kontakt:", text=text[heading + 9:], page=None,
                        char_start=heading + 9, char_end=len(text))]
    mentions = find_mentions(text, sections)
    assert [(m.label, m.section) for m in mentions] == [("SE", None)]
    assert [m["label"] for m in classify_methods(text, sections)] == ["SE"]


@pytest.mark.parametrize("masked, used", [
    ("The coaches use METODNAMN in all individual meetings.", True),
    ("All staff work with METODNAMN and MI in meetings with participants.", True),
    ("METODNAMN is used in every follow-up meeting.", True),
    ("We will not use METODNAMN, since the test is not available in Somali.", False),
    ("The project does not offer METODNAMN.", False),
    ("The project follows the METODNAMN model.", True),
    ("The work is based on METODNAMN.", True),
    ("Participants are offered METODNAMN.", True),
    ("All coaches are trained in METODNAMN.", True),
    ("Participants are not offered METODNAMN.", False),
])
def test_english_prose_in_a_swedish_application_states_use_and_negation(masked, used):
    assert verdict(masked, "methods")[0] is used


def test_english_methods_field_labels_mi_and_case_management():
    text = ("Metoder / Methods\nThe coaches use Motivational Interviewing in all meetings. "
            "All staff work with case management.\n")
    sections = [Section("methods", "Metoder / Methods", text, None, 0, len(text))]
    labels = {m["label"] for m in classify_methods(text, sections)}
    assert {"MI", "CASE_MANAGEMENT"} <= labels


def test_an_english_offer_by_another_unit_is_not_own_use():
    assert verdict("Participants are offered METODNAMN by the job centre.", "methods")[0] is not True


@pytest.mark.parametrize("masked, rule", [
    # another unit gives the method; the intervention refers its participants there
    ("Deltagare som behöver psykologisk behandling erbjuds METODNAMN via primärvården i Norrbacka.", "other_provider"),
    ("Kommunens beroendeenhet arbetar med METODNAMN och ACT.", "other_provider"),
    ("Vårdcentralen erbjuder METODNAMN i grupp.", "other_provider"),
    ("Klubbhuset Solgläntan är en samverkanspart och arbetar enligt METODNAMN.", "other_provider"),
    # the sentence puts the method outside this intervention
    ("Kvarnbyns träffpunkt arbetar enligt METODNAMN, men det stödet ligger utanför insatsen.", "other_provider"),
    ("Stödboendet har personal som arbetar med METODNAMN, och vi hänvisar deltagare dit vid behov.",
     "other_provider"),
])
def test_a_method_another_unit_gives_is_not_the_interventions(masked, rule):
    assert verdict(masked, "methods") == (False, rule)


@pytest.mark.parametrize("masked", [
    "Insatsen och psykiatrin arbetar tillsammans enligt METODNAMN.",
    "Kommunens arbetsmarknadsenhet driver insatsen och arbetar med METODNAMN.",
    "Deltagarna får METODNAMN av insatsens psykolog.",
])
def test_the_interventions_own_words_keep_a_units_method_its_own(masked):
    assert verdict(masked, "methods")[1] != "other_provider"


@pytest.mark.parametrize("masked, rule", [
    # a talk or a demonstration about the method (a seminar, an information item)
    ("Forskare presenterade resultat om Supported Employment och METODNAMN under seminariet.", "talk"),
    ("En arbetsterapeut visade hur en METODNAMN-bedömning går till.", "talk"),
    # the förbund's course catalogue or training day for its members' own staff
    ("Förbundets utbildningskatalog innehåller kurser i METODNAMN för den som är intresserad.", "member_training"),
    ("Förbundet ordnar en utbildningsdag i METODNAMN för handläggare hos medlemmarna.", "member_training"),
    # an English contrast
    ("Unlike METODNAMN, the project starts with six months of work training.", "contrast"),
])
def test_talks_member_courses_and_english_contrasts_are_no_use(masked, rule):
    assert verdict(masked, "methods") == (False, rule)


def test_a_talk_about_the_interventions_own_use_is_use():
    assert verdict("Projektledaren berättade om hur insatsen använder METODNAMN.", "methods") == (True, "own_use")


@pytest.mark.parametrize("text, labels", [
    # an acronym's suffix after a colon
    ("Vi följer IPS:s åtta principer i allt arbete.", ["IPS", "SE"]),
    ("Alla deltagare skattas med SMAIL:en vid start och avslut.", ["SMAIL"]),
    # a non-breaking hyphen or an en dash in a compound
    ("Vi erbjuder arbetslivsinriktad rehabilitering enligt IPS\u2011modellen.", ["IPS", "SE"]),
    ("Arbetsterapeuten gör AWP\u2013bedömningar med alla deltagare.", ["AWP"]),
    # written forms of names
    ("Arbetet sker enligt Supported-Employment-modellen.", ["SE"]),
    ("Deltagarna erbjuds Individual Placement & Support.", ["IPS", "SE"]),
    ("Gruppträffarna bygger på ACT-modellen.", ["ACT"]),
    ("Insatsen arbetar enligt case-management.", ["CASE_MANAGEMENT"]),
    ("Coacherna arbetar som case managers för deltagarna.", ["CASE_MANAGEMENT"]),
    ("Vi erbjuder kognitiv beteendeterapi i grupp.", ["CBT"]),
])
def test_odd_written_forms_of_a_name_are_found(text, labels):
    assert _labels(text) == labels


def test_a_compound_keeps_its_suffix_whatever_the_hyphen():
    text = "Deltagare remitteras av IPS\u2011teamet inom psykiatrin."
    sections = [Section("methods", None, text, None, 0, len(text))]
    assert [m.masked for m in find_mentions(text, sections)] == ["Deltagare remitteras av METODNAMN-teamet inom psykiatrin."]
    assert _labels(text) == []


def test_a_swedish_postcode_is_no_supported_employment():
    text = "Insatsen Exempelspåret, Bygatan 4, SE-123 45 Exempelby. Vi arbetar enligt SE-metoden."
    sections = [Section("methods", None, text, None, 0, len(text))]
    assert [m.sentence for m in find_mentions(text, sections)] == ["Vi arbetar enligt SE-metoden."]


@pytest.mark.parametrize("masked, rule", [
    ("Insatsen använder varken METODNAMN eller AWP.", "negated"),
    ("Vi vill i framtiden pröva METODNAMN.", "investigate"),
    ("Vissa deltagare har tidigare fått stöd enligt METODNAMN inom psykiatrin.", "other_provider"),
    ("Arbetsförmedlingen gör METODNAMN-bedömningar för de deltagare som behöver det.", "other_provider"),
    ("Vad är METODNAMN?", "description"),
])
def test_neither_wishes_other_units_and_question_headings_are_no_use(masked, rule):
    assert verdict(masked, "methods") == (False, rule)


@pytest.mark.parametrize("text, labels", [
    ("Metoden som används i insatsen är Supported Employment.", ["SE"]),
    ("Samtalsmetodiken är MI.", ["MI"]),
    ("Grunden i vårt arbete är Supported Employment.", ["SE"]),
])
def test_a_method_named_as_what_the_intervention_uses_is_use(text, labels):
    assert _labels(text) == labels


@pytest.mark.parametrize("text, labels", [
    # a list's lead-in says the listed methods are not used
    ("Metoder som inte ingår i insatsen:\n- AWP\n- SMAIL\n", []),
    ("Vi har övervägt följande metoder men valt bort dem:\n- IPS\n- AWP\n", []),
    ("Metoder som inte ingår: AWP och SMAIL.", []),
    # … or that they are
    ("Följande metoder används:\n- MI\n- Supported Employment\n", ["MI", "SE"]),
    # a negation describing the participants is no denial
    ("Deltagare som inte har arbetat på länge erbjuds:\n- Supported Employment\n", ["SE"]),
])
def test_a_list_item_is_read_with_its_lead_in(text, labels):
    assert _labels(text) == labels


def test_a_reference_list_names_no_method_in_use():
    # titles that read like use ("Så arbetar vi med …") are still only titles
    text = ("Samtalen förs enligt MI.\n\nReferenser\nExempelsson, A. (2019). Så arbetar vi med Supported Employment. "
            "Exempelförlaget.\nForskningsrådet (2020). Vi använder IPS. Rapport 12.\n")
    refs = text.index("Referenser")
    sections = [Section("methods", None, text[:refs], None, 0, refs),
                Section("other", "Referenser", text[refs + 11:], None, refs + 11, len(text))]
    assert sorted(m["label"] for m in classify_methods(text, sections)) == ["MI"]


def test_a_reference_entry_outside_a_reference_section_is_no_use():
    text = "Läs mer: Forskningsrådet (2020). Så använder vi IPS med unga. Rapport 12.\n"
    assert _labels(text, "other") == []


@pytest.mark.parametrize("text, labels", [
    # trained, but the method is said not to be used
    ("All personal är utbildad i MI, men metoden används inte systematiskt i insatsen.", []),
    ("Personalen har tidigare gått utbildning i AWP men det är inget insatsen använder.", []),
    # offered on request, in the passive
    ("Om deltagaren vill kan en AWP göras.", ["AWP"]),
    # English: the project team trained in it
    ("The project team is trained in MI and uses it in all meetings.", ["MI"]),
    # staff supervised in the method
    ("Arbetsspecialisterna får regelbunden handledning i IPS av en extern handledare.", ["IPS", "SE"]),
])
def test_training_supervision_and_passive_offers(text, labels):
    assert _labels(text) == labels


def test_an_activity_the_forbund_finances_named_after_a_method_uses_it():
    # a contents run that lost its line breaks: the financed activities are headings in a row
    run = ("INNEHÅLL Ordföranden har ordet Ekonomiskt utfall VERKSAMHETER FINANSIERADE AV FÖRBUNDET Fotfästet "
           "Bryggan Supported Employment Vändpunkten NOTER TILL BOKSLUTET")
    assert _labels(run, "other") == ["SE"]
    listed = "Verksamheter som finansieras av förbundet:\n- Fotfästet\n- Supported Employment\n"
    assert _labels(listed, "other") == ["SE"]
    # a statement about financed activities is read as any sentence is
    assert verdict("Insatser som finansieras av förbundet arbetar med METODNAMN.", None)[1] != "financed_activity"


def test_prose_before_a_heading_inside_a_run_on_line_is_read():
    text = ("Exempelförbundets årsredovisning. Förbundet finansierar insatsen Bron, som arbetar med MI. "
            "1. UPPFÖLJNING Deltagarna följs upp varje år.")
    at = text.index("Deltagarna")
    sections = [Section("follow_up", "1. UPPFÖLJNING", text[at:], None, at, len(text))]
    assert [m.label for m in find_mentions(text, sections)] == ["MI"]


@pytest.mark.parametrize("masked, expected", [
    # "not for everyone" is use for some
    ("Inte alla deltagare har gjort METODNAMN, men de flesta.", (True, "partial")),
    ("METODNAMN har inte kunnat genomföras för alla deltagare.", (True, "partial")),
    # a second negation cancels the first
    ("Ingen deltagare har avböjt METODNAMN-skattningen.", (None, "")),
    # a possibility, not a plan
    ("Insatsen skulle kunna använda METODNAMN om licensen blir billigare.", (False, "hypothetical")),
    # a relative clause after the name denies it
    ("Två av coacherna har gått en introduktionskurs i METODNAMN, som dock inte används i insatsen.",
     (False, "dropped")),
    # the method used in another's stead
    ("Vi använder inte SMAIL utan METODNAMN.", (True, "own_use")),
])
def test_negation_scope_quantifiers_and_possibilities(masked, expected):
    assert verdict(masked, "methods") == expected


def test_a_table_row_headed_by_a_method_answers_yes_or_no():
    text = ("Metod\tAnvänds i insatsen\tKommentar\nMI\tJa\ti alla samtal\n"
            "AWP\tNej\tgörs av Arbetsförmedlingen\nSMAIL\tNej\n")
    assert _labels(text) == ["MI"]


@pytest.mark.parametrize("masked, expected", [
    ("Begreppet METODNAMN används på många olika sätt.", (False, "description")),
    ("Vårt arbetssätt är inspirerat av METODNAMN.", (True, "own_use")),
])
def test_a_term_is_no_use_and_an_inspiration_is(masked, expected):
    assert verdict(masked, "methods") == expected


def test_a_capitalised_see_pointing_to_an_appendix_is_no_supported_employment():
    assert _labels("FÖR MER INFORMATION, SE BILAGA 2.") == []
    assert verdict("FÖR MER INFORMATION, METODNAMN BILAGA 2.", "methods") == (False, "description")


@pytest.mark.parametrize("text", [
    "MI-utbildningen är framflyttad till våren.",
    "Utbildningen i AWP har senarelagts.",
    "Införandet av IPS är uppskjutet till nästa år.",
    "Starten för KBT-gruppen har försenats.",
    "SMAIL-skattningarna avbröts när licensen gick ut.",
])
def test_a_postponed_or_stopped_method_is_not_used(text):
    assert _labels(text) == []


def test_a_delayed_certification_does_not_hide_use_stated_beside_it():
    text = "Certifieringen i IPS är försenad, men arbetsspecialisterna arbetar redan enligt IPS."
    assert _labels(text) == ["IPS", "SE"]


@pytest.mark.parametrize("masked", [
    "We considered METODNAMN but chose a stepwise model.",
    "The project aims to investigate whether METODNAMN could be used.",
    "Research shows that METODNAMN is effective.",
    "METODNAMN training was cancelled.",
    "In the previous project, METODNAMN was used.",
    "The municipality's job centre works with METODNAMN.",
    "Participants can get METODNAMN through the health centre.",
])
def test_english_prose_naming_a_method_without_using_it(masked):
    assert verdict(masked, "methods") == (False, "english")


@pytest.mark.parametrize("masked", [
    "Önskade utbildningar för personalen: METODNAMN och ACT.",
    "Personalen har efterfrågat utbildning i METODNAMN.",
])
def test_a_training_wished_for_is_no_use(masked):
    assert verdict(masked, "methods") == (False, "wished_training")


@pytest.mark.parametrize("masked, expected", [
    ("Exempelhusets två jobbcoacher använder METODNAMN i de inledande träffarna.", (True, "own_use")),
    ("Insatsens behandlare arbetar med METODNAMN.", (True, "own_use")),
    # another unit's staff stay another unit's
    ("Arbetsförmedlingens arbetsterapeuter använder METODNAMN.", (False, "other_provider")),
])
def test_staff_named_with_a_count_or_the_interventions_name_use_the_method(masked, expected):
    assert verdict(masked, "methods") == expected


def test_a_plain_text_table_with_pipes_reads_its_yes_and_no_cells():
    text = ("Metod | Används | Kommentar\nAWP | Nej | görs av arbetsterapeuten vid behov\n"
            "MI | Ja | i alla samtal\nWEIS | Nej | –")
    assert _labels(text) == ["MI"]


@pytest.mark.parametrize("text", [
    # a past plan the report says was not carried out
    "Projektet planerade att använda AWP men valde i stället en enklare kartläggning.",
    # a method field whose value denies the method or names a unit
    "Metod: Supported Employment ingår inte",
    "Metod: deltagare kommer från IPS-teamet",
    # given up since: replaced or switched away from
    "SMAIL användes under 2023 men ersattes 2024 av ett digitalt verktyg.",
    "Vi har tidigare använt SMAIL men bytt till ett eget formulär.",
    # "varken … eller": the second name is denied too, though a verb of use follows it
    "Varken SMAIL eller AWP används.",
    "Vår metod är inte SMAIL utan ett eget samtalsstöd.",
    # a training the förbund pays for the kommun's own staff
    "Förbundet har under året finansierat utbildning i SMAIL för kommunens handläggare.",
])
def test_a_plan_not_carried_out_or_a_denied_field_is_no_use(text):
    assert _labels(text) == []
