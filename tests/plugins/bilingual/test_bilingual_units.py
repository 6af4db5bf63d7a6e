"""Unit tests of the bilingual plugin's pure parts: versions, sitemap and settings."""

import xml.etree.ElementTree as ET

import pytest
from bilingual.settings import BilingualSettingsError, language_map, read_languages
from bilingual.sitemap import SitemapEntry, absolute, sitemap_xml
from bilingual.versions import swap_prefix, versions_of
from pelican.settings import read_settings

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"

CONFIG = {
    "DEFAULT_LANG": "zh",
    "BILINGUAL_LANGUAGES": {
        "en": {"html_lang": "en", "locale": "en_GB", "prefix": "en/", "og_locale": "en_GB",
               "sitename": "Site", "name": "English"},
        "zh": {"html_lang": "zh-CN", "locale": "zh_Hans_CN", "prefix": "", "og_locale": "zh_CN",
               "sitename": "站点", "name": "中文"},
    },
}


@pytest.fixture(scope="module")
def languages():
    return read_languages(CONFIG)


@pytest.fixture(scope="module")
def zh(languages):
    return languages[0]


@pytest.fixture(scope="module")
def en(languages):
    return languages[1]


# settings --------------------------------------------------------------------------------


def test_the_default_language_comes_first(languages):
    assert [language.code for language in languages] == ["zh", "en"]
    assert languages[0].prefix == "" and languages[1].prefix == "en/"
    assert language_map(CONFIG)["en"].html_lang == "en"


def test_the_real_settings_read(tmp_path):
    settings = read_settings("pelicanconf.py")
    languages = read_languages(settings)
    assert [(lang.code, lang.html_lang, lang.prefix) for lang in languages] == [("zh", "zh-CN", ""), ("en", "en", "en/")]


def with_languages(**changes):
    configured = {code: dict(options) for code, options in CONFIG["BILINGUAL_LANGUAGES"].items()}
    return {**CONFIG, "BILINGUAL_LANGUAGES": configured, **changes}


def test_missing_languages_name_the_setting():
    with pytest.raises(BilingualSettingsError, match="BILINGUAL_LANGUAGES"):
        read_languages({"DEFAULT_LANG": "zh"})
    with pytest.raises(BilingualSettingsError, match="BILINGUAL_LANGUAGES"):
        read_languages({"DEFAULT_LANG": "zh", "BILINGUAL_LANGUAGES": {}})


def test_a_default_language_not_configured_names_it():
    with pytest.raises(BilingualSettingsError, match=r"DEFAULT_LANG 'fr'.*zh, en|DEFAULT_LANG 'fr'.*en, zh"):
        read_languages(with_languages(DEFAULT_LANG="fr"))


@pytest.mark.parametrize("key", ["html_lang", "locale", "prefix", "og_locale", "sitename", "name"])
def test_a_missing_language_option_names_the_language_and_the_key(key):
    settings = with_languages()
    del settings["BILINGUAL_LANGUAGES"]["en"][key]
    with pytest.raises(BilingualSettingsError) as failure:
        read_languages(settings)
    message = str(failure.value)
    assert "BILINGUAL_LANGUAGES['en']" in message and key in message


def test_the_default_language_must_live_at_the_root():
    settings = with_languages()
    settings["BILINGUAL_LANGUAGES"]["zh"]["prefix"] = "zh/"
    with pytest.raises(BilingualSettingsError, match=r"BILINGUAL_LANGUAGES\['zh'\]\['prefix'\]"):
        read_languages(settings)


def test_settings_errors_are_value_errors():
    assert issubclass(BilingualSettingsError, ValueError)


# versions --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "source", "target", "expected"),
    [
        ("reports/x/", "zh", "en", "en/reports/x/"),
        ("en/reports/x/", "en", "zh", "reports/x/"),
        ("", "zh", "en", "en/"),
        ("en/", "en", "zh", ""),
        ("tags/共同富裕/", "zh", "en", "en/tags/共同富裕/"),
        ("en/archives/", "en", "en", "en/archives/"),
        ("archives/", "zh", "zh", "archives/"),
    ],
)
def test_swap_prefix(languages, url, source, target, expected):
    by_code = {language.code: language for language in languages}
    assert swap_prefix(url, by_code[source], by_code[target]) == expected


def test_swap_prefix_only_strips_a_real_prefix(zh, en):
    # "english/…" starts with "en" but not with "en/"
    assert swap_prefix("english/x/", en, zh) == "english/x/"
    assert "/../" not in swap_prefix("en/x/", en, zh)


def test_versions_of_a_translated_page(languages, zh, en):
    versions = versions_of("reports/x/", "zh", {"en": "en/reports/x/"}, languages)
    assert [(v.language, v.url, v.available, v.current) for v in versions] == [
        (zh, "reports/x/", True, True),
        (en, "en/reports/x/", True, False),
    ]


def test_versions_of_an_english_page_list_the_original_first(languages, zh, en):
    versions = versions_of("en/stories/y/", "en", {"zh": "stories/y/"}, languages)
    assert [(v.language.code, v.url, v.available, v.current) for v in versions] == [
        ("zh", "stories/y/", True, False),
        ("en", "en/stories/y/", True, True),
    ]


def test_versions_of_an_untranslated_page_point_at_the_notice(languages):
    versions = versions_of("stories/z/", "zh", {}, languages)
    assert [(v.language.code, v.url, v.available, v.current) for v in versions] == [
        ("zh", "stories/z/", True, True),
        ("en", "en/stories/z/", False, False),
    ]
    versions = versions_of("en/stories/w/", "en", {}, languages)
    assert [(v.language.code, v.url, v.available) for v in versions] == [
        ("zh", "stories/w/", False),
        ("en", "en/stories/w/", True),
    ]


def test_versions_of_take_a_translation_at_another_address(languages):
    versions = versions_of("tags/共同富裕/", "zh", {"en": "en/tags/common-prosperity/"}, languages)
    assert versions[1].url == "en/tags/common-prosperity/" and versions[1].available


# sitemap ---------------------------------------------------------------------------------


def parse(xml: bytes):
    return ET.fromstring(xml)


def test_sitemap_xml_round_trips():
    entries = [
        SitemapEntry("en/reports/x/", (("zh-CN", "reports/x/"), ("en", "en/reports/x/"), ("x-default", "reports/x/")),
                     lastmod="2023-02-14"),
        SitemapEntry("reports/x/", (("zh-CN", "reports/x/"), ("en", "en/reports/x/"), ("x-default", "reports/x/")),
                     lastmod="2023-02-14"),
        SitemapEntry("", (("zh-CN", ""), ("en", "en/"), ("x-default", ""))),
    ]
    xml = sitemap_xml(entries, "https://example.org/")
    assert xml.startswith(b"<?xml version='1.0' encoding='utf-8'?>")
    root = parse(xml)
    assert root.tag == f"{SITEMAP}urlset"
    urls = root.findall(f"{SITEMAP}url")
    assert [u.findtext(f"{SITEMAP}loc") for u in urls] == [
        "https://example.org/", "https://example.org/en/reports/x/", "https://example.org/reports/x/",
    ]
    assert urls[0].find(f"{SITEMAP}lastmod") is None
    assert urls[2].findtext(f"{SITEMAP}lastmod") == "2023-02-14"
    links = urls[2].findall(f"{XHTML}link")
    assert [(link.get("rel"), link.get("hreflang"), link.get("href")) for link in links] == [
        ("alternate", "zh-CN", "https://example.org/reports/x/"),
        ("alternate", "en", "https://example.org/en/reports/x/"),
        ("alternate", "x-default", "https://example.org/reports/x/"),
    ]
    assert all(link.get("ref") is None for link in root.iter(f"{XHTML}link"))
    assert b'xmlns:xhtml="http://www.w3.org/1999/xhtml"' in xml


def test_sitemap_escapes_and_keeps_unicode_urls():
    xml = sitemap_xml([SitemapEntry("tags/共同富裕/", (("zh-CN", "tags/共同富裕/"),)),
                       SitemapEntry("a&b/", (("en", "a&b/"),))], "http://127.0.0.1:8000")
    root = parse(xml)
    assert [u.findtext(f"{SITEMAP}loc") for u in root.iter(f"{SITEMAP}url")] == [
        "http://127.0.0.1:8000/a&b/", "http://127.0.0.1:8000/tags/共同富裕/",
    ]


def test_an_empty_sitemap_is_still_a_urlset():
    root = parse(sitemap_xml([], "http://127.0.0.1:8000"))
    assert root.tag == f"{SITEMAP}urlset" and not list(root)


@pytest.mark.parametrize(
    ("origin", "url", "expected"),
    [
        ("http://127.0.0.1:8000", "", "http://127.0.0.1:8000/"),
        ("http://127.0.0.1:8000/", "/en/", "http://127.0.0.1:8000/en/"),
        ("https://example.org", "sitemap.xml", "https://example.org/sitemap.xml"),
    ],
)
def test_absolute(origin, url, expected):
    assert absolute(origin, url) == expected
