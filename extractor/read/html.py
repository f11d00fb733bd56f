"""HTML remnants in plain-text exports, and .html files: tags out, the text they wrap kept."""
from __future__ import annotations

import html
import re
from pathlib import Path

from ..record import Document, Hint
from .furniture import COOKIE_RE, MAX_COOKIE_LINE
from .labels import pair_label_lines, unglue_labels

# Tags that end a line of text where they stand; every other tag simply goes.
BLOCK_TAG_RE = re.compile(
    r"</?(?:p|div|br|li|ul|ol|h[1-6]|tr|table|label|textarea|select|fieldset|legend|dl|dt|dd)\b[^>]*>", re.IGNORECASE)
EMAIL_IN_BRACKETS_RE = re.compile(r"<([\w.+-]+@[\w-]+(?:\.[\w-]+)+)>")
DOCTYPE_RE = re.compile(r"^\s*<!doctype\b[^<>]*>", re.IGNORECASE)
# A saved web form keeps what was filled in as attributes and chosen options, not as text.
INPUT_RE = re.compile(r"<input\b([^<>]*)>", re.IGNORECASE)
INPUT_TYPE_RE = re.compile(r"""\btype\s*=\s*["']?([a-z]+)""", re.IGNORECASE)
INPUT_VALUE_RE = re.compile(r"""\bvalue\s*=\s*(?:"([^"]*)"|'([^']*)')""", re.IGNORECASE)
VALUELESS_INPUTS = {"hidden", "submit", "button", "reset", "image", "password", "file", "checkbox", "radio"}
UNCHOSEN_OPTION_RE = re.compile(r"<option\b(?![^<>]*\bselected)[^<>]*>[^<]*(?:</option\s*>)?", re.IGNORECASE)
ANY_TAG_RE = re.compile(r"</?[a-zA-Z][a-zA-Z0-9]*\b[^<>]*>")
ENTITY_RE = re.compile(r"&(?:#\d+|#x[0-9a-fA-F]+|[a-zA-Z]+);")
LIST_ITEM_RE = re.compile(r"<li\b[^>]*>", re.IGNORECASE)
# Elements dropped with their content in .html files.
HIDDEN_OPEN_RE = re.compile(r"<(script|style|head)\b", re.IGNORECASE)
HIDDEN_CLOSE_RE = {name: re.compile(rf"</{name}>", re.IGNORECASE) for name in ("script", "style", "head")}


def _sub_tags(pattern: re.Pattern, repl: str, text: str) -> str:
    """Return pattern.sub(repl, text) for a tag pattern ending in "[^>]*>".

    Only the text up to the last ">" is searched: after it no tag can end, and an unclosed
    "<p <p <p …" would otherwise be read to the end once per "<p".
    """
    end = text.rfind(">") + 1
    return pattern.sub(repl, text[:end]) + text[end:] if end else text


def _strip_line_ends(text: str) -> str:
    """Return text without blanks before its line breaks: "Hej  \\nda" -> "Hej\\nda"."""
    lines = text.split("\n")
    return "\n".join([line.rstrip(" \t") for line in lines[:-1]] + lines[-1:])


def drop_hidden(raw: str) -> str:
    """Return HTML without its script, style and head elements.  "a<script>x</script>b" -> "ab"

    An element that is never closed stays (and, once seen unclosed, that name is not looked for again).
    """
    out, pos, search_from, unclosed = [], 0, 0, set()
    while True:
        m = HIDDEN_OPEN_RE.search(raw, search_from)
        if not m:
            break
        name = m.group(1).lower()
        close = None if name in unclosed else HIDDEN_CLOSE_RE[name].search(raw, m.end())
        if close is None:
            unclosed.add(name)
            search_from = m.start() + 1
            continue
        out.append(raw[pos:m.start()])
        pos = search_from = close.end()
    return "".join(out) + raw[pos:]


# A table cell ends with a tab, so a row reads as the Word readers write one: "Lokaler\t70 000".
CELL_END_RE = re.compile(r"</t[dh]\s*>", re.IGNORECASE)
# ... and one row follows the next without a blank line between, as a table's rows do in the Word readers.
ROW_BREAK_RE = re.compile(r"</tr\s*>\s*<tr\b[^>]*>", re.IGNORECASE)


def _input_text(m: re.Match) -> str:
    """Return the filled-in value of an <input> on a line of its own, or nothing for a button or hidden field."""
    kind = INPUT_TYPE_RE.search(m.group(1))
    if kind and kind.group(1).lower() in VALUELESS_INPUTS:
        return ""
    value = INPUT_VALUE_RE.search(m.group(1))
    filled = (value.group(1) if value.group(1) is not None else value.group(2)) if value else ""
    return f"\n{filled}\n" if filled.strip() else ""


def clean_html(text: str) -> str:
    """Return text with HTML tags and entities replaced.  "<p>Hej&nbsp;då</p>" -> "Hej då"

    Block tags become line breaks, so list items and paragraphs keep their own lines; table cells
    end with a tab.  "<tr><td>Lokaler</td><td>70 000</td></tr>" -> "Lokaler\t70 000"
    """
    if "<" not in text and "&" not in text:
        return text
    if "<input" in text.lower() or "<option" in text.lower():
        text = INPUT_RE.sub(_input_text, text)
        text = UNCHOSEN_OPTION_RE.sub("", text)
    text = EMAIL_IN_BRACKETS_RE.sub(r"\1", text)  # "Anna Exempel <anna@exempel.se>" is an address, no tag
    text = _sub_tags(LIST_ITEM_RE, "\n- ", text)
    text = CELL_END_RE.sub("\t", text)
    text = _sub_tags(ROW_BREAK_RE, "\n", text)
    text = _sub_tags(BLOCK_TAG_RE, "\n", text)
    text = ANY_TAG_RE.sub("", text)
    text = ENTITY_RE.sub(lambda m: html.unescape(m.group(0)), text)
    text = text.replace("\xa0", " ")
    text = _strip_line_ends(text)
    return re.sub(r"\n{3,}", "\n\n", text)


# A heading element's edges, marked before the tags go so that its span can be found in the text.
HEADING_OPEN_RE = re.compile(r"<h([1-6])\b[^>]*>", re.IGNORECASE)
HEADING_CLOSE_RE = re.compile(r"</h[1-6]\s*>", re.IGNORECASE)
OPEN_MARK, CLOSE_MARK = "\x02", "\x03"
MARKS_RE = re.compile(f"{OPEN_MARK}([1-9])|{CLOSE_MARK}")
# A word processor's export sets its headings as bold paragraphs, not <h1>-<h6>: "<p><b>Målgrupp</b></p>",
# or runs a bold opening in to its text: "<p><strong>Målgrupp.</strong> Projektet vänder sig …</p>".
# Word's own HTML wraps the text in spans inside the bold ("<b><span lang=SV>Målgrupp<o:p></o:p></span></b>"),
# and some exports set bold by a span's style ("<span style='font-weight:bold'>").
BOLD_OPENING_RE = re.compile(
    r"(?P<p><(?:p|div)\b[^<>]*>)\s*(?P<wrap>(?:<(?:span|font)\b(?![^<>]*font-weight)[^<>]*>\s*)*)"
    r"<(?P<tag>b|strong|span(?=[^<>]*font-weight\s*:\s*(?:bold|[6-9]00)))\b[^<>]*>"
    r"(?P<inner>(?:[^<>]|</?(?:span|font|o:p)\b[^<>]*>){1,400}?)</(?P=tag)\s*>"
    r"(?P<close>(?:\s*</(?:span|font)\s*>)*\s*</(?:p|div)\s*>)?", re.IGNORECASE)
INNER_TAG_RE = re.compile(r"<[^<>]*>")
BOLD_HEADING_MAX_CHARS = 150
RUN_IN_LEVEL = 9  # as read/docx.py marks a bold opening: split.py keeps it where its words or shape head
RUN_IN_MAX_WORDS = 8


def _mark_bold_openings(body: str) -> str:
    """Return body with its bold paragraphs and bold openings marked as headings (level 1 where the
    page has no <h1>-<h6>, else below them), for _heading_hints to find."""
    whole_level = RUN_IN_LEVEL if HEADING_OPEN_RE.search(body) else 1

    def mark(m: re.Match) -> str:
        text = INNER_TAG_RE.sub("", m["inner"])
        whole = m["close"] is not None
        if (not text.strip() or len(text) > BOLD_HEADING_MAX_CHARS
                or not whole and len(text.split()) > RUN_IN_MAX_WORDS):
            return m.group(0)
        level = whole_level if whole else RUN_IN_LEVEL
        return f"{m['p']}{m['wrap']}{OPEN_MARK}{level}{m['inner']}{CLOSE_MARK}{m['close'] or ''}"

    return _sub_tags(BOLD_OPENING_RE, mark, body)


def _heading_hints(text: str) -> tuple[str, list[Hint]]:
    """Return text without heading marks, and a Hint (its level) for each marked heading's text."""
    out, hints, pos, length, opened = [], [], 0, 0, None
    for m in MARKS_RE.finditer(text):
        out.append(text[pos:m.start()])
        length += m.start() - pos
        pos = m.end()
        if m.group(1):
            opened = (length, int(m.group(1)))
        elif opened is not None:
            span = "".join(out)[opened[0]:length]
            lead = len(span) - len(span.lstrip())
            if span.strip():
                hints.append(Hint(opened[0] + lead, opened[0] + lead + len(span.strip()), opened[1]))
            opened = None
    out.append(text[pos:])
    return "".join(out), hints


# A web form's printed answers stand under a label of their own ("Ditt svar", "Your answer"): no text of the answer.
ANSWER_LABEL_LINE_RE = re.compile(r"(?im)^[ \t]*(?:ditt svar|your answer)[ \t]*:?[ \t]*\n")


def read_html(path: Path, raw: str, sha256: str) -> Document:
    """Return a Document from an .html file's decoded text; <h1>-<h6> become heading hints."""
    body = DOCTYPE_RE.sub("", drop_hidden(raw), count=1).replace(OPEN_MARK, "").replace(CLOSE_MARK, "")
    body = _mark_bold_openings(body)
    body = _sub_tags(HEADING_OPEN_RE, lambda m: f"\n{OPEN_MARK}{m.group(1)}", body)
    body = _sub_tags(HEADING_CLOSE_RE, f"{CLOSE_MARK}\n", body)
    text = ANSWER_LABEL_LINE_RE.sub("", pair_label_lines(unglue_labels(clean_html(body).strip())))
    # a saved page's request to store cookies is the site's, not the document's
    text = "\n".join(line for line in text.split("\n") if len(line) > MAX_COOKIE_LINE or not COOKIE_RE.search(line))
    text, hints = _heading_hints(text + "\n")
    return Document(path=str(path), format="html", sha256=sha256, text=text, hints=hints)
