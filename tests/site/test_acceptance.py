"""Issue 2's acceptance, on the real site as readers get it: languages, the report in both,
switcher and hreflang, UI strings and dates, feeds, sitemap, robots.txt, and the
pelican-i18n-subsites / pelican-sitemap defects we must not have."""

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import feedparser
import pytest
from bs4 import BeautifulSoup
from pelican.settings import read_settings
from sitebuild import SETTINGS, file_for, site_path, url_path_of

ORIGIN = read_settings(SETTINGS)["SITE_ORIGIN"].rstrip("/")
SLUG = "2022-standing-committee-work-report"
REPORT = {"zh": f"/reports/{SLUG}/", "en": f"/en/reports/{SLUG}/"}
HTML_LANG = {"zh": "zh-CN", "en": "en"}
SITEMAP_NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML_NS = "{http://www.w3.org/1999/xhtml}"
CJK = re.compile(r"[\u3400-\u9fff]")

NAV_LABELS = {
    "zh": ["首页", "工作报告", "文史", "期刊", "归档", "标签", "关于"],
    "en": ["Home", "Reports", "Stories", "Magazine", "Archives", "Tags", "About"],
}


def lang_of(url_path: str) -> str:
    return "en" if url_path.startswith("/en/") else "zh"


def counterpart(url_path: str) -> str:
    """The same page's address in the other language."""
    return url_path.removeprefix("/en") if lang_of(url_path) == "en" else "/en" + url_path


@pytest.fixture(scope="module")
def soups(site) -> dict[str, BeautifulSoup]:
    """Every HTML page of the real site, by the site path it is served at."""
    return {
        url_path_of(site, path): BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        for path in sorted(site.rglob("*.html"))
        if not path.relative_to(site).as_posix().startswith("pagefind/")
    }


def exists(site: Path, url: str) -> bool:
    return file_for(site, site_path(url, ORIGIN)).is_file()


def switcher(soup) -> dict[str, str]:
    """hreflang → site path of the language switcher's links (the current language is no link)."""
    return {a["hreflang"]: site_path(a["href"], ORIGIN) for a in soup.select("nav.language-switcher a[href][hreflang]")}


def alternates(soup) -> dict[str, str]:
    return {link["hreflang"]: link["href"] for link in soup.select("head link[rel~=alternate][hreflang]")}


def is_notice(soup) -> bool:
    return soup.select_one("meta[name=robots][content~=noindex]") is not None


# languages, home pages, the report -------------------------------------------------------


def test_output_index_is_chinese_and_en_index_is_english(site):
    assert BeautifulSoup((site / "index.html").read_bytes(), "html.parser").html["lang"] == "zh-CN"
    assert BeautifulSoup((site / "en/index.html").read_bytes(), "html.parser").html["lang"] == "en"


def test_every_page_declares_its_language(soups):
    wrong = [url for url, soup in soups.items() if soup.html.get("lang") != HTML_LANG[lang_of(url)]]
    assert wrong == []


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_home_page_leads_to_the_report(soups, lang):
    home = soups["/" if lang == "zh" else "/en/"]
    links = {site_path(a["href"], ORIGIN) for a in home.select("main a[href]")}
    reports_listing = "/reports/" if lang == "zh" else "/en/reports/"
    assert REPORT[lang] in links or (
        reports_listing in links
        and REPORT[lang] in {site_path(a["href"], ORIGIN) for a in soups[reports_listing].select("main a[href]")}
    ), f"no way from the {lang} home page to {REPORT[lang]}"


def test_the_zh_and_en_report_pages_link_to_each_other(soups):
    zh, en = soups[REPORT["zh"]], soups[REPORT["en"]]
    assert switcher(zh) == {"en": REPORT["en"]}
    assert switcher(en) == {"zh-CN": REPORT["zh"]}
    assert not is_notice(zh) and not is_notice(en)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_report_pages_carry_hreflang_alternates_that_exist(site, soups, lang):
    found = alternates(soups[REPORT[lang]])
    assert set(found) == {"zh-CN", "en", "x-default"}
    assert site_path(found["zh-CN"], ORIGIN) == REPORT["zh"]
    assert site_path(found["en"], ORIGIN) == REPORT["en"]
    assert site_path(found["x-default"], ORIGIN) == REPORT["zh"]  # Chinese is the original
    missing = [href for href in found.values() if not exists(site, href)]
    assert missing == []


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_pages_hreflang_alternates_exist_and_include_itself(site, soups, lang):
    problems = []
    for url, soup in soups.items():
        if lang_of(url) != lang or is_notice(soup):
            continue
        found = alternates(soup)
        if not found:
            continue  # a page that claims no alternates (e.g. a tag with no counterpart)
        if site_path(found.get(HTML_LANG[lang], ""), ORIGIN) != url:
            problems.append(f"{url}: hreflang {HTML_LANG[lang]} is {found.get(HTML_LANG[lang])}")
        if len(found) > 1 and "x-default" not in found:
            problems.append(f"{url}: alternates {sorted(found)} but no x-default")
        problems += [f"{url}: {h} → {href} missing" for h, href in found.items() if not exists(site, href)]
    assert problems == [], "\n".join(problems)


# UI strings and dates ----------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_navigation_labels_are_in_the_pages_language(soups, lang):
    wrong = []
    for url, soup in soups.items():
        if lang_of(url) != lang:
            continue
        labels = [a.get_text(strip=True) for a in soup.select("nav.site-nav a")]
        if not set(NAV_LABELS[lang]) <= set(labels):
            wrong.append(f"{url}: {labels}")
        if lang == "en" and any(CJK.search(label) for label in labels):
            wrong.append(f"{url}: Chinese in the English navigation {labels}")
    assert wrong == [], "\n".join(wrong[:10])


@pytest.mark.parametrize(("lang", "skip", "contents"), [("zh", "跳到正文", "目录"), ("en", "Skip to main content", "Contents")])
def test_other_ui_strings_are_in_the_pages_language(soups, lang, skip, contents):
    report = soups[REPORT[lang]]
    assert report.select_one("a.skip-link").get_text(strip=True) == skip
    assert report.select_one("nav.toc summary").get_text(strip=True) == contents


@pytest.mark.parametrize(("lang", "date"), [("zh", "2023年2月14日"), ("en", "14 February 2023")])
def test_the_report_date_is_written_the_languages_way(soups, lang, date):
    time = soups[REPORT[lang]].select_one("article header time")
    assert time["datetime"] == "2023-02-14"
    assert time.get_text(strip=True) == date


def test_english_pages_write_no_chinese_dates(soups):
    wrong = [
        f"{url}: {time.get_text(strip=True)}"
        for url, soup in soups.items()
        if lang_of(url) == "en"
        for time in soup.select("time")
        if CJK.search(time.get_text()) and not time.find_parent(lang=re.compile("^zh"))  # quoted Chinese text
    ]
    assert wrong == []


# feeds ---------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def feeds(site):
    return {"zh": feedparser.parse((site / "feeds/all.atom.xml").read_bytes()),
            "en": feedparser.parse((site / "en/feeds/all.atom.xml").read_bytes())}


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_each_language_has_its_own_valid_feed(feeds, lang):
    feed = feeds[lang]
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.feed.get("language") == HTML_LANG[lang]
    self_links = [link.href for link in feed.feed.links if link.rel == "self"]
    expected = f"{ORIGIN}/feeds/all.atom.xml" if lang == "zh" else f"{ORIGIN}/en/feeds/all.atom.xml"
    assert self_links == [expected]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_feed_carries_only_its_own_languages_entries(site, feeds, lang):
    entries = feeds[lang].entries
    assert any(site_path(e.link, ORIGIN) == REPORT[lang] for e in entries)
    for entry in entries:
        path = site_path(entry.link, ORIGIN)
        assert lang_of(path) == lang, entry.link
        assert exists(site, entry.link), entry.link
    if lang == "en":
        assert not [e.title for e in entries if CJK.search(e.title)]


def test_the_feeds_have_distinct_ids(feeds):
    assert feeds["zh"].feed.id != feeds["en"].feed.id
    assert not {e.id for e in feeds["zh"].entries} & {e.id for e in feeds["en"].entries}


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_pages_announce_their_own_languages_feed(soups, lang):
    expected = "/feeds/all.atom.xml" if lang == "zh" else "/en/feeds/all.atom.xml"
    soup = soups[REPORT[lang]]
    hrefs = [site_path(link["href"], ORIGIN) for link in soup.select("head link[type='application/atom+xml']")]
    assert hrefs == [expected]


# sitemap and robots.txt --------------------------------------------------------------------


@pytest.fixture(scope="module")
def sitemap(site):
    return ET.parse(site / "sitemap.xml").getroot()  # raises on malformed XML


def test_the_sitemap_lists_both_languages_and_only_urls_that_exist(site, sitemap):
    assert sitemap.tag == f"{SITEMAP_NS}urlset"
    locations = [url.findtext(f"{SITEMAP_NS}loc") for url in sitemap.findall(f"{SITEMAP_NS}url")]
    assert len(set(locations)) == len(locations)
    assert f"{ORIGIN}{REPORT['zh']}" in locations and f"{ORIGIN}{REPORT['en']}" in locations
    assert f"{ORIGIN}/" in locations and f"{ORIGIN}/en/" in locations
    links = [link.get("href") for link in sitemap.iter(f"{XHTML_NS}link")]
    assert links
    wrong = [url for url in locations + links if not url or not url.startswith(ORIGIN + "/") or "/../" in url]
    assert wrong == []
    missing = [url for url in locations + links if not exists(site, url)]
    assert missing == [], "\n".join(missing)


def test_the_sitemap_alternates_use_href_and_the_right_address_per_language(site, sitemap):
    raw = (site / "sitemap.xml").read_text(encoding="utf-8")
    assert not re.search(r"<xhtml:link[^>]*\sref=", raw), "pelican-sitemap 1.2.2's ref= instead of href="
    for url in sitemap.findall(f"{SITEMAP_NS}url"):
        loc = url.findtext(f"{SITEMAP_NS}loc")
        links = url.findall(f"{XHTML_NS}link")
        assert all(set(link.attrib) >= {"rel", "hreflang", "href"} for link in links), loc
        by_lang = {link.get("hreflang"): link.get("href") for link in links}
        if not by_lang:
            continue
        own = HTML_LANG[lang_of(site_path(loc, ORIGIN))]
        assert by_lang.get(own) == loc, f"{loc}: its own alternate is {by_lang.get(own)}"
        if "en" in by_lang:
            assert site_path(by_lang["en"], ORIGIN).startswith("/en/"), f"{loc}: English under the main URL"
        if "zh-CN" in by_lang:
            assert not site_path(by_lang["zh-CN"], ORIGIN).startswith("/en/"), loc
        if len(by_lang) > 1:  # a page in one language only needs no x-default
            assert by_lang.get("x-default") == by_lang.get("zh-CN", by_lang.get("en")), loc


def test_the_report_is_in_the_sitemap_with_its_translation(sitemap):
    for url in sitemap.findall(f"{SITEMAP_NS}url"):
        if url.findtext(f"{SITEMAP_NS}loc") == f"{ORIGIN}{REPORT['en']}":
            by_lang = {link.get("hreflang"): link.get("href") for link in url.findall(f"{XHTML_NS}link")}
            assert by_lang == {"zh-CN": f"{ORIGIN}{REPORT['zh']}", "en": f"{ORIGIN}{REPORT['en']}",
                               "x-default": f"{ORIGIN}{REPORT['zh']}"}
            return
    raise AssertionError("the English report is not in the sitemap")


def test_robots_txt_allows_crawling_and_names_the_sitemap(site):
    lines = (site / "robots.txt").read_text(encoding="utf-8").splitlines()
    assert "User-agent: *" in lines
    assert "Disallow: /" not in lines
    assert f"Sitemap: {ORIGIN}/sitemap.xml" in lines


# the i18n_subsites pitfalls -----------------------------------------------------------------


def test_every_stylesheet_link_names_a_real_css_file(site, soups):
    broken = []
    for url, soup in soups.items():
        links = soup.select("link[rel~=stylesheet]")
        if not links:
            broken.append(f"{url}: no stylesheet")
        for link in links:
            path = site_path(link["href"], ORIGIN)
            if not path.endswith(".css") or not file_for(site, path).is_file():
                broken.append(f"{url}: {link['href']}")
    assert broken == [], "\n".join(broken[:10])


def test_no_en_dotdot_anywhere_in_the_output(site):
    offenders = [
        path.relative_to(site).as_posix()
        for path in site.rglob("*")
        if path.suffix in {".html", ".xml", ".txt", ".css", ".js", ".json"}
        and "/en/../" in path.read_text(encoding="utf-8", errors="replace")
    ]
    assert offenders == []


def test_no_draft_pages_are_written(site):
    assert not (site / "drafts").exists() and not (site / "en/drafts").exists()


def test_the_language_switcher_leads_to_the_pages_own_translation(soups):
    """Not to the other language's home page (i18n_subsites' lang_siteurls)."""
    wrong = []
    for url, soup in soups.items():
        links = switcher(soup)
        other = "en" if lang_of(url) == "zh" else "zh-CN"
        if other not in links:
            wrong.append(f"{url}: no link to {other}")
            continue
        target = links[other]
        if counterpart(url) in soups:
            if target != counterpart(url):
                wrong.append(f"{url} → {target}, not {counterpart(url)}")
        elif target in ("/", "/en/") and url not in ("/", "/en/"):
            wrong.append(f"{url} → the home page {target}")
    assert wrong == [], "\n".join(wrong[:10])


def test_every_publication_of_the_real_site_has_its_translation(soups):
    """The real content is fully translated: no page of it is a "not translated yet" notice."""
    assert [url for url, soup in soups.items() if is_notice(soup) and url not in ("/404.html", "/en/404.html")] == []
