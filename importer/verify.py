"""The nothing-lost check: input and output carry the same characters, artifacts aside.

It compares, in order, every character of the input that is not whitespace and
not an artifact the report lists, with every character of the output's title
and body that is not whitespace or Markdown markup (``#``, ``*``, ``\\``).
Joining, splitting, headings and leads only move whitespace and add markup, so
any other difference is text lost, added or changed — and fails loudly.
"""

from __future__ import annotations

from collections.abc import Sequence

from .chars import significant
from .errors import TextLost
from .model import Removal

CONTEXT = 12


def split_markdown(markdown: str) -> tuple[dict[str, str], str]:
    """The metadata block (keys lower-cased) and the body of a Markdown file."""
    head, _, body = markdown.partition("\n\n")
    values = {}
    for line in head.split("\n"):
        key, sep, value = line.partition(":")
        if sep:
            values[key.strip().lower()] = value.strip()
    return values, body


def kept_characters(source: str, removals: Sequence[Removal]) -> tuple[str, list[int]]:
    """The significant characters of ``source`` without the removed spans, and each one's line."""
    by_line: dict[int, list[Removal]] = {}
    for removal in removals:
        by_line.setdefault(removal.line, []).append(removal)
    chars: list[str] = []
    lines: list[int] = []

    def keep(text: str, number: int) -> None:
        kept = significant(text)
        chars.append(kept)
        lines.extend([number] * len(kept))

    for number, line in enumerate(source.split("\n"), 1):
        position = 0
        for removal in sorted(by_line.get(number, ()), key=lambda r: r.start):
            if line[removal.start:removal.end] != removal.text:
                raise TextLost(f"nothing-lost check: the artifact «{removal.text}» recorded at line {number} "
                               "is not in the input there")
            keep(line[position:removal.start], number)
            position = max(position, removal.end)
        keep(line[position:], number)
    return "".join(chars), lines


def check_nothing_lost(source: str, removals: Sequence[Removal], markdown: str, *,
                       source_title: str | None = None) -> int:
    """Raise :class:`TextLost` unless ``markdown`` holds exactly the text of ``source``.

    ``source_title`` is the title as it stood in the input when the output's
    ``Title`` is not it (given on the command line, or ``""`` when the input had
    none); by default the output's ``Title`` is taken to come from the input.
    Returns the number of characters compared.
    """
    expected, lines = kept_characters(source, removals)
    values, body = split_markdown(markdown)
    title = values.get("title", "") if source_title is None else source_title
    actual = significant(title) + significant(body)
    if expected == actual:
        return len(expected)
    index = next((i for i, (a, b) in enumerate(zip(expected, actual)) if a != b), min(len(expected), len(actual)))
    line = lines[index] if index < len(lines) else (lines[-1] if lines else 1)
    have = expected[max(0, index - CONTEXT): index + CONTEXT]
    got = actual[max(0, index - CONTEXT): index + CONTEXT]
    if index >= len(actual):
        what = f"the output ends early: it lacks «{expected[index:index + 2 * CONTEXT]}…» from input line {line} on"
    elif index >= len(expected):
        what = f"the output has text the input lacks at its end: «{actual[index:index + 2 * CONTEXT]}…»"
    else:
        what = f"near input line {line} the input has «{have}» but the output has «{got}»"
    raise TextLost(f"nothing-lost check failed: {what} "
                   f"({len(expected)} characters in the input, {len(actual)} in the output)")
