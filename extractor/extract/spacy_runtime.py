"""spaCy for extraction: imported without its command line, one blank Swedish pipeline per process.

`import spacy` also imports spacy.cli (the download, training and project commands: weasel,
typer, httpx, jinja2), about a fifth of a one-file job's start. Extraction never calls them, so
the import below stands a placeholder in for spacy.cli while spaCy loads, then takes it away
again: a later `import spacy.cli` (extractor train ner) loads the real one.
"""
from __future__ import annotations

import sys
import types
from functools import lru_cache

CLI_MODULES = ("spacy.cli", "spacy.cli.info")


def import_spacy():
    """Return the spacy module, imported without spacy.cli when it is not imported yet."""
    if "spacy" in sys.modules:
        return sys.modules["spacy"]
    placeholders = {}
    for name in CLI_MODULES:
        if name not in sys.modules:
            placeholders[name] = sys.modules[name] = types.ModuleType(name)
    sys.modules["spacy.cli.info"].info = _no_info
    try:
        import spacy
    finally:
        for name, module in placeholders.items():
            if sys.modules.get(name) is module:
                del sys.modules[name]
    if isinstance(getattr(spacy, "cli", None), types.ModuleType) and spacy.cli in placeholders.values():
        del spacy.cli  # the next `spacy.cli` lookup imports the real package
    return spacy


def _no_info(*args, **kwargs):
    raise RuntimeError("spacy.info is not loaded in extraction; run `python -m spacy info`")


@lru_cache(maxsize=1)
def blank_sv():
    """Return the Swedish pipeline of spacy.blank("sv"), one per process.

    The gazetteer adds its ruler to it (gazetteer.org_ruler); the method matcher only tokenizes
    with it (make_doc), so the two share one tokenizer and vocabulary.
    """
    return import_spacy().blank("sv")
