"""Fixture tests: raw text beside the Markdown the importer must write for it.

``fixtures/<name>.txt`` is the input, ``fixtures/<name>.md`` the expected output,
and an optional ``fixtures/<name>.args`` holds extra command-line arguments.
Each fixture is also imported a second time from its own output (nothing may
change) and, for the encodings and line endings, from re-encoded bytes.
"""

from __future__ import annotations

import codecs
import shlex
from pathlib import Path

import pytest

from importer.cli import main

FIXTURES = Path(__file__).parent / "fixtures"
NAMES = sorted(path.stem for path in FIXTURES.glob("*.txt"))


def _args(name: str) -> list[str]:
    args = FIXTURES / f"{name}.args"
    return shlex.split(args.read_text(encoding="utf-8")) if args.exists() else []


def _import(path: Path, args: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    code = main([str(path), *args])
    out, err = capsys.readouterr()
    assert code == 0, err
    return out


def test_there_are_fixtures() -> None:
    assert len(NAMES) >= 15
    for name in NAMES:
        assert (FIXTURES / f"{name}.md").exists(), f"fixtures/{name}.md is missing"


@pytest.mark.parametrize("name", NAMES)
def test_fixture(name: str, capsys: pytest.CaptureFixture[str]) -> None:
    expected = (FIXTURES / f"{name}.md").read_text(encoding="utf-8")
    assert _import(FIXTURES / f"{name}.txt", _args(name), capsys) == expected


@pytest.mark.parametrize("name", NAMES)
def test_importing_its_own_output_changes_nothing(name: str, tmp_path: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    expected = (FIXTURES / f"{name}.md").read_text(encoding="utf-8")
    own = tmp_path / "own-output.md"
    own.write_text(expected, encoding="utf-8")
    assert _import(own, [], capsys) == expected


ENCODINGS = {
    "gb18030": lambda text: text.encode("gb18030"),
    "gbk": lambda text: text.encode("gbk"),
    "utf-16-le-bom": lambda text: codecs.BOM_UTF16_LE + text.encode("utf-16-le"),
    "utf-16-be-bom": lambda text: codecs.BOM_UTF16_BE + text.encode("utf-16-be"),
    "utf-8-bom": lambda text: codecs.BOM_UTF8 + text.encode("utf-8"),
    "crlf": lambda text: text.replace("\n", "\r\n").encode("utf-8"),
    "lone-cr": lambda text: text.replace("\n", "\r").encode("utf-8"),
    "gb18030-crlf": lambda text: text.replace("\n", "\r\n").encode("gb18030"),
    "utf-16-crlf": lambda text: codecs.BOM_UTF16_LE + text.replace("\n", "\r\n").encode("utf-16-le"),
}


@pytest.mark.parametrize("encoding", sorted(ENCODINGS))
@pytest.mark.parametrize("name", ["continuation-markers", "hard-wrapped", "title-two-lines", "items-yishi"])
def test_encodings_and_line_endings_give_the_same_markdown(
        name: str, encoding: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = (FIXTURES / f"{name}.txt").read_text(encoding="utf-8")
    raw = tmp_path / f"{name}.txt"  # same file name, so the Source line matches
    raw.write_bytes(ENCODINGS[encoding](text))
    assert raw.read_bytes() != text.encode("utf-8")
    assert _import(raw, _args(name), capsys) == (FIXTURES / f"{name}.md").read_text(encoding="utf-8")


@pytest.mark.parametrize(("encoding", "reported"), [
    ("gb18030", "GB18030"), ("utf-16-le-bom", "UTF-16 LE with BOM"), ("utf-16-be-bom", "UTF-16 BE with BOM"),
    ("utf-8-bom", "UTF-8 with BOM"), ("crlf", "UTF-8, line endings CRLF"), ("lone-cr", "line endings CR"),
])
def test_the_report_names_the_encoding(encoding: str, reported: str, tmp_path: Path,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    raw = tmp_path / "title-two-lines.txt"
    raw.write_bytes(ENCODINGS[encoding]((FIXTURES / "title-two-lines.txt").read_text(encoding="utf-8")))
    assert main([str(raw)]) == 0
    err = capsys.readouterr().err
    assert reported in err.splitlines()[1]
