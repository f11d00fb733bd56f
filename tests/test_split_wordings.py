"""Headings worded outside the lexicon's usual phrasings, and numbered in parts or letters (invented text)."""
import pytest

from extractor.heading_keys import guess_key, match_key, normalise
from extractor.record import Document
from extractor.split import split


def _doc(text: str) -> Document:
    return Document(path="t.txt", format="txt", sha256="0" * 64, text=text, hints=[])


@pytest.mark.parametrize("heading, key", [
    ("Who benefits?", "target_group"), ("Who is it for?", "target_group"), ("What will change?", "goals"),
    ("What difference will it make?", "goals"), ("What is the project called?", "title"),
    ("Who runs the project?", "owner"), ("What will we do?", "methods"), ("How will it work?", "methods"),
    ("How will we know it worked?", "follow_up"),
    # "åstadkomma" asks what is to be achieved, as "uppnå" does: goals, not the purpose
    ("Vad vill vi åstadkomma?", "goals"), ("Det här vill vi åstadkomma", "goals"),
    ("Vem gynnas av insatsen?", "target_group"), ("Vilka vi finns till för", "target_group"),
    ("Vilka som ska nås", "target_group"), ("Vad gör vi konkret?", "methods"), ("Hur ser ekonomin ut?", "budget"),
    ("Vad tar vi med oss?", "dissemination"), ("Utgångspunkter", "background"), ("Pengar och resurser", "budget"),
    ("Vad kostar det?", "budget"), ("Where we start from", "background"), ("How we will work", "methods"),
    ("Money", "budget"),
])
def test_guess_key_reads_more_wordings(heading, key):
    assert guess_key(heading) == key


@pytest.mark.parametrize("heading, norm", [
    ("Del 2: Syfte", "syfte"), ("Avsnitt 4 – Budget", "budget"), ("B. Bakgrund", "bakgrund"), ("C) Målgrupp", "målgrupp"),
    ("Del av kostnaden", "del av kostnaden"),  # no number: a phrase, not a part
    ("a. bakgrund", "a. bakgrund"),  # only a capital letters a heading
])
def test_normalise_drops_parts_and_letters(heading, norm):
    assert normalise(heading) == norm


def test_headings_numbered_in_parts_and_letters_are_known():
    text = ("Ansökan Påhittet\nDel 1: Bakgrund\nMånga i Exempelby saknar arbete.\nDel 2: Syfte\nAtt fler får arbete.\n"
            "Del 3: Tidsplan\nHela 2027.\n")
    assert [(s.key, s.text) for s in split(_doc(text))] == [
        ("background", "Många i Exempelby saknar arbete."), ("purpose", "Att fler får arbete."), ("period", "Hela 2027.")]
    lettered = "Rapport\nA. Insatsens namn\nPåhittet\nB. Bakgrund\nMånga saknar arbete.\nC. Ekonomi\nInom budget.\n"
    assert [s.key for s in split(_doc(lettered))] == ["title", "background", "budget"]
    assert match_key("D. Arbetssätt")[0] == "methods"


def test_english_question_headings_split_a_form():
    text = ("Application\n\nWho benefits?\nAdults in Sampleton.\n\nWhat will change?\nMore adults at work.\n\n"
            "What will we do?\nWeekly coaching.\n")
    assert [(s.key, s.text) for s in split(_doc(text))] == [
        ("target_group", "Adults in Sampleton."), ("goals", "More adults at work."), ("methods", "Weekly coaching.")]


def test_an_unmarked_question_asking_nothing_known_is_read_by_its_stems():
    text = ("Application\n\nWho is the target group?\nAdults in Sampleton.\n\nWhat is the problem?\nFew employers.\n\n"
            "What are the goals?\nMore adults at work.\n")
    assert [s.key for s in split(_doc(text))] == ["target_group", "background", "goals"]


def test_lettered_lines_of_unknown_wording_head_where_the_lettering_runs_on():
    text = ("Rapport\nA. Bakgrund\nMånga saknar arbete.\nB. Vårt sätt att arbeta\nCoacher och praktik.\n"
            "C. Målgrupp\nUnga vuxna.\nD. Ekonomi\nInom budget.\n")
    assert [(s.key, s.heading) for s in split(_doc(text))] == [
        ("background", "A. Bakgrund"), ("other", "B. Vårt sätt att arbeta"), ("target_group", "C. Målgrupp"),
        ("budget", "D. Ekonomi")]
    # a lettered line out of turn, or a name's initial, heads nothing
    stray = "Bakgrund\nMånga saknar arbete.\nA. Berg tar emot ansökan.\nMålgrupp\nUnga vuxna.\n"
    assert [s.key for s in split(_doc(stray))] == ["background", "target_group"]


def test_a_lone_question_heads_where_the_known_headings_stand_alone_as_it_does():
    text = ("Lägesrapport\n\nNamn: Påhittet\n\nVad vill vi åstadkomma?\nFler i arbete.\n\nArbetet i praktiken\n"
            "Coacher varje vecka.\n\nEkonomiskt behov\nHundratusen kronor.\n")
    assert [(s.key, s.text) for s in split(_doc(text))] == [
        ("title", "Påhittet"), ("goals", "Fler i arbete."), ("methods", "Coacher varje vecka."),
        ("budget", "Hundratusen kronor.")]
    # ... but not in prose, where no known heading stands alone
    prose = "Bakgrund: Många saknar arbete.\n\nVad vill vi åstadkomma?\nFler i arbete, förstås.\n"
    assert [s.key for s in split(_doc(prose))] == ["background"]


@pytest.mark.parametrize("heading, key", [("Undertecknare", "signing_log"), ("Kontaktpersoner", "other")])
def test_signers_and_contacts_headings(heading, key):
    assert match_key(heading)[0] == key
