"""The numpy classifier at run time gives the trained scikit-learn pipeline's numbers."""
import json

import numpy as np
import pytest

from extractor import method_classifier
from extractor.errors import ModelNotFound
from extractor.methods import MODEL_DIR, features, load_lexicon
from extractor.train_methods import DEFAULT_CORPUS, _templates, expand, load


def _inputs() -> list[str]:
    rows = expand(_templates(DEFAULT_CORPUS), load_lexicon())
    odd = ["", "METODNAMN", "ÅÄÖ åäö METODNAMN-teamet METODNAMN-teamet METODNAMN-teamet",
           "okänt ord " * 50, "SEKTION_budget 12 000 kr 12 000 kr"]
    return [features(r["masked"], r["section"]) for r in rows] + [features(t, None) for t in odd]


def test_method_classifier_equals_the_scikit_learn_pipeline():
    texts = _inputs()
    expected = load(MODEL_DIR).predict_proba(texts)
    got = method_classifier.load(MODEL_DIR).predict_proba(texts)
    assert got.shape == expected.shape
    assert np.array_equal(got, expected)


def test_method_classifier_names_a_missing_model(tmp_path):
    with pytest.raises(ModelNotFound, match="classifier.json"):
        method_classifier.load(tmp_path)


def test_method_classifier_refuses_another_format(tmp_path):
    (tmp_path / "classifier.json").write_text(json.dumps({"format": 99}), encoding="utf-8")
    with pytest.raises(ModelNotFound, match="format 99"):
        method_classifier.load(tmp_path)
