"""The search step in real builds: what Pagefind indexed, and how a failure fails the build."""

import gzip
import json
import os
import re
import stat

import pytest
from bs4 import BeautifulSoup
from search.bundle import index_words
from search.han_keys import han_key
from search.indexer import SearchIndexError, build_search_index
from search.settings import read_settings
from sitebuild import build_fixture_site

from tools.build import BuildError

REPORT = "/reports/2022-standing-committee-work-report/"


def fragments(site):
    found = {}
    for path in (site / "pagefind").glob("*/fragment/*.pf_fragment"):
        fragment = json.loads(gzip.decompress(path.read_bytes())[12:])
        found[fragment["url"]] = fragment
    return found


def url_of(site, path):
    relative = path.relative_to(site).as_posix()
    return "/" + relative.removesuffix("index.html")


def test_one_bundle_per_language_with_its_language_module_and_an_entry_in_sorted_order(site):
    assert sorted(path.name for path in (site / "pagefind").iterdir()) == ["en", "zh-cn"]
    indexed = list(fragments(site))
    english = [url for url in indexed if url.startswith("/en/")]
    for language, pages, wasm in (("en", len(english), "en"), ("zh-cn", len(indexed) - len(english), None)):
        entry_text = (site / "pagefind" / language / "pagefind-entry.json").read_text(encoding="utf-8")
        entry = json.loads(entry_text)
        assert entry_text == json.dumps(entry, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
        assert list(entry["languages"]) == [language]
        assert entry["languages"][language]["page_count"] == pages
        # The module that stems the queries: English's own; none for Chinese (wasm.unknown).
        assert entry["languages"][language]["wasm"] == wasm


def test_exactly_the_pages_with_a_body_are_indexed(site):
    with_body = {
        url_of(site, path)
        for path in site.rglob("*.html")
        if "pagefind" not in path.parts
        and BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser").select_one("[data-pagefind-body]")
    }
    indexed = set(fragments(site))
    assert indexed == with_body
    assert REPORT in indexed and "/en" + REPORT in indexed
    for never in ("/", "/reports/", "/archives/", "/search/", "/tags/", "/sections/", "/en/search/"):
        assert never not in indexed


def test_the_report_carries_its_filters_meta_and_section_anchors(site):
    report = fragments(site)[REPORT]
    assert report["filters"] == {"kind": ["工作报告"], "year": ["2023"]}
    assert report["meta"]["title"] == "中国人民政治协商会议第七届舟山市定海区委员会常务委员会工作报告"
    assert report["meta"]["kind"] == "工作报告"
    assert report["meta"]["date"] == "2023-02-14"
    sections = dict(json.loads(report["meta"]["sections"]))
    assert sections["s-3-1"] == "构建三级协商体系，实现内容全覆盖。"
    anchors = {anchor["id"]: anchor for anchor in report["anchors"]}
    assert set(sections) <= set(anchors)
    # A titled section's anchor carries no copy of its text: the title comes from the meta.
    assert anchors["s-3-1"]["text"] == "" and anchors["s-3"]["text"] == ""
    assert sections["s-3"].startswith("四、突出守正创新")
    assert "\\u" not in report["meta"]["sections"]
    english = fragments(site)["/en" + REPORT]
    assert english["filters"] == {"kind": ["Reports"], "year": ["2023"]}


def stored_words(content):
    """Pagefind's words of a Chinese page, as search.js reads them: zero-width spaces
    between words, none between two Chinese characters."""
    return [word for piece in content.split("\u200b")
            for word in (list(piece) if re.fullmatch(r"[\u4e00-\u9fff]+", piece) else [piece])]


def index_words_of(site, language):
    words = []
    for path in sorted((site / "pagefind" / language / "index").glob("*.pf_index")):
        words += [word for word, _ in index_words(gzip.decompress(path.read_bytes())[12:], path.name)]
    return words


def test_chinese_is_indexed_by_pairs_and_given_back_a_character_a_position(site):
    words = set(index_words_of(site, "zh-cn"))
    assert {han_key("协商"), han_key("驿站"), han_key("政协")} <= words
    assert han_key("火星") not in words and "协商" not in words and "协" not in words
    report = fragments(site)[REPORT]
    assert "\u200b协\u200b" not in report["content"]  # no separator between two characters
    characters = stored_words(report["content"])
    assert "协" in characters and "协商" not in characters
    assert len(characters) == report["word_count"]  # one position a character, as Pagefind counted them
    assert "#" not in report["content"] and "zz" not in report["content"]
    # The title, written above the body, is indexed as the body's first words.
    assert "".join(characters[:6]) == "中国人民政治"
    english = fragments(site)["/en" + REPORT]
    assert "\u200b" not in english["content"]
    assert han_key("协商") not in set(index_words_of(site, "en"))


def failing_pagefind(tmp_path, message):
    script = tmp_path / "pagefind_extended"
    script.write_text(f"#!/bin/sh\necho 'Error: {message}' >&2\nexit 3\n", encoding="utf-8")
    script.chmod(script.stat().st_mode | stat.S_IXUSR)
    return script


STORY = """\
Title: 一个故事
Date: 2023-04-18
Kind: story
Lang: zh
Slug: story

正文。
"""


def test_a_pagefind_failure_fails_the_build_with_its_message(tmp_path, monkeypatch):
    monkeypatch.setenv("PAGEFIND_BINARY_PATH", str(failing_pagefind(tmp_path, "the index is on fire")))
    with pytest.raises(BuildError, match=r"search: Pagefind failed \(exit status 3\): Error: the index is on fire"):
        build_fixture_site(tmp_path, {"stories/story.zh.md": STORY})
    assert not (tmp_path / "output").exists()


def test_when_one_language_fails_its_pagefind_the_others_still_running_are_stopped(tmp_path, monkeypatch):
    # The languages are indexed side by side; a failure must not leave another run behind.
    started, stopped = tmp_path / "zh-started", tmp_path / "zh-stopped"
    script = tmp_path / "pagefind_extended"
    script.write_text(
        "#!/bin/sh\n"
        'case "$2" in\n'
        f"  */zh-cn) trap 'kill $!; touch {stopped}; exit 143' TERM; sleep 60 & touch {started}; wait $!;;\n"
        f"  *) while [ ! -e {started} ]; do sleep 0.01; done; echo 'Error: no English today' >&2; exit 3;;\n"
        "esac\n",
        encoding="utf-8",
    )
    script.chmod(script.stat().st_mode | stat.S_IXUSR)
    monkeypatch.setenv("PAGEFIND_BINARY_PATH", str(script))
    site = tmp_path / "site"
    for lang, path in (("zh-CN", "story/index.html"), ("en", "en/story/index.html")):
        (site / path).parent.mkdir(parents=True)
        (site / path).write_text(f'<html lang="{lang}"><body><main data-pagefind-body><p>text</p></main></body></html>',
                                 encoding="utf-8")
    with pytest.raises(SearchIndexError, match=r"Pagefind failed \(exit status 3\): Error: no English today"):
        build_search_index(site, read_settings({}))
    assert stopped.exists()


def test_a_missing_binary_is_named(tmp_path, monkeypatch):
    monkeypatch.setenv("PAGEFIND_BINARY_PATH", str(tmp_path / "nowhere" / "pagefind"))
    with pytest.raises(BuildError, match="no Pagefind binary found"):
        build_fixture_site(tmp_path, {"stories/story.zh.md": STORY})


def test_a_bad_setting_fails_the_build(tmp_path):
    with pytest.raises(BuildError, match="SEARCH_BUNDLE_DIR"):
        build_fixture_site(tmp_path, {"stories/story.zh.md": STORY}, SEARCH_BUNDLE_DIR="/abs")


def test_search_can_be_switched_off(tmp_path):
    output = build_fixture_site(tmp_path, {"stories/story.zh.md": STORY}, SEARCH_ENABLED=False)
    assert not (output / "pagefind").exists()
    assert os.path.exists(output / "search" / "index.html")
