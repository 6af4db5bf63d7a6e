"""Metadata: reading an existing Pelican metadata block, choosing the date and the slug."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from .dates import find_date
from .model import TODO, Block, Note, Removal

META_LINE = re.compile(r"(?P<key>[A-Za-z][A-Za-z0-9_-]*)[ \t]*:[ \t]*(?P<value>.*?)[ \t]*")
FIRST_KEYS = frozenset({"title", "date", "kind", "lang", "slug", "source"})
SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
YEAR = re.compile(r"(?<![0-9])((?:19|20)[0-9]{2})\s*年")
PLAN_HEADING = re.compile(r"((?:19|20)[0-9]{2})\s*年.*(?:工作任务|工作安排|工作打算|工作计划|工作思路|主要任务|工作要点)")


@dataclass(frozen=True)
class FrontMatter:
    """A Pelican metadata block at the top of the input (e.g. the importer's own output)."""

    values: dict[str, str]
    lines: dict[str, int]
    end: int  # index of the first line after the block
    removals: tuple[Removal, ...]


def read_front_matter(lines: Sequence[str]) -> FrontMatter | None:
    """Read ``Key: value`` lines at the top, up to the first blank line (or a line that is not
    new metadata); None if the input does not start with a Pelican metadata block."""
    start = next((i for i, line in enumerate(lines) if line.strip()), None)
    if start is None:
        return None
    first = META_LINE.fullmatch(lines[start])
    if not first or first.group("key").lower() not in FIRST_KEYS:
        return None
    values: dict[str, str] = {}
    numbers: dict[str, int] = {}
    removals = []
    index = start
    while index < len(lines) and lines[index].strip():
        match = META_LINE.fullmatch(lines[index])
        if not match or match.group("key").lower() in values:  # a repeated key is text, not metadata
            break
        key = match.group("key").lower()
        values[key], numbers[key] = match.group("value"), index + 1
        # The title's value stays in the comparison of input and output; the rest is metadata.
        end = match.start("value") if key == "title" else len(lines[index])
        removals.append(Removal(index + 1, 0, end, lines[index][:end], "metadata"))
        index += 1
    return FrontMatter(values, numbers, index, tuple(removals))


def choose_date(override: str | None, front: str | None, datelines: Sequence[tuple[str, int]],
                notes: list[Note]) -> str:
    if override:
        notes.append(Note("date", f"{override} (from --date)"))
        return override
    if front and front != TODO:
        notes.append(Note("date", f"{front} (from the input's metadata)"))
        return front
    for text, line in datelines:
        found = find_date(text)
        if found:
            notes.append(Note("date", f"{found[0]} (from «{text}»)", line))
            return found[0]
    notes.append(Note("date", f"{TODO}: no date found in the text; the strict check rejects it, "
                              "so pass --date YYYY-MM-DD"))
    return TODO


def slug_words(kind: str, title: str) -> str:
    if kind == "report":
        if "提案" in title:
            return "proposals-report"
        if "常务委员会" in title or "常委会" in title:
            return "standing-committee-work-report"
        return "work-report"
    return {"story": "story", "article": "magazine-article", "issue": "magazine-issue"}.get(kind, kind)


def derive_slug(kind: str, title: str, date: str, blocks: Sequence[Block], notes: list[Note]) -> str:
    """A readable ASCII slug: the year the publication is about, then words for its kind."""
    words = slug_words(kind, title)
    year, why = _year(title, date, blocks)
    slug = f"{year}-{words}" if year else words
    notes.append(Note("slug", f"{slug} ({why}; set another with --slug)"))
    return slug


def _year(title: str, date: str, blocks: Sequence[Block]) -> tuple[int | None, str]:
    match = YEAR.search(title)
    if match:
        return int(match.group(1)), "year from the title"
    for block in blocks:
        if block.kind == "heading":
            plan = PLAN_HEADING.match(block.text)
            if plan:
                return int(plan.group(1)) - 1, (f"the year before the plan heading «{block.text}» "
                                                f"at line {block.line}")
    if date != TODO:
        return int(date[:4]), "year of the date"
    for block in blocks:
        match = YEAR.search((block.lead or "") + block.text)
        if match:
            return int(match.group(1)), f"first year in the text, line {block.line}"
    return None, "no year found"
