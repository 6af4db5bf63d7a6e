"""make bench: build a synthetic archive of N files (N/2 zh + en pairs) and measure, in one run,
what a build and a page cost, next to the targets of issue 8; print one table and write the
same figures to .bench/results.json.

    python -m tools.bench --n 1000 --runs 3 --out .bench/results.json
"""

from __future__ import annotations

import argparse
import importlib.metadata
import json
import os
import platform
import shutil
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import NamedTuple

from . import measure, report, synthetic
from .hugo import measure_hugo
from .measure import ROOT, median

# A plugin whose helpers the theme calls cannot simply leave PLUGINS: the build would fail in
# a template. Such a plugin is switched off by its own setting instead.
OFF_SWITCHES = {"search": {"SEARCH_ENABLED": False}}
ARTICLE_TYPES = ("report", "story", "article")
# A plugin's share figures, as (name, unit): each also for CPU, as name + "_cpu" + unit.
SHARE_FIGURES = (("without", "_s"), ("share", "_s"), ("share", ""), ("extra", ""), ("extra_by_round", ""))


def parse_args(argv):
    parser = argparse.ArgumentParser(prog="python -m tools.bench", description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=synthetic.DEFAULT_N,
                        help=f"content files in the archive, even, {synthetic.MIN_N}-{synthetic.MAX_N} (default %(default)s)")
    parser.add_argument("--runs", type=int, default=3, help="full builds of each kind; the median counts (default 3)")
    parser.add_argument("--share-runs", type=int,
                        help="rounds of full builds that also build without each plugin, for its share"
                             " (default: every round, as --runs; 0 skips the shares)")
    parser.add_argument("--out", type=Path, default=Path(".bench/results.json"))
    parser.add_argument("--seed", type=int, default=synthetic.DEFAULT_SEED)
    parser.add_argument("--settings", default="pelicanconf.py")
    parser.add_argument("--work", type=Path, help="scratch folder (default: a new one under .bench/, removed after)")
    parser.add_argument("--query", default="协商", help="the Chinese search query (default %(default)s)")
    parser.add_argument("--query-en", default="consultation", help="the English search query")
    parser.add_argument("--chromium", default="/usr/bin/chromium")
    parser.add_argument("--hugo", default=shutil.which("hugo"),
                        help="the hugo executable to compare with (default: hugo on PATH, %(default)s)")
    args = parser.parse_args(argv)
    if args.share_runs is None:
        args.share_runs = args.runs
    if args.runs < 1 or not 0 <= args.share_runs <= args.runs:
        parser.error("--runs must be at least 1 and --share-runs from 0 to --runs")
    return args


def say(message: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def read_site_settings(path: str) -> dict:
    from pelican.settings import read_settings

    return read_settings(str(ROOT / path))


def language_prefixes(settings: dict) -> dict[str, str]:
    languages = settings.get("BILINGUAL_LANGUAGES") or {}
    return {code: languages.get(code, {}).get("prefix", "" if code == "zh" else f"{code}/") for code in ("zh", "en")}


def output_path(settings: dict, publication, lang: str) -> str | None:
    key = "ARTICLE_SAVE_AS" if lang == settings.get("DEFAULT_LANG", "zh") else "ARTICLE_LANG_SAVE_AS"
    try:
        return settings[key].format(slug=publication.slug, category=publication.folder.split("/")[0], lang=lang,
                                    date=publication.date)
    except (KeyError, IndexError, ValueError, AttributeError):
        return None


def pages_by_type(site: Path, settings: dict, archive) -> dict[str, list[Path]]:
    prefixes = language_prefixes(settings)
    pages: dict[str, list[Path]] = {"home": [site / prefix / "index.html" for prefix in prefixes.values()]}
    for kind in ("report", "story", "issue", "article"):
        pages[kind] = [
            site / path
            for publication in archive.publications if publication.kind == kind
            for lang in prefixes
            if (path := output_path(settings, publication, lang))
        ]
    listings = [options.get("listing") for options in settings.get("PUBLICATION_KINDS", {}).values()]
    pages["listing"] = [site / prefix / name / "index.html" for name in listings if name for prefix in prefixes.values()]
    pages["search page"] = [site / prefix / "search" / "index.html" for prefix in prefixes.values()]
    return pages


class Planned(NamedTuple):
    """One full build of a round."""

    label: str  # as the progress lines say it
    runs: list  # where its run goes
    name: str  # Bench.build's name: its output folder
    mode: str  # the child's mode: site or bare
    options: dict  # for Bench.build
    needed: bool  # whether the benchmark stops when it fails


class Bench:
    def __init__(self, args, work: Path):
        self.args, self.work = args, work
        self.content = work / "content"
        self.site = work / "site"
        self.notes: list[str] = []
        self.results: dict = {}
        self.loads: list[float] = []  # the 1-minute load average as each build starts

    def build(self, name: str, mode: str, **options) -> measure.ProcessRun:
        output = self.work / "builds" / name.replace(" ", "-") / "output"
        self.loads.append(os.getloadavg()[0])
        run = measure.run_build(mode, self.content, output, self.work, settings=self.args.settings, **options)
        if run.ok and name == "site":
            if self.site.exists():
                shutil.rmtree(self.site)
            output.rename(self.site)  # the latest full build: weighed, searched
        shutil.rmtree(output.parent, ignore_errors=True)
        return run

    def fail(self, what: str, run: measure.ProcessRun) -> int:
        print(f"bench: {what} failed: {run.detail.get('error')}\n{run.log}", file=sys.stderr)
        return 1

    def run(self) -> int:
        args, results = self.args, self.results
        settings = read_site_settings(args.settings)
        plugins = [str(name) for name in settings.get("PLUGINS") or ()]
        columns = tuple(settings.get("MAGAZINE_COLUMNS") or synthetic.DEFAULT_COLUMNS)
        started = datetime.now(UTC)
        results.update(
            n=args.n, runs=args.runs, seed=args.seed, plugins=plugins,
            started=started.isoformat(timespec="seconds"),
            machine={"cpus": os.cpu_count(), "load_avg_start": os.getloadavg()[0], "python": platform.python_version(),
                     "pelican": importlib.metadata.version("pelican")},
        )
        say(f"writing the synthetic archive: N = {args.n} files")
        shutil.rmtree(self.content, ignore_errors=True)
        archive = synthetic.generate(self.content, args.n, args.seed,
                                     pages_from=Path(settings["PATH"]) / "pages", columns=columns)
        results["pairs"] = archive.pairs
        results["kinds"] = {kind: archive.count(kind) for kind in ("report", "story", "issue", "article")}

        rounds = self.full_build_rounds(plugins)
        if rounds is None:
            return 1
        site_runs, bare_runs, without_runs = rounds
        full = median([run.wall_s for run in site_runs])
        bare = median([run.wall_s for run in bare_runs])
        full_cpu = median([run.cpu_s for run in site_runs])
        bare_cpu = median([run.cpu_s for run in bare_runs])
        results.update(
            full_build_s=round(full, 2),
            full_build_runs_s=[round(run.wall_s, 2) for run in site_runs],
            full_build_in_process_s=round(median([run.detail["build_s"] for run in site_runs]), 2),
            bare_pelican_s=round(bare, 2),
            bare_pelican_runs_s=[round(run.wall_s, 2) for run in bare_runs],
            full_build_ratio=round(full / bare, 3),
            full_build_cpu_s=round(full_cpu, 2),
            bare_pelican_cpu_s=round(bare_cpu, 2),
            full_build_cpu_ratio=round(full_cpu / bare_cpu, 3),
            peak_rss_mb=round(max(run.peak_rss_mb for run in site_runs), 1),
            bare_peak_rss_mb=round(max(run.peak_rss_mb for run in bare_runs), 1),
            bare_pelican_warnings=bare_runs[-1].detail.get("warnings"),
            bare_pelican_first_warnings=bare_runs[-1].detail.get("first_warnings"),
        )

        self.plugin_shares(without_runs, site_runs[:args.share_runs])
        self.rebuild(archive, full, full_cpu)
        self.pagefind(settings)
        self.weights(settings, archive)
        self.search(settings)
        self.hugo(archive, full)

        results["machine"]["caches_dropped"] = measure.settle()
        if not results["machine"]["caches_dropped"]:
            self.notes.append("the kernel's caches could not be dropped between builds (that needs root): "
                              "a build may pay for the files of the builds before it")
        results["machine"]["load_avg_end"] = os.getloadavg()[0]
        results["machine"]["load_avg_max"] = max(self.loads, default=0.0)
        busiest = max(results["machine"]["load_avg_start"], results["machine"]["load_avg_end"], *self.loads)
        if busiest > (os.cpu_count() or 1) * 0.75:
            self.notes.append(f"the machine was busy (load average up to {busiest:.1f} on {os.cpu_count()} CPUs): "
                              "times are noisy")
        self.notes.append("N counts content files: N/2 publications, each a zh original and its en translation; "
                          "build times are wall-clock per process, interpreter start-up included")
        results["targets"] = {
            target.key: {"limit": target.limit, "value": target.value, "met": target.met, "status": target.status}
            for target in report.targets(results)
        }
        results["notes"] = self.notes
        return 0

    def full_build_rounds(self, plugins: list[str]):
        """Full builds of our site, of plain Pelican and of our site without each plugin, in rounds,
        so that all see the same machine: a machine that slows down over the minutes of the
        benchmark (it does, here) would otherwise pass for a plugin's cost or saving. The order of
        the builds turns by one place each round, so that no kind of build always comes first or
        follows the same one. Returns (site runs, bare runs, {plugin: runs without it}); None,
        once said why, when our site or plain Pelican fails to build."""
        args = self.args
        site_runs, bare_runs = [], []
        without_runs = {name: [] for name in plugins}
        for number in range(1, args.runs + 1):
            builds = [Planned("our site", site_runs, "site", "site", {}, needed=True),
                      Planned("plain Pelican", bare_runs, "bare", "bare", {}, needed=True)]
            for name, runs in without_runs.items():
                if number > args.share_runs or (runs and not runs[-1].ok):
                    continue  # shares not wanted this round, or the theme cannot do without it
                overrides = {"overrides": self.overrides_without(name, plugins)[0], "allow_warnings": True}
                builds.append(Planned(f"without {name}", runs, f"without {name}", "site", overrides, needed=False))
            turn = (number - 1) % len(builds)
            for planned in builds[turn:] + builds[:turn]:
                say(f"full build {number}/{args.runs}: {planned.label}")
                run = self.build(planned.name, planned.mode, **planned.options)
                if planned.needed and not run.ok:
                    self.fail(f"{planned.label}'s build", run)
                    return None
                planned.runs.append(run)
        return site_runs, bare_runs, without_runs

    @staticmethod
    def overrides_without(name: str, plugins: list[str]) -> tuple[dict, str]:
        """The settings that leave plugin name out of a build, and how they do it, in words."""
        if name in OFF_SWITCHES:
            return dict(OFF_SWITCHES[name]), ", ".join(f"{k}={v}" for k, v in OFF_SWITCHES[name].items())
        return {"PLUGINS": [p for p in plugins if p != name]}, "left out of PLUGINS"

    def plugin_shares(self, without_runs: dict[str, list[measure.ProcessRun]],
                      site_runs: list[measure.ProcessRun]) -> None:
        """Each plugin's share: the full builds of the rounds that built without it, against those builds."""
        shares = self.results["plugin_shares"] = {}
        if not site_runs:
            self.notes.append("plugin shares not measured (--share-runs 0)")
            return
        plugins = list(without_runs)
        for name, runs in without_runs.items():
            how = self.overrides_without(name, plugins)[1]
            failed = next((run for run in runs if not run.ok), None)
            shares[name] = {"how": how, "runs": len(runs), **share_figures(None if failed else runs, site_runs)}
            if failed:
                shares[name]["error"] = f"the build fails without it: {failed.detail.get('error', '')}".splitlines()[0][:200]

    def rebuild(self, archive, full: float, full_cpu: float) -> None:
        """Warm Pelican's content cache with one build, then edit one file and build again, as
        `make serve` rebuilds (tools/build.py --content-cache)."""
        cache = self.work / "cache"
        overrides = {"CACHE_PATH": str(cache)}
        say("rebuild: warming the content cache")
        warm = self.build("rebuild", "site", overrides=overrides, content_cache=True)
        if not warm.ok:
            self.notes.append(f"one-file rebuild not measured: {warm.detail.get('error')}")
            self.results.update(rebuild_s=None, rebuild_fraction=None)
            return
        edited = self.content / archive.first("story").path("zh")
        runs = []
        for number in range(1, self.args.runs + 1):
            text = edited.read_text(encoding="utf-8").rstrip("\n")
            edited.write_text(text + f"本文第{number}次修订。\n", encoding="utf-8")
            say(f"rebuild {number}/{self.args.runs} after editing {edited.relative_to(self.content)}")
            run = self.build("rebuild", "site", overrides=overrides, content_cache=True)
            if not run.ok:
                self.notes.append(f"one-file rebuild failed: {run.detail.get('error')}")
                break
            runs.append(run)
        rebuild = median([run.wall_s for run in runs])
        rebuild_cpu = median([run.cpu_s for run in runs])
        self.results.update(
            rebuild_warmup_s=round(warm.wall_s, 2),
            rebuild_s=None if rebuild is None else round(rebuild, 2),
            rebuild_runs_s=[round(run.wall_s, 2) for run in runs],
            rebuild_fraction=None if rebuild is None else round(rebuild / full, 3),
            rebuild_cpu_s=None if rebuild_cpu is None else round(rebuild_cpu, 2),
            rebuild_cpu_fraction=None if rebuild_cpu is None else round(rebuild_cpu / full_cpu, 3),
            rebuild_edited=edited.relative_to(self.content).as_posix(),
        )
        shutil.rmtree(cache, ignore_errors=True)

    def pagefind(self, settings: dict) -> None:
        results = self.results
        results["pagefind_version"] = importlib.metadata.version("pagefind")
        scratch = self.work / "pagefind-input"
        scratch.mkdir(exist_ok=True)
        source, extra, which = measure.pagefind_input(self.site, scratch, settings)
        bundle = self.work / "pagefind-bundle"
        runs = []
        for number in range(1, self.args.runs + 1):
            say(f"Pagefind alone {number}/{self.args.runs}")
            run = measure.run_pagefind(source, bundle, extra, self.work)
            if not run.ok:
                self.notes.append(f"Pagefind alone failed: {run.detail['error']}: {run.log}")
                break
            runs.append(run)
        results.update(
            pagefind_input=which,
            pagefind_s=round(median([run.wall_s for run in runs]), 2) if runs else None,
            pagefind_rss_mb=round(max(run.peak_rss_mb for run in runs), 1) if runs else None,
            pagefind_cpu_s=round(median([run.cpu_s for run in runs]), 2) if runs else None,
        )
        site_bundle = self.site / settings.get("SEARCH_BUNDLE_DIR", "pagefind")
        measured = site_bundle if site_bundle.is_dir() else bundle if runs else None
        if measured is not None:
            files, size = measure.folder_stats(measured)
            results.update(index_mb=round(size / 1e6, 2), index_files=files,
                           index_of="the site's bundle" if measured == site_bundle else "Pagefind run alone")
        else:
            results.update(index_mb=None, index_files=None)
        shutil.rmtree(scratch, ignore_errors=True)
        shutil.rmtree(bundle, ignore_errors=True)

    def weights(self, settings: dict, archive) -> None:
        say("weighing pages")
        weigher = measure.Weigher(self.site, settings.get("SITEURL", ""))
        pages = measure.page_type_weights(weigher, pages_by_type(self.site, settings, archive))
        self.results["pages"] = pages
        heaviest = max((pages[kind] for kind in ARTICLE_TYPES if kind in pages),
                       key=lambda figures: figures["max_total_gzip_kb"], default=None)
        self.results["page_gzip_kb"] = heaviest["max_total_gzip_kb"] if heaviest else None
        self.results["page_gzip_page"] = heaviest["max_page"] if heaviest else None

    def search(self, settings: dict) -> None:
        from .browser import SearchMeasureError, measure_first_query
        from .serve import serving

        prefixes = language_prefixes(settings)
        results = self.results
        results.update(first_query_kb=None, first_result_ms=None, search_method=None, search_query=self.args.query)
        with serving(self.site) as served:
            for lang, query in (("zh", self.args.query), ("en", self.args.query_en)):
                path = "/" + prefixes[lang] + "search/"
                say(f"first search query in Chromium: {query!r} on {path}")
                try:
                    figures = measure_first_query(served, path, query, executable=self.args.chromium)
                except SearchMeasureError as error:
                    self.notes.append(f"search not measured on {path}: {error}")
                    continue
                measured = {
                    "query": query,
                    "first_query_kb": round(figures.transferred_bytes / 1024, 1),
                    "first_query_requests": figures.requests,
                    "first_result_ms": round(figures.first_result_ms, 1),
                    "first_result_in_dom_ms": None if figures.inserted_ms is None else round(figures.inserted_ms, 1),
                    "results_shown": figures.results,
                    "transferred_kb_by_kind": {kind: round(size / 1024, 1) for kind, size in
                                               sorted(figures.by_kind.items(), key=lambda item: -item[1])},
                    "method": figures.method,
                }
                if lang == "zh":
                    results.update(
                        first_query_kb=measured["first_query_kb"], first_query_requests=figures.requests,
                        first_result_ms=measured["first_result_ms"], search_method=figures.method,
                        search_query=query, search_zh=measured,
                    )
                else:
                    results["search_en"] = measured
                if figures.method != "search UI (search.js)":
                    self.notes.append(f"{path} has no search UI: Pagefind's JS API was called directly")

    def hugo(self, archive, full: float) -> None:
        if self.args.hugo:
            say(f"Hugo builds: {self.args.runs}")
        figures = measure_hugo(self.args.hugo, archive, self.content, self.work, self.args.runs)
        hugo_s = figures["hugo_s"]
        self.results.update(figures, hugo_ratio=None if hugo_s is None else round(full / hugo_s, 3))


def share_figures(runs: list[measure.ProcessRun] | None, site_runs: list[measure.ProcessRun]) -> dict:
    """What a plugin adds: as a share of the full build, and as extra time over the build without it.

    runs[i] and site_runs[i] are builds of the same round. The medians make the figures; each
    round's own extra is kept too, to show how far the machine lets one measurement be trusted.
    """
    if not runs:
        return {f"{name}{suffix}{unit}": None for name, unit in SHARE_FIGURES for suffix in ("", "_cpu")}
    figures = {}
    for suffix, measured in (("", lambda run: run.wall_s), ("_cpu", lambda run: run.cpu_s)):
        whole, without = median([measured(run) for run in site_runs]), median([measured(run) for run in runs])
        figures[f"without{suffix}_s"] = round(without, 2)
        figures[f"share{suffix}_s"] = round(whole - without, 2)
        figures[f"share{suffix}"] = round((whole - without) / whole, 3)
        figures[f"extra{suffix}"] = round((whole - without) / without, 3)
        figures[f"extra_by_round{suffix}"] = [round((measured(full) - measured(run)) / measured(run), 3)
                                              for full, run in zip(site_runs, runs)]
    return figures


def main(argv=None) -> int:
    args = parse_args(argv)
    try:
        synthetic.plan_archive(args.n, args.seed)  # a bad N fails before anything is built
    except synthetic.ArchiveError as error:
        print(f"bench: {error}", file=sys.stderr)
        return 2
    (ROOT / ".bench").mkdir(exist_ok=True)
    work = args.work or Path(tempfile.mkdtemp(prefix="work-", dir=ROOT / ".bench"))
    work.mkdir(parents=True, exist_ok=True)
    bench = Bench(args, work.resolve())
    try:
        status = bench.run()
    finally:
        if args.work is None:
            shutil.rmtree(work, ignore_errors=True)
    if status:
        return status
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(bench.results, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(report.table(bench.results))
    print(f"figures written to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
