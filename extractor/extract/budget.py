"""The three headline budget figures: requested from the förbund, own financing, total cost."""
from __future__ import annotations

import re

from ..record import Section
from .amounts import Found
from .text import lines as split_lines

CUES: dict[str, str] = {
    "own_financing_sek": r"egen\s*finansiering|egenfinansiering|egen\s*insats|egeninsats|medfinansiering|eget bidrag|egna insats",
    "requested_sek": r"\bsöks\b|sökt belopp|ansökt belopp|\bsöker\b|ansöker om|att rekvirera|beviljat belopp|"
                     r"beviljade|\bfinansierar\b|från (?:samordnings)?förbundet|^samordningsförbundet",
    "total_sek": r"total(?:a)? kostnad(?:en)?|totala budgeten|total budget|totalkostnad|kostnad för insatsen|"
                 r"kostnaden för (?:år )?\d{4}|budgetomslutning|omsluter|sammanlagd(?:a)? (?:budget|kostnad)|"
                 r"^totalt\s*$|^summa\s*$|^summa kostnader|^summa totalt|^total\s*$",
}
CUE_RES = {field: re.compile(p, re.I) for field, p in CUES.items()}
# Reports set budget against outcome: their "Summa" rows are not the whole cost.
REPORT_TYPES = {"final_report", "progress_report"}
FIGURES_ONLY_RE = re.compile(r"^[\s\d\u00a0,.:\-–kr]*$")
NEAR_AFTER, NEAR_BEFORE = 90, 70
SHORT_FIELD_CHARS = 100
WRAPPED_LABEL_CHARS = 30
# A line that ends a sentence, or ends on a figure, is not continued by a figure below it.
LINE_DONE_RE = re.compile(r"[.!?:;]\s*$|\d\s*$")


def _line_groups(text: str):
    """Yield (start, end, first_line) for each line plus the figure-only lines that continue it."""
    lines = split_lines(text)
    i = 0
    while i < len(lines):
        start, line = lines[i]
        j = i + 1
        if "\t" in line:
            while j < len(lines) and lines[j][1].strip() and FIGURES_ONLY_RE.match(lines[j][1]):
                j += 1
            nxt = lines[j][1].strip() if j < len(lines) else ""
            if nxt[:1].islower() and "\t" not in nxt and len(nxt) <= WRAPPED_LABEL_CHARS and not re.search(r"\d", nxt):
                # a PDF cell whose label wrapped: "Arbetsförmedlingen, egen\t1 398" + "finansiering"
                label, rest = line.split("\t", 1)
                line = f"{label} {nxt}\t{rest}"
                j += 1
        else:  # a wrapped prose line continues in lower case, or with the figure it led up to
            while j < len(lines) and "\t" not in lines[j][1] and (
                    lines[j][1][:1].islower()
                    or lines[j][1][:1].isdigit() and not LINE_DONE_RE.search(lines[j - 1][1])):
                j += 1
        end = lines[j - 1][0] + len(lines[j - 1][1])
        yield start, end, line
        i = j


# "Summa 2 050 000 kr": a label and one figure with its unit also reads as a table row.
LABELLED_FIGURE_RE = re.compile(
    r"[^\d\t]*[^\d\s:]\s*:?\s+\d{1,3}(?:[ \u00a0]\d{3})*(?:,\d+)?\s*(?:kr|kronor|sek|tkr|:-)?\.?\s*", re.I)


def _row_label(line: str) -> str | None:
    """Return the text before a table row's first figure, when the line reads as a row."""
    m = re.search(r"[\t ]\d", line)
    if "\t" not in line and not re.search(r"\d[\d ]*\d\s*$", line) and not LABELLED_FIGURE_RE.fullmatch(line):
        return None
    label = line[: m.start()] if m else line
    return label.strip(" \t:") or None


def find_budget(text: str, amounts: list[Found], sections: list[Section], doc_type: str,
                where: dict | None = None) -> dict:
    """Return {"requested_sek", "own_financing_sek", "total_sek"} (None where not stated).

    `where`, if given, gets "budget.requested_sek" etc. -> offsets of the figure chosen.
    """
    budget_spans = [(s.char_start, s.char_end) for s in sections if s.key == "budget"]
    candidates: dict[str, list[tuple[bool, int, int, int, int]]] = {field: [] for field in CUES}
    flat = text.replace("\n", " ")
    for start, end, line in _line_groups(text):
        inside = [a for a in amounts if start <= a.start < end]
        if not inside:
            continue
        in_budget = any(s <= start < e for s, e in budget_spans)
        # a row is one line (or a tabbed line and its figures); prose that wraps is not a row
        label = _row_label(line) if "\t" in line or end - start == len(line) else None
        for field, cue in CUE_RES.items():
            if field == "total_sek" and doc_type in REPORT_TYPES and label and label.lower().startswith("summa"):
                continue
            if label is not None and cue.search(label):
                candidates[field].append((not in_budget, start, inside[-1].value, inside[-1].start, inside[-1].end))
                continue
            for m in cue.finditer(flat[start:end]):
                pick = _nearest(inside, start + m.start(), start + m.end())
                if pick:
                    candidates[field].append((not in_budget, start + m.start(), pick.value, pick.start, pick.end))
    for section in sections:
        # A form's budget field holding one figure ("7 527 tkr för 4 år") is the sum applied for.
        inside = [a for a in amounts if section.char_start <= a.start < section.char_end]
        if section.key == "budget" and len(inside) == 1 and len(section.text) <= SHORT_FIELD_CHARS:
            candidates["requested_sek"].append((False, section.char_start, inside[0].value, inside[0].start,
                                                inside[0].end))
    chosen = {field: min(found) for field, found in candidates.items() if found}
    if where is not None:
        where.update({f"budget.{field}": (c[3], c[4]) for field, c in chosen.items()})
    return {field: chosen[field][2] if field in chosen else None for field in candidates}


def _nearest(amounts: list[Found], cue_start: int, cue_end: int) -> Found | None:
    after = [a for a in amounts if 0 <= a.start - cue_end <= NEAR_AFTER]
    if after:
        return min(after, key=lambda a: a.start)
    before = [a for a in amounts if 0 <= cue_start - a.end <= NEAR_BEFORE]
    return max(before, key=lambda a: a.end) if before else None
