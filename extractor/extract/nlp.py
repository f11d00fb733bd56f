"""The Swedish spaCy pipeline: blank "sv" tokenizer, the organisation gazetteer, our trained NER."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from ..errors import ModelNotFound
from .gazetteer import GAZETTEER_PIPE, org_ruler
from .text import pieces

NER_MODEL_DIR = Path(__file__).resolve().parent.parent.parent / "models" / "ner-sv"
# Text goes to the NER in pieces of at most this many characters, cut at line breaks: spaCy refuses
# more than its max_length (1 000 000) and needs about 1 GB per 100 000 characters at once.
NER_PIECE_CHARS = 100_000


@lru_cache(maxsize=1)
def load_nlp(path: str | None = None):
    """Return the pipeline (tokenizer, gazetteer, NER), loaded once per process.

    No lemmatizer: nothing reads lemmas, and its lookup tables take seconds to load.

    Raises:
        ModelNotFound: models/ner-sv is missing; rebuild it with `extractor train ner`.
    """
    from .spacy_runtime import import_spacy

    spacy = import_spacy()
    model_dir = Path(path) if path else NER_MODEL_DIR
    if not (model_dir / "meta.json").exists():
        raise ModelNotFound(f"{model_dir}: no NER model; run `extractor train ner`")
    nlp = spacy.load(model_dir)
    # the gazetteer first, so that the NER keeps known bodies whole; the ruler is built once per
    # process and shared with org_ruler()
    nlp.add_pipe(GAZETTEER_PIPE, source=org_ruler(), before="ner")
    return nlp


def find_persons(text: str) -> list[tuple[int, int, str]]:
    """Return (start, end, name) for each person the NER finds in `text`.

    "Eva Ekblad, områdeschef" -> [(0, 10, "Eva Ekblad")]
    """
    nlp = load_nlp()
    return [(offset + e.start_char, offset + e.end_char, e.text)
            for offset, piece in pieces(text, NER_PIECE_CHARS) for e in nlp(piece).ents if e.label_ == "PER"]
