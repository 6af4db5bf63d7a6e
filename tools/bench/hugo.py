"""Hugo, for comparison, when it is installed (`apt-get install hugo`): the same archive as a
minimal multilingual Hugo site (one content folder per language, pages paired by
translationKey, a list, a page and a tag template), built with `hugo --quiet`.

Only used when `hugo` is on PATH; otherwise the benchmark reports Hugo as not measured.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from .synthetic import Archive, render_block

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
    (site / "hugo.toml").write_text(CONFIG, encoding="utf-8")
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
