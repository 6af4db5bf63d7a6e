"""The page as the search index sees it: Chinese as character pairs, anchors kept
light. Pure: HTML text in, HTML text out; the published files are never changed.

Why pairs. Pagefind's extended build segments Chinese into words when it
indexes, and the browser segments the query again, with a different dictionary
(ICU's). The two disagree: 委员工作室 is indexed as 委员|工作|室 but asked as
委员|工作室, and 富 cannot be found inside 丰富, because Pagefind matches a query
word against the *start* of indexed words only. Indexing each position of Chinese
text as the pair of characters that starts there (han_keys.py) takes both
segmenters out of the question: search.js looks the query's pairs up and keeps the
pages where they stand at the query's distances, so any string found on the page is
found by search, and nothing else is.

Pagefind splits a run of letters into words at spaces only, so the keys of a run
are written between spaces; text nodes that meet inside a word (数<b>字</b>) are
split correctly. It joins the words of a Chinese page with zero-width spaces
(U+200B) in its stored text, which bundle.py turns back into characters.

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

Why the body alone. Pagefind reads nothing of a page outside its body but <html
lang>, so the view is a document of those two: half the bytes for Pagefind to
parse, and a quarter of the work here (lxml's parser and serialiser, not Python's
HTMLParser, which took 31 s of a 5,000-page build). What Pagefind would take from
outside the body (the first image on the page as `image` meta) search.js never shows.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html import escape

import lxml.html
from lxml import etree

from .han_keys import pair_keys

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
HAN_CLASS = "[" + "".join(f"{low}-{high}" for low, high in HAN_RANGES) + "]"
_HAN_RUN = re.compile(HAN_CLASS + "+")

_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_RAW_TEXT = frozenset({"script", "style"})
_VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
)
BODY_ATTRIBUTE = "data-pagefind-body"
_BODY = etree.XPath(f"//*[@{BODY_ATTRIBUTE}][1]")
# The page's first <h1>, when it comes before the body (an h1 around the body does not).
_TITLE = etree.XPath("(preceding::h1)[1]")


def _separated(run: re.Match) -> str:
    return " " + " ".join(pair_keys(run.group())) + " "


def separate_han(text: str) -> str:
    """Each position of Chinese text as its pair's key, between spaces:
    数字ab → " <key of 数字> <key of 字> ab"."""
    return _HAN_RUN.sub(_separated, text)


@dataclass(frozen=True)
class IndexView:
    html: str  # what Pagefind is given
    lang: str  # <html lang>, as written ('' when missing)
    has_body: bool  # whether the page marks its indexable part with data-pagefind-body


def primary_subtag(lang: str) -> str:
    return lang.split("-", 1)[0].lower()


def index_view(html: str, *, character_languages=("zh",)) -> IndexView:
    """The page as Pagefind should index it (see the module docstring): a document of
    its <html lang> and its body alone, since Pagefind reads nothing else of it."""
    try:
        root = lxml.html.document_fromstring(html)
    except (etree.ParserError, ValueError):  # an empty or unparsable file has nothing to index
        return IndexView(html="", lang="", has_body=False)
    lang = root.get("lang") or ""
    found = _BODY(root)
    if not found:
        return IndexView(html="", lang=lang, has_body=False)
    body = found[0]
    split = primary_subtag(lang) in frozenset(character_languages)
    titles = _TITLE(body)
    title = " ".join(titles[0].text_content().split()) if titles else ""
    for element in list(body.iter()):
        _transform(element, body, split)
    if title:
        paragraph = etree.Element("p")
        paragraph.text = separate_han(title) if split else title
        paragraph.tail, body.text = body.text, None
        body.insert(0, paragraph)
    body.tail = None
    document = (
        f'<!DOCTYPE html>\n<html lang="{escape(lang, quote=True)}"><head><meta charset="utf-8"></head><body>'
        + lxml.html.tostring(body, encoding="unicode")
        + "</body></html>"
    )
    return IndexView(html=document, lang=lang, has_body=True)


def _transform(element, body, split: bool) -> None:
    """Split the Chinese of an element's text and tail; move a non-heading id to a marker."""
    if split:
        if element.text and isinstance(element.tag, str) and element.tag not in _RAW_TEXT:
            element.text = separate_han(element.text)
        if element.tail and element is not body:
            element.tail = separate_han(element.tail)
    anchor = element.get("id") if isinstance(element.tag, str) else None
    if not anchor or element.tag in _HEADINGS:
        return
    del element.attrib["id"]
    marker = etree.Element("span", id=anchor)
    if element.tag in _VOID:
        element.addprevious(marker)
    else:
        marker.tail, element.text = element.text, None
        element.insert(0, marker)
