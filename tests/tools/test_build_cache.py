"""tools/build.py --content-cache (what make serve rebuilds with): the same site as a build
from scratch, edits show at once, and a cache made under other settings or plugins is dropped."""

import os
import shutil
from pathlib import Path

import pytest
from sitebuild import BASE, FIXTURE_SETTINGS, SETTINGS, write_content
from test_build import differences, snapshot

from tools.build import CACHE_KEY_FILE, build, content_cache_key, use_content_cache


def build_site(root: Path, output: Path, content_cache: bool) -> Path:
    settings = {**FIXTURE_SETTINGS, "PATH": str(root / "content"), "CACHE_PATH": str(root / "cache")}
    return build(SETTINGS, output, overrides=settings, content_cache=content_cache)


@pytest.fixture
def site(tmp_path):
    content = write_content(tmp_path, BASE)
    (content / "images").mkdir(exist_ok=True)
    return tmp_path


def readers_caches(root: Path) -> list[str]:
    return sorted(path.name for path in (root / "cache").glob("*-Readers"))


def test_a_cached_rebuild_after_an_edit_equals_a_build_from_scratch(site):
    build_site(site, site / "cached", content_cache=True)
    assert readers_caches(site) == ["ArticlesGenerator-Readers", "PagesGenerator-Readers"]
    report = site / "content" / "reports" / "work-report.zh.md"
    text = report.read_text(encoding="utf-8").replace("报告正文。", "报告正文，今天改过。")
    report.write_text(text, encoding="utf-8")
    stat = report.stat()
    os.utime(report, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))  # a save a second later
    build_site(site, site / "cached", content_cache=True)
    build_site(site, site / "fresh", content_cache=False)
    assert "报告正文，今天改过。" in (site / "cached" / "reports" / "work-report" / "index.html").read_text(encoding="utf-8")
    assert differences(snapshot(site / "cached"), snapshot(site / "fresh")) == []


def test_without_the_option_nothing_is_cached(site):
    build_site(site, site / "output", content_cache=False)
    assert readers_caches(site) == []


def test_a_cache_made_under_another_key_is_dropped_and_the_same_key_keeps_it(tmp_path):
    cache = tmp_path / "cache"
    cache.mkdir()
    (cache / "ArticlesGenerator-Readers").write_bytes(b"old")
    (cache / "responsive-images").mkdir()  # not the reader cache: kept
    settings = {"CACHE_PATH": str(cache), "CACHE_CONTENT": False, "LOAD_CONTENT_CACHE": False}
    use_content_cache(settings, "key-1")
    assert settings["CACHE_CONTENT"] is settings["LOAD_CONTENT_CACHE"] is True
    assert settings["CONTENT_CACHING_LAYER"] == "reader"
    assert not (cache / "ArticlesGenerator-Readers").exists() and (cache / "responsive-images").is_dir()
    assert (cache / CACHE_KEY_FILE).read_text(encoding="utf-8") == "key-1"
    (cache / "ArticlesGenerator-Readers").write_bytes(b"made under key-1")
    use_content_cache(dict(settings), "key-1")
    assert (cache / "ArticlesGenerator-Readers").read_bytes() == b"made under key-1"
    use_content_cache(dict(settings), "key-2")
    assert not (cache / "ArticlesGenerator-Readers").exists()


def test_the_cache_key_follows_the_settings_file(tmp_path):
    first, second = tmp_path / "a.py", tmp_path / "b.py"
    shutil.copy(SETTINGS, first)
    shutil.copy(SETTINGS, second)
    assert content_cache_key(str(first)) == content_cache_key(str(second)) == content_cache_key(SETTINGS)
    second.write_text(second.read_text(encoding="utf-8") + "\nTYPOGRIFY = False\n", encoding="utf-8")
    assert content_cache_key(str(second)) != content_cache_key(str(first))
