"""Train the Swedish NER (models/ner-sv/) on the public Swedish NER corpus under ../shared/data/.

The corpus (Webbnyheter 2012, CC BY 4.0) tags one token a line with PER/ORG/LOC/MISC or 0 and has
no B-/I- distinction, so a run of equal tags is read as one entity.
"""
from __future__ import annotations

import hashlib
import json
import shutil
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = ROOT.parent / "shared" / "data" / "swedish-ner-corpus"
DEFAULT_OUT = ROOT / "models" / "ner-sv"
SEED = 7
# Small and CPU-fast: hash embeddings + a CNN, spaCy's "efficiency" NER.
CONFIG = """
[paths]
train = null
dev = null

[system]
seed = {seed}
gpu_allocator = null

[nlp]
lang = "sv"
pipeline = ["tok2vec","ner"]
batch_size = 1000

[components]

[components.tok2vec]
factory = "tok2vec"

[components.tok2vec.model]
@architectures = "spacy.Tok2Vec.v2"

[components.tok2vec.model.embed]
@architectures = "spacy.MultiHashEmbed.v2"
width = 96
attrs = ["NORM","PREFIX","SUFFIX","SHAPE"]
rows = [5000,1000,2500,2500]
include_static_vectors = false

[components.tok2vec.model.encode]
@architectures = "spacy.MaxoutWindowEncoder.v2"
width = 96
depth = 4
window_size = 1
maxout_pieces = 3

[components.ner]
factory = "ner"

[components.ner.model]
@architectures = "spacy.TransitionBasedParser.v2"
state_type = "ner"
extra_state_tokens = false
hidden_width = 64
maxout_pieces = 2
use_upper = true

[components.ner.model.tok2vec]
@architectures = "spacy.Tok2VecListener.v1"
width = 96
upstream = "*"

[corpora]

[corpora.train]
@readers = "spacy.Corpus.v1"
path = ${{paths.train}}

[corpora.dev]
@readers = "spacy.Corpus.v1"
path = ${{paths.dev}}

[training]
seed = {seed}
dropout = 0.1
patience = 1600
max_epochs = {epochs}
max_steps = 0
eval_frequency = 400
train_corpus = "corpora.train"
dev_corpus = "corpora.dev"

[training.batcher]
@batchers = "spacy.batch_by_words.v1"
discard_oversize = false
tolerance = 0.2

[training.batcher.size]
@schedules = "compounding.v1"
start = 100
stop = 1000
compound = 1.001

[training.optimizer]
@optimizers = "Adam.v1"

[training.score_weights]
ents_f = 1.0

[initialize]
"""


def read_conll(path: Path, limit: int | None = None) -> list[tuple[list[str], list[str]]]:
    """Return (tokens, tags) per sentence from the tab-separated token/tag file."""
    sentences, tokens, tags = [], [], []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            if tokens:
                sentences.append((tokens, tags))
                tokens, tags = [], []
                if limit and len(sentences) >= limit:
                    break
            continue
        parts = line.rsplit(None, 1)  # the train split uses a tab, the test split spaces
        if len(parts) != 2:
            continue
        tokens.append(parts[0].replace("\u00ad", "") or "-")
        tags.append(parts[1].strip())
    if tokens:
        sentences.append((tokens, tags))
    return sentences


def to_docbin(sentences, nlp):
    """Return a DocBin with one Doc per sentence; equal neighbouring tags form one entity."""
    from spacy.tokens import Doc, DocBin, Span

    db = DocBin()
    for tokens, tags in sentences:
        doc = Doc(nlp.vocab, words=tokens)
        ents, i = [], 0
        while i < len(tags):
            if tags[i] in {"PER", "ORG", "LOC", "MISC"}:
                j = i
                while j + 1 < len(tags) and tags[j + 1] == tags[i]:
                    j += 1
                ents.append(Span(doc, i, j + 1, label=tags[i]))
                i = j + 1
            else:
                i += 1
        doc.ents = ents
        db.add(doc)
    return db


def _r(value: float | None) -> float:
    return round(value or 0.0, 3)


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def train(data: Path = DEFAULT_DATA, out: Path = DEFAULT_OUT, epochs: int = 12, limit: int | None = None) -> dict:
    """Train, evaluate on the corpus's test split, write the model and meta.json; return the meta."""
    import spacy
    from spacy.cli.train import train as spacy_train
    from spacy.training import Example

    train_file, test_file = data / "train_corpus.txt", data / "test_corpus.txt"
    nlp = spacy.blank("sv")
    train_sents = read_conll(train_file, limit)
    test_sents = read_conll(test_file, limit and max(limit // 4, 20))
    # the last tenth of the training split chooses the best model; the test split only scores it
    cut = len(train_sents) * 9 // 10
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        to_docbin(train_sents[:cut], nlp).to_disk(tmp / "train.spacy")
        to_docbin(train_sents[cut:], nlp).to_disk(tmp / "dev.spacy")
        config = spacy.util.load_config_from_str(CONFIG.format(seed=SEED, epochs=epochs), interpolate=False)
        filled = spacy.util.load_model_from_config(config, auto_fill=True, validate=False).config
        filled.to_disk(tmp / "config.cfg")  # spaCy's defaults for every setting not given above
        spacy_train(tmp / "config.cfg", tmp / "out",
                    overrides={"paths.train": str(tmp / "train.spacy"), "paths.dev": str(tmp / "dev.spacy")})
        if out.exists():
            shutil.rmtree(out)
        shutil.copytree(tmp / "out" / "model-best", out)
    model = spacy.load(out)
    scores = model.evaluate([Example(model(doc.text), doc) for doc in to_docbin(test_sents, nlp).get_docs(model.vocab)])
    meta = {
        "name": "ner-sv", "spacy": spacy.__version__, "epochs": epochs, "seed": SEED,
        "training_data": {"swedish-ner-corpus/train_corpus.txt": _sha(train_file),
                          "swedish-ner-corpus/test_corpus.txt": _sha(test_file)},
        "licence": "trained on Swedish NER corpus (Webbnyheter 2012, Språkbanken), CC BY 4.0",
        "test": {"ents_p": _r(scores["ents_p"]), "ents_r": _r(scores["ents_r"]), "ents_f": _r(scores["ents_f"]),
                 "per_type": {k: {m: _r(v) for m, v in d.items()} for k, d in (scores["ents_per_type"] or {}).items()},
                 "sentences": len(test_sents)},
        "reference": "spaCy sv_core_news_sm 3.8.0: NER F 0.747 (PER 0.85, ORG 0.55) on its own test data",
    }
    spacy_meta = json.loads((out / "meta.json").read_text(encoding="utf-8"))
    spacy_meta.update(meta)  # spaCy's own meta.json, with our versions, data hashes and test scores
    (out / "meta.json").write_text(json.dumps(spacy_meta, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return meta
