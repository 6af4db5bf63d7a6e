"""The targets of issue 8 (and issue 3's for section_index) and the one table `make bench` prints. Pure: figures in, text out."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

FULL_BUILD_RATIO = 1.25  # × plain Pelican, same content
HUGO_RATIO = 2.5  # × Hugo's multilingual build, at N = 5,000
HUGO_AT_N = 5_000
REBUILD_FRACTION = 0.25  # of a full build, at N = 1,000
REBUILD_AT_N = 1_000
PAGE_GZIP_KB = 30  # an article page, HTML + CSS + JS, gzip, before images
FIRST_QUERY_KB = 150  # transferred for the first search query
FIRST_RESULT_MS = 300  # from the last keystroke
SECTION_INDEX_EXTRA = 0.15  # extra build time with the plugin over the build without it (issue 3)


@dataclass(frozen=True)
class Target:
    key: str
    label: str  # what is limited
    limit: str  # the target, as the issue states it
    value: float | None  # the figure compared with the limit
    met: bool | None  # None: not measured
    note: str = ""

    @property
    def status(self) -> str:
        if self.met is None:
            return "not measured" + (f" ({self.note})" if self.note else "")
        return ("met" if self.met else "not met") + (f" ({self.note})" if self.note else "")


def _at(n: int, size: int) -> str:
    return "" if n == size else f"target set at N = {size:,}"


def targets(results: Mapping) -> list[Target]:
    n = results["n"]
    ratio = results.get("full_build_ratio")
    cpu_ratio = results.get("full_build_cpu_ratio")
    cpu_fraction = results.get("rebuild_cpu_fraction")
    hugo_ratio = results.get("hugo_ratio")
    fraction = results.get("rebuild_fraction")
    page = results.get("page_gzip_kb")
    query = results.get("first_query_kb")
    first = results.get("first_result_ms")
    section_index = results.get("plugin_shares", {}).get("section_index", {})
    extra, extra_cpu = section_index.get("extra"), section_index.get("extra_cpu")

    def check(value, limit):
        return None if value is None else value <= limit

    hugo_note = results.get("hugo_note") or _at(n, HUGO_AT_N)
    return [
        Target("full_build_ratio", "full build vs plain Pelican", f"≤ {FULL_BUILD_RATIO} ×", ratio,
               check(ratio, FULL_BUILD_RATIO),
               "" if ratio is None else f"{ratio:.2f} ×" + ("" if cpu_ratio is None else f"; CPU {cpu_ratio:.2f} ×")),
        Target("hugo_ratio", "full build vs Hugo (multilingual)", f"≤ {HUGO_RATIO} ×", hugo_ratio,
               check(hugo_ratio, HUGO_RATIO),
               hugo_note if hugo_ratio is None else "; ".join(filter(None, [f"{hugo_ratio:.2f} ×", _at(n, HUGO_AT_N)]))),
        Target("rebuild_fraction", "one-file rebuild", f"≤ {REBUILD_FRACTION:.0%} of a full build", fraction,
               check(fraction, REBUILD_FRACTION),
               "" if fraction is None else "; ".join(filter(None, [
                   f"{fraction:.0%}", None if cpu_fraction is None else f"CPU {cpu_fraction:.0%}", _at(n, REBUILD_AT_N)]))),
        Target("page_gzip_kb", "heaviest article page, gzip, before images", f"≤ {PAGE_GZIP_KB} kB", page,
               check(page, PAGE_GZIP_KB)),
        Target("first_query_kb", "first search query, transferred", f"≤ {FIRST_QUERY_KB} kB", query,
               check(query, FIRST_QUERY_KB)),
        Target("first_result_ms", "first result after the last keystroke", f"≤ {FIRST_RESULT_MS} ms", first,
               check(first, FIRST_RESULT_MS)),
        Target("section_index_extra", "section_index: extra build time over the build without it",
               f"< {SECTION_INDEX_EXTRA:.0%}", extra, None if extra is None else extra < SECTION_INDEX_EXTRA,
               "" if extra is None else "; ".join(filter(None, [
                   f"{extra:+.1%}", None if extra_cpu is None else f"CPU {extra_cpu:+.1%}",
                   _spread(section_index.get("extra_by_round"))]))),
    ]


def _spread(by_round: list[float] | None) -> str | None:
    """The lowest and highest of the rounds' own figures, when there are several."""
    if not by_round or len(by_round) < 2:
        return None
    return f"rounds {min(by_round):+.0%} to {max(by_round):+.0%}"


# --- the table ---------------------------------------------------------------------------------


def _s(value) -> str:
    return "—" if value is None else f"{value:.1f} s" if value < 100 else f"{value:.0f} s"


def _with_cpu(results: Mapping, key: str) -> str:
    wall, cpu = results.get(f"{key}_s"), results.get(f"{key}_cpu_s")
    return _s(wall) + ("" if cpu is None or wall is None else f" (CPU {_s(cpu)})")


def _mb(value) -> str:
    return "—" if value is None else f"{value:,.0f} MB"


def _kb(value) -> str:
    return "—" if value is None else f"{value:,.1f} kB"


def _ms(value) -> str:
    return "—" if value is None else f"{value:,.0f} ms"


def table(results: Mapping) -> str:
    """The one table: every figure, and each target next to its figure with met / not met."""
    by_key = {target.key: target for target in targets(results)}
    rows: list[tuple[str, str, str, str]] = []

    def row(label, figure, key=None, status=""):
        target = by_key.get(key)
        rows.append((label, figure, target.limit if target else "", target.status if target else status))

    def section(title):
        rows.append((title, "", "", ""))

    kinds = results.get("kinds", {})
    plural = "s" * (results["runs"] != 1)
    section(f"Builds (median of {results['runs']} run{plural}, each in its own process)")
    row("  full build, our site", _with_cpu(results, "full_build"), "full_build_ratio")
    row("  plain Pelican: no plugins, default theme", _with_cpu(results, "bare_pelican"))
    version = f" {results['hugo_version']}" if results.get("hugo_version") else ""
    row(f"  Hugo{version}, multilingual, same content", _with_cpu(results, "hugo"), "hugo_ratio")
    row("  one-file rebuild, as make serve (content cache)", _with_cpu(results, "rebuild"), "rebuild_fraction")
    row("  peak memory, our build (largest process)", _mb(results.get("peak_rss_mb")))
    row("  peak memory, plain Pelican", _mb(results.get("bare_peak_rss_mb")))
    row("  peak memory, Hugo", _mb(results.get("hugo_rss_mb")))
    shares = results.get("plugin_shares", {})
    if shares:
        section("Plugin shares: full − without it, % of full (% over without); wall; CPU")
        for name, share in shares.items():
            if share.get("share_s") is None:
                row(f"  {name}", "—", status="not measured: the build fails without it")
            else:
                cpu = "" if share.get("share_cpu_s") is None else (
                    f"; CPU {share['share_cpu_s']:+.1f} s {share['share_cpu']:+.0%} ({share['extra_cpu']:+.0%})")
                row(f"  {name} ({share['how']}; {share['runs']} run{'s' * (share['runs'] != 1)})",
                    f"{share['share_s']:+.1f} s {share['share']:+.0%} ({share['extra']:+.0%}){cpu}",
                    f"{name}_extra")
    section(f"Search index (Pagefind {results.get('pagefind_version', '')})")
    row("  Pagefind indexing, alone", _with_cpu(results, "pagefind"))
    row("  Pagefind peak memory", _mb(results.get("pagefind_rss_mb")))
    files = results.get("index_files")
    row("  index size", "—" if files is None else f"{results['index_mb']:.1f} MB in {files:,} files")
    pages = results.get("pages", {})
    if pages:
        section("Bytes per page type, median page, raw → gzip (kB)")
        for page_type, figures in pages.items():
            row(f"  {page_type} ({figures['pages']:,} pages)",
                f"HTML {figures['html_raw_kb']:.1f}→{figures['html_gzip_kb']:.1f}  "
                f"CSS {figures['css_raw_kb']:.1f}→{figures['css_gzip_kb']:.1f}  "
                f"JS {figures['js_raw_kb']:.1f}→{figures['js_gzip_kb']:.1f}  "
                f"= {figures['total_gzip_kb']:.1f} (max {figures['max_total_gzip_kb']:.1f})")
    row("  heaviest article page, HTML+CSS+JS gzip", _kb(results.get("page_gzip_kb")), "page_gzip_kb")
    section(f"First search query in headless Chromium ({results.get('search_method') or 'not measured'})")
    query = results.get("search_query")
    row(f"  transferred for {query!r}" if query else "  transferred", _kb(results.get("first_query_kb")),
        "first_query_kb")
    breakdown = (results.get("search_zh") or {}).get("transferred_kb_by_kind") or {}
    if breakdown:
        row("    of which", ", ".join(f"{kind} {size:.0f}" for kind, size in breakdown.items()))
    row("  first result after the last keystroke", _ms(results.get("first_result_ms")), "first_result_ms")
    english = results.get("search_en") or {}
    if english.get("first_query_kb") is not None:
        row(f"  English page, {english['query']!r}",
            f"{_kb(english['first_query_kb'])}, {_ms(english['first_result_ms'])}")

    title = (
        f"make bench · N = {results['n']:,} files ({results['pairs']:,} zh + en pairs: "
        f"{kinds.get('report', 0):,} reports, {kinds.get('story', 0):,} stories, "
        f"{kinds.get('issue', 0):,} issues, {kinds.get('article', 0):,} articles)"
    )
    widths = [max(len(r[i]) for r in rows) for i in range(4)]
    header = ("Measure", "Figure", "Target", "Status")
    widths = [max(w, len(h)) for w, h in zip(widths, header, strict=True)]
    line = "  ".join("─" * w for w in widths)
    out = [title, line, "  ".join(h.ljust(w) for h, w in zip(header, widths, strict=True)).rstrip(), line]
    out += ["  ".join(cell.ljust(w) for cell, w in zip(r, widths, strict=True)).rstrip() for r in rows]
    out.append(line)
    for note in results.get("notes", []):
        out.append(f"note: {note}")
    return "\n".join(out)
