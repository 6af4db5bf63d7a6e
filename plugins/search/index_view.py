"""The page as the search index sees it: Chinese split into characters, anchors kept
light. Pure: HTML text in, HTML text out; the published files are never changed.

Why characters. Pagefind's extended build segments Chinese into words when it
indexes, and the browser segments the query again, with a different dictionary
(ICU's). The two disagree: 委员工作室 is indexed as 委员|工作|室 but asked as
委员|工作室, and 富 cannot be found inside 丰富, because Pagefind matches a query
word against the *start* of indexed words only. Indexing every Chinese character as
a word of its own takes both segmenters out of the question: search.js looks each
character up and keeps the pages where the query's characters stand next to each
other, so any string found on the page is found by search, and nothing else is.

Pagefind counts a word between two zero-width spaces (U+200B) as a word and joins
words with them in its stored text, so each character is wrapped in zero-width
spaces here; text nodes that meet inside a word (数<b>字</b>) are split correctly.

Why light anchors. Pagefind records every element with an id inside the body as an
anchor, with that element's whole text. For the run-in leads of a report, whose
paragraph is the section, that copies the report's text a second time into the
fragment each result downloads. A paragraph's id therefore moves to an empty
<span> at its start: the same id at the same position, without the copy. Section
titles come from the page's `sections` meta instead (partials/search_meta.html).
Headings keep their ids: their text is short, and it is the fallback title.

Why the title. A publication's title sits in its header, outside the body Pagefind
indexes, so a word found only in the title (工作报告) would find nothing; the page's
first <h1> before the body is repeated as the body's first paragraph.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html import escape
from html.parser import HTMLParser

ZWSP = "\u200b"

# Unicode's Han script (Scripts.txt, Unicode 17): the characters search.js takes one by
# one with /\p{Script=Han}/u. A browser test checks that the two agree.
HAN_RANGES = (
    ("\u2e80", "\u2e99"), ("\u2e9b", "\u2ef3"), ("\u2f00", "\u2fd5"), ("\u3005", "\u3005"),
    ("\u3007", "\u3007"), ("\u3021", "\u3029"), ("\u3038", "\u303b"), ("\u3400", "\u4dbf"),
    ("\u4e00", "\u9fff"), ("\uf900", "\ufa6d"), ("\ufa70", "\ufad9"), ("\U00016fe2", "\U00016fe3"),
    ("\U00016ff0", "\U00016ff6"), ("\U00020000", "\U0002a6df"), ("\U0002a700", "\U0002b81d"),
    ("\U0002b820", "\U0002cead"), ("\U0002ceb0", "\U0002ebe0"), ("\U0002ebf0", "\U0002ee5d"),
    ("\U0002f800", "\U0002fa1d"), ("\U00030000", "\U0003134a"), ("\U00031350", "\U00033479"),
)
_HAN_RUN = re.compile("[" + "".join(f"{low}-{high}" for low, high in HAN_RANGES) + "]+")

_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_RAW_TEXT = frozenset({"script", "style"})
_VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
)
BODY_ATTRIBUTE = "data-pagefind-body"


def _separated(run: re.Match) -> str:
    return ZWSP + (ZWSP + ZWSP).join(run.group()) + ZWSP


def separate_han(text: str) -> str:
    """Wrap every Han character in zero-width spaces: 数字ab → \u200b数\u200b\u200b字\u200bab."""
    return _HAN_RUN.sub(_separated, text)  # by runs: ten times faster than char by char


@dataclass(frozen=True)
class IndexView:
    html: str  # what Pagefind is given
    lang: str  # <html lang>, as written ('' when missing)
    has_body: bool  # whether the page marks its indexable part with data-pagefind-body


def primary_subtag(lang: str) -> str:
    return lang.split("-", 1)[0].lower()


def index_view(html: str, *, character_languages=("zh",)) -> IndexView:
    """The page as Pagefind should index it (see the module docstring)."""
    writer = _IndexViewWriter(frozenset(character_languages))
    writer.feed(html)
    writer.close()
    return IndexView(html="".join(writer.out), lang=writer.lang, has_body=writer.has_body)


def _start_tag(tag: str, attrs, closed: bool = False) -> str:
    parts = [tag]
    for name, value in attrs:
        parts.append(name if value is None else f'{name}="{escape(value, quote=True)}"')
    return "<" + " ".join(parts) + (" />" if closed else ">")


class _IndexViewWriter(HTMLParser):
    def __init__(self, character_languages: frozenset[str]):
        super().__init__(convert_charrefs=True)
        self.character_languages = character_languages
        self.out: list[str] = []
        self.lang = ""
        self.split = False
        self.has_body = False
        self.raw_text: str | None = None
        self.title_parts: list[str] | None = None  # collecting the first <h1> before the body
        self.title = ""

    def _tag(self, tag, attrs, closed):
        attrs = list(attrs)
        if tag == "html":
            self.lang = next((value or "" for name, value in attrs if name == "lang"), "")
            self.split = primary_subtag(self.lang) in self.character_languages
        opens_body = not self.has_body and any(name == BODY_ATTRIBUTE for name, _ in attrs)
        if opens_body:
            self.has_body = True
        elif tag == "h1" and not self.has_body and not self.title and self.title_parts is None:
            self.title_parts = []
        anchor = next((value for name, value in attrs if name == "id"), None)
        if anchor and tag not in _HEADINGS:
            attrs = [(name, value) for name, value in attrs if name != "id"]
            marker = f'<span id="{escape(anchor, quote=True)}"></span>'
            if closed or tag in _VOID:
                self.out.append(marker + _start_tag(tag, attrs, closed))
            else:
                self.out.append(_start_tag(tag, attrs) + marker)
        else:
            self.out.append(_start_tag(tag, attrs, closed))
        if opens_body and self.title:
            self.out.append(f"<p>{self._text(self.title)}</p>")

    def _text(self, data):
        text = escape(data, quote=False)
        return separate_han(text) if self.split else text

    def handle_starttag(self, tag, attrs):
        self._tag(tag, attrs, closed=False)
        if tag in _RAW_TEXT:
            self.raw_text = tag

    def handle_startendtag(self, tag, attrs):
        self._tag(tag, attrs, closed=True)

    def handle_endtag(self, tag):
        if tag == self.raw_text:
            self.raw_text = None
        if tag == "h1" and self.title_parts is not None:
            self.title = " ".join("".join(self.title_parts).split())
            self.title_parts = None
        self.out.append(f"</{tag}>")

    def handle_data(self, data):
        if self.raw_text:
            self.out.append(data)
            return
        if self.title_parts is not None:
            self.title_parts.append(data)
        self.out.append(self._text(data))

    def handle_comment(self, data):
        self.out.append(f"<!--{data}-->")

    def handle_decl(self, decl):
        self.out.append(f"<!{decl}>")

    def handle_pi(self, data):
        self.out.append(f"<?{data}>")

    def unknown_decl(self, data):
        self.out.append(f"<![{data}]>")
