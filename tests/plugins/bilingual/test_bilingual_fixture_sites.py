"""Tiny sites built with real Pelican and the real settings: pages with no translation,
listings in both languages, and the i18n_subsites pitfalls on a fresh build."""

import re

import feedparser
import pytest
from bilingual_fixtures import (
    BASE,
    ORIGIN,
    STORY_EN_ONLY,
    STORY_ZH_ONLY,
    file_of,
    hreflang_links,
    site_path,
    soup_of,
    switcher_links,
)
from sitebuild import build_fixture_site, page_soup

import pelicanconf

CJK = re.compile(r"[\u4e00-\u9fff]")
WITHOUT_STRICT = [name for name in pelicanconf.PLUGINS if name != "strict"]


def links_in(soup) -> set[str]:
    return {site_path(a["href"]) for a in soup.select("a[href]") if not a["href"].startswith("#")}


def canonical(soup) -> str:
    return site_path(soup.select_one("link[rel=canonical]")["href"])


def noindex(soup) -> bool:
    return soup.select_one("meta[name=robots][content~=noindex]") is not None


@pytest.fixture(scope="module")
def zh_only_site(tmp_path_factory):
    return build_fixture_site(tmp_path_factory.mktemp("chinese-only"), {**BASE, "stories/zh-only.zh.md": STORY_ZH_ONLY})


# a Chinese story with no English translation --------------------------------------------


def test_the_english_address_of_a_chinese_only_story_is_an_honest_notice(zh_only_site):
    notice = page_soup(zh_only_site, "/en/stories/zh-only/")
    assert notice.html["lang"] == "en"
    assert noindex(notice)
    assert canonical(notice) == "/stories/zh-only/"
    assert "/stories/zh-only/" in links_in(notice.select_one("main"))
    assert not CJK.search(notice.select_one("main .notice").get_text())  # said in English
    assert "/en/stories/zh-only/" not in {site_path(h) for h in hreflang_links(notice).values()}


def test_the_chinese_only_story_switches_to_its_notice(zh_only_site):
    page = page_soup(zh_only_site, "/stories/zh-only/")
    assert page.html["lang"] == "zh-CN"
    assert not noindex(page)
    assert site_path(switcher_links(page)["en"]) == "/en/stories/zh-only/"
    assert page.select_one("nav.language-switcher a[data-untranslated]") is not None
    # no hreflang promise of an English version that does not exist
    assert set(hreflang_links(page)) == {"zh-CN", "x-default"}


@pytest.mark.parametrize("listing", ["/en/", "/en/stories/", "/en/archives/"])
def test_the_chinese_only_story_is_not_in_english_listings(zh_only_site, listing):
    links = links_in(page_soup(zh_only_site, listing).select_one("main"))
    assert "/en/stories/zh-only/" not in links and "/stories/zh-only/" not in links


def test_the_chinese_only_story_is_listed_in_chinese(zh_only_site):
    for listing in ("/", "/stories/", "/archives/"):
        assert "/stories/zh-only/" in links_in(page_soup(zh_only_site, listing).select_one("main")), listing


def test_the_chinese_only_story_is_not_in_the_english_feed(zh_only_site):
    en = feedparser.parse(str(zh_only_site / "en/feeds/all.atom.xml"))
    zh = feedparser.parse(str(zh_only_site / "feeds/all.atom.xml"))
    assert not en.bozo and not zh.bozo
    assert all("zh-only" not in entry.link for entry in en.entries)
    assert f"{ORIGIN}/stories/zh-only/" in [entry.link for entry in zh.entries]


def test_the_notice_is_not_in_the_sitemap(zh_only_site):
    sitemap = (zh_only_site / "sitemap.xml").read_text(encoding="utf-8")
    assert f"{ORIGIN}/stories/zh-only/" in sitemap
    assert "/en/stories/zh-only/" not in sitemap


def test_the_notice_is_not_written_as_a_draft_or_elsewhere(zh_only_site):
    written = [p.relative_to(zh_only_site).as_posix() for p in zh_only_site.rglob("*")]
    written = [name for name in written if "zh-only" in name]
    assert sorted(written) == [
        "en/stories/zh-only", "en/stories/zh-only/index.html", "stories/zh-only", "stories/zh-only/index.html",
    ]
    assert not (zh_only_site / "drafts").exists() and not (zh_only_site / "en/drafts").exists()


# listings ----------------------------------------------------------------------------------


@pytest.mark.parametrize("listing", ["stories/", "reports/", "magazine/", "archives/", "tags/", ""])
def test_a_listing_switches_to_the_same_listing_in_the_other_language(zh_only_site, listing):
    zh, en = page_soup(zh_only_site, "/" + listing), page_soup(zh_only_site, "/en/" + listing)
    assert zh.html["lang"] == "zh-CN" and en.html["lang"] == "en"
    assert site_path(switcher_links(zh)["en"]) == "/en/" + listing
    assert site_path(switcher_links(en)["zh-CN"]) == "/" + listing
    assert {site_path(h) for h in hreflang_links(zh).values()} == {"/" + listing, "/en/" + listing}


@pytest.mark.parametrize("url", ["/tags/工作报告/", "/en/tags/work-report/"])
def test_a_tag_page_switches_to_an_existing_page_of_the_other_language(zh_only_site, url):
    page = page_soup(zh_only_site, url)
    (lang, href), = switcher_links(page).items()
    target = site_path(href)
    assert file_of(zh_only_site, href) is not None, f"{url} → {href} does not exist"
    assert target.startswith("/en/tags/" if lang == "en" else "/tags/"), target
    for hreflang, alternate in hreflang_links(page).items():
        assert file_of(zh_only_site, alternate) is not None, f"{url}: hreflang {hreflang} → {alternate}"


def test_a_fresh_build_links_only_real_stylesheets_and_no_en_dotdot(zh_only_site):
    pages = sorted(zh_only_site.rglob("*.html"))
    assert any(p.is_relative_to(zh_only_site / "en") for p in pages)
    for path in pages:
        text = path.read_text(encoding="utf-8")
        assert "/en/../" not in text, path
        for link in soup_of(path).select("link[rel~=stylesheet]"):
            target = zh_only_site / site_path(link["href"]).lstrip("/")
            assert target.is_file(), f"{path}: {link['href']}"


# an English story with no Chinese version --------------------------------------------------


def check_english_only_story(output):
    page = page_soup(output, "/en/stories/en-only/")
    assert page.html["lang"] == "en"
    assert not noindex(page)
    assert page.select_one("main h1").get_text(strip=True) == "A story only in English"
    assert "/en/stories/en-only/" in links_in(page_soup(output, "/en/stories/").select_one("main"))
    assert "/stories/en-only/" not in links_in(page_soup(output, "/stories/").select_one("main"))
    notice = page_soup(output, "/stories/en-only/")
    assert notice.html["lang"] == "zh-CN"
    assert noindex(notice)
    assert canonical(notice) == "/en/stories/en-only/"
    assert CJK.search(notice.select_one("main .notice").get_text())  # said in Chinese
    assert site_path(switcher_links(page)["zh-CN"]) == "/stories/en-only/"
    sitemap = (output / "sitemap.xml").read_text(encoding="utf-8")
    assert f"{ORIGIN}/en/stories/en-only/" in sitemap and f"{ORIGIN}/stories/en-only/" not in sitemap


def test_an_english_only_story_lives_under_en_with_a_chinese_notice(tmp_path):
    output = build_fixture_site(tmp_path, {**BASE, "stories/en-only.en.md": STORY_EN_ONLY})
    check_english_only_story(output)


def test_the_bilingual_plugin_writes_the_chinese_notice_of_an_english_only_story(tmp_path):
    """The same, with the strict content checks switched off: the bilingual plugin alone."""
    output = build_fixture_site(tmp_path, {**BASE, "stories/en-only.en.md": STORY_EN_ONLY}, PLUGINS=WITHOUT_STRICT)
    check_english_only_story(output)
