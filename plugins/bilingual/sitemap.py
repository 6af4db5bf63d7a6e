"""sitemap.xml with hreflang alternates, built as XML rather than as strings."""

from dataclasses import dataclass
from xml.etree import ElementTree

SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
XHTML_NS = "http://www.w3.org/1999/xhtml"


@dataclass(frozen=True)
class SitemapEntry:
    url: str  # site-relative
    alternates: tuple[tuple[str, str], ...]  # (hreflang, site-relative url), this page included
    lastmod: str | None = None  # ISO date


def sitemap_xml(entries, origin: str) -> bytes:
    ElementTree.register_namespace("", SITEMAP_NS)
    ElementTree.register_namespace("xhtml", XHTML_NS)
    urlset = ElementTree.Element(f"{{{SITEMAP_NS}}}urlset")
    for entry in sorted(entries, key=lambda e: e.url):
        url = ElementTree.SubElement(urlset, f"{{{SITEMAP_NS}}}url")
        ElementTree.SubElement(url, f"{{{SITEMAP_NS}}}loc").text = absolute(origin, entry.url)
        if entry.lastmod:
            ElementTree.SubElement(url, f"{{{SITEMAP_NS}}}lastmod").text = entry.lastmod
        for hreflang, href in entry.alternates:
            ElementTree.SubElement(
                url,
                f"{{{XHTML_NS}}}link",
                rel="alternate",
                hreflang=hreflang,
                href=absolute(origin, href),
            )
    ElementTree.indent(urlset)
    return ElementTree.tostring(urlset, encoding="utf-8", xml_declaration=True) + b"\n"


def absolute(origin: str, url: str) -> str:
    return origin.rstrip("/") + "/" + url.lstrip("/")
