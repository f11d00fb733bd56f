"""OCR of scanned pages with tesseract: each page rendered in turn, several read at once.

A scanned submission of five pages is five tesseract runs of a few seconds each; they need not
wait for one another. Pages are rendered here one at a time (pdfium is not to be shared between
threads) and handed to at most `PROCESSES` tesseract processes, the oldest waited for first.
A bulk import sets PROCESSES to its share of the cores, so that its workers do not crowd them.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import time
from collections import deque
from pathlib import Path

from ..errors import UnreadableDocument

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
        process = subprocess.Popen(["tesseract", base + ".tif", base, "-l", "swe", "--psm", "3"],
                                   stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                                   env={**os.environ, "OMP_THREAD_LIMIT": "1"})
        self.running.append((key, page.page_number, process, time.monotonic(), base + ".txt"))

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
        with open(text_file, encoding="utf-8", errors="replace") as fh:
            self.done[key] = fh.read()

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
