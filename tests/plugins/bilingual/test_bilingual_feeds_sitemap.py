"""Per-language Atom feeds and sitemap.xml of the real site."""

import xml.etree.ElementTree as ET

import feedparser
import pytest
from bilingual_fixtures import ORIGIN, file_of, hreflang_links, site_path, soup_of

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"

FEEDS = {
    "zh": ("feeds/all.atom.xml", "zh-CN"),
    "en": ("en/feeds/all.atom.xml", "en"),
}


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
    assert feed.entries


def test_chinese_feed_has_only_chinese_entries(feeds):
    links = [entry.link for entry in feeds["zh"].entries]
    assert links and not [link for link in links if is_english(link)]


def test_english_feed_has_only_english_entries(feeds):
    links = [entry.link for entry in feeds["en"].entries]
    assert links and all(is_english(link) for link in links), links


def test_feeds_carry_the_report_and_entries_exist(site, feeds):
    for lang, prefix in (("zh", "/"), ("en", "/en/")):
        links = [site_path(entry.link) for entry in feeds[lang].entries]
        assert f"{prefix}reports/2022-standing-committee-work-report/" in links
        assert all(file_of(site, link) for link in links)


def test_feeds_are_linked_from_the_pages_of_their_language(site):
    zh = soup_of(site / "index.html").select_one("link[type='application/atom+xml']")["href"]
    en = soup_of(site / "en/index.html").select_one("link[type='application/atom+xml']")["href"]
    assert site_path(zh) == "/feeds/all.atom.xml"
    assert site_path(en) == "/en/feeds/all.atom.xml"


# sitemap -------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def sitemap(site):
    return ET.parse(site / "sitemap.xml").getroot()


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
    assert b" ref=" not in (site / "sitemap.xml").read_bytes()


def test_every_sitemap_url_is_a_file_of_the_site(site, sitemap):
    missing = []
    for loc, alternates in entries(sitemap).items():
        for url in (loc, *alternates.values()):
            assert url.startswith(ORIGIN + "/"), url
            assert "/en/../" not in url and "/../" not in url, url
            if file_of(site, url) is None:
                missing.append(url)
    assert not missing, sorted(set(missing))


def test_sitemap_lists_both_languages_with_x_default(sitemap):
    found = entries(sitemap)
    report = f"{ORIGIN}/reports/2022-standing-committee-work-report/"
    report_en = f"{ORIGIN}/en/reports/2022-standing-committee-work-report/"
    assert report in found and report_en in found
    for loc in (report, report_en):
        assert found[loc] == {"zh-CN": report, "en": report_en, "x-default": report}
    assert any(is_english(loc) for loc in found) and any(not is_english(loc) for loc in found)
    assert f"{ORIGIN}/" in found and f"{ORIGIN}/en/" in found
    for loc, alternates in found.items():
        if {"zh-CN", "en"} <= set(alternates):
            assert alternates.get("x-default") == alternates["zh-CN"], loc  # Chinese is the original


def test_every_sitemap_url_lists_itself_among_its_alternates(sitemap):
    for loc, alternates in entries(sitemap).items():
        assert loc in alternates.values(), loc


def test_sitemap_leaves_out_noindex_pages(site, sitemap):
    for loc in entries(sitemap):
        page = file_of(site, loc)
        if page.suffix == ".html":
            assert not soup_of(page).select_one("meta[name=robots][content~=noindex]"), loc


def test_page_hreflang_agrees_with_the_sitemap(site, sitemap):
    """What a page says in its <head> and what the sitemap says about it are the same."""
    disagreements = []
    for loc, alternates in entries(sitemap).items():
        page = file_of(site, loc)
        if page.suffix != ".html":
            continue
        head = {lang: ORIGIN + site_path(href) for lang, href in hreflang_links(soup_of(page)).items()}
        if head != alternates:
            disagreements.append(f"{site_path(loc)}: <head> {head} ≠ sitemap {alternates}")
    assert not disagreements, "\n".join(disagreements[:10]) + f"\n({len(disagreements)} pages)"


def test_robots_txt_names_the_sitemap(site):
    assert f"Sitemap: {ORIGIN}/sitemap.xml" in (site / "robots.txt").read_text(encoding="utf-8")
