"""Train the method classifier (models/methods/) from the invented corpus in corpus/methods/."""
from __future__ import annotations

import hashlib
import json
import pickle
import platform
from pathlib import Path

from .errors import ModelNotFound
from .method_classifier import FORMAT, MODEL_FILE

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = ROOT / "corpus" / "methods" / "templates.jsonl"
DEFAULT_MODEL_DIR = ROOT / "models" / "methods"
SEED = 13


def expand(templates: list[dict], lexicon: dict[str, dict]) -> list[dict]:
    """Return one example per template and method name: {"text", "label", "used", "section"}.

    A template with "labels" is expanded with those methods only ("skattas med {M}": SMAIL).
    """
    from .methods import MASK

    rows = []
    for t in templates:
        for label, entry in lexicon.items():
            if label not in t.get("labels", lexicon):
                continue
            for name in entry["names"]:
                rows.append({"masked": t["text"].replace("{M}", MASK), "text": t["text"].replace("{M}", name),
                             "label": label, "used": bool(t["used"]), "section": t.get("section")})
    return rows


def _pipeline():
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline

    return make_pipeline(
        TfidfVectorizer(ngram_range=(1, 2), min_df=1, sublinear_tf=True, token_pattern=r"(?u)\b\w[\w-]*\b"),
        LogisticRegression(C=4.0, max_iter=2000, class_weight="balanced", random_state=SEED),
    )


def export(model) -> dict:
    """Return the fitted pipeline's numbers for method_classifier.py, which needs no scikit-learn."""
    vectorizer, regression = model[0], model[-1]
    if (vectorizer.analyzer != "word" or vectorizer.norm != "l2" or not vectorizer.use_idf
            or vectorizer.stop_words is not None or vectorizer.strip_accents is not None
            or vectorizer.preprocessor is not None or vectorizer.tokenizer is not None or len(regression.classes_) != 2):
        raise ValueError("method_classifier.py repeats only a word tf-idf (l2, idf) and a binary regression")
    vocabulary = sorted(vectorizer.vocabulary_, key=vectorizer.vocabulary_.get)
    return {"format": FORMAT, "token_pattern": vectorizer.token_pattern, "ngram_range": list(vectorizer.ngram_range),
            "lowercase": vectorizer.lowercase, "sublinear_tf": vectorizer.sublinear_tf,
            "vocabulary": vocabulary, "idf": vectorizer.idf_.tolist(), "coef": regression.coef_[0].tolist(),
            "intercept": float(regression.intercept_[0]), "classes": [bool(c) for c in regression.classes_]}


def _templates(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def cross_validate(templates: list[dict], lexicon: dict, folds: int = 5) -> dict:
    """Return per-label precision/recall/F1 with templates split into folds (no template in both).

    "classifier" scores the classifier alone, "with_rules" the decision the extractor makes:
    the rule layer's verdict where one applies, else the classifier's.
    """
    from .method_rules import verdict
    from .methods import THRESHOLD, features

    counts = {kind: {label: [0, 0, 0] for label in lexicon} for kind in ("classifier", "with_rules")}
    for k in range(folds):
        train = [t for i, t in enumerate(templates) if i % folds != k]
        rows = expand(train, lexicon)
        model = _pipeline().fit([features(r["masked"], r["section"]) for r in rows], [r["used"] for r in rows])
        test = expand([t for i, t in enumerate(templates) if i % folds == k], lexicon)
        probs = model.predict_proba([features(r["masked"], r["section"]) for r in test])[:, 1]
        for r, p in zip(test, probs):
            ruled = verdict(r["masked"], r["section"])[0]
            for kind, pred in (("classifier", bool(p >= THRESHOLD)),
                               ("with_rules", bool(p >= THRESHOLD) if ruled is None else ruled)):
                c = counts[kind][r["label"]]
                c[0] += pred and r["used"]
                c[1] += pred and not r["used"]
                c[2] += (not pred) and r["used"]
    return {kind: {label: _prf(*c) for label, c in by_label.items()} for kind, by_label in counts.items()}


def _prf(tp: int, fp: int, fn: int) -> dict:
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return {"precision": round(p, 3), "recall": round(r, 3), "f1": round(2 * p * r / (p + r), 3) if p + r else 0.0,
            "support": tp + fn}


def train(corpus: Path = DEFAULT_CORPUS, out_dir: Path = DEFAULT_MODEL_DIR) -> dict:
    """Train on the corpus, write model.pkl, classifier.json and meta.json to out_dir, and return the meta."""
    import sklearn

    from . import __version__
    from .methods import LEXICON_PATH, features, load_lexicon

    lexicon = load_lexicon()
    templates = _templates(corpus)
    rows = expand(templates, lexicon)
    model = _pipeline()
    model.fit([features(r["masked"], r["section"]) for r in rows], [r["used"] for r in rows])
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / "model.pkl").write_bytes(pickle.dumps(model))
    (out_dir / MODEL_FILE).write_text(json.dumps(export(model), ensure_ascii=False) + "\n", encoding="utf-8")
    meta = {
        "name": "methods", "extractor_version": __version__, "scikit_learn": sklearn.__version__,
        "python": platform.python_version(),
        "training_data": {corpus.name: hashlib.sha256(corpus.read_bytes()).hexdigest(),
                          LEXICON_PATH.name: hashlib.sha256(LEXICON_PATH.read_bytes()).hexdigest()},
        "templates": len(templates), "examples": len(rows),
    }
    scores = cross_validate(templates, lexicon)
    meta["cross_validation"] = scores["with_rules"]  # what the extractor decides: rules, else classifier
    meta["cross_validation_classifier_only"] = scores["classifier"]
    (out_dir / "meta.json").write_text(json.dumps(meta, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return meta


def load(path: str | Path | None = None):
    """Return the trained scikit-learn pipeline (tests compare the runtime classifier with it).

    Raises:
        ModelNotFound: no model at path, or one trained with another scikit-learn.
    """
    import sklearn

    model_dir = Path(path) if path else DEFAULT_MODEL_DIR
    meta_path, model_path = model_dir / "meta.json", model_dir / "model.pkl"
    if not model_path.exists() or not meta_path.exists():
        raise ModelNotFound(f"{model_dir}: no method model; run `extractor train methods`")
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    if meta.get("scikit_learn", "").split(".")[:2] != sklearn.__version__.split(".")[:2]:
        raise ModelNotFound(
            f"{model_dir}: trained with scikit-learn {meta.get('scikit_learn')}, this is {sklearn.__version__}; "
            "run `extractor train methods`")
    return pickle.loads(model_path.read_bytes())
