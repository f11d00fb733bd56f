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
