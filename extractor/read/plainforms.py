"""Plain-text exports in the shapes other programs write them, made into the text the later stages read.

- A spreadsheet saved as CSV and pasted into a text file: '"Insatsens namn";"Exempelsteget"' -> one
  tab between the cells, as a Word table's row reads ("Insatsens namn\\tExempelsteget").
- A heading underlined with a row of "=" or "-" (a typewriter's or a README's way): the rule goes.
- A wiki's Markdown export: "**bold**", "`code`" and "*emphasis*" marks go, a pipe table's rows read
  as tab-separated cells.
- A list of form fields typed as bullets ("- Projektägare: Exempelby kommun"): the bullet goes, so the
  field reads as a form's "Label: value" line.
- A scan's or a typed copy's words broken at line ends with a hyphen ("arbets-" / "marknaden") are
  whole again, as the PDF reader joins them.
"""
from __future__ import annotations

import csv
import re

from .reflow import join_across_dash

# ---- CSV pasted as text
CSV_MIN_ROWS = 3
CSV_SHARE = 0.8  # of the non-blank lines that must be rows with the same number of cells
CSV_DELIMITERS = (";", ",")


def csv_as_tabs(text: str) -> str:
    """Return `text` with a pasted CSV export's rows as tab-separated cells, or `text` unchanged.

    A file counts as CSV where most non-blank lines split into the same number (two or more) of
    cells on one delimiter, each cell quoted or none; prose with the odd semicolon does not.
    '"Insatsägare";"Exempelby kommun"' -> 'Insatsägare\\tExempelby kommun'
    """
    lines = text.split("\n")
    filled = [line for line in lines if line.strip()]
    if len(filled) < CSV_MIN_ROWS or "\t" in text:
        return text
    for delimiter in CSV_DELIMITERS:
        rows = [_csv_row(line, delimiter) for line in filled]
        widths = [len(r) for r in rows if r is not None]
        if not widths:
            continue
        width = max(set(widths), key=widths.count)
        if width >= 2 and widths.count(width) >= CSV_SHARE * len(filled):
            return "\n".join(_tabbed(line, delimiter) for line in lines)
    return text


QUOTED_ROW_RE = {d: re.compile(rf'^\s*"(?:[^"]|"")*"(?:\s*{d}\s*"(?:[^"]|"")*")+\s*$') for d in CSV_DELIMITERS}


def _csv_row(line: str, delimiter: str) -> list[str] | None:
    """Return a line's cells where every cell is quoted (a spreadsheet's export), else None."""
    if not QUOTED_ROW_RE[delimiter].match(line):
        return None
    return next(csv.reader([line.strip()], delimiter=delimiter))


def _tabbed(line: str, delimiter: str) -> str:
    row = _csv_row(line, delimiter)
    return line if row is None else "\t".join(cell.strip() for cell in row)


# ---- headings underlined with a rule
RULE_RE = re.compile(r"^[ \t]*(?:={3,}|-{3,})[ \t]*$")


def drop_heading_rules(text: str) -> str:
    """Return `text` without the "====" / "----" lines that underline the line above them.

    "MÅLGRUPP\\n========\\nUnga vuxna" -> "MÅLGRUPP\\nUnga vuxna"
    """
    lines = text.split("\n")
    out: list[str] = []
    for line in lines:
        if RULE_RE.match(line) and out and out[-1].strip() and not RULE_RE.match(out[-1]):
            continue
        out.append(line)
    return "\n".join(out)


# ---- Markdown
MD_HEADING_RE = re.compile(r"(?m)^#{1,6}[ \t]+\S")
MD_TABLE_RULE_RE = re.compile(r"^[ \t]*\|?[ \t]*:?-{3,}:?[ \t]*(?:\|[ \t]*:?-{3,}:?[ \t]*)+\|?[ \t]*$")
MD_TABLE_ROW_RE = re.compile(r"^[ \t]*\|(.*)\|[ \t]*$")
MD_MARKS = [(re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*"), r"\1"), (re.compile(r"__(?=\S)(.+?)(?<=\S)__"), r"\1"),
            (re.compile(r"`([^`\n]+)`"), r"\1"), (re.compile(r"(?<![\w*])\*(?=[^\s*])([^*\n]+?)(?<=\S)\*(?![\w*])"), r"\1")]
MD_MIN_SIGNS = 2


def markdown_plain(text: str) -> str:
    """Return a Markdown export's text without its inline marks and with its pipe tables as tab rows.

    Only a text that shows Markdown (two "#" headings or a table's "|---|" rule) is touched.
    "| Sökt | 1 980 000 |" -> "Sökt\\t1 980 000"; "**25–64 år**" -> "25–64 år"
    """
    signs = len(MD_HEADING_RE.findall(text)) + sum(1 for line in text.split("\n") if MD_TABLE_RULE_RE.match(line))
    if signs < MD_MIN_SIGNS:
        return text
    out: list[str] = []
    for line in text.split("\n"):
        if MD_TABLE_RULE_RE.match(line):
            continue
        row = MD_TABLE_ROW_RE.match(line)
        if row:
            line = "\t".join(cell.strip() for cell in row.group(1).split("|"))
        for pattern, repl in MD_MARKS:
            line = pattern.sub(repl, line)
        out.append(line)
    return "\n".join(out)


# ---- form fields typed as a bulleted list
# "- Projektägare: Exempelby kommun", "• Planerat antal deltagare: 40 per år" (a label of one to five
# words, capitalised, its value after the colon on the same line)
BULLET_FIELD_RE = re.compile(r"^[ \t]*[-–•*·▪][ \t]+(?=[A-ZÅÄÖ][\w./-]*(?:[ \t]+[\w./()-]+){0,4}:[ \t]*\S)")
MIN_BULLET_FIELDS = 2


def unbullet_fields(text: str) -> str:
    """Return `text` with the bullets before its "Label: value" lines dropped, where two or more show.

    "- Samverkanspart: Arbetsförmedlingen" -> "Samverkanspart: Arbetsförmedlingen"
    """
    lines = text.split("\n")
    if sum(1 for line in lines if BULLET_FIELD_RE.match(line)) < MIN_BULLET_FIELDS:
        return text
    return "\n".join(BULLET_FIELD_RE.sub("", line) for line in lines)


# ---- words hyphenated at line ends
HYPHEN_LINE_END_RE = re.compile(r"[A-Za-zÅÄÖåäöéü]{2,}-$")


def join_hyphenated_lines(text: str) -> str:
    """Return `text` with each word a line end split by a hyphen joined to the rest on the next line.

    "Projektet arbetade enligt Supported Employ-\\nment med stöd" -> "… Supported Employment med stöd"
    (the next line's words follow on the same line); "Hälso-\\noch sjukvården" keeps its break.
    """
    lines = text.split("\n")
    out: list[str] = []
    for line in lines:
        if out and HYPHEN_LINE_END_RE.search(out[-1].rstrip()):
            joined = join_across_dash(out[-1].rstrip(), line.lstrip())
            if joined is not None:
                out[-1] = joined
                continue
        out.append(line)
    return "\n".join(out)


def plain_forms(text: str) -> str:
    """Return a plain-text export with the shapes above made plain."""
    return join_hyphenated_lines(unbullet_fields(markdown_plain(drop_heading_rules(csv_as_tabs(text)))))
