"""Magazine articles from the command line: Issue and Column given (or the issue read from OUT's
folder), checked against the site's list, and a written article that `make check` accepts."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from pelican.settings import read_settings
from sitebuild import ISSUE_ZH, jpeg, write_content

from importer.cli import main
from importer.site import SettingsUnreadable, magazine_columns, setting
from tools import check

ROOT = Path(__file__).resolve().parents[2]
COLUMNS = tuple(read_settings(str(ROOT / "pelicanconf.py"))["MAGAZINE_COLUMNS"])
RAW = """\
渔村里的协商驿站

2023年3月31日

一、缘起

在渔村建立协商驿站，群众有事好商量。

二、成效

一年来，驿站收集意见四十余条。
"""

def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def raw(tmp_path: Path) -> Path:
    path = tmp_path / "raw.txt"
    path.write_text(RAW, encoding="utf-8")
    return path


@pytest.fixture
def content(tmp_path: Path) -> Path:
    """A content tree with one magazine issue, the folder an article is imported into."""
    return write_content(tmp_path, {"magazine/2023-1/issue.zh.md": ISSUE_ZH, "images/cover.jpg": jpeg((32, 48), (20, 40, 90))})


def test_the_importer_reads_the_sites_columns():
    assert magazine_columns() == COLUMNS


def test_an_article_in_its_issues_folder_gets_that_issue_and_passes_make_check(raw, content, capsys):
    out = content / "magazine" / "2023-1" / "station.zh.md"
    code, _, err = run([str(raw), "--kind", "article", "--column", COLUMNS[0], "--slug", "2023-1-station",
                        "--out", str(out)], capsys)
    assert code == 0, err
    head = out.read_text(encoding="utf-8").split("\n\n", 1)[0].splitlines()
    assert head[-2:] == ["Issue: 2023-1", f"Column: {COLUMNS[0]}"]
    assert f"issue     2023-1 (from the folder of OUT, {out.parent}/)" in err
    assert check.main(["--content", str(content)]) == 0, capsys.readouterr().out


def test_an_out_folder_in_the_issue_gives_the_issue_too(raw, content, capsys):
    folder = content / "magazine" / "2023-1"
    code, _, err = run([str(raw), "--kind", "article", "--column", COLUMNS[-1], "--out", f"{folder}/"], capsys)
    assert code == 0, err
    (written,) = folder.glob("*magazine-article.zh.md")
    assert "\nIssue: 2023-1\n" in written.read_text(encoding="utf-8")


def test_issue_and_column_on_the_command_line_go_to_stdout(raw, capsys):
    code, out, err = run([str(raw), "--kind", "article", "--issue", "2023-4", "--column", COLUMNS[1]], capsys)
    assert code == 0, err
    assert "\nSource: raw.txt\nIssue: 2023-4\nColumn: " + COLUMNS[1] + "\n\n" in out


def test_reimporting_an_article_keeps_its_issue_and_column(raw, tmp_path, capsys):
    first = tmp_path / "first.zh.md"
    assert run([str(raw), "--kind", "article", "--issue", "2023-4", "--column", COLUMNS[1], "--out", str(first)],
               capsys)[0] == 0
    code, out, err = run([str(first)], capsys)
    assert code == 0, err
    assert out == first.read_text(encoding="utf-8")
    assert "not carried over" not in err


@pytest.mark.parametrize(("argv", "message"), [
    (["--issue", "2023-1"], f"a magazine article needs a Column, one of {', '.join(COLUMNS)}"),
    (["--issue", "2023-1", "--column", "sports"],
     f"Column \"sports\" is not one of the magazine's columns ({', '.join(COLUMNS)})"),
    (["--column", COLUMNS[0]], "a magazine article needs an Issue"),
])
def test_an_article_without_its_place_in_the_magazine_is_refused_and_nothing_written(raw, tmp_path, capsys,
                                                                                     argv, message):
    out = tmp_path / "article.zh.md"
    code, stdout, err = run([str(raw), "--kind", "article", "--out", str(out), *argv], capsys)
    assert (code, stdout) == (1, "")
    assert message in err
    assert not out.exists()


def test_an_issue_other_than_the_folders_is_refused(raw, content, capsys):
    out = content / "magazine" / "2023-1" / "station.zh.md"
    code, _, err = run([str(raw), "--kind", "article", "--issue", "2023-2", "--column", COLUMNS[0],
                        "--out", str(out)], capsys)
    assert code == 1
    assert "--issue is 2023-2, but OUT is in the folder of issue 2023-1" in err
    assert not out.exists()


def test_issue_and_column_are_refused_for_other_kinds(raw, capsys):
    code, out, err = run([str(raw), "--kind", "story", "--column", COLUMNS[0]], capsys)
    assert (code, out) == (1, "")
    assert "Issue and Column are for magazine articles (kind article), not for a story" in err


def test_an_issue_that_is_no_slug_is_a_usage_error(raw, capsys):
    with pytest.raises(SystemExit) as exit_:
        main([str(raw), "--kind", "article", "--issue", "2023 1", "--column", COLUMNS[0]])
    assert exit_.value.code == 2
    assert "not a slug" in capsys.readouterr().err


def test_settings_are_read_as_written_not_run(tmp_path):
    settings = tmp_path / "pelicanconf.py"
    settings.write_text('MAGAZINE_COLUMNS = {"a": {}}\nMAGAZINE_COLUMNS = {"b": {}, "c": {}}\n'
                        'SITENAME = "x".upper()\n', encoding="utf-8")
    assert magazine_columns(settings) == ("b", "c")  # the last assignment, as Python would
    with pytest.raises(SettingsUnreadable, match="SITENAME in .* is not a literal"):
        setting("SITENAME", settings)
    with pytest.raises(SettingsUnreadable, match="has no PATH setting"):
        setting("PATH", settings)


def test_make_import_passes_issue_and_column_to_the_importer():
    dry_run = subprocess.run(
        ["make", "-n", "-s", "import", "SRC=raw.txt", "KIND=article", "ISSUE=2023-1", "COLUMN=history",
         "OUT=content/magazine/2023-1/x.zh.md"],
        cwd=ROOT, capture_output=True, text=True, check=True, env={"PATH": "/usr/bin:/bin"},
    ).stdout.splitlines()
    assert dry_run[-1] == ('.venv/bin/python -m importer "raw.txt" --kind article --lang zh '
                           '--out "content/magazine/2023-1/x.zh.md" --issue "2023-1" --column "history"')
