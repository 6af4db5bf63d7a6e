"""Remove the artifacts of newspapers, PDFs and live blogs, line by line.

Every removal is recorded with its input line and columns, so the report can
show it and the nothing-lost check can tell artifacts from lost text.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from .chars import INDENT_CHARS, ends_sentence, width
from .model import Note, Removal
from .ordinals import ORDINAL

_SYMBOL = r"[▲△▼▽►▶◄◀◆◇■□●○★☆※→←]"
_PAGE = r"(?:第\s*)?[0-9０-９A-Za-zＡ-Ｚａ-ｚ〇零一二三四五六七八九十]{1,4}\s*[版页]"
_VERB = r"(?:上紧接|下紧接|紧接|上接|下接|下转|上转|转至|转|接)"
_UNAMBIGUOUS = ("上紧接", "下紧接", "紧接", "上接", "下接", "下转", "上转", "转至")
_MARKER_BODY = rf"{_SYMBOL}?\s*(?P<open>[（(【\[〔［])?\s*{_SYMBOL}?\s*(?P<verb>{_VERB})\s*{_PAGE}\s*(?P<close>[）)】\]〕］])?"
MARKER_LINE = re.compile(rf"{_MARKER_BODY}\s*")
MARKER_AT_END = re.compile(rf"\s*(?P<m>{_MARKER_BODY})$")
MARKER_AT_START = re.compile(rf"(?P<m>{_MARKER_BODY})\s*")

_DIGITS = r"[0-9０-９]{1,4}"
PAGE_NUMBER_LINE = re.compile(
    rf"[-—–－_~～\s]*[-—–－_~～]\s*{_DIGITS}\s*[-—–－_~～][-—–－_~～\s]*"  # - 3 -, —3—
    rf"|第\s*{_DIGITS}\s*页(?:\s*[/，,]?\s*共\s*{_DIGITS}\s*页)?"  # 第3页 共10页
    rf"|{_DIGITS}\s*/\s*{_DIGITS}"  # 3/10
    rf"|(?i:page|p\.)\s*{_DIGITS}(?:\s*(?i:of)\s*{_DIGITS})?"  # Page 3 of 10
)
BARE_NUMBER_LINE = re.compile(_DIGITS)

TIMESTAMP_BRACKETED = re.compile(r"[\[【［]\s*\d{1,2}[:：]\d{2}(?:[:：]\d{2})?\s*[\]】］]\s*")
TIMESTAMP_BARE = re.compile(r"\d{1,2}[:：]\d{2}(?:[:：]\d{2})?(?=[ \t\u3000])[ \t\u3000]*")

# A running header or footer, with any page number beside it split off.
_NUMBER_TOKEN = r"(?:第\s*)?[0-9０-９]{1,4}\s*[页版]?"
_SEP = r"[\s·|｜\-—－/]+"
HEADER_KEY = re.compile(rf"(?:(?P<lead>{_NUMBER_TOKEN}){_SEP})?(?P<key>.+?)(?:{_SEP}(?P<trail>{_NUMBER_TOKEN}))?")


@dataclass(frozen=True)
class Line:
    """A cleaned input line: 1-based input line number, text, width of the indentation
    removed, and the column of the input line where ``text`` starts."""

    number: int
    text: str
    indent: int
    col: int = 0


@dataclass(frozen=True)
class Cleaned:
    lines: tuple[Line, ...]
    removals: tuple[Removal, ...]
    notes: tuple[Note, ...]


def clean(raw_lines: Sequence[str], *, first: int = 0, strip_timestamps: bool = False,
          page_furniture: bool = True) -> Cleaned:
    """Clean ``raw_lines[first:]``. Lines that were only artifacts are dropped; blank lines stay.

    ``page_furniture`` also removes bare page numbers and running headers, which
    only a whole raw text can tell apart (Markdown input has none).
    """
    removals: list[Removal] = []
    notes: list[Note] = []
    kept: list[Line] = []
    indented = timestamps_seen = 0
    for index in range(first, len(raw_lines)):
        number, raw = index + 1, raw_lines[index]
        lo, hi = len(raw) - len(raw.lstrip(INDENT_CHARS)), len(raw.rstrip(INDENT_CHARS))
        indent = width(raw[:lo])
        if "\u3000" in raw[:lo] and lo < hi:
            indented += 1
        stamp = TIMESTAMP_BRACKETED.match(raw, lo, hi) or (
            TIMESTAMP_BARE.match(raw, lo, hi) if strip_timestamps else None)
        if stamp and strip_timestamps:
            removals.append(_removal(raw, number, lo, _rstrip_end(raw, lo, stamp.end()), "timestamp"))
            lo = stamp.end()
        elif stamp:
            timestamps_seen += 1
        if lo >= hi:
            kept.append(Line(number, "", 0, lo))
            continue
        body = raw[lo:hi]
        if MARKER_LINE.fullmatch(body):
            removals.append(_removal(raw, number, lo, hi, "continuation marker"))
            continue
        if PAGE_NUMBER_LINE.fullmatch(body):
            removals.append(_removal(raw, number, lo, hi, "page number"))
            continue
        end = MARKER_AT_END.search(raw, lo, hi)
        if end and _inline_marker_ok(end):
            removals.append(_removal(raw, number, end.start("m"), hi, "continuation marker"))
            hi = len(raw[: end.start()].rstrip(INDENT_CHARS))
        start = MARKER_AT_START.match(raw, lo, hi)
        if start and _inline_marker_ok(start):
            removals.append(_removal(raw, number, lo, start.end("m"), "continuation marker"))
            lo = start.end()
        kept.append(Line(number, raw[lo:hi], indent, lo))

    if page_furniture:
        kept = _drop_page_furniture(kept, raw_lines, removals, notes)
    for removal in removals:
        notes.append(Note("removed", f"{removal.reason} «{removal.text}»", removal.line))
    notes.extend(_continuation_notes(kept, removals))
    if indented:
        notes.append(Note("removed", f"ideographic-space indentation on {indented} line(s)"))
    if timestamps_seen:
        notes.append(Note("unsure", f"{timestamps_seen} line(s) start with a timestamp like [9:01]; "
                                    "pass --strip-timestamps to remove them"))
    removals.sort(key=lambda r: (r.line, r.start))
    return Cleaned(tuple(kept), tuple(removals), tuple(notes))


def _rstrip_end(raw: str, start: int, end: int) -> int:
    return start + len(raw[start:end].rstrip(INDENT_CHARS))


def _removal(raw: str, number: int, start: int, end: int, reason: str) -> Removal:
    return Removal(number, start, end, raw[start:end], reason)


def _inline_marker_ok(match: re.Match[str]) -> bool:
    """A marker inside a line is removed only when it cannot be ordinary words."""
    bracketed = bool(match.group("open") and match.group("close"))
    symbol = bool(re.match(_SYMBOL, match.group("m")))
    return bracketed or symbol or match.group("verb") in _UNAMBIGUOUS


def _drop_page_furniture(lines: list[Line], raw_lines: Sequence[str], removals: list[Removal],
                         notes: list[Note]) -> list[Line]:
    """Remove bare page numbers and running headers/footers that repeat."""
    content = [line for line in lines if line.text]
    drop: dict[int, str] = {}
    bare = [line for line in content if BARE_NUMBER_LINE.fullmatch(line.text)]
    if len(bare) >= 2:
        drop.update((line.number, "page number") for line in bare)
    elif bare:
        notes.append(Note("unsure", f"kept a line that is only the number «{bare[0].text}»: "
                                    "a page number would repeat", bare[0].number))
    groups: dict[str, list[tuple[Line, str | None]]] = defaultdict(list)
    for line in content:
        if line.number in drop or not _header_candidate(line.text):
            continue
        match = HEADER_KEY.fullmatch(line.text)
        assert match is not None
        key = match.group("key")
        if len(key) >= 2:
            groups[key].append((line, match.group("lead") or match.group("trail")))
    first_content = content[0].number if content else None
    for members in groups.values():
        numbers = [number for _, number in members]
        numbered = all(numbers) and len(set(numbers)) == len(numbers)
        if len(members) >= 3 or (len(members) >= 2 and numbered):
            for line, _ in members:
                if line.number != first_content:
                    drop[line.number] = "running header"
        elif len(members) == 2:
            a, b = (line for line, _ in members)
            notes.append(Note("unsure", f"the short line «{a.text}» repeats at line {b.number}; "
                                        "kept both (a running header would repeat more)", a.number))
    kept = []
    for line in lines:
        reason = drop.get(line.number)
        if reason is None:
            kept.append(line)
            continue
        raw = raw_lines[line.number - 1]
        removals.append(_removal(raw, line.number, line.col, line.col + len(line.text), reason))
    return kept


def _header_candidate(text: str) -> bool:
    return (width(text) <= 60 and not ends_sentence(text) and not text.startswith(("#", "*"))
            and not ORDINAL.match(text) and not any(ch in "。！？!?；;" for ch in text))


def _continuation_notes(lines: Sequence[Line], removals: Sequence[Removal]) -> list[Note]:
    """Say when the text starts or ends on a page that is not in the input."""
    notes = []
    markers = [r for r in removals if r.reason == "continuation marker"]
    for marker in markers:
        before = [line for line in lines if line.number < marker.line and line.text]
        after = [line for line in lines if line.number > marker.line and line.text]
        continues_on = "转" in marker.text or "下" in marker.text
        if not continues_on and not any(ends_sentence(line.text) for line in before):
            notes.append(Note("unsure", f"the text continues from another page («{marker.text}»): "
                                        "what came before it is not in the input", marker.line))
        elif continues_on and not after:
            notes.append(Note("unsure", f"the text continues on another page («{marker.text}») "
                                        "that is not in the input", marker.line))
    return notes
