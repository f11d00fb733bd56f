"""Sentences of Swedish document text, with their offsets."""
from __future__ import annotations

import bisect
import re
from functools import lru_cache

# A sentence ends at ". X" (not "t.o.m. 31"); a line break ends one unless the next line
# continues in lower case, or the line stops at a comma or a word no sentence ends with
# (a PDF's wrapped line: "… i AWC,\nAssessment of Work Performance …").
CONTINUING_WORDS = ["och", "samt", "i", "av", "med", "för", "till", "som", "eller", "en", "ett", "att",
                    "den", "det", "de", "om", "på", "från", "hos", "vid", "inom"]
_NO_BREAK_AFTER = "(?<!,)" + "".join(rf"(?<![\s]{w})" for w in CONTINUING_WORDS)
# (a line that goes on in lower case continues the sentence, also after a fixed-width text's indentation)
SENTENCE_BREAK_RE = re.compile(rf"(?<=[\wåäö)]{{2}}[.!?])\s+(?=[A-ZÅÄÖ•-])|(?=\n){_NO_BREAK_AFTER}\n+(?![ \t]*[a-zåäö])")
# Where a break can begin: the blank after a full stop, "!" or "?", or a line break.
BREAK_CUE_RE = re.compile(r"[.!?\n]")


def break_matches(text: str):
    """Yield what SENTENCE_BREAK_RE.finditer(text) yields, trying the pattern only where a break can begin
    (a few characters in a hundred), not at every character."""
    match, last, tried = SENTENCE_BREAK_RE.match, 0, -1
    for cue in BREAK_CUE_RE.finditer(text):
        at = cue.start() if cue.group() == "\n" else cue.end()
        if at < last or at <= tried:
            continue
        tried = at
        m = match(text, at)
        if m:
            last = m.end()
            yield m


# Several fields read the same text sentence by sentence (the whole document, a section): the
# last few texts asked keep their sentences.
_SENTENCES_CACHE: dict[str, list[tuple[int, str]]] = {}
SENTENCES_CACHE_SIZE = 16


def sentences(text: str) -> list[tuple[int, str]]:
    """Return (offset, sentence) pairs covering `text`."""
    cached = _SENTENCES_CACHE.get(text)
    if cached is None:
        cached = _sentences(text)
        if len(_SENTENCES_CACHE) >= SENTENCES_CACHE_SIZE:
            del _SENTENCES_CACHE[next(iter(_SENTENCES_CACHE))]  # the oldest
        _SENTENCES_CACHE[text] = cached
    return list(cached)


def _sentences(text: str) -> list[tuple[int, str]]:
    out, pos, parts, prev = [], 0, [], 0
    for m in break_matches(text):  # SENTENCE_BREAK_RE.split(text), the pattern holding no group
        parts.append(text[prev:m.start()])
        prev = m.end()
    parts.append(text[prev:])
    for part in parts:
        idx = text.find(part, pos)
        if part.strip():
            out.append((idx, part))
        pos = idx + len(part)
    return out


# A "sentence" longer than this (a PDF without punctuation) is cut, at spaces, into pieces of about
# this size, so that work per mention stays bounded and no piece reaches spaCy's max_length.
MAX_SENTENCE_CHARS = 2000


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """Return the (start, end) of the sentence holding text[start:end].

    "Vi följer upp. Deltagarna får IPS." with IPS -> the offsets of "Deltagarna får IPS."
    """
    starts, ends = _breaks(text)
    # The break before the mention is the last one in text[:start]: cut off there, a break is seen
    # without the letter after it. Only an attempt in the blanks right before `start` can see that
    # cut (a break is blanks), so only they are scanned again.
    resume = start
    while resume > 0 and text[resume - 1].isspace():
        resume -= 1
    left = 0
    for m in SENTENCE_BREAK_RE.finditer(text, resume, start):
        left = m.end()
    if not left:
        i = bisect.bisect_right(ends, resume) - 1
        left = ends[i] if i >= 0 else 0
    i = bisect.bisect_left(starts, end)
    if i and ends[i - 1] > end:  # the mention ends inside a break: look again from there
        m = SENTENCE_BREAK_RE.search(text, end)
        right = m.start() if m else len(text)
    else:
        right = starts[i] if i < len(starts) else len(text)
    if right - left > MAX_SENTENCE_CHARS:
        left, right = _piece(text, left, right, start, end)
    return left, right


_BREAKS_CACHE: list = [None, None]


def _breaks(text: str) -> tuple[list[int], list[int]]:
    """Return the starts and ends of every sentence break in `text` (kept for the last text asked)."""
    if _BREAKS_CACHE[0] is not text:
        found = [(m.start(), m.end()) for m in break_matches(text)]
        _BREAKS_CACHE[:] = [text, ([s for s, _ in found], [e for _, e in found])]
    return _BREAKS_CACHE[1]


def _piece(text: str, left: int, right: int, start: int, end: int) -> tuple[int, int]:
    """Return the pieces of an overlong sentence that hold text[start:end].

    Piece k ends at the last space before left + k * MAX_SENTENCE_CHARS (within half a piece; else
    right there); the space between two pieces is in neither, so neighbouring pieces never touch.
    """
    step = MAX_SENTENCE_CHARS

    def cut(k: int) -> int:  # k >= 1
        grid = left + k * step
        space = text.rfind(" ", grid - step // 2, grid)
        return space if space >= 0 else grid

    def piece(pos: int) -> tuple[int, int]:
        k = (pos - left) // step
        if left + (k + 1) * step < right and cut(k + 1) < pos:
            k += 1
        lo = cut(k) + 1 if k else left
        hi = cut(k + 1) if left + (k + 1) * step < right else right
        return lo, hi

    return piece(start)[0], max(piece(max(start, end - 1))[1], end)


DIGIT_RE = re.compile(r"\d")


def matches_from(pattern: re.Pattern, text: str, offsets):
    """Yield what pattern.finditer(text) yields, for a pattern whose every match starts at one of
    `offsets` (in increasing order): the pattern is tried there only, not at every character."""
    match, last = pattern.match, 0
    for at in offsets:
        if at < last:
            continue  # inside the previous match: finditer goes on from its end
        m = match(text, at)
        if m:
            last = m.end()
            yield m


def matches_at(pattern: re.Pattern, text: str, starts: re.Pattern):
    """matches_from at the places where `starts` matches."""
    return matches_from(pattern, text, (m.start() for m in starts.finditer(text)))


def digit_led_matches(pattern: re.Pattern, text: str):
    """matches_from at the digits, for a pattern whose every match starts with one (a few characters in
    a hundred are digits)."""
    return matches_from(pattern, text, _digit_offsets(text))


def find_all(text: str, part: str):
    """Yield every offset where `part` stands in `text`, overlapping ones too."""
    at = text.find(part)
    while at >= 0:
        yield at
        at = text.find(part, at + 1)


def word_led_matches(pattern: re.Pattern, text: str, literals: tuple[str, ...], word_start: bool = True,
                     lower: str | None = None):
    """Yield what pattern.finditer(text) yields, for a pattern whose every match starts a word with one
    of `literals` (lower-case words; the text's letter case does not matter): the pattern is tried
    where such a word starts, found by a plain search, not at every character. With `word_start`
    False, a match may start with a literal inside a word too ("Projektresurser"). `lower`: the text
    in lower case, where the caller has it.

    A literal must be word characters only; else (or where lower case changes the text's length) the
    pattern runs over the whole text.
    """
    lower = text.lower() if lower is None else lower
    if len(lower) != len(text) or not _plain_words(literals):
        yield from pattern.finditer(text)
        return
    offsets = sorted({at for word in literals for at in find_all(lower, word)})
    if word_start:  # not inside a word
        offsets = [at for at in offsets if not at or not (lower[at - 1].isalnum() or lower[at - 1] == "_")]
    yield from matches_from(pattern, text, offsets)


# re.I also matches letters that lower() keeps apart ("ſ" and "s", "K" and "k"): a text of ASCII and
# these letters only may be searched for a pattern's words in its lower case.
NOT_PLAIN_RE = re.compile(r"[^\x00-\x7fåäöéüÅÄÖÉÜ]")


def line_matches(pattern: re.Pattern, text: str, words: tuple[str, ...], lines_before: int = 0,
                 lower: str | None = None):
    """Yield what pattern.finditer(text) yields, for a pattern whose every match holds one of `words`
    (lower case, any letter case in the text) and stays within that word's line and the
    `lines_before` lines above it: the pattern runs over those lines only, not the whole text.

    The lines are searched in place (pos and endpos), so a match's offsets are the text's, and
    "^", "$" (in MULTILINE) and word boundaries read there as in the whole text.
    """
    lower = text.lower() if lower is None else lower
    if len(lower) != len(text) or NOT_PLAIN_RE.search(text):
        yield from pattern.finditer(text)
        return
    spans = []
    for word in words:
        for at in find_all(lower, word):
            start = text.rfind("\n", 0, at) + 1
            for _ in range(lines_before):
                if start:
                    start = text.rfind("\n", 0, start - 1) + 1
            end = text.find("\n", at)
            spans.append((start, len(text) if end < 0 else end))
    spans.sort()
    merged: list[list[int]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    for start, end in merged:
        yield from pattern.finditer(text, start, end)


WORD_RE = re.compile(r"\w+")


@lru_cache(maxsize=256)
def _plain_words(literals: tuple[str, ...]) -> bool:
    return all(WORD_RE.fullmatch(w) for w in literals)


_LOWERED: list = [None, ""]  # the last text asked, and its lower case: many patterns ask of one sentence in turn


def lowered(text: str) -> str:
    """Return text.lower(), kept for the last text asked (by identity)."""
    if _LOWERED[0] is not text:
        _LOWERED[0], _LOWERED[1] = text, text.lower()
    return _LOWERED[1]


class Needing:
    """A compiled pattern every match of which holds one of `words` (lower case, any letter case in the
    text): a text without any of them is not searched. Python's regex engine tries a pattern that
    opens with a word boundary or ignores case at every character; a plain search for a word does not.
    Where every match also opens with one of `opens` (word characters), the pattern is tried only
    where one of them stands (inside a word too).

    NEEDING_RE = Needing(re.compile(r"intag(?:et)?\\s+stängs", re.I), ("intag",), opens=("intag",))
    """

    def __init__(self, pattern: re.Pattern, words: tuple[str, ...], opens: tuple[str, ...] | None = None):
        self.pattern, self.words, self.opens = pattern, words, opens
        # the words as one plain search (no word boundary, no case folding: the regex engine's fast scan)
        self.words_re = re.compile("|".join(map(re.escape, words)))

    def holds_word(self, text: str) -> bool:
        return self.words_re.search(lowered(text)) is not None

    def search(self, text: str, *args):
        if not self.holds_word(text):
            return None
        if self.opens and not args:
            return next(word_led_matches(self.pattern, text, self.opens, word_start=False, lower=lowered(text)), None)
        return self.pattern.search(text, *args)

    def finditer(self, text: str, *args):
        if not self.holds_word(text):
            return iter(())
        if self.opens and not args:
            return word_led_matches(self.pattern, text, self.opens, word_start=False, lower=lowered(text))
        return self.pattern.finditer(text, *args)

    def __getattr__(self, name: str):  # match, sub, groupindex … as the pattern's own
        return getattr(self.pattern, name)


# Many digit-led patterns read one document: its digits are found once (kept for the last long texts).
_DIGITS_CACHE: dict[int, tuple[str, list[int]]] = {}
DIGITS_CACHE_SIZE, DIGITS_CACHE_MIN_CHARS = 8, 1000


def _digit_offsets(text: str) -> list[int]:
    kept = _DIGITS_CACHE.get(id(text))
    if kept is not None and kept[0] is text:
        return kept[1]
    offsets = [m.start() for m in DIGIT_RE.finditer(text)]
    if len(text) >= DIGITS_CACHE_MIN_CHARS:
        if len(_DIGITS_CACHE) >= DIGITS_CACHE_SIZE:
            del _DIGITS_CACHE[next(iter(_DIGITS_CACHE))]  # the oldest
        _DIGITS_CACHE[id(text)] = (text, offsets)  # the text kept with its id: the id stays its own
    return offsets


def lines(text: str) -> list[tuple[int, str]]:
    """Return (offset, line) pairs covering `text`, line breaks left out."""
    out, pos = [], 0
    for line in text.split("\n"):
        out.append((pos, line))
        pos += len(line) + 1
    return out


def pieces(text: str, size: int) -> list[tuple[int, str]]:
    """Return (offset, piece) pairs covering `text`, each at most `size` long, cut after a line break
    where there is one, else after a space, else anywhere (a 2 MB line without either).

    pieces("rad ett\nrad två", 10) -> [(0, "rad ett\n"), (8, "rad två")]
    """
    out, pos = [], 0
    while len(text) - pos > size:
        cut = text.rfind("\n", pos, pos + size) + 1 or text.rfind(" ", pos, pos + size) + 1 or pos + size
        out.append((pos, text[pos:cut]))
        pos = cut
    out.append((pos, text[pos:]))
    return out
