"""The real built site in both languages, as readers get it: lang, switcher, hreflang, UI strings."""

import re

import pytest
from bilingual_fixtures import (
    REPORT_SLUG,
    file_of,
    hreflang_links,
    site_path,
    soup_of,
    switcher_links,
    url_of,
)

REPORT_ZH = f"/reports/{REPORT_SLUG}/"
REPORT_EN = f"/en/reports/{REPORT_SLUG}/"
LISTINGS = ("reports", "stories", "magazine", "archives", "tags", "search", "sections")
HOMES = {"/", "/en/"}


@pytest.fixture(scope="module")
def soups(site):
    """Every HTML page of the real site by its site path."""
    return {url_of(site, path): soup_of(path) for path in sorted(site.rglob("*.html"))}


def category(url: str) -> str:
    bare = url.removeprefix("/en/").strip("/")
    if url in HOMES:
        return "home"
    if bare.endswith(".html"):
        return "other"  # 404.html
    if bare in LISTINGS:
        return "listing"
    if bare.startswith("tags/"):
        return "tag"
    return "content"


def pages_in(soups, wanted):
    return {url: soup for url, soup in soups.items() if category(url) == wanted}


def html_lang(soup) -> str:
    return soup.html["lang"]


def page_lang_of(url: str) -> str:
    return "en" if url.startswith("/en/") else "zh-CN"


# home pages and the report ---------------------------------------------------------


@pytest.mark.parametrize(("home", "lang", "report"), [("/", "zh-CN", REPORT_ZH), ("/en/", "en", REPORT_EN)])
def test_home_pages_have_their_language_and_lead_to_the_report(soups, home, lang, report):
    soup = soups[home]
    assert html_lang(soup) == lang
    main_links = {site_path(a["href"]) for a in soup.select("main a[href]")}
    assert report in main_links, f"{home} has no link to {report} in <main>"


def test_zh_and_en_report_pages_link_to_each_other(soups):
    zh, en = soups[REPORT_ZH], soups[REPORT_EN]
    assert html_lang(zh) == "zh-CN" and html_lang(en) == "en"
    assert site_path(switcher_links(zh)["en"]) == REPORT_EN
    assert site_path(switcher_links(en)["zh-CN"]) == REPORT_ZH
    for soup in (zh, en):
        assert not soup.select("nav.language-switcher a[data-untranslated]")


@pytest.mark.parametrize("url", [REPORT_ZH, REPORT_EN])
def test_report_pages_carry_hreflang_alternates_that_exist(site, soups, url):
    alternates = hreflang_links(soups[url])
    assert set(alternates) == {"zh-CN", "en", "x-default"}
    assert site_path(alternates["zh-CN"]) == REPORT_ZH
    assert site_path(alternates["en"]) == REPORT_EN
    assert site_path(alternates["x-default"]) == REPORT_ZH  # Chinese is the original
    for hreflang, href in alternates.items():
        assert file_of(site, href) is not None, f"{url}: hreflang {hreflang} → {href} does not exist"


# UI strings from the catalogues -------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "labels", "foreign"),
    [
        ("/", {"首页", "工作报告"}, {"Home", "Reports"}),
        (REPORT_ZH, {"首页", "工作报告"}, {"Home", "Reports"}),
        ("/en/", {"Home", "Reports"}, {"首页", "工作报告"}),
        (REPORT_EN, {"Home", "Reports"}, {"首页", "工作报告"}),
    ],
)
def test_navigation_labels_are_in_the_page_language(soups, url, labels, foreign):
    nav = {a.get_text(strip=True) for a in soups[url].select("nav.site-nav a")}
    assert labels <= nav, f"{url}: nav is {sorted(nav)}"
    assert not foreign & nav


@pytest.mark.parametrize(("url", "date"), [(REPORT_ZH, "2023年2月14日"), (REPORT_EN, "14 February 2023")])
def test_report_dates_are_localised(soups, url, date):
    time = soups[url].select_one(".publication__meta time")
    assert time["datetime"] == "2023-02-14"
    assert time.get_text(strip=True) == date


# i18n_subsites pitfalls -------------------------------------------------------------------


def test_every_stylesheet_resolves_to_a_file(site, soups):
    broken = []
    for url, soup in soups.items():
        for link in soup.select("link[rel~=stylesheet]"):
            href = link["href"]
            target = site / site_path(href).lstrip("/")
            if not target.is_file() or not href.endswith(".css"):
                broken.append(f"{url}: {href}")
    assert not broken, broken
    assert soups["/en/"].select("link[rel~=stylesheet]"), "the English home links no stylesheet"


def test_no_en_dotdot_anywhere_in_the_output(site):
    offenders = [
        path.relative_to(site).as_posix()
        for path in site.rglob("*")
        if path.suffix in (".html", ".xml", ".txt", ".json") and re.search(r"/en/\.\./", path.read_text(encoding="utf-8"))
    ]
    assert not offenders


@pytest.mark.parametrize("kind", ["content", "listing", "tag", "home"])
def test_language_links_point_to_the_pages_own_translation(site, soups, kind):
    """The switcher and hreflang lead to this page's counterpart, which exists and links back."""
    pages = pages_in(soups, kind)
    assert pages, f"no {kind} pages found"
    problems = []
    for url, soup in pages.items():
        lang = page_lang_of(url)
        if html_lang(soup) != lang:
            problems.append(f"{url}: <html lang={html_lang(soup)!r}>, expected {lang!r}")
        if soup.select_one("meta[name=robots][content~=noindex]"):
            continue  # an untranslated notice: tested on fixture sites
        links = switcher_links(soup)
        if len(links) != 1:
            problems.append(f"{url}: switcher links {links}")
            continue
        (other_lang, href), = links.items()
        target = file_of(site, href)
        if target is None:
            problems.append(f"{url}: switcher → {href}, which does not exist")
            continue
        target_url = url_of(site, target)
        if kind != "home" and target_url in HOMES:
            problems.append(f"{url}: switcher → the language home {href}")
        same_place = "/en" + url if lang == "zh-CN" else url.removeprefix("/en")
        if kind == "listing" and target_url != same_place:
            problems.append(f"{url}: switcher → {href}, not the same listing in the other language")
        alternates = hreflang_links(soup)
        for hreflang, alternate in alternates.items():
            if file_of(site, alternate) is None:
                problems.append(f"{url}: hreflang {hreflang} → {alternate}, which does not exist")
        if site_path(alternates.get(lang, "")) != url:
            problems.append(f"{url}: no hreflang {lang} for itself ({alternates})")
        if kind != "tag" and site_path(alternates.get(other_lang, "")) != target_url:
            problems.append(f"{url}: hreflang {other_lang} is not the switcher's target {target_url}")
        if kind == "tag":
            # Tags are named per language: the counterpart is a tag page, or the tags index.
            if category(target_url) not in ("tag", "listing") or "/tags/" not in target_url + "/":
                problems.append(f"{url}: switcher → {href}, neither a tag page nor the tags index")
            if page_lang_of(target_url) == lang:
                problems.append(f"{url}: switcher → {href}, a page in its own language")
            continue
        target_soup = soups[target_url]
        if target_soup.select_one("meta[name=robots][content~=noindex]"):
            continue
        back = switcher_links(target_soup).get(lang)
        if back is None or site_path(back) != url:
            problems.append(f"{url}: its counterpart {target_url} links back to {back}, not here")
    assert not problems, "\n".join(problems)
