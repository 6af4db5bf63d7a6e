"""Metadata for machines from one Work: schema.org JSON-LD, Highwire Press tags (Google
Scholar), Open Graph and Twitter cards. Pure: no Pelican, no templates.

The JSON-LD is built as a dict and serialised with json.dumps; ``<``, ``>`` and ``&``
are written as ``\\u003c`` … so that no text (a title with ``</script>``) can end the
script element. docs/metadata.md lists every type and property.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from .records import Agent, ImageInfo, IssueInfo, Work, WorkRef

CONTEXT = "https://schema.org"


@dataclass(frozen=True)
class MetaTag:
    attribute: str  # "name" or "property"
    key: str
    value: str


# JSON-LD ---------------------------------------------------------------------------------


def agent(who: Agent) -> dict:
    return {"@type": who.type, "name": who.name}


def image_object(image: ImageInfo) -> dict:
    node = {
        "@type": "ImageObject",
        "contentUrl": image.url,
        "url": image.url,
        "width": image.width,
        "height": image.height,
    }
    if image.alt:
        node["description"] = image.alt
    if image.caption:
        node["caption"] = image.caption
    if image.credit:
        node["creditText"] = image.credit
    if image.date:
        node["dateCreated"] = image.date
    return node


def periodical_node(issue: IssueInfo) -> dict:
    node = {"@type": "Periodical", "name": issue.periodical.name}
    if issue.periodical.issn:
        node["issn"] = issue.periodical.issn
    return node


def issue_node(issue: IssueInfo, lang: str | None = None) -> dict:
    """The PublicationIssue an article is part of (→ PublicationVolume →) Periodical."""
    container = periodical_node(issue)
    if issue.volume:
        container = {"@type": "PublicationVolume", "volumeNumber": issue.volume, "isPartOf": container}
    node = {
        "@type": "PublicationIssue",
        "@id": issue.url,
        "url": issue.url,
        "name": issue.title,
        "issueNumber": issue.number,
        "datePublished": issue.date.isoformat(),
        "isPartOf": container,
    }
    if lang:
        node["inLanguage"] = lang
    return node


def reference(ref: WorkRef, schema_type: str) -> dict:
    node = {"@type": schema_type, "@id": ref.url, "url": ref.url, "inLanguage": ref.lang}
    if ref.title:
        node["name"] = ref.title
    return node


def main_node(work: Work) -> dict:
    node: dict = {"@type": work.schema_type, "@id": work.url, "url": work.url}
    if work.kind == "issue" and work.issue is not None:
        node.update(issue_node(work.issue))
        node["@id"] = work.url
    else:
        node["name"] = work.title
        if work.is_publication:
            node["headline"] = work.title
    node["inLanguage"] = work.lang
    if work.date is not None:
        node["datePublished"] = work.date.isoformat()
    if work.description:
        node["description"] = work.description
    if work.authors:
        node["author"] = [agent(a) for a in work.authors]
    if work.publisher is not None and work.is_publication:
        node["publisher"] = agent(work.publisher)
    if work.keywords:
        node["keywords"] = list(work.keywords)
    if work.images:
        node["image"] = [image_object(image) for image in work.images]
    if work.kind == "report":
        if work.report_number:
            node["reportNumber"] = work.report_number
        if work.report_year:
            node["temporalCoverage"] = work.report_year
    if work.kind == "article" and work.issue is not None:
        node["isPartOf"] = issue_node(work.issue, work.lang)
        if work.column:
            node["articleSection"] = work.column
    if work.parts:
        node["hasPart"] = [
            {"@type": "Article", "@id": part.url, "url": part.url, "headline": part.title, "inLanguage": part.lang}
            for part in work.parts
        ]
    if work.pdf_url:
        node["encoding"] = {"@type": "MediaObject", "contentUrl": work.pdf_url, "encodingFormat": "application/pdf"}
    if work.original is not None:
        node["translationOfWork"] = reference(work.original, work.schema_type)
    if work.translations:
        node["workTranslation"] = [reference(t, work.schema_type) for t in work.translations]
    return node


def breadcrumb_node(work: Work) -> dict:
    return {
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": position, "name": crumb.name, "item": crumb.url}
            for position, crumb in enumerate(work.breadcrumbs, start=1)
        ],
    }


def json_ld(work: Work) -> dict:
    graph = [main_node(work)]
    if work.breadcrumbs:
        graph.append(breadcrumb_node(work))
    return {"@context": CONTEXT, "@graph": graph}


def script_json(data: dict) -> str:
    """JSON for a <script type="application/ld+json"> element: nothing in it can close the element."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))  # compact: the C encoder, 4× faster
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


# Highwire Press (Google Scholar) --------------------------------------------------------------


def citation_date(work: Work) -> str | None:
    return work.date.strftime("%Y/%m/%d") if work.date else None


def highwire(work: Work) -> list[MetaTag]:
    if not work.is_publication:
        return []
    tags = [MetaTag("name", "citation_title", work.title)]
    tags += [MetaTag("name", "citation_author", who.name) for who in work.authors]
    if work.date:
        tags.append(MetaTag("name", "citation_publication_date", citation_date(work)))
    if work.issue is not None and work.kind in ("article", "issue"):
        tags.append(MetaTag("name", "citation_journal_title", work.issue.periodical.name))
        if work.issue.periodical.issn:
            tags.append(MetaTag("name", "citation_issn", work.issue.periodical.issn))
        if work.issue.volume:
            tags.append(MetaTag("name", "citation_volume", work.issue.volume))
        tags.append(MetaTag("name", "citation_issue", work.issue.number))
    if work.kind == "report":
        if work.authors:
            tags.append(MetaTag("name", "citation_technical_report_institution", work.authors[0].name))
        if work.report_number:
            tags.append(MetaTag("name", "citation_technical_report_number", work.report_number))
    if work.publisher is not None:
        tags.append(MetaTag("name", "citation_publisher", work.publisher.name))
    tags.append(MetaTag("name", "citation_language", work.lang_code))
    tags += [MetaTag("name", "citation_keywords", keyword) for keyword in work.keywords]
    tags.append(MetaTag("name", "citation_abstract_html_url", work.url))
    if work.pdf_url:
        tags.append(MetaTag("name", "citation_pdf_url", work.pdf_url))
    return tags


# Open Graph and Twitter ----------------------------------------------------------------------


def open_graph(work: Work) -> list[MetaTag]:
    tags = [
        MetaTag("property", "og:title", work.title),
        MetaTag("property", "og:type", "article" if work.is_publication else "website"),
        MetaTag("property", "og:url", work.url),
        MetaTag("property", "og:site_name", work.site_name),
        MetaTag("property", "og:locale", work.og_locale),
    ]
    tags += [MetaTag("property", "og:locale:alternate", locale) for locale in work.alternate_locales]
    if work.description:
        tags.append(MetaTag("property", "og:description", work.description))
    if work.images:
        image = work.images[0]
        tags += [
            MetaTag("property", "og:image", image.url),
            MetaTag("property", "og:image:width", str(image.width)),
            MetaTag("property", "og:image:height", str(image.height)),
        ]
        if image.alt:
            tags.append(MetaTag("property", "og:image:alt", image.alt))
    if work.is_publication and work.date:
        tags.append(MetaTag("property", "article:published_time", work.date.isoformat()))
        if work.column:
            tags.append(MetaTag("property", "article:section", work.column))
        tags += [MetaTag("property", "article:tag", keyword) for keyword in work.keywords]
    tags.append(MetaTag("name", "twitter:card", "summary_large_image" if work.images else "summary"))
    tags.append(MetaTag("name", "twitter:title", work.title))
    if work.description:
        tags.append(MetaTag("name", "twitter:description", work.description))
    if work.images:
        tags.append(MetaTag("name", "twitter:image", work.images[0].url))
        if work.images[0].alt:
            tags.append(MetaTag("name", "twitter:image:alt", work.images[0].alt))
    return [tag for tag in tags if tag.value]


def listing_tags(title: str, url: str, site_name: str, og_locale: str, alternate_locales) -> list[MetaTag]:
    """Open Graph and Twitter tags for a page that is not a publication (home, listings)."""
    work = Work(kind="page", title=title, url=url, lang="", lang_code="", locale="", date=None,
                site_name=site_name, og_locale=og_locale, alternate_locales=tuple(alternate_locales))
    return open_graph(work)
