"""The Swedish spaCy pipeline: blank "sv" tokenizer, the organisation gazetteer, our trained NER, lookup lemmas."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from ..errors import ModelNotFound
from .gazetteer import add_ruler

NER_MODEL_DIR = Path(__file__).resolve().parent.parent.parent / "models" / "ner-sv"


@lru_cache(maxsize=1)
def load_nlp(path: str | None = None):
    """Return the pipeline (tokenizer, NER, lookup lemmatizer), loaded once per process.

    Raises:
        ModelNotFound: models/ner-sv is missing; rebuild it with `extractor train ner`.
    """
    import spacy

    model_dir = Path(path) if path else NER_MODEL_DIR
    if not (model_dir / "meta.json").exists():
        raise ModelNotFound(f"{model_dir}: no NER model; run `extractor train ner`")
    nlp = spacy.load(model_dir)
    add_ruler(nlp, before="ner")  # the gazetteer first: the NER keeps known bodies whole
    nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    nlp.get_pipe("lemmatizer").initialize()  # tables from spacy-lookups-data, installed locally
    return nlp


def find_persons(text: str) -> list[tuple[int, int, str]]:
    """Return (start, end, name) for each person the NER finds in `text`."""
    return [(e.start_char, e.end_char, e.text) for e in load_nlp()(text).ents if e.label_ == "PER"]
