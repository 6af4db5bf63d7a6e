"""What machines and citations need to know about one publication, as plain data.

The glue (glue.py) fills a Work from a Pelican article; metadata.py turns it into
JSON-LD, Highwire Press, Open Graph and Twitter tags, and citation.py into a
citation. Pure: no Pelican.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

# Kinds of publication, and what schema.org calls them.
SCHEMA_TYPES = {
    "report": "Report",
    "story": "Article",
    "article": "Article",
    "issue": "PublicationIssue",
    "page": "WebPage",
}


@dataclass(frozen=True)
class Agent:
    name: str
    type: str = "Organization"  # or "Person"


@dataclass(frozen=True)
class ImageInfo:
    url: str  # absolute
    width: int
    height: int
    alt: str
    caption: str = ""
    credit: str = ""
    date: str = ""  # when the picture was taken, as its caption's <time datetime> says


@dataclass(frozen=True)
class Periodical:
    name: str
    issn: str | None = None


@dataclass(frozen=True)
class IssueInfo:
    title: str
    url: str  # absolute
    number: str
    year: str
    date: date
    periodical: Periodical
    volume: str | None = None


@dataclass(frozen=True)
class WorkRef:
    """Another work this one points at: a translation, an original, a part."""

    url: str  # absolute
    lang: str  # BCP 47
    kind: str
    title: str = ""


@dataclass(frozen=True)
class Crumb:
    name: str
    url: str  # absolute


@dataclass(frozen=True)
class Section:
    id: str
    title: str


@dataclass(frozen=True)
class Work:
    kind: str  # report, story, issue, article or page
    title: str
    url: str  # absolute, canonical
    lang: str  # BCP 47 ("zh-CN")
    lang_code: str  # Pelican's code ("zh"), for citation_language
    locale: str  # Babel locale for dates in citations ("en_GB")
    date: date | None
    description: str = ""
    authors: tuple[Agent, ...] = ()
    publisher: Agent | None = None
    site_name: str = ""
    keywords: tuple[str, ...] = ()
    images: tuple[ImageInfo, ...] = ()  # the first one is the work's picture
    report_number: str | None = None
    report_year: str | None = None
    session: str | None = None
    source: str | None = None
    pdf_url: str | None = None
    issue: IssueInfo | None = None  # magazine articles: their issue; issues: themselves
    column: str | None = None
    parts: tuple[WorkRef, ...] = ()  # an issue's articles
    original: WorkRef | None = None  # set on translations
    translations: tuple[WorkRef, ...] = ()  # the other available versions
    og_locale: str = ""
    alternate_locales: tuple[str, ...] = ()
    breadcrumbs: tuple[Crumb, ...] = ()

    @property
    def schema_type(self) -> str:
        return SCHEMA_TYPES.get(self.kind, "CreativeWork")

    @property
    def is_publication(self) -> bool:
        return self.kind != "page"
