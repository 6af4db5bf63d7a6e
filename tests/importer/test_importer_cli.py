"""The command line, called as ``main(argv)``: refusals, OUT handling, overrides, the report."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest

from importer.cli import main

FIXTURES = Path(__file__).parent / "fixtures"
RAW = FIXTURES / "title-two-lines.txt"


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


def test_help_names_every_flag(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["--help"])
    assert exit_.value.code == 0
    out = capsys.readouterr().out
    for flag in ("--kind", "--lang", "--out", "--force", "--slug", "--title", "--date", "--issue", "--column",
                 "--strip-timestamps"):
        assert flag in out


def test_makefile_style_invocation_writes_out(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "content" / "reports" / "x.zh.md"
    code, stdout, err = run([str(RAW), "--kind", "report", "--lang", "zh", "--out", str(out)], capsys)
    assert code == 0, err
    assert stdout == ""
    assert out.read_text(encoding="utf-8") == (FIXTURES / "title-two-lines.md").read_text(encoding="utf-8")
    assert f"wrote     {out}" in err
    assert [p.name for p in out.parent.iterdir()] == ["x.zh.md"]  # no temporary file left


def test_existing_out_is_refused_without_force(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "report.zh.md"
    out.write_text("an editor's work\n", encoding="utf-8")
    before = out.stat().st_mtime_ns
    code, stdout, err = run([str(RAW), "--out", str(out)], capsys)
    assert code == 1
    assert stdout == ""
    assert f"{out} exists; pass --force to overwrite it" in err
    assert out.read_text(encoding="utf-8") == "an editor's work\n"
    assert out.stat().st_mtime_ns == before


def test_force_overwrites(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "report.zh.md"
    out.write_text("old\n", encoding="utf-8")
    code, _, err = run([str(RAW), "--out", str(out), "--force"], capsys)
    assert code == 0, err
    assert out.read_text(encoding="utf-8").startswith("Title: 中国人民政治协商会议第七届舟山市定海区委员会")


def test_out_folder_gets_slug_and_lang(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run([str(RAW), "--out", str(tmp_path), "--slug", "2022-work-report"], capsys)
    assert code == 0, err
    assert (tmp_path / "2022-work-report.zh.md").exists()


def test_overrides(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run([str(RAW), "--slug", "my-report", "--title", "另一个标题", "--date", "2023-02-14",
                          "--kind", "story", "--lang", "zh"], capsys)
    assert code == 0, err
    assert out.startswith("Title: 另一个标题\nDate: 2023-02-14\nKind: story\nLang: zh\nSlug: my-report\n"
                          "Source: title-two-lines.txt\n\n各位委员：")
    assert "replaced by --title «另一个标题»" in err


@pytest.mark.parametrize(("flag", "value", "message"), [
    ("--date", "2023-02-30", "not a date written YYYY-MM-DD"),
    ("--date", "14/2/2023", "not a date written YYYY-MM-DD"),
    ("--slug", "Work Report", "not a slug"),
    ("--slug", "gōngzuò", "not a slug"),
    ("--kind", "novel", "invalid choice"),
    ("--lang", "fr", "invalid choice"),
])
def test_bad_arguments_are_usage_errors(flag: str, value: str, message: str,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main([str(RAW), flag, value])
    assert exit_.value.code == 2
    assert message in capsys.readouterr().err


def test_binary_input_is_refused_with_its_offset(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    raw = tmp_path / "scan.png"
    raw.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    code, out, err = run([str(raw)], capsys)
    assert (code, out) == (1, "")
    assert "refused" in err and "binary" in err and "control byte 0x1A at byte offset 6" in err


def test_nul_inside_text_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    raw = tmp_path / "raw.txt"
    head = "标题\n\n正文。".encode()
    raw.write_bytes(head + b"\x00" + "更多。".encode())
    code, _, err = run([str(raw)], capsys)
    assert code == 1
    assert f"control byte 0x00 at byte offset {len(head)}" in err


def test_control_character_in_utf16_names_the_byte_offset(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    raw = tmp_path / "raw.txt"
    raw.write_bytes("标题\n正文\x01".encode("utf-16"))  # BOM (2 bytes) + 5 characters of 2 bytes
    code, _, err = run([str(raw)], capsys)
    assert code == 1
    assert "control byte 0x01 at byte offset 12" in err


def test_undecodable_input_names_offsets(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    raw = tmp_path / "raw.txt"
    raw.write_bytes("标题".encode() + b"\xff\xfe\xff")
    code, _, err = run([str(raw)], capsys)
    assert code == 1
    assert "neither UTF-8 (invalid byte 0xFF at byte offset 6) nor GB18030" in err


@pytest.mark.parametrize("data", [b"", b"   \n\n\t\n", "\u3000\u3000\n".encode(), "▲上紧接第1版\n\n- 2 -\n".encode()])
def test_empty_input_is_refused(data: bytes, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    raw = tmp_path / "empty.txt"
    raw.write_bytes(data)
    out = tmp_path / "out.md"
    code, stdout, err = run([str(raw), "--out", str(out)], capsys)
    assert (code, stdout) == (1, "")
    assert "nothing to import" in err
    assert not out.exists()


def test_missing_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run([str(tmp_path / "nope.txt")], capsys)
    assert code == 1
    assert "cannot read" in err and "nope.txt" in err


def test_stdin(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(RAW.read_bytes())))
    code, out, _ = run(["-"], capsys)
    assert code == 0
    assert "\nSource: stdin\n" in out


def test_timestamps_reported_unless_stripped(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run([str(FIXTURES / "timestamps.txt")], capsys)
    assert code == 0
    assert "[9:01] 大会开始" in out
    assert "unsure    4 line(s) start with a timestamp like [9:01]; pass --strip-timestamps" in err
    code, out, err = run([str(FIXTURES / "timestamps.txt"), "--strip-timestamps"], capsys)
    assert "[9:01]" not in out
    assert "  removed   line 3: timestamp «[9:01]»" in err.splitlines()


def test_report_lists_markers_page_furniture_and_joins(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run([str(FIXTURES / "page-furniture.txt")], capsys)
    assert code == 0
    lines = err.splitlines()
    assert lines[1] == "  encoding  UTF-8, line endings LF"
    for expected in [
        "  removed   line 3: running header «舟山日报 2023年2月20日»",
        "  removed   line 9: page number «- 2 -»",
        "  removed   line 15: page number «第 3 页»",
        "  removed   line 23: running header «定海政协 5»",
        "  joined    line 7: paragraph broken at «…到哪里，政协履职» | «就跟进到哪里，精…» (continued at line 13)",
        "  heading   line 5: ## 一、协商议政",
        "  heading   line 19: ## 二、民主监督",
    ]:
        assert expected in lines
    code, _, err = run([str(FIXTURES / "continuation-markers.txt")], capsys)
    lines = err.splitlines()
    for marker, line in [("▲上紧接第1版", 3), ("（下转第2版）", 5), ("（上接第1版）", 7), ("下转第2版", 13),
                         ("上接第4版", 15), ("（下转第3版）", 19)]:
        assert f"  removed   line {line}: continuation marker «{marker}»" in lines


def test_unsure_items_are_reported(capsys: pytest.CaptureFixture[str]) -> None:
    _, _, err = run([str(FIXTURES / "heading-run-into-text.txt")], capsys)
    assert "unsure    line 7: took the short line «2023年工作任务» as a heading run directly into the text" in err
    _, _, err = run([str(FIXTURES / "no-structure.txt")], capsys)
    assert "unsure    no title found: Title: TODO; pass --title" in err
