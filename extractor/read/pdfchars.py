"""A page's characters, fast: pdfminer's interpreter with a device that keeps only what text needs.

pdfplumber's `page.chars` builds a pdfminer LTChar and then a dict of some 20 resolved attributes
for every character; on text-heavy pages that is three quarters of the reading time. This device
computes the same box per character (the arithmetic of pdfminer's LTChar) and keeps the fields
pdfplumber's own word and text-map code reads, so `page_chars(page)` can be passed to
`pdfplumber.utils` and gives the text `page.extract_text()` gives.
"""
from __future__ import annotations

from pdfminer.pdfdevice import PDFTextDevice
from pdfminer.pdffont import PDFUnicodeNotDefined
from pdfminer.pdfinterp import PDFPageInterpreter
from pdfminer.utils import apply_matrix_rect


class _CharDevice(PDFTextDevice):
    def __init__(self, rsrcmgr, height: float, x_shift: float, y_shift: float, doctop: float):
        super().__init__(rsrcmgr)
        self.chars: list[dict] = []
        self._glyphs: dict = {}
        self._height, self._x_shift, self._y_shift, self._doctop = height, x_shift, y_shift, doctop

    def render_char(self, matrix, font, fontsize, scaling, rise, cid, ncs, graphicstate) -> float:
        glyph = self._glyphs.get((id(font), cid))
        if glyph is None:
            try:
                text = font.to_unichr(cid)
            except PDFUnicodeNotDefined:
                text = f"(cid:{cid})"
            vertical = font.is_vertical()
            glyph = self._glyphs[(id(font), cid)] = (
                text, font.char_width(cid), vertical, font.char_disp(cid) if vertical else None,
                font.get_descent(), font,  # the font is kept so that id(font) stays unique
            )
        text, width, vertical, disp, descent, _ = glyph
        adv = width * fontsize * scaling
        a, b, c, d, e, f = matrix
        if vertical:
            vx, vy = disp
            vx = fontsize * 0.5 if vx is None else vx * fontsize * 0.001
            vy = (1000 - vy) * fontsize * 0.001
            x0, y0, x1, y1 = apply_matrix_rect(matrix, (-vx, vy + rise + adv, -vx + fontsize, vy + rise))
        elif b == 0 and c == 0:  # upright or mirrored, not rotated: the box is two points
            low = descent * fontsize + rise
            x0, x1 = e, a * adv + e
            y0, y1 = d * low + f, d * (low + fontsize) + f
        else:
            low = descent * fontsize + rise
            x0, y0, x1, y1 = apply_matrix_rect(matrix, (0, low, adv, low + fontsize))
        if x1 < x0:
            x0, x1 = x1, x0
        if y1 < y0:
            y0, y1 = y1, y0
        top = self._height - y1 + self._y_shift
        self.chars.append({
            "text": text,
            "x0": x0 + self._x_shift,
            "x1": x1 + self._x_shift,
            "top": top,
            "bottom": self._height - y0 + self._y_shift,
            "doctop": self._doctop + top,
            "upright": a * d * scaling > 0 and b * c <= 0,
            "size": (x1 - x0) if vertical else (y1 - y0),
        })
        return adv


def page_chars(page) -> list[dict]:
    """Return the characters of a pdfplumber page, in content order, as pdfplumber places them.

    Raises whatever pdfminer raises on a broken content stream.
    """
    mb_x0, mb_top = page.mediabox[:2]
    device = _CharDevice(page.pdf.rsrcmgr, page.height, mb_x0, mb_top, page.initial_doctop)
    PDFPageInterpreter(page.pdf.rsrcmgr, device).process_page(page.page_obj)
    return device.chars
