"""Tiny sites built with real Pelican: issues and neighbours, missing alt text, the cite macro,
deterministic pictures."""

from io import BytesIO
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from pelican import signals
from pelican.settings import read_settings
from PIL import Image
from sitebuild import build_fixture_site, page_soup

from tools.build import BuildError

# Every plugin of the real site but strict, whose own alt check would come first.
WITHOUT_STRICT = [name for name in read_settings("pelicanconf.py")["PLUGINS"] if name != "strict"]


def issue(number: int, lang: str, date: str) -> str:
    title = f"《定海政协》2023年第{number}期" if lang == "zh" else f"Dinghai CPPCC, 2023 No. {number}"
    return f"""\
Title: {title}
Date: {date}
Kind: issue
Lang: {lang}
Slug: 2023-{number}
Periodical: {"定海政协" if lang == "zh" else "Dinghai CPPCC"}
Year: 2023
Number: {number}
Issn: 1234-5678
Cover: images/cover.png
Cover_alt: {"封面" if lang == "zh" else "Cover"}
{"Translation: true" if lang == "en" else ""}

{"编者按。" if lang == "zh" else "Editor’s note."}
"""


def article(slug: str, number: int, column: str, lang: str, title: str) -> str:
    return f"""\
Title: {title}
Date: 2023-0{number * 3}-29
Kind: article
Lang: {lang}
Slug: {slug}
Issue: 2023-{number}
Column: {column}
{"Translation: true" if lang == "en" else ""}

## {"一、开头" if lang == "zh" else "1. Opening"}

{"正文。" if lang == "zh" else "Text."}
"""


MAGAZINE = {
    **{f"magazine/2023-{n}/issue.{lang}.md": issue(n, lang, f"2023-0{n * 3}-30") for n in (1, 2) for lang in ("zh", "en")},
    # written in the reverse of the column order
    "magazine/2023-1/songs.zh.md": article("songs", 1, "history", "zh", "号子"),
    "magazine/2023-1/songs.en.md": article("songs", 1, "history", "en", "Songs"),
    "magazine/2023-1/studio.zh.md": article("studio", 1, "members", "zh", "工作室"),
    "magazine/2023-1/studio.en.md": article("studio", 1, "members", "en", "Studio"),
    "magazine/2023-1/station.zh.md": article("station", 1, "consultation", "zh", "驿站"),
    "magazine/2023-1/station.en.md": article("station", 1, "consultation", "en", "Station"),
    "magazine/2023-2/later.zh.md": article("later", 2, "history", "zh", "后来"),
}


def write_picture(tmp_path: Path, name: str, size=(900, 600), image_format="PNG") -> None:
    path = tmp_path / "content" / "images" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    buffer = BytesIO()
    Image.new("RGB", size, (30, 60, 90)).save(buffer, image_format)
    path.write_bytes(buffer.getvalue())


@pytest.fixture(scope="module")
def magazine_site(tmp_path_factory):
    tmp_path = tmp_path_factory.mktemp("magazine")
    write_picture(tmp_path, "cover.png", (600, 800))
    return build_fixture_site(tmp_path, MAGAZINE)


@pytest.mark.parametrize(("prefix", "names"), [("", ["协商议政", "委员风采", "文史天地"]),
                                                 ("en/", ["Consultation and Deliberation", "Members at Work", "History and Culture"])])
def test_an_issue_lists_its_articles_under_the_columns_in_order(magazine_site, prefix, names):
    page = page_soup(magazine_site, f"/{prefix}magazine/2023-1/")
    assert [h3.get_text(strip=True) for h3 in page.select(".issue__column h3")] == names
    assert [a["href"] for a in page.select(".issue__article h4 a")] == [
        f"/{prefix}magazine/station/", f"/{prefix}magazine/studio/", f"/{prefix}magazine/songs/"
    ]


def test_issues_link_to_their_neighbours_in_their_own_language(magazine_site):
    first, second = page_soup(magazine_site, "/magazine/2023-1/"), page_soup(magazine_site, "/magazine/2023-2/")
    assert first.select_one("a[rel=next]")["href"] == "/magazine/2023-2/" and not first.select("a[rel=prev]")
    assert second.select_one("a[rel=prev]")["href"] == "/magazine/2023-1/" and not second.select("a[rel=next]")
    english = page_soup(magazine_site, "/en/magazine/2023-2/")
    assert english.select_one("a[rel=prev]")["href"] == "/en/magazine/2023-1/"
    assert english.select(".issue__article") == []  # "later" has no English version


def test_the_issn_reaches_json_ld_and_highwire(magazine_site):
    import json

    page = page_soup(magazine_site, "/magazine/station/")
    data = json.loads(page.select_one('script[type="application/ld+json"]').string)
    assert data["@graph"][0]["isPartOf"]["isPartOf"] == {"@type": "Periodical", "name": "定海政协", "issn": "1234-5678"}
    assert page.select_one('meta[name="citation_issn"]')["content"] == "1234-5678"


def test_a_png_cover_gets_webp_and_png_variants(magazine_site):
    img = page_soup(magazine_site, "/magazine/2023-1/").select_one(".issue__cover img")
    assert (img["width"], img["height"]) == ("600", "800")
    assert all(url.split()[0].endswith(".png") for url in img["srcset"].split(","))
    assert sorted(p.suffix for p in (magazine_site / "images" / "responsive").iterdir()) == [".png", ".webp", ".webp"]


# missing alt text --------------------------------------------------------------------------------

STORY_WITHOUT_ALT = """\
Title: 老码头
Date: 2023-04-18
Kind: story
Lang: zh
Slug: pier

第一段。

<figure class="photo">
<img src="{static}/images/pier.jpg">
<figcaption>老码头。</figcaption>
</figure>
"""


@pytest.mark.parametrize("plugins", [None, WITHOUT_STRICT], ids=["strict-first", "publications-alone"])
def test_a_picture_without_alt_text_fails_the_build_naming_the_file(tmp_path, plugins):
    write_picture(tmp_path, "pier.jpg", image_format="JPEG")
    overrides = {"PLUGINS": plugins} if plugins else {}
    with pytest.raises(BuildError) as error:
        build_fixture_site(tmp_path, {"stories/pier.zh.md": STORY_WITHOUT_ALT}, **overrides)
    message = str(error.value)
    assert "stories/pier.zh.md" in message
    assert "alt" in message and "images/pier.jpg" in message
    assert not (tmp_path / "output").exists()


def test_a_markdown_image_becomes_a_picture_too(tmp_path):
    write_picture(tmp_path, "pier.jpg", size=(2000, 1000), image_format="JPEG")
    text = STORY_WITHOUT_ALT.replace(
        '<figure class="photo">\n<img src="{static}/images/pier.jpg">\n<figcaption>老码头。</figcaption>\n</figure>',
        "![清晨的老码头]({static}/images/pier.jpg)",
    )
    output = build_fixture_site(tmp_path, {"stories/pier.zh.md": text})
    img = page_soup(output, "/stories/pier/").select_one("main picture img")
    assert (img["alt"], img["width"], img["height"]) == ("清晨的老码头", "2000", "1000")
    assert [c.split()[1] for c in img["srcset"].split(", ")] == ["480w", "960w", "1600w"]


# deterministic pictures ---------------------------------------------------------------------------


def test_two_builds_write_the_same_picture_bytes(tmp_path):
    files = {"stories/pier.zh.md": STORY_WITHOUT_ALT.replace("pier.jpg\">", "pier.jpg\" alt=\"老码头\">")}
    write_picture(tmp_path / "a", "pier.jpg", image_format="JPEG")
    write_picture(tmp_path / "b", "pier.jpg", image_format="JPEG")
    first = build_fixture_site(tmp_path / "a", files, PUBLICATIONS_IMAGE_CACHE=False)
    second = build_fixture_site(tmp_path / "b", files, PUBLICATIONS_IMAGE_CACHE=False)

    def pictures(root):
        return {p.relative_to(root).as_posix(): p.read_bytes() for p in (root / "images" / "responsive").rglob("*")}

    assert pictures(first) == pictures(second) and len(pictures(first)) == 3  # webp 480 and 900, jpeg 480


# the cite macro with a section ---------------------------------------------------------------------

REPORT = """\
Title: 工作报告
Date: 2023-02-14
Kind: report
Lang: zh
Slug: report
Year: 2022
Body: 政协舟山市定海区委员会常务委员会
Session: 七届二次会议
Source: 报纸版面录入

## 一、开头

**在助推产业发展上积极献计。**正文。
"""


def test_the_cite_macro_gives_a_section_its_deep_link(tmp_path):
    captured = {}

    def capture(generators):
        captured["generators"] = generators

    signals.all_generators_finalized.connect(capture)
    try:
        build_fixture_site(tmp_path, {"reports/report.zh.md": REPORT})
    finally:
        signals.all_generators_finalized.disconnect(capture)
    articles = next(g for g in captured["generators"] if hasattr(g, "articles") and g.articles)
    report = articles.articles[0]
    section = report.sections[0].children[0]
    cite = articles.env.get_template("macros/cite.html").module.cite
    text = str(cite(report, section))
    assert text.endswith(f"/reports/report/#{section.id}.")
    assert text.startswith("政协舟山市定海区委员会常务委员会. 在助推产业发展上积极献计[R/OL]//")
    assert "http://127.0.0.1:8000/reports/report/#" in text
    assert str(cite(report)).endswith("http://127.0.0.1:8000/reports/report/.")
    page = BeautifulSoup((tmp_path / "output" / "reports" / "report" / "index.html").read_text(), "html.parser")
    assert page.select_one(".cite__text").get_text() == str(cite(report))
