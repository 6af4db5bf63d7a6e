"""Cleaned lines to a title and a sequence of blocks: headings, paragraphs, leads.

The steps, in order:

1. *Raw blocks*: runs of non-blank lines.
2. *Title*: the first short lines of the first raw block (joined when broken over
   two lines; a dateline run into it is split off as the first paragraph).
3. *Paragraphs*: a raw block is split where a line ends a paragraph. In
   hard-wrapped text (most lines about the same width) a line shorter than the
   wrap width ends its paragraph; otherwise a line ends its paragraph when it
   ends a sentence. An indented line, a heading line or a dateline always
   stands apart.
4. *Headings* (in Markdown input, only its ``#`` lines): numbered lines (一、 （一） 1. 第一部分 （1）) that read as headings
   (short, no sentence-final punctuation), Markdown ``#`` lines, and unnumbered
   short lines without punctuation that are followed by a paragraph or heading
   (``2023年工作任务``). Short lines right at the start of the body are bylines.
5. *Joins*: a paragraph that ends without sentence-final punctuation continues
   in the next paragraph (a page or column break), never across a heading and
   never into a numbered item.
6. *Leads*: a paragraph opening with an item ordinal (一是…。) or, when at least
   two paragraphs of the same section do, with a short first sentence that
   reads as a run-in heading, gets that sentence as its bold lead.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from itertools import pairwise

from .chars import (
    CLAUSE_PUNCT,
    LEAD_END,
    ends_sentence,
    first_sentence_end,
    join_pieces,
    remove_spaces_between_wide,
    width,
)
from .clean import Line
from .dates import find_date
from .model import Block, Note
from .ordinals import ORDINAL, family

HEADING_MAX_CHARS = 40  # a numbered heading line is at most this long
UNNUMBERED_MAX_WIDTH = 40  # an unnumbered heading: at most 20 Chinese characters
TITLE_MAX_WIDTH = 80
TITLE_MAX_LINES = 3
DATELINE_MAX_CHARS = 60
WRAP_TOLERANCE = 4  # a wrapped line may be this many columns short of the wrap width
LEAD_MAX_CHARS = 25  # a run-in lead sentence without ordinal
ORDINAL_LEAD_MAX_CHARS = 40  # a lead sentence that starts with 一是, （一） …
VOCATIVE = re.compile(r"(?:各位|同志们|朋友们|女士们|先生们)")
MD_HEADING = re.compile(r"(#{1,6})[ \t]+(\S.*?)[ \t]*")
BOLD_LEAD = re.compile(r"\*\*(?P<lead>[^*]+?)\*\*(?P<rest>.+)", re.DOTALL)
_NO_HEADING_PUNCT = frozenset("。！？!?；;")


@dataclass(frozen=True)
class Structure:
    title: str | None
    title_lines: tuple[int, ...]
    blocks: tuple[Block, ...]
    notes: tuple[Note, ...]
    datelines: tuple[tuple[str, int], ...] = ()  # (text, input line)


@dataclass
class _Piece:
    """A paragraph or heading while the structure is being worked out."""

    text: str
    line: int
    lines: int = 1
    level: int = 0
    markdown: bool = False
    numbered: bool = False
    dateline: bool = False
    byline: bool = False
    lead: str | None = None
    last_line: int = 0  # the input line it ends on; its first line unless joined

    def __post_init__(self) -> None:
        self.last_line = self.last_line or self.line

    @property
    def heading(self) -> bool:
        return self.level != 0  # -1 while a numbered heading waits for its level


# ---------------------------------------------------------------- predicates

def is_heading_line(text: str) -> bool:
    """Short and without sentence punctuation: a line that reads as a heading."""
    return (len(text) <= HEADING_MAX_CHARS and not ends_sentence(text)
            and not any(ch in _NO_HEADING_PUNCT for ch in text))


def is_numbered_heading(text: str) -> bool:
    return family(text) is not None and is_heading_line(text)


def is_heading_like(text: str) -> bool:
    """An unnumbered short line without any punctuation (``2023年工作任务``)."""
    return (0 < width(text) <= UNNUMBERED_MAX_WIDTH and not any(ch in CLAUSE_PUNCT for ch in text)
            and not ORDINAL.match(text) and not text.startswith(("#", "*", "\\"))
            and any(ch.isalnum() for ch in text) and not is_dateline(text) and not _SPACED.search(text))


_SPACED = re.compile(r"[^\x00-\x7f][ \t\u3000]+[^\x00-\x7f]")  # 区政协主席  张明


def is_byline(text: str) -> bool:
    """A line under a title naming the speaker, place or date (``区政协主席  张明``, ``——在…上``)."""
    if is_dateline(text) or text.startswith(("——", "—")):
        return True
    return (width(text) <= UNNUMBERED_MAX_WIDTH and not any(ch in CLAUSE_PUNCT for ch in text)
            and bool(_SPACED.search(text)))


def is_dateline(text: str) -> bool:
    """A short line that carries a full date and no sentence (``（2023年2月14日在…上）``)."""
    return (len(text) <= DATELINE_MAX_CHARS and find_date(text) is not None
            and not any(ch in "。！？!?" for ch in text))


def _markdown_heading(text: str, markdown: bool) -> tuple[int, str] | None:
    """A ``## heading`` line; in raw text only when it reads as a heading."""
    match = MD_HEADING.fullmatch(text)
    if match and (markdown or is_heading_line(match.group(2))):
        return len(match.group(1)), match.group(2)
    return None


def _title_like(text: str) -> bool:
    return (0 < width(text) <= TITLE_MAX_WIDTH and not ORDINAL.match(text) and not ends_sentence(text)
            and not any(ch in _NO_HEADING_PUNCT for ch in text) and not text.startswith(("#", "*"))
            and any(ch.isalnum() for ch in text))


# ---------------------------------------------------------------- steps

def raw_blocks(lines: Sequence[Line]) -> list[list[Line]]:
    blocks: list[list[Line]] = [[]]
    for line in lines:
        if line.text:
            blocks[-1].append(line)
        elif blocks[-1]:
            blocks.append([])
    return [block for block in blocks if block]


def _split_dateline(text: str) -> tuple[str, str] | None:
    """Split ``Title 2023年2月14日`` or ``Title（2023年2月14日…）`` into title and dateline."""
    found = find_date(text)
    if found is None:
        return None
    start = found[1].start()
    cut = max(text.rfind("（", 0, start + 1), text.rfind("(", 0, start + 1), text.rfind("——", 0, start + 1))
    spaces = [m.end() for m in re.finditer(r"[ \t\u3000]+", text[:start])]
    if spaces and spaces[-1] > cut:
        cut = spaces[-1]
    title = text[:cut].rstrip(" \t\u3000")
    return (title, text[cut:]) if title else None


def detect_title(blocks: list[list[Line]], notes: list[Note],
                 lang: str = "zh") -> tuple[str | None, tuple[int, ...], _Piece | None]:
    """Take the title off the first raw block (in place); return it, its lines and a dateline."""
    if not blocks:
        return None, (), None
    first = blocks[0]
    taken: list[Line] = []
    dateline: _Piece | None = None
    for i, line in enumerate(first[:TITLE_MAX_LINES]):
        if i and (line.indent > first[0].indent or any(ch in "，," for ch in line.text)):
            break
        text = line.text
        split = _split_dateline(text)
        if split is None and find_date(text):
            break
        if split:
            text = split[0]
        if not _title_like(text):
            break
        taken.append(Line(line.number, text, line.indent))
        if split:
            dateline = _Piece(split[1], line.number, dateline=True)
            break
    rest = first[len(taken):]
    if not taken or (not rest and len(blocks) == 1 and dateline is None):
        return None, (), None
    if rest and dateline is None and any(ch in "，," for ch in taken[0].text) and len(taken) == 1:
        return None, (), None  # a comma and text right below: the first line of a paragraph
    joined = taken[0].text
    for line in taken[1:]:
        joined = join_pieces(joined, line.text, lang)
    title, spaces = remove_spaces_between_wide(joined)
    numbers = tuple(line.number for line in taken)
    joined_from = f" (joined from lines {numbers[0]}–{numbers[-1]})" if len(numbers) > 1 else ""
    notes.append(Note("title", f"«{title}»{joined_from}", numbers[0]))
    if spaces:
        notes.append(Note("title", f"removed {spaces} space(s) between Chinese characters in the title "
                                   "(a line-break artifact)", numbers[0]))
    if dateline:
        notes.append(Note("title", f"dateline «{dateline.text}» split off the title, kept as the first paragraph",
                          dateline.line))
    blocks[0] = rest
    if not rest:
        del blocks[0]
    return title, numbers, dateline


def wrap_width(blocks: Sequence[Sequence[Line]]) -> int | None:
    """The wrap width of hard-wrapped text, or None when lines are not wrapped."""
    inner = [width(line.text) for block in blocks for line in block[:-1]]
    if len(inner) < 3:
        return None
    best, best_count = 0, 0
    for candidate in sorted(set(inner)):
        count = sum(candidate - WRAP_TOLERANCE <= w <= candidate + 2 for w in inner)
        if count >= best_count:
            best, best_count = candidate, count
    return best if best_count >= 0.6 * len(inner) and best >= 20 else None


def _splits(block: Sequence[Line], wrap: int | None, markdown: bool, notes: list[Note]) -> Iterator[list[Line]]:
    """Split one raw block into the lines of each paragraph."""
    group = [block[0]]
    base_indent = min(line.indent for line in block)
    for a, b in pairwise(block):
        if _breaks(a, b, group, wrap, base_indent, markdown, notes):
            yield group
            group = []
        group.append(b)
    yield group


def _breaks(a: Line, b: Line, group: list[Line], wrap: int | None, base_indent: int, markdown: bool,
            notes: list[Note]) -> bool:
    if _markdown_heading(a.text, markdown) or _markdown_heading(b.text, markdown):
        return True
    if markdown:
        return False
    if wrap and _wrapped_heading(a, b, group, wrap):
        return False
    if (is_numbered_heading(a.text) or is_numbered_heading(b.text)
            or is_dateline(a.text) or is_dateline(b.text) or b.indent > base_indent):
        return True
    if wrap:
        return width(a.text) < wrap - WRAP_TOLERANCE
    if ends_sentence(a.text):
        return True
    if len(group) == 1 and is_heading_like(a.text) and not is_heading_like(b.text):
        notes.append(Note("unsure", f"took the short line «{a.text}» as a heading run directly into the "
                                    f"text of line {b.number}", a.number))
        return True
    return False


def _wrapped_heading(a: Line, b: Line, group: list[Line], wrap: int) -> bool:
    """A numbered heading too long for one line of hard-wrapped text, continued on the next."""
    return (len(group) == 1 and is_numbered_heading(a.text) and width(a.text) >= wrap - WRAP_TOLERANCE
            and width(b.text) < wrap - WRAP_TOLERANCE and b.indent <= a.indent and not ORDINAL.match(b.text)
            and is_numbered_heading(a.text + b.text))


def _piece(lines: list[Line], lang: str) -> _Piece:
    text = lines[0].text
    for line in lines[1:]:
        text = join_pieces(text, line.text, lang)
    return _Piece(text, lines[0].number, len(lines), last_line=lines[-1].number)


def _classify(pieces: list[_Piece], markdown: bool) -> None:
    for piece in pieces:
        md = _markdown_heading(piece.text, markdown)
        if md:
            piece.level, piece.text, piece.markdown = md[0], md[1], True
        elif markdown:  # Markdown input keeps its own structure: only ``#`` lines are headings
            piece.dateline = piece.lines == 1 and is_dateline(piece.text)
        elif piece.lines <= 2 and is_numbered_heading(piece.text):  # two: wrapped, see _wrapped_heading
            piece.numbered = True
            piece.level = -1  # decided in _levels
        elif piece.lines == 1 and is_dateline(piece.text):
            piece.dateline = True
    for piece in pieces:  # bylines: speaker and dateline at the very start of the body
        if piece.heading or piece.lines > 1 or not is_byline(piece.text):
            break
        piece.byline = True
    if markdown:
        return
    following_ok = False  # whether the piece after the current one lets it be a heading
    for i in range(len(pieces) - 1, -1, -1):
        piece = pieces[i]
        if not piece.heading and not piece.byline and i < len(pieces) - 1 and piece.lines == 1 \
                and is_heading_like(piece.text) and following_ok:
            piece.level = 2
        following_ok = piece.heading or (not piece.dateline and not piece.byline
                                         and not is_heading_like(piece.text))


def _joinable(piece: _Piece) -> bool:
    return not (piece.heading or piece.dateline or piece.byline)


def _join(pieces: list[_Piece], notes: list[Note], lang: str) -> list[_Piece]:
    out: list[_Piece] = []
    for piece in pieces:
        prev = out[-1] if out else None
        if prev is None or not _joinable(prev) or ends_sentence(prev.text):
            out.append(piece)
            continue
        if _joinable(piece) and not ORDINAL.match(piece.text):
            notes.append(Note("joined", f"paragraph broken at «…{prev.text[-8:]}» | «{piece.text[:8]}…» "
                                        f"(continued at line {piece.line})", prev.last_line))
            prev.text = join_pieces(prev.text, piece.text, lang)
            prev.lines += piece.lines
            prev.last_line = piece.last_line
            continue
        why = "a heading" if piece.heading else "a numbered item" if ORDINAL.match(piece.text) else "a dateline"
        notes.append(Note("unsure", f"the paragraph ending «…{prev.text[-8:]}» has no sentence-final "
                                    f"punctuation, but what follows (line {piece.line}) is {why}: not joined",
                          prev.last_line))
        out.append(piece)
    if out and _joinable(out[-1]) and not ends_sentence(out[-1].text):
        notes.append(Note("unsure", f"the last paragraph ends without sentence-final punctuation "
                                    f"(«…{out[-1].text[-8:]}»)", out[-1].last_line))
    return out


def _levels(pieces: list[_Piece]) -> None:
    """Heading levels: 一、 = 2; （一） = 3; 1. = 3, or 4 under （一）; （1） one below 1."""
    families = {family(p.text) for p in pieces if p.numbered}
    numbered_level = 4 if "subpart" in families else 3
    levels = {"part": 2, "subpart": 3, "numbered": numbered_level,
              "subnumbered": numbered_level + 1 if "numbered" in families else numbered_level}
    for piece in pieces:
        if piece.numbered:
            piece.level = levels[family(piece.text) or "part"]


def _ordinal_lead(text: str) -> str | None:
    if not ORDINAL.match(text) or text.startswith("*"):
        return None
    end = first_sentence_end(text)
    sentence = text[:end]
    if 0 < end < len(text) and len(sentence) <= ORDINAL_LEAD_MAX_CHARS and "*" not in sentence:
        return sentence
    return None


def plain_lead(text: str) -> str | None:
    """A short first sentence that reads as a run-in heading, or None."""
    end = first_sentence_end(text, frozenset("。"))
    if end <= 0 or text.startswith("*"):
        return None
    sentence, rest = text[:end], text[end:]
    if (len(sentence) <= LEAD_MAX_CHARS and len(rest) >= len(sentence) and "*" not in sentence
            and sum(sentence.count(c) for c in "，,") <= 1 and not any(c in "；;：:" for c in sentence)
            and not VOCATIVE.match(sentence) and rest[0] not in "”’）)》"):
        return sentence
    return None


def _existing_lead(text: str) -> tuple[str, str] | None:
    match = BOLD_LEAD.fullmatch(text)
    if not match:
        return None
    lead = match.group("lead").rstrip()
    stripped = lead.rstrip("”’」』）)》")
    if stripped and (stripped[-1] in LEAD_END or stripped[-1] == "."):
        return match.group("lead"), match.group("rest")
    return None


def _leads(pieces: list[_Piece], lang: str, notes: list[Note]) -> None:
    sections: list[list[_Piece]] = [[]]
    for piece in pieces:
        if piece.heading:
            sections.append([])
        elif not (piece.dateline or piece.byline):
            sections[-1].append(piece)
    for section in sections:
        candidates: list[tuple[_Piece, str]] = []
        existing = 0
        for piece in section:
            found = _existing_lead(piece.text)
            if found:
                piece.lead, piece.text = found
                existing += not ORDINAL.match(found[0])
                continue
            ordinal = _ordinal_lead(piece.text)
            if ordinal and lang == "zh":
                _set_lead(piece, ordinal, notes)
                continue
            plain = plain_lead(piece.text) if lang == "zh" else None
            if plain:
                candidates.append((piece, plain))
        if len(candidates) + existing >= 2:
            for piece, lead in candidates:
                _set_lead(piece, lead, notes)
        else:
            for piece, lead in candidates:
                notes.append(Note("unsure", f"«{lead}» opens its paragraph like a lead, but no other paragraph "
                                            "of its section does: kept as plain text", piece.line))


def _set_lead(piece: _Piece, lead: str, notes: list[Note]) -> None:
    piece.lead, piece.text = lead, piece.text[len(lead):]
    notes.append(Note("lead", f"«{lead}»", piece.line))


def segment(lines: Sequence[Line], *, markdown: bool = False, lang: str = "zh") -> Structure:
    """Find the title (unless ``markdown``: the caller read it) and the blocks of the body."""
    notes: list[Note] = []
    blocks = raw_blocks(lines)
    title, title_lines, dateline = (None, (), None) if markdown else detect_title(blocks, notes, lang)
    wrap = None if markdown else wrap_width(blocks)
    if wrap:
        notes.append(Note("joined", f"the text is hard-wrapped at about {wrap // 2} Chinese characters a line"))
    pieces = [dateline] if dateline else []
    for block in blocks:
        pieces.extend(_piece(group, lang) for group in _splits(block, wrap, markdown, notes))
    breaks = sum(p.lines - 1 for p in pieces)
    if breaks:
        notes.append(Note("joined", f"{breaks} hard line break(s) inside paragraphs"))
    _classify(pieces, markdown)
    if not markdown:
        pieces = _join(pieces, notes, lang)
    _levels(pieces)
    _leads(pieces, lang, notes)
    for piece in pieces:
        if piece.heading:
            notes.append(Note("heading", f"{'#' * piece.level} {piece.text}", piece.line))
    blocks_out = tuple(
        Block("heading", p.level, p.text, None, p.line) if p.heading
        else Block("paragraph", 0, p.text, p.lead, p.line)
        for p in pieces
    )
    datelines = tuple((p.text, p.line) for p in pieces if p.dateline)
    return Structure(title, title_lines, blocks_out, tuple(notes), datelines)
