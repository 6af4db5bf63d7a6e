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
_HAN = re.compile("([" + "".join(f"{low}-{high}" for low, high in HAN_RANGES) + "])")

_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_RAW_TEXT = frozenset({"script", "style"})
_VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
)
BODY_ATTRIBUTE = "data-pagefind-body"


def separate_han(text: str) -> str:
    """Wrap every Han character in zero-width spaces: 数字ab → \u200b数\u200b\u200b字\u200bab."""
    return _HAN.sub(ZWSP + r"\1" + ZWSP, text)


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

    def _tag(self, tag, attrs, closed):
        attrs = list(attrs)
        if tag == "html":
            self.lang = next((value or "" for name, value in attrs if name == "lang"), "")
            self.split = primary_subtag(self.lang) in self.character_languages
        if any(name == BODY_ATTRIBUTE for name, _ in attrs):
            self.has_body = True
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

    def handle_starttag(self, tag, attrs):
        self._tag(tag, attrs, closed=False)
        if tag in _RAW_TEXT:
            self.raw_text = tag

    def handle_startendtag(self, tag, attrs):
        self._tag(tag, attrs, closed=True)

    def handle_endtag(self, tag):
        if tag == self.raw_text:
            self.raw_text = None
        self.out.append(f"</{tag}>")

    def handle_data(self, data):
        if self.raw_text:
            self.out.append(data)
            return
        text = escape(data, quote=False)
        self.out.append(separate_han(text) if self.split else text)

    def handle_comment(self, data):
        self.out.append(f"<!--{data}-->")

    def handle_decl(self, decl):
        self.out.append(f"<!{decl}>")

    def handle_pi(self, data):
        self.out.append(f"<?{data}>")

    def unknown_decl(self, data):
        self.out.append(f"<![{data}]>")
