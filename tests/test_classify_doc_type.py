"""doc_type from the kinds of cover and first line that reports, minutes and web pages have."""
import pytest

from extractor.classify import classify_doc_type


@pytest.mark.parametrize("text, doc_type", [
    ("Samhällsekonomisk utvärdering\nProjekt Trappsteget\nPå uppdrag av Exempelby kommun", "final_report"),
    ("1 Utvärdering av sociala investeringar Projekt Trappsteget", "final_report"),
    ("Följeforskning av projektet Bron\nSlutsatser", "final_report"),
    ("Rapport 2019:4\nStödet till unga i Exempelby", "final_report"),
    ("1 FoU-Exempelbygdens skriftserie nr 3/10 Om samverkan", "final_report"),
    ("Arbetsrapport 2 från följeforskningen av Bron", "progress_report"),
    ("Avstämningsrapport för Trappsteget, hösten 2022", "progress_report"),
    ("Plats och tid: Stadshuset, 2021-05-03 kl. 09.00\nNärvarande\nBeslutande:", "decision"),
    ("Protokoll från styrelsens sammanträde 2020-02-14", "decision"),
    ("ÅRSREDOVISNING 2018\nSamordningsförbundet Exempeldalen", "other"),
    ("2016 ÅRSREDOVISNING\nFörvaltningsberättelse", "other"),
    ("TJÄNSTEUTLÅTANDE\nKommunledningskontoret\nFörslag till beslut", "other"),
    ("Exempelby kommun\nTJÄNSTESKRIVELSE\nAnsökan om medel till insatsen Påhittet", "other"),
    ("Samordningsförbundet Exempeldalen\nTertialrapport 2 – 2025\nInsats\tPåhittet", "progress_report"),
    ("UPPFÖLJNINGSRAPPORT – HALVÅR 1\nInsats: Påhittet", "progress_report"),
    # a report midway or on where the insats stands; a closing one; a blank form
    ("Halvtidsrapport\nProjekt Påhittet\n\nBakgrund", "progress_report"),
    ("Statusrapport Påhittet, hösten 2031", "progress_report"),
    ("Halvårsredovisning för Påhittet 2031", "progress_report"),
    ("Slutrapportering av projektet Påhittet", "final_report"),
    ("Avslutande rapport\nPåhittet 2029–2031", "final_report"),
    ("Ansökningsblankett\nProjektnamn: Påhittet", "application"),
    # news about a document is not that document
    ("Nyheter\n\nStyrelsemöte 3 maj\n\nStyrelsen har fattat tre beslut.", "other"),
    ("Verksamhetsplanen för 2025 antagen\n\nStyrelsen beslutade om verksamhetsplan och budget.", "other"),
    ("Nytt styrelseprotokoll\n\nStyrelsen diskuterade förslaget till Verksamhetsplan 2021.", "other"),
    ("Bron får fortsätta\n\nProtokollet från mötet finns på webben.", "other"),
    # a project's name that holds a cue word is no cover cue
    ("Lyftet - en utvärdering av arbetsmodellen\n\nOm projektet\n\nProjektet pågick i två år.", "other"),
])
def test_doc_type_from_cover_and_title_lines(text, doc_type):
    assert classify_doc_type(text) == doc_type


def test_a_page_on_how_to_apply_is_no_application():
    page = ("Ansökan om medel\n\nParterna kan ansöka om medel från förbundet för samverkansinsatser. "
            "Ladda ner mallen nedan och skicka den till förbundets kansli.\n")
    assert classify_doc_type(page) == "other"
    form = page + "Projektägare: Exempelby kommun\nSökt belopp: 450 000 kr\n"
    assert classify_doc_type(form) == "application"


@pytest.mark.parametrize("text", [
    "Export från ärendesystemet\nPROJEKTNAMN\nPåhittet\nKostnader\nSökt från förbundet för hela perioden: 900 000 kr\n",
    "Projektet Påhittet\nBudget\nFrån förbundet söks 1 200 000 kr.\n",
])
def test_an_untitled_text_that_asks_the_forbund_for_money_is_an_application(text):
    assert classify_doc_type(text) == "application"


@pytest.mark.parametrize("text", [
    # news on what became of an application
    "Pengar till tre förbund\n\nSocialfonden beviljade i går ansökan om medel från förbunden i Exempellän.",
    "Ansökan om medel till Stegprojektet 2031\n\nVår ansökan har lämnats in i maj och beslut väntas före jul.",
    "Extra medel till förbunden\n\nAlla förbund fick söka mer pengar i våras.\n  • Sökt belopp blev totalt 7 miljoner kronor\n"
    "Nu har 19 insatser beviljats medel.",
    # a rule for how applications are handled
    "Lokala medel\n\nEn ansökan om lokala medel ska beredas av arbetsgruppen innan styrelsen tar ställning.",
    "Stöd till samverkan\n\nPå sidan ligger mallar för ansökan.\n\nSyfte med stödet\nAtt fler får hjälp i tid.\n"
    "Vem kan söka\nParterna i förbundet.",
])
def test_news_and_rules_about_applications_are_other(text):
    assert classify_doc_type(text) == "other"


def test_a_prose_application_that_mentions_an_earlier_grant_stays_an_application():
    text = ("Ansökan om fortsatt finansiering\n\nInsatsen beviljades medel 2029.\n\nSyfte\nAtt fler unga "
            "får arbete.\n\nMålgrupp\nUnga 18-29 år.")
    assert classify_doc_type(text) == "application"


@pytest.mark.parametrize("text, doc_type", [
    # board news that points to the minutes kept elsewhere
    ("Ändrat beslut för Språnget\n\nStyrelsen tog den 310620 ett nytt beslut om insatsens medel.\n\n"
     "Hela protokollet finns att läsa på kansliet.\n\nPublicerad:", "other"),
    ("Möte i styrelsen 310911\n\nStyrelsen väntar med att besluta om pengarna till våren.\n\nProtokollet går att läsa i arkivet.", "other"),
    # the minutes themselves
    ("Beslut om medel till Språnget\n\n§ 12 Ansökan från Exempelby kommun\n\nProtokollet justeras 2031-06-01.", "decision"),
    # a förbund's plan without the word, and a report of an FoU series
    ("Gemensam kraft " + "Förbundet prövar nya vägar tillsammans med parterna. " * 14
     + "Innehåll 1. FÖRUTSÄTTNINGAR 2. MÅL 3. PRIORITERADE INSATSER 2031 4. EKONOMI", "operational_plan"),
    ("1 Stöd i samverkan En studie av två team 1 Alva Påhittsson FoU Exempelbygdens skriftserie nr 12/31", "final_report"),
])
def test_doc_type_of_board_news_plans_and_report_series(text, doc_type):
    assert classify_doc_type(text) == doc_type


@pytest.mark.parametrize("text", [
    # a page that tells of a decision taken, or links to a debate's record, decides nothing
    "Medelstilldelning\n\nBeslut om en modell för fördelningen togs i januari 2031. " + "Modellen tar hänsyn till "
    "invånarantal i respektive kommun. " * 12,
    "Finansiering av verksamheten\n\nDebatt 21 maj 2031\n\nProtokoll från debatten\n\nAnföranden: 9\n\n"
    + "Herr talman! Frågan gäller förbundens finansiering. " * 10,
])
def test_a_page_about_a_decision_or_a_record_is_other(text):
    assert classify_doc_type(text) == "other"


def test_minutes_that_decide_stay_decisions():
    text = ("Protokoll från styrelsens sammanträde 2031-02-14\n\n§ 4 Ansökan från Exempelby kommun\n"
            + "Ärendet presenteras och diskuteras. " * 12 + "\nStyrelsen beslutar att bevilja ansökan.")
    assert classify_doc_type(text) == "decision"


@pytest.mark.parametrize("text", [
    # minutes that never say "protokoll"
    "Styrelsemöte 2031-03-04\nNärvarande: Ada Admin, Bo Bokstav\n§ 1 Mötets öppnande\n§ 2 Val av justerare\n"
    "Bo Bokstav valdes att justera.\n§ 3 Ansökan från Exempelby kommun\nStyrelsen beslutar att bevilja 300 000 kr.",
    "Samordningsförbundet Exempeldalen\nStyrelsens sammanträde 2031-03-04\nBeslutande: Ada Admin, Bo Bokstav\n"
    "§ 12 Ekonomisk rapport\nBeslut: Rapporten läggs till handlingarna.\n§ 13 Övrigt",
    # a decision headed by the word alone
    "Beslut\n\nFörbundets styrelse har 2031-03-04 beslutat att bevilja Exempelby kommun 300 000 kr för Språnget.",
])
def test_minutes_and_decisions_without_the_word_protokoll(text):
    assert classify_doc_type(text) == "decision"


def test_news_of_a_grant_is_no_decision():
    text = "Språnget får medel\n\nStyrelsen beviljade vid sitt möte 4 mars Exempelby kommun 300 000 kr för Språnget."
    assert classify_doc_type(text) == "other"


def test_a_numbered_report_anywhere_in_the_opening_is_a_report():
    text = ("Vad ger stödet? En utvärdering av stödet vid Exempelmyndigheten\n\n1 Vad ger stödet? En utvärdering av "
            "stödet vid Exempelmyndigheten Alva Påhittsson Bo Bokstav RAPPORT 2031:24\n\n2 Institutet är ett forskningsinstitut.")
    assert classify_doc_type(text) == "final_report"


def test_a_decision_signed_vid_protokollet_is_a_decision():
    text = ("Samordningsförbundet Påhittet\nBeslut om finansiering\nStyrelsen beslutar att bevilja Exempelby kommun "
            "700 000 kr för insatsen Påhittsteget.\nJusteras:\tVid protokollet:\nAnna Exempel, ordförande\tPer Påhittad, sekreterare\n")
    assert classify_doc_type(text) == "decision"


def test_a_compound_decision_word_alone_on_its_line():
    assert classify_doc_type("Samordningsförbundet Påhittet\nDELEGATIONSBESLUT\nDatum: 2025-04-03\n"
                             "Beslut: Förbundschefen beviljar 350 000 kr till insatsen Påhittet.\n") == "decision"


@pytest.mark.parametrize("text, expected", [
    ("Förstudierapport\nFörstudien Påhittvägen i Exempelby 2031\nSammanfattning\nFörstudien visade att …", "final_report"),
    ("Rapport från förstudien om stöd till unga i Exempelby\n\nInledning\nUnder hösten kartlades behoven.", "final_report"),
    # an application for a pre-study names its report to come: the application comes first
    ("Ansökan om medel till en förstudie\nEn förstudierapport lämnas till förbundet när förstudien är klar.",
     "application"),
])
def test_a_pre_studys_report_is_its_final_report(text, expected):
    assert classify_doc_type(text) == expected


@pytest.mark.parametrize("text, doc_type", [
    # an insats followed up for the board or in SUS
    ("Till styrelsen för Samordningsförbundet Exempeldalen\nÄrende 4: Uppföljning av insatsen Påhittet, helår 2031\n"
     "Insatsen drivs av Exempelby kommun.", "progress_report"),
    ("SUS-uppföljning 2031 – individinsats\nInsatsens namn: Påhittet", "progress_report"),
    # ... not an application's heading on follow-up
    ("Uppföljning och utvärdering\nInsatsen följs upp i SUS.", "other"),
    # an insats's interim report with its own fields under the cover; a förbund's own is other
    ("DELÅRSRAPPORT JANUARI–AUGUSTI 2031\nPåhittet – stöd för unga\nInsatsägare: Exempelby kommun\nProjekttid: 2030–2032",
     "progress_report"),
    ("DELÅRSRAPPORT JANUARI–AUGUSTI 2031\nSamordningsförbundet Exempeldalen\nFörvaltningsberättelse", "other"),
])
def test_doc_type_of_an_insats_followed_up(text, doc_type):
    assert classify_doc_type(text) == doc_type
