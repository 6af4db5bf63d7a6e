"""The real built site: metadata for machines, responsive pictures, issues, citations."""

import json
import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from bs4 import BeautifulSoup
from pelican.settings import read_settings

ROOT = Path(__file__).resolve().parents[3]
SETTINGS = read_settings(str(ROOT / "pelicanconf.py"))
ORIGIN = SETTINGS["SITE_ORIGIN"].rstrip("/")
COLUMNS = list(SETTINGS["MAGAZINE_COLUMNS"])

REPORT = "reports/2022-standing-committee-work-report/"
STORIES = ["stories/morning-at-the-old-pier/", "stories/under-the-eaves-of-the-old-street/"]
ISSUE = "magazine/2023-1/"
ARTICLES = [
    "magazine/2023-1-fishing-village-station/",
    "magazine/2023-1-island-elderly-care/",
    "magazine/2023-1-members-studio-by-the-sea/",
    "magazine/2023-1-fishermen-work-songs/",
]
LANGS = {"": "zh-CN", "en/": "en"}


def both(paths):
    return [prefix + path for path in paths for prefix in LANGS]


def soup(site: Path, url: str) -> BeautifulSoup:
    return BeautifulSoup((site / url / "index.html").read_text(encoding="utf-8"), "html.parser")


def file_of(site: Path, url: str) -> Path:
    """The output file of an absolute or site-relative URL of this site (must exist)."""
    path = unquote(urlsplit(url.removeprefix(ORIGIN)).path)
    target = site / path.lstrip("/")
    if path.endswith("/"):
        target = target / "index.html"
    assert target.is_file(), f"{url} leads to nothing in the built site"
    return target


def graph(page: BeautifulSoup) -> dict[str, dict]:
    (script,) = page.select('script[type="application/ld+json"]')
    data = json.loads(script.string)
    assert data["@context"] == "https://schema.org"
    return {node["@type"]: node for node in data["@graph"]}


def meta(page: BeautifulSoup, key: str) -> list[str]:
    return [tag["content"] for tag in page.select(f'meta[name="{key}"], meta[property="{key}"]')]


# JSON-LD ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("url", both([REPORT, *STORIES, ISSUE, *ARTICLES]))
def test_json_ld_parses_and_describes_the_page(site, url):
    page = soup(site, url)
    nodes = graph(page)
    main = next(node for kind, node in nodes.items() if kind != "BreadcrumbList")
    assert main["url"] == main["@id"] == f"{ORIGIN}/{url}"
    assert main["inLanguage"] == page.html["lang"]
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", main["datePublished"])
    crumbs = nodes["BreadcrumbList"]["itemListElement"]
    assert [c["position"] for c in crumbs] == list(range(1, len(crumbs) + 1))
    assert crumbs[-1]["item"] == main["url"]
    for crumb in crumbs:
        file_of(site, crumb["item"])


@pytest.mark.parametrize("prefix", LANGS)
def test_the_report_is_a_report_with_its_body_and_year(site, prefix):
    report = graph(soup(site, prefix + REPORT))["Report"]
    assert report["author"][0]["@type"] == "Organization"
    assert report["temporalCoverage"] == "2022"
    assert "reportNumber" not in report  # the sample report has no Report_number


@pytest.mark.parametrize("url", both(ARTICLES))
def test_a_magazine_article_is_part_of_its_issue_of_the_periodical(site, url):
    article = graph(soup(site, url))["Article"]
    issue = article["isPartOf"]
    assert issue["@type"] == "PublicationIssue"
    assert issue["issueNumber"] == "1" and issue["datePublished"] == "2023-03-31"
    prefix = "en/" if url.startswith("en/") else ""
    assert issue["url"] == f"{ORIGIN}/{prefix}{ISSUE}"
    assert issue["isPartOf"]["@type"] == "Periodical"
    assert issue["isPartOf"]["name"] in ("定海政协", "Dinghai CPPCC")
    assert "issn" not in issue["isPartOf"]  # no Issn in the sample issue


@pytest.mark.parametrize("url", both(STORIES))
def test_a_story_is_an_article_with_its_photograph(site, url):
    story = graph(soup(site, url))["Article"]
    (image,) = story["image"]
    assert image["@type"] == "ImageObject" and image["width"] == 1600 and image["height"] == 1067
    assert image["description"] and image["caption"] and image["creditText"] and image["dateCreated"]
    file_of(site, image["contentUrl"])


@pytest.mark.parametrize("prefix", LANGS)
def test_the_issue_is_a_publication_issue_with_its_articles(site, prefix):
    issue = graph(soup(site, prefix + ISSUE))["PublicationIssue"]
    assert issue["issueNumber"] == "1" and issue["isPartOf"]["@type"] == "Periodical"
    assert [part["url"] for part in issue["hasPart"]] == [f"{ORIGIN}/{prefix}{a}" for a in ARTICLES]
    assert issue["image"][0]["width"] == 1200


@pytest.mark.parametrize("path", [REPORT, *STORIES, ISSUE, *ARTICLES])
def test_the_versions_point_at_each_other(site, path):
    original, translation = graph(soup(site, path)), graph(soup(site, "en/" + path))
    (zh,) = [n for k, n in original.items() if k != "BreadcrumbList"]
    (en,) = [n for k, n in translation.items() if k != "BreadcrumbList"]
    assert [t["url"] for t in zh["workTranslation"]] == [f"{ORIGIN}/en/{path}"]
    assert zh["workTranslation"][0]["inLanguage"] == "en"
    assert en["translationOfWork"]["url"] == f"{ORIGIN}/{path}"
    assert en["translationOfWork"]["inLanguage"] == "zh-CN"
    assert "translationOfWork" not in zh and "workTranslation" not in en


def test_pages_that_are_not_publications_carry_no_json_ld(site):
    for url in ["", "en/", "reports/", "en/magazine/", "about/"]:
        page = BeautifulSoup((site / url / "index.html").read_text(encoding="utf-8"), "html.parser")
        if url == "about/":
            assert "WebPage" in graph(page)
        else:
            assert not page.select('script[type="application/ld+json"]')
            assert meta(page, "og:url") == [f"{ORIGIN}/{url}"]


# Highwire Press, Open Graph, Twitter ----------------------------------------------------------------


@pytest.mark.parametrize("url", both([REPORT, *STORIES, *ARTICLES]))
def test_highwire_press_tags(site, url):
    page = soup(site, url)
    assert meta(page, "citation_title") == [page.h1.get_text(strip=True)]
    assert meta(page, "citation_author")
    assert all(re.fullmatch(r"\d{4}/\d{2}/\d{2}", d) for d in meta(page, "citation_publication_date"))
    assert meta(page, "citation_language") == ["en" if url.startswith("en/") else "zh"]
    magazine = "/magazine/" in "/" + url
    assert bool(meta(page, "citation_journal_title")) == magazine
    assert meta(page, "citation_issue") == (["1"] if magazine else [])
    assert meta(page, "citation_pdf_url") == []  # no Pdf in the sample content


def test_the_report_is_cited_with_its_issuing_body(site):
    assert meta(soup(site, REPORT), "citation_author") == ["政协舟山市定海区委员会常务委员会"]


@pytest.mark.parametrize("url", both([REPORT, *STORIES, ISSUE, *ARTICLES]))
def test_open_graph_and_twitter(site, url):
    page = soup(site, url)
    assert meta(page, "og:url") == [f"{ORIGIN}/{url}"]
    assert meta(page, "og:type") == ["article"]
    english = url.startswith("en/")
    assert meta(page, "og:locale") == ["en_GB" if english else "zh_CN"]
    assert meta(page, "og:locale:alternate") == ["zh_CN" if english else "en_GB"]
    images = meta(page, "og:image")
    if url.removeprefix("en/") == REPORT:
        assert images == [] and meta(page, "twitter:card") == ["summary"]
    else:
        (image,) = images
        file_of(site, image)
        assert meta(page, "twitter:card") == ["summary_large_image"]
        assert meta(page, "og:image:alt")


# responsive pictures ------------------------------------------------------------------------------


def srcset_urls(value: str) -> list[tuple[str, int]]:
    found = []
    for candidate in value.split(","):
        url, width = candidate.split()
        found.append((url, int(width.removesuffix("w"))))
    return found


@pytest.mark.parametrize("url", both(STORIES))
def test_every_img_in_a_story_has_alt_width_height_and_srcset(site, url):
    imgs = soup(site, url).select("main img")
    assert imgs
    for img in imgs:
        assert img.get("alt", "").strip()
        assert int(img["width"]) > 0 and int(img["height"]) > 0
        assert img["srcset"] and img["sizes"]
        assert img["decoding"] == "async"
        for candidate, width in srcset_urls(img["srcset"]):
            file_of(site, candidate)
            assert width <= int(img["width"])


@pytest.mark.parametrize("url", both(STORIES))
def test_pictures_offer_webp_and_open_the_full_image_without_script(site, url):
    page = soup(site, url)
    for picture in page.select("main figure.photo picture"):
        source = picture.select_one("source")
        assert source["type"] == "image/webp"
        webps = srcset_urls(source["srcset"])
        assert len(webps) >= 2
        for candidate, _ in webps:
            assert candidate.endswith(".webp")
            assert file_of(site, candidate).read_bytes()[8:12] == b"WEBP"
        link = picture.find_parent("a")
        assert link["href"] == picture.select_one("img")["src"]
        file_of(site, link["href"])
    assert not page.select("script[src^=http]")


def test_only_the_first_picture_of_a_page_is_eager(site):
    loading = [img.get("loading") for img in soup(site, STORIES[0]).select("main img")]
    assert loading[0] is None and all(value == "lazy" for value in loading[1:])


def test_the_issue_cover_is_responsive_and_eager(site):
    img = soup(site, ISSUE).select_one(".issue__cover img")
    assert img["alt"] and img["width"] == "1200" and img["height"] == "1600"
    assert img.get("loading") is None and img["srcset"]


@pytest.mark.parametrize("prefix", LANGS)
@pytest.mark.parametrize("listing", ["magazine/", ""])
def test_an_issue_in_a_listing_shows_its_cover_small_and_lazy(site, prefix, listing):
    cards = soup(site, prefix + listing).select(".card")
    (card,) = [c for c in cards if c.select_one(".card__title a")["href"] == f"/{prefix}{ISSUE}"]
    thumbnail = card.select_one("a.card__thumbnail")
    # A second way to the same page: out of the tab order and unread, the title link says it all.
    assert thumbnail["href"] == f"/{prefix}{ISSUE}"
    assert thumbnail["tabindex"] == "-1" and thumbnail["aria-hidden"] == "true"
    img = thumbnail.select_one("picture img")
    assert img["alt"] == "" and img["loading"] == "lazy" and img["sizes"] == "6rem"
    assert img["width"] == "1200" and img["height"] == "1600"
    for candidate in [img["src"], *(entry.split()[0] for entry in img["srcset"].split(","))]:
        file_of(site, candidate)
    assert not [c for c in cards if c is not card and c.select_one(".card__thumbnail")]


# magazine issues ------------------------------------------------------------------------------------


@pytest.mark.parametrize("prefix", LANGS)
def test_the_issue_lists_its_articles_by_column_in_the_set_order(site, prefix):
    page = soup(site, prefix + ISSUE)
    columns = page.select(".issue__column")
    keys = [column.h3["id"].removeprefix("column-") for column in columns]
    assert keys == [key for key in COLUMNS if key in keys] and len(keys) >= 2
    code = "en" if prefix else "zh"
    assert [c.h3.get_text(strip=True) for c in columns] == [SETTINGS["MAGAZINE_COLUMNS"][k][code] for k in keys]
    listed = [a["href"] for a in page.select(".issue__article h4 a")]
    assert listed == [f"/{prefix}{article}" for article in ARTICLES]
    for section_link in page.select(".issue__sections a"):
        target = file_of(site, section_link["href"])
        fragment = urlsplit(section_link["href"]).fragment
        assert BeautifulSoup(target.read_text(encoding="utf-8"), "html.parser").find(id=fragment)


@pytest.mark.parametrize("url", both(ARTICLES))
def test_every_magazine_article_links_back_to_its_issue_and_column(site, url):
    note = soup(site, url).select_one(".part-of-issue")
    issue_link, column_link = note.select("a")
    assert file_of(site, issue_link["href"]) == file_of(site, column_link["href"])
    column = urlsplit(column_link["href"]).fragment
    issue_page = BeautifulSoup(file_of(site, issue_link["href"]).read_text(encoding="utf-8"), "html.parser")
    heading = issue_page.find(id=column)
    assert heading.get_text(strip=True) == column_link.get_text(strip=True)
    assert f"/{url}" in [a["href"] for a in heading.find_parent("section").select("h4 a")]


@pytest.mark.parametrize("prefix", LANGS)
def test_the_magazine_listing_is_the_archive_of_issues_by_year(site, prefix):
    page = BeautifulSoup((site / prefix / "magazine" / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert [a["href"] for a in page.select("main section .card__title a")] == [f"/{prefix}{ISSUE}"]


# reports ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("prefix", LANGS)
def test_the_report_shows_year_body_session_and_source(site, prefix):
    page = soup(site, prefix + REPORT)
    details = {div.dt.get_text(strip=True): div.dd.get_text(strip=True) for div in page.select(".publication__details div")}
    assert "2022" in details.values()
    assert any(value.startswith(("报纸版面录入", "Transcribed")) for value in details.values())
    header = page.select_one(".publication__meta").get_text()
    assert ("七届二次会议" in header) if not prefix else ("Second Session of the 7th Committee" in header)


# cite this --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("url", both([REPORT, *STORIES, ISSUE, *ARTICLES]))
def test_every_publication_can_be_cited_with_its_address(site, url):
    cite = soup(site, url).select_one("details.cite")
    text = cite.select_one(".cite__text").get_text()
    assert f"{ORIGIN}/{url}" in text
    assert text.endswith(".")
    if url == "en/" + ISSUE:
        assert text.startswith("Dinghai CPPCC, no. 1 (2023). ")  # Chicago: a whole issue
    elif url.startswith("en/"):
        assert "“" in text  # Chicago: the title in quotation marks
    else:
        assert re.search(r"\[(R|J|EB)/OL\]", text)  # GB/T 7714: the document type


def test_summaries_are_whole_opening_sentences(site):
    page = BeautifulSoup((site / "index.html").read_text(encoding="utf-8"), "html.parser")
    summaries = [s.get_text(strip=True) for s in page.select(".card__summary")]
    assert summaries
    for summary in summaries:
        assert "<" not in summary and "…" not in summary
        assert summary[-1] in "。！？”"



# the report's summary: its editors' own, as its text begins mid-way -------------------------------------


def summary_line(lang: str) -> str:
    """The Summary of the report's content file (plain words: what every teaser must say)."""
    text = (ROOT / "content" / "reports" / f"2022-standing-committee-work-report.{lang}.md").read_text(encoding="utf-8")
    header = text.split("\n\n", 1)[0]
    assert "Begins_midway: true" in header.splitlines()
    (line,) = [line for line in header.splitlines() if line.startswith("Summary: ")]
    return line.removeprefix("Summary: ")


@pytest.mark.parametrize("prefix", LANGS)
def test_the_report_is_introduced_by_its_summary_not_its_mid_sentence_opening(site, prefix):
    expected = summary_line("en" if prefix else "zh")
    for listing in (prefix, prefix + "reports/"):
        cards = soup(site, listing).select(".card")
        (card,) = [c for c in cards if c.select_one(".card__title a")["href"] == f"/{prefix}{REPORT}"]
        assert card.select_one(".card__summary").get_text() == expected
    page = soup(site, prefix + REPORT)
    assert meta(page, "description") == meta(page, "og:description") == [expected]
    assert graph(page)["Report"]["description"] == expected


# photo captions --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("url", both(STORIES))
def test_a_photo_credit_stands_apart_from_the_date_of_the_photo(site, url):
    for figcaption in soup(site, url).select("main figure.photo figcaption"):
        credit, date = figcaption.select_one(".credit"), figcaption.select_one("time")
        assert figcaption.contents[-1] is credit
        bracketed = f"({date.get_text()})" if url.startswith("en/") else f"（{date.get_text()}）"
        assert bracketed in figcaption.get_text()
        assert not figcaption.get_text().endswith(date.get_text())
