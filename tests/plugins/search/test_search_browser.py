"""Search in real headless Chromium, on the built site (issue 5's acceptance)."""

import functools
import re
import threading
from collections import defaultdict
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup, NavigableString, Tag
from playwright.sync_api import expect
from search.index_view import HAN_RANGES
from search_driver import RESULTS_JS, path_of, search, search_all, settle
from sitebuild import build_fixture_site

REPORT = "/reports/2022-standing-committee-work-report/"
EN_REPORT = "/en" + REPORT


# Reading the built site: the ground truth the results are checked against ----------------


def soup_of(site, url):
    path = site / url.strip("/") / "index.html" if url.endswith("/") else site / url.strip("/")
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def section_texts(site, url):
    """Text of each part of a page body, by the id that opens it (None: before the first)."""
    body = soup_of(site, url).select_one("[data-pagefind-body]")
    texts = defaultdict(str)
    current = None
    for node in body.descendants:
        if isinstance(node, Tag) and node.get("id", "").startswith("s-"):
            current = node["id"]
        elif isinstance(node, NavigableString) and not node.find_parent(class_="permalink"):
            texts[current] += str(node)
    return texts


@pytest.fixture(scope="module")
def zh_sections(site):
    return section_texts(site, REPORT)


@pytest.fixture(scope="module")
def en_sections(site):
    return {key: " ".join(text.lower().split()) for key, text in section_texts(site, EN_REPORT).items()}


# Driving the search page ---------------------------------------------------------------------


def total(page):
    """The count the status announces (“协商”：共 5 条结果 / 5 results for “…”)."""
    text = page.locator("#search-status").inner_text()
    found = re.search(r"(\d[\d,]*) (?:条|results?)", text)
    return int(found.group(1).replace(",", "")) if found else 0


def fragment_of(href):
    return urlsplit(href).fragment or None


def result_for(results, path):
    found = [(rank, result) for rank, result in enumerate(results) if path_of(result["href"]) == path]
    assert found, f"{path} not among {[path_of(result['href']) for result in results]}"
    return found[0]


# Chinese: whole strings, found where they are written, and nowhere else ----------------------


@pytest.mark.parametrize("term", ["协商驿站", "民生议事堂", "共同富裕", "数字政协"])
def test_a_chinese_term_opens_the_report_at_the_part_that_says_it(page, site_url, zh_sections, term):
    results = search(page, site_url, "/search/", term)
    rank, report = result_for(results, REPORT)
    assert rank < 3
    holding = {key for key, text in zh_sections.items() if term in text}
    shown = [fragment_of(section["href"]) for section in report["sections"]]
    assert shown, "the report lists no section"
    assert set(shown[:3]) & holding, f"none of {shown[:3]} holds {term} (they are {holding})"
    # Precision: every part shown holds the term, and its excerpt marks the whole term.
    assert set(shown) <= holding
    for section in report["sections"]:
        assert term in section["marks"], section
        assert "?highlight=" in section["href"]


def test_part_of_a_compound_lists_only_the_parts_that_hold_it(page, site_url, zh_sections):
    """数字政协 is in one part of the report; 数字 and 政协 apart are in all of them."""
    results = search(page, site_url, "/search/", "数字政协")
    assert [path_of(result["href"]) for result in results] == [REPORT]
    holding = {key for key, text in zh_sections.items() if "数字政协" in text}
    assert {fragment_of(section["href"]) for section in results[0]["sections"]} == holding


@pytest.mark.parametrize("query", ["数字火星", "政协 火星", "火星", "协商 驿站 火星", "委员工作室火"])
def test_a_query_that_matches_nothing_says_so(page, site_url, query):
    results = search(page, site_url, "/search/", query)
    assert results == []
    expect(page.locator("#search-status")).to_have_text(f"没有找到与“{query}”相符的内容。")


def test_a_single_character_finds_the_words_that_contain_it(page, site_url, zh_sections):
    """富 is in 丰富 as well as 富裕; Pagefind alone matches the start of words only."""
    in_words = search(page, site_url, "/search/", "丰富")
    single = search(page, site_url, "/search/", "富")
    assert {path_of(r["href"]) for r in in_words} <= {path_of(r["href"]) for r in single}
    report = result_for(single, REPORT)[1]
    for section in report["sections"]:
        assert "富" in zh_sections[fragment_of(section["href"])]


@pytest.mark.parametrize(("query", "part"), [("203名", "s-4-1"), ("247条", "s-1-3"), ("委员工作室", "s-3-2")])
def test_numbers_with_measure_words_and_compounds(page, site_url, zh_sections, query, part):
    assert query in zh_sections[part]
    report = result_for(search(page, site_url, "/search/", query), REPORT)[1]
    assert part in [fragment_of(section["href"]) for section in report["sections"]]
    assert all(query in zh_sections[fragment_of(s["href"])] for s in report["sections"])


def test_two_words_must_both_be_on_the_page(page, site_url):
    both = {path_of(r["href"]) for r in search_all(page, site_url, "/search/", "政协 驿站")}
    first = {path_of(r["href"]) for r in search_all(page, site_url, "/search/", "政协")}
    second = {path_of(r["href"]) for r in search_all(page, site_url, "/search/", "驿站")}
    assert both == first & second
    assert both


# English ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(("query", "words"), [("common prosperity", ("common", "prosperity")), ("proposals", ("proposal",))])
def test_an_english_query_opens_the_english_report_at_a_matching_part(page, site_url, en_sections, query, words):
    report = result_for(search(page, site_url, "/en/search/", query), EN_REPORT)[1]
    assert report["sections"]
    for section in report["sections"][:3]:
        text = en_sections[fragment_of(section["href"])]
        assert all(word in text for word in words), section
        assert section["marks"]


def test_an_english_word_is_not_found_inside_longer_words(page, site_url):
    """mars would match market and marshal as a prefix; it is on no page."""
    assert search(page, site_url, "/en/search/", "proposals mars") == []
    expect(page.locator("#search-status")).to_have_text("No results for “proposals mars”.")


# Filters, order, the other language ---------------------------------------------------------------


def test_a_kind_filter_narrows_the_results(page, site_url):
    search(page, site_url, "/search/", "协商")
    everything = total(page)
    page.locator("select[name=kind]").select_option("report")
    reports = settle(page)
    assert 0 < total(page) < everything
    assert len(reports) == total(page)
    assert all(result["meta"].startswith("工作报告") for result in reports)
    assert "kind=report" in page.url
    page.locator("select[name=kind]").select_option("magazine")
    magazine = settle(page)
    assert magazine and all(path_of(r["href"]).startswith("/magazine/") for r in magazine)


def test_a_year_filter_keeps_that_year(page, site_url):
    results = search(page, site_url, "/search/", "协商", year="2023")
    assert results and all(result["date"].startswith("2023") for result in results)


def test_newest_first(page, site_url):
    results = search(page, site_url, "/search/", "政协", sort="date")
    dates = [result["date"] for result in results if result["date"]]
    assert len(dates) > 2 and dates == sorted(dates, reverse=True)
    undated = [index for index, result in enumerate(results) if not result["date"]]
    assert all(index >= len(dates) for index in undated)  # pages without a date come last


def test_the_other_language_control_adds_its_results_marked_with_their_language(page, site_url):
    assert search(page, site_url, "/en/search/", "协商驿站") == []
    page.get_by_label(re.compile("Include results in Chinese")).check()
    both = settle(page)
    assert both and all(result["lang"] == "zh-CN" and result["language"] == "中文" for result in both)
    assert REPORT in [path_of(result["href"]) for result in both]
    page.get_by_label(re.compile("Include results in Chinese")).uncheck()
    assert settle(page) == []


def test_the_same_number_in_both_languages(page, site_url):
    own = search(page, site_url, "/search/", "203")
    assert [path_of(r["href"]) for r in own] == [REPORT]
    assert own[0]["language"] == ""  # one language: no marks needed
    both = search(page, site_url, "/search/", "203", all="1")
    assert sorted((path_of(r["href"]), r["lang"], r["language"]) for r in both) == [
        (EN_REPORT, "en", "English"), (REPORT, "zh-CN", "中文"),
    ]


# What the index holds -----------------------------------------------------------------------------


@pytest.mark.parametrize("words", ["政协舟山市定海区委员会文献", "章节索引", "跳到正文"])
def test_words_only_in_the_footer_or_navigation_find_nothing(page, site, site_url, words):
    report = soup_of(site, REPORT)
    outside = "".join(part.get_text() for part in report.select(".site-footer, .site-nav, .skip-link"))
    assert words in outside
    assert words not in report.select_one("[data-pagefind-body]").get_text()
    assert search(page, site_url, "/search/", words) == []


def test_the_title_is_searchable(page, site_url):
    """工作报告 is in the report's title only, above its body."""
    report = result_for(search(page, site_url, "/search/", "常务委员会工作报告"), REPORT)[1]
    assert report["title"].endswith("常务委员会工作报告")


# The page, the reader, the network ------------------------------------------------------------------


def test_the_count_is_announced_politely(page, site_url):
    search(page, site_url, "/search/", "协商驿站")
    status = page.locator("#search-status")
    expect(status).to_have_attribute("role", "status")
    expect(status).to_have_attribute("aria-live", "polite")
    count = len(page.evaluate(RESULTS_JS))
    expect(status).to_have_text(f"“协商驿站”：共 {count} 条结果")
    search(page, site_url, "/en/search/", "common prosperity")
    expect(status).to_have_text("1 result for “common prosperity”")


def test_a_screenful_first_then_more_on_request_taking_the_focus(page, site_url):
    # Without IntersectionObserver the button is the only way to more results; with it,
    # scrolling to the button to click it may already have brought them.
    page.add_init_script("delete window.IntersectionObserver;")
    page.set_viewport_size({"width": 1280, "height": 720})
    shown = search(page, site_url, "/search/", "政协")
    assert total(page) > len(shown) == 3  # each result shown costs its fragment
    page.get_by_role("button", name="显示更多结果").click()
    expect(page.locator("#search-results > .search-result")).to_have_count(min(total(page), 8))
    expect(page.locator("#search-results > .search-result").nth(3).locator("h2 a")).to_be_focused()


def test_a_keyboard_reader_on_the_more_button_goes_on_to_the_results_it_brought(page, site_url):
    page.set_viewport_size({"width": 1280, "height": 720})
    search(page, site_url, "/search/", "政协")
    page.locator("#search-more").focus()  # scrolls it into view: the observer loads the next batch
    expect(page.locator("#search-results > .search-result")).to_have_count(min(total(page), 8))
    expect(page.locator("#search-results > .search-result").nth(3).locator("h2 a")).to_be_focused()


def test_more_results_come_when_the_reader_scrolls_to_the_end(page, site_url):
    page.set_viewport_size({"width": 1280, "height": 720})
    search(page, site_url, "/search/", "政协")
    box = page.get_by_label("搜索文献", exact=True)
    box.focus()
    page.locator("#search-more").scroll_into_view_if_needed()
    expect(page.locator("#search-results > .search-result")).not_to_have_count(3)
    expect(box).to_be_focused()  # nothing moves under the reader's keyboard


def test_a_tall_window_is_filled_at_once(page, site_url):
    page.set_viewport_size({"width": 1280, "height": 4000})
    search(page, site_url, "/search/", "政协")
    expect(page.locator("#search-results > .search-result")).to_have_count(total(page))


def test_typing_searches_and_keeps_the_query_in_the_address(page, site_url):
    page.goto(site_url + "/search/")
    box = page.get_by_label("搜索文献")
    box.focus()
    page.keyboard.type("驿站")
    results = settle(page)
    assert results and "q=%E9%A9%BF%E7%AB%99" in page.url


def test_a_result_opens_its_section_with_the_query_marked(page, site_url):
    report = result_for(search(page, site_url, "/search/", "数字政协"), REPORT)[1]
    page.locator(f"#search-results a[href='{report['sections'][0]['href']}']").click()
    page.wait_for_url(re.compile(r"/reports/2022-standing-committee-work-report/\?highlight=.*#s-3-3$"))
    marks = page.locator("[data-pagefind-body] mark.search-highlight")
    expect(marks.first).to_have_text("数字政协")
    assert marks.count() == page.locator("[data-pagefind-body]").inner_text().count("数字政协")
    expect(page.locator("#s-3-3")).to_be_in_viewport()


def test_english_marks_follow_the_word_not_its_spelling(page, site_url):
    page.goto(site_url + EN_REPORT + "?highlight=proposals")
    marked = {text.lower() for text in page.locator("mark.search-highlight").all_inner_texts()}
    assert {"proposal", "proposals"} <= marked


def test_the_bundle_loads_when_the_box_gets_focus_and_not_before(page, site_url):
    requested = []
    page.on("request", lambda request: requested.append(urlsplit(request.url).path))
    page.goto(site_url + REPORT)
    page.goto(site_url + "/search/")
    page.wait_for_load_state("networkidle")
    assert not [path for path in requested if path.startswith("/pagefind/")]
    page.get_by_label("搜索文献").focus()
    page.wait_for_load_state("networkidle")
    expect(page.locator("#search-results")).to_be_attached()
    loaded = [path for path in requested if path.startswith("/pagefind/")]
    assert "/pagefind/zh-cn/pagefind.js" in loaded
    assert "/pagefind/zh-cn/pagefind-worker.js" not in loaded  # searched on the page's own thread
    assert not [path for path in loaded if not path.startswith("/pagefind/zh-cn/")]  # nor English yet


def test_the_other_languages_bundle_loads_with_the_option_and_its_own_language_module(page, site_url):
    requested = []
    page.on("request", lambda request: requested.append(urlsplit(request.url).path))
    search(page, site_url, "/search/", "Dinghai")
    assert not [path for path in requested if path.startswith("/pagefind/en/")]
    page.get_by_label("同时搜索英文版本").check()
    expect(page.locator("#search-results .search-result[lang='en']").first).to_be_attached()
    assert {"/pagefind/en/pagefind.js", "/pagefind/en/wasm.en.pagefind"} <= set(requested)


def test_nothing_is_fetched_from_elsewhere(page, site_url):
    hosts = set()
    page.on("request", lambda request: hosts.add(urlsplit(request.url).netloc))
    search(page, site_url, "/search/", "协商驿站", all="1")
    assert hosts == {urlsplit(site_url).netloc}


def test_without_javascript_the_box_sends_the_query_to_the_search_page(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + EN_REPORT)
    page.get_by_label("Search this site").fill("proposals")
    page.get_by_label("Search this site").press("Enter")
    page.wait_for_url(site_url + "/en/search/?q=proposals")
    expect(page.locator("noscript")).to_have_count(1)
    assert "Search needs JavaScript" in page.content()
    expect(page.locator("[data-search-options]")).to_be_hidden()
    context.close()


def test_the_han_characters_of_the_index_are_those_of_the_browser(page, site_url):
    """index_view.py splits Chinese by its own table of Han; search.js uses \\p{Script=Han}."""
    points = []
    for low, high in HAN_RANGES:
        low, high = ord(low), ord(high)
        if high > 0x2FFFF:
            continue  # planes the browser's Unicode may not know yet
        points += [(low, True), (high, True), ((low + high) // 2, True), (low - 1, None), (high + 1, None)]
    inside = {point for point, _ in points if any(ord(a) <= point <= ord(b) for a, b in HAN_RANGES)}
    verdicts = page.evaluate(
        "points => points.map(p => /\\p{Script=Han}/u.test(String.fromCodePoint(p)))",
        [point for point, _ in points],
    )
    assert dict(zip([point for point, _ in points], verdicts)) == {point: point in inside for point, _ in points}


# Safety: what a page says is shown as text ------------------------------------------------------


XSS_STORY = """\
Title: <img src=x onerror="window.__xss='title'"> 注入测试 <script>window.__xss='title-script'</script>
Date: 2023-04-18
Kind: story
Lang: zh
Slug: injection

## 一、注入测试的正文

注入测试：&lt;img src=x onerror="window.__xss='body'"&gt; 与 &lt;script&gt;window.__xss='body-script'&lt;/script&gt; 只是文字。
"""


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format, *args):
        pass


@pytest.fixture(scope="module")
def xss_site_url(tmp_path_factory):
    output = build_fixture_site(tmp_path_factory.mktemp("xss"), {"stories/injection.zh.md": XSS_STORY})
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(output)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    server.server_close()


def test_markup_in_a_title_or_body_is_shown_as_text_and_never_runs(page, xss_site_url):
    results = search(page, xss_site_url, "/search/", "注入测试")
    assert len(results) == 1
    assert '<img src=x onerror="window.__xss=\'title\'">' in results[0]["title"]
    assert "<script>" in results[0]["title"]
    shown = " ".join(section["excerpt"] for section in results[0]["sections"]) + results[0]["excerpt"]
    assert "<img src=x onerror=" in shown and "<script>" in shown
    assert page.locator("#search-results img, #search-results script").count() == 0
    page.wait_for_timeout(200)
    assert page.evaluate("window.__xss") is None
