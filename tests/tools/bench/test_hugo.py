"""The Hugo comparison: the archive as a multilingual Hugo site, measured when hugo is installed
and reported as not measured, with the way to install it, when it is not. CI installs no Hugo,
so the tests that build with Hugo assert whichever of the two this machine gives."""

import re
import shutil
import subprocess

import pytest

from tools.bench import synthetic
from tools.bench.hugo import (
    NOT_INSTALLED,
    hugo_command,
    measure_hugo,
    page_paths,
    write_hugo_site,
)

HUGO = shutil.which("hugo")


@pytest.fixture(scope="module")
def archive_and_content(tmp_path_factory):
    content = tmp_path_factory.mktemp("bench") / "content"
    return synthetic.generate(content, 20, pages_from=None), content


def front_matter(path):
    return dict(re.findall(r"^(\w+): (.*)$", path.read_text(encoding="utf-8").split("---\n")[1], re.MULTILINE))


@pytest.mark.parametrize("hugo", [None, ""])
def test_without_hugo_nothing_is_measured_and_the_note_says_how_to_install_it(archive_and_content, tmp_path, hugo):
    archive, content = archive_and_content
    figures = measure_hugo(hugo, archive, content, tmp_path, runs=1)
    assert figures == {"hugo_s": None, "hugo_cpu_s": None, "hugo_rss_mb": None, "hugo_note": NOT_INSTALLED}
    assert "apt-get install hugo" in NOT_INSTALLED
    assert list(tmp_path.iterdir()) == []


def test_the_hugo_site_has_a_content_folder_per_language_with_translations_paired(archive_and_content, tmp_path):
    archive, content = archive_and_content
    write_hugo_site(archive, content, tmp_path / "site")
    config = (tmp_path / "site" / "config.toml").read_text(encoding="utf-8")
    assert 'contentDir = "content/zh"' in config and 'contentDir = "content/en"' in config
    assert 'defaultContentLanguage = "zh"' in config
    for publication in archive.publications:
        zh, en = (tmp_path / "site" / "content" / lang / publication.folder / f"{publication.stem}.md"
                  for lang in ("zh", "en"))
        zh_meta, en_meta = front_matter(zh), front_matter(en)
        assert zh_meta["translationKey"] == en_meta["translationKey"]
        assert zh_meta["slug"] == en_meta["slug"]
        assert zh_meta["title"] != en_meta["title"]
    keys = [front_matter(path)["translationKey"] for path in (tmp_path / "site" / "content" / "zh").rglob("*.md")]
    assert len(keys) == len(set(keys)) == archive.pairs
    assert "{static}" not in "".join(path.read_text(encoding="utf-8")
                                     for path in (tmp_path / "site" / "content").rglob("*.md"))


def test_hugo_builds_every_page_in_both_languages_and_links_each_to_its_translation(archive_and_content, tmp_path):
    archive, content = archive_and_content
    figures = measure_hugo(HUGO, archive, content, tmp_path / "measured", runs=1)
    if HUGO is None:
        assert figures["hugo_s"] is None and figures["hugo_note"] == NOT_INSTALLED
        return
    assert "hugo_note" not in figures, figures
    assert figures["hugo_s"] > 0 and figures["hugo_cpu_s"] > 0 and figures["hugo_rss_mb"] > 1
    assert figures["hugo_version"].startswith("v")
    site, output = tmp_path / "site", tmp_path / "output"
    write_hugo_site(archive, content, site)
    subprocess.run(hugo_command(HUGO, site, output), check=True, capture_output=True)
    assert all((output / path).is_file() for path in page_paths(archive))
    story = archive.first("story")
    zh = (output / story.folder / story.stem / "index.html").read_text(encoding="utf-8")
    en = (output / "en" / story.folder / story.stem / "index.html").read_text(encoding="utf-8")
    assert '<html lang="zh">' in zh and '<html lang="en">' in en
    assert f'href="/en/{story.folder}/{story.stem}/" hreflang="en"' in zh
    assert f'href="/{story.folder}/{story.stem}/" hreflang="zh"' in en
