"""The search plugin's pure parts: the index view, its settings, the bundle codec."""

import gzip
import json
import random

import pytest
from bs4 import BeautifulSoup
from search.bundle import (
    CHUNK_BYTES,
    BundleError,
    cbor_decode,
    cbor_encode,
    chunk_bounds,
    compact_content,
    index_words,
    light_fragment,
    normalise_bundle,
    pagefind_file_bytes,
    read_pagefind_file,
    restore_characters,
    split_words,
)
from search.han_keys import first_character, han_key, pair_keys
from search.index_view import ZWSP, index_view, separate_han
from search.indexer import SearchIndexError, index_name
from search.settings import SearchSettingsError, read_settings

Z = ZWSP


def page(body: str, lang: str = "zh-CN", header: str = "") -> str:
    return (
        f'<!DOCTYPE html>\n<html lang="{lang}"><head><title>t</title></head><body>'
        f"<nav>导航</nav>{header}<main><div data-pagefind-body>{body}</div></main></body></html>"
    )


def body_of(html: str) -> str:
    """The inside of the view's body element, which is all the view holds of the page."""
    return html.split("data-pagefind-body", 1)[1].split(">", 1)[1].rsplit("</div></body></html>", 1)[0]


# Chinese, a character pair per position ------------------------------------------


def keys(run: str) -> str:
    """A run of Chinese characters as the view writes it."""
    return " " + " ".join(pair_keys(run)) + " "


def test_a_key_is_four_letters_a_character_and_sorts_as_the_code_points():
    assert han_key("协") == "zzbfoh" and han_key("协商") == "zzbfohbghq"
    characters = ["〇", "一", "协", "商", "龥", "𠀀", "\U000323af"]
    assert [han_key(c) for c in characters] == sorted(han_key(c) for c in characters)
    assert all(len(han_key(c)) == 6 and len(han_key(c + "一")) == 10 for c in characters)
    assert [first_character(han_key(c + "商")) for c in characters] == characters
    assert pair_keys("协商会") == [han_key("协商"), han_key("商会"), han_key("会")]
    assert first_character("zzbfo") is None and first_character("proposals") is None


def test_each_position_of_chinese_is_the_pair_that_starts_there():
    assert separate_han("数字ab") == f" {han_key('数字')} {han_key('字')} ab"
    assert separate_han("203名，CPPCC") == f"203{keys('名')}，CPPCC"
    assert separate_han("〇々𠀀") == keys("〇々𠀀")  # Han outside the main block too
    assert separate_han("かな、한글, text") == "かな、한글, text"


def test_only_text_changes_never_tags_attributes_scripts_or_styles():
    html = page('<p title="数字" data-x=\'政协\'>数字<b>政</b>协 &amp; &lt;b&gt;</p>'
                "<script>var s = '数字 <b>';</script><style>p::after{content:'数'}</style>")
    view = index_view(html)
    body = body_of(view.html)
    # Text nodes that meet inside a run are runs of their own: 政 and 协 are not one pair.
    assert f'<p title="数字" data-x="政协">{keys("数字")}<b>{keys("政")}</b>{keys("协")} &amp; &lt;b&gt;</p>' in body
    assert "<script>var s = '数字 <b>';</script>" in body
    assert "<style>p::after{content:'数'}</style>" in body


def test_the_stored_text_reads_as_the_page_again():
    html = page("<p>政协 &amp; “协商” &lt;script&gt; 2&gt;1 &#x41;</p><br/><img src=a.png alt='图'>")
    view = index_view(html)
    original = BeautifulSoup(html, "html.parser").select_one("[data-pagefind-body]").get_text()
    indexed = BeautifulSoup(view.html, "html.parser").select_one("[data-pagefind-body]")
    assert indexed.img["alt"] == "图"
    # Pagefind keeps the words as written and joins them with zero-width spaces.
    stored = Z.join(word + " " for word in indexed.get_text().split())
    assert restore_characters(stored).replace(Z, "").replace(" ", "") == original.replace(" ", "")


def test_english_pages_are_left_as_they_are():
    html = page("<p>Dinghai 定海 CPPCC</p>", lang="en")
    assert body_of(index_view(html).html) == "<p>Dinghai 定海 CPPCC</p>"
    assert index_view(html, character_languages=("en",)).html != html


def test_the_view_holds_the_body_alone():
    view = index_view(page("<p>正文</p>", header="<footer>页脚</footer>"))
    assert "导航" not in view.html and "页脚" not in view.html and "<title>" not in view.html
    assert view.html.startswith('<!DOCTYPE html>\n<html lang="zh-CN">')


def test_language_and_body_are_reported():
    view = index_view(page("<p>x</p>", lang="zh-Hant-TW"))
    assert (view.lang, view.has_body) == ("zh-Hant-TW", True)
    listing = index_view('<html lang="en"><body><p>x</p></body></html>')
    assert (listing.lang, listing.has_body) == ("en", False)


# Anchors ------------------------------------------------------------------------------


def test_a_paragraph_anchor_becomes_an_empty_marker_at_its_start():
    view = index_view(page('<p id="s-1-1" class="lead"><strong>一是。</strong>正文</p>'))
    assert body_of(view.html).startswith(f'<p class="lead"><span id="s-1-1"></span><strong>{keys("一是")}。</strong>')


def test_headings_keep_their_ids_and_void_elements_get_the_marker_before_them():
    body = body_of(index_view(page('<h2 id="s-1">一、标题</h2><img id="fig-1" src="a.png"><hr id="x"/>')).html)
    assert body.startswith('<h2 id="s-1">')
    assert '<span id="fig-1"></span><img src="a.png">' in body
    assert '<span id="x"></span><hr>' in body
    around = body_of(index_view(page('<p>前<img id="p-1" src="a.png">后</p>')).html)
    assert around == f'<p>{keys("前")}<span id="p-1"></span><img src="a.png">{keys("后")}</p>'  # the text stays in place


def test_the_title_before_the_body_is_indexed_as_its_first_paragraph():
    view = index_view(page("<p>正文</p>", header="<header><h1>工作<em>报告</em></h1></header>"))
    assert body_of(view.html).startswith(f"<p>{keys('工作报告')}</p><p>")
    inside = index_view(page("<h1>题</h1><p>正文</p>"))
    assert body_of(inside.html).startswith(f"<h1>{keys('题')}</h1>")  # a title inside is not repeated


# Settings ------------------------------------------------------------------------------


def test_defaults():
    chosen = read_settings({})
    assert (chosen.enabled, chosen.bundle_dir, chosen.exclude_selectors) == (True, "pagefind", (".permalink",))
    assert chosen.character_languages == ("zh",)


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("SEARCH_ENABLED", "yes"),
        ("SEARCH_BUNDLE_DIR", "/pagefind"),
        ("SEARCH_BUNDLE_DIR", "../up"),
        ("SEARCH_GLOB", "**/*"),
        ("SEARCH_EXCLUDE_SELECTORS", [" "]),
        ("SEARCH_CHARACTER_LANGUAGES", ["zh-CN"]),
    ],
)
def test_a_bad_setting_is_named(key, value):
    with pytest.raises(SearchSettingsError, match=key):
        read_settings({key: value})


# One bundle per language, in a folder named as Pagefind names the language's index.
@pytest.mark.parametrize(("lang", "name"), [("zh-CN", "zh-cn"), ("en", "en"), ("", "unknown")])
def test_a_bundle_is_named_after_its_language_as_pagefind_names_the_index(lang, name):
    assert index_name(lang) == name


@pytest.mark.parametrize("lang", ["../en", "zh CN", "en/"])
def test_a_language_that_is_no_tag_names_no_folder(lang):
    with pytest.raises(SearchIndexError, match="no language tag"):
        index_name(lang)


# The bundle: CBOR and normalisation ------------------------------------------------------


@pytest.mark.parametrize(
    "value",
    [0, 23, 24, 255, 256, 65536, 2**32, -1, -500, "", "协商", b"\x00\x01", [], [1, [2, "x"]],
     {"a": [1]}, True, False, None],
)
def test_cbor_round_trip(value):
    assert cbor_decode(cbor_encode(value)) == value


def test_cbor_writes_the_shortest_form():
    assert cbor_encode(23) == b"\x17"
    assert cbor_encode(24) == b"\x18\x18"
    assert cbor_encode(562) == b"\x19\x02\x32"
    assert cbor_encode(["a"]) == b"\x81\x61a"


def test_cbor_refuses_what_pagefind_never_writes():
    with pytest.raises(BundleError):
        cbor_decode(b"\x9f\x01\xff")  # indefinite-length array
    with pytest.raises(BundleError):
        cbor_decode(b"\x01\x02")  # trailing bytes


def test_every_cbor_file_pagefind_wrote_reads_back_byte_for_byte(site):
    files = [path for path in (site / "pagefind").rglob("*")
             if path.suffix in (".pf_index", ".pf_meta", ".pf_filter")]
    assert any(path.suffix == ".pf_index" for path in files)
    for path in files:
        payload = gzip.decompress(path.read_bytes())
        assert cbor_encode(cbor_decode(payload[12:])) == payload[12:], path.name


def shuffled_copy(bundle, target, seed):
    """The bundle as another Pagefind run may write it: filters and values in another order."""
    rng = random.Random(seed)
    target.mkdir()
    for path in bundle.rglob("*"):
        if path.is_file():
            destination = target / path.relative_to(bundle)
            destination.parent.mkdir(parents=True, exist_ok=True)
            destination.write_bytes(path.read_bytes())
    entry = json.loads((target / "pagefind-entry.json").read_text(encoding="utf-8"))
    for language in entry["languages"].values():
        meta_path = target / f"pagefind.{language['hash']}.pf_meta"
        meta = read_pagefind_file(meta_path)
        rng.shuffle(meta[3])
        for _, filter_hash in meta[3]:
            filter_path = target / "filter" / f"{filter_hash}.pf_filter"
            values = read_pagefind_file(filter_path)
            rng.shuffle(values[1])
            filter_path.write_bytes(pagefind_file_bytes(values))
        meta_path.write_bytes(pagefind_file_bytes(meta))
    languages = list(entry["languages"].items())
    rng.shuffle(languages)
    entry["languages"] = dict(languages)
    (target / "pagefind-entry.json").write_text(json.dumps(entry), encoding="utf-8")
    return target


def snapshot(folder):
    return {path.relative_to(folder).as_posix(): path.read_bytes() for path in folder.rglob("*") if path.is_file()}


@pytest.mark.parametrize("language", ["zh-cn", "en"])
def test_normalising_gives_the_same_bytes_whatever_order_pagefind_chose(site, tmp_path, language):
    bundle = site / "pagefind" / language
    results = []
    for seed in range(3):
        copy = shuffled_copy(bundle, tmp_path / f"copy-{seed}", seed)
        normalise_bundle(copy)
        results.append(snapshot(copy))
    assert results[0] == results[1] == results[2] == snapshot(bundle)


def test_an_unknown_pagefind_version_is_refused(tmp_path):
    (tmp_path / "pagefind-entry.json").write_text('{"version": "9.0.0", "languages": {}}', encoding="utf-8")
    with pytest.raises(BundleError, match="Pagefind 9.0.0"):
        normalise_bundle(tmp_path)


# The bundle: index chunks and light fragments ---------------------------------------------


def test_chunk_bounds_are_cut_as_pagefind_cuts_them():
    # The cases of Pagefind's own test of get_prefixes (pagefind/src/index/mod.rs).
    assert chunk_bounds([["apple"], ["apricot", "banana"], ["peach"]]) == [
        ("apple", "app"), ("apr", "b"), ("p", "peach")]
    assert chunk_bounds([["cataraman"], ["yacht"]]) == [("cataraman", "c"), ("y", "yacht")]
    assert chunk_bounds([["cath"], ["cathartic"]]) == [("cath", "cath"), ("catha", "cathartic")]
    assert chunk_bounds([["协"], ["商", "富"]]) == [("协", "协"), ("商", "富")]


def test_words_are_split_at_about_the_limit_and_a_large_word_stands_alone():
    words = [("a", b"x" * 3), ("b", b"x" * 3), ("c", b"x" * 20), ("d", b"x" * 3)]
    assert [[word for word, _ in chunk] for chunk in split_words(words, 5)] == [["a", "b"], ["c"], ["d"]]


def test_index_words_read_each_word_entry_as_pagefind_wrote_it():
    entries = [["协", [[0, [-25, 12, 3], []], [4, [300, 70000], [-1, 0]]], []], ["商", [[1, [], [2]]], []]]
    payload = cbor_encode([entries])
    assert index_words(payload, "test") == [(word[0], cbor_encode(word)) for word in entries]
    with pytest.raises(BundleError, match="not laid out"):
        index_words(cbor_encode([[["协", [[0, "x", []]], []]]]), "test")


def index_chunks(bundle, language):
    entry = json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8"))
    meta = read_pagefind_file(bundle / f"pagefind.{entry['languages'][language]['hash']}.pf_meta")
    return meta[2]


def test_the_site_index_is_in_small_chunks_and_every_word_finds_its_own(site):
    for language in ("zh-cn", "en"):
        bundle = site / "pagefind" / language
        chunks = index_chunks(bundle, language)
        assert len(chunks) > 1
        for low, high, chunk_hash in chunks:
            words = read_pagefind_file(bundle / "index" / f"{chunk_hash}.pf_index")[0]
            if len(words) > 1:  # only a word larger than a chunk makes one alone
                assert sum(len(cbor_encode(word)) for word in words[:-1]) < CHUNK_BYTES
            for word, *_ in words:
                # Pagefind's lookup (pagefind_web request_indexes): the first chunk whose
                # bounds hold the word, or, failing that, the bounds cut to the word's length.
                found = next((h for f, t, h in chunks if f <= word <= t), None) or next(
                    h for f, t, h in chunks if word[:len(f)] >= f[:len(word)] and word[:len(t)] <= t[:len(word)])
                assert found == chunk_hash, word


def test_compact_content_drops_the_separator_between_two_chinese_characters_only():
    assert compact_content(f"政{Z}协{Z}，{Z}委{Z}员{Z}2021{Z}年") == f"政协{Z}，{Z}委员{Z}2021{Z}年"
    assert compact_content(f"数{Z}字{Z}ab{Z}化") == f"数字{Z}ab{Z}化"
    assert compact_content(f"丰{Z}富") == f"丰{Z}富"  # no separator would be left to say it is Chinese
    assert compact_content("proposals and more") == "proposals and more"


def stored(run: str) -> str:
    """A run of Chinese characters as Pagefind stores its keys: words joined by zero-width spaces."""
    return Z.join(key + " " for key in pair_keys(run))


def test_the_stored_keys_become_characters_again_and_nothing_else_changes():
    assert restore_characters(f"{stored('政协')}{Z}，{Z}{stored('委员')}{Z}2021 {Z}{stored('年')}") == \
        f"政{Z}协{Z}，{Z}委{Z}员{Z}2021{Z}年"
    assert restore_characters(f"CPPCC {Z}members{Z}zzbfo {Z}zzzzzzzz") == f"CPPCC {Z}members{Z}zzbfo {Z}zzzzzzzz"
    assert restore_characters("proposals and more") == "proposals and more"


def test_a_light_fragment_keeps_what_search_js_reads_and_is_light_once():
    fragment = {
        "url": "/r/", "content": f"{stored('一')}{Z}、{Z}{stored('协商正文')}", "word_count": 6,
        "meta": {"title": "报告", "sections": json.dumps([["s-1", "一、协商"], ["s-1-1", ""]])},
        "anchors": [{"element": "h2", "id": "s-1", "text": f"{stored('一')}{Z}、{Z}{stored('协商')}", "location": 0},
                    {"element": "h2", "id": "s-1-1", "text": stored("无题"), "location": 4},
                    {"element": "h3", "id": "other", "text": stored("别"), "location": 5}],
    }
    light = light_fragment(fragment)
    assert light["content"] == f"一{Z}、{Z}协商正文"
    assert light["meta"]["sections"] == '[["s-1","一、协商"],["s-1-1",""]]'
    assert [anchor["text"] for anchor in light["anchors"]] == ["", "无题", "别"]  # untitled ones keep theirs
    assert light_fragment(light) == light
    about = {"url": "/about/", "content": "About us", "meta": {"title": "About"},
             "anchors": [{"element": "h2", "id": "a", "text": "Who", "location": 0}]}
    assert light_fragment(about) == about  # no sections meta: nothing to take the titles from
