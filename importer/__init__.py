"""Raw pasted text to clean, structured Pelican Markdown, losing nothing.

A pure library (it never imports Pelican): :func:`convert` runs
decode → clean → structure → :class:`Document` → render → the nothing-lost check.
``python -m importer --help`` is the command line.
"""

from .convert import convert, parse
from .errors import EmptyInput, ImportRefused, OutputExists, TextLost, UndecodableInput
from .model import Block, Document, Note, Options, Removal, Report, Result
from .render import render
from .verify import check_nothing_lost

__all__ = [
    "Block", "Document", "EmptyInput", "ImportRefused", "Note", "Options", "OutputExists", "Removal",
    "Report", "Result", "TextLost", "UndecodableInput", "check_nothing_lost", "convert", "parse", "render",
]
