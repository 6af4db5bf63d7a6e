"""Figure captions that read as they are meant: the words, the picture's date, its credit.

Pure: rendered HTML in, HTML out; no Pelican.

Editors end a caption with a credit and a date, in either order (docs/metadata.md)::

    <figcaption>清晨的老码头。<span class="credit">图：示例图片，程序生成</span> <time datetime="1986">1986年</time></figcaption>

Shown as written, the credit runs into the date ("图：示例图片，程序生成 1986年", "Image: sample
picture, generated 1986"), as if the credit were dated. So the date is set against the
words it dates, in the language's brackets, and the credit comes last, a part of its own
(its own line on the page, publications.css)::

    清晨的老码头。（<time datetime="1986">1986年</time>）<span class="credit">图：…</span>
    The old pier. (<time datetime="1986">1986</time>) <span class="credit">Image: …</span>

The punctuation is the language's (CaptionStyle, from the UI catalogue), never this
module's. Only the caption's last parts move: the words, the <time> and the credit keep
every byte as written, and the rest of the body is left alone. Running it again changes
nothing.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from .images import PositionParser

_FIGCAPTION = re.compile(r"(<figcaption\b[^>]*>)(.*?)(</figcaption\s*>)", re.IGNORECASE | re.DOTALL)
_VOID = frozenset({"area", "br", "col", "embed", "hr", "img", "input", "source", "track", "wbr"})


@dataclass(frozen=True)
class CaptionStyle:
    """How a language joins the parts of a caption: %-patterns whose placeholders are HTML."""

    dated: str  # %(caption)s and %(date)s: the words and the picture's date
    credited: str  # %(caption)s and %(credit)s: the (dated) words and the credit


@dataclass(frozen=True)
class _Element:
    start: int
    end: int
    tag: str
    classes: frozenset[str]


class _TopLevel(PositionParser):
    """The outermost elements of an HTML fragment, with where each starts and ends."""

    def __init__(self, text: str):
        super().__init__(text)
        self.depth = 0
        self.opened: tuple[int, str, frozenset[str]] | None = None
        self.elements: list[_Element] = []

    def handle_starttag(self, tag, attrs):
        self._open(tag, attrs)
        if tag in _VOID:
            self._close_at_tag_end()
        else:
            self.depth += 1

    def handle_startendtag(self, tag, attrs):  # <span/>: ends where it starts
        self._open(tag, attrs)
        self._close_at_tag_end()

    def handle_endtag(self, tag):
        if self.depth == 0:
            return  # a stray end tag closes nothing
        self.depth -= 1
        self._close(self.text.index(">", self.where()) + 1)

    def _open(self, tag, attrs):
        if self.depth == 0:
            classes = frozenset(" ".join(value or "" for key, value in attrs if key == "class").split())
            self.opened = (self.where(), tag, classes)

    def _close_at_tag_end(self):
        self._close(self.where() + len(self.get_starttag_text() or ""))

    def _close(self, end: int):
        if self.depth == 0 and self.opened is not None:
            start, tag, classes = self.opened
            self.elements.append(_Element(start, end, tag, classes))
            self.opened = None


def _fill(pattern: str, **parts: str) -> str:
    return html.escape(pattern, quote=False) % parts


def caption(inner: str, style: CaptionStyle) -> str:
    """The inside of one <figcaption>: its words, then its date, then its credit.

    The date is a <time> and the credit an element of class ``credit`` among the last
    parts of the caption, with nothing but whitespace after them; a <time> inside the
    words ("摄于<time>1986年</time>春") is part of the words and stays where it is."""
    parser = _TopLevel(inner)
    parser.feed(inner)
    parser.close()
    elements = parser.elements
    date = credit = None
    cut = len(inner)
    while elements and not inner[elements[-1].end:cut].strip():
        last = elements.pop()
        if date is None and last.tag == "time":
            date = last
        elif credit is None and "credit" in last.classes:
            credit = last
        else:
            break
        cut = last.start
    if date is None and credit is None:
        return inner
    text = inner[:cut].strip()
    if date is not None:
        when = inner[date.start:date.end]
        text = _fill(style.dated, caption=text, date=when) if text else when
    if credit is not None:
        by = inner[credit.start:credit.end]
        text = _fill(style.credited, caption=text, credit=by) if text else by
    return text


def captions(body: str, style: CaptionStyle) -> str:
    """The body with the parts of every figure caption in their places."""
    return _FIGCAPTION.sub(lambda match: match[1] + caption(match[2], style) + match[3], body)
