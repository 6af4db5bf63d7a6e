"""One measured build, run by the benchmark in a process of its own.

A fresh process per build keeps every run cold (Pelican's signals, caches and imports are
process-wide) and gives each build its own peak memory: the parent reads it from os.wait4.

    python -m tools.bench.child site --content C --output O [--overrides JSON] [--allow-warnings] [--content-cache]
    python -m tools.bench.child bare --content C --output O

`site` is our build (tools/build.py with pelicanconf.py, PATH pointed at C); `bare` is plain
Pelican on the same content: no plugins, its default theme and URL settings. The result — the
build's own time, without interpreter start-up, and the problem if it failed — is written as
JSON to --result; a failed build exits non-zero with its traceback on stderr.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
import time
from pathlib import Path


def bare_settings(content: Path, output: Path, templates: Path) -> dict:
    """Plain Pelican: only what says where the content is and what language it is written in.

    Our 404 page names its own template (Template: 404), which the default theme lacks; the
    one override is a 404.html that is the default theme's page.html.
    """
    templates.mkdir(parents=True, exist_ok=True)
    (templates / "404.html").write_text('{% extends "page.html" %}\n', encoding="utf-8")
    return {
        "THEME_TEMPLATES_OVERRIDES": [str(templates)],
        "PATH": str(content),
        "OUTPUT_PATH": str(output),
        "SITENAME": "Bench",
        "TIMEZONE": "Asia/Shanghai",
        "DEFAULT_LANG": "zh",
        "PLUGINS": [],
        "CACHE_CONTENT": False,
        "LOAD_CONTENT_CACHE": False,
        "DELETE_OUTPUT_DIRECTORY": True,
    }


class Counter(logging.Handler):
    def __init__(self):
        super().__init__(logging.WARNING)
        self.count = 0
        self.first: list[str] = []

    def emit(self, record):
        self.count += 1
        if len(self.first) < 5:
            self.first.append(f"{record.levelname}: {record.getMessage()}"[:300])


def run(mode: str, content: Path, output: Path, settings: str, overrides: dict, allow_warnings: bool,
        content_cache: bool = False) -> dict:
    counter = Counter()
    logging.getLogger().addHandler(counter)
    start = time.perf_counter()
    if mode == "site":
        from tools.build import build

        build(settings, output, allow_warnings=allow_warnings, overrides={**overrides, "PATH": str(content)},
              content_cache=content_cache)
    else:
        from pelican import Pelican
        from pelican.settings import read_settings

        output.mkdir(parents=True, exist_ok=True)
        settings = bare_settings(content, output, output.parent / "bare-templates")
        Pelican(read_settings(None, override={**settings, **overrides})).run()
    return {"build_s": time.perf_counter() - start, "warnings": counter.count, "first_warnings": counter.first}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("mode", choices=("site", "bare"))
    parser.add_argument("--content", type=Path, required=True)
    parser.add_argument("--output", type=Path, required=True)
    parser.add_argument("--result", type=Path, required=True)
    parser.add_argument("--settings", default="pelicanconf.py")
    parser.add_argument("--overrides", default="{}", help="settings as a JSON object")
    parser.add_argument("--allow-warnings", action="store_true")
    parser.add_argument("--content-cache", action="store_true", help="as make serve builds (tools/build.py)")
    args = parser.parse_args(argv)
    # A failing build raises: its traceback goes to the log, whose last line the parent reports.
    result = run(args.mode, args.content.resolve(), args.output.resolve(), args.settings,
                 json.loads(args.overrides), args.allow_warnings, args.content_cache)
    args.result.write_text(json.dumps(result), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
