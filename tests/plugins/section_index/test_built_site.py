"""The section index on the real site, read from the HTML and JSON readers get."""

import json
from pathlib import Path
from urllib.parse import unquote, urlsplit

import jsonschema
import pytest
from bs4 import BeautifulSoup

REPORT = "reports/2022-standing-committee-work-report/"
SCHEMA = Path("plugins/section_index/sections.schema.json")


def soup_of(site: Path, url: str) -> BeautifulSoup:
    path = site / unquote(url)
    if url.endswith("/") or not url:
        path = path / "index.html"
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def outline(soup: BeautifulSoup) -> list[tuple[str, str]]:
    """(id, text) of each anchored section in the article body, in order."""
    body = soup.select_one(".publication__body")
    return [
        (element["id"], element.get_text(" ", strip=True))
        for element in body.find_all(id=True)
        if element["id"].startswith("s-")
    ]


@pytest.fixture(scope="module")
def zh_report(site):
    return soup_of(site, REPORT)


@pytest.fixture(scope="module")
def en_report(site):
    return soup_of(site, "en/" + REPORT)


def test_parts_two_to_five_have_three_lead_subparts_each(zh_report):
    ids = [section_id for section_id, _ in outline(zh_report)]
    headings = [h for h in zh_report.select(".publication__body h2")]
    assert [h.get_text(strip=True)[:2] for h in headings[:4]] == ["二、", "三、", "四、", "五、"]
    for part in range(1, 5):
        assert [i for i in ids if i.startswith(f"s-{part}-")] == [f"s-{part}-{n}" for n in (1, 2, 3)]


def test_lead_sentences_are_the_subpart_titles(zh_report):
    lead = zh_report.find(id="s-1-1")
    assert lead.name == "p" and lead.strong.get_text() == "在助推产业发展上积极献计。"
    assert zh_report.find(id="s-2-2").strong.get_text() == "开展主题协商，积极培育共富“金果子”。"


def test_tasks_for_2023_has_five_items(zh_report):
    tasks = zh_report.find(id="s-5")
    assert tasks.get_text(strip=True).startswith("2023年工作任务")
    items = [zh_report.find(id=f"s-5-{n}").strong.get_text() for n in range(1, 6)]
    assert [item[:2] for item in items] == ["一是", "二是", "三是", "四是", "五是"]
    assert zh_report.find(id="s-5-6") is None


def test_preamble_is_untitled_and_closing_paragraphs_stay_in_part_five(zh_report):
    body = zh_report.select_one(".publication__body")
    first = body.find(["p", "h2"])
    assert first.name == "p" and not first.get("id")
    closing = next(p for p in body.find_all("p") if p.get_text().startswith("各位委员、同志们！"))
    previous_heading = closing.find_previous("h2")
    assert previous_heading["id"] == "s-4"


def test_english_report_has_exactly_the_same_ids(zh_report, en_report):
    zh_ids = [i for i, _ in outline(zh_report)]
    en_ids = [i for i, _ in outline(en_report)]
    assert zh_ids == en_ids and len(zh_ids) == 4 * 4 + 6


def test_headings_have_visible_permalinks(zh_report):
    heading = zh_report.find(id="s-2")
    permalink = heading.select_one("a.permalink")
    assert permalink["href"] == "#s-2" and permalink.get("aria-label")


def test_contents_list_links_every_section(zh_report):
    toc_targets = [a["href"].split("#")[1] for a in zh_report.select(".toc a")]
    assert toc_targets == [i for i, _ in outline(zh_report)]


def resolve(site: Path, href: str) -> bool:
    path, _, fragment = unquote(urlsplit(href).path.lstrip("/")), None, urlsplit(href).fragment
    soup = soup_of(site, path)
    return bool(fragment) and soup.find(id=fragment) is not None


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_every_link_of_the_section_index_resolves(site, prefix):
    index = soup_of(site, prefix + "sections/")
    links = [a["href"] for a in index.select("main a[href*='#']")]
    assert len(links) >= 40
    unresolved = [href for href in links if not resolve(site, href)]
    assert unresolved == []


@pytest.mark.parametrize("prefix,lang", [("", "zh"), ("en/", "en")])
def test_sections_json_validates_and_resolves(site, prefix, lang):
    data = json.loads((site / prefix / "sections" / "sections.json").read_text(encoding="utf-8"))
    jsonschema.validate(data, json.loads(SCHEMA.read_text(encoding="utf-8")))
    assert data["lang"] == lang and {s["lang"] for s in data["sections"]} == {lang}
    for record in data["sections"]:
        assert resolve(site, record["url"]), record["url"]
        if record["other_lang_url"]:
            assert resolve(site, record["other_lang_url"]), record["other_lang_url"]
    report = [s for s in data["sections"] if s["publication"] == "2022-standing-committee-work-report"]
    assert len(report) == 22 and all(s["other_lang_url"] for s in report)


def test_section_index_lists_magazine_columns(site):
    index = soup_of(site, "sections/")
    columns = [h.get_text(strip=True) for h in index.select("h3.section-index__column")]
    assert columns[:2] == ["协商议政", "委员风采"]


def test_parallel_view_aligns_parts_without_repeating_ids(site):
    page = soup_of(site, REPORT + "parallel/")
    rows = page.select("section.parallel__row")
    assert len(rows) == 1 + 22  # the preamble, then one row per section
    ids = [element["id"] for element in page.find_all(id=True)]
    assert len(ids) == len(set(ids))
    row = page.find(id="p-s-2-2")
    zh_text, en_text = (div.get_text() for div in row.select(".parallel__text"))
    assert "金果子" in zh_text and "golden fruits" in en_text.lower()


def test_publication_links_to_its_parallel_view(zh_report, en_report):
    assert zh_report.select_one(".publication__links a")["href"].endswith(REPORT + "parallel/")
    assert en_report.select_one(".publication__links a")["href"].endswith("en/" + REPORT + "parallel/")
