"""Whole-site behaviour on small fixture sites built with real Pelican and the real settings:
bad input stops the build, names the file and leaves the previous output alone; and a Pelican
without our plugins, in the same process, is left alone by them."""

import re
import shutil
from pathlib import Path

import pytest
from pelican import Pelican
from pelican.settings import read_settings
from sitebuild import BASE, REPORT_EN, REPORT_ZH, build_fixture_site

from tools.build import BuildError

STORY_EN = """\
Title: A translated story
Date: 2023-04-18
Kind: story
Lang: en
Slug: lost-original
Translation: true

A translation whose original is missing.
"""

# (file, its text, a word the message must contain)
BAD = {
    "missing title": ("reports/work-report.zh.md", REPORT_ZH.replace("Title: 二〇二二年工作报告\n", ""), "Title"),
    "missing date": ("reports/work-report.zh.md", REPORT_ZH.replace("Date: 2023-02-14\n", ""), "Date"),
    "malformed date": ("reports/work-report.zh.md", REPORT_ZH.replace("Date: 2023-02-14", "Date: 2023-02-31"), "2023-02-31"),
    "unknown lang": ("reports/work-report.en.md", REPORT_EN.replace("Lang: en", "Lang: fr"), "fr"),
    "translation without original": ("stories/lost-original.en.md", STORY_EN, "original"),
}


def snapshot(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.mark.parametrize("case", BAD)
def test_bad_input_stops_the_build_naming_the_file_and_leaves_the_previous_output(untranslated_site, tmp_path, case):
    output = Path(shutil.copytree(untranslated_site, tmp_path / "output", symlinks=True))
    before = snapshot(output)
    assert "en/stories/chinese-only/index.html" in before
    relative, text, word = BAD[case]
    with pytest.raises(BuildError, match=re.escape(relative)) as failure:
        build_fixture_site(tmp_path, {**BASE, relative: text})
    assert word in str(failure.value)
    assert snapshot(output) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["content", "output"]  # no staging folder left


PLAIN_ARTICLE = """\
Title: Plain
Date: 2023-01-01
Lang: en
Slug: plain

A site that uses none of our plugins.
"""


def test_a_pelican_without_our_plugins_is_untouched_by_an_earlier_build_in_the_process(site, tmp_path):
    """Signals are process-global: after the real site was built in this process (the `site`
    fixture), a plain Pelican run (no plugins, Pelican's own theme) must not run our handlers."""
    content = tmp_path / "content"
    content.mkdir()
    (content / "plain.md").write_text(PLAIN_ARTICLE, encoding="utf-8")
    settings = read_settings(override={
        "PATH": str(content), "OUTPUT_PATH": str(tmp_path / "output"), "THEME": "simple", "PLUGINS": [],
        "TIMEZONE": "UTC", "SITEURL": "", "CACHE_CONTENT": False, "LOAD_CONTENT_CACHE": False,
        "FEED_ALL_ATOM": None, "CATEGORY_FEED_ATOM": None,
    })
    Pelican(settings).run()
    assert (tmp_path / "output/plain.html").is_file()
    assert not (tmp_path / "output/en").exists()
