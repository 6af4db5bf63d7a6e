"""Neighbours on a tiny bilingual site built with real Pelican: previous and next links and
related publications, in both languages."""

import pytest
from bs4 import BeautifulSoup
from sitebuild import build_fixture_site, file_for, page_soup
from test_publications_fixture_sites import MAGAZINE, write_picture

STORIES = {  # slug: day in 2023, Chinese tags, English tags (None: no translation)
    "a-pier": ("01-10", "海洋, 文史", "sea, history"),
    "b-bridge": ("02-10", "文史", "history"),
    "c-boats": ("02-10", "海洋, 文史, 码头", "sea, history, pier"),  # the same day as b: by slug
    "d-hills": ("03-10", "海洋, 文史", None),
}


def story(slug: str, lang: str) -> str:
    day, zh_tags, en_tags = STORIES[slug]
    return f"""\
Title: {slug} ({lang})
Date: 2023-{day}
Kind: story
Lang: {lang}
Slug: {slug}
Tags: {zh_tags if lang == "zh" else en_tags}
{"Translation: true" if lang == "en" else ""}

{"正文。" if lang == "zh" else "Text."}
"""


def report(lang: str) -> str:
    return f"""\
Title: report ({lang})
Date: 2023-02-14
Kind: report
Lang: {lang}
Slug: report
Year: 2022
Source: {"报纸" if lang == "zh" else "Newspaper"}
Tags: {"海洋" if lang == "zh" else "sea"}
{"Translation: true" if lang == "en" else ""}

{"正文。" if lang == "zh" else "Text."}
"""


FILES = {
    **MAGAZINE,
    **{f"stories/{slug}.{lang}.md": story(slug, lang) for slug, (_, _, en) in STORIES.items()
       for lang in ("zh", "en") if lang == "zh" or en},
    "reports/report.zh.md": report("zh"),
    "reports/report.en.md": report("en"),
}


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    tmp_path = tmp_path_factory.mktemp("neighbours")
    write_picture(tmp_path, "cover.png", (600, 800))
    return build_fixture_site(tmp_path, FILES)


def links(output, path):
    page = page_soup(output, path)
    nav = page.select_one("nav.neighbours")
    previous = nav.select_one("a[rel=prev]") if nav else None
    following = nav.select_one("a[rel=next]") if nav else None
    return (
        previous["href"] if previous else None,
        following["href"] if following else None,
        [item.a["href"] for item in page.select(".related__item")],
    )


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("/stories/a-pier/", (None, "/stories/b-bridge/", ["/stories/d-hills/", "/stories/c-boats/", "/reports/report/"])),
        ("/stories/b-bridge/", ("/stories/a-pier/", "/stories/c-boats/", ["/stories/d-hills/"])),
        ("/stories/c-boats/", ("/stories/b-bridge/", "/stories/d-hills/", ["/stories/a-pier/", "/reports/report/"])),
        ("/stories/d-hills/", ("/stories/c-boats/", None, ["/stories/a-pier/", "/reports/report/", "/stories/b-bridge/"])),
        ("/reports/report/", (None, None, ["/stories/d-hills/", "/stories/c-boats/", "/stories/a-pier/"])),
        # English: d-hills has no translation, so the English sequence and related skip it
        ("/en/stories/a-pier/", (None, "/en/stories/b-bridge/", ["/en/stories/c-boats/", "/en/reports/report/"])),
        ("/en/stories/c-boats/", ("/en/stories/b-bridge/", None, ["/en/stories/a-pier/", "/en/reports/report/"])),
        ("/en/reports/report/", (None, None, ["/en/stories/c-boats/", "/en/stories/a-pier/"])),
    ],
)
def test_previous_next_and_related_in_each_language(site, path, expected):
    assert links(site, path) == expected


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_magazine_articles_lead_through_their_issue_in_column_order(site, prefix):
    assert links(site, f"/{prefix}magazine/station/")[:2] == (None, f"/{prefix}magazine/studio/")
    assert links(site, f"/{prefix}magazine/studio/")[:2] == (f"/{prefix}magazine/station/", f"/{prefix}magazine/songs/")
    assert links(site, f"/{prefix}magazine/songs/")[:2] == (f"/{prefix}magazine/studio/", None)


def test_a_page_without_neighbours_shows_no_empty_navigation_or_heading(site):
    page = page_soup(site, "/magazine/later/")  # alone in its issue, and without tags
    assert page.select("nav.neighbours") == [] and page.select(".related") == []
    assert page.find(string="相关阅读") is None


def test_the_labels_are_in_the_page_language(site):
    zh, en = page_soup(site, "/stories/b-bridge/"), page_soup(site, "/en/stories/b-bridge/")
    assert zh.select_one("nav.neighbours")["aria-label"] == "其他文史故事"
    assert en.select_one("nav.neighbours")["aria-label"] == "Other stories"
    assert [s.get_text() for s in zh.select(".neighbours__label")] == ["上一篇", "下一篇"]
    assert zh.select_one(".related h2").get_text() == "相关阅读"
    assert en.select(".related") == []  # its only tag-mates are its previous and next
    assert page_soup(site, "/en/stories/a-pier/").select_one(".related h2").get_text() == "Related publications"
    assert page_soup(site, "/magazine/studio/").select_one("nav.neighbours")["aria-label"] == "本期其他文章"


def test_related_items_name_their_kind_and_localised_date(site):
    zh = page_soup(site, "/stories/a-pier/").select(".related__item")[2]
    en = page_soup(site, "/en/stories/a-pier/").select(".related__item")[1]
    assert zh.select_one(".related__meta").get_text(" ", strip=True) == "工作报告 · 2023年2月14日"
    assert en.select_one(".related__meta").get_text(" ", strip=True) == "Work report · 14 February 2023"
    assert en.select_one("time")["datetime"] == "2023-02-14"


def test_untranslated_notices_have_no_neighbours(site):
    notice = page_soup(site, "/en/stories/d-hills/")
    assert notice.select(".untranslated") and not notice.select("nav.neighbours, .related")


def test_every_neighbour_link_leads_to_a_page(site):
    pages = [BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser") for path in site.rglob("*.html")]
    hrefs = {a["href"] for page in pages for a in page.select("nav.neighbours a, .related__item a")}
    assert len(hrefs) > 10
    assert all(file_for(site, href).is_file() for href in hrefs)
