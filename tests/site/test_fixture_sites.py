"""Tiny sites built with real Pelican and the real settings: a publication with no
translation yet (either way round), and bad input that must stop the build and leave the
previous output alone."""

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import feedparser
import pytest
from pelican import Pelican
from pelican.settings import read_settings
from sitebuild import build_fixture_site, file_for, page_soup, site_path

from tools.build import BuildError

ORIGIN = "http://127.0.0.1:8000"  # SITE_ORIGIN of pelicanconf.py (fixture sites keep it)
CJK = re.compile(r"[\u3400-\u9fff]")
SITEMAP_NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML_NS = "{http://www.w3.org/1999/xhtml}"

REPORT_ZH = """\
Title: 二〇二二年工作报告
Date: 2023-02-14
Kind: report
Lang: zh
Slug: work-report
Year: 2022
Source: 报纸版面录入
Tags: 工作报告

## 一、开头

**第一句是引导句。**报告正文。
"""

REPORT_EN = """\
Title: Work Report 2022
Date: 2023-02-14
Kind: report
Lang: en
Slug: work-report
Year: 2022
Source: Newspaper pages
Translation: true
Tags: work report

## 1. Opening

**The first sentence is a lead.** The body of the report.
"""

ABOUT_ZH = """\
Title: 关于本站
Slug: about
Lang: zh

关于本站。
"""

ABOUT_EN = """\
Title: About
Slug: about
Lang: en
Translation: true

About this site.
"""

STORY_ZH_ONLY = """\
Title: 只有中文的故事
Date: 2023-04-18
Kind: story
Lang: zh
Slug: chinese-only
Tags: 文史

这个故事还没有英文译本。
"""

STORY_EN_ONLY = """\
Title: A story written in English
Date: 2023-04-19
Kind: story
Lang: en
Slug: english-only
Tags: history

This story was written in English and has no Chinese version.
"""

BASE = {
    "reports/work-report.zh.md": REPORT_ZH,
    "reports/work-report.en.md": REPORT_EN,
    "pages/about.zh.md": ABOUT_ZH,
    "pages/about.en.md": ABOUT_EN,
}


def links_in_main(soup) -> set[str]:
    return {site_path(a["href"], ORIGIN) for a in soup.select("main a[href]") if not a["href"].startswith("#")}


def is_noindex(soup) -> bool:
    return soup.select_one("meta[name=robots][content~=noindex]") is not None


def canonical(soup) -> str:
    return site_path(soup.select_one("head link[rel=canonical]")["href"], ORIGIN)


def switcher(soup) -> dict[str, str]:
    return {a["hreflang"]: site_path(a["href"], ORIGIN) for a in soup.select("nav.language-switcher a[href][hreflang]")}


def hreflangs(soup) -> dict[str, str]:
    return {link["hreflang"]: site_path(link["href"], ORIGIN) for link in soup.select("head link[rel~=alternate][hreflang]")}


def sitemap_urls(output: Path) -> set[str]:
    root = ET.parse(output / "sitemap.xml").getroot()
    return {url.findtext(f"{SITEMAP_NS}loc") for url in root.findall(f"{SITEMAP_NS}url")} | {
        link.get("href") for link in root.iter(f"{XHTML_NS}link")
    }


def feed_links(output: Path, feed: str) -> list[str]:
    parsed = feedparser.parse((output / feed).read_bytes())
    assert not parsed.bozo, parsed.get("bozo_exception")
    return [site_path(entry.link, ORIGIN) for entry in parsed.entries]


def written(output: Path, slug: str) -> list[str]:
    return sorted(p.relative_to(output).as_posix() for p in output.rglob("*") if p.is_file() and slug in p.as_posix())


# a Chinese story with no English translation yet ----------------------------------------


@pytest.fixture(scope="module")
def zh_only(tmp_path_factory):
    return build_fixture_site(tmp_path_factory.mktemp("zh-only"), {**BASE, "stories/chinese-only.zh.md": STORY_ZH_ONLY})


def test_the_chinese_only_story_is_a_normal_chinese_page(zh_only):
    page = page_soup(zh_only, "/stories/chinese-only/")
    assert page.html["lang"] == "zh-CN"
    assert not is_noindex(page)
    assert page.select_one("main h1").get_text(strip=True) == "只有中文的故事"
    assert "/stories/chinese-only/" in links_in_main(page_soup(zh_only, "/stories/"))
    assert "/stories/chinese-only/" in feed_links(zh_only, "feeds/all.atom.xml")
    assert f"{ORIGIN}/stories/chinese-only/" in sitemap_urls(zh_only)


def test_its_english_address_is_an_honest_notice_in_english(zh_only):
    notice = page_soup(zh_only, "/en/stories/chinese-only/")
    assert notice.html["lang"] == "en"
    assert is_noindex(notice)
    assert canonical(notice) == "/stories/chinese-only/"
    assert "/stories/chinese-only/" in links_in_main(notice)  # the way to the original
    main_text = notice.select_one("main").get_text(" ", strip=True)
    assert "报告正文" not in main_text and "这个故事还没有英文译本" not in main_text  # no pretending
    notice_text = (notice.select_one("main .notice") or notice.select_one("main")).get_text(" ", strip=True)
    assert re.search(r"[A-Za-z]{4,}", notice_text) and not CJK.search(notice_text.replace("只有中文的故事", ""))
    assert notice.select_one("[data-pagefind-body]") is None, "the notice would be indexed by search"


def test_the_notice_claims_no_english_version(zh_only):
    page = page_soup(zh_only, "/stories/chinese-only/")
    assert "en" not in hreflangs(page)
    assert switcher(page)["en"] == "/en/stories/chinese-only/"  # its own address, the notice, not /en/
    assert "en" not in hreflangs(page_soup(zh_only, "/en/stories/chinese-only/"))


@pytest.mark.parametrize("listing", ["/en/", "/en/stories/", "/en/archives/", "/en/tags/"])
def test_the_chinese_only_story_is_not_in_english_listings(zh_only, listing):
    links = links_in_main(page_soup(zh_only, listing))
    assert "/en/stories/chinese-only/" not in links and "/stories/chinese-only/" not in links
    assert "只有中文的故事" not in page_soup(zh_only, listing).select_one("main").get_text()


def test_the_chinese_only_story_is_not_in_the_english_feed(zh_only):
    links = feed_links(zh_only, "en/feeds/all.atom.xml")
    assert links and not [link for link in links if "chinese-only" in link]
    assert all(link.startswith("/en/") for link in links)


def test_the_notice_is_not_in_the_sitemap(zh_only):
    assert not [url for url in sitemap_urls(zh_only) if url.endswith("/en/stories/chinese-only/")]


def test_the_story_is_not_written_as_an_english_draft_or_page(zh_only):
    assert written(zh_only, "chinese-only") == ["en/stories/chinese-only/index.html", "stories/chinese-only/index.html"]
    assert not (zh_only / "drafts").exists() and not (zh_only / "en/drafts").exists()


def test_a_fixture_site_has_no_en_dotdot_and_real_stylesheets(zh_only):
    for path in zh_only.rglob("*.html"):
        soup = page_soup(zh_only, "/" + path.relative_to(zh_only).as_posix())
        assert "/en/../" not in str(soup), path
        for link in soup.select("link[rel~=stylesheet]"):
            href = site_path(link["href"], ORIGIN)
            assert href.endswith(".css") and file_for(zh_only, href).is_file(), f"{path}: {link['href']}"


# an English story with no Chinese version -----------------------------------------------


@pytest.fixture(scope="module")
def en_only(tmp_path_factory):
    return build_fixture_site(tmp_path_factory.mktemp("en-only"), {**BASE, "stories/english-only.en.md": STORY_EN_ONLY})


def test_the_english_only_story_lives_under_en(en_only):
    page = page_soup(en_only, "/en/stories/english-only/")
    assert page.html["lang"] == "en"
    assert not is_noindex(page)
    assert page.select_one("main h1").get_text(strip=True) == "A story written in English"
    assert "/en/stories/english-only/" in links_in_main(page_soup(en_only, "/en/stories/"))
    assert "/en/stories/english-only/" in feed_links(en_only, "en/feeds/all.atom.xml")
    assert f"{ORIGIN}/en/stories/english-only/" in sitemap_urls(en_only)
    assert switcher(page)["zh-CN"] == "/stories/english-only/"


def test_its_chinese_address_is_a_notice_in_chinese(en_only):
    notice = page_soup(en_only, "/stories/english-only/")
    assert notice.html["lang"] == "zh-CN"
    assert is_noindex(notice)
    assert canonical(notice) == "/en/stories/english-only/"
    assert "/en/stories/english-only/" in links_in_main(notice)
    assert CJK.search((notice.select_one("main .notice") or notice.select_one("main")).get_text())
    assert "has no Chinese version" not in notice.select_one("main").get_text()


def test_the_english_only_story_stays_out_of_chinese_listings_feed_and_sitemap(en_only):
    for listing in ("/", "/stories/", "/archives/"):
        assert "/stories/english-only/" not in links_in_main(page_soup(en_only, listing)), listing
        assert "/en/stories/english-only/" not in links_in_main(page_soup(en_only, listing)), listing
    assert not [link for link in feed_links(en_only, "feeds/all.atom.xml") if "english-only" in link]
    assert not [url for url in sitemap_urls(en_only) if url == f"{ORIGIN}/stories/english-only/"]


# bad input ----------------------------------------------------------------------------------


BAD = {
    "missing title": ("reports/work-report.zh.md", REPORT_ZH.replace("Title: 二〇二二年工作报告\n", ""), "title"),
    "missing date": ("reports/work-report.zh.md", REPORT_ZH.replace("Date: 2023-02-14\n", ""), "date"),
    "malformed date": ("reports/work-report.zh.md", REPORT_ZH.replace("Date: 2023-02-14", "Date: 2023-02-31"), "date"),
    "unknown lang": ("reports/work-report.en.md", REPORT_EN.replace("Lang: en", "Lang: fr"), "fr"),
}


def snapshot(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.mark.parametrize("case", BAD)
def test_bad_input_stops_the_build_naming_the_file(tmp_path, case):
    relative, text, word = BAD[case]
    with pytest.raises(BuildError) as failure:
        build_fixture_site(tmp_path, {**BASE, relative: text})
    message = str(failure.value)
    assert relative in message, message
    assert word.lower() in message.lower(), message
    assert sorted(p.name for p in tmp_path.iterdir()) == ["content"]  # no output, no staging folder left


@pytest.mark.parametrize("case", BAD)
def test_bad_input_leaves_the_previous_output_as_it_was(tmp_path, case):
    output = build_fixture_site(tmp_path, BASE)
    before = snapshot(output)
    assert "reports/work-report/index.html" in before
    relative, text, _ = BAD[case]
    with pytest.raises(BuildError, match=re.escape(relative)):
        build_fixture_site(tmp_path, {**BASE, relative: text})
    assert snapshot(output) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["content", "output"]


# one process, several Pelicans ------------------------------------------------------------


PLAIN_ARTICLE = """\
Title: Plain
Date: 2023-01-01
Lang: en
Slug: plain

A site that uses none of our plugins.
"""


def test_a_pelican_without_our_plugins_is_untouched_by_an_earlier_build_in_the_process(site, tmp_path):
    """Signals are process-global: after the real site was built in this process (the `site`
    fixture), a plain Pelican run (no plugins, Pelican's own theme) must not run our handlers."""
    content = tmp_path / "content"
    content.mkdir()
    (content / "plain.md").write_text(PLAIN_ARTICLE, encoding="utf-8")
    settings = read_settings(override={
        "PATH": str(content), "OUTPUT_PATH": str(tmp_path / "output"), "THEME": "simple", "PLUGINS": [],
        "TIMEZONE": "UTC", "SITEURL": "", "CACHE_CONTENT": False, "LOAD_CONTENT_CACHE": False,
        "FEED_ALL_ATOM": None, "CATEGORY_FEED_ATOM": None,
    })
    Pelican(settings).run()
    assert (tmp_path / "output/plain.html").is_file()
    assert not (tmp_path / "output/en").exists()
