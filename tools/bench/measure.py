"""Measurements that need no browser: builds in child processes, Pagefind, bytes per page."""

from __future__ import annotations

import gzip
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

GZIP_LEVEL = 6  # as serve.py sends them
ROOT = Path(__file__).resolve().parents[2]


@dataclass(frozen=True)
class ProcessRun:
    wall_s: float  # from spawning the process to its exit, interpreter start-up included
    cpu_s: float  # user + system CPU of the process and its children: steadier on a busy machine
    peak_rss_mb: float  # the largest process of its tree (the build, or Pagefind under it)
    ok: bool
    detail: dict  # the child's own report (build_s, warnings) or its error
    log: str  # the last lines of its output, when it failed


def run_process(command: list[str], log_path: Path, cwd: Path = ROOT) -> tuple[float, float, int, float]:
    """Run command; (wall seconds, peak RSS in MB, exit status, CPU seconds) of that process (os.wait4)."""
    settle()
    with open(log_path, "wb") as log:
        start = time.perf_counter()
        process = subprocess.Popen(command, cwd=cwd, stdout=log, stderr=subprocess.STDOUT)
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    # ru_maxrss is in kB on Linux; the times include the children the process waited for (Pagefind).
    return wall, usage.ru_maxrss / 1024, process.returncode, usage.ru_utime + usage.ru_stime


def settle() -> bool:
    """Flush written files and, where allowed (root), drop the kernel's caches; True if dropped.
    Run before every measured process.

    Measured here: without it, each build of the same site took more system time than the one
    before (3.3, 4.8, 6.1 s), as the kernel's caches filled with the previous builds' deleted
    files; with it, 2.6 to 3.4 s. A build must not pay for the ones before it.
    """
    os.sync()
    try:
        with open("/proc/sys/vm/drop_caches", "w", encoding="ascii") as caches:
            caches.write("3\n")
    except OSError:
        return False
    return True


def tail(path: Path, lines: int = 15) -> str:
    try:
        return "\n".join(path.read_text(encoding="utf-8", errors="replace").splitlines()[-lines:])
    except OSError:
        return ""


def run_build(mode: str, content: Path, output: Path, work: Path, *, overrides: dict | None = None,
              allow_warnings: bool = False, settings: str = "pelicanconf.py", content_cache: bool = False) -> ProcessRun:
    """One build (child.py) in its own process."""
    output.parent.mkdir(parents=True, exist_ok=True)
    handle, result_name = tempfile.mkstemp(prefix="result-", suffix=".json", dir=work)
    os.close(handle)
    result_path, log_path = Path(result_name), Path(result_name).with_suffix(".log")
    command = [
        sys.executable, "-m", "tools.bench.child", mode,
        "--content", str(content), "--output", str(output), "--result", str(result_path),
        "--settings", settings, "--overrides", json.dumps(overrides or {}),
    ]
    if allow_warnings:
        command.append("--allow-warnings")
    if content_cache:
        command.append("--content-cache")
    wall, rss, status, cpu = run_process(command, log_path)
    try:
        detail = json.loads(result_path.read_text(encoding="utf-8") or "{}")
    except (OSError, ValueError):
        detail = {}
    if status and "error" not in detail:
        last = [line for line in tail(log_path, 40).splitlines() if line.strip()]
        detail["error"] = last[-1].strip() if last else f"the build process exited with status {status}"
    ok = status == 0 and "error" not in detail
    run = ProcessRun(wall, cpu, rss, ok, detail, "" if ok else tail(log_path))
    result_path.unlink(missing_ok=True)
    log_path.unlink(missing_ok=True)
    return run


def median(values: list[float]) -> float | None:
    return statistics.median(values) if values else None


# --- Pagefind -------------------------------------------------------------------------------


def pagefind_input(site: Path, scratch: Path, plugin_settings: dict) -> tuple[Path, list[str], str]:
    """What to give Pagefind: the search plugin's index views when the plugin is there (what the
    build gives it), else the built HTML itself. Returns (folder, extra arguments, which)."""
    sys.path.insert(0, str(ROOT / "plugins"))
    try:
        from search.indexer import write_index_views
        from search.settings import read_settings

        settings = read_settings(plugin_settings)
        write_index_views(site, scratch, settings)
    except (ImportError, AttributeError, TypeError):  # no search plugin, or not the one this was written for
        return site, [], "the built HTML (no search plugin to prepare it)"
    finally:
        sys.path.remove(str(ROOT / "plugins"))
    extra = []
    for selector in settings.exclude_selectors:
        extra += ["--exclude-selectors", selector]
    return scratch, extra, "the search plugin's index views"


def run_pagefind(source: Path, bundle: Path, extra: list[str], work: Path) -> ProcessRun:
    if bundle.exists():
        shutil.rmtree(bundle)
    command = [sys.executable, "-m", "pagefind", "--site", str(source), "--output-path", str(bundle), *extra]
    log = work / "pagefind.log"
    wall, rss, status, cpu = run_process(command, log)
    run = ProcessRun(wall, cpu, rss, status == 0, {} if status == 0 else {"error": f"Pagefind exited with status {status}"},
                     "" if status == 0 else tail(log))
    log.unlink(missing_ok=True)
    return run


def folder_stats(folder: Path) -> tuple[int, int]:
    """(files, bytes) under folder."""
    files = [path for path in folder.rglob("*") if path.is_file()]
    return len(files), sum(path.stat().st_size for path in files)


# --- bytes per page ------------------------------------------------------------------------


class AssetFinder(HTMLParser):
    def __init__(self):
        super().__init__()
        self.css: list[str] = []
        self.js: list[str] = []

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        if tag == "link" and "stylesheet" in (values.get("rel") or "").split() and values.get("href"):
            self.css.append(values["href"])
        elif tag == "script" and values.get("src"):
            self.js.append(values["src"])


def gzip_size(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=GZIP_LEVEL, mtime=0))


def local_file(site: Path, url: str, site_url: str = "") -> Path | None:
    """The output file for an asset address the page links (site-relative or under SITEURL)."""
    if site_url and url.startswith(site_url):
        url = url[len(site_url):]
    if re.match(r"^[a-z]+:|^//", url):
        return None  # external: not ours to weigh
    path = site / url.split("?")[0].split("#")[0].lstrip("/")
    return path if path.is_file() else None


class Weigher:
    """Bytes of a page as a browser first loads it: HTML, and the CSS and JS it links."""

    def __init__(self, site: Path, site_url: str = ""):
        self.site, self.site_url = site, site_url
        self.assets: dict[Path, tuple[int, int]] = {}

    def asset(self, path: Path) -> tuple[int, int]:
        if path not in self.assets:
            data = path.read_bytes()
            self.assets[path] = (len(data), gzip_size(data))
        return self.assets[path]

    def weigh(self, page: Path) -> dict:
        data = page.read_bytes()
        finder = AssetFinder()
        finder.feed(data.decode("utf-8", errors="replace"))
        figures = {"html_raw": len(data), "html_gzip": gzip_size(data)}
        for kind, urls in (("css", finder.css), ("js", finder.js)):
            files = {local_file(self.site, url, self.site_url) for url in urls} - {None}
            sizes = [self.asset(path) for path in files]
            figures[f"{kind}_raw"] = sum(raw for raw, _ in sizes)
            figures[f"{kind}_gzip"] = sum(packed for _, packed in sizes)
        figures["total_gzip"] = figures["html_gzip"] + figures["css_gzip"] + figures["js_gzip"]
        return figures


def page_type_weights(weigher: Weigher, pages: dict[str, list[Path]]) -> dict[str, dict]:
    """Per page type: the figures of its median page (by HTML size) and the heaviest page's total."""
    weights = {}
    for page_type, paths in pages.items():
        existing = sorted((path for path in paths if path.is_file()), key=lambda path: (path.stat().st_size, str(path)))
        if not existing:
            continue
        figures = [weigher.weigh(path) for path in existing]
        middle = figures[len(figures) // 2]
        heaviest = max(range(len(figures)), key=lambda i: figures[i]["total_gzip"])
        weights[page_type] = {
            **{f"{key}_kb": round(value / 1024, 1) for key, value in middle.items()},
            "pages": len(existing),
            "median_page": existing[len(figures) // 2].relative_to(weigher.site).as_posix(),
            "max_total_gzip_kb": round(figures[heaviest]["total_gzip"] / 1024, 1),
            "max_page": existing[heaviest].relative_to(weigher.site).as_posix(),
        }
    return weights
