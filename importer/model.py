"""The data passed between the importer's steps: frozen, comparable, printable."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

BlockKind = Literal["heading", "paragraph"]
KINDS = ("report", "story", "article", "issue", "page")  # as the site names them
LANGS = ("zh", "en")
TODO = "TODO"


@dataclass(frozen=True)
class Block:
    """One heading or paragraph of the body.

    ``level`` is the Markdown heading level (2 for parts, 3 for sub-parts) and 0
    for paragraphs. ``lead`` is a paragraph's run-in heading, rendered in bold
    before ``text``. ``line`` is the input line the block starts on (1-based).
    """

    kind: BlockKind
    level: int
    text: str
    lead: str | None
    line: int


@dataclass(frozen=True)
class Document:
    """A publication ready to be rendered as a Pelican Markdown file."""

    title: str
    date: str
    kind: str
    lang: str
    slug: str
    source: str
    blocks: tuple[Block, ...]
    issue: str | None = None  # magazine articles only: the slug of their issue
    column: str | None = None  # magazine articles only: a key of MAGAZINE_COLUMNS


@dataclass(frozen=True)
class Removal:
    """Text removed from the input as an artifact: ``text`` = line ``line``[start:end]."""

    line: int
    start: int
    end: int
    text: str
    reason: str


@dataclass(frozen=True)
class Note:
    """One entry of the report: what was done (or doubted), and where in the input."""

    topic: str
    message: str
    line: int | None = None


@dataclass(frozen=True)
class Report:
    """What the import did, for the editor (stderr) and for the nothing-lost check."""

    encoding: str
    line_endings: str
    notes: tuple[Note, ...] = ()
    removals: tuple[Removal, ...] = ()
    source_title: str = ""  # the title as the input had it ("" when it had none)

    def topic(self, name: str) -> tuple[Note, ...]:
        return tuple(note for note in self.notes if note.topic == name)


@dataclass(frozen=True)
class Options:
    """What the caller decides rather than the text: overrides and switches."""

    kind: str | None = None
    lang: str | None = None
    slug: str | None = None
    title: str | None = None
    date: str | None = None
    source: str = "stdin"
    strip_timestamps: bool = False
    issue: str | None = None
    column: str | None = None
    columns: tuple[str, ...] = ()  # the Column keys the site accepts (empty: not checked)


@dataclass(frozen=True)
class Result:
    """An import: the document, its Markdown, the report, and the size of the check."""

    document: Document
    markdown: str
    report: Report
    checked: int = field(default=0)
