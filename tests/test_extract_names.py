"""The intervention's name from prose and headlines (invented texts)."""
import pytest

from extractor.extract.meta import find_title
from extractor.extract.names import find_title_in_prose
from extractor.record import Section


@pytest.mark.parametrize("text, name", [
    ("Slutrapport\nProjekt Nyckeln startade 2019. Inom projekt Nyckeln har 40 unga fått stöd.", "Nyckeln"),
    ("Kostnadsanalys\nProjekt Gläntan Exempelby\nRapport till styrelsen", "Gläntan Exempelby"),
    ("Här redovisas resultat från projektet En dörr. Tyngdpunkten ligger på samverkan.", "En dörr"),
    ("Mötesplatsen i centrum kallas Bron till arbete bland deltagarna.", "Bron"),
    ("Trappsteget får fortsatt stöd\n\nStyrelsen har beslutat att Trappsteget får medel i två år till.", "Trappsteget"),
    ("Logotyp\n\nKompassen i Exempelby\n\nKompassen i Exempelby hjälper unga vuxna.", "Kompassen i Exempelby"),
    ("Nu finns mer att läsa om insatsen. Lyftet är ett projekt för unga vuxna.", "Lyftet"),
    # the cover's longer form and the table of contents' run-on form are one name
    ("Samhällsekonomisk utvärdering\n\n" + "Inledning och bakgrund. " * 14 + "Insats Språnget Exempelby, analys\n"
     "Bilagor Presentation av insats Språnget Bilaga", "Språnget Exempelby"),
    # a lower-case name counts when the text keeps calling it so
    ("Utvärdering av projekt lyftet. Resultaten i projekt lyftet visar", "lyftet"),
    # nothing named: a headline that is news, a document kind, a body, a method
    ("Glädjande besked!\n\nStyrelsen har haft möte.", None),
    ("ÅRSREDOVISNING 2015\nSamordningsförbundet Exempeldalen bildades 2006.", None),
    ("Fler IPS-team behövs\n\nIPS-team finns i dag i få kommuner.", None),
    ("Fokusområden 2024\n\n" + "Styrelsen vill stärka arbetet med jämställdhet i alla insatser. " * 5
     + "Förbundet är med i ett regionalt arbete, projektet Alfa-Beta, som leds av länsstyrelsen.", None),
])
def test_title_named_in_prose(text, name):
    found = find_title_in_prose(text)
    assert (found[0] if found else None) == name
    if found:
        assert text[found[1]:found[2]] == name


def test_title_printed_above_its_label():
    text = "Uppgifter om projektet\n\nNyckeln\n\nNamn på projektet Startdatum 2021-01-01\n"
    start = text.index("Startdatum")
    section = Section("title", "Namn på projektet", text[start:], None, start, len(text))
    assert find_title([section], text) == "Nyckeln"


@pytest.mark.parametrize("text", [
    # a page's headline in sentence case names no insats, however often the page repeats it
    "Fria medel\n\nHem / Arkiv / Fria medel\n\nUnder året kan parterna söka Fria medel för lokala projekt.",
    "Organisation och styrning\n\nOrganisation och uppdrag beskrivs här. Styrgruppen möts fyra gånger per år.",
    "Regionstyrelsens förslag till beslut\n\nRegionstyrelsens förslag till beslut gäller bildandet av ett förbund.",
    # a headline of people and their roles (a minutes page's title)
    "Olle Påhitt, ersättare Lisa Låtsas, ersättare\n\nNärvarande: Olle Påhitt och Lisa Låtsas.",
    # an e-mail's header and greeting name its sender and reader
    "Från: Alva Påhittsson alva@exempel.se\nTill: Per Påhittad\n\nHej Per!\n\nHär kommer rapporten.\n\n"
    "Med vänlig hälsning\nAlva Påhittsson\n",
    # "projektet ska" is no name
    "Sök medel\n\nProjektet ska gynna parterna. Projektet ska vara avgränsat i tid.",
])
def test_no_title_from_a_phrase_headline_or_a_list_of_people(text):
    assert find_title_in_prose(text) is None


@pytest.mark.parametrize("text, name", [
    ("Språngbrädan förlängs\n\nStyrelsen beslutade att Språngbrädan får medel ett år till.", "Språngbrädan"),
    ("IT-lotsen förlängs\n\nStyrelsen beslutade att IT-lotsen får medel ett år till.", "IT-lotsen"),
])
def test_a_name_that_opens_a_news_headline(text, name):
    assert find_title_in_prose(text)[0] == name


def test_a_quoted_name_after_the_kind_of_work():
    text = 'Projektbanken\n\nFörprojekt "Bättre samverkan i Exempeldalen"\n\nFörprojektet pågick i tre månader.'
    assert find_title_in_prose(text)[0] == "Bättre samverkan i Exempeldalen"


def test_a_name_the_prose_keeps_writing_in_capitals():
    text = ("Nyheter\n\nI vår prövar förbundets insats för unga, LYKTAN, nya arbetssätt. LYKTANS lokal har "
            "öppet varje dag. Handledaren för LYKTAN berättar. Enligt ESF och ESF-rådet, ESF …")
    assert find_title_in_prose(text)[0] == "LYKTAN"
    # an organisation's abbreviation is no name
    text = ("Myndigheten för exempelfrågor (MEF) har beslutat om bidrag. MEF beviljar medel. "
            "Enligt MEF är behovet stort.")
    assert find_title_in_prose(text) is None
    # ... also where the abbreviation comes first and its name follows in parentheses
    text = ("Nyheter\n\nMEF (Myndigheten för exempelfrågor) har utvärderat teamen. MEF visar goda resultat. "
            "Foto: MEF")
    assert find_title_in_prose(text) is None


def test_an_agency_written_out_before_its_abbreviation_is_no_name():
    text = ("Nyhet\n\nMyndigheten för påhittade frågor, MPF har fördelat medel. Enligt MPF:s siffror ökar "
            "behovet, säger generaldirektör för MPF Kim Påhittsson.")
    assert find_title_in_prose(text) is None


def test_capitals_among_capitals_are_shouted_headings_not_a_name():
    text = ("Studie om stöd\n\n3 Innehåll Sammanfattning OM TEAMEN OCH UPPDRAGET TEAMEN I NORR Att leda "
            "arbetet TEAMEN I SÖDER Bilaga 1")
    assert find_title_in_prose(text) is None


def test_a_logo_in_capitals_under_the_forbunds_name_is_no_headline():
    text = ("Exempelfors samordningsförbunds logga\nSAMORDNINGSFÖRBUNDET\nNORRA EXEMPELDALEN\n\n"
            "Sista dagen för Påhittet\n\nNär Påhittet avslutas har många fått arbete, säger projektchefen i Påhittet.")
    assert find_title_in_prose(text)[0] == "Påhittet"


def test_a_name_under_its_own_heading_that_a_sentence_says_aims_at_something():
    text = ("Topp\n\nPågående\n\nLogotyp, Europeiska Socialfonden\n\nVäg-Ett\n\nFakta\n"
            "Projektperiod: 2031-01-01–2032-12-31\nOm Projektet\n\nVäg-Ett syftar till att utveckla arbetssätt.")
    assert find_title_in_prose(text)[0] == "Väg-Ett"


@pytest.mark.parametrize("text, name", [
    # a page headed by its name, the first paragraph about the project; a parent project named later
    ("VÄGEN\n\nProjektets parter var Arbetsförmedlingen och Försäkringskassan. Projektet kompletterar "
     "projektet ”STIGEN”.", "VÄGEN"),
    ("Stöd till unga\n\nProjektet har gett stöd till unga i Exempelby.", None),
])
def test_a_page_headed_by_the_name_of_its_project(text, name):
    found = find_title_in_prose(text)
    assert (found[0] if found else None) == name


@pytest.mark.parametrize("text, name", [
    # a coined name later in a headline that opens in sentence case
    ("Styrelsen säger ja till IT-lotsen\n\nIT-lotsen får pengar för ett år till av förbundets styrelse.",
     "IT-lotsen"),
    # a form label without its colon, the document's kind after the name
    ("Sid 1 (9) Projektnamn Steg Mot Jobb i Exempelby SMJ Slutrapport genomförande Sammanfattning Projektet har ...",
     "Steg Mot Jobb i Exempelby SMJ"),
])
def test_title_from_a_later_coined_name_and_an_inline_label(text, name):
    assert find_title_in_prose(text)[0] == name


@pytest.mark.parametrize("text", [
    # a kind of document or a form label is no name, wherever it stands in the headline
    "EXEMPELBY KOMMUN Sammanträdesprotokoll Kommunstyrelsen\n\n1 EXEMPELBY KOMMUN Sammanträdesprotokoll Kommunstyrelsen",
    "Lägesrapport. Diarienummer: 2031/00123\n\n1 Lägesrapport Diarienummer: 2031/00123",
])
def test_no_title_from_a_document_kind_or_a_label(text):
    assert find_title_in_prose(text) is None


def test_no_title_from_a_word_made_on_an_abbreviation_of_the_field():
    text = "Vägen till jobb\n\nDe handläggare som har gått utbildningen kallas sedan SIUS-konsulenter."
    assert find_title_in_prose(text) is None


def test_title_from_a_case_heading_and_not_from_half_a_pair():
    text = "2031/00123 - Steg för steg - Exempel 2.0\n\nDiarienummer:\n2031/00123\nNamn:\nSteg för steg - Exempel 2.0\n"
    assert find_title([], text) == "Steg för steg - Exempel 2.0"
    # "studie av Start- och stegteamet": "Start" is half of a pair of names
    text = "Stöd i vardagen En studie av Start - och stegteamet och Lotsteamet\n"
    assert find_title([], text) != "Start"


@pytest.mark.parametrize("text, title", [
    # a name given once, in a headline about money for it
    ("Ansökan om medel till Stegprojektet 2031\n\nFörbunden lämnade in ansökan i oktober.", "Stegprojektet"),
    ("Beslut om bidrag till IT-lotsen\n\nStyrelsen gav insatsen ett år till.", "IT-lotsen"),
    ("SLUTUTVÄRDERING AV PROJEKT BRON (BÄTTRE REHABILITERING)\n\nFörfattare: Alva Påhittsson", "BRON"),
    # ... but a body receiving it is no name
    ("Beslut om medel till Motala kommun\n\nStyrelsen beslutar att bevilja medel.", None),
])
def test_title_from_a_headline_about_money_for_it(text, title):
    assert find_title([], text) == title


@pytest.mark.parametrize("text, title", [
    # a cover that shouts its kind and the name, the author after it
    ("UTVÄRDERING VIDGAD GEMENSKAP ARBETE ÅT ALLA Alva Påhittsson Närplan\n\nSammanfattning Projektet ...",
     "VIDGAD GEMENSKAP ARBETE ÅT ALLA"),
    # ... or the name first, its kind closing the line
    ("STEGET UT SLUTUTVÄRDERING\n\n1 Avsedd för Exempelmyndigheten Dokumenttyp Slutrapport", "STEGET UT"),
    # ... but not a body
    ("SLUTRAPPORT SAMORDNINGSFÖRBUNDET EXEMPELDALEN\n\nSammanfattning", None),
])
def test_title_from_a_shouted_cover(text, title):
    assert find_title([], text) == title


def _mail(subject_line: str) -> str:
    return (f"Från: Alva Påhittsson <alva@exempel.se>\nSkickat: den 3 april 2025 10:12\nTill: Bo Låtsasson\n"
            f"{subject_line}\n\nHej Bo!\n\nHär kommer rapporten. Allt går enligt plan.\n\nMed vänlig hälsning\nAlva\n")


@pytest.mark.parametrize("subject_line, title", [
    ("Ämne: Lägesrapport Torpsteget mars 2025", "Torpsteget"),
    ("Ämne: Lägesrapport kvartal 3 – Torpsteget", "Torpsteget"),
    ("Ämne: SV: Ansökan om medel till Torpsteget", "Torpsteget"),
    ("Subject: RE: Status report – Torp Roads", "Torp Roads"),
    ("Ämne: Månadsrapport Torpsteget april", "Torpsteget"),
    ("Subject: Monthly report Torpsteget, April 2025", "Torpsteget"),
    ("Ämne: Lägesrapport Q3", None),  # no name, only the period
    ("Ämne: Möte om Torpsteget", None),  # no kind of document: a meeting, not the insats's report
    ("Ärende: Lägesrapport Torpsteget", None),  # a case system's field, not a mail's subject
])
def test_a_mail_export_names_the_insats_in_its_subject(subject_line, title):
    text = _mail(subject_line)
    where = {}
    assert find_title([], text, where) == title
    if title:
        assert text[slice(*where["title"])] == title
