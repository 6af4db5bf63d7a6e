"""What each kind of content file must say in its metadata block, and which values are valid.

Pure: no Pelican, no file system. Every check returns ``None`` when the value is
good, or a ``(what is wrong, how to fix it)`` pair for the problem line.
"""

from __future__ import annotations

import re
from datetime import datetime

KINDS = ("report", "story", "issue", "article")
PAGE_KIND = "page"  # pages need no Kind; the importer may write "Kind: page"
TODO = "TODO"  # what the importer writes where it could not find a value

# Canonical spelling of every key, as editors should write it. Pelican lowercases keys.
SPELLING = {
    key.lower(): key
    for key in (
        "Title", "Date", "Modified", "Kind", "Lang", "Slug", "Tags", "Sample", "Translation",
        "Status", "Author", "Authors", "Summary", "Category", "Template", "Save_as", "Url",
        "Year", "Body", "Session", "Source", "Editor_note", "Begins_midway",
        "Periodical", "Number", "Cover", "Cover_alt", "Issue", "Column",
    )
}
KNOWN_KEYS = frozenset(SPELLING)

ARTICLE_KEYS = ("title", "date", "kind", "lang", "slug")
REQUIRED = {
    "report": (*ARTICLE_KEYS, "source"),  # Year, Body, Session: checked when given
    "story": ARTICLE_KEYS,
    "issue": (*ARTICLE_KEYS, "periodical", "year", "number", "cover", "cover_alt"),
    "article": (*ARTICLE_KEYS, "issue", "column"),
    PAGE_KIND: ("title", "slug", "lang"),
}

EXAMPLES = {
    "title": "Title: 2022年工作报告",
    "date": "Date: 2023-02-14",
    "kind": "Kind: report",
    "lang": "Lang: zh",
    "slug": "Slug: 2022-work-report",
    "year": "Year: 2022",
    "body": "Body: 政协舟山市定海区委员会常务委员会",
    "session": "Session: 七届二次会议",
    "source": "Source: 报纸版面录入",
    "periodical": "Periodical: 定海政协",
    "number": "Number: 1",
    "cover": "Cover: images/magazine/2023-1-cover.jpg",
    "cover_alt": "Cover_alt: a description of the cover for readers who cannot see it",
    "issue": "Issue: 2023-1",
    "column": "Column: consultation",
}

# Keys Pelican reads only once: a second line for them is a mistake, not a list.
SINGLE_VALUED = frozenset(KNOWN_KEYS - {"authors"})
FLAGS = ("sample", "translation", "begins_midway")  # "true", or leave the line out
STATUSES = ("published", "draft", "hidden")

_ISO_DATE = re.compile(
    r"\d{4}-\d{2}-\d{2}"
    r"(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,6})?)?(?:Z|[+-]\d{2}:?\d{2})?)?"
)
_LOOSE_DATE = re.compile(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?")
SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
YEAR = re.compile(r"\d{4}")
NUMBER = re.compile(r"[1-9]\d*")

Problem = tuple[str, str]


def spelled(key: str) -> str:
    return SPELLING.get(key, key)


def parse_iso_date(value: str) -> datetime | None:
    """The date, if ``value`` is an ISO 8601 date (optionally with a time), else None."""
    if not _ISO_DATE.fullmatch(value):
        return None
    try:
        return datetime.fromisoformat(value)
    except ValueError:  # 2023-02-30 and the like
        return None


def check_date(value: str, key: str = "date") -> Problem | None:
    name = spelled(key)
    if value == TODO:
        return (
            f"{name} is {TODO} (the importer found no date in the text)",
            f"replace {TODO} with the date of publication, e.g. \"{name}: 2023-02-14\"",
        )
    if parse_iso_date(value) is not None:
        return None
    loose = _LOOSE_DATE.fullmatch(value)
    if loose:
        year, month, day = (int(part) for part in loose.groups())
        suggestion = f"{year:04d}-{month:02d}-{day:02d}"
        if parse_iso_date(suggestion):
            return (
                f"{name} \"{value}\" is not an ISO date",
                f"write it as YYYY-MM-DD: \"{name}: {suggestion}\"",
            )
    return (
        f"{name} \"{value}\" is not an ISO date",
        f"write it as YYYY-MM-DD (optionally with a time, YYYY-MM-DD HH:MM), e.g. \"{name}: 2023-02-14\"",
    )


def check_value(key: str, value: str, *, languages: tuple[str, ...], columns: tuple[str, ...]) -> Problem | None:
    """The problem with one metadata value on its own, if any (cross-file checks live in checks.py)."""
    name = spelled(key)
    if key in ("date", "modified"):
        return check_date(value, key)
    if value == TODO:
        return (f"{name} is {TODO} (left by the importer)", f"replace {TODO} with the real value")
    if key == "kind":
        if value not in KINDS and value != PAGE_KIND:
            return (
                f"Kind \"{value}\" is not one of {', '.join(KINDS)}",
                "write the kind of publication this file holds, e.g. \"Kind: report\"",
            )
    elif key == "lang":
        if value not in languages:
            choices = " or ".join(f'"Lang: {code}"' for code in languages)
            return (f"Lang \"{value}\" is not one of {', '.join(languages)}", f"use {choices}")
    elif key == "slug":
        if not SLUG.fullmatch(value):
            return (
                f"Slug \"{value}\" has characters other than lowercase a-z, 0-9 and single hyphens",
                "use lowercase ASCII words joined by '-', the same in both languages, e.g. \"Slug: 2022-work-report\"",
            )
    elif key == "year":
        if not YEAR.fullmatch(value):
            return (f"Year \"{value}\" is not a four-digit year", "write it like \"Year: 2022\"")
    elif key == "number":
        if not NUMBER.fullmatch(value):
            return (f"Number \"{value}\" is not a whole number from 1 up", "write the issue's number, e.g. \"Number: 1\"")
    elif key == "column":
        if value not in columns:
            return (
                f"Column \"{value}\" is not one of the magazine's columns ({', '.join(columns)})",
                "use one of these keys, or add the column to MAGAZINE_COLUMNS in pelicanconf.py",
            )
    elif key in FLAGS:
        if value != "true":
            if value.lower() == "false":
                return (
                    f"{name}: {value} is read as a non-empty text, which templates take for true",
                    f"delete the {name} line instead",
                )
            return (f"{name} \"{value}\" is not \"true\"", f"write \"{name}: true\", or delete the line")
    elif key == "status":
        if value not in STATUSES:
            return (
                f"Status \"{value}\" is not one of {', '.join(STATUSES)}",
                "use \"Status: draft\" for unfinished or future work, or delete the line to publish",
            )
    elif key == "tags":
        if any(not tag.strip() for tag in value.split(",")):
            return ("Tags has an empty tag (two commas, or a comma at an end)", "separate tags with single commas")
    elif key in ("title", "cover_alt", "body", "session", "source", "periodical", "issue", "cover") and not value.strip():
        return (f"{name} is empty", f"write a value after \"{name}:\", e.g. \"{EXAMPLES.get(key, name + ': …')}\"")
    return None


def missing(key: str, kind: str) -> Problem:
    name = spelled(key)
    what = f"no {name} in the metadata block" + (f" (every {kind} needs one)" if kind != PAGE_KIND else "")
    return (what, f"add a line \"{EXAMPLES.get(key, name + ': …')}\" before the first blank line")
