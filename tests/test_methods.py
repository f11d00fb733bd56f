import pytest
from click.testing import CliRunner

from extractor.cli import cli
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
])
def test_methods_used_are_labelled(text, labels):
    assert _labels(text) == labels


@pytest.mark.parametrize("text, key", [
    # a referring unit named after a method
    ("Deltagare kan remitteras av IPS-teamet inom psykiatrin.", "methods"),
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


def test_mentions_keep_the_sentence_as_evidence():
    text = "Inledning. Teamet har arbetat med motiverande samtal (MI) i alla möten."
    mentions = find_mentions(text)
    assert {m.label for m in mentions} == {"MI"}
    assert all(text[m.start:m.end].strip() == m.sentence for m in mentions)


def test_train_methods_command_writes_model_and_meta(tmp_path):
    result = CliRunner().invoke(cli, ["train", "methods", "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "model.pkl").exists()
    import json

    meta = json.loads((tmp_path / "meta.json").read_text())
    assert set(meta["cross_validation"]) >= {"MI", "SE", "SMAIL", "AWP"}
