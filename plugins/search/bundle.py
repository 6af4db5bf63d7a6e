"""Make Pagefind's bundle the same, byte for byte, on every build. Pure file work.

Pagefind 1.5.2 writes three things in the order of a Rust HashMap, which changes
from run to run: the languages in pagefind-entry.json, the filters listed in each
language's metadata file (pagefind.<lang>_<hash>.pf_meta), and the values inside
each filter file (filter/<lang>_<hash>.pf_filter). The files that hold them are named
after their content, so one reordering renames the filter file, the metadata file
that lists it, and the entry that names the metadata file.

normalise_bundle() sorts all three and renames what changed, with a hash of the new
content in the name's place.

It also gives the fragments their text back and makes them lighter: the file of one
page (fragment/<lang>_<hash>.pf_fragment) that each shown result downloads. Pagefind
stores a Chinese page as its words joined by zero-width spaces: the keys of character
pairs (han_keys.py), which become the character at their position again; between
two Chinese characters the space then says nothing (search.js splits a run of them
into characters), and dropping it saves a tenth of the fragment. A section whose title the page's
`sections` meta gives keeps its anchor without Pagefind's copy of its text, and that
meta is written with its characters instead of escapes.

It also cuts the word index into smaller chunks. Pagefind fills each chunk
(index/<lang>_<hash>.pf_index) up to about 20,000 word positions, a size it does not
let us choose, and a query downloads the whole chunk of each of its words. Chinese
was indexed one character per word, so a common character filled much of a chunk
on its own, and the rest of the chunk was other characters the query never asked for:
at 500 pages a language, 协商 downloaded 60 kB of chunks for 20 kB of its own positions. Chunks of about CHUNK_BYTES keep a query's download close
to what its own words weigh; the browser finds a word's chunk from the from/to bounds
in the metadata, which are recomputed here as Pagefind computes them.

The files are gzip-compressed CBOR (fragments: JSON) after the 12-byte signature
`pagefind_dcd`; the small CBOR codec below reads and writes exactly the subset
Pagefind uses (unsigned and negative integers, byte and text strings, arrays, maps,
true/false/null), in the shortest form, as Pagefind writes it.
"""

from __future__ import annotations

import functools
import gzip
import hashlib
import json
import re
from itertools import pairwise
from pathlib import Path

from .han_keys import KEY_PREFIX, first_character
from .index_view import HAN_CLASS, ZWSP

ENTRY_FILE = "pagefind-entry.json"
SIGNATURE = b"pagefind_dcd"
SUPPORTED_VERSIONS = ("1.5.2",)
# Encoded bytes of word entries per index chunk (before gzip, which makes them about a
# third smaller). Smaller chunks cost a line each in the metadata every search loads.
CHUNK_BYTES = 8_000


class BundleError(ValueError):
    """The bundle is not laid out as this module expects from Pagefind 1.5."""


# CBOR (RFC 8949), the subset Pagefind writes --------------------------------------------


def cbor_decode(data: bytes):
    value, end = _decode(data, 0)
    if end != len(data):
        raise BundleError(f"{len(data) - end} bytes after the CBOR value")
    return value


def _decode(data: bytes, at: int):
    try:
        initial = data[at]
    except IndexError:
        raise BundleError("CBOR value cut short") from None
    major, info = initial >> 5, initial & 31
    at += 1
    if major == 7:
        simple = {20: False, 21: True, 22: None}
        if info not in simple:
            raise BundleError(f"CBOR simple value {info} is not supported")
        return simple[info], at
    if info < 24:
        argument = info
    elif info in (24, 25, 26, 27):
        size = 1 << (info - 24)
        argument = int.from_bytes(data[at:at + size], "big")
        at += size
    else:
        raise BundleError(f"CBOR additional information {info} (indefinite length) is not supported")
    if major == 0:
        return argument, at
    if major == 1:
        return -1 - argument, at
    if major in (2, 3):
        chunk = bytes(data[at:at + argument])
        if len(chunk) != argument:
            raise BundleError("CBOR string cut short")
        return (chunk if major == 2 else chunk.decode("utf-8")), at + argument
    if major == 4:
        items = []
        for _ in range(argument):
            item, at = _decode(data, at)
            items.append(item)
        return items, at
    if major == 5:
        mapping = {}
        for _ in range(argument):
            key, at = _decode(data, at)
            mapping[key], at = _decode(data, at)
        return mapping, at
    raise BundleError(f"CBOR major type {major} (tags) is not supported")


def _head(major: int, argument: int) -> bytes:
    if argument < 24:
        return bytes([major << 5 | argument])
    for info, size in ((24, 1), (25, 2), (26, 4), (27, 8)):
        if argument < 1 << (8 * size):
            return bytes([major << 5 | info]) + argument.to_bytes(size, "big")
    raise BundleError(f"integer {argument} is too large for CBOR")


def cbor_encode(value) -> bytes:
    if value is False or value is True or value is None:
        return bytes([0xF4 if value is False else 0xF5 if value is True else 0xF6])
    if isinstance(value, int):
        return _head(0, value) if value >= 0 else _head(1, -1 - value)
    if isinstance(value, bytes):
        return _head(2, len(value)) + value
    if isinstance(value, str):
        encoded = value.encode("utf-8")
        return _head(3, len(encoded)) + encoded
    if isinstance(value, list):
        return _head(4, len(value)) + b"".join(cbor_encode(item) for item in value)
    if isinstance(value, dict):
        return _head(5, len(value)) + b"".join(cbor_encode(k) + cbor_encode(v) for k, v in value.items())
    raise BundleError(f"cannot write {type(value).__name__} as CBOR")


# Pagefind's files ------------------------------------------------------------------------


def read_pagefind_file(path: Path):
    data = gzip.decompress(path.read_bytes())
    if not data.startswith(SIGNATURE):
        raise BundleError(f"{path.name} does not start with Pagefind's signature")
    return cbor_decode(data[len(SIGNATURE):])


def pagefind_file_bytes(value) -> bytes:
    """Gzip without a timestamp, so the same content is the same bytes."""
    return gzip.compress(SIGNATURE + cbor_encode(value), compresslevel=9, mtime=0)


def renamed(old_hash: str, content: bytes) -> str:
    """A content hash in the place of Pagefind's: same language prefix, same length."""
    language, _, digest = old_hash.rpartition("_")
    if not language or not digest:
        raise BundleError(f"unexpected file hash {old_hash!r}")
    return f"{language}_{hashlib.sha256(content).hexdigest()[:len(digest)]}"


def replace_file(directory: Path, old_name: str, new_name: str, content: bytes) -> None:
    (directory / new_name).write_bytes(content)
    if new_name != old_name:
        (directory / old_name).unlink()


def _normalise_filter(bundle: Path, filter_hash: str) -> str:
    path = bundle / "filter" / f"{filter_hash}.pf_filter"
    value = read_pagefind_file(path)
    if not (isinstance(value, list) and len(value) == 2 and isinstance(value[1], list)):
        raise BundleError(f"{path.name}: expected [name, [[value, pages], …]]")
    value = [value[0], sorted(value[1], key=lambda entry: entry[0])]
    content = pagefind_file_bytes(value)
    new_hash = renamed(filter_hash, content)
    replace_file(path.parent, path.name, f"{new_hash}.pf_filter", content)
    return new_hash


def chunk_bounds(words: list[list[str]]) -> list[tuple[str, str]]:
    """(from, to) of each chunk of sorted words, as Pagefind's chunk_meta writes them:
    neighbouring bounds are cut to one character past their common prefix."""
    bounds = [[chunk[0], chunk[-1]] for chunk in words]
    for before, after in pairwise(bounds):
        last, first = before[1], after[0]
        common = 0
        while common < min(len(last), len(first)) and last[common] == first[common]:
            common += 1
        before[1], after[0] = last[:common + 1], first[:common + 1]
    return [(low, high) for low, high in bounds]


# A word's pages in an index chunk, [[page, [locations], [locations]], …], skipped as bytes:
# decoding every location in Python took seconds. A run of integers ends where the next
# array or word begins (CBOR major types 4 and 3, never an integer), so each run is
# matched whole and the arrays' lengths need no counting.
_INTEGER = rb"(?:[\x00-\x17\x20-\x37]|[\x18\x38][\s\S]|[\x19\x39][\s\S]{2}|[\x1a\x3a][\s\S]{4})"
_ARRAY_HEAD = rb"(?:[\x80-\x97]|\x98[\s\S]|\x99[\s\S]{2}|\x9a[\s\S]{4})"
_LOCATIONS = _ARRAY_HEAD + _INTEGER + b"*"
_PAGES = re.compile(_ARRAY_HEAD + rb"(?:\x83" + _INTEGER + _LOCATIONS + _LOCATIONS + b")*")


def index_words(payload: bytes, name: str) -> list[tuple[str, bytes]]:
    """(word, its encoded entry) for each word of an index chunk's CBOR, in order."""
    if payload[:1] != b"\x81":
        raise BundleError(f"{name}: expected [[[word, pages, …], …]]")
    _, at = _decode_head(payload, 1, 4, name)
    words = []
    while at < len(payload):
        start = at
        if payload[at] != 0x83:
            raise BundleError(f"{name}: a word entry is not [word, pages, …]")
        length, at = _decode_head(payload, at + 1, 3, name)
        word = payload[at:at + length].decode("utf-8")
        pages = _PAGES.match(payload, at + length)
        if pages is None or pages.end() >= len(payload) or payload[pages.end()] >> 5 != 4:
            raise BundleError(f"{name}: the pages of {word!r} are not laid out as Pagefind 1.5 writes them")
        _, at = _decode(payload, pages.end())  # the third part, empty in every bundle seen
        if at < len(payload) and payload[at] != 0x83:
            raise BundleError(f"{name}: the pages of {word!r} are not laid out as Pagefind 1.5 writes them")
        words.append((word, payload[start:at]))
    return words


def _decode_head(data: bytes, at: int, major: int, name: str) -> tuple[int, int]:
    """The argument of the CBOR head at `at`, which must be of type `major`; and where it ends."""
    if at >= len(data) or data[at] >> 5 != major or data[at] & 31 > 27:
        raise BundleError(f"{name}: unexpected CBOR at byte {at}")
    info = data[at] & 31
    if info < 24:
        return info, at + 1
    size = 1 << (info - 24)
    return int.from_bytes(data[at + 1:at + 1 + size], "big"), at + 1 + size


def split_words(words: list[tuple[str, bytes]], limit: int) -> list[list[tuple[str, bytes]]]:
    """Sorted word entries in runs of about `limit` encoded bytes; a larger word stands alone."""
    chunks, chunk, size = [], [], 0
    for word in words:
        chunk.append(word)
        size += len(word[1])
        if size >= limit:
            chunks.append(chunk)
            chunk, size = [], 0
    if chunk:
        chunks.append(chunk)
    return chunks


def _rechunk_index(bundle: Path, chunks: list, limit: int) -> list:
    """Rewrite a language's index chunks at about `limit` bytes each; returns the new meta list."""
    if not chunks:
        return chunks
    folder = bundle / "index"
    words = []
    for _, _, chunk_hash in chunks:
        data = gzip.decompress((folder / f"{chunk_hash}.pf_index").read_bytes())
        if not data.startswith(SIGNATURE):
            raise BundleError(f"{chunk_hash}.pf_index does not start with Pagefind's signature")
        words.extend(index_words(data[len(SIGNATURE):], f"{chunk_hash}.pf_index"))
    if any(before[0] >= after[0] for before, after in pairwise(words)):
        raise BundleError("the index chunks do not hold their words in sorted order")
    old_names = {f"{chunk_hash}.pf_index" for _, _, chunk_hash in chunks}
    split = split_words(words, limit)
    rewritten, names = [], set()
    bounds = chunk_bounds([[word for word, _ in chunk] for chunk in split])
    for (low, high), chunk in zip(bounds, split):
        payload = b"\x81" + _head(4, len(chunk)) + b"".join(entry for _, entry in chunk)
        # Level 6, as Pagefind: 9 took twice the time for 0.4 % fewer bytes.
        content = gzip.compress(SIGNATURE + payload, compresslevel=6, mtime=0)
        chunk_hash = renamed(chunks[0][2], content)
        while f"{chunk_hash}.pf_index" in names:  # Pagefind's answer to a collision: a longer hash
            chunk_hash = renamed(chunk_hash + "0", content)
        names.add(f"{chunk_hash}.pf_index")
        (folder / f"{chunk_hash}.pf_index").write_bytes(content)
        rewritten.append([low, high, chunk_hash])
    for name in old_names - names:
        (folder / name).unlink()
    return rewritten


# A zero-width space with a word of one Chinese character on each side (the text is
# given a space at each end, so that its first and last words have one too).
_BETWEEN_CHARACTERS = re.compile(f"(?<={ZWSP}{HAN_CLASS}){ZWSP}(?={HAN_CLASS}{ZWSP})")


_HAN = re.compile(HAN_CLASS)


@functools.lru_cache(maxsize=1 << 16)  # the same pairs recur all through a site's text
def _stored_character(word: str) -> str | None:
    character = first_character(word) if word.startswith(KEY_PREFIX) else None
    return character if character and _HAN.fullmatch(character) else None


def restore_characters(text: str) -> str:
    """Pagefind's stored text with each Chinese pair's key back as the character at its place.

    The stored words are joined by zero-width spaces; the space index_view.py puts
    around a run of keys (Pagefind splits other letters at spaces only) goes with them."""
    if KEY_PREFIX not in text:
        return text
    words = text.split(ZWSP)
    characters = [_stored_character(word.rstrip()) for word in words]
    restored = []
    for at, (word, character) in enumerate(zip(words, characters)):
        if character:
            restored.append(character)
        elif at + 1 < len(words) and characters[at + 1]:
            restored.append(word.rstrip())
        else:
            restored.append(word)
    return ZWSP.join(restored)


def compact_content(content: str) -> str:
    """Pagefind's stored text without the zero-width space between two Chinese characters.

    Left as it is when no separator would be left: search.js tells a Chinese page's
    text from another by its zero-width spaces."""
    compact = _BETWEEN_CHARACTERS.sub("", ZWSP + content + ZWSP)[1:-1]
    return compact if ZWSP in compact else content


def light_fragment(fragment: dict) -> dict:
    """The fragment search.js needs (see the module docstring); the same once light."""
    fragment = dict(fragment, content=compact_content(restore_characters(fragment.get("content", ""))))
    fragment["anchors"] = [
        # search.js reads a title without separators (clean)
        dict(anchor, text=restore_characters(anchor["text"]).replace(ZWSP, "")) if anchor.get("text") else anchor
        for anchor in fragment.get("anchors") or []
    ]
    meta = dict(fragment.get("meta") or {})
    if "sections" not in meta:
        return fragment
    try:
        sections = json.loads(meta["sections"])
        titles = {section_id: title for section_id, title in sections if title}
    except (ValueError, TypeError):
        return fragment  # not our meta: leave the anchors their text
    meta["sections"] = json.dumps(sections, ensure_ascii=False, separators=(",", ":"))
    fragment["meta"] = meta
    fragment["anchors"] = [
        dict(anchor, text="") if anchor.get("id") in titles else anchor for anchor in fragment.get("anchors") or []
    ]
    return fragment


def _lighten_fragments(bundle: Path, pages: list) -> list:
    """Rewrite a language's fragments light; returns the metadata's page list, renamed."""
    folder = bundle / "fragment"
    old_names = {page[0] for page in pages}
    written: dict[str, bytes] = {}
    renamed_pages = []
    for fragment_hash, *rest in pages:
        path = folder / f"{fragment_hash}.pf_fragment"
        data = gzip.decompress(path.read_bytes())
        if not data.startswith(SIGNATURE):
            raise BundleError(f"{path.name} does not start with Pagefind's signature")
        fragment = light_fragment(json.loads(data[len(SIGNATURE):]))
        text = json.dumps(fragment, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        content = gzip.compress(SIGNATURE + text, compresslevel=9, mtime=0)
        new_hash = renamed(fragment_hash, content)
        # A name another page has, or had before it is read: a longer hash, as Pagefind does.
        while written.get(new_hash, content) != content or (new_hash != fragment_hash and new_hash in old_names):
            new_hash = renamed(new_hash + "0", content)
        if new_hash not in written:
            written[new_hash] = content
            (folder / f"{new_hash}.pf_fragment").write_bytes(content)
        renamed_pages.append([new_hash, *rest])
    for fragment_hash, *_ in pages:
        if fragment_hash not in written:
            (folder / f"{fragment_hash}.pf_fragment").unlink(missing_ok=True)
    return renamed_pages


def _normalise_meta(bundle: Path, meta_hash: str, chunk_bytes: int) -> str:
    path = bundle / f"pagefind.{meta_hash}.pf_meta"
    meta = read_pagefind_file(path)
    # [version, pages, index chunks, filters [[name, hash]], sorts [[name, order]], meta fields]
    if not (isinstance(meta, list) and len(meta) == 6 and all(isinstance(part, list) for part in meta[1:])):
        raise BundleError(f"{path.name}: not the metadata layout of Pagefind 1.5")
    meta[1] = _lighten_fragments(bundle, meta[1])
    meta[2] = _rechunk_index(bundle, meta[2], chunk_bytes)
    filters = sorted(meta[3], key=lambda entry: entry[0])
    meta[3] = [[name, _normalise_filter(bundle, filter_hash)] for name, filter_hash in filters]
    meta[4] = sorted(meta[4], key=lambda entry: entry[0])
    content = pagefind_file_bytes(meta)
    new_hash = renamed(meta_hash, content)
    replace_file(bundle, path.name, f"pagefind.{new_hash}.pf_meta", content)
    return new_hash


def normalise_bundle(bundle: Path, chunk_bytes: int = CHUNK_BYTES) -> dict:
    """Sort what Pagefind wrote in random order and cut the index into chunks of about
    chunk_bytes; returns the entry (languages and version)."""
    entry_path = bundle / ENTRY_FILE
    try:
        entry = json.loads(entry_path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise BundleError(f"cannot read {entry_path}: {error}") from error
    version = entry.get("version")
    if version not in SUPPORTED_VERSIONS:
        raise BundleError(
            f"Pagefind {version} wrote the bundle; plugins/search/bundle.py knows the layout of "
            f"{', '.join(SUPPORTED_VERSIONS)} only: check that layout and add the version"
        )
    for language in entry.get("languages", {}).values():
        language["hash"] = _normalise_meta(bundle, language["hash"], chunk_bytes)
    entry_path.write_text(
        json.dumps(entry, ensure_ascii=False, sort_keys=True, separators=(",", ":")), encoding="utf-8"
    )
    return entry
