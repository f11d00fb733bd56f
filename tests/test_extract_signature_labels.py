"""Signers after a label or under a line to sign on (invented texts)."""
import pytest

from extractor.extract.people import find_contacts
from extractor.extract.signature_labels import find_labelled_signers


@pytest.mark.parametrize("text, minutes, names", [
    # two signers run together on the label's line
    ("Justeras: Anna Exempel Per Påhittad", False, ["Anna Exempel", "Per Påhittad"]),
    ("Justerat: Eva Låtsas Jonas Påhittsson", False, ["Eva Låtsas", "Jonas Påhittsson"]),
    ("Vid protokollet: Karin Exempelsson", False, ["Karin Exempelsson"]),
    ("Utdragsbestyrkande: Maria Påhitt", False, ["Maria Påhitt"]),
    # three words are one person; an odd longer run cannot be split
    ("Justerare: Anna Berg Exempel", False, ["Anna Berg Exempel"]),
    ("Justerare: Anna Berg Exempel Per Lund", False, []),
    # the chair and the secretary sign under their office in minutes only
    ("Ordförande: Mats Påhittad", True, ["Mats Påhittad"]),
    ("Ordförande: Mats Påhittad", False, []),
    # a label followed by words in lower case names no one
    ("Justerare: utses vid mötet", False, []),
    # offices over names in columns, names under lines to sign on
    ("Ordförande\tJusterare\nErik Exempel\tSara Påhittad", False, ["Erik Exempel", "Sara Påhittad"]),
    ("____________\t____________\nKarin Låtsas\tMats Exempel\nSocialchef\tSektionschef", False,
     ["Karin Låtsas", "Mats Exempel"]),
    ("Budget\tUtfall\nAnna Exempel\tPer Påhittad", False, []),
])
def test_labelled_signers(text, minutes, names):
    assert [n for n, _ in find_labelled_signers(text, minutes)] == names


def test_labelled_signers_are_signatories_with_offsets():
    text = "§ 3 Val av justerare\n\nVid protokollet: Karin Exempelsson\n\nJusteras: Anna Exempel Per Påhittad\n"
    people = find_contacts(text, [], minutes=True)
    assert [(p.name, p.role) for p in people] == [
        ("Karin Exempelsson", "signatory"), ("Anna Exempel", "signatory"), ("Per Påhittad", "signatory")]
    assert all(text[p.start:p.end] == p.name for p in people)


@pytest.mark.parametrize("text, names", [
    ("Underskrift: ____________\nNamnförtydligande: Annika Exempel\n", ["Annika Exempel"]),
    ("Namnförtydligande\nJan Påhittad\n", ["Jan Påhittad"]),
    ("Namnförtydligande: Karl Exempel\tNamnförtydligande: Ulla Påhitt\n", ["Karl Exempel", "Ulla Påhitt"]),
    # an empty field names no one
    ("Namnförtydligande:\nOrt och datum:\n", []),
])
def test_clarification_names_the_signer(text, names):
    assert [n for n, _ in find_labelled_signers(text)] == names
    assert [(p.name, p.role) for p in find_contacts(text, [])] == [(n, "signatory") for n in names]


@pytest.mark.parametrize("text, names", [
    # a report signed at its end: the place and the date, the name alone under them
    ("Resultatet redovisas ovan.\n\nExempelby den 20 januari 2031\nLars Påhittad\nOrdförande i styrgruppen\n",
     ["Lars Påhittad"]),
    ("Exempelby 2031-03-14\n\nEva Låtsasson\n", ["Eva Låtsasson"]),
    # a date line followed by prose is no signature
    ("Exempelby 2031-03-14\nInsatsen startade i januari.\n", []),
])
def test_a_signer_under_the_place_and_date(text, names):
    assert [n for n, _ in find_labelled_signers(text)] == names
