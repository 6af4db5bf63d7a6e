"""PUBLICATIONS_* settings: defaults, and messages that name the key to fix."""

import pytest
from pelican.settings import read_settings
from publications.settings import PublicationsSettingsError, read_options

REAL = read_settings("pelicanconf.py")


def test_the_real_settings_are_valid():
    options = read_options(REAL)
    assert options.origin == REAL["SITE_ORIGIN"].rstrip("/")
    assert options.languages == ("zh", "en")
    assert list(options.columns) == list(REAL["MAGAZINE_COLUMNS"])
    assert options.summary["zh"].unit == "characters" and options.summary["en"].unit == "words"
    assert options.image_widths == (480, 960, 1600)
    assert options.thumbnail_sizes == "6rem"
    assert options.related_limit == 3


@pytest.mark.parametrize(
    ("override", "key"),
    [
        ({"SITE_ORIGIN": "", "SITEURL": ""}, "SITE_ORIGIN"),
        ({"SITE_ORIGIN": "example.org"}, "SITE_ORIGIN"),
        ({"MAGAZINE_COLUMNS": {"history": {"zh": "文史天地"}}}, "MAGAZINE_COLUMNS['history']"),
        ({"PUBLICATIONS_SUMMARY": {"zh": ("characters", 120)}}, "PUBLICATIONS_SUMMARY"),
        ({"PUBLICATIONS_SUMMARY": {"zh": ("bytes", 120), "en": ("words", 50)}}, "PUBLICATIONS_SUMMARY['zh']"),
        ({"PUBLICATIONS_CITATION_STYLES": {"zh": "apa", "en": "chicago"}}, "PUBLICATIONS_CITATION_STYLES['zh']"),
        ({"PUBLICATIONS_IMAGE_WIDTHS": "480"}, "PUBLICATIONS_IMAGE_WIDTHS"),
        ({"PUBLICATIONS_IMAGE_WIDTHS": [0, 960]}, "PUBLICATIONS_IMAGE_WIDTHS"),
        ({"PUBLICATIONS_IMAGE_QUALITY": {"WEBP": 120}}, "PUBLICATIONS_IMAGE_QUALITY"),
        ({"PUBLICATIONS_IMAGE_FOLDER": "../elsewhere"}, "PUBLICATIONS_IMAGE_FOLDER"),
        ({"PUBLICATIONS_PUBLISHER": {"zh": "政协"}}, "PUBLICATIONS_PUBLISHER"),
        ({"PUBLICATIONS_RELATED_LIMIT": -1}, "PUBLICATIONS_RELATED_LIMIT"),
        ({"PUBLICATIONS_RELATED_LIMIT": "3"}, "PUBLICATIONS_RELATED_LIMIT"),
    ],
)
def test_a_bad_setting_is_named(override, key):
    with pytest.raises(PublicationsSettingsError) as error:
        read_options({**REAL, **override})
    assert key in str(error.value)


def test_the_image_cache_can_be_switched_off_and_lives_under_cache_path_by_default():
    assert read_options({**REAL, "PUBLICATIONS_IMAGE_CACHE": False}).image_cache is None
    assert read_options(REAL).image_cache.endswith("cache/responsive-images")
