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
from .tags import COLLATIONS, pair_tags
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
        self.tag_counterparts = self.pair_tags_across_languages()
        self.sitemap_entries = []

    def pair_tags_across_languages(self):
        """(language code, tag) → {other language code: the same subject's tag there}."""
        counterparts = defaultdict(dict)
        for number, language in enumerate(self.languages):
            for other in self.languages[number + 1:]:
                pairs = pair_tags(
                    tag_places(self.articles_by_lang[language.code], other.code),
                    tag_places(self.articles_by_lang[other.code], language.code),
                )
                for tag, counterpart in pairs.items():
                    counterparts[language.code, tag][other.code] = counterpart
                    counterparts[other.code, counterpart][language.code] = tag
        return counterparts

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

    def write_listing(self, writer, language, path, template, indexed=True, counterparts=None, **extra):
        """Write one listing. Its other-language version is the same listing, unless
        `counterparts` maps language codes to (path, equivalent) (tags differ between
        languages): not equivalent is only the nearest page, not claimed as the same one."""
        url = language.prefix + path
        if counterparts is None:
            counterparts = {other.code: (path, True) for other in self.languages if other != language}
        prefixes = {other.code: other.prefix for other in self.languages}
        versions = tuple(
            version if version.current else replace(version, equivalent=counterparts[version.language.code][1])
            for version in versions_of(
                url,
                language.code,
                {code: prefixes[code] + other_path for code, (other_path, _) in counterparts.items()},
                self.languages,
            )
        )
        writer.write_file(
            save_as(url),
            self.get_template(template),
            self.context,
            template_name=template,
            url=url,
            versions=versions,
            **self.listing_context(language, url),
            **extra,
        )
        if not indexed:
            return
        # x-default only when the original-language version is the same page.
        alternates = [(v.language.html_lang, v.url) for v in versions if v.equivalent]
        if versions[0].equivalent:
            alternates = with_default(alternates)
        self.sitemap_entries.append(SitemapEntry(url=url, alternates=tuple(alternates)))

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
        tags = tags_of(articles, COLLATIONS[language.collation])
        self.write_listing(writer, language, "tags/", "tags", tags=tags)
        for tag, tagged in tags:
            found = self.tag_counterparts.get((language.code, tag), {})
            counterparts = {
                other.code: (f"tags/{found[other.code].slug}/", True) if other.code in found else ("tags/", False)
                for other in self.languages
                if other != language
            }
            self.write_listing(
                writer, language, f"tags/{tag.slug}/", "tag", counterparts=counterparts, tag=tag, items=tagged
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


def tags_of(articles, collation):
    """(tag, its articles) of these articles, the tags in the order `collation` gives their names."""
    tagged = defaultdict(list)
    for article in articles:
        for tag in getattr(article, "tags", []):
            tagged[tag].append(article)
    return sorted(tagged.items(), key=lambda pair: collation(str(pair[0])))


def tag_places(articles, other_lang: str):
    """For pair_tags: each tag of these articles → {slug: (its place, the length of the Tags
    line)}, of the articles that have a translation in `other_lang` (which shares the slug).
    With the length, a translation that left a tag out moves no other tag into its place."""
    places = defaultdict(dict)
    for article in articles:
        if any(t.lang == other_lang and t.status == article.status for t in article.translations):
            tags = getattr(article, "tags", [])
            for place, tag in enumerate(tags):
                places[tag][article.slug] = (place, len(tags))
    return places
