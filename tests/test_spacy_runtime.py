"""spaCy imported for extraction leaves its command line importable."""
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

CHECK = """
import sys
from extractor.extract.spacy_runtime import blank_sv, import_spacy
spacy = import_spacy()
assert "spacy.cli" not in sys.modules, "the placeholder stayed"
assert [t.text for t in blank_sv().make_doc("Region Örebro län, t.ex. 2024-05-01.")][:3] == ["Region", "Örebro", "län"]
import spacy.cli
assert callable(spacy.cli.setup_cli), "the real spacy.cli did not load"
print("ok")
"""


def test_import_spacy_skips_its_cli_and_leaves_it_importable():
    # a fresh process: the test session has imported spaCy (and its cli) already
    done = subprocess.run([sys.executable, "-c", CHECK], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "ok"


NER_CHECK = """
from extractor.extract.nlp import NER_MODEL_DIR, load_nlp
from extractor.extract.gazetteer import GAZETTEER_PIPE, org_ruler
from extractor.extract.spacy_runtime import blank_sv, import_spacy
ours = load_nlp()
assert ours.tokenizer is blank_sv().tokenizer, "the NER built a tokenizer of its own"
reference = import_spacy().load(NER_MODEL_DIR)
reference.add_pipe(GAZETTEER_PIPE, source=org_ruler(), before="ner")
text = ("Kontaktperson\\nAlva Påhittsson, projektledare, Motala kommun\\n"
        "Underskrifter\\nBo Exempelberg\\nverksamhetschef\\nCilla Låtsasdal, Region Östergötland\\n"
        "Styrgruppen träffades i Linköping den 3 maj och Frej Provholm från Arbetsförmedlingen deltog.")
found = lambda nlp: [(e.start_char, e.end_char, e.label_) for e in nlp(text).ents]
assert found(ours) == found(reference), (found(ours), found(reference))
assert any(label == "PER" for _, _, label in found(ours))
print("ok")
"""


def test_the_ner_on_the_shared_tokenizer_finds_what_spacy_load_finds():
    done = subprocess.run([sys.executable, "-c", NER_CHECK], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "ok"
