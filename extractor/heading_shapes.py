"""Headings marked by how a template sets them rather than by their words: a line in capitals, a
line ending in a colon, a two-column form's label cell. A template sets all its headings alike, so
a shape counts for a line the lexicon does not know only where known headings share it.

split.py finds the candidates; this module holds the Heading they become and the shape rules.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from .heading_keys import guess_key, match_key, normalise
from .heading_lines import heading_shape, is_sentence


@dataclass
class Heading:
    start: int  # offset of the heading's first character in the full text
    end: int  # offset just after the heading
    key: str
    text: str
    number: tuple[int, ...] | None = None
    strong: bool = False  # marked by the source (style, "(*)", tab cell), not guessed
    question: bool = False  # an unmarked line worded as a question ("Hur har ni arbetat?")
    label: bool = False  # a form's "Label: value" line ("Startdatum: 2025-01-13")
    shape: str | None = None  # a line set as the template sets headings: "caps", "colon" (heading_shape)
    known: bool = False  # a shaped line whose words the lexicon knows


MAX_LABEL_CELL_WORDS = 6


def label_cell(cell: str, rest: str) -> bool:
    """Whether a row reads as a two-column form's label and value: a short capitalised label, one value."""
    label = cell.strip()
    return (bool(label) and label[:1].isupper() and len(label.split()) <= MAX_LABEL_CELL_WORDS
            and not is_sentence(label) and bool(rest.strip()) and "\t" not in rest.strip())


SUBLEVEL_SHAPE = "level"  # heading_hints.py: a heading below the document's section level
MIN_SHAPED_HEADINGS = 2  # known headings of one shape before an unknown line of that shape heads too
# ... or one known heading where at least this many lines of the shape point to sections by their words:
# a form whose labels are mostly worded its own way ("Beskrivning av behovet | …", "Arbetsupplägg | …")
MIN_POINTING_HEADINGS = 3


def shaped_heading(line: str, following: str, start: int, after_blank: bool = False) -> Heading | None:
    """Return a heading for a line standing alone in the shape of the template's headings.

    "BAKGRUND OCH BEHOV" is one heading, not "Bakgrund" running into "OCH BEHOV".
    """
    shape = heading_shape(line, following, after_blank)
    if shape is None:
        return None
    text = line.strip()
    found = match_key(text)
    if shape == "alone" and found:
        return None  # a known line: split.py reads it as ever ("Målgrupp Unga vuxna" is a heading and its text)
    key = found[0] if found else guess_key(text)
    return Heading(start, start + len(line.rstrip()), key, text, shape=shape, known=found is not None)


def accept_shaped(headings: list[Heading]) -> list[Heading]:
    """Keep a shaped line the lexicon does not know where the document sets known headings in its shape.

    A capitals line keys to what its words mean or to "other" (it still ends the section before);
    a line ending in a colon, a short line alone after a blank line, or a table row's label cell,
    only where its words point to a section,
    as "Deltagarna erbjuds:" may open a list and "Namnförtydligande | Anna" is a field of a section.
    """
    known = Counter(h.shape for h in headings if h.shape and h.known and h.key != "other")
    # a line alone above every known heading is the letterhead's, the document's own title
    first_known = next((h.start for h in headings if h.key != "other" and (h.known or not h.shape)), None)
    pointing = Counter(h.shape for h in headings if h.shape and h.key != "other")
    # a level below the sections' (a bold paragraph among styled headings) is trusted by known headings
    # only: sub-headings whose words merely point to sections are common ("Samverkan med skolan" in a method)
    trusted = {shape for shape in known
               if known[shape] >= MIN_SHAPED_HEADINGS
               or pointing[shape] >= MIN_POINTING_HEADINGS and not shape.startswith(SUBLEVEL_SHAPE)}
    return [h for h in headings if not h.shape or h.known
            or h.shape in trusted and (h.shape == "caps" or h.key != "other")
            and not (h.shape == "alone" and (first_known is None or h.start < first_known))]


CONTACT_FIELD_RE = re.compile(r"@|(?i:e-?post|mejl|telefon|tel\.|mobil)")  # a person's block, not a name of a project


def bare_name_label(h: Heading, headings: list[Heading], text: str) -> bool:
    """Whether a bare "Namn:" label is no title: the title's field only as the form's first heading,
    where no other heading names the title and no e-mail or phone follows (a contact person's name)."""
    if h.key != "title" or normalise(h.text) != "namn":
        return False
    later = [other.start for other in headings if other.start > h.start]
    field = text[h.end: min(later, default=len(text))]
    return (headings[0] is not h or any(o.key == "title" and o is not h for o in headings)
            or CONTACT_FIELD_RE.search(field) is not None)
