"""Forms' check boxes: what is ticked is stated, what is not ticked is not.

"Medverkande parter: [X] Arbetsförmedlingen  [ ] Region Kronoberg" names one partner, and
"Metoder: [X] MI  [ ] SE/IPS" one method. The extractors read a copy of the text in which each
option not ticked is blanked with its box, letter for letter, so every offset still points into
the document's own text; a ticked box stays, for the method rules read it ("ticked").
"""
from __future__ import annotations

import re
from dataclasses import replace

from ..record import Section

# An option runs from its box to the next box or the line's end.
UNTICKED_RE = re.compile(r"(?:\[ ?\]|☐|□)[^\[\n☐□☒☑⊠■]*")
BOX_CHARS_RE = re.compile(r"\[ ?\]|\[[xX✓✔]\]|[☐□☒☑⊠■]")


def _blank(m: re.Match) -> str:
    return re.sub(r"[^\n]", " ", m.group())


def mask(text: str) -> str:
    """Return `text` with the options not ticked blanked, boxes and all (same length).

    "[X] MI  [ ] SE" -> "[X] MI        "
    """
    if not BOX_CHARS_RE.search(text):
        return text
    return UNTICKED_RE.sub(_blank, text)


def mask_sections(sections: list[Section]) -> list[Section]:
    """Return the sections with their text masked as mask() does (a box never spans sections)."""
    return [replace(s, text=mask(s.text)) if s.text and BOX_CHARS_RE.search(s.text) else s for s in sections]
