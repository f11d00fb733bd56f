"""Page furniture: page numbers, running headers and footers repeated at the edges of most pages, a
browser's print footer and a site's cookie request; read/pdf.py and paged text exports drop them."""
from __future__ import annotations

import re
from collections import Counter

# Page furniture that is never body text, wherever it stands.
PAGE_NUMBER_RE = re.compile(r"^\s*(?:sida\s+\d+(?:\s*(?:av|\(|/)\s*\d+\)?)?|page\s+\d+(?:\s+of\s+\d+)?|-?\s*\d{1,3}\s*-?|\d+\s*\(\d+\)|\d+\s*/\s*\d+)\s*$", re.I)
REGISTRY_RE = re.compile(r"\b(?:dnr|diarienummer|diarienr)\b", re.I)
# A page printed from a web browser: its address and the page count at the foot ("https://…/visa?id=12  1/3"),
# and the site's request to store cookies, wherever the print put it
BROWSER_FOOTER_RE = re.compile(r"^\s*(?:https?://|www\.)\S+\s+\d{1,3}\s*/\s*\d{1,3}\s*$", re.I)
COOKIE_RE = re.compile(r"\b(?:kakor|cookies)\b.{0,120}\b(?:godkänn|acceptera|accept|samtyck|neka)|"
                       r"\b(?:använder|use)\s+(?:kakor|cookies)\b", re.I)
MAX_COOKIE_LINE = 300
FURNITURE_LINES = 2


def _furniture_key(line: str) -> str:
    return re.sub(r"\d+", "#", line.strip().lower())


def strip_furniture(pages: list[list[str]]) -> list[list[str]]:
    """Drop page numbers and lines repeated at the top or bottom of most pages."""
    counts: Counter = Counter()
    for lines in pages:
        edge = set(lines[:FURNITURE_LINES] + lines[-FURNITURE_LINES:])
        counts.update({_furniture_key(line) for line in edge if line.strip()})
    threshold = max(2, (len(pages) + 1) // 2)
    repeated = {key for key, n in counts.items() if n >= threshold} if len(pages) > 1 else set()
    cleaned, kept_once = [], set()
    for lines in pages:
        keep = []
        for i, line in enumerate(lines):
            at_edge = i < FURNITURE_LINES or i >= len(lines) - FURNITURE_LINES
            key = _furniture_key(line)
            # a running header that prints the registry number keeps its first copy: the number is the document's
            if at_edge and key in repeated and REGISTRY_RE.search(line) and key not in kept_once:
                kept_once.add(key)
            elif at_edge and (PAGE_NUMBER_RE.match(line) or key in repeated or BROWSER_FOOTER_RE.match(line)):
                continue
            elif len(line) <= MAX_COOKIE_LINE and COOKIE_RE.search(line):
                continue
            keep.append(line)
        cleaned.append(keep)
    return cleaned
