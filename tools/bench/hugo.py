"""Hugo, for comparison, when it is installed (`apt-get install hugo`): the same archive as a
minimal multilingual Hugo site (one content folder per language, pages paired by
translationKey, a list, a page and a tag template), built with `hugo --quiet`.

Without a hugo executable the benchmark reports Hugo as not measured. A Hugo build that
leaves out a page of the archive counts as failed: a figure for half a site would flatter it.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

from . import measure
from .synthetic import Archive, render_block

NOT_INSTALLED = "hugo not installed: apt-get install hugo"

CONFIG = """baseURL = "http://127.0.0.1/"
title = "Bench"
defaultContentLanguage = "zh"
defaultContentLanguageInSubdir = false
disableKinds = ["RSS"]

[languages.zh]
  contentDir = "content/zh"
  languageName = "中文"
  weight = 1
[languages.en]
  contentDir = "content/en"
  languageName = "English"
  weight = 2

[taxonomies]
  tag = "tags"

[markup.goldmark.renderer]
  unsafe = true
"""

LAYOUTS = {
    "_default/baseof.html": (
        '<!doctype html><html lang="{{ .Site.Language.Lang }}"><head><meta charset="utf-8">'
        "<title>{{ .Title }} · {{ .Site.Title }}</title></head>"
        "<body><main>{{ block \"main\" . }}{{ end }}</main></body></html>\n"
    ),
    "_default/single.html": (
        '{{ define "main" }}<article><h1>{{ .Title }}</h1><p><time>{{ .Date.Format "2006-01-02" }}</time></p>'
        "{{ .Content }}<p>{{ range .Params.tags }}<span>{{ . }}</span> {{ end }}</p>"
        '{{ range .Translations }}<p><a href="{{ .RelPermalink }}" hreflang="{{ .Language.Lang }}">{{ .Title }}</a></p>'
        "{{ end }}</article>{{ end }}\n"
    ),
    "_default/list.html": (
        '{{ define "main" }}<h1>{{ .Title }}</h1><ul>{{ range .Pages }}'
        '<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> <time>{{ .Date.Format "2006-01-02" }}</time></li>'
        "{{ end }}</ul>{{ end }}\n"
    ),
}


def front_matter(fields: dict) -> str:
    # JSON strings are YAML strings: no quoting rules to get wrong.
    return "---\n" + "".join(f"{key}: {json.dumps(value, ensure_ascii=False)}\n" for key, value in fields.items()) + "---\n"


def write_hugo_site(archive: Archive, content: Path, site: Path) -> None:
    """The archive (already written by synthetic.write_archive into content/) as a Hugo site."""
    if site.exists():
        shutil.rmtree(site)
    (site / "static").mkdir(parents=True)
    # config.toml, not hugo.toml: every Hugo reads it; hugo.toml only from 0.110 on.
    (site / "config.toml").write_text(CONFIG, encoding="utf-8")
    for name, text in LAYOUTS.items():
        path = site / "layouts" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    shutil.copytree(content / "images", site / "static" / "images")
    for publication in archive.publications:
        for lang in ("zh", "en"):
            path = site / "content" / lang / publication.folder / f"{publication.stem}.md"
            path.parent.mkdir(parents=True, exist_ok=True)
            fields = {
                "title": publication.title.lang(lang),
                "date": publication.date.isoformat(),
                "slug": publication.stem,
                "translationKey": f"{publication.folder}/{publication.stem}",
                "tags": [tag.lang(lang) for tag in publication.tags],
            }
            body = "\n\n".join(render_block(block, lang) for block in publication.blocks).replace("{static}/", "/")
            path.write_text(front_matter(fields) + "\n" + body + "\n", encoding="utf-8")


def hugo_command(hugo: str, site: Path, output: Path) -> list[str]:
    return [hugo, "--quiet", "--source", str(site), "--destination", str(output)]


def page_paths(archive: Archive) -> list[str]:
    """Where Hugo writes each publication's page in each language (zh at the root)."""
    return [
        f"{prefix}{publication.folder}/{publication.stem}/index.html"
        for publication in archive.publications
        for prefix in ("", "en/")
    ]


def hugo_version(hugo: str) -> str:
    done = subprocess.run([hugo, "version"], capture_output=True, text=True, check=False)
    words = done.stdout.split()
    return words[1] if len(words) > 1 else done.stdout.strip()


def measure_hugo(hugo: str | None, archive: Archive, content: Path, work: Path, runs: int) -> dict:
    """Hugo's figures for the results: full build wall and CPU time (median of runs) and peak
    memory, or None and the reason in hugo_note."""
    figures = {"hugo_s": None, "hugo_cpu_s": None, "hugo_rss_mb": None}
    if not hugo:
        return {**figures, "hugo_note": NOT_INSTALLED}
    site, output, log = work / "hugo-site", work / "hugo-output", work / "hugo.log"
    write_hugo_site(archive, content, site)
    measured = []
    try:
        for _ in range(runs):
            shutil.rmtree(output, ignore_errors=True)
            wall, rss, status, cpu = measure.run_process(hugo_command(hugo, site, output), log)
            if status:
                return {**figures, "hugo_note": "hugo failed: " + measure.tail(log, 3)}
            missing = [path for path in page_paths(archive) if not (output / path).is_file()]
            if missing:
                return {**figures, "hugo_note": f"hugo left out {len(missing)} of the archive's pages, "
                                                f"e.g. {missing[0]}"}
            measured.append((wall, cpu, rss))
    finally:
        log.unlink(missing_ok=True)
        shutil.rmtree(output, ignore_errors=True)
        shutil.rmtree(site, ignore_errors=True)
    return {
        "hugo_s": round(measure.median([wall for wall, _, _ in measured]), 2),
        "hugo_cpu_s": round(measure.median([cpu for _, cpu, _ in measured]), 2),
        "hugo_rss_mb": round(max(rss for _, _, rss in measured), 1),
        "hugo_version": hugo_version(hugo),
    }
