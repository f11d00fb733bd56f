"""Size limits for what a reader takes in, checked on the bytes actually read, never on what a header claims."""
from __future__ import annotations

import os
import stat
import zipfile
import zlib
from contextlib import contextmanager
from pathlib import Path

from ..errors import UnreadableDocument

MAX_FILE_BYTES = 200 * 1024 * 1024  # one file as stored; `--max-size` changes it
MAX_UNZIPPED_BYTES = 200 * 1024 * 1024  # all members of a .docx or .odt together, as inflated
MAX_XML_BYTES = 64 * 1024 * 1024  # one XML member (document.xml, content.xml), as inflated
MAX_TEXT_CHARS = 64 * 1024 * 1024  # a document's text, repeated spaces included
MAX_REPEAT = 1000  # one ODF <text:s text:c="…"/>: a line of spaces, not two billion
ZIP_ERRORS = (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, RuntimeError, ValueError, OSError)


def open_regular(path: str | Path, max_bytes: int | None = None) -> int:
    """Return a file descriptor open for reading on the regular file at `path`.

    Opened without blocking, so a FIFO is refused rather than waited on; /dev/zero, sockets and
    folders are refused before a byte is read.

    Raises:
        UnreadableDocument: not a regular file, larger than `max_bytes`, or cannot be opened.
    """
    limit = MAX_FILE_BYTES if max_bytes is None else max_bytes
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    except OSError as err:
        raise UnreadableDocument(f"{path}: cannot open ({err.strerror})") from err
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise UnreadableDocument(f"{path}: not a regular file (a device, pipe or socket); skipped")
        if limit > 0 and info.st_size > limit:
            raise UnreadableDocument(f"{path}: {info.st_size} bytes is larger than the {limit} byte limit "
                                     "(--max-size allows more)")
        os.set_blocking(fd, True)
    except BaseException:
        os.close(fd)
        raise
    return fd


def read_capped(path: str | Path, max_bytes: int | None = None) -> bytes:
    """Return the bytes of the regular file at `path`, reading no more than the limit allows.

    Raises:
        UnreadableDocument: see open_regular(); also a file that grew past the limit while read.
    """
    limit = MAX_FILE_BYTES if max_bytes is None else max_bytes
    fd = open_regular(path, limit)
    parts, total = [], 0
    try:
        with os.fdopen(fd, "rb", closefd=False) as fh:
            # the size stat gave first, then whatever more there is (a file may grow while read)
            block = os.fstat(fd).st_size + 1
            while chunk := fh.read(block):
                total += len(chunk)
                if limit > 0 and total > limit:
                    raise UnreadableDocument(f"{path}: larger than the {limit} byte limit (--max-size allows more)")
                parts.append(chunk)
                block = 1 << 20
    except OSError as err:
        raise UnreadableDocument(f"{path}: cannot read ({err.strerror})") from err
    finally:
        os.close(fd)
    return b"".join(parts)


def read_member(zf: zipfile.ZipFile, name: str, path: str | Path, limit: int = MAX_XML_BYTES) -> bytes:
    """Return one zip member, inflated through a cap: a member that inflates past `limit` is refused.

    Raises:
        UnreadableDocument: the member is damaged, encrypted or inflates past the limit.
    """
    chunks, total = [], 0
    try:
        with zf.open(name) as member:
            while chunk := member.read(1 << 20):
                total += len(chunk)
                if total > limit:
                    raise UnreadableDocument(f"{path}: {name} unpacks to more than {limit} bytes; refused as a zip bomb")
                chunks.append(chunk)
    except ZIP_ERRORS as err:
        raise UnreadableDocument(f"{path}: damaged archive member {name} ({err.__class__.__name__}: {err})") from err
    return b"".join(chunks)


def check_members(zf: zipfile.ZipFile, path: str | Path, limit: int = MAX_UNZIPPED_BYTES) -> None:
    """Inflate every member through a cap (nothing kept), so a directory that lies about sizes cannot pass.

    Raises:
        UnreadableDocument: a damaged member, or all members together inflate past `limit`.
    """
    total = 0
    for info in zf.infolist():
        own, xml = 0, info.filename.endswith((".xml", ".rels"))
        try:
            with zf.open(info) as member:
                while chunk := member.read(1 << 20):
                    total, own = total + len(chunk), own + len(chunk)
                    if total > limit:
                        raise UnreadableDocument(f"{path}: unpacks to more than {limit} bytes; refused as a zip bomb")
                    if xml and own > MAX_XML_BYTES:
                        raise UnreadableDocument(f"{path}: {info.filename} unpacks to more than {MAX_XML_BYTES} "
                                                 "bytes; refused as a zip bomb")
        except ZIP_ERRORS as err:
            raise UnreadableDocument(f"{path}: damaged archive member {info.filename} "
                                     f"({err.__class__.__name__}: {err})") from err


@contextmanager
def max_file_bytes(limit: int):
    """Change the largest file any reader accepts (0: no limit) for a while, in this process and the
    workers it forks meanwhile."""
    global MAX_FILE_BYTES
    before, MAX_FILE_BYTES = MAX_FILE_BYTES, limit
    try:
        yield
    finally:
        MAX_FILE_BYTES = before


class TextBudget:
    """Counts the characters a reader adds beyond the file's own bytes (repeat counts) and stops at a limit."""

    def __init__(self, path: str | Path, limit: int = MAX_TEXT_CHARS):
        self.path, self.limit, self.used = path, limit, 0

    def take(self, chars: int) -> int:
        """Return `chars` after counting them.

        Raises:
            UnreadableDocument: the document's text would grow past the limit.
        """
        self.used += chars
        if self.used > self.limit:
            raise UnreadableDocument(f"{self.path}: text longer than {self.limit} characters; refused")
        return chars


def repeat_count(value: str | None) -> int:
    """Return an ODF repeat count within 1..MAX_REPEAT.  "2000000000" -> 1000, "x" -> 1"""
    try:
        return min(max(int(value or "1"), 1), MAX_REPEAT)
    except ValueError:
        return 1
