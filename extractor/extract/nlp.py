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
    model_dir = Path(path) if path else NER_MODEL_DIR
    if not (model_dir / "meta.json").exists():
        raise ModelNotFound(f"{model_dir}: no NER model; run `extractor train ner`")
    nlp = _model_on_shared_tokenizer(model_dir)
    # the gazetteer first, so that the NER keeps known bodies whole; the ruler is built once per
    # process and shared with org_ruler()
    nlp.add_pipe(GAZETTEER_PIPE, source=org_ruler(), before="ner")
    return nlp


def _model_on_shared_tokenizer(model_dir: Path):
    """Return the trained components of model_dir on the tokenizer and vocabulary of blank_sv().

    spacy.load() would build a second Swedish tokenizer (a fifth of a second: its exceptions and
    affix patterns) beside the one the gazetteer and the method matcher already use; the model
    was trained on that same tokenizer, so its components are built from the saved config and
    read their weights from disk. The entities found are the same as spacy.load()'s (tested).
    """
    from .spacy_runtime import blank_sv, import_spacy

    spacy = import_spacy()
    shared = blank_sv()
    config = spacy.util.load_config(model_dir / "config.cfg")
    nlp = spacy.language.Language(vocab=shared.vocab)
    nlp.tokenizer = shared.tokenizer
    names = list(config["nlp"]["pipeline"])
    for name in names:
        settings = dict(config["components"][name])
        nlp.add_pipe(settings.pop("factory"), name=name, config=settings)
    for name in names:
        nlp.get_pipe(name).from_disk(model_dir / name, exclude=["vocab"])
    return nlp


def find_persons(text: str) -> list[tuple[int, int, str]]:
    """Return (start, end, name) for each person the NER finds in `text`.

    "Eva Ekblad, områdeschef" -> [(0, 10, "Eva Ekblad")]
    """
    nlp = load_nlp()
    return [(offset + e.start_char, offset + e.end_char, e.text)
            for offset, piece in pieces(text, NER_PIECE_CHARS) for e in nlp(piece).ents if e.label_ == "PER"]
