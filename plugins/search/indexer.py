"""Run Pagefind over a finished site and make its bundle reproducible. Never imports Pelican.

Pagefind reads the index view of every page that marks its body (index_view.py),
written to a scratch folder with the site's own paths, so result URLs are the
site's. Each language (each page's <html lang>, lowercased as Pagefind names its
indexes) gets a Pagefind run and a bundle of its own, <site>/<bundle_dir>/<language>/:
Pagefind searches every index its script has loaded with the language module (the
stemmer) of the page's language: an English index merged into the Chinese page's
would be searched unstemmed, and consultation (stored as consult) not found. Each
bundle's script is a module of its own, with its own language's module (search.js).
The languages' Pagefind runs go side by side: one run keeps about one core and a half
busy, so on two cores they end sooner together than one after the other, and the first
bundle's pass runs while the other language is still being indexed. That pass, bundle.py,
sorts what Pagefind wrote in random order, and cuts the index and the fragments to what a
first query needs.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from .bundle import BundleError, normalise_bundle
from .index_view import index_view
from .settings import SearchSettings


class SearchIndexError(RuntimeError):
    """Pagefind could not build the search index; the message says why."""


PAGEFIND_TIMEOUT_S = 900  # for all the runs of a build, which go side by side


@dataclass(frozen=True)
class IndexedSite:
    pages: int  # pages given to Pagefind (those with data-pagefind-body)
    languages: tuple[str, ...]  # Pagefind's index names, sorted ("en", "zh-cn"): one bundle each
    bundle: Path  # the folder of the bundles
    files: int
    size: int  # bytes on disk, all bundles


def pagefind_executable() -> Path:
    """The binary shipped in the pagefind[extended] wheel (or $PAGEFIND_BINARY_PATH)."""
    try:
        from pagefind.service import get_executable
    except ImportError as error:
        raise SearchIndexError(
            "the Python package 'pagefind' is not installed: install requirements.txt (pagefind[extended])"
        ) from error
    executable = get_executable()
    if executable is None or not Path(executable).exists():
        raise SearchIndexError(
            "no Pagefind binary found: install pagefind[extended] from requirements.txt "
            "(or set PAGEFIND_BINARY_PATH)"
        )
    return Path(executable)


# Pagefind's name of an index: <html lang> lowercased, or "unknown" without one.
_INDEX_NAME = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


def index_name(lang: str) -> str:
    name = lang.strip().lower() or "unknown"
    if not _INDEX_NAME.fullmatch(name):
        raise SearchIndexError(f'<html lang="{lang}"> is no language tag (such as zh-CN or en) to name an index by')
    return name


def write_index_views(site: Path, scratch: Path, settings: SearchSettings) -> dict[str, int]:
    """Write the index view of each page with a body under scratch/<index name>/, at its
    own path; returns the number of pages of each index."""
    counts: dict[str, int] = {}
    bundle = site / settings.bundle_dir
    for path in sorted(site.glob(settings.glob)):
        if not path.is_file() or bundle in path.parents:
            continue
        html = path.read_text(encoding="utf-8")
        if "data-pagefind-body" not in html:
            continue  # listings, notices, search and 404 pages: nothing to index
        view = index_view(html, character_languages=settings.character_languages)
        if not view.has_body:
            continue
        name = index_name(view.lang)
        target = scratch / name / path.relative_to(site)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(view.html, encoding="utf-8")
        counts[name] = counts.get(name, 0) + 1
    return counts


def start_pagefind(executable: Path, scratch: Path, bundle: Path, settings: SearchSettings,
                   log: Path) -> subprocess.Popen:
    """Pagefind indexing scratch into bundle, its output going to log: a file, not a pipe, which
    would fill up and stop the run while the build waits for another."""
    command = [str(executable), "--site", str(scratch), "--output-path", str(bundle)]
    for selector in settings.exclude_selectors:
        command += ["--exclude-selectors", selector]
    with log.open("w", encoding="utf-8") as output:
        try:
            return subprocess.Popen(command, stdout=output, stderr=subprocess.STDOUT)
        except OSError as error:
            raise SearchIndexError(f"could not run Pagefind ({executable}): {error}") from error


def finish_pagefind(run: subprocess.Popen, log: Path, deadline: float) -> None:
    try:
        status = run.wait(timeout=max(0.0, deadline - time.monotonic()))
    except subprocess.TimeoutExpired as error:
        raise SearchIndexError(f"Pagefind did not finish within {PAGEFIND_TIMEOUT_S} s") from error
    if status != 0:
        output = log.read_text(encoding="utf-8", errors="replace")
        problems = [line for line in output.splitlines() if line.startswith("Error")]
        detail = "; ".join(dict.fromkeys(problems)) or output.strip()
        raise SearchIndexError(f"Pagefind failed (exit status {status}): {detail}")


def normalise(bundle: Path) -> None:
    try:
        normalise_bundle(bundle)
    except BundleError as error:
        raise SearchIndexError(f"the bundle Pagefind wrote in {bundle} is not as expected: {error}") from error


def build_search_index(site: Path, settings: SearchSettings) -> IndexedSite | None:
    """Index `site` (a finished build) into site/<bundle_dir>/<language>/. None when no page has a body."""
    site = Path(site)
    bundle = site / settings.bundle_dir
    executable = pagefind_executable()
    with tempfile.TemporaryDirectory(prefix="search-index-") as scratch_name:
        scratch = Path(scratch_name)
        pages = write_index_views(site, scratch, settings)
        if not pages:
            return None
        if bundle.exists():
            shutil.rmtree(bundle)
        runs: dict[str, subprocess.Popen] = {}
        try:
            for name in sorted(pages):
                runs[name] = start_pagefind(executable, scratch / name, bundle / name, settings,
                                            scratch / f"{name}.log")
            deadline = time.monotonic() + PAGEFIND_TIMEOUT_S
            for name, run in runs.items():
                finish_pagefind(run, scratch / f"{name}.log", deadline)
                normalise(bundle / name)
        finally:
            for run in runs.values():  # when one failed, the others are of no use
                if run.poll() is None:
                    run.terminate()
                run.wait()
    files = [path for path in bundle.rglob("*") if path.is_file()]
    return IndexedSite(
        pages=sum(pages.values()),
        languages=tuple(sorted(pages)),
        bundle=bundle,
        files=len(files),
        size=sum(path.stat().st_size for path in files),
    )
