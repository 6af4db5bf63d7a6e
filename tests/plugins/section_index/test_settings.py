"""SECTION_INDEX_* settings: defaults, and a message naming the key for every value it cannot use."""

import pytest
from section_index.settings import (
    SectionIndexSettings,
    SectionIndexSettingsError,
    read_settings,
)


def test_defaults():
    assert read_settings({}) == SectionIndexSettings(
        index_url="sections/", json_name="sections.json", parallel_url="parallel/", alignment="error", background=True
    )


def test_every_setting_is_read():
    chosen = read_settings({
        "SECTION_INDEX_URL": "parts/", "SECTION_INDEX_JSON": "parts.json", "SECTION_INDEX_PARALLEL_URL": "side-by-side/",
        "SECTION_INDEX_ALIGNMENT": "warning", "SECTION_INDEX_BACKGROUND": False,
    })
    assert chosen == SectionIndexSettings("parts/", "parts.json", "side-by-side/", "warning", False)


@pytest.mark.parametrize(("key", "value", "message"), [
    ("SECTION_INDEX_ALIGNMENT", "strict", "SECTION_INDEX_ALIGNMENT must be one of error, warning, not 'strict'"),
    ("SECTION_INDEX_BACKGROUND", "yes", "SECTION_INDEX_BACKGROUND must be True or False, not 'yes'"),
    ("SECTION_INDEX_URL", "/sections/", "SECTION_INDEX_URL must be relative and end with '/', not '/sections/'"),
    ("SECTION_INDEX_PARALLEL_URL", "parallel", "SECTION_INDEX_PARALLEL_URL must be relative and end with '/'"),
])
def test_a_value_the_plugin_cannot_use_is_named_with_its_key(key, value, message):
    with pytest.raises(SectionIndexSettingsError, match=message.replace("(", r"\(")):
        read_settings({key: value})
