import json

from click.testing import CliRunner
from conftest import SHARED

from extractor.cli import cli
from extractor.train_ner import read_conll, to_docbin

NER_DATA = SHARED / "data" / "swedish-ner-corpus"


def test_read_conll_joins_equal_tags_into_one_entity(tmp_path):
    import spacy

    path = tmp_path / "c.txt"
    path.write_text("Anna\tPER\nExempelsson\tPER\nbor\t0\ni\t0\nMotala\tLOC\n\nHej   0\n", encoding="utf-8")
    sentences = read_conll(path)
    assert sentences == [(["Anna", "Exempelsson", "bor", "i", "Motala"], ["PER", "PER", "0", "0", "LOC"]),
                         (["Hej"], ["0"])]
    nlp = spacy.blank("sv")
    doc = next(to_docbin(sentences[:1], nlp).get_docs(nlp.vocab))
    assert [(e.text, e.label_) for e in doc.ents] == [("Anna Exempelsson", "PER"), ("Motala", "LOC")]


def test_train_ner_command_on_a_tiny_sample(tmp_path):
    result = CliRunner().invoke(cli, ["train", "ner", "--data", str(NER_DATA), "--out", str(tmp_path / "ner"),
                                      "--epochs", "1", "--limit", "80"])
    assert result.exit_code == 0, result.output
    meta = json.loads((tmp_path / "ner" / "meta.json").read_text())
    assert meta["training_data"] and meta["test"]["sentences"] == 20
    assert "test split:" in result.stderr
