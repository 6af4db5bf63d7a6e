"""The magazine: issues, their columns (栏目) and neighbours. Pure of Pelican.

Works on any objects with ``lang``, ``slug``, ``date`` and a ``metadata`` mapping
(Pelican articles, or simple stand-ins in tests): an issue has ``kind: issue``,
``year`` and ``number``; an article ``kind: article``, ``issue`` (the issue's slug)
and ``column`` (a key of MAGAZINE_COLUMNS).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from itertools import groupby


@dataclass(frozen=True)
class Column:
    key: str
    name: str  # in the page's language
    anchor: str  # the id of its heading on the issue page


@dataclass(frozen=True)
class ColumnGroup:
    column: Column
    articles: tuple


@dataclass(frozen=True)
class Problem:
    item: object
    what: str


def column_anchor(key: str) -> str:
    return f"column-{key}"


def columns_in(lang: str, columns: Mapping[str, Mapping[str, str]]) -> tuple[Column, ...]:
    """The magazine's columns in display order, named in `lang`."""
    return tuple(Column(key, names[lang], column_anchor(key)) for key, names in columns.items())


def column_of(item, lang: str, columns: Mapping[str, Mapping[str, str]]) -> Column | None:
    key = item.metadata.get("column")
    if key not in columns:
        return None
    return Column(key, columns[key][lang], column_anchor(key))


def issue_order(issue) -> tuple:
    """Oldest first: by year and number, then date and slug for equal numbers."""
    metadata = issue.metadata
    return (_as_int(metadata.get("year"), issue.date.year), _as_int(metadata.get("number"), 0), issue.date, issue.slug)


def article_order(article) -> tuple:
    return (article.date, article.slug)


def _as_int(value, default: int) -> int:
    try:
        return int(str(value))
    except (TypeError, ValueError):
        return default


def group_by_column(articles: Iterable, lang: str, columns: Mapping[str, Mapping[str, str]]) -> tuple[ColumnGroup, ...]:
    """The articles under their columns, columns in MAGAZINE_COLUMNS order; empty columns left out."""
    by_key = defaultdict(list)
    for article in articles:
        by_key[article.metadata.get("column")].append(article)
    return tuple(
        ColumnGroup(column, tuple(sorted(by_key[column.key], key=article_order)))
        for column in columns_in(lang, columns)
        if by_key[column.key]
    )


@dataclass(frozen=True)
class Magazine:
    """The magazine in one language."""

    issues: tuple  # oldest first
    contents: Mapping[str, tuple[ColumnGroup, ...]]  # issue slug -> its contents
    issue_of: Mapping[int, object]  # id(article) -> its issue
    problems: tuple[Problem, ...]

    def neighbours(self, issue) -> tuple[object | None, object | None]:
        """(previous, next) issue in this language."""
        index = next(i for i, other in enumerate(self.issues) if other is issue)
        previous = self.issues[index - 1] if index > 0 else None
        following = self.issues[index + 1] if index + 1 < len(self.issues) else None
        return previous, following

    def by_year(self) -> list[tuple[int, list]]:
        """The archive: years newest first, each year's issues newest first."""
        newest = sorted(self.issues, key=issue_order, reverse=True)
        return [(year, list(group)) for year, group in groupby(newest, key=lambda i: issue_order(i)[0])]


def build_magazine(items: Sequence, lang: str, columns: Mapping[str, Mapping[str, str]]) -> Magazine:
    """Resolve the issue and column of every magazine article in `lang`."""
    mine = [item for item in items if item.lang == lang]
    issues = sorted((i for i in mine if i.metadata.get("kind") == "issue"), key=issue_order)
    by_slug = {issue.slug: issue for issue in issues}
    members = defaultdict(list)
    issue_of = {}
    problems = []
    for article in (a for a in mine if a.metadata.get("kind") == "article"):
        slug = article.metadata.get("issue")
        issue = by_slug.get(slug)
        if issue is None:
            problems.append(Problem(article, f"Issue \"{slug}\" names no issue in this language"))
            continue
        if article.metadata.get("column") not in columns:
            problems.append(Problem(article, f"Column \"{article.metadata.get('column')}\" is not in MAGAZINE_COLUMNS"))
            continue
        members[slug].append(article)
        issue_of[id(article)] = issue
    contents = {issue.slug: group_by_column(members[issue.slug], lang, columns) for issue in issues}
    return Magazine(tuple(issues), contents, issue_of, tuple(problems))
