"""A fixture site built with real Pelican and the real settings (sitebuild.UNTRANSLATED): a
publication with no translation yet, either way round, listings in both languages, and the
i18n_subsites pitfalls on a fresh build."""

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import feedparser
import pytest
from sitebuild import (
    ORIGIN,
    UNTRANSLATED,
    alternates,
    build_fixture_site,
    exists,
    is_noindex,
    page_soup,
    site_path,
    soup_of,
    switcher,
)

import pelicanconf

CJK = re.compile(r"[\u3400-\u9fff]")
SITEMAP_NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML_NS = "{http://www.w3.org/1999/xhtml}"
WITHOUT_STRICT = [name for name in pelicanconf.PLUGINS if name != "strict"]


def links_in_main(soup) -> set[str]:
    return {site_path(a["href"]) for a in soup.select("main a[href]") if not a["href"].startswith("#")}


def canonical(soup) -> str:
    return site_path(soup.select_one("head link[rel=canonical]")["href"])


def hreflangs(soup) -> dict[str, str]:
    return {hreflang: site_path(href) for hreflang, href in alternates(soup).items()}


def notice_text(soup) -> str:
    return soup.select_one("main .notice").get_text(" ", strip=True)


def sitemap_urls(output: Path) -> set[str]:
    root = ET.parse(output / "sitemap.xml").getroot()
    return {url.findtext(f"{SITEMAP_NS}loc") for url in root.findall(f"{SITEMAP_NS}url")} | {
        link.get("href") for link in root.iter(f"{XHTML_NS}link")
    }


def feed_links(output: Path, feed: str) -> list[str]:
    parsed = feedparser.parse((output / feed).read_bytes())
    assert not parsed.bozo, parsed.get("bozo_exception")
    return [site_path(entry.link) for entry in parsed.entries]


# a Chinese story with no English translation yet ----------------------------------------


def test_the_chinese_only_story_is_a_chinese_page_that_switches_to_its_notice(untranslated_site):
    page = page_soup(untranslated_site, "/stories/chinese-only/")
    assert page.html["lang"] == "zh-CN"
    assert not is_noindex(page)
    assert page.select_one("main h1").get_text(strip=True) == "只有中文的故事"
    assert switcher(page)["en"] == "/en/stories/chinese-only/"  # its own address, the notice, not /en/
    assert page.select_one("nav.language-switcher a[data-untranslated]") is not None
    # no hreflang promise of an English version that does not exist
    assert set(alternates(page)) == {"zh-CN", "x-default"}


def test_its_english_address_is_an_honest_notice_in_english(untranslated_site):
    notice = page_soup(untranslated_site, "/en/stories/chinese-only/")
    assert notice.html["lang"] == "en"
    assert is_noindex(notice)
    assert canonical(notice) == "/stories/chinese-only/"
    assert "/stories/chinese-only/" in links_in_main(notice)  # the way to the original
    assert "这个故事还没有英文译本" not in notice.select_one("main").get_text()  # no pretending
    said = notice_text(notice)
    assert re.search(r"[A-Za-z]{4,}", said) and not CJK.search(said.replace("只有中文的故事", ""))
    assert "en" not in alternates(notice)
    assert notice.select_one("[data-pagefind-body]") is None, "the notice would be indexed by search"


@pytest.mark.parametrize("listing", ["/", "/stories/", "/archives/"])
def test_the_chinese_only_story_is_listed_in_chinese(untranslated_site, listing):
    assert "/stories/chinese-only/" in links_in_main(page_soup(untranslated_site, listing))


@pytest.mark.parametrize("listing", ["/en/", "/en/stories/", "/en/archives/", "/en/tags/"])
def test_the_chinese_only_story_is_not_in_english_listings(untranslated_site, listing):
    page = page_soup(untranslated_site, listing)
    links = links_in_main(page)
    assert "/en/stories/chinese-only/" not in links and "/stories/chinese-only/" not in links
    assert "只有中文的故事" not in page.select_one("main").get_text()


def test_the_chinese_only_story_is_in_the_chinese_feed_only(untranslated_site):
    assert "/stories/chinese-only/" in feed_links(untranslated_site, "feeds/all.atom.xml")
    english = feed_links(untranslated_site, "en/feeds/all.atom.xml")
    assert english and all(link.startswith("/en/") for link in english)
    assert not [link for link in english if "chinese-only" in link]


def test_the_notice_is_not_in_the_sitemap(untranslated_site):
    urls = sitemap_urls(untranslated_site)
    assert f"{ORIGIN}/stories/chinese-only/" in urls
    assert not [url for url in urls if url.endswith("/en/stories/chinese-only/")]


def test_the_notice_is_not_written_as_a_draft_or_elsewhere(untranslated_site):
    written = [p.relative_to(untranslated_site).as_posix() for p in untranslated_site.rglob("*")]
    assert sorted(name for name in written if "chinese-only" in name) == [
        "en/stories/chinese-only", "en/stories/chinese-only/index.html",
        "stories/chinese-only", "stories/chinese-only/index.html",
    ]
    assert not (untranslated_site / "drafts").exists() and not (untranslated_site / "en/drafts").exists()


# listings ----------------------------------------------------------------------------------


@pytest.mark.parametrize("listing", ["stories/", "reports/", "magazine/", "archives/", "tags/", ""])
def test_a_listing_switches_to_the_same_listing_in_the_other_language(untranslated_site, listing):
    zh, en = page_soup(untranslated_site, "/" + listing), page_soup(untranslated_site, "/en/" + listing)
    assert zh.html["lang"] == "zh-CN" and en.html["lang"] == "en"
    assert switcher(zh)["en"] == "/en/" + listing
    assert switcher(en)["zh-CN"] == "/" + listing
    assert set(hreflangs(zh).values()) == {"/" + listing, "/en/" + listing}


@pytest.mark.parametrize("url", ["/tags/工作报告/", "/en/tags/work-report/"])
def test_a_tag_page_switches_to_an_existing_page_of_the_other_language(untranslated_site, url):
    page = page_soup(untranslated_site, url)
    (lang, target), = switcher(page).items()
    assert exists(untranslated_site, target), f"{url} → {target} does not exist"
    assert target.startswith("/en/tags/" if lang == "en" else "/tags/"), target
    for hreflang, alternate in alternates(page).items():
        assert exists(untranslated_site, alternate), f"{url}: hreflang {hreflang} → {alternate}"


def test_a_fresh_build_links_only_real_stylesheets_and_no_en_dotdot(untranslated_site):
    pages = sorted(untranslated_site.rglob("*.html"))
    assert any(p.is_relative_to(untranslated_site / "en") for p in pages)
    for path in pages:
        assert "/en/../" not in path.read_text(encoding="utf-8"), path
        for link in soup_of(path).select("link[rel~=stylesheet]"):
            href = site_path(link["href"])
            assert href.endswith(".css") and exists(untranslated_site, href), f"{path}: {link['href']}"


# an English story with no Chinese version --------------------------------------------------


def check_english_only_story(output):
    page = page_soup(output, "/en/stories/english-only/")
    assert page.html["lang"] == "en"
    assert not is_noindex(page)
    assert page.select_one("main h1").get_text(strip=True) == "A story written in English"
    assert switcher(page)["zh-CN"] == "/stories/english-only/"
    assert "/en/stories/english-only/" in links_in_main(page_soup(output, "/en/stories/"))
    assert "/en/stories/english-only/" in feed_links(output, "en/feeds/all.atom.xml")
    notice = page_soup(output, "/stories/english-only/")
    assert notice.html["lang"] == "zh-CN"
    assert is_noindex(notice)
    assert canonical(notice) == "/en/stories/english-only/"
    assert "/en/stories/english-only/" in links_in_main(notice)
    assert CJK.search(notice_text(notice))  # said in Chinese
    assert "has no Chinese version" not in notice.select_one("main").get_text()
    for listing in ("/", "/stories/", "/archives/"):
        links = links_in_main(page_soup(output, listing))
        assert "/stories/english-only/" not in links and "/en/stories/english-only/" not in links, listing
    assert not [link for link in feed_links(output, "feeds/all.atom.xml") if "english-only" in link]
    urls = sitemap_urls(output)
    assert f"{ORIGIN}/en/stories/english-only/" in urls and f"{ORIGIN}/stories/english-only/" not in urls


def test_an_english_only_story_lives_under_en_with_a_chinese_notice(untranslated_site):
    check_english_only_story(untranslated_site)


def test_the_bilingual_plugin_writes_the_chinese_notice_of_an_english_only_story(tmp_path):
    """The same, with the strict content checks switched off: the bilingual plugin alone."""
    output = build_fixture_site(tmp_path, UNTRANSLATED, PLUGINS=WITHOUT_STRICT)
    check_english_only_story(output)
