"""python -m extractor: the same as the extractor command."""
from .cli import cli

cli(prog_name="extractor")
