"""Bad bilingual content stops the build with a message naming the file, and leaves output/ alone."""

from pathlib import Path

import pytest
from bilingual_fixtures import BASE, REPORT_EN, REPORT_ZH, STORY_ZH_ONLY
from sitebuild import build_fixture_site

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

BAD = {
    "missing title": ("reports/report.zh.md", REPORT_ZH.replace("Title: 报告\n", ""), "Title"),
    "malformed date": ("reports/report.zh.md", REPORT_ZH.replace("Date: 2023-02-14", "Date: 2023-13-45"), "2023-13-45"),
    "unknown lang": ("reports/report.en.md", REPORT_EN.replace("Lang: en", "Lang: fr"), "fr"),
    "translation without original": ("stories/lost-original.en.md", STORY_EN, "original"),
}


def tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def bad_files(case: str) -> tuple[dict[str, str], str, str]:
    relative, text, word = BAD[case]
    return {**BASE, relative: text}, relative, word


@pytest.mark.parametrize("case", BAD)
def test_bad_input_fails_the_build_naming_the_file(tmp_path, case):
    files, relative, word = bad_files(case)
    with pytest.raises(BuildError) as failure:
        build_fixture_site(tmp_path, files)
    message = str(failure.value)
    assert relative in message, message
    assert word in message, message
    assert not (tmp_path / "output").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["content"]  # no staging folder left


@pytest.mark.parametrize("case", BAD)
def test_bad_input_leaves_the_previous_output_byte_identical(tmp_path, case):
    output = build_fixture_site(tmp_path, {**BASE, "stories/zh-only.zh.md": STORY_ZH_ONLY})
    assert output == (tmp_path / "output").resolve()
    before = tree(output)
    assert "en/stories/zh-only/index.html" in before

    files, relative, _ = bad_files(case)
    with pytest.raises(BuildError, match=relative.replace(".", r"\.")):
        build_fixture_site(tmp_path, files)
    assert tree(output) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["content", "output"]
