"""A PDF page's layout from its words: which wide gaps are table columns, and where text runs in two columns.

Both PDF paths (pdffast.py with pdfium, pdf.py with pdfplumber) group characters into words and
lines themselves and ask here, with the same numbers, so they keep giving the same text.

Gaps. A gap over CELL_GAP_EM font sizes wide separates table cells (a tab), except on a justified
line: a producer that stretches a line to the text's right edge widens all its word gaps alike
("Jobbcoacherna    använder    motiverande"), where a table row's column gap stands out from the
spaces inside its cells. A line whose gaps are all wide and even and that reaches the right edge
(the block's rightmost, or an edge three lines end at) keeps its spaces, unless its gaps line up
with a neighbouring table row's. A narrower gap that lines up with the column gaps of a
neighbouring row (a header cell "Skövde kommun (kr)" running close to "Summa (kr)") is a column
break too.

Columns. A gutter is a vertical strip in the middle of the page that no word touches over a run of
lines. The run reads as two text columns, left first, when its lines are one-sided in a way table
rows are not: a left column continuing in prose after the right one ends, or lines of the two
sides alternating (their baselines differ). A table's cells share each row's baseline, so its rows
are two-sided, and a wrapped cell only adds lines on one side.
"""
from __future__ import annotations

import numpy as np

CELL_GAP_EM = 1.5  # a gap this many font sizes wide separates table cells
ALIGNED_GAP_EM = 0.6  # a narrower gap is a column break where it lines up with a table row's
ALIGN_PT = 2.0  # cell edges this close line up
MIN_COLUMN_ROWS = 3  # table rows whose words start at one x after a gap make a column there
EVEN_GAP_PT = 1.5  # a justified line's gaps differ by at most this, or EVEN_GAP_SHARE of the narrowest
EVEN_GAP_SHARE = 0.15
PARAGRAPH_LEADING_EM = 1.6  # lines of one paragraph stand at most this many font sizes apart
Y_TOLERANCE = 3  # pdfplumber's: tops this close share a line
MIN_GUTTER_PT = 8.0  # a gutter is at least this wide
GUTTER_ZONE = (0.3, 0.7)  # where on the page's text width a gutter may stand
MIN_BAND_LINES = 6
PROSE_WORDS = 4  # a column line of prose has at least this many words
MIN_PROSE_LINES = 3
MIN_TAIL_LINES = 5
MIN_SWAPS = 3  # left-only lines next to right-only lines
MAX_BINS = 2000
MAX_LINES = 1000
SIDE_BY_SIDE_SHARE = 0.7  # of a band's lines with words on both sides (and of those, filled to the column's edge)
FILLED_SHARE = 0.15  # a line ends this close (a share of the column's width) to the column's right edge


def cluster(values: np.ndarray, tolerance: float = Y_TOLERANCE) -> np.ndarray:
    """Return cluster numbers: sorted distinct values within `tolerance` of the next chain into one."""
    values = np.asarray(values, dtype=float)
    if not len(values):
        return np.zeros(0, dtype=int)
    distinct = np.unique(values)
    ids = np.concatenate(([0], np.cumsum(np.diff(distinct) > tolerance)))
    return ids[np.searchsorted(distinct, values)]


def tab_gaps(start: np.ndarray, end: np.ndarray, size_first: np.ndarray, size_last: np.ndarray,
             line: np.ndarray, top: np.ndarray, upright: np.ndarray | None = None) -> np.ndarray:
    """Return, for each pair of consecutive words (in reading order), whether a tab separates them.

    start and end: each word's first character's x0 and last character's x1; size_first and
    size_last: those characters' font sizes; line: each word's line number; top: each word's top;
    upright: whether both the word's end characters are upright (gaps of turned text stay spaces).
    """
    start, end, line, top = np.asarray(start, float), np.asarray(end, float), np.asarray(line), np.asarray(top, float)
    n = len(start)
    if n < 2:
        return np.zeros(0, dtype=bool)
    same = line[1:] == line[:-1]
    if upright is not None:
        upright = np.asarray(upright, bool)
        same &= upright[1:] & upright[:-1]
    gap = start[1:] - end[:-1]
    em = np.maximum(np.maximum(np.asarray(size_last, float)[:-1], np.asarray(size_first, float)[1:]), 1)
    wide = same & (gap > CELL_GAP_EM * em)
    if not wide.any():
        return wide
    first = np.flatnonzero(np.concatenate(([True], line[1:] != line[:-1])))
    last = np.concatenate((first[1:], [n])) - 1  # each line's first and last word
    line_of = np.cumsum(np.concatenate(([True], line[1:] != line[:-1]))) - 1
    raw = wide.copy()
    ends = np.sort(end[last])
    shared = np.searchsorted(ends, ends + ALIGN_PT, "right") - np.searchsorted(ends, ends - ALIGN_PT, "left")
    margins = ends[shared >= 3].tolist()  # right edges three lines or more end at
    right, gap_list, end_list, em_list = float(ends[-1]), gap.tolist(), end.tolist(), em.tolist()

    def at_margin(k: int) -> bool:
        b = int(last[k])
        x, size = end_list[b], em_list[max(b - 1, 0)]
        return x >= right - size or any(abs(x - m) <= ALIGN_PT for m in margins)

    pairs = []  # lines of two words a wide gap apart, at the margin: justified too where prose goes on
    for k in np.unique(line_of[:-1][raw]).tolist():
        a, b = int(first[k]), int(last[k])
        gaps = gap_list[a:b]
        even = b - a >= 2 and max(gaps) - min(gaps) <= max(EVEN_GAP_PT, EVEN_GAP_SHARE * min(gaps))
        if (even or b - a == 1) and at_margin(k) and not _aligned(k, raw, first, last, start, end):
            if even:
                wide[a:b] = False
            else:
                pairs.append(k)
    _join_justified_pairs(pairs, wide, first, last, start, top, em, at_margin)
    _widen_aligned(wide, same, gap, em, first, last, start, end)
    _bridge_rows(wide, same, gap, em, first, last, start, end)
    _narrow_first_column(wide, same, gap, em, first, last, start, end)
    return wide


def _join_justified_pairs(pairs: list[int], cells, first, last, start, top, em, at_margin) -> None:
    """Make a space of the one wide gap of a two-word line inside a justified paragraph: right after
    a line of the paragraph that reaches the margin, or right before one that goes on, from the
    same left edge at the paragraph's leading, neither a table row."""
    def prose(j: int, k: int) -> bool:
        if not 0 <= j < len(first) or last[j] == first[j] or cells[int(first[j]):int(last[j])].any():
            return False
        a, b = int(first[k]), int(first[j])
        return abs(start[a] - start[b]) <= ALIGN_PT and abs(top[a] - top[b]) <= PARAGRAPH_LEADING_EM * em[a]

    changed = True
    while changed and pairs:  # a paragraph of two-word lines joins from its longer lines outwards
        changed = False
        for k in list(pairs):
            if (prose(k - 1, k) and at_margin(k - 1)) or prose(k + 1, k):
                cells[int(first[k])] = False
                pairs.remove(k)
                changed = True


def _edges(k: int, cells: np.ndarray, first: np.ndarray, last: np.ndarray, start, end):
    """Return the cell edges at line k's column gaps: the x1 before each and the x0 after it."""
    a, b = int(first[k]), int(last[k])
    at = a + np.flatnonzero(cells[a:b])
    return end[at], start[at + 1]


def _near(values: np.ndarray, targets: np.ndarray) -> np.ndarray:
    """Return, per value, whether a target lies within ALIGN_PT of it."""
    if not len(targets) or not len(values):
        return np.zeros(len(values), dtype=bool)
    return (np.abs(values[:, None] - targets[None, :]) <= ALIGN_PT).any(axis=1)


def _aligned(k: int, cells, first, last, start, end) -> bool:
    """Return True when all of line k's wide gaps line up with a neighbouring line's (a table row's
    do; a justified line's stretched gaps meet a neighbour's only by chance, one at a time)."""
    before, after = _edges(k, cells, first, last, start, end)
    for j in (k - 1, k + 1):
        if 0 <= j < len(first):
            nb_before, nb_after = _edges(j, cells, first, last, start, end)
            together = abs(end[last[k]] - end[last[j]]) <= ALIGN_PT
            if together and cells[int(last[j]) - 1]:
                nb_after = nb_after[:-1]
            hits_after = _near(after, nb_after)
            if together and cells[int(last[k]) - 1]:
                # lines ending together: their last words start together wherever they are as wide
                hits_after[-1] = False
            hits = _near(before, nb_before) | hits_after
            if len(hits) and hits.all():
                return True
    return False


def _widen_aligned(cells, same, gap, em, first, last, start, end) -> None:
    """Make a tab of a narrower gap on a table row that lines up with a neighbouring row's column gap."""
    line_of = np.repeat(np.arange(len(first)), last - first + 1)[:-1]  # the line of each gap's left word
    per_line = np.bincount(line_of[cells], minlength=len(first))
    for k in np.flatnonzero(per_line >= 2).tolist():
        nb_before, nb_after = _edges(k, cells, first, last, start, end)
        for j in (k - 1, k + 1):
            if not 0 <= j < len(first) or not per_line[j]:
                continue
            a, b = int(first[j]), int(last[j])
            at = a + np.flatnonzero(~cells[a:b] & same[a:b] & (gap[a:b] >= ALIGNED_GAP_EM * em[a:b]))
            if len(at):
                cells[at[_near(end[at], nb_before) | _near(start[at + 1], nb_after)]] = True


def _bridge_rows(cells, same, gap, em, first, last, start, end) -> None:
    """Make a tab of a narrower gap on a line next to table rows whose cells start where its words do:
    a first cell that nearly fills its column leaves the row only a cell's padding before the next
    ("Samordningsförbundet Exempelbygden 3 150" over "Exempelby kommun\t420"). The rows beside it
    (one at a page's top or bottom) must start where it starts, and the gap be wider than a space.
    """
    line_of = np.repeat(np.arange(len(first)), last - first + 1)[:-1]
    per_line = np.bincount(line_of[cells], minlength=len(first))
    def row_above(k: int, j: int) -> bool:
        return 0 <= k < len(first) and bool(per_line[k]) and abs(start[first[k]] - start[first[j]]) <= ALIGN_PT

    for j in np.flatnonzero(per_line == 0).tolist():
        rows = [k for k in (j - 1, j + 1) if 0 <= k < len(first)]
        if not rows or not all(per_line[k] and abs(start[first[k]] - start[first[j]]) <= ALIGN_PT for k in rows):
            # a table's last row, prose after it: it takes the columns of the row above (itself below a row)
            if not (row_above(j - 1, j) and j >= 2 and per_line[j - 2]):
                continue  # between a row and prose, or not a row of the same table: its first cell starts elsewhere
            rows = [j - 1]
        columns = _edges(rows[0], cells, first, last, start, end)[1]
        for k in rows[1:]:
            columns = columns[_near(columns, _edges(k, cells, first, last, start, end)[1])]  # cell starts both rows share
        a, b = int(first[j]), int(last[j])
        at = a + np.flatnonzero(same[a:b] & (gap[a:b] >= ALIGNED_GAP_EM * em[a:b]))
        if len(columns) and len(at):
            cells[at[_near(start[at + 1], columns)]] = True


def _narrow_first_column(cells, same, gap, em, first, last, start, end) -> None:
    """Make a tab of a narrower gap where MIN_COLUMN_ROWS rows or more of a run of table rows (from one
    left edge) each have a word starting at one x after a gap wider than a space: a column no wider
    than its cell padding ("Personal 2 300 000\t400 000" under "Kostnad Sökt från förbundet\tAle kommun")."""
    line_of = np.repeat(np.arange(len(first)), last - first + 1)[:-1]
    per_line = np.bincount(line_of[cells], minlength=len(first))
    wider = same & (gap >= ALIGNED_GAP_EM * em)
    k = 0
    while k < len(first):
        j = k
        while j < len(first) and per_line[j] and abs(start[first[j]] - start[first[k]]) <= ALIGN_PT:
            j += 1
        if j - k >= MIN_COLUMN_ROWS:
            gaps = [int(first[i]) + np.flatnonzero(wider[int(first[i]):int(last[i])]) for i in range(k, j)]
            starts = np.concatenate([start[at + 1] for at in gaps])
            # an x where words start after a gap on MIN_COLUMN_ROWS lines (a centred header may start elsewhere)
            shared = sum(_near(starts, start[at + 1]).astype(int) for at in gaps)
            columns = starts[shared >= MIN_COLUMN_ROWS]
            for at in gaps:
                # a column's start x inside the gap: a centred header cell starts right of its column's edge
                inside = ((end[at][:, None] < columns[None, :]) & (columns[None, :] <= start[at + 1][:, None])).any(axis=1)
                cells[at[_near(start[at + 1], columns) | inside]] = True
        k = max(j, k + 1)


def reading_groups(x0: np.ndarray, x1: np.ndarray, line: np.ndarray,
                   alpha=None) -> list[np.ndarray] | None:
    """Return the words' indexes in reading order, one array per block read as one (a text column or
    the lines between), or None when no part of the page stands in two columns.

    x0, x1: each word's edges; line: each word's line number, in reading order (top down);
    alpha: whether each word holds a letter (prose side by side is told from figures by it), or a
    function that says so, asked only where a band of lines may be prose side by side (and asked
    again there: it should remember its answer).
    """
    x0, x1, line = np.asarray(x0, float), np.asarray(x1, float), np.asarray(line)
    if not len(x0):
        return None
    lines = np.unique(line)
    row = np.searchsorted(lines, line)  # 0.. per line, top down
    if len(lines) > MAX_LINES or not _may_have_gutter(x0, x1, row):
        return None  # (a page of thousands of lines is no layout to read in columns)
    covered = _coverage(x0, x1, row, len(lines))
    blocks = _blocks(covered, 0, len(lines), x0, x1, row, alpha)
    if not any(gutter is not None for _, _, gutter in blocks):
        return None
    order = np.argsort(row, kind="stable")
    groups: list[np.ndarray] = []
    pending: list[np.ndarray] = []
    bounds = np.searchsorted(row[order], np.arange(len(lines) + 1))
    for top, bottom, gutter in blocks:
        words = order[bounds[top]:bounds[bottom]]
        if gutter is None:
            pending.append(words)
            continue
        if pending:
            groups.append(np.concatenate(pending))
            pending = []
        centre = (x0[words] + x1[words]) / 2
        groups.extend(part for part in (words[centre < gutter], words[centre >= gutter]) if len(part))
    if pending:
        groups.append(np.concatenate(pending))
    return groups


def reads_as_columns(x0: np.ndarray, x1: np.ndarray, line: np.ndarray, gutter: float, alpha=None) -> bool:
    """Return True when a page's lines, split at `gutter`, read as two text columns and not as the
    rows of a form or table whose label cells stand left of the middle and values right of it (few
    words cross the middle on either)."""
    x0, x1 = np.asarray(x0, float), np.asarray(x1, float)
    if not len(x0):
        return False
    row = np.searchsorted(np.unique(line), line)
    return _is_text_columns(x0, x1, row, (0, int(row.max()) + 1), gutter, alpha)


def _may_have_gutter(x0, x1, row) -> bool:
    """Return False when no MIN_BAND_LINES lines in a row each leave a strip of the gutter zone free
    (a page of prose: every line runs across the middle), a quick test before the full one."""
    left, width = float(x0.min()), float(x1.max() - x0.min())
    lo, hi = left + GUTTER_ZONE[0] * width, left + GUTTER_ZONE[1] * width
    order = np.lexsort((x0, row))
    a, b, r = x0[order], x1[order], row[order]
    starts = np.concatenate(([True], r[1:] != r[:-1]))
    ends = np.concatenate((r[1:] != r[:-1], [True]))
    free = np.zeros(int(r[-1]) + 1, dtype=bool)
    free[r[starts & (a - lo >= MIN_GUTTER_PT)]] = True  # the line starts right of the zone's left edge
    free[r[ends & (hi - b >= MIN_GUTTER_PT)]] = True  # or ends left of its right edge
    inner = ~ends[:-1] & (np.minimum(a[1:], hi) - np.maximum(b[:-1], lo) >= MIN_GUTTER_PT)
    free[r[:-1][inner]] = True  # or has a gap that wide inside it
    return bool(_run_lengths(free[:, None]).max() >= MIN_BAND_LINES)


def _coverage(x0, x1, row, n_lines: int) -> tuple[np.ndarray, float, float]:
    """Return which bins of the gutter zone each line's words touch (lines x bins), the zone's left x
    and the bins' width."""
    left, width = float(x0.min()), float(x1.max() - x0.min())
    lo = left + GUTTER_ZONE[0] * width
    zone = (GUTTER_ZONE[1] - GUTTER_ZONE[0]) * width
    step = max(1.0, zone / MAX_BINS)  # 1-pt bins, wider on a poster-sized page
    n_bins = max(int(np.ceil(zone / step)), 0)
    a = np.clip(np.floor((x0 - lo) / step).astype(int), 0, n_bins)
    b = np.clip(np.ceil((x1 - lo) / step).astype(int), 0, n_bins)
    inside, cells = b > a, n_lines * (n_bins + 1)
    flat = row[inside] * (n_bins + 1)
    diff = np.bincount(flat + a[inside], minlength=cells) - np.bincount(flat + b[inside], minlength=cells)
    return np.cumsum(diff.reshape(n_lines, n_bins + 1), axis=1)[:, :n_bins] > 0, lo, step


def _blocks(covered, top: int, bottom: int, x0, x1, row, alpha=None) -> list[tuple[int, int, float | None]]:
    """Return lines top..bottom as blocks (first line, end line, gutter x or None), top down."""
    touched, lo, step = covered
    width = int(np.ceil(MIN_GUTTER_PT / step))
    if bottom - top < MIN_BAND_LINES or touched.shape[1] < width:
        return [(top, bottom, None)]
    part = touched[top:bottom]
    # a strip `width` bins wide that a line leaves free: no touched bin in the window
    hits = np.concatenate((np.zeros((len(part), 1), int), np.cumsum(part, axis=1)), axis=1)
    free = (hits[:, width:] - hits[:, :-width]) == 0
    runs = _run_lengths(free)
    best = int(runs.max()) if runs.size else 0
    if best < MIN_BAND_LINES:
        return [(top, bottom, None)]
    end_row, bins = np.nonzero(runs == best)
    end = int(end_row[0])
    columns = bins[end_row == end]
    strips = np.split(columns, np.flatnonzero(np.diff(columns) > 1) + 1)  # free strips side by side
    middle = min(((s[0] + s[-1]) / 2 for s in strips), key=lambda m: abs(m - touched.shape[1] / 2))
    gutter = lo + (float(middle) + width / 2) * step
    start = top + end - best + 1
    band = (start, top + end + 1)
    kind = gutter if _is_text_columns(x0, x1, row, band, gutter, alpha) else None
    return (_blocks(covered, top, band[0], x0, x1, row, alpha) + [(band[0], band[1], kind)]
            + _blocks(covered, band[1], bottom, x0, x1, row, alpha))


def _run_lengths(free: np.ndarray) -> np.ndarray:
    """Return, per line and bin, how many lines up to and including it leave the bin free in a row."""
    index = np.arange(free.shape[0])[:, None]
    last_touched = np.maximum.accumulate(np.where(free, -1, index), axis=0)
    return index - last_touched


def _is_text_columns(x0, x1, row, band: tuple[int, int], gutter: float, alpha=None) -> bool:
    """Return True when the band's lines read as two text columns rather than table rows."""
    in_band = (row >= band[0]) & (row < band[1])
    rows, lefts = row[in_band] - band[0], x1[in_band] <= gutter
    n = band[1] - band[0]
    n_left = np.bincount(rows[lefts], minlength=n)
    n_right = np.bincount(rows[~lefts], minlength=n)
    if (n_left > 0).sum() < 2 or (n_right > 0).sum() < 2:
        return False
    side = np.where(n_left > 0, np.where(n_right > 0, "B", "L"), "R")
    swaps = int(((side[1:] != side[:-1]) & (side[1:] != "B") & (side[:-1] != "B")).sum())
    if swaps >= MIN_SWAPS and (n_left >= PROSE_WORDS).sum() >= MIN_PROSE_LINES \
            and (n_right >= PROSE_WORDS).sum() >= MIN_PROSE_LINES:
        return True
    if alpha is not None and _prose_side_by_side(x0, x1, alpha, in_band, rows, lefts, n):
        return True
    tail = n - (np.flatnonzero(side != "L").max() + 1)  # left-only lines after the right column ends
    prose_tail = int((n_left[n - tail:] >= PROSE_WORDS).sum()) if tail else 0
    return tail >= max(MIN_TAIL_LINES, int((side == "B").sum())) and prose_tail * 2 >= tail


def _prose_side_by_side(x0, x1, alpha, in_band, rows, lefts, n: int) -> bool:
    """Return True when the band's lines are two-sided, several hold words of prose (not figures) on
    both sides, and the left side's lines fill their column to its right edge: two text columns set on
    one line grid (a newsletter's, a Word section's columns), whose lines share baselines as table rows
    do. A table's left cells are labels or figures, not lines of prose that run to a column's edge."""
    words = np.asarray(alpha() if callable(alpha) else alpha, bool)[in_band]  # (asked only here: most pages never are)
    n_left, n_right = np.bincount(rows[lefts], minlength=n), np.bincount(rows[~lefts], minlength=n)
    prose_left = np.bincount(rows[lefts & words], minlength=n)
    prose_right = np.bincount(rows[~lefts & words], minlength=n)
    two = (n_left > 0) & (n_right > 0)
    prose = two & (prose_left >= PROSE_WORDS) & (prose_right >= PROSE_WORDS)
    if prose.sum() < MIN_PROSE_LINES or two.sum() < SIDE_BY_SIDE_SHARE * n:
        return False
    left_x0, left_x1 = x0[in_band][lefts], x1[in_band][lefts]
    ends = np.full(n, -np.inf)
    np.maximum.at(ends, rows[lefts], left_x1)
    edge, width = float(ends.max()), float(ends.max() - left_x0.min())
    filled = two & (edge - ends <= FILLED_SHARE * width)
    return filled.sum() >= SIDE_BY_SIDE_SHARE * two.sum()
