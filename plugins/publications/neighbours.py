"""Neighbours of a publication: the previous and next one of its sequence, and related
publications by shared tags. Pure: simple records in, no Pelican.

* A sequence is one kind in one language: reports, stories, by date (then slug). A
  magazine article's sequence is its issue, in the order the issue page lists it
  (column order, then date and slug): readers go on to the next article of the issue
  they are reading; the issue page itself links the previous and next issue.
* Related publications share tags with it, in the same language, of any kind: the most
  shared tags first, then the newest (then by slug); never itself nor its previous and
  next, which the page already links; at most ``limit``.

Cost: each publication is indexed under every combination of its tags (a handful of
tags, so a few dozen entries), each list newest first. The related publications of one
are then the first new entries of its own combinations' lists, largest combinations
first, so a tag that every story carries costs no more than a rare one and the whole
computation grows with the number of publications, not with its square.
"""

from __future__ import annotations

import heapq
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from itertools import combinations


@dataclass(frozen=True)
class Record:
    item: object  # handed back as it is: a Pelican article, or anything in tests
    kind: str
    lang: str
    slug: str
    date: date  # or a datetime, as Pelican gives it: the same type for all records
    tags: tuple[str, ...] = ()  # as this language names them (Pelican: tag slugs)
    series: str | None = None  # a sequence within the kind: a magazine article's issue
    position: int = 0  # rank within the series before the date: a magazine article's column


@dataclass(frozen=True)
class Neighbours:
    previous: object | None = None
    next: object | None = None
    related: tuple = ()


def sequence_order(record: Record) -> tuple:
    return (record.position, record.date, record.slug)


def neighbours(records: Sequence[Record], limit: int) -> dict[tuple[str, str], Neighbours]:
    """(lang, slug) -> the Neighbours of each record (items, not records)."""
    sequences = defaultdict(list)
    for record in records:
        sequences[record.lang, record.kind, record.series].append(record)
    around: dict[int, tuple[Record | None, Record | None]] = {}
    for members in sequences.values():
        members.sort(key=sequence_order)
        for index, record in enumerate(members):
            previous = members[index - 1] if index else None
            following = members[index + 1] if index + 1 < len(members) else None
            around[id(record)] = (previous, following)

    newest_first = sorted(records, key=lambda r: r.slug)
    newest_first.sort(key=lambda r: r.date, reverse=True)
    rank = {id(record): position for position, record in enumerate(newest_first)}
    index = defaultdict(list)  # (lang, combination of tags) -> ranks, newest first
    for record in newest_first:
        for combination in _combinations(record.tags):
            index[record.lang, combination].append(rank[id(record)])

    found = {}
    for record in records:
        previous, following = around[id(record)]
        shown = {rank[id(r)] for r in (record, previous, following) if r is not None}
        related = _related(record, index, shown, limit)
        found[record.lang, record.slug] = Neighbours(
            previous.item if previous else None,
            following.item if following else None,
            tuple(newest_first[r].item for r in related),
        )
    return found


def _combinations(tags) -> list[tuple]:
    distinct = sorted(set(tags))
    return [combo for size in range(1, len(distinct) + 1) for combo in combinations(distinct, size)]


def _related(record: Record, index, shown: set[int], limit: int) -> list[int]:
    """The ranks of the related records: by shared tags, the largest combinations first;
    each level's lists merged newest first, so only their first new entries are read."""
    taken: list[int] = []
    skipped = set(shown)
    distinct = sorted(set(record.tags))
    for size in range(len(distinct), 0, -1):
        if len(taken) >= limit:
            break
        lists = [index[record.lang, combo] for combo in combinations(distinct, size)]
        for candidate in heapq.merge(*lists):
            if candidate in skipped:
                continue
            taken.append(candidate)
            skipped.add(candidate)
            if len(taken) >= limit:
                break
    return taken
