"""Split a Document's full text into canonical sections (SCHEMA.md "Canonical sections").

Start at split(): it finds heading candidates line by line (Word heading styles, form labels,
"(*)" questions, numbered headings also inside run-on text), keeps the plausible ones, and cuts
the text between them. Every Section points into Document.text with char_start/char_end.
"""
from __future__ import annotations

import re
from collections import Counter

from .extract.text import digit_led_matches
from .heading_keys import (
    ANY_HEADING_RUNON_RE, COMPILED_RUNON, STAR_RE, guess_key, match_key, normalise, question_key,
)
from .heading_lines import (
    MAX_HEADING_CHARS, MAX_QUESTION_WORDS, continues_prose, ends_in_figures, is_sentence, is_toc_line,
    minutes_paragraph, plain_toc_lines, subtitled, whole_line_heading, without_page_lines, wrapped_heading_end,
)
from .heading_hints import hint_heading
from .heading_runon import runon_headings
from .heading_shapes import MIN_POINTING_HEADINGS, Heading, accept_shaped, bare_name_label, label_cell, shaped_heading
from .headings import ONCE_KEYS
from .question_headings import (MAX_QUESTION_HEADING_WORDS, REQUIRED_MARK_RE, accept_questions, answer,
                                is_question_line, question_heading)
from .record import Document, Section

NUMBER_RE = re.compile(r"(?:(?<=\s)|^)(\d{1,2}(?:\.\d{1,2}){0,2})[.,]?[ \t]+(?=[A-ZÅÄÖ])")
# A number that counts something else: an appendix, a page ("Bilaga 1 Ekonomisk redovisning", "sida 4 Budget")
NOT_HEADING_NUMBER_RE = re.compile(r"(?:\b(?:bilaga|bilagor|bil\.|sida|sid\.|s\.|nr|nummer|punkt|page|appendix))[ \t]*$", re.I)
# The last digits of a phone number written in groups: "0911-69 64 10. Samverkanspart är …" has no heading 10
PHONE_BEFORE_NUMBER_RE = re.compile(r"(?<!\d)(?:\+46[ \t]?|0)\d{1,3}[ \t]?[-–/][ \t]?\d[\d \t]*$")
# A line lettered as a form's parts are: "C. Vårt sätt att arbeta" (A is 1, B is 2 …), at a line's start only
# ... or its part's questions: "B1. Bakgrund" (B's first)
LETTER_RE = re.compile(r"^[ \t]*([A-H])(\d{1,2})?[.)][ \t]+(?=[A-ZÅÄÖ])")
# A form's word before the number of its question or part: "Fråga 3. Vem är insatsen till för?"
NUMBER_PREFIX_RE = re.compile(r"^[ \t]*(?:fråga|del|avsnitt|punkt)[ \t]+(?=\d)", re.I)
AFTER_INLINE_HEADING_RE = re.compile(r"^[ \t]*(?:\(\s*\*\s*\))?[ \t]*:?[ \t]*(?=[A-ZÅÄÖ0-9<•\-–])")
# The rest of a table row that is only figures: a budget line ("Övrigt\t35 000\t11 350").
# a figure column's name beside the first column's: the row names columns, it is no label and its value
COLUMN_NAME_RE = re.compile(r"^(?:belopp|kostnad(?:er)?|summa|antal|andel|omfattning|tjänstgöringsgrad)\b[^\d\t]{0,20}$",
                            re.I)
NUMERIC_CELLS_RE = re.compile(r"^[\s\d.,:%–\-kr]*$")
SIGNING_KEYS = {"signatures", "signing_log"}
# Lower-case words, then a capital with no space before it: a heading glued to its text.
GLUED_HEADING_RE = re.compile(r"^([A-ZÅÄÖ][a-zåäö]+(?:[ \t]+[a-zåäö]+){0,4})(?=[A-ZÅÄÖ][a-zåäö])")
MAX_GUESSED_LABEL_WORDS = 4  # "Syftet är enkelt: …" is a sentence; a form's label is a few words


DATE_LIKE_RE = re.compile(r"\d[-/.]\d")
# ("kr" then blanks) kept in one optional group: blanks before the end cannot be split two ways.
FIGURES_ONLY_RE = re.compile(r"^[\s:\t]*\d[\d\s\u00a0,.%–\-]*(?:(?:kr|tkr|sek|:-)\s*)?$", re.I)


def _inline_heading(line: str, include_other: bool) -> tuple[int, str] | None:
    """Return (heading length, key) for a heading followed by its text on the same line.

    "Insatsägare (*) Organisation: Håbo kommun" -> (15, "owner")
    """
    lowered = line.lower()
    if not ANY_HEADING_RUNON_RE.match(lowered):
        return None
    for key, pattern in COMPILED_RUNON:
        if key == "other" and not include_other:
            continue
        m = pattern.match(lowered)
        if not m:
            continue
        rest = line[m.end():]
        if FIGURES_ONLY_RE.match(rest) and not DATE_LIKE_RE.search(rest):
            return None  # a table row whose label is a heading word: "Aktiviteter 20 90 70 180"
        if subtitled(line, rest):
            return len(line.rstrip()), key  # "Syfte – vad vill vi uppnå?": the line is the heading
        after = AFTER_INLINE_HEADING_RE.match(rest)
        if after and rest[after.end():].strip():
            star = STAR_RE.search(rest[: after.end()])
            end = m.end() + (star.end() if star else 0)
            if rest[:1] == ":" or star or rest[:1] == "\t" or rest[:1] == " ":
                return end, key
    return None


def _successor(prev: tuple[int, ...] | None, num: tuple[int, ...]) -> bool:
    """Whether `num` is the next heading number after `prev` (1 -> 2, 1 -> 1.1, 2.5 -> 3)."""
    if prev is None:
        return num in {(1,), (1, 1)}
    nexts = set()
    for depth in range(len(prev)):
        bumped = prev[:depth] + (prev[depth] + 1,)
        nexts.add(bumped)
        nexts.add(bumped + (1,))
    nexts.add(prev + (1,))
    return num in nexts


def _numbered_candidates(line: str, offset: int) -> list[Heading]:
    """Return numbered headings in a line: at its start or inside run-on text."""
    out = []
    matches = list(digit_led_matches(NUMBER_RE, line))  # NUMBER_RE.finditer(line), tried at digits only
    lettered = LETTER_RE.match(line) if not matches else None
    if lettered:
        key, title = _numbered_line_start(line[lettered.end():])
        number = (ord(lettered.group(1)) - ord("A") + 1,) + ((int(lettered.group(2)),) if lettered.group(2) else ())
        return [Heading(offset + lettered.start(1), offset + lettered.end() + len(title), key or "",
                        lettered.group(0).lstrip() + title, number)]
    prefix = NUMBER_PREFIX_RE.match(line)
    indent = prefix.end() if prefix else len(line) - len(line.lstrip())
    matches = [m for m in matches if not NOT_HEADING_NUMBER_RE.search(line, max(0, m.start() - 12), m.start())
               and not PHONE_BEFORE_NUMBER_RE.search(line, max(0, m.start() - 20), m.start())]
    for i, m in enumerate(matches):
        number = tuple(int(p) for p in m.group(1).split("."))
        at_line_start = m.start() <= indent
        next_number = matches[i + 1] if i + 1 < len(matches) else None
        # the text up to the next number only: a line of many numbers costs its length once
        head = line[m.end(): next_number.start() if next_number else len(line)]
        glued = GLUED_HEADING_RE.match(head)
        if glued and match_key(glued.group(1)):
            # a PDF's bold run-in heading set flush against its text: "4. MålgruppInsatsen vänder sig …"
            key, title = match_key(glued.group(1))[0], glued.group(1)
        elif at_line_start and not next_number:
            key, title = _numbered_line_start(head)
        else:
            found = match_key(head, runon=True)
            if found:
                key = found[0]
                title = _cut_title(line, found[1], m.end())
            else:
                key, title = None, _guess_title(head)
        first = len(line) - len(line.lstrip()) if prefix and at_line_start else m.start()  # "Fråga 3." from its word
        out.append(Heading(offset + first, offset + m.end() + len(title), key or "", line[first:m.end()] + title, number))
    return out


def _numbered_line_start(rest: str) -> tuple[str | None, str]:
    """Return (key, title) for the text after a line's only number.  "Målgrupp" -> ("target_group", "Målgrupp")"""
    cell, tab, _ = rest.strip(" ").partition("\t")
    if tab and cell.strip():  # a table's row after its number column: "2\tBakgrund\tI Exempelby …"
        found = match_key(cell)
        return (found[0] if found else None), cell.rstrip()
    if whole_line_heading(rest.strip() or "x", statement=True) is not None:
        title = rest.rstrip()
        key = match_key(title)[0]
        # "2.3 Målgrupp Arbetslösa ungdomar mellan 16-29 år …": a heading, then its text
        runon = match_key(rest, runon=True)
        cut = _cut_title(rest, runon[1]) if runon else ""
        after = rest[len(cut):].split()
        if cut.strip() and len(after) >= 3 and after[0][:1].isupper():
            title, key = cut, runon[0]
        return key, title
    if rest.rstrip().endswith("?") and len(rest.split()) <= MAX_QUESTION_HEADING_WORDS:
        return question_key(rest), rest.rstrip()  # "4. Varför behövs insatsen?"
    if len(rest.split()) <= 8 and not is_sentence(rest):
        return None, rest.rstrip()
    found = match_key(rest, runon=True)
    if found:
        return found[0], _cut_title(rest, found[1])
    return None, _guess_title(rest)


def _words(text: str, pos: int):
    """Yield the words of text[pos:] split at single spaces, as str.split(" ") would, one at a time
    (each at most MAX_HEADING_CHARS long: a title never needs more)."""
    while True:
        space = text.find(" ", pos)
        end = len(text) if space < 0 else space
        yield text[pos: min(end, pos + MAX_HEADING_CHARS)]
        if space < 0:
            return
        pos = space + 1


def _cut_title(rest: str, norm_length: int, pos: int = 0) -> str:
    """Return the words of rest[pos:] that the normalised match of length norm_length covered."""
    taken: list[str] = []
    raw = 0
    for word in _words(rest, pos):
        if len(normalise(" ".join(taken))) >= norm_length or raw > norm_length + MAX_HEADING_CHARS:
            break
        taken.append(word)
        raw += len(word) + 1
    return " ".join(taken)


def _guess_title(rest: str) -> str:
    """Return the words of an unknown run-on heading: up to the next capitalised word."""
    words = rest.split()
    taken = words[:1]
    for word in words[1:6]:
        if word[:1].isupper() or word[:1].isdigit():
            break
        taken.append(word)
    return " ".join(taken)


def _line_heading(line: str, start: int) -> Heading | None:
    """Return an unnumbered heading at the start of a line, if there is one."""
    if line[:1].islower() or is_toc_line(line):
        return None  # a line in lower case continues a sentence a PDF wrapped ("uppföljning ske …")
    paragraph = minutes_paragraph(line) if line[:1] == "§" else None
    if paragraph:
        return Heading(start, start + len(line.rstrip()), paragraph, line.strip(), strong=True)
    if "\t" in line:
        cell = line.split("\t", 1)[0]
        key = whole_line_heading(cell) if cell.strip() else None
        rest = line.split("\t", 1)[1]
        figures_only = NUMERIC_CELLS_RE.match(rest) and not DATE_LIKE_RE.search(rest)
        # a table's row of column names ("Insats\tDeltagare\tKostnad (kr)") is no label and its value
        header_row = ("\t" in rest and whole_line_heading(rest.split("\t", 1)[0]) is not None
                      or COLUMN_NAME_RE.match(rest.strip()) is not None)  # "Finansiering\tBelopp (kr)"
        # ... but a form's money field is one: "Sökt belopp\t6 240 000 kr"
        money_field = key == "budget" and "\t" not in rest
        if key and len(cell) <= 80 and (not figures_only or money_field) and not header_row:
            return Heading(start, start + len(cell), key, cell.strip(), strong=True, shape="cell", known=True)
        if key is None and label_cell(cell, rest):
            # a form's row "Projektets varaktighet | 2026–2027": kept where the form's other labels are known;
            # a money field in its words too ("Kostnad totalt | 840 000 kr")
            guessed = guess_key(cell)
            if guessed != "other" and (not figures_only or guessed == "budget"):
                return Heading(start, start + len(cell), guessed, cell.strip(), strong=True, shape="cell")
        return None
    star = STAR_RE.search(line)
    if (star and star.start() < MAX_HEADING_CHARS and not is_sentence(line[: star.start()])
            and not line.lstrip().startswith("(")):
        found = match_key(line[: star.end()])
        if found or len(line[: star.start()].split()) <= MAX_QUESTION_WORDS:
            key = found[0] if found else guess_key(line[: star.end()])
            return Heading(start, start + star.end(), key, line[: star.end()].strip(), strong=True)
    label, colon, value = line.partition(":")
    if colon and value.strip() and label.isupper() and whole_line_heading(label):
        # "BAKGRUND OCH BEHOV: I Exempelby …": a label in capitals is whole up to its colon
        return Heading(start, start + len(label), whole_line_heading(label), label.strip(), label=True, shape="label",
                       known=True)
    inline = _inline_heading(line, include_other=False)
    if inline:
        label = line[inline[0]:].lstrip()[:1] == ":"
        return Heading(start, start + inline[0], inline[1], line[: inline[0]].strip(), label=label,
                       shape="label" if label else None, known=label)
    label, colon, value = line.partition(":")
    if colon and value.strip() and not is_sentence(label):
        # "Målgrupp: unga vuxna", "Medverkande parter: [X] …": the label heads, its value is the text
        key = whole_line_heading(label)
        if key:
            return Heading(start, start + len(label), key, label.strip(), label=True, shape="label", known=True)
        if label_cell(label, value) and len(label.split()) <= MAX_GUESSED_LABEL_WORDS and value.strip()[:1].isupper():
            # "Arbetets upplägg: Vi träffas …" in a form whose other labels are known (heading_shapes.py)
            guessed = guess_key(label)
            if guessed != "other":
                return Heading(start, start + len(label), guessed, label.strip(), label=True, shape="label")
    key = whole_line_heading(line)
    if key:
        return Heading(start, start + len(line.rstrip()), key, line.strip())
    return None


def _section_level(doc: Document) -> int:
    """Return the heading level that opens sections: the level most known headings use.

    A document whose only level-1 heading is its own title ("Lägesrapport 2023 – Steget") has its
    sections at level 2; an unknown heading there ("Kontakt") is a section of its own, while one
    below it stays inside its parent.
    """
    # a bold opening run in to its paragraph ("Mål: Minst 40 procent …") marks no level of sections
    lines = [h for h in doc.hints if doc.text[h.end:h.end + 1] in ("\n", "")]
    levels = Counter(h.level for h in lines if match_key(doc.text[h.start:h.end].strip(), include_other=False))
    lowest = min((h.level for h in lines), default=1)
    if not levels:
        return lowest
    return max(lowest, min(levels, key=lambda level: (-levels[level], level)))


def find_headings(doc: Document) -> list[Heading]:
    """Return every heading candidate in document order (before they are filtered)."""
    top_level = _section_level(doc)
    hints: dict = {}
    for hint in doc.hints:
        hints.setdefault(hint.start, hint)  # the first hint at an offset, as a scan in order finds it
    headings: list[Heading] = []
    numbered_lines: set[int] = set()  # lines whose run-on headings are numbered: heading_runon.py leaves them
    offset, previous = 0, ""
    lines = doc.text.split("\n")
    contents = plain_toc_lines(lines)  # "1 Bakgrund 2": a contents list's lines head nothing
    for i, line in enumerate(lines):
        indent = len(line) - len(line.lstrip())
        start = offset + indent
        body = line.strip()
        offset += len(line) + 1
        if not body:
            continue
        wrapped_cell = body[0].islower() and ends_in_figures(previous)
        listed = is_question_line(previous)  # a question right after a question: a list, not a heading
        wrapped_prose = bool(lines[i - 1].strip()) and continues_prose(previous, body) if i else False
        previous = body
        if wrapped_cell or i in contents:
            continue  # "Extern – 60 90 150" then "utvärdering": a PDF table's wrapped label cell
        hinted = hint_heading(hints, start, line[indent:], top_level) if hints else None
        if hinted:
            headings.append(hinted)
            continue
        if start in hints and hints[start].end - start >= len(body):
            continue  # a marked line that heads nothing; a bold opening that heads nothing leaves its line to be read
        numbered = [] if is_toc_line(body) else _numbered_candidates(line, offset - len(line) - 1)
        if numbered:
            numbered_lines.add(offset - len(line) - 1)
        if numbered and body.endswith("?") and (listed or not answer(lines[i + 1: i + 4])):
            numbered = []  # "1. Hur har samverkan fungerat?" in a list of a study's questions
        if numbered and numbered[0].start == start:
            headings.extend(numbered)
            continue
        if wrapped_prose and not numbered:
            continue  # "… som finns i dag hos" / "Målgruppen för insatsen är unga vuxna som": one paragraph
        following = next((rest.strip() for rest in lines[i + 1: i + 4] if rest.strip()), "")
        after_blank = i == 0 or not lines[i - 1].strip()
        shaped = shaped_heading(line[indent:], following, start, after_blank)
        if shaped and shaped.shape == "alone":
            plain = _line_heading(line[indent:], start) or shaped  # a line's own marks ("(*)") go first
        else:
            plain = shaped or _line_heading(line[indent:], start)
        if plain and plain.shape is None and after_blank and plain.end - plain.start == len(body):
            plain.shape, plain.known = "alone", True  # a known heading alone on its line after a blank one
        asked = REQUIRED_MARK_RE.sub("", body)  # a web form's required question: "Vad heter insatsen? *"
        if plain is None and not numbered and asked.endswith("?") and not listed and answer(lines[i + 1: i + 4]):
            plain = question_heading(asked, start)
            if plain:
                plain.end = start + len(body)  # the mark belongs to the heading, not to the answer
                if after_blank:
                    plain.shape = "alone"  # may head as the document's known headings alone on their lines do
        if plain:
            headings.append(plain)
            numbered = [n for n in numbered if n.start >= plain.end]
        headings.extend(numbered)
    runon = runon_headings(doc.text, numbered_lines)
    if runon:
        headings = sorted(headings + runon, key=lambda h: h.start)
    return accept_shaped(accept_questions(headings))


def _accept_numbered(headings: list[Heading]) -> list[Heading]:
    """Keep numbered headings that follow the document's numbering; drop list items and noise."""
    known = sum(1 for h in headings if h.number and h.key and h.key != "other")
    # ... or one known where more numbered lines point to sections by their words (heading_shapes.py)
    pointing = sum(1 for h in headings if h.number and (h.key or guess_key(h.text)) != "other")
    structural = known >= 2 or known >= 1 and pointing >= MIN_POINTING_HEADINGS
    out, last = [], None
    for h in headings:
        if h.number is None:
            out.append(h)
            continue
        follows = _successor(last, h.number)
        later = last is None or h.number > last
        if h.key and h.key != "other" and (follows or later):
            out.append(h)
            last = h.number
        elif structural and follows:
            h.key = h.key or guess_key(h.text)
            out.append(h)
            last = h.number
    return out


def _filter(headings: list[Heading], text: str = "") -> list[Heading]:
    """Drop repeated form labels and headings that continue the section they stand in."""
    seen: set[str] = set()
    kept: list[Heading] = []
    headings = _accept_numbered(headings)
    headings = [h for h in headings if not bare_name_label(h, headings, text)]
    for h in headings:
        if h.key in ONCE_KEYS and (h.key in seen or seen & SIGNING_KEYS):
            continue  # a form label repeated in a signature block
        if kept and h.key == kept[-1].key and h.key != "other" and not (h.label and kept[-1].label):
            continue  # a sub-heading ("Effektmål:") stays inside its parent section; a form's fields do not
        if kept and h.start < kept[-1].end:
            continue
        seen.add(h.key)
        kept.append(h)
    return kept


def split(doc: Document) -> list[Section]:
    """Return the document's sections in order; text before the first heading is in none."""
    headings = _filter(find_headings(doc), doc.text)
    sections = []
    for i, h in enumerate(headings):
        end = headings[i + 1].start if i + 1 < len(headings) else len(doc.text)
        wrapped = wrapped_heading_end(doc.text, h.end)
        if wrapped and wrapped < end:  # "Målgrupp och" / "rekrytering": one heading on two lines
            h.end, h.text = wrapped, " ".join(doc.text[h.start:wrapped].split())
        raw = doc.text[h.end:end]
        lead = len(raw) - len(raw.lstrip(" \t\n:"))
        body = without_page_lines(raw.strip(" \t\n:").rstrip())
        start = h.end + lead
        sections.append(Section(
            key=h.key, heading=h.text, text=body, page=doc.page_at(h.start),
            char_start=start, char_end=start + len(body),
        ))
    return sections
