"""Citations of a publication, or of one of its sections with its deep link. Pure.

Two styles, chosen per language by PUBLICATIONS_CITATION_STYLES:

* ``gb-t-7714-2015`` (Chinese, 信息与文献 参考文献著录规则): 主要责任者. 题名[文献类型标识/OL].
  …(发布日期). 获取和访问路径. Reports are [R/OL], magazine articles and issues [J/OL],
  stories [EB/OL]; a section is cited as a contribution (析出文献) with ``//``. The
  引用日期 (date of access) cannot be known when a static page is built and is left
  for the reader to add.
* ``chicago`` (English, Chicago notes-bibliography): Author. “Title.” Container,
  details, date. URL.
"""

from __future__ import annotations

from collections.abc import Callable

from babel.dates import format_date

from .records import Section, Work

_STOPS = "。！？.!?"

GB_TYPES = {"report": "R/OL", "article": "J/OL", "issue": "J/OL", "story": "EB/OL", "page": "EB/OL"}


def _bare(title: str) -> str:
    """A title without the sentence stop a bold lead ends with."""
    return title.strip().rstrip("。．.")


def _closed(text: str) -> str:
    """`text` ending in a stop, for the Chicago style."""
    text = text.strip()
    return text if text and text[-1] in _STOPS + "”’" else text + "."


def _responsible(work: Work) -> str:
    if work.authors:
        return ", ".join(a.name for a in work.authors)
    return work.publisher.name if work.publisher else work.site_name


def _journal_gb(work: Work) -> str:
    issue = work.issue
    volume = f", {issue.volume}" if issue.volume else ""
    return f"{issue.periodical.name}, {issue.year}{volume}({issue.number})"


def gb_t_7714(work: Work, section: Section | None = None) -> str:
    """GB/T 7714-2015."""
    mark = GB_TYPES.get(work.kind, "EB/OL")
    who = _responsible(work)
    title = _bare(work.title)
    if work.session:
        title = f"{title}: {work.session}"
    url = work.url + (f"#{section.id}" if section else "")
    date = f"({work.date.isoformat()})" if work.date else ""
    if work.issue is not None and work.kind in ("article", "issue"):
        where = _journal_gb(work)
        if section is None:
            return f"{who}. {title}[{mark}]. {where}. {url}."
        return f"{who}. {_bare(section.title)}[{mark}]//{who}. {title}. {where}. {url}."
    tail = f"{date}. {url}." if date else f"{url}."
    if section is None:
        return f"{who}. {title}[{mark}]. {tail}"
    return f"{who}. {_bare(section.title)}[{mark}]//{who}. {title}. {tail}"


def _journal_chicago(work: Work) -> str:
    issue = work.issue
    volume = f" {issue.volume}," if issue.volume else ","
    return f"{issue.periodical.name}{volume} no. {issue.number} ({issue.year})"


def chicago(work: Work, section: Section | None = None) -> str:
    """Chicago notes-bibliography style, for English."""
    who = _closed(_responsible(work))
    url = work.url + (f"#{section.id}" if section else "")
    when = format_date(work.date, format="long", locale=work.locale or "en") if work.date else ""
    quoted = f"“{_closed(work.title)}”"
    if work.kind == "issue" and work.issue is not None:
        publisher = work.publisher.name if work.publisher else work.site_name
        published = ", ".join(part for part in (publisher, when) if part)
        return f"{_journal_chicago(work)}. {published}. {url}."
    if work.kind == "article" and work.issue is not None:
        if section is None:
            return f"{who} {quoted} {_journal_chicago(work)}. {url}."
        return f"{who} “{_closed(section.title)}” In {quoted} {_journal_chicago(work)}. {url}."
    details = ", ".join(part for part in (work.session or "", when) if part)
    container = work.site_name if work.kind != "report" else ""
    after = ", ".join(part for part in (container, details) if part)
    if section is None:
        return f"{who} {quoted} {after}. {url}." if after else f"{who} {quoted} {url}."
    inside = f"In {quoted} {after}." if after else f"In {quoted}"
    return f"{who} “{_closed(section.title)}” {inside} {url}."


STYLES: dict[str, Callable[[Work, Section | None], str]] = {
    "gb-t-7714-2015": gb_t_7714,
    "chicago": chicago,
}

STYLE_NAMES = {"gb-t-7714-2015": "GB/T 7714—2015", "chicago": "Chicago"}


def cite(work: Work, style: str, section: Section | None = None) -> str:
    return STYLES[style](work, section)
