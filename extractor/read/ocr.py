"""OCR of scanned pages with tesseract: each page rendered in turn, several read at once.

A scanned submission of five pages is five tesseract runs of a few seconds each; they need not
wait for one another. Pages are rendered here one at a time (pdfium is not to be shared between
threads) and handed to at most `PROCESSES` tesseract processes, the oldest waited for first.
A bulk import sets PROCESSES to its share of the cores, so that its workers do not crowd them.
"""
from __future__ import annotations

import csv
import os
import re
import shutil
import statistics
import subprocess
import tempfile
import time
from collections import deque
from pathlib import Path

from ..errors import UnreadableDocument

# OCR of a scanned form: table rules read as "|" (or as "[" at a line's edge), and a capital split
# from its word ("V ara").
# I, Å and Ö are words of their own and stay apart.
OCR_RULE_EDGE_RE = re.compile(r"^[ \t]*(?:\||\[(?=[ \t]))[ \t]*|[ \t]*(?:\||(?<=[ \t])\])[ \t]*$", re.M)
OCR_RULE_RE = re.compile(r"[ \t]+\|[ \t]+")
OCR_SPLIT_CAPITAL_RE = re.compile(r"(?<![\w.])([A-HJ-ZÄ]) (?=[a-zåäö]{2,})")
# An address as OCR leaves it: its domain broken by a space or at a line's end ("lena.x@region
# norrbotten.se"), a space after a dot of the name when the address opens its line ("leif.
# martensson@tierp.se"; in a sentence, "Vi ses. anna@…" is two words).
LOCAL = r"(?:(?<=^)[a-z0-9]+[._-] ?|[a-z0-9]+[._:-])[a-z0-9]+(?:[._:-][a-z0-9]+)*"
DOMAIN = r"[\w-]+(?:\.[\w-]+)*\.(?:se|nu|com|org|net|eu)\b"
GAPPED_DOMAIN = r"[a-zåäö0-9-]+(?:[ \t]?\n|[ \t])?[a-zåäö0-9-]*(?:\.[a-zåäö0-9-]+)*\.(?:se|nu|com|org|net|eu)\b"
# "@" read as "(", "(&", or "&" (or "©") against the name: "anna.exempelsson(& motala.se",
# "anna.exempelsson& motala.se" -> "anna.exempelsson@motala.se"
OCR_AT_RE = re.compile(r"\b([\w.+-]+[\w])(?:\s?\((?:&|@)?|[&©®])\s?(" + DOMAIN + ")")
# A sans-serif "@" read as a capital, a digit or "&" between a lower-case name.name and its domain:
# "anna.exempelsson Qmotala.se", "anna.exempelssonÖmotala.se", "anna.exempelsson 2 motala.se"
OCR_AT_LETTER_RE = re.compile(r"\b(" + LOCAL + r")[ \t]?(?:ÅQ|Ö&|[QGÖC2&])[ \t]?(" + GAPPED_DOMAIN + ")", re.M)
OCR_ADDRESS_GAP_RE = re.compile(r"\b(" + LOCAL + r")[ \t]?@[ \t]?(" + GAPPED_DOMAIN + ")", re.M)
# ... and the "(" before an address read as "@": "Motala kommun@anna.exempelsson@motala.se)"
OCR_OPENING_AT_RE = re.compile(r"(\w)@(?=[\w.+-]+@" + DOMAIN + ")")

# A form's mark of a question that must be answered, "(*)", read as quotes: 'Beskriv målgruppen (")'
OCR_STAR_RE = re.compile(r"(?<=\S )\((?:['\"“”]{1,2}|°)\)(?=\s|$)", re.M)

# "%" read as "96" or "26" (or "%6", "9%", "Yo") after a share: "en coach på 50 96." -> "50 %";
# not inside a run of numbers (a phone number's "28 96", a table's row)
# The space after a million's digit lost: "1433 000" -> "1 433 000" (whole thousands, the last group
# of the figure)
OCR_MILLIONS_RE = re.compile(r"(?<![\d.,])\b([1-9])(\d{3}) (000)\b(?![ \t]?\d{3}\b)")
OCR_PERCENT_RE = re.compile(r"(?<![\d\-–/.,])(?<![\d\-–] )\b(\d{1,3}(?:,\d{1,2})?) (?:96|26|24|%6|9%|Yo)(?![ \t]*\d)(?!\w)")
# ... and in a budget table's row, a share after its role and before the row's figures, where "%" may
# also read "2": "Coach 1, 100 2 315 000 552 000" -> "Coach 1, 100 % 315 000 552 000"
OCR_ROW_PERCENT_RE = re.compile(r"(?:(?<=[a-zåäö], )|(?<=[a-zåäö] \d, ))(100|[1-9]\d?) (?:96|26|24|2)(?=[ \t]\d{1,3} \d{3}\b)")


def clean_ocr_text(text: str) -> str:
    """Undo what OCR does to a scanned form: table rules become tabs, split capitals rejoin,
    an "@" or a "%" read as other glyphs is put back.

    "M edverkande parter | Götene kommun och V ara kommun" -> "Medverkande parter\tGötene kommun och Vara kommun"
    """
    text = OCR_RULE_EDGE_RE.sub("", text)
    text = OCR_RULE_RE.sub("\t", text)
    text = OCR_AT_RE.sub(r"\1@\2", text)
    text = OCR_AT_LETTER_RE.sub(_address, text)
    text = OCR_ADDRESS_GAP_RE.sub(_address, text)
    text = OCR_OPENING_AT_RE.sub(r"\1 (", text)
    text = OCR_STAR_RE.sub("(*)", text)
    text = OCR_PERCENT_RE.sub(r"\1 %", text)
    text = OCR_ROW_PERCENT_RE.sub(r"\1 %", text)
    text = OCR_MILLIONS_RE.sub(r"\1 \2 \3", text)
    return OCR_SPLIT_CAPITAL_RE.sub(r"\1", text)


# OCR reads a dot of the name as ":" and an "a" or "o" of the domain with the dots of "ä", "ö"
ADDRESS_LETTERS = str.maketrans({":": ".", "å": "a", "ä": "a", "ö": "o"})


def _address(match: re.Match) -> str:
    return (re.sub(r"\s", "", match[1]) + "@" + re.sub(r"\s", "", match[2])).translate(ADDRESS_LETTERS)


def _speck(word: str, confidence: str) -> bool:
    """Return True for a speck or a rule the OCR read as a glyph: punctuation, or one or two letters,
    that it is not sure of ("ue", ":", "=." between a form's label and its answer)."""
    try:
        sure = float(confidence)
    except ValueError:
        return False
    if word in ("-", "–", "—"):
        return False
    if not any(ch.isalnum() for ch in word):
        return sure < SPECK_CONFIDENCE
    return len(word) <= 2 and word.isalpha() and sure < LETTERS_SPECK_CONFIDENCE


def text_of_words(tsv) -> str:
    """The text of tesseract's word boxes (its TSV): words of a line joined by a space, or by a tab
    where they stand farther apart than one and a half times the line's height (a table's columns:
    "Coach 1, 100 %\t315 000\t552 000"), lines by a line break, paragraphs by an empty line."""
    lines: dict = {}
    for row in csv.reader(tsv, delimiter="\t", quoting=csv.QUOTE_NONE):
        if len(row) < 12 or row[0] != "5" or not row[11].strip() or _speck(row[11].strip(), row[10]):
            continue  # level 5: a word
        left, width, height = int(row[6]), int(row[8]), int(row[9])
        lines.setdefault((int(row[2]), int(row[3]), int(row[4])), []).append((left, left + width, height, row[11]))
    out, previous = [], None
    for key, words in lines.items():
        if previous is not None:
            out.append("\n" if key[:2] == previous[:2] else "\n\n")
        previous = key
        height = statistics.median(word[2] for word in words)
        out.append(words[0][3])
        for (_, right, _, _), (left, _, _, word) in zip(words, words[1:]):
            out.append(("\t" if left - right > 1.5 * height else " ") + word)
    return "".join(out) + "\n"


# below these confidences (0-100) a word of punctuation, or of one or two letters, is a speck
SPECK_CONFIDENCE = 50
LETTERS_SPECK_CONFIDENCE = 15
RESOLUTION = 250
TIMEOUT_S = 120  # one page
PROCESSES = os.cpu_count() or 1


class Pages:
    """The scanned pages of one document: add() each, then texts(); close() in any case."""

    def __init__(self, path: Path):
        self.path = path
        self.folder: tempfile.TemporaryDirectory | None = None  # made for the first scanned page
        self.running: deque = deque()  # (key, page number, process, started, text file)
        self.done: dict = {}

    def add(self, key, page) -> None:
        """Render a pdfplumber page and start reading it; wait for the oldest page if all are taken."""
        if not shutil.which("tesseract"):
            raise UnreadableDocument(f"{self.path}: page {page.page_number} has no text layer and tesseract is "
                                     "not installed (apt-get install tesseract-ocr tesseract-ocr-swe)")
        while len(self.running) >= max(1, PROCESSES):
            self._finish()
        self.folder = self.folder or tempfile.TemporaryDirectory()
        base = os.path.join(self.folder.name, str(len(self.done) + len(self.running)))
        # uncompressed TIFF: the pixels a PNG would hold (the same OCR), without the PNG's
        # compression, which cost more than a third of a second a page
        page.to_image(resolution=RESOLUTION).original.save(base + ".tif")
        process = subprocess.Popen(["tesseract", base + ".tif", base, "-l", "swe", "--psm", "3", "tsv"],
                                   stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                                   env={**os.environ, "OMP_THREAD_LIMIT": "1"})
        self.running.append((key, page.page_number, process, time.monotonic(), base + ".tsv"))

    def _finish(self) -> None:
        key, number, process, started, text_file = self.running.popleft()
        try:
            _, errors = process.communicate(timeout=max(0.0, started + TIMEOUT_S - time.monotonic()))
        except subprocess.TimeoutExpired as err:
            process.kill()
            process.wait()
            raise UnreadableDocument(f"{self.path}: OCR of page {number} took too long") from err
        if process.returncode != 0:
            raise UnreadableDocument(f"{self.path}: OCR failed on page {number}: "
                                     f"{errors.decode('utf-8', 'replace').strip()[:200]}")
        with open(text_file, encoding="utf-8", errors="replace", newline="") as fh:
            self.done[key] = text_of_words(fh)

    def texts(self) -> dict:
        """Return {key: text} of every page added, when all are read."""
        while self.running:
            self._finish()
        return self.done

    def close(self) -> None:
        """Stop what is still running (an error, a time-out) and remove the images."""
        for _, _, process, _, _ in self.running:
            process.kill()
            process.wait()
        self.running.clear()
        if self.folder:
            self.folder.cleanup()
