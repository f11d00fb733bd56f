"""Facts of report-type documents written after funding: lägesrapporter, slutrapporter, uppföljningar
to the board, SUS summaries and minutes (invented text)."""
import pytest

from extractor.extract.period import find_period


@pytest.mark.parametrize("text, start, end", [
    # who ran it stands between the verb and the period
    ("Påhittet var en samverkansinsats som bedrevs av Exempelby kommun i samverkan med Arbetsförmedlingen "
     "under perioden 1 februari 2031 till 31 januari 2034.", "2031-02-01", "2034-01-31"),
    # a start since a date after who runs it, and the end of its continued funding
    ("Insatsen Påhittet drivs av Exempelby kommun tillsammans med Heby kommun sedan 2030-01-10 och beviljades "
     "fortsatt finansiering till och med 2032-12-31.", "2030-01-10", "2032-12-31"),
    # a SUS summary's fields
    ("Insatsens start: 2030-04-01   Planerat slut: 2033-03-31\nRapporten avser: 2031-01-01–2031-12-31",
     "2030-04-01", "2033-03-31"),
])
def test_a_reports_account_of_the_insats_period(text, start, end):
    period = find_period([], text, doc_type="progress_report")
    assert (period["start"], period["end"]) == (start, end)
