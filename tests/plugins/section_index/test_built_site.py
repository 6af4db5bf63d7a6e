"""The section index on the real site, read from the HTML and JSON readers get."""

import json
from pathlib import Path
from urllib.parse import unquote, urlsplit

import jsonschema
import pytest
from bs4 import BeautifulSoup
from sitebuild import html_pages, is_noindex

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
    row = page.find(id="s-2-2")
    zh_text, en_text = (div.get_text() for div in row.select(".parallel__text"))
    assert "金果子" in zh_text and "golden fruits" in en_text.lower()


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_parallel_view_rows_carry_the_ids_of_the_publication_and_its_contents_list_links_them(site, prefix):
    article_ids = [section_id for section_id, _ in outline(soup_of(site, prefix + REPORT))]
    page = soup_of(site, prefix + REPORT + "parallel/")
    assert [row["id"] for row in page.select("section.parallel__row[id]")] == article_ids
    contents = [a["href"] for a in page.select("nav.toc a")]
    assert contents == [f"/{prefix}{REPORT}parallel/#{section_id}" for section_id in article_ids]


def test_parallel_view_labels_every_cell_with_its_language_and_links_both_versions(site):
    page = soup_of(site, REPORT + "parallel/")
    for row in page.select("section.parallel__row"):
        labels = [(cell["lang"], cell.select_one(".parallel__lang").get_text()) for cell in row.select(".parallel__text")]
        assert labels == [("zh-CN", "中文"), ("en", "English")]
    head = [(a["href"], a.get_text()) for a in page.select(".parallel__head a")]
    assert head == [(f"/{REPORT}", "中文"), (f"/en/{REPORT}", "English")]
    headings = {h.get_text(strip=True) for h in page.select("h1, h2, h3, h4, h5, h6")}
    assert not headings & {"中文", "English"}  # the language names are labels, not headings


@pytest.mark.parametrize(("prefix", "title", "continued"), [
    ("", "对照阅读：中国人民政治协商会议", "（上接前文）"),
    ("en/", "Side by side: Work Report", "Continued from an earlier part"),
])
def test_parallel_view_of_a_report_that_begins_midway_says_its_first_block_continues(site, prefix, title, continued):
    page = soup_of(site, prefix + REPORT + "parallel/")
    assert page.h1.get_text().startswith(title) and page.title.get_text().startswith(title)
    first = page.select_one("section.parallel__row")
    label = page.find(id=first["aria-labelledby"])
    assert label.get_text() == continued and label.parent is first
    story = soup_of(site, prefix + "stories/morning-at-the-old-pier/parallel/")
    assert not story.select(".parallel__continued") and story.select_one("section.parallel__row[aria-label]")


def test_parallel_views_are_for_readers_not_for_search_engines_or_the_site_search(site, site_pages):
    views = {url: soup for url, soup in site_pages.items() if url.endswith("/parallel/")}
    assert len(views) == 16
    for url, soup in views.items():
        assert is_noindex(soup), url
        assert not soup.select("[data-pagefind-body]"), url
        assert soup.select_one("link[rel=canonical]")["href"].endswith(url)
        # a copy of two works is not a third one: no citation, JSON-LD or social card of its own
        machine = soup.select('script[type="application/ld+json"], meta[name^="citation_"], meta[property^="og:"]')
        assert not machine, (url, machine[:1])
    assert "parallel/" not in (site / "sitemap.xml").read_text(encoding="utf-8")


def publications_link_their_parallel_views(pages) -> int:
    """Asserts that each publication page of `pages` (site path → soup) links its parallel view
    if it has a translation, and an existing one; returns how many it checked."""
    checked = 0
    for url, soup in pages.items():
        if not any(name.startswith("kind-") for name in soup.body.get("class", [])):
            continue  # not a publication: a listing, a page, a parallel view
        translated = soup.select("nav.language-switcher a[hreflang]:not([data-untranslated])")
        links = [a["href"] for a in soup.select(".publication__links a")]
        assert links == ([url + "parallel/"] if translated else []), url
        assert all(link in pages for link in links), url
        checked += 1
    return checked


def test_every_publication_in_both_languages_links_its_parallel_view(site_pages):
    assert publications_link_their_parallel_views(site_pages) == 16  # all translated, the issue too


def test_a_publication_without_translation_links_no_parallel_view(untranslated_site):
    pages = html_pages(untranslated_site)
    assert publications_link_their_parallel_views(pages) == 4
    assert "/stories/chinese-only/parallel/" not in pages
