"""The parallel reading view and the contents list, in real headless Chromium."""

import pytest
from playwright.sync_api import expect

REPORT = "/reports/2022-standing-committee-work-report/"
PARALLEL = REPORT + "parallel/"
PHONE = {"width": 390, "height": 844}
DESK = {"width": 1280, "height": 900}

# Where an element is on screen, and whether it takes room there (not clipped to 1px for screen readers).
BOX = "e => { const r = e.getBoundingClientRect(); return {top: r.top, bottom: r.bottom, shown: r.width > 1 && r.height > 1}; }"


def test_a_link_to_a_part_lands_on_its_row_and_the_language_switch_keeps_it(page, site_url):
    page.set_viewport_size(DESK)
    page.goto(site_url + PARALLEL + "#s-2-1")
    row = page.locator("section.parallel__row#s-2-1")
    expect(row).to_be_in_viewport()
    expect(page.locator(".toc a[href$='#s-2-1']")).to_have_attribute("aria-current", "location")
    page.locator(".language-switcher a[hreflang='en']").click()
    page.wait_for_url("**/en" + PARALLEL + "#s-2-1")
    expect(page.locator("section.parallel__row#s-2-1")).to_be_in_viewport()
    expect(page.locator(".toc a[href$='#s-2-1']")).to_have_attribute("aria-current", "location")


def test_side_by_side_the_column_header_stays_above_the_row_one_reads(page, site_url):
    page.set_viewport_size(DESK)
    page.goto(site_url + PARALLEL + "#s-4-1")
    head = page.locator(".parallel__head").evaluate(BOX)
    row = page.locator("#s-4-1").evaluate(BOX)
    assert head["shown"] and -1 <= head["top"] <= 1, "the header sticks to the top of the screen"
    assert head["bottom"] <= row["top"] + 1, "and covers no part of the row the link led to"
    labels = page.locator("#s-4-1 .parallel__lang").evaluate_all(f"cells => cells.map({BOX})")
    assert [label["shown"] for label in labels] == [False, False]


def test_stacked_on_a_phone_each_block_says_its_language(page, site_url):
    page.set_viewport_size(PHONE)
    page.goto(site_url + PARALLEL + "#s-2-1")
    assert not page.locator(".parallel__head").is_visible()
    cells = page.locator("#s-2-1 .parallel__text")
    own, other = (cells.nth(n).evaluate(BOX) for n in (0, 1))
    assert own["bottom"] <= other["top"], "the columns stack"
    expect(cells.nth(0).locator(".parallel__lang")).to_have_text("中文")
    expect(cells.nth(1).locator(".parallel__lang")).to_have_text("English")
    for n in (0, 1):
        assert cells.nth(n).locator(".parallel__lang").evaluate(BOX)["shown"]


@pytest.mark.parametrize("url", [REPORT, PARALLEL])
def test_the_sticky_contents_list_scrolls_itself_to_the_current_part_and_leaves_the_page_be(page, site_url, url):
    page.emulate_media(reduced_motion="reduce")
    page.set_viewport_size(DESK)
    page.goto(site_url + url)
    page.evaluate("document.getElementById('s-5-4').scrollIntoView({block: 'start'})")
    scrolled = page.evaluate("scrollY")
    current = page.locator(".toc a[aria-current]")
    expect(current).to_have_attribute("href", url + "#s-5-4")
    expect(current).to_be_in_viewport()
    toc = page.locator(".toc").evaluate(BOX)
    link = current.evaluate(BOX)
    assert toc["top"] <= link["top"] and link["bottom"] <= toc["bottom"] + 0.5, "wholly within the list's box"
    assert page.evaluate("scrollY") == scrolled
