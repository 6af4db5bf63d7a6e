"""Build the site atomically: into a temporary folder beside output/, swapped in
only when Pelican, the search index and every check succeeded.

Warnings are errors (Pelican itself only logs them and builds on); pass
--allow-warnings for a draft preview.
"""

import argparse
import logging
import os
import shutil
import sys
import tempfile
from pathlib import Path

from pelican import Pelican
from pelican.log import LimitFilter
from pelican.settings import read_settings


class BuildError(RuntimeError):
    """The build failed; output/ was left as it was."""


class WarningCollector(logging.Handler):
    def __init__(self):
        super().__init__(logging.WARNING)
        self.records = []

    def emit(self, record):
        self.records.append(record)


def build(settings_file: str, output: Path, allow_warnings: bool = False, overrides=None) -> Path:
    """Build into output/, atomically. Returns the output path."""
    output = output.resolve()
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
        Pelican(settings).run()
        problems = [r for r in collector.records if r.levelno >= logging.ERROR or not allow_warnings]
        if problems:
            raise BuildError(
                "the build logged problems (warnings are errors; --allow-warnings for drafts):\n"
                + "\n".join(f"  {r.levelname}: {r.getMessage()}" for r in problems)
            )
        swap_in(staging, output)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    finally:
        root.removeHandler(collector)
    return output


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
    args = parser.parse_args(argv)
    try:
        build(args.settings, args.output, args.allow_warnings)
    except BuildError as error:
        print(f"build failed, {args.output}/ unchanged: {error}", file=sys.stderr)
        return 1
    print(f"built {args.output}/")
    return 0


if __name__ == "__main__":
    sys.exit(main())
