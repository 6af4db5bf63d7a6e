"""The search page as a reader of either language meets it: the other language named in
the page's own, the search kept across the language switch, a pointer to the other
language for a query written in its script, and the no-JavaScript notice."""

import re
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import expect
from search.languages import language_name, writing_script
from search_driver import path_of, search, settle
from sitebuild import page_soup, switcher

REPORT = "/reports/2022-standing-committee-work-report/"


def query_of(url):
    return parse_qs(urlsplit(url).query)


# 1. The other language, named in the page's language ------------------------------------------


@pytest.mark.parametrize(("path", "label"), [("/search/", "同时搜索英文版本"), ("/en/search/", "Include results in Chinese")])
def test_the_other_language_option_names_it_in_the_pages_language(page, site_url, path, label):
    page.goto(site_url + path)
    option = page.locator(".search-form__other")
    expect(option).to_have_text(label)
    expect(page.get_by_label(label)).to_be_visible()


def test_a_language_is_named_from_the_catalogue_or_else_in_its_own_words():
    catalogue = {"English": "英文", "Chinese": "中文"}.get
    assert language_name("en", "English", catalogue) == "英文"
    assert language_name("zh", "中文", lambda message: message) == "Chinese"
    assert language_name("fr", "Français", catalogue) == "Français"


@pytest.mark.parametrize(
    ("locale", "script"),
    [("zh_Hans_CN", "Hani"), ("zh_Hant_TW", "Hani"), ("en_GB", "Latn"), ("ru", "Cyrl"), ("xx_YY", None)],
)
def test_the_script_of_a_locale_is_named_as_unicode_names_it(locale, script):
    assert writing_script(locale) == script


# 2. The language switch takes the search along ------------------------------------------------


def test_without_javascript_the_switch_leads_to_the_other_search_page_itself(site):
    assert switcher(page_soup(site, "/search/")) == {"en": "/en/search/"}
    link = page_soup(site, "/search/").select_one(".language-switcher a[hreflang='en']")
    assert "?" not in link["href"]


def test_the_switch_keeps_the_query_and_the_filters(page, site_url):
    search(page, site_url, "/search/", "协商驿站", kind="report")
    page.locator(".language-switcher a[hreflang='en']").click()
    page.wait_for_url("**/en/search/?*")
    assert query_of(page.url) == {"q": ["协商驿站"], "kind": ["report"]}
    settle(page)
    expect(page.get_by_label("Search the publications")).to_have_value("协商驿站")
    expect(page.get_by_label("Kind")).to_have_value("report")


def test_the_switch_keeps_the_query_typed_last(page, site_url):
    search(page, site_url, "/en/search/", "proposals")
    page.get_by_label("Search the publications").fill("common prosperity")
    expect(page.locator("#search-status")).to_contain_text("common prosperity")
    page.locator(".language-switcher a[hreflang='zh-CN']").click()
    page.wait_for_url(re.compile(r"/search/\?"))
    assert path_of(page.url) == "/search/"
    assert query_of(page.url) == {"q": ["common prosperity"]}
    expect(page.get_by_label("搜索文献")).to_have_value("common prosperity")


def test_a_publications_switch_keeps_its_section_but_not_the_highlighted_query(page, site_url):
    page.goto(site_url + REPORT + "?highlight=协商#s-2-2")
    page.locator(".language-switcher a[hreflang='en']").click()
    page.wait_for_url("**/en" + REPORT + "#s-2-2")
    assert urlsplit(page.url).query == ""


# 3. A query written in the other language's script points to it -------------------------------


@pytest.mark.parametrize(
    ("path", "query", "button", "found_lang"),
    [("/en/search/", "协商", "Include results in Chinese", "zh-CN"), ("/search/", "Dinghai", "同时搜索英文版本", "en")],
)
def test_a_query_in_the_other_languages_script_offers_it_and_the_offer_searches_it(
    page, site_url, path, query, button, found_lang
):
    own = search(page, site_url, path, query)
    offer = page.get_by_role("button", name=button)
    expect(offer).to_be_visible()
    offer.click()
    expect(page.get_by_label(button)).to_be_checked()
    expect(page.get_by_label(button)).to_be_focused()
    expect(offer).to_be_hidden()
    page.wait_for_url(re.compile(r"[?&]all=1"))
    both = settle(page)
    assert len(both) > len(own)
    assert found_lang in {result["lang"] for result in both}


@pytest.mark.parametrize(
    ("path", "query", "params"),
    [
        ("/en/search/", "proposals", {}),  # the page's own script
        ("/search/", "协商驿站", {}),
        ("/search/", "2022", {}),  # digits belong to no language
        ("/en/search/", "协商", {"all": "1"}),  # the other language is searched already
    ],
)
def test_no_offer_when_the_query_suits_the_page_or_the_option_is_on(page, site_url, path, query, params):
    search(page, site_url, path, query, **params)
    expect(page.locator("#search-hint")).to_be_hidden()


def test_the_offer_goes_when_the_query_changes_to_the_pages_script(page, site_url):
    search(page, site_url, "/en/search/", "协商")
    expect(page.locator("#search-hint")).to_be_visible()
    page.get_by_label("Search the publications").fill("proposals")
    expect(page.locator("#search-status")).to_contain_text("proposals")
    expect(page.locator("#search-hint")).to_be_hidden()


def found_as_on_its_own_page(page, site_url, path, query, own_path, lang):
    """The results in `lang` for `query` on `path` with the other language on: there, and
    those its own search page (`own_path`) finds first."""
    own = {result["href"] for result in search(page, site_url, own_path, query)}
    found = [result for result in search(page, site_url, path, query, all="1") if result["lang"] == lang]
    assert found
    assert {result["href"] for result in found} <= own
    return found


# Each language is searched with its own language module: the Chinese page's does no
# stemming, and the English index holds consult for consultation, proposal for proposals.
@pytest.mark.parametrize("query", ["consultation", "proposals"])
def test_an_english_word_with_an_ending_is_found_from_the_chinese_page(page, site_url, query):
    found = found_as_on_its_own_page(page, site_url, "/search/", query, "/en/search/", "en")
    assert all(result["language"] == "English" for result in found)


def test_chinese_is_found_from_the_english_page_as_on_its_own(page, site_url):
    found = found_as_on_its_own_page(page, site_url, "/en/search/", "协商驿站", "/search/", "zh-CN")
    assert all(result["language"] == "中文" for result in found)


# 4. Without JavaScript ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "text", "archives"),
    [
        ("/search/", "搜索功能需要启用 JavaScript。您也可以浏览归档。", "/archives/"),
        ("/en/search/", "Search needs JavaScript. You can browse the archives instead.", "/en/archives/"),
    ],
)
def test_the_no_javascript_notice_is_one_sentence_with_its_link_inside(site, path, text, archives):
    notice = page_soup(site, path).select_one("noscript")
    assert " ".join(notice.get_text().split()) == text
    links = notice.select("a")
    assert len(links) == 1 and path_of(links[0]["href"]) == archives
    assert links[0].get_text() in text
