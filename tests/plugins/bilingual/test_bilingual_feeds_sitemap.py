"""Per-language Atom feeds, sitemap.xml and robots.txt of the real site."""

import re
import xml.etree.ElementTree as ET

import feedparser
import pytest
from sitebuild import (
    ORIGIN,
    alternates,
    exists,
    file_for,
    is_noindex,
    site_path,
    soup_of,
)

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"
REPORT = "reports/2022-standing-committee-work-report/"
CJK = re.compile(r"[\u3400-\u9fff]")

FEEDS = {
    "zh": ("feeds/all.atom.xml", "zh-CN"),
    "en": ("en/feeds/all.atom.xml", "en"),
}
PREFIX = {"zh": "/", "en": "/en/"}


def is_english(url: str) -> bool:
    return site_path(url).startswith("/en/")


@pytest.fixture(scope="module")
def feeds(site):
    return {lang: feedparser.parse(str(site / path)) for lang, (path, _) in FEEDS.items()}


@pytest.mark.parametrize("lang", FEEDS)
def test_feed_is_well_formed_and_labelled(feeds, lang):
    feed = feeds[lang]
    path, html_lang = FEEDS[lang]
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.feed.get("language") == html_lang
    self_links = [link.href for link in feed.feed.links if link.rel == "self"]
    assert self_links == [f"{ORIGIN}/{path}"]


@pytest.mark.parametrize("lang", FEEDS)
def test_a_feed_carries_the_report_and_only_its_own_languages_entries_which_exist(site, feeds, lang):
    links = [entry.link for entry in feeds[lang].entries]
    assert f"{PREFIX[lang]}{REPORT}" in [site_path(link) for link in links]
    assert [link for link in links if is_english(link) != (lang == "en")] == []
    assert [link for link in links if not exists(site, link)] == []
    if lang == "en":
        assert [entry.title for entry in feeds["en"].entries if CJK.search(entry.title)] == []


def test_the_feeds_have_distinct_ids(feeds):
    assert feeds["zh"].feed.id != feeds["en"].feed.id
    assert not {e.id for e in feeds["zh"].entries} & {e.id for e in feeds["en"].entries}


@pytest.mark.parametrize("lang", FEEDS)
@pytest.mark.parametrize("page", ["", REPORT])
def test_pages_announce_their_own_languages_feed(site, lang, page):
    soup = soup_of(file_for(site, PREFIX[lang] + page))
    hrefs = [site_path(link["href"]) for link in soup.select("head link[type='application/atom+xml']")]
    assert hrefs == [f"/{FEEDS[lang][0]}"]


# sitemap -------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def sitemap(site):
    return ET.parse(site / "sitemap.xml").getroot()  # raises on malformed XML


def entries(sitemap) -> dict[str, dict[str, str]]:
    """loc → {hreflang: href} of every <url>."""
    found = {}
    for url in sitemap.iter(f"{SITEMAP}url"):
        loc = url.findtext(f"{SITEMAP}loc")
        found[loc] = {link.get("hreflang"): link.get("href") for link in url.iter(f"{XHTML}link")}
    return found


def test_sitemap_alternates_use_href(site, sitemap):
    links = list(sitemap.iter(f"{XHTML}link"))
    assert links
    for link in links:
        assert link.get("rel") == "alternate"
        assert link.get("href") and link.get("hreflang")
        assert link.get("ref") is None
    assert not re.search(r"<xhtml:link[^>]*\sref=", (site / "sitemap.xml").read_text(encoding="utf-8")), \
        "pelican-sitemap 1.2.2's ref= instead of href="


def test_every_sitemap_url_is_listed_once_and_is_a_file_of_the_site(site, sitemap):
    locations = [url.findtext(f"{SITEMAP}loc") for url in sitemap.iter(f"{SITEMAP}url")]
    assert len(set(locations)) == len(locations)
    missing = []
    for loc, found in entries(sitemap).items():
        for url in (loc, *found.values()):
            assert url.startswith(ORIGIN + "/"), url
            assert "/../" not in url, url
            if not exists(site, url):
                missing.append(url)
    assert not missing, sorted(set(missing))


def test_sitemap_lists_both_languages_with_x_default(sitemap):
    found = entries(sitemap)
    report, report_en = f"{ORIGIN}/{REPORT}", f"{ORIGIN}/en/{REPORT}"
    for loc in (report, report_en):
        assert found[loc] == {"zh-CN": report, "en": report_en, "x-default": report}
    assert f"{ORIGIN}/" in found and f"{ORIGIN}/en/" in found
    for loc, by_lang in found.items():
        if len(by_lang) > 1:  # a page in one language only needs no x-default
            assert by_lang.get("x-default") == by_lang.get("zh-CN", by_lang.get("en")), loc  # Chinese is the original


def test_every_sitemap_url_is_its_own_alternate_in_its_language(sitemap):
    for loc, by_lang in entries(sitemap).items():
        if not by_lang:
            continue
        own = "en" if is_english(loc) else "zh-CN"
        assert by_lang.get(own) == loc, f"{loc}: its own alternate is {by_lang.get(own)}"
        if "en" in by_lang:
            assert is_english(by_lang["en"]), f"{loc}: English under the main URL"
        if "zh-CN" in by_lang:
            assert not is_english(by_lang["zh-CN"]), loc


def test_sitemap_leaves_out_noindex_pages(site, sitemap):
    for loc in entries(sitemap):
        page = file_for(site, site_path(loc))
        if page.suffix == ".html":
            assert not is_noindex(soup_of(page)), loc


def test_page_hreflang_agrees_with_the_sitemap(site, sitemap):
    """What a page says in its <head> and what the sitemap says about it are the same."""
    disagreements = []
    for loc, found in entries(sitemap).items():
        page = file_for(site, site_path(loc))
        if page.suffix != ".html":
            continue
        head = {lang: ORIGIN + site_path(href) for lang, href in alternates(soup_of(page)).items()}
        if head != found:
            disagreements.append(f"{site_path(loc)}: <head> {head} ≠ sitemap {found}")
    assert not disagreements, "\n".join(disagreements[:10]) + f"\n({len(disagreements)} pages)"


def test_robots_txt_allows_crawling_and_names_the_sitemap(site):
    lines = (site / "robots.txt").read_text(encoding="utf-8").splitlines()
    assert "User-agent: *" in lines
    assert "Disallow: /" not in lines
    assert f"Sitemap: {ORIGIN}/sitemap.xml" in lines
