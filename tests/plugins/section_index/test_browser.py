"""Keeping one's place across languages, in real headless Chromium."""

from playwright.sync_api import expect

REPORT = "/reports/2022-standing-committee-work-report/"


def test_language_switch_keeps_the_section_and_the_contents_list_highlights_it(page, site_url):
    page.goto(site_url + REPORT + "#s-2-2")
    expect(page.locator(".toc a[href$='#s-2-2']")).to_have_attribute("aria-current", "location")
    page.locator(".language-switcher a[hreflang='en']").click()
    page.wait_for_url("**/en" + REPORT + "#s-2-2")
    assert page.evaluate("location.hash") == "#s-2-2"
    expect(page.locator("#s-2-2")).to_be_in_viewport()
    expect(page.locator(".toc a[href$='#s-2-2']")).to_have_attribute("aria-current", "location")


def test_contents_list_follows_scrolling(page, site_url):
    page.goto(site_url + REPORT)
    page.evaluate("document.getElementById('s-4-3').scrollIntoView({block: 'start'})")
    expect(page.locator(".toc a[aria-current]")).to_have_count(1)
    expect(page.locator(".toc a[aria-current]")).to_have_attribute("href", REPORT + "#s-4-3")
