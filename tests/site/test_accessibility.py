"""axe-core in headless Chromium: no serious or critical violation on any kind of page, in either language."""

from pathlib import Path

import pytest
from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parents[2]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
BLOCKING = ("serious", "critical")

# one page of each kind, by its path after the language prefix
PAGES = {
    "home": "",
    "report": "reports/2022-standing-committee-work-report/",
    "report, parallel reading": "reports/2022-standing-committee-work-report/parallel/",
    "story": "stories/morning-at-the-old-pier/",
    "magazine issue": "magazine/2023-1/",
    "magazine article": "magazine/2023-1-fishing-village-station/",
    "listing": "reports/",
    "magazine listing": "magazine/",
    "archives": "archives/",
    "tags": "tags/",
    "tag": None,  # the first tag of the language, read from its tags page
    "search": "search/",
    "sections index": "sections/",
    "about": "about/",
    "404": "404.html",
}
PREFIXES = {"zh": "", "en": "en/"}


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    # axe is injected as an inline script: let it past the site's Content-Security-Policy
    return {**browser_context_args, "bypass_csp": True}


def first_tag(site: Path, prefix: str) -> str:
    soup = BeautifulSoup((site / prefix / "tags" / "index.html").read_text(encoding="utf-8"), "html.parser")
    main = soup.find("main") or soup
    for link in main.find_all("a", href=True):
        href = link["href"]
        if f"/{prefix}tags/" in href and not href.rstrip("/").endswith("tags"):
            return href.split(f"/{prefix}", 1)[1] if prefix else href.lstrip("/")
    raise AssertionError(f"no tag linked from /{prefix}tags/")


def axe_violations(page, url: str) -> list[dict]:
    response = page.goto(url)
    assert response is not None and response.ok, f"{url}: HTTP {response.status if response else '?'}"
    if not AXE.is_file():
        pytest.fail(f"{AXE.relative_to(ROOT)} is missing: run `npm ci` (package.json pins axe-core)")
    page.add_script_tag(path=str(AXE))
    results = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    return [v for v in results["violations"] if v["impact"] in BLOCKING]


def describe(violations: list[dict]) -> str:
    lines = []
    for violation in violations:
        lines.append(f"{violation['impact']}: {violation['id']} — {violation['help']}")
        for node in violation["nodes"][:5]:
            lines.append(f"    {' '.join(node['target'])}: {node['html'][:160]}")
            if node.get("failureSummary"):
                lines.append("      " + node["failureSummary"].replace("\n", " ")[:240])
    return "\n".join(lines)


@pytest.mark.parametrize("lang", list(PREFIXES))
@pytest.mark.parametrize("kind", list(PAGES))
def test_no_serious_or_critical_axe_violation(page, site, site_url, kind, lang):
    prefix = PREFIXES[lang]
    path = PAGES[kind] if PAGES[kind] is not None else first_tag(site, prefix)
    violations = axe_violations(page, f"{site_url}/{prefix}{path}")
    assert violations == [], f"/{prefix}{path}\n" + describe(violations)


# the "not translated yet" notices: the real site translates everything, so a fixture site
# (conftest's untranslated_site) has them


@pytest.mark.parametrize("path", ["en/stories/chinese-only/", "stories/chinese-only/"])
def test_no_serious_or_critical_axe_violation_around_an_untranslated_publication(page, untranslated_site_url, path):
    violations = axe_violations(page, f"{untranslated_site_url}/{path}")
    assert violations == [], f"/{path}\n" + describe(violations)
