"""Document to Pelican Markdown: a metadata block, then headings and paragraphs."""

from __future__ import annotations

import re

from .model import Block, Document

METADATA_KEYS = ("Title", "Date", "Kind", "Lang", "Slug", "Source", "Issue", "Column")
# Line starts that Markdown would read as block markup (a heading, a quote, a list).
_BLOCK_MARKUP = re.compile(r"#{1,6}(?=\s|$)|>|[-+*](?=\s|$)")
_ORDERED_LIST = re.compile(r"([0-9]{1,9})([.)])(?=\s|$)")


def render(document: Document) -> str:
    """The Markdown text of ``document``, ending with one newline."""
    values = (document.title, document.date, document.kind, document.lang, document.slug, document.source,
              document.issue, document.column)
    head = "\n".join(f"{key}: {' '.join(str(value).split())}"
                     for key, value in zip(METADATA_KEYS, values) if value is not None)
    return "\n\n".join([head, *(render_block(block) for block in document.blocks)]) + "\n"


def render_block(block: Block) -> str:
    if block.kind == "heading":
        return f"{'#' * block.level} {block.text}"
    if block.lead:
        return f"**{block.lead}**{block.text}"
    return escape_start(block.text)


def escape_start(text: str) -> str:
    """Escape a paragraph start that Markdown would take for a heading, a quote or a list."""
    if _BLOCK_MARKUP.match(text):
        return "\\" + text
    match = _ORDERED_LIST.match(text)
    if match:
        return f"{match.group(1)}\\{text[match.end(1):]}"
    return text
