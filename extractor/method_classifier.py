"""The method classifier at run time: tf-idf and logistic regression in numpy, from classifier.json.

`extractor train methods` fits scikit-learn's TfidfVectorizer + LogisticRegression and writes their
fitted numbers (vocabulary, idf, coefficients, intercept) to models/methods/classifier.json. Reading
them here spares every run the import of scikit-learn and scipy (about 1.5 s of a one-file job).
Each step repeats scikit-learn's arithmetic in its order (counts, 1 + log tf, times idf, l2 norm
summed row by row, dot product in column order, expit), so the probabilities are the same numbers;
tests/test_method_classifier.py checks them against the pickled pipeline.
"""
from __future__ import annotations

import json
import math
import re
from pathlib import Path

import numpy as np

from .errors import ModelNotFound

MODEL_FILE = "classifier.json"
FORMAT = 1


class MethodClassifier:
    """P(used) for classifier inputs (methods.features()), as the trained pipeline gives it."""

    def __init__(self, params: dict):
        self.token_re = re.compile(params["token_pattern"])
        self.min_n, self.max_n = params["ngram_range"]
        self.lowercase = params["lowercase"]
        self.sublinear_tf = params["sublinear_tf"]
        self.vocabulary = {term: i for i, term in enumerate(params["vocabulary"])}
        self.idf = np.asarray(params["idf"], dtype=np.float64)
        self.coef = [float(c) for c in params["coef"]]
        self.intercept = float(params["intercept"])

    def _terms(self, text: str) -> list[str]:
        """Return the text's n-grams as TfidfVectorizer's analyzer builds them."""
        tokens = self.token_re.findall(text.lower() if self.lowercase else text)
        terms = list(tokens) if self.min_n == 1 else []
        for n in range(max(self.min_n, 2), min(self.max_n + 1, len(tokens) + 1)):
            terms += [" ".join(tokens[i:i + n]) for i in range(len(tokens) - n + 1)]
        return terms

    def _rows(self, texts: list[str]) -> tuple[list[list[int]], np.ndarray]:
        """Return each text's vocabulary columns (sorted) and all their counts, row after row."""
        columns, counts = [], []
        for text in texts:
            counter: dict[int, int] = {}
            for term in self._terms(text):
                j = self.vocabulary.get(term)
                if j is not None:
                    counter[j] = counter.get(j, 0) + 1
            row = sorted(counter)
            columns.append(row)
            counts += [counter[j] for j in row]
        return columns, np.asarray(counts, dtype=np.float64)

    def decision(self, texts: list[str]) -> list[float]:
        """Return the logistic regression's decision value for each text."""
        columns, data = self._rows(texts)
        if self.sublinear_tf and len(data):
            np.log(data, data)
            data += 1.0
        if len(data):
            data *= self.idf[np.fromiter((j for row in columns for j in row), dtype=np.int64, count=len(data))]
        values, out, at = data.tolist(), [], 0
        for row in columns:
            weights = values[at:at + len(row)]
            at += len(row)
            norm = 0.0
            for w in weights:
                norm += w * w
            if norm != 0.0:
                norm = math.sqrt(norm)
                weights = [w / norm for w in weights]
            score = 0.0
            for j, w in zip(row, weights):
                score += w * self.coef[j]
            out.append(score + self.intercept)
        return out

    def predict_proba(self, texts: list[str]) -> np.ndarray:
        """Return [[P(not used), P(used)], ...] like scikit-learn's predict_proba."""
        used = np.array([_expit(d) for d in self.decision(texts)], dtype=np.float64).reshape(-1)
        return np.column_stack((1 - used, used))


def _expit(x: float) -> float:
    # scipy.special.expit's formula, with the same C library exp
    if x < -700.0:  # exp overflows; expit is 0 to double precision
        return 0.0
    return 1.0 / (1.0 + math.exp(-x))


def load(model_dir: Path) -> MethodClassifier:
    """Return the classifier stored in model_dir.

    Raises:
        ModelNotFound: no classifier.json there, or one of another format.
    """
    path = model_dir / MODEL_FILE
    if not path.exists():
        raise ModelNotFound(f"{model_dir}: no {MODEL_FILE}; run `extractor train methods`")
    params = json.loads(path.read_text(encoding="utf-8"))
    if params.get("format") != FORMAT or params.get("classes") != [False, True]:
        raise ModelNotFound(f"{path}: format {params.get('format')}, this extractor reads {FORMAT}; "
                            "run `extractor train methods`")
    return MethodClassifier(params)
