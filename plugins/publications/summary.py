"""Summaries that read as text: the opening sentences of a publication, never cut inside one.

Pure: rendered HTML in, plain text out (no markup, no entities); no Pelican.

How a summary is made:

* Only the body's own paragraphs count: ``<p>`` elements outside figures, quotations,
  lists, tables, asides and details. Headings, captions and permalinks are left out.
* Each paragraph is split into sentences. Chinese sentences end at 。！？ and English
  ones at . ! ? followed by a space; closing quotes and brackets stay with their
  sentence (``……。”``), and a full stop inside quotation marks or brackets does not end
  the sentence around it. Abbreviations (``No. 1``, ``e.g.``) and initials do not end
  an English sentence, nor does a stop followed by a lower-case word. A paragraph's
  end always ends a sentence.
* Whole sentences are taken in order until the summary reaches the target length
  (about 120 Chinese characters or 50 English words by default). The sentence that
  would cross the target is taken only if the summary ends nearer the target with it
  than without it; the first sentence is always taken. A summary is never cut
  mid-sentence, so a very long first sentence is kept whole.
* A **bold run-in lead** (a paragraph that opens with a bold whole sentence, as in
  government reports) is a heading run into the text, not prose: the summary leaves
  it out and reads on in the same paragraph after it. A paragraph that is nothing but
  its lead gives the whole lead sentence. So a summary is never cut inside a lead.
* A text that **begins mid-way** (``Begins_midway: true``: the source lost its opening)
  starts with the end of a sentence whose beginning is missing. That first sentence is
  left out, so the summary starts at the first whole one. An editor's own ``Summary``
  is better still: it always wins (glue.py), as plain text.
* Chinese is measured in characters (whitespace excluded); English in words.
  Whitespace between two Chinese characters (from hard-wrapped source lines) is
  dropped, other whitespace collapsed to one space.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from lxml import etree

UNITS = ("characters", "words")

_SKIPPED_CONTAINERS = frozenset(
    {"figure", "figcaption", "blockquote", "li", "ul", "ol", "dl", "table", "aside", "details", "pre", "nav"}
)
_NOT_TEXT_CLASSES = frozenset({"permalink", "footnote-ref", "visually-hidden"})
_BOLD = frozenset({"strong", "b"})
# What BeautifulSoup keeps apart from the text (its Script, Stylesheet, TemplateString and
# Ruby*String): summaries and captions were written against that reading.
_NOT_TEXT_ELEMENTS = frozenset({"script", "style", "template", "rt", "rp"})

CJK = "\u2e80-\u2fff\u3000-\u303f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef"
_CJK_GAP = re.compile(rf"(?<=[{CJK}])\s+(?=[{CJK}])")
_SPACES = re.compile(r"\s+")
_NOT_SPACE = re.compile(r"\S")

# Chinese: ideographic terminators, any quotation marks or brackets.
_ZH_END = "。！？"
_ZH_OPEN = "“‘「『（(《〈【〔["
_ZH_CLOSE = "”’」』）)》〉】〕]"
# English: ’ is also the apostrophe, so only double quotes and brackets nest.
_EN_END = ".!?"
_EN_OPEN = "“(["
_EN_CLOSE = "”)]"
_EN_ABBREVIATIONS = frozenset(
    {"No", "Nos", "no", "nos", "Mr", "Mrs", "Ms", "Dr", "Prof", "St", "Vol", "vol", "pp", "p", "cf", "vs", "Fig", "fig"}
)


@dataclass(frozen=True)
class SummaryRule:
    unit: str  # "characters" (Chinese) or "words" (English)
    length: int  # the target length in that unit


@dataclass(frozen=True)
class Paragraph:
    lead: str  # the bold run-in lead sentence, "" when there is none
    text: str  # the rest of the paragraph (all of it when there is no lead)


def normalise(text: str) -> str:
    return _SPACES.sub(" ", _CJK_GAP.sub("", text)).strip()


def parse(html: str):
    """The element tree of an HTML fragment (lxml: an order of magnitude faster than
    BeautifulSoup's html.parser), or None when it has no markup or text at all."""
    return etree.HTML(html) if html and not html.isspace() else None


def text_of(node, left_out=lambda element: False, line_break: str = "") -> str:
    """The text of an element, its tail excluded, as BeautifulSoup's get_text() reads it:
    comments and the insides of script, style, template and ruby annotations are not
    text. Elements for which `left_out` is true give nothing (their tails still count);
    a <br> gives `line_break`."""
    if not isinstance(node.tag, str) or node.tag in _NOT_TEXT_ELEMENTS or left_out(node):
        return ""
    if node.tag == "br":
        return line_break
    parts = [node.text or ""]
    for child in node:
        parts.append(text_of(child, left_out, line_break))
        parts.append(child.tail or "")
    return "".join(parts)


def has_class(element, name: str) -> bool:
    return name in (element.get("class") or "").split()


def _not_text(element) -> bool:
    return not _NOT_TEXT_CLASSES.isdisjoint((element.get("class") or "").split())


def _body_text(node) -> str:
    return text_of(node, _not_text, "\n")


def ends_sentence(text: str) -> bool:
    stripped = text.rstrip().rstrip(_ZH_CLOSE + _EN_CLOSE + "\"'’")
    return bool(stripped) and stripped[-1] in _ZH_END + _EN_END


def _child_nodes(p) -> list:
    """The child nodes of `p` as BeautifulSoup's tree has them: runs of text (str)
    and elements (comments included), whitespace-only runs left out."""
    nodes = [p.text] if p.text and not p.text.isspace() else []
    for child in p:
        nodes.append(child)
        if child.tail and not child.tail.isspace():
            nodes.append(child.tail)
    return nodes


def _node_text(node) -> str:
    return node if isinstance(node, str) else _body_text(node)


def _paragraph(p) -> Paragraph:
    children = _child_nodes(p)
    first = children[0] if children else None
    if first is not None and not isinstance(first, str) and first.tag in _BOLD:
        lead = normalise(_body_text(first))
        if lead and ends_sentence(lead):
            rest = normalise("".join(_node_text(c) for c in children[1:]))
            return Paragraph(lead=lead, text=rest)
    return Paragraph(lead="", text=normalise(_body_text(p)))


def _paragraphs(html: str) -> Iterator[Paragraph]:
    root = parse(html)
    if root is None:
        return
    for p in root.iter("p"):
        if any(parent.tag in _SKIPPED_CONTAINERS for parent in p.iterancestors()):
            continue
        paragraph = _paragraph(p)
        if paragraph.lead or paragraph.text:
            yield paragraph


def paragraphs(html: str) -> list[Paragraph]:
    """The body's own paragraphs, in order, as text."""
    return list(_paragraphs(html))


def _split(text: str, ends: str, opens: str, closes: str, english: bool, balanced: bool = True) -> list[str]:
    sentences, start, depth, quoted, i = [], 0, 0, False, 0
    while i < len(text):
        char = text[i]
        if char in opens:
            depth += 1
        elif char in closes:
            depth = max(0, depth - 1)
        elif char == '"':
            quoted = not quoted
        elif char in ends:
            j = i + 1
            while j < len(text) and text[j] in ends:
                j += 1
            level, in_quote = depth, quoted
            while j < len(text) and (text[j] in closes or (text[j] == '"' and in_quote) or text[j] in "’'"):
                if text[j] in closes:
                    level -= 1
                elif text[j] == '"':
                    in_quote = False
                j += 1
            closed = (level <= 0 and not in_quote) or not balanced
            if closed and (not english or _english_boundary(text, i, j)):
                sentences.append(text[start:j].strip())
                start, depth, quoted = j, 0, False
                i = j
                continue
            depth, quoted = max(0, level), in_quote
            i = j
            continue
        i += 1
    tail = text[start:].strip()
    if tail:
        sentences.append(tail)
    if balanced and (depth or quoted) and len(sentences) == 1:
        # An unbalanced quotation mark (a typo) would make the whole text one
        # sentence; split as if there were no quotation marks instead.
        return _split(text, ends, opens, closes, english, balanced=False)
    return [s for s in sentences if s]


def _english_boundary(text: str, stop: int, after: int) -> bool:
    """Whether the terminator at `stop` (its closers end at `after`) ends an English sentence."""
    if after < len(text) and not text[after].isspace():
        return False  # 3.5, e.g., U.S.A
    following = _NOT_SPACE.search(text, after)
    if following and following.group().islower():
        return False  # "Why?” she asked.
    if text[stop] == ".":
        token = _token_before(text, stop)
        if token in _EN_ABBREVIATIONS or "." in token or (len(token) == 1 and token.isupper()):
            return False
    return True


def _token_before(text: str, end: int) -> str:
    r"""The run of word characters and full stops ending at `end`: what ``([\w.]+)$`` finds
    in ``text[:end]``, without copying the text before it (paragraphs are long)."""
    if end and text[end - 1] == "\n":
        end -= 1  # $ also matches before a final newline
    start = end
    while start and (text[start - 1].isalnum() or text[start - 1] in "._"):
        start -= 1
    return text[start:end]


def sentences(text: str, unit: str) -> list[str]:
    if unit == "characters":
        return _split(text, _ZH_END, _ZH_OPEN, _ZH_CLOSE, english=False)
    return _split(text, _EN_END, _EN_OPEN, _EN_CLOSE, english=True)


def measure(text: str, unit: str) -> int:
    if unit == "characters":
        return len(_SPACES.sub("", text))
    return len(text.split())  # English words only: never used for Chinese


def summarise(html: str, rule: SummaryRule, begins_midway: bool = False) -> str:
    """The summary of a rendered body, as plain text ("" when it has no paragraph).
    `begins_midway`: the body's first sentence is the end of one whose start is lost."""
    taken: list[str] = []
    total = 0
    cut_short = begins_midway
    # Lazily: a summary needs the first few paragraphs, not the text of all of them.
    for paragraph in _paragraphs(html):
        for sentence in sentences(paragraph.text, rule.unit) if paragraph.text else [paragraph.lead]:
            if cut_short:
                cut_short = False
                continue
            size = measure(sentence, rule.unit)
            if taken and total + size - rule.length > rule.length - total:
                return _join(taken, rule.unit)  # without it, the summary is nearer the target
            taken.append(sentence)
            total += size
            if total >= rule.length:
                return _join(taken, rule.unit)
    return _join(taken, rule.unit)


def _join(taken: list[str], unit: str) -> str:
    return ("" if unit == "characters" else " ").join(taken)


def plain_text(html: str) -> str:
    """The text of an HTML fragment (an editor's own Summary), markup removed."""
    root = parse(html)
    return normalise(_body_text(root)) if root is not None else ""
