"""The first search query in headless Chromium: bytes transferred and time to the first result.

The site is served by serve.py (gzip, as a static host). In a fresh browser context the
search page is loaded and left to settle; from then on every byte the server sends (status
lines, headers and bodies, compressed as served; a Web Worker's requests too) is counted while
the query is typed into the page's search box (a click first: search.js loads Pagefind when the
box gets focus) until the results are shown. The time is taken in the page:
from the last keystroke's input event to the animation frame after the first result entered
the list.

When the page has no search UI (no #search-query, #search-results and search.js), Pagefind's JS
API is called directly instead (on the main thread, as search.js does) and the time runs from
pagefind.search() to the first result's data; the result says which.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from .serve import Served

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
    "--disable-sync", "--no-first-run",
]
INPUT, RESULTS, STATUS = "#search-query", "#search-results", "#search-status"


def script(template: str) -> str:
    """JavaScript with $INPUT, $RESULTS and $STATUS replaced by the selectors, as JS strings."""
    for name, value in (("$INPUT", INPUT), ("$RESULTS", RESULTS), ("$STATUS", STATUS)):
        template = template.replace(name, json.dumps(value))
    return template


HAS_UI = script("""() => !!(document.querySelector($INPUT) && document.querySelector($RESULTS)
  && [...document.scripts].some(script => /search\\.js(\\?|$)/.test(script.src)))""")

INSTRUMENT = script("""() => {
  const bench = window.__bench = {lastInput: 0, inserted: 0, rendered: 0, results: 0};
  const list = document.querySelector($RESULTS);
  document.querySelector($INPUT).addEventListener("input", () => {
    bench.lastInput = performance.now(); bench.inserted = 0; bench.rendered = 0;
  }, true);
  new MutationObserver(() => {
    if (!bench.lastInput || bench.inserted || !list.querySelector("li")) return;
    bench.inserted = performance.now();
    requestAnimationFrame(() => { bench.rendered = performance.now(); bench.results = list.children.length; });
  }).observe(list, {childList: true});
}""")

DONE = script("""() => window.__bench.rendered > 0
  || (document.querySelector($STATUS).textContent.trim() !== "" && !document.querySelector($RESULTS + " li")
      && document.querySelector($RESULTS).getAttribute("aria-busy") === null)""")

API_QUERY = """async ({bundle, query}) => {
  const pagefind = await import(bundle + "pagefind.js");
  await pagefind.options({basePath: bundle, noWorker: true});
  await pagefind.init();
  const start = performance.now();
  const search = await pagefind.search(query);
  if (search.results.length) await search.results[0].data();
  return {ms: performance.now() - start, results: search.results.length};
}"""


def resource_kind(url: str) -> str:
    """What a fetched address is, for the breakdown of the first query's bytes."""
    name = url.split("?")[0].rsplit("/", 1)[-1]
    for suffix, kind in ((".pf_fragment", "fragments"), (".pf_index", "index chunks"), (".pf_meta", "index meta"),
                         (".pf_filter", "filters"), (".pagefind", "wasm"), (".wasm", "wasm"), (".js", "scripts"),
                         (".json", "json")):
        if name.endswith(suffix):
            return kind
    return "other"


class SearchMeasureError(RuntimeError):
    """The search page could not be measured; the message says why."""


@dataclass(frozen=True)
class QueryFigures:
    path: str
    query: str
    method: str  # "search UI (search.js)" or "Pagefind JS API"
    transferred_bytes: int
    requests: int
    first_result_ms: float
    inserted_ms: float | None  # to the result entering the DOM, before the frame
    results: int
    by_kind: dict  # transferred bytes by what was fetched (pagefind.js, wasm, index chunks, fragments, …)


def measure_first_query(served: Served, path: str, query: str, *, timeout_s: float = 60,
                        executable: str = CHROMIUM, type_delay_ms: int = 30) -> QueryFigures:
    from playwright.sync_api import Error as PlaywrightError
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        try:
            context = browser.new_context()
            page = context.new_page()
            page.goto(served.url + path, wait_until="networkidle")

            def transferred(mark: int) -> tuple[int, int, dict]:
                sent = served.traffic.since(mark)
                by_kind: dict[str, int] = {}
                for address, size in sent:
                    by_kind[resource_kind(address)] = by_kind.get(resource_kind(address), 0) + size
                return sum(size for _, size in sent), len(sent), by_kind

            def settle() -> None:
                """Wait until the server has had no request for 300 ms (the last fetches finish)."""
                while True:
                    before = served.traffic.mark()
                    page.wait_for_timeout(300)
                    if served.traffic.mark() == before:
                        return

            try:
                if page.evaluate(HAS_UI):
                    page.evaluate(INSTRUMENT)
                    mark = served.traffic.mark()
                    page.click(INPUT)
                    page.keyboard.type(query, delay=type_delay_ms)
                    page.wait_for_function(DONE, timeout=timeout_s * 1000)
                    settle()
                    figures = page.evaluate("() => window.__bench")
                    if not figures["rendered"]:
                        raise SearchMeasureError(f"no results for {query!r} on {path}")
                    size, requests, by_kind = transferred(mark)
                    return QueryFigures(path, query, "search UI (search.js)", size, requests,
                                        figures["rendered"] - figures["lastInput"],
                                        figures["inserted"] - figures["lastInput"], figures["results"], by_kind)
                bundle = page.evaluate(
                    "() => { try { return JSON.parse(document.getElementById('search-config').textContent).bundle }"
                    " catch (e) { return '/pagefind/' } }"
                )
                mark = served.traffic.mark()
                figures = page.evaluate(API_QUERY, {"bundle": bundle, "query": query})
                settle()
                if not figures["results"]:
                    raise SearchMeasureError(f"no results for {query!r} on {path}")
                size, requests, by_kind = transferred(mark)
                return QueryFigures(path, query, "Pagefind JS API", size, requests, figures["ms"], None,
                                    figures["results"], by_kind)
            except PlaywrightError as error:
                raise SearchMeasureError(f"{path}: {error}") from error
        finally:
            browser.close()
