"""Writes every listing once per language, the honest "not translated" notices,
per-language feeds, the sitemap and robots.txt."""

import os
from collections import defaultdict
from dataclasses import replace
from itertools import groupby
from operator import attrgetter

from pelican.generators import Generator

from .settings import read_languages
from .sitemap import SitemapEntry, absolute, sitemap_xml
from .versions import content_versions, versions_of

FEED_PATH = "feeds/all.atom.xml"
HOME_ITEMS_PER_KIND = 3


def newest_first(items):
    return sorted(items, key=lambda item: (item.date, item.slug), reverse=True)


def with_translations(originals):
    for item in originals:
        yield item
        yield from (t for t in item.translations if t.status == item.status)


def save_as(url: str) -> str:
    return url + "index.html" if url.endswith("/") or not url else url


class BilingualGenerator(Generator):
    def generate_context(self):
        self.languages = read_languages(self.settings)
        self.kinds = self.settings.get("PUBLICATION_KINDS", {})
        self.origin = self.settings.get("SITE_ORIGIN") or self.settings["SITEURL"]
        articles = list(with_translations(self.context.get("articles", [])))
        pages = list(with_translations(self.context.get("pages", [])))
        self.hidden_pages = list(with_translations(self.context.get("hidden_pages", [])))
        self.articles_by_lang = defaultdict(list)
        for article in newest_first(articles):
            self.articles_by_lang[article.lang].append(article)
        self.pages_by_lang = defaultdict(list)
        for page in sorted(pages, key=attrgetter("slug")):
            self.pages_by_lang[page.lang].append(page)
        self.context["articles_by_lang"] = self.articles_by_lang
        self.context["pages_by_lang"] = self.pages_by_lang
        self.sitemap_entries = []

    def generate_output(self, writer):
        for language in self.languages:
            self.write_listings(writer, language)
        self.write_untranslated_notices(writer)
        for language in self.languages:
            self.write_feed(writer, language)
        self.write_sitemap_and_robots()

    # listings --------------------------------------------------------------

    def listing_context(self, language, url):
        return {
            "page_lang": language.code,
            "page_url": url,
            "lang_articles": self.articles_by_lang[language.code],
            "lang_pages": self.pages_by_lang[language.code],
            "feed_url": language.prefix + FEED_PATH,
        }

    def write_listing(self, writer, language, path, template, indexed=True, counterpart=None, **extra):
        """Write one listing. Its other-language version is the same listing, unless
        `counterpart` names another path (tags differ between languages)."""
        url = language.prefix + path
        if counterpart is not None:
            extra["versions"] = tuple(
                version if version.current else replace(version, equivalent=False)
                for version in versions_of(
                    url,
                    language.code,
                    {other.code: other.prefix + counterpart for other in self.languages if other != language},
                    self.languages,
                )
            )
        writer.write_file(
            save_as(url),
            self.get_template(template),
            self.context,
            template_name=template,
            url=url,
            **self.listing_context(language, url),
            **extra,
        )
        if not indexed:
            return
        if counterpart is None:
            alternates = with_default([(other.html_lang, other.prefix + path) for other in self.languages])
        else:
            # No translation: only the page itself, x-default too if it is in the original language.
            own = [(language.html_lang, url)]
            alternates = with_default(own) if language == self.languages[0] else tuple(own)
        self.sitemap_entries.append(SitemapEntry(url=url, alternates=alternates))

    def write_listings(self, writer, language):
        articles = self.articles_by_lang[language.code]
        by_kind = defaultdict(list)
        for article in articles:
            by_kind[article.metadata.get("kind")].append(article)
        listed_kinds = [
            (kind, options["listing"]) for kind, options in self.kinds.items() if options.get("listing")
        ]
        self.write_listing(
            writer, language, "", "index",
            latest=[(kind, listing, by_kind[kind][:HOME_ITEMS_PER_KIND]) for kind, listing in listed_kinds],
        )
        for kind, listing in listed_kinds:
            self.write_listing(
                writer, language, listing + "/", "listing",
                kind=kind, listing=listing, items=by_kind[kind],
                years=group_by_year(by_kind[kind], year=year_of),
            )
        self.write_listing(writer, language, "archives/", "archives", years=group_by_year(articles))
        tags = tags_of(articles)
        self.write_listing(writer, language, "tags/", "tags", tags=tags)
        for tag, tagged in tags:
            self.write_listing(
                writer, language, f"tags/{tag.slug}/", "tag", counterpart="tags/", tag=tag, items=tagged
            )
        self.write_listing(writer, language, "search/", "search", indexed=False)

    # translations ----------------------------------------------------------

    def write_untranslated_notices(self, writer):
        by_code = {language.code: language for language in self.languages}
        for items in (self.articles_by_lang, self.pages_by_lang):
            for lang in list(items):
                for item in items[lang]:
                    versions = content_versions(item, self.languages)
                    self.sitemap_entries.append(
                        SitemapEntry(
                            url=item.url,
                            alternates=with_default(
                                [(v.language.html_lang, v.url) for v in versions if v.available],
                                default=versions[0],
                            ),
                            lastmod=item.date.date().isoformat() if hasattr(item, "date") else None,
                        )
                    )
                    for version in versions:
                        if version.available:
                            continue
                        writer.write_file(
                            save_as(version.url),
                            self.get_template("untranslated"),
                            self.context,
                            page_lang=version.language.code,
                            page_url=version.url,
                            original=item,
                            original_language=by_code[item.lang],
                            versions=tuple(
                                replace(v, current=v.language == version.language) for v in versions
                            ),
                        )

    # feeds, sitemap, robots -------------------------------------------------

    def write_feed(self, writer, language):
        feed_context = dict(
            self.context,
            SITEURL=self.origin,
            FEED_DOMAIN=self.origin,
            SITENAME=language.sitename,
            page_lang=language.code,
        )
        writer.write_feed(
            self.articles_by_lang[language.code],
            feed_context,
            path=language.prefix + FEED_PATH,
        )

    def write_sitemap_and_robots(self):
        with open(os.path.join(self.output_path, "sitemap.xml"), "wb") as sitemap:
            sitemap.write(sitemap_xml(self.sitemap_entries, self.origin))
        with open(os.path.join(self.output_path, "robots.txt"), "w", encoding="utf-8") as robots:
            robots.write(f"User-agent: *\nAllow: /\nSitemap: {absolute(self.origin, 'sitemap.xml')}\n")


def with_default(alternates, default=None):
    """Add hreflang x-default, pointing at the original-language version (listed first)."""
    if default is not None and not default.available:
        return tuple(alternates)
    return (*alternates, ("x-default", alternates[0][1]))


def year_of(item) -> int:
    """The year a publication is about (a report's Year), else the year it appeared."""
    return int(item.metadata.get("year") or item.date.year)


def year_published(item) -> int:
    return item.date.year


def group_by_year(items, year=year_published):
    ordered = sorted(items, key=year, reverse=True)  # stable: newest first within a year
    return [(key, list(group)) for key, group in groupby(ordered, key=year)]


def tags_of(articles):
    tagged = defaultdict(list)
    for article in articles:
        for tag in getattr(article, "tags", []):
            tagged[tag].append(article)
    return sorted(tagged.items(), key=lambda pair: pair[0].slug)
