"""Build the site atomically: into a temporary folder beside output/, swapped in
only when Pelican, the search index and every check succeeded.

Warnings are errors (Pelican itself only logs them and builds on); pass
--allow-warnings for a draft preview.

--content-cache (what `make serve` rebuilds with) keeps Pelican's reader cache: the
HTML of every Markdown file, reused while the file is unchanged. It is dropped whenever
the settings, the plugins or the pinned requirements change, since the cached HTML
depends on them; `make html` and `make publish` read everything afresh.

Tried and measured for issue 8, and not kept. Seeding the staging folder with hard links
to the previous output and writing only pages whose bytes changed: at N = 5,000 (10,054
pages, 195 MB) that took 5.3 s wall / 3.1 s CPU against 5.5 s / 2.7 s for writing every
page, since a page must be rendered to know it did not change and reading it to compare
costs what writing it does. Rendering the pages in two forked processes after every
generator ran: rendering and writing are about a quarter of the build's CPU at N = 1,000,
so two idle cores could save at most an eighth of the wall time; on the shared machine it
saved nothing measurable, and it would hide from the parent whatever templates log.
(The section index does write its own pages in a second process, beside Pelican's
instead of after them, and hands back what they log: plugins/section_index/background.py.)
"""

import argparse
import hashlib
import logging
import multiprocessing
import os
import shutil
import sys
import tempfile
from pathlib import Path

from pelican import Pelican
from pelican.log import LimitFilter
from pelican.settings import read_settings

ROOT = Path(__file__).resolve().parents[1]
CACHE_KEY_FILE = "content-cache-key"


class BuildError(RuntimeError):
    """The build failed; output/ was left as it was."""


class WarningCollector(logging.Handler):
    def __init__(self):
        super().__init__(logging.WARNING)
        self.records = []

    def emit(self, record):
        self.records.append(record)


def content_cache_key(settings_file: str) -> str:
    """What the reader cache's HTML depends on besides each file: settings, plugins, requirements."""
    sources = {"settings": Path(settings_file), "requirements": ROOT / "requirements.txt"}
    sources |= {path.relative_to(ROOT).as_posix(): path for path in sorted((ROOT / "plugins").rglob("*.py"))}
    digest = hashlib.sha256()
    for name, path in sources.items():
        digest.update(name.encode() + b"\0" + (path.read_bytes() if path.is_file() else b"") + b"\0")
    return digest.hexdigest()


def use_content_cache(settings: dict, key: str) -> None:
    """Turn Pelican's reader cache on in settings, dropping a cache made under another key."""
    cache = Path(settings["CACHE_PATH"])
    stamp = cache / CACHE_KEY_FILE
    if not stamp.is_file() or stamp.read_text(encoding="utf-8") != key:
        for stale in cache.glob("*-Readers"):  # Pelican names each cache <Generator>-Readers
            stale.unlink()
        cache.mkdir(parents=True, exist_ok=True)
        stamp.write_text(key, encoding="utf-8")
    settings.update(CACHE_CONTENT=True, LOAD_CONTENT_CACHE=True, CONTENT_CACHING_LAYER="reader")


def build(settings_file: str, output: Path, allow_warnings: bool = False, overrides=None,
          content_cache: bool = False) -> Path:
    """Build into output/, atomically. Returns the output path."""
    output = output.resolve()
    output.parent.mkdir(parents=True, exist_ok=True)  # -o some/new/folder/site works too
    staging = Path(tempfile.mkdtemp(prefix=f".{output.name}.building-", dir=output.parent))
    staging.chmod(0o755)  # mkdtemp's 0700 would hide the site from the web server
    # Pelican logs a repeated message once per process; every build must see its own.
    LimitFilter._raised_messages.clear()
    LimitFilter._group_count.clear()
    collector = WarningCollector()
    root = logging.getLogger()
    root.addHandler(collector)
    try:
        settings = read_settings(settings_file, override={**(overrides or {}), "OUTPUT_PATH": str(staging)})
        if content_cache:
            use_content_cache(settings, content_cache_key(settings_file))
        Pelican(settings).run()
        problems = [r for r in collector.records if r.levelno >= logging.ERROR or not allow_warnings]
        if problems:
            raise BuildError(
                "the build logged problems (warnings are errors; --allow-warnings for drafts):\n"
                + "\n".join(f"  {r.levelname}: {r.getMessage()}" for r in problems)
            )
        swap_in(staging, output)
    except BaseException:
        stop_helper_processes()
        shutil.rmtree(staging, ignore_errors=True)
        raise
    finally:
        root.removeHandler(collector)
    return output


def stop_helper_processes() -> None:
    """Stop the processes a failed build started (the section index writes its pages in one),
    so that none writes into the staging folder once it is removed."""
    for process in multiprocessing.active_children():
        process.terminate()
        process.join()


def swap_in(staging: Path, output: Path) -> None:
    """Replace output/ by staging/ with renames, so readers never see a half-written tree."""
    previous = output.with_name(f".{output.name}.previous-{os.getpid()}")
    if output.exists():
        output.rename(previous)
    staging.rename(output)
    shutil.rmtree(previous, ignore_errors=True)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("-s", "--settings", default="pelicanconf.py")
    parser.add_argument("-o", "--output", default="output", type=Path)
    parser.add_argument("--allow-warnings", action="store_true", help="for draft previews only")
    parser.add_argument("--content-cache", action="store_true",
                        help="reuse the HTML of unchanged Markdown files (make serve)")
    args = parser.parse_args(argv)
    try:
        build(args.settings, args.output, args.allow_warnings, content_cache=args.content_cache)
    except BuildError as error:
        print(f"build failed, {args.output}/ unchanged: {error}", file=sys.stderr)
        return 1
    print(f"built {args.output}/")
    return 0


if __name__ == "__main__":
    sys.exit(main())
