"""Make Pagefind's bundle the same, byte for byte, on every build. Pure file work.

Pagefind 1.5.2 writes three things in the order of a Rust HashMap, which changes
from run to run: the languages in pagefind-entry.json, the filters listed in each
language's metadata file (pagefind.<lang>_<hash>.pf_meta), and the values inside
each filter file (filter/<lang>_<hash>.pf_filter). The files that hold them are named
after their content, so one reordering renames the filter file, the metadata file
that lists it, and the entry that names the metadata file.

normalise_bundle() sorts all three and renames what changed, with a hash of the new
content in the name's place. The files are gzip-compressed CBOR after the 12-byte
signature `pagefind_dcd`; the small CBOR codec below reads and writes exactly the
subset Pagefind uses (unsigned and negative integers, byte and text strings, arrays,
maps, true/false/null), in the shortest form, as Pagefind writes it.
"""

from __future__ import annotations

import gzip
import hashlib
import json
from pathlib import Path

ENTRY_FILE = "pagefind-entry.json"
SIGNATURE = b"pagefind_dcd"
SUPPORTED_VERSIONS = ("1.5.2",)


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


def _normalise_meta(bundle: Path, meta_hash: str) -> str:
    path = bundle / f"pagefind.{meta_hash}.pf_meta"
    meta = read_pagefind_file(path)
    # [version, pages, index chunks, filters [[name, hash]], sorts [[name, order]], meta fields]
    if not (isinstance(meta, list) and len(meta) == 6 and all(isinstance(part, list) for part in meta[1:])):
        raise BundleError(f"{path.name}: not the metadata layout of Pagefind 1.5")
    filters = sorted(meta[3], key=lambda entry: entry[0])
    meta[3] = [[name, _normalise_filter(bundle, filter_hash)] for name, filter_hash in filters]
    meta[4] = sorted(meta[4], key=lambda entry: entry[0])
    content = pagefind_file_bytes(meta)
    new_hash = renamed(meta_hash, content)
    replace_file(bundle, path.name, f"pagefind.{new_hash}.pf_meta", content)
    return new_hash


def normalise_bundle(bundle: Path) -> dict:
    """Sort what Pagefind wrote in random order; returns the entry (languages and version)."""
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
        language["hash"] = _normalise_meta(bundle, language["hash"])
    entry_path.write_text(
        json.dumps(entry, ensure_ascii=False, sort_keys=True, separators=(",", ":")), encoding="utf-8"
    )
    return entry
