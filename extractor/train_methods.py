"""Train the method classifier (models/methods/) from the invented corpus in corpus/methods/."""
from __future__ import annotations

import hashlib
import json
import pickle
import platform
from pathlib import Path

from .errors import ModelNotFound

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = ROOT / "corpus" / "methods" / "templates.jsonl"
DEFAULT_MODEL_DIR = ROOT / "models" / "methods"
SEED = 13


def expand(templates: list[dict], lexicon: dict[str, dict]) -> list[dict]:
    """Return one example per template and method name: {"text", "label", "used", "section"}."""
    from .methods import MASK

    rows = []
    for t in templates:
        for label, entry in lexicon.items():
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


def _templates(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def cross_validate(templates: list[dict], lexicon: dict, folds: int = 5) -> dict:
    """Return per-label precision/recall/F1 with templates split into folds (no template in both)."""
    from .methods import features

    scores = {label: {"tp": 0, "fp": 0, "fn": 0} for label in lexicon}
    for k in range(folds):
        train = [t for i, t in enumerate(templates) if i % folds != k]
        test = [t for i, t in enumerate(templates) if i % folds == k]
        model = _pipeline()
        rows = expand(train, lexicon)
        model.fit([features(r["masked"], r["section"]) for r in rows], [r["used"] for r in rows])
        for r in expand(test, lexicon):
            pred = bool(model.predict([features(r["masked"], r["section"])])[0])
            s = scores[r["label"]]
            s["tp"] += pred and r["used"]
            s["fp"] += pred and not r["used"]
            s["fn"] += (not pred) and r["used"]
    out = {}
    for label, s in scores.items():
        p = s["tp"] / (s["tp"] + s["fp"]) if s["tp"] + s["fp"] else 1.0
        r = s["tp"] / (s["tp"] + s["fn"]) if s["tp"] + s["fn"] else 1.0
        out[label] = {"precision": round(p, 3), "recall": round(r, 3),
                      "f1": round(2 * p * r / (p + r), 3) if p + r else 0.0}
    return out


def train(corpus: Path = DEFAULT_CORPUS, out_dir: Path = DEFAULT_MODEL_DIR) -> dict:
    """Train on the corpus, write model.pkl and meta.json to out_dir, and return the meta."""
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
    meta = {
        "name": "methods", "extractor_version": __version__, "scikit_learn": sklearn.__version__,
        "python": platform.python_version(),
        "training_data": {corpus.name: hashlib.sha256(corpus.read_bytes()).hexdigest(),
                          LEXICON_PATH.name: hashlib.sha256(LEXICON_PATH.read_bytes()).hexdigest()},
        "templates": len(templates), "examples": len(rows),
        "cross_validation": cross_validate(templates, lexicon),
    }
    (out_dir / "meta.json").write_text(json.dumps(meta, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return meta


def load(path: str | Path | None = None):
    """Return the trained classifier.

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
