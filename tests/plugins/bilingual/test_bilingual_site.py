"""The real built site in both languages, as readers get it: lang, switcher, hreflang, UI
strings and dates."""

import re

import pytest
from sitebuild import alternates, exists, is_noindex, site_path, switcher

REPORT_SLUG = "2022-standing-committee-work-report"
REPORT_ZH = f"/reports/{REPORT_SLUG}/"
REPORT_EN = f"/en/reports/{REPORT_SLUG}/"
LISTINGS = ("reports", "stories", "magazine", "archives", "tags", "search", "sections")
HOMES = {"/", "/en/"}
CJK = re.compile(r"[\u3400-\u9fff]")
NAV_LABELS = {
    "zh-CN": ["首页", "工作报告", "文史", "期刊", "归档", "标签", "关于"],
    "en": ["Home", "Reports", "Stories", "Magazine", "Archives", "Tags", "About"],
}


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


def page_lang_of(url: str) -> str:
    return "en" if url.startswith("/en/") else "zh-CN"


def pages_in(site_pages, lang: str) -> dict:
    return {url: soup for url, soup in site_pages.items() if page_lang_of(url) == lang}


# languages, and the report in both ------------------------------------------------------


def test_every_page_declares_its_language(site_pages):
    wrong = [url for url, soup in site_pages.items() if soup.html.get("lang") != page_lang_of(url)]
    assert wrong == []


def test_zh_and_en_report_pages_link_to_each_other(site_pages):
    zh, en = site_pages[REPORT_ZH], site_pages[REPORT_EN]
    assert switcher(zh) == {"en": REPORT_EN}
    assert switcher(en) == {"zh-CN": REPORT_ZH}
    for soup in (zh, en):
        assert not is_noindex(soup)
        assert not soup.select("nav.language-switcher a[data-untranslated]")


@pytest.mark.parametrize("url", [REPORT_ZH, REPORT_EN])
def test_report_pages_carry_hreflang_alternates_that_exist(site, site_pages, url):
    found = alternates(site_pages[url])
    assert set(found) == {"zh-CN", "en", "x-default"}
    assert site_path(found["zh-CN"]) == REPORT_ZH
    assert site_path(found["en"]) == REPORT_EN
    assert site_path(found["x-default"]) == REPORT_ZH  # Chinese is the original
    for hreflang, href in found.items():
        assert exists(site, href), f"{url}: hreflang {hreflang} → {href} does not exist"


@pytest.mark.parametrize("lang", ["zh-CN", "en"])
def test_every_pages_hreflang_alternates_exist_and_include_itself(site, site_pages, lang):
    problems = []
    for url, soup in pages_in(site_pages, lang).items():
        found = alternates(soup)
        if is_noindex(soup) or not found:
            continue  # a notice, or a page that claims no alternates (e.g. a tag with no counterpart)
        if site_path(found.get(lang, "")) != url:
            problems.append(f"{url}: hreflang {lang} is {found.get(lang)}")
        if len(found) > 1 and "x-default" not in found:
            problems.append(f"{url}: alternates {sorted(found)} but no x-default")
        problems += [f"{url}: {h} → {href} missing" for h, href in found.items() if not exists(site, href)]
    assert problems == [], "\n".join(problems)


@pytest.mark.parametrize("kind", ["content", "listing", "tag", "home", "other"])
def test_language_links_point_to_the_pages_own_translation(site, site_pages, kind):
    """The switcher leads to this page's counterpart (not the other language's home page, as
    i18n_subsites' lang_siteurls would), which exists, is the page's hreflang alternate and links back."""
    pages = {url: soup for url, soup in site_pages.items() if category(url) == kind}
    assert pages, f"no {kind} pages found"
    problems = []
    for url, soup in pages.items():
        lang = page_lang_of(url)
        if is_noindex(soup) and kind != "other":
            continue  # an untranslated notice (tested on fixture sites); the 404 page is noindex too
        links = switcher(soup)
        if len(links) != 1:
            problems.append(f"{url}: switcher links {links}")
            continue
        (other_lang, target), = links.items()
        if not exists(site, target):
            problems.append(f"{url}: switcher → {target}, which does not exist")
            continue
        if kind != "home" and target in HOMES:
            problems.append(f"{url}: switcher → the language home {target}")
        same_place = "/en" + url if lang == "zh-CN" else url.removeprefix("/en")
        if kind in ("listing", "other") and target != same_place:
            problems.append(f"{url}: switcher → {target}, not the same page in the other language")
        found = alternates(soup)
        if not found:
            problems.append(f"{url}: no hreflang alternates")
        if kind == "tag":
            # Tags are named per language: the counterpart is a tag page, or the tags index.
            if category(target) not in ("tag", "listing") or "/tags/" not in target + "/":
                problems.append(f"{url}: switcher → {target}, neither a tag page nor the tags index")
            if page_lang_of(target) == lang:
                problems.append(f"{url}: switcher → {target}, a page in its own language")
            continue
        if site_path(found.get(other_lang, "")) != target:
            problems.append(f"{url}: hreflang {other_lang} is not the switcher's target {target}")
        target_soup = site_pages[target]
        if is_noindex(target_soup):
            continue
        back = switcher(target_soup).get(lang)
        if back != url:
            problems.append(f"{url}: its counterpart {target} links back to {back}, not here")
    assert not problems, "\n".join(problems)


# UI strings from the catalogues, and dates -------------------------------------------------


@pytest.mark.parametrize(("lang", "other"), [("zh-CN", "en"), ("en", "zh-CN")])
def test_navigation_labels_are_in_the_pages_language(site_pages, lang, other):
    wrong = []
    for url, soup in pages_in(site_pages, lang).items():
        labels = {a.get_text(strip=True) for a in soup.select("nav.site-nav a")}
        if not set(NAV_LABELS[lang]) <= labels or labels & set(NAV_LABELS[other]):
            wrong.append(f"{url}: {sorted(labels)}")
        if lang == "en" and any(CJK.search(label) for label in labels):
            wrong.append(f"{url}: Chinese in the English navigation {sorted(labels)}")
    assert wrong == [], "\n".join(wrong[:10])


@pytest.mark.parametrize(("url", "skip", "contents"), [(REPORT_ZH, "跳到正文", "目录"), (REPORT_EN, "Skip to main content", "Contents")])
def test_other_ui_strings_are_in_the_pages_language(site_pages, url, skip, contents):
    report = site_pages[url]
    assert report.select_one("a.skip-link").get_text(strip=True) == skip
    assert report.select_one("nav.toc summary").get_text(strip=True) == contents


@pytest.mark.parametrize(("url", "date"), [(REPORT_ZH, "2023年2月14日"), (REPORT_EN, "14 February 2023")])
def test_report_dates_are_localised(site_pages, url, date):
    time = site_pages[url].select_one(".publication__meta time")
    assert time["datetime"] == "2023-02-14"
    assert time.get_text(strip=True) == date


def test_english_pages_write_no_chinese_dates(site_pages):
    wrong = [
        f"{url}: {time.get_text(strip=True)}"
        for url, soup in pages_in(site_pages, "en").items()
        for time in soup.select("time")
        if CJK.search(time.get_text()) and not time.find_parent(lang=re.compile("^zh"))  # quoted Chinese text
    ]
    assert wrong == []
