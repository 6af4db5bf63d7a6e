"""Tags across languages: which tag pages are the same subject (and so switch to each other,
with hreflang alternates), which fall back to the other language's tag index, and the order
of each language's tag index. Pure rules first, then a fixture site built with real Pelican."""

import xml.etree.ElementTree as ET

import pytest
from bilingual.settings import BilingualSettingsError, read_languages
from bilingual.tags import alphabetical, pair_tags, pinyin
from sitebuild import (
    BASE,
    STORY_EN_ONLY,
    STORY_ZH_ONLY,
    alternates,
    build_fixture_site,
    page_soup,
    site_path,
    switcher,
)

import pelicanconf


def with_languages():
    """The real language settings, as a copy to change."""
    configured = {code: dict(options) for code, options in pelicanconf.BILINGUAL_LANGUAGES.items()}
    return {"DEFAULT_LANG": pelicanconf.DEFAULT_LANG, "BILINGUAL_LANGUAGES": configured}

# pair_tags -----------------------------------------------------------------------------------


def test_tags_carried_by_the_same_publications_pair_up():
    zh = {"协商民主": {"a": 0, "b": 1}, "文史": {"c": 0}}
    en = {"consultative democracy": {"a": 0, "b": 1}, "history": {"c": 0}}
    assert pair_tags(zh, en) == {"协商民主": "consultative democracy", "文史": "history"}


def test_the_only_tag_of_those_publications_pairs_whatever_its_place():
    assert pair_tags({"文史": {"c": (2, 3)}}, {"history": {"c": (0, 1)}}) == {"文史": "history"}


def test_a_tag_left_off_one_translation_pairs_with_nothing():
    zh = {"乡村振兴": {"a": 0, "b": 0}}
    en = {"rural revitalisation": {"a": 0}, "culture": {"b": 0}}
    assert pair_tags(zh, en) == {}


def test_tags_of_the_same_publications_are_told_apart_by_their_place():
    zh = {"协商驿站": {"a": (0, 2)}, "乡村振兴": {"a": (1, 2)}}
    en = {"rural revitalisation": {"a": (1, 2)}, "consultation stations": {"a": (0, 2)}}
    assert pair_tags(zh, en) == {"协商驿站": "consultation stations", "乡村振兴": "rural revitalisation"}


def test_places_that_do_not_tell_tags_apart_pair_nothing():
    # one more English tag than Chinese ones: the third has no partner, and none is guessed
    zh = {"协商驿站": {"a": 0}, "乡村振兴": {"a": 1}}
    en = {"consultation stations": {"a": 0}, "rural revitalisation": {"a": 1}, "villages": {"a": 1}}
    assert pair_tags(zh, en) == {"协商驿站": "consultation stations"}


def test_a_tag_only_on_publications_without_translation_pairs_with_nothing():
    assert pair_tags({"文史": {}}, {"history": {}}) == {}


def test_the_pairing_is_the_same_seen_from_either_language():
    zh = {"协商驿站": {"a": 0}, "乡村振兴": {"a": 1}, "文史": {"b": 0, "c": 2}, "海岛": {"b": 1}}
    en = {"consultation stations": {"a": 0}, "rural revitalisation": {"a": 1}, "history": {"b": 0, "c": 2},
          "islands": {"b": 3}}
    forth, back = pair_tags(zh, en), pair_tags(en, zh)
    assert back == {theirs: own for own, theirs in forth.items()}
    assert forth == {"协商驿站": "consultation stations", "乡村振兴": "rural revitalisation", "文史": "history",
                     "海岛": "islands"}


# collations -----------------------------------------------------------------------------------


def test_chinese_sorts_by_pinyin_syllable_then_tone():
    names = ["乡村振兴", "共同富裕", "养老服务", "协商驿站", "工作报告", "文史", "协商民主", "协商"]
    assert sorted(names, key=pinyin) == [
        "工作报告",  # gong1
        "共同富裕",  # gong4
        "文史",  # wen2
        "乡村振兴",  # xiang1
        "协商",  # xie2 shang1, a prefix first
        "协商民主",  # … min2
        "协商驿站",  # … yi4
        "养老服务",  # yang3
    ]


def test_latin_letters_in_a_chinese_tag_sort_regardless_of_case():
    assert sorted(["g20峰会", "APEC会议", "海岛"], key=pinyin) == ["APEC会议", "g20峰会", "海岛"]


def test_english_sorts_regardless_of_case():
    names = ["work report", "Consultation stations", "common prosperity", "Rural revitalisation"]
    assert sorted(names, key=alphabetical) == [
        "common prosperity", "Consultation stations", "Rural revitalisation", "work report",
    ]


def test_chinese_defaults_to_pinyin_and_other_languages_to_alphabetical():
    languages = read_languages(with_languages())
    assert [(language.code, language.collation) for language in languages] == [("zh", "pinyin"), ("en", "alphabetical")]


def test_a_language_can_choose_its_collation():
    settings = with_languages()
    settings["BILINGUAL_LANGUAGES"]["zh"]["collation"] = "alphabetical"
    assert read_languages(settings)[0].collation == "alphabetical"


def test_an_unknown_collation_names_the_setting_and_the_choices():
    settings = with_languages()
    settings["BILINGUAL_LANGUAGES"]["en"]["collation"] = "stroke"
    with pytest.raises(BilingualSettingsError, match=r"\['en'\]\['collation'\] is 'stroke', not one of alphabetical, pinyin"):
        read_languages(settings)


# a fixture site -------------------------------------------------------------------------------


def story(slug: str, lang: str, title: str, tags: str) -> str:
    translation = "Translation: true\n" if lang == "en" else ""
    return (
        f"Title: {title}\nDate: 2023-04-18\nKind: story\nLang: {lang}\nSlug: {slug}\n{translation}"
        f"Tags: {tags}\n\n## {'一、开头' if lang == 'zh' else '1. Opening'}\n\n{title}.\n"
    )


TAGGED = {
    **BASE,  # the report: 工作报告 ↔ work report
    # three tags of one story only, told apart by their places; Rural revitalisation has no
    # Chinese counterpart, as 乡村振兴 is on the other story too
    "stories/pier.zh.md": story("pier", "zh", "老码头", "协商驿站, 乡村振兴, 共同富裕"),
    "stories/pier.en.md": story("pier", "en", "The old pier", "Consultation stations, Rural revitalisation, common prosperity"),
    # the translation left 乡村振兴 out: the other tags are no longer in their places
    "stories/street.zh.md": story("street", "zh", "老街", "乡村振兴, 文史, 养老服务"),
    "stories/street.en.md": story("street", "en", "The old street", "Cultural history, Elderly care"),
    "stories/chinese-only.zh.md": STORY_ZH_ONLY,  # 文史, on a story without translation
    "stories/english-only.en.md": STORY_EN_ONLY,  # history, on a story without translation
}


@pytest.fixture(scope="module")
def tagged_site(tmp_path_factory):
    return build_fixture_site(tmp_path_factory.mktemp("tagged"), TAGGED)


def hreflangs(soup) -> dict[str, str]:
    return {hreflang: site_path(href) for hreflang, href in alternates(soup).items()}


def sitemap_alternates(output) -> dict[str, dict[str, str]]:
    sitemap, xhtml = "{http://www.sitemaps.org/schemas/sitemap/0.9}", "{http://www.w3.org/1999/xhtml}"
    root = ET.parse(output / "sitemap.xml").getroot()
    return {
        site_path(url.findtext(f"{sitemap}loc")): {
            link.get("hreflang"): site_path(link.get("href")) for link in url.iter(f"{xhtml}link")
        }
        for url in root.iter(f"{sitemap}url")
    }


PAIRED = [
    ("/tags/协商驿站/", "/en/tags/consultation-stations/"),
    ("/tags/共同富裕/", "/en/tags/common-prosperity/"),
    ("/tags/工作报告/", "/en/tags/work-report/"),
]


@pytest.mark.parametrize(("zh", "en"), PAIRED)
def test_a_tag_switches_to_the_same_subject_in_the_other_language_and_back(tagged_site, zh, en):
    zh_page, en_page = page_soup(tagged_site, zh), page_soup(tagged_site, en)
    assert switcher(zh_page) == {"en": en}
    assert switcher(en_page) == {"zh-CN": zh}
    assert zh_page.select_one("nav.language-switcher a[data-untranslated]") is None
    expected = {"zh-CN": zh, "en": en, "x-default": zh}
    assert hreflangs(zh_page) == hreflangs(en_page) == expected
    sitemap = sitemap_alternates(tagged_site)
    assert sitemap[zh] == sitemap[en] == expected


@pytest.mark.parametrize(
    ("url", "index", "own"),
    [
        ("/tags/乡村振兴/", "/en/tags/", {"zh-CN", "x-default"}),  # on both stories, in English on one
        ("/tags/文史/", "/en/tags/", {"zh-CN", "x-default"}),  # its translation's line lost a tag
        ("/tags/养老服务/", "/en/tags/", {"zh-CN", "x-default"}),
        ("/en/tags/rural-revitalisation/", "/tags/", {"en"}),
        ("/en/tags/elderly-care/", "/tags/", {"en"}),
        ("/en/tags/history/", "/tags/", {"en"}),  # only on an English original
    ],
)
def test_a_tag_without_counterpart_falls_back_to_the_tag_index_and_claims_no_alternate(
    tagged_site, url, index, own
):
    page = page_soup(tagged_site, url)
    (target,) = switcher(page).values()
    assert target == index
    assert set(hreflangs(page)) == own and url in hreflangs(page).values()
    assert set(sitemap_alternates(tagged_site)[url]) == own


def tag_names(output, url) -> list[str]:
    return [a.get_text(strip=True) for a in page_soup(output, url).select("main .tag-cloud a")]


def test_the_chinese_tag_index_is_in_pinyin_order(tagged_site):
    assert tag_names(tagged_site, "/tags/") == ["工作报告", "共同富裕", "文史", "乡村振兴", "协商驿站", "养老服务"]


def test_the_english_tag_index_is_alphabetical_regardless_of_case(tagged_site):
    assert tag_names(tagged_site, "/en/tags/") == [
        "common prosperity", "Consultation stations", "Cultural history", "Elderly care", "history",
        "Rural revitalisation", "work report",
    ]


def test_the_tag_index_links_each_tag_page(tagged_site):
    links = [site_path(a["href"]) for a in page_soup(tagged_site, "/en/tags/").select("main .tag-cloud a")]
    assert links[:2] == ["/en/tags/common-prosperity/", "/en/tags/consultation-stations/"]


def test_every_tag_of_the_sample_content_switches_to_its_counterpart(site_pages):
    """The sample is what editors copy: its Tags lines are translated tag by tag, in order."""
    tag_pages = {
        url: soup for url, soup in site_pages.items()
        if url.removeprefix("/en").startswith("/tags/") and url.removeprefix("/en") != "/tags/"
    }
    assert len(tag_pages) > 20
    unpaired = {}
    for url, soup in tag_pages.items():
        (target,) = switcher(soup).values()
        back = switcher(site_pages[target]).get("en" if url.startswith("/en/") else "zh-CN")
        if target in ("/tags/", "/en/tags/") or back != url:
            unpaired[url] = target
    assert not unpaired, unpaired
