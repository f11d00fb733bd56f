"""The errors the library raises; only cli.py turns them into output."""


class ExtractorError(Exception):
    """Base class: the message names the file, the problem and the next step."""


class UnsupportedFormat(ExtractorError):
    """The file is of a kind the extractor cannot read."""


class UnreadableDocument(ExtractorError):
    """The file opened (or should have), but no text could be taken from it."""


class ModelNotFound(ExtractorError):
    """A trained model under models/ is missing or does not match this version."""


class UnknownFile(ExtractorError):
    """A file named on the command line is not stored, or the name fits several stored files."""
