"""Driving the search page in the browser tests: search, wait for the answer, read the results."""

import re
from urllib.parse import urlencode, urlsplit

from playwright.sync_api import expect

RESULTS_JS = """() => Array.from(document.querySelectorAll('#search-results > .search-result')).map(item => ({
  title: item.querySelector('h2 a').textContent,
  href: item.querySelector('h2 a').getAttribute('href'),
  lang: item.lang,
  meta: (item.querySelector('.search-result__meta') || {textContent: ''}).textContent,
  language: (item.querySelector('.search-result__language') || {textContent: ''}).textContent,
  date: (item.querySelector('time') || {dateTime: ''}).dateTime,
  sections: Array.from(item.querySelectorAll('.search-result__section')).map(section => ({
    href: section.querySelector('a').getAttribute('href'),
    title: section.querySelector('a').textContent,
    excerpt: section.querySelector('.search-result__excerpt').textContent,
    marks: Array.from(section.querySelectorAll('mark')).map(mark => mark.textContent),
  })),
  excerpt: (item.querySelector(':scope > .search-result__excerpt') || {textContent: ''}).textContent,
}))"""


def settle(page):
    expect(page.locator("#search-results")).not_to_have_attribute("aria-busy", "true")
    expect(page.locator("#search-status")).to_have_text(re.compile(r"\S"))
    return page.evaluate(RESULTS_JS)


def search(page, base, path, query, **params):
    page.goto(base + path + "?" + urlencode({"q": query, **params}))
    return settle(page)


def search_all(page, base, path, query, **params):
    """Every result, the later batches asked for with the page's own button."""
    search(page, base, path, query, **params)
    more = page.locator("#search-more")
    results = page.locator("#search-results > .search-result")
    while True:
        expect(page.locator("#search-results")).not_to_have_attribute("aria-busy", "true")  # no batch coming
        if not more.is_visible():
            return settle(page)
        shown = results.count()
        more.click()
        expect(results).not_to_have_count(shown)


def path_of(href):
    return urlsplit(href).path
