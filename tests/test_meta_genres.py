"""Title and period in a förbund's own genres: board minutes, decisions, reports (invented texts)."""
import pytest

from extractor.extract.meta import find_title
from extractor.extract.period import find_period
from extractor.record import Section

MINUTES = ("Samordningsförbundet Exempeldal\nPROTOKOLL\nStyrelsesammanträde 2031-02-03\n\n"
           "§ 4 Val av justerare\nStyrelsen utser Eva Exempel att justera protokollet.\n\n"
           "§ 5 Ansökan om medel till insatsen Lotsen\n"
           "Exempelby kommun ansöker om 300 000 kronor för perioden 2031-04-01 – 2032-03-31.\n"
           "Beslut: Styrelsen beslutar att bevilja ansökan.\n\n"
           "§ 6 Lägesrapport\nFörbundschefen redovisar läget för insatsen Trappan.\n")


def test_board_minutes_about_several_insatser_have_no_title_and_no_period():
    assert find_title([], MINUTES) is None
    assert find_period([], MINUTES, doc_type="decision") == {"start": None, "end": None, "intake_end": None}


def test_minutes_about_one_insats_keep_its_title():
    text = MINUTES.split("§ 6")[0]
    assert find_title([], text) == "Lotsen"


@pytest.mark.parametrize("head, name", [
    ("Beslut om bidrag till Vägen ut\n", "Vägen ut"),
    ("Ärende: Ansökan om medel till förstudien Gröna spåret\n", "Gröna spåret"),
    # ... after "förstudien" a name may open with a common word
    ("Ärende: Ansökan om medel till förstudien Ny väg\n", "Ny väg"),
    # ... a word that goes on to say more is no part of the name
    ("Ansökan om medel till Lotsen för 2031\n", "Lotsen"),
])
def test_title_after_the_kind_keeps_its_lower_case_words(head, name):
    assert find_title([], "Samordningsförbundet Exempeldal\n" + head + "\nStyrelsen beviljar medel.\n") == name


@pytest.mark.parametrize("sentence, start, end", [
    # a length from its first day gives the start only
    ("Insatsen pågår tre år från 1 september 2030.", "2030-09-01", None),
    ("Insatsen pågår i två år med start den 1 mars 2031.", "2031-03-01", None),
    # a report's past tense, the name as subject
    ("Lotsen bedrevs under perioden 2029-01-01 – 2030-12-31 med medel från förbundet.", "2029-01-01", "2030-12-31"),
    # a form's sum applied for, for a period
    ("Sökt belopp 500 000 kronor för perioden 2031-10-01 – 2032-09-30.", "2031-10-01", "2032-09-30"),
    # a grant's own time, a day-month range that shares its year
    ("Beslutet gäller för perioden 1 januari–31 december 2032.", "2032-01-01", "2032-12-31"),
])
def test_period_in_decision_and_report_prose(sentence, start, end):
    period = find_period([], "Beslut\n\n" + sentence + "\n", doc_type="decision")
    assert (period["start"], period["end"]) == (start, end)


def test_news_of_the_annual_report_is_the_forbunds_whatever_insats_it_names():
    text = ("Årsredovisningen godkänd\n\nVid styrelsemötet fastställdes årsredovisningen för 2030.\n"
            "Det blev ett år med många deltagare i förbundets insatser.\n\n"
            "Under året har arbetet med att implementera insatsen Trappan varit i fokus, och insatsen Trappan "
            "har haft 40 deltagare.\n")
    assert find_title([], text) is None


def test_a_progress_reports_period_field_is_the_time_it_covers():
    text = ("Lägesrapport 1 – Lotsen\nPeriod: 2031-01-01 – 2031-06-30\n\n"
            "Insatsen Lotsen pågår 2030-09-01 till och med 2032-08-31.\n")
    sections = [Section(key="period", heading="Period:", text="2031-01-01 – 2031-06-30", page=1,
                        char_start=30, char_end=53)]
    period = find_period(sections, text, doc_type="progress_report")
    assert (period["start"], period["end"]) == ("2030-09-01", "2032-08-31")
    # ... an application's "Period:" field is the insats's own
    assert find_period(sections, text, doc_type="application")["start"] == "2031-01-01"
