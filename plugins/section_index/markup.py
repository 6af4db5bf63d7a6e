"""Just enough of an HTML tree to read a rendered page and edit it in place.

The outline needs a page's structure, its text and where each element starts
and ends in the source: then it can write ids and permalinks into the page
and leave every other byte as Python-Markdown wrote it. Rebuilding and
re-serialising the whole document with Beautiful Soup made the outline four
times as slow (1.4 ms a page of the benchmark's archive, against 0.3 ms).

The tree is built the way Beautiful Soup's html.parser builder builds it,
from the same tokenizer: void elements take no children, an end tag closes
the most recent open element of its name and everything opened inside it, a
stray end tag is ignored, and text under <rt>, <script> and the like is not
part of an element's text.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from html.parser import HTMLParser

VOID_ELEMENTS = frozenset(
    {
        "area", "base", "basefont", "bgsound", "br", "col", "command", "embed",
        "frame", "hr", "image", "img", "input", "isindex", "keygen", "link",
        "menuitem", "meta", "nextid", "param", "source", "spacer", "track", "wbr",
    }
)
# Ruby annotations, code and templates: not what a reader reads as the text.
_UNREAD_TEXT_IN = frozenset({"rt", "rp", "script", "style", "template"})

TEXT, CDATA, MARKUP = "text", "cdata", "markup"  # MARKUP: comments, declarations, unread text

_NEWLINE = re.compile("\n")
_ESCAPED_IN_ATTRIBUTES = re.compile("[&<>]")
_ENTITIES = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}


class Text:
    __slots__ = ("kind", "text")

    def __init__(self, text: str, kind: str) -> None:
        self.text = text
        self.kind = kind


class Element:
    """An element, with its offsets in the source: start and tag_end delimit
    the start tag, end is where the element closes (its end tag, if any)."""

    __slots__ = ("attrs", "children", "end", "name", "parent", "start", "tag_end")

    def __init__(self, name: str, attrs: dict[str, str], parent: Element | None,
                 start: int, tag_end: int) -> None:
        self.name = name
        self.attrs = attrs
        self.parent = parent
        self.children: list[Element | Text] = []
        self.start = start
        self.tag_end = tag_end
        self.end = tag_end

    def classes(self) -> list[str]:
        return self.attrs.get("class", "").split()

    def ancestors(self) -> Iterator[Element]:
        parent = self.parent
        while parent is not None:
            yield parent
            parent = parent.parent

    def strings(self, skip: Callable[[Element], bool] = lambda element: False) -> Iterator[str]:
        """The text below this element, in order, leaving out elements for which skip is true."""
        for child in self.children:
            if isinstance(child, Text):
                if child.kind != MARKUP:
                    yield child.text
            elif not skip(child):
                yield from child.strings(skip)

    def text(self) -> str:
        return "".join(self.strings())


def parse(html: str) -> list[Element]:
    """Every element of html, in document order."""
    builder = _Builder(html)
    builder.feed(html)
    builder.close()
    for element in builder.open_elements:
        element.end = len(html)  # never closed: it runs to the end of the document
    return builder.elements


def start_tag(name: str, attrs: Iterable[tuple[str, str]]) -> str:
    """A start tag, its attributes quoted as Beautiful Soup writes them."""
    return "<" + name + "".join(f" {key}={quoted(value)}" for key, value in attrs) + ">"


def quoted(value: str) -> str:
    value = _ESCAPED_IN_ATTRIBUTES.sub(lambda match: _ENTITIES[match.group()], value)
    if '"' not in value:
        return f'"{value}"'
    if "'" not in value:
        return f"'{value}'"
    return '"' + value.replace('"', "&quot;") + '"'


def edit(html: str, edits: Iterable[tuple[int, int, str]]) -> str:
    """html with each (start, end, replacement) applied; the spans must not overlap."""
    pieces = []
    position = 0
    for start, end, replacement in sorted(edits, key=lambda change: change[:2]):
        pieces.append(html[position:start])
        pieces.append(replacement)
        position = end
    pieces.append(html[position:])
    return "".join(pieces)


class _Builder(HTMLParser):
    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self._line_starts = [0, *(match.end() for match in _NEWLINE.finditer(html))]
        self.open_elements = [Element("[document]", {}, None, 0, 0)]
        self.elements: list[Element] = []

    def _offset(self) -> int:
        # html.parser counts lines and columns; the edits need offsets.
        line, column = self.getpos()
        return self._line_starts[line - 1] + column

    def handle_starttag(self, tag, attrs):
        self._start(tag, attrs, closed=tag in VOID_ELEMENTS)

    def handle_startendtag(self, tag, attrs):
        self._start(tag, attrs, closed=True)

    def _start(self, name, attrs, *, closed):
        values = {}
        for key, value in attrs:
            values[key] = "" if value is None else value  # a repeated attribute: the last one wins
        start = self._offset()
        parent = self.open_elements[-1]
        element = Element(name, values, parent, start, start + len(self.get_starttag_text()))
        parent.children.append(element)
        self.elements.append(element)
        if not closed:
            self.open_elements.append(element)

    def handle_endtag(self, tag):
        for depth in range(len(self.open_elements) - 1, 0, -1):
            if self.open_elements[depth].name == tag:
                end = self._offset()
                for element in self.open_elements[depth:]:
                    element.end = end
                del self.open_elements[depth:]
                return

    def handle_data(self, data):
        unread = any(element.name in _UNREAD_TEXT_IN for element in self.open_elements)
        self._add(data, MARKUP if unread else TEXT)

    def handle_comment(self, data):
        self._add(data, MARKUP)

    def handle_decl(self, decl):
        self._add(decl, MARKUP)

    def handle_pi(self, data):
        self._add(data, MARKUP)

    def unknown_decl(self, data):
        if data.startswith("CDATA["):
            self._add(data[len("CDATA["):], CDATA)
        else:
            self._add(data, MARKUP)

    def _add(self, text, kind):
        self.open_elements[-1].children.append(Text(text, kind))
