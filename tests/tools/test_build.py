"""tools/build.py on the real site: reproducible, atomic, and strict about every problem."""

import os
import shutil
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from pelican.settings import read_settings

from tools.build import BuildError, build

ROOT = Path(__file__).resolve().parents[2]
FIXTURE_PLUGINS = ROOT / "tests" / "fixtures" / "plugins"
TEXT_SUFFIXES = {".html", ".xml", ".json", ".txt", ".css", ".js", ".pf_meta", ""}


def snapshot(root: Path) -> dict[str, tuple[int, bytes | None]]:
    """Every file and folder under root: permission bits and bytes."""
    return {
        path.relative_to(root).as_posix(): (path.stat().st_mode & 0o7777, path.read_bytes() if path.is_file() else None)
        for path in sorted(root.rglob("*"))
    }


def differences(a: dict, b: dict) -> list[str]:
    only_a = sorted(set(a) - set(b))
    only_b = sorted(set(b) - set(a))
    changed = sorted(name for name in set(a) & set(b) if a[name] != b[name])
    return [f"only in the first: {n}" for n in only_a] + [f"only in the second: {n}" for n in only_b] + [
        f"differs: {n}" for n in changed
    ]


def leftovers(parent: Path) -> list[str]:
    return sorted(p.name for p in parent.iterdir() if p.name.startswith(".output."))


def build_in_subprocess(output: Path, hash_seed: str, epoch: str | None) -> None:
    env = {**os.environ, "PYTHONHASHSEED": hash_seed}
    env.pop("SOURCE_DATE_EPOCH", None)
    if epoch is not None:
        env["SOURCE_DATE_EPOCH"] = epoch
    output.parent.mkdir(parents=True)
    done = subprocess.run(
        [sys.executable, "-m", "tools.build", "-s", "pelicanconf.py", "-o", str(output)],
        check=False, cwd=ROOT, env=env, capture_output=True, text=True, timeout=600,
    )
    assert done.returncode == 0, done.stdout + done.stderr


# reproducible -----------------------------------------------------------------------


@pytest.fixture(scope="module")
def three_builds(tmp_path_factory):
    """The real site built three times, each in its own process: another hash seed (set and
    dict order of strings), another SOURCE_DATE_EPOCH, another moment."""
    root = tmp_path_factory.mktemp("reproducible")
    outputs = []
    for number, (seed, epoch) in enumerate([("1", None), ("2", "0"), ("3", "1700000000")]):
        output = root / f"build-{number}" / "output"
        build_in_subprocess(output, seed, epoch)
        outputs.append(output)
    return outputs


def test_three_builds_are_byte_identical(three_builds):
    first, *others = (snapshot(output) for output in three_builds)
    assert len(first) > 50
    for number, other in enumerate(others, 2):
        found = differences(first, other)
        assert found == [], f"build 1 and build {number} differ:\n" + "\n".join(found)


def test_pages_written_in_a_second_process_are_those_written_in_the_build_itself(three_builds, tmp_path):
    """A build on its own forks to write the section index's pages beside Pelican's
    (section_index/background.py); with SECTION_INDEX_BACKGROUND off they come after, in
    the build's process. The sites are the same, byte for byte."""
    fresh = subprocess.run(
        [sys.executable, "-c", "from section_index.background import can_fork; print(can_fork())"],
        check=True, cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT / "plugins")}, capture_output=True, text=True,
    )
    assert fresh.stdout.strip() == "True", "a build process on its own should fork (two cores, no threads)"
    in_process = build("pelicanconf.py", tmp_path / "output", overrides={"SECTION_INDEX_BACKGROUND": False})
    assert differences(snapshot(three_builds[0]), snapshot(in_process)) == []


def test_no_build_date_or_time_in_the_output(three_builds):
    """Nothing in output/ depends on when it was built (so SOURCE_DATE_EPOCH has nothing to set)."""
    now = datetime.now(UTC)
    stamps = {now.date().isoformat(), now.astimezone(ZoneInfo("Asia/Shanghai")).date().isoformat()}
    dated_content = {
        line.split(":", 1)[1].strip()[:10]
        for path in (ROOT / "content").rglob("*.md")
        for line in path.read_text(encoding="utf-8-sig").splitlines()[:20]
        if line.startswith(("Date:", "Modified:"))
    }
    stamps -= dated_content
    carrying = [
        path.relative_to(three_builds[0]).as_posix()
        for path in three_builds[0].rglob("*")
        if path.is_file() and path.suffix in TEXT_SUFFIXES
        and any(stamp in path.read_text(encoding="utf-8", errors="replace") for stamp in stamps)
    ]
    assert carrying == [], f"today's date {sorted(stamps)} appears in these files"


# atomic -----------------------------------------------------------------------------


@pytest.fixture
def previous(tmp_path):
    """A good output/ from the real site, as the last successful build left it."""
    output = build("pelicanconf.py", tmp_path / "output")
    return output, snapshot(output)


def crashing(how: str, signal: str) -> dict:
    return {
        "PLUGINS": [*read_settings(str(ROOT / "pelicanconf.py"))["PLUGINS"], "crashing"],
        "PLUGIN_PATHS": [str(ROOT / "plugins"), str(FIXTURE_PLUGINS)],
        "CRASHING_PLUGIN": how,
        "CRASHING_PLUGIN_SIGNAL": signal,
    }


@pytest.mark.parametrize("signal", ["content_written", "finalized"])
def test_a_crash_in_a_plugin_leaves_the_previous_output_exactly_as_it_was(previous, signal):
    output, before = previous
    with pytest.raises(RuntimeError, match="failed on purpose"):
        build("pelicanconf.py", output, overrides=crashing("error", signal))
    assert differences(before, snapshot(output)) == []
    assert leftovers(output.parent) == []


@pytest.mark.parametrize("signal", ["content_written", "finalized"])
def test_ctrl_c_leaves_the_previous_output_exactly_as_it_was(previous, signal):
    output, before = previous
    with pytest.raises(KeyboardInterrupt):
        build("pelicanconf.py", output, overrides=crashing("interrupt", signal))
    assert differences(before, snapshot(output)) == []
    assert leftovers(output.parent) == []


def test_a_crash_while_the_section_index_writes_beside_pelican_leaves_nothing_behind(previous):
    """In a build on its own (which forks, see the test above), a crash at the first page Pelican
    writes stops the process writing the section index's pages before the staging folder goes:
    nothing recreates that folder afterwards."""
    output, before = previous
    script = (
        "import sys; from pathlib import Path; from tools.build import build; "
        f"build('pelicanconf.py', Path({str(output)!r}), overrides={crashing('error', 'content_written')!r})"
    )
    crashed = subprocess.run([sys.executable, "-c", script], check=False, cwd=ROOT, capture_output=True, text=True,
                             timeout=300)
    assert crashed.returncode != 0 and "failed on purpose at content_written" in crashed.stderr
    time.sleep(1)  # longer than the section index of the real site takes to write
    assert leftovers(output.parent) == []
    assert differences(before, snapshot(output)) == []


def test_the_crashing_plugin_is_inert_without_its_setting(previous):
    output, before = previous
    build("pelicanconf.py", output, overrides=crashing("", "finalized"))
    assert (output / "index.html").read_bytes() == before["index.html"][1]  # rebuilt, the same site


@pytest.fixture
def broken_content(tmp_path):
    """A copy of the real content with three mistakes in three files."""
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    edits = {
        "stories/morning-at-the-old-pier.zh.md": ("Date: 2023-04-18", "Date: 2023-4-18"),
        "magazine/2023-1/members-studio.en.md": ("Column: members", "Column: people"),
        "reports/2022-standing-committee-work-report.en.md": ("Lang: en", "Lang: english"),
    }
    for relative, (old, new) in edits.items():
        path = content / relative
        text = path.read_text(encoding="utf-8")
        assert old in text
        path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return content


def test_build_error_lists_every_problem_and_output_is_unchanged(previous, broken_content):
    output, before = previous
    with pytest.raises(BuildError) as failure:
        build("pelicanconf.py", output, overrides={"PATH": str(broken_content)})
    message = str(failure.value)
    shown = broken_content.as_posix()
    assert f"{shown}/stories/morning-at-the-old-pier.zh.md:2: Date \"2023-4-18\" is not an ISO date" in message
    assert f"{shown}/magazine/2023-1/members-studio.en.md:7: Column \"people\" is not one of" in message
    assert f"{shown}/reports/2022-standing-committee-work-report.en.md:4: Lang \"english\" is not one of zh, en" in message
    assert differences(before, snapshot(output)) == []
    assert leftovers(output.parent) == []


NUMBERING_GAP = "\n## 一、甲\n\n## 三、丙\n"


def content_with_a_warning(root: Path) -> Path:
    """Real content plus a story whose numbering skips 二、: Pelican builds it, with a warning."""
    content = root / "content"
    shutil.copytree(ROOT / "content", content)
    for lang, gap in (("zh", NUMBERING_GAP), ("en", NUMBERING_GAP.replace("一、", "1. ").replace("三、", "3. "))):
        path = content / f"stories/morning-at-the-old-pier.{lang}.md"
        path.write_text(path.read_text(encoding="utf-8") + gap, encoding="utf-8")
    return content


def test_a_warning_fails_the_build_unless_warnings_are_allowed(tmp_path):
    content = content_with_a_warning(tmp_path)
    with pytest.raises(BuildError, match="numbering"):
        build("pelicanconf.py", tmp_path / "output", overrides={"PATH": str(content)})
    assert not (tmp_path / "output").exists()
    build("pelicanconf.py", tmp_path / "output", allow_warnings=True, overrides={"PATH": str(content)})
    assert (tmp_path / "output" / "index.html").is_file()


def test_the_same_warning_fails_every_build_in_one_process(tmp_path):
    """Pelican's LimitFilter drops a WARNING it has seen before in this process (class-level
    memory), before any handler sees it: the second build of the same content must fail too."""
    content = content_with_a_warning(tmp_path)
    for number in (1, 2):
        (tmp_path / str(number)).mkdir()
        with pytest.raises(BuildError, match="numbering"):
            build("pelicanconf.py", tmp_path / str(number) / "output", overrides={"PATH": str(content)})


def test_the_output_folder_is_readable_by_a_web_server(previous):
    """The staging folder comes from mkdtemp (mode 0700); swapped in, it must not stay private."""
    output, _ = previous
    assert output.stat().st_mode & 0o755 == 0o755


def test_an_output_folder_in_a_new_folder_is_made(tmp_path):
    content = content_with_a_warning(tmp_path)
    output = tmp_path / "new" / "deeper" / "output"
    build("pelicanconf.py", output, allow_warnings=True, overrides={"PATH": str(content)})
    assert (output / "index.html").is_file()
    assert leftovers(output.parent) == []
