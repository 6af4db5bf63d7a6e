"""Errors the importer raises when it refuses input or would lose text."""


class ImportRefused(Exception):
    """The input cannot be imported; the message says why and what to do."""


class UndecodableInput(ImportRefused):
    """Binary data, or bytes that are no supported encoding."""


class EmptyInput(ImportRefused):
    """Nothing to import (empty, blank, or only artifacts)."""


class TextLost(ImportRefused):
    """The nothing-lost check found a difference between input and output."""


class OutputExists(ImportRefused):
    """The output file exists and ``--force`` was not given."""


class IncompleteMetadata(ImportRefused):
    """Metadata the site requires is missing or wrong, e.g. a magazine article's Issue or Column."""
