"""Round trip: import → build with real Pelican → the page's text holds every sentence of the input.

The importer never imports Pelican; this test does, to prove its Markdown reads
as intended: metadata taken, headings and bold leads rendered, no text lost.
It builds a plain Pelican site (its own ``simple`` theme, no plugins) in tmp_path.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from importer import Options, convert
from importer.chars import significant
from importer.verify import kept_characters

pelican = pytest.importorskip("pelican")
from pelican.settings import read_settings

FIXTURES = Path(__file__).parent / "fixtures"
SEED = Path(__file__).resolve().parents[1] / "fixtures" / "seeds" / "2022-dinghai-cppcc-standing-committee-report.txt"
SOURCES = [SEED, *(FIXTURES / f"{name}.txt" for name in
                   ("continuation-markers", "page-furniture", "subparts", "items-yishi", "markdown-lookalikes"))]


class _Text(HTMLParser):
    """The text of the element with class ``entry-content`` or, failing that, of ``<article>``."""

    def __init__(self) -> None:
        super().__init__()
        self.depth = 0
        self.parts: list[str] = []
        self.strong: list[str] = []
        self._in_strong = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.depth:
            self.depth += tag not in ("br", "img", "hr")
            self._in_strong = self._in_strong or tag == "strong"
        elif tag == "article":
            self.depth = 1

    def handle_endtag(self, tag: str) -> None:
        if self.depth:
            self.depth -= 1
            if tag == "strong":
                self._in_strong = False

    def handle_data(self, data: str) -> None:
        if self.depth:
            self.parts.append(data)
            if self._in_strong:
                self.strong.append(data)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, tuple[str, object]]]:
    root = tmp_path_factory.mktemp("site")
    content = root / "content"
    content.mkdir()
    imported = {}
    for number, source in enumerate(s for s in SOURCES if s.exists()):
        result = convert(source.read_bytes(), Options(source=source.name, date="2023-02-14",
                                                      slug=f"doc-{number}", title=f"文档{number}"))
        (content / f"doc-{number}.zh.md").write_text(result.markdown, encoding="utf-8")
        imported[f"doc-{number}"] = (source.read_bytes().decode("utf-8"), result)
    settings = read_settings(override={
        "PATH": str(content), "OUTPUT_PATH": str(root / "output"), "THEME": "simple", "PLUGINS": [],
        "DEFAULT_LANG": "zh", "TIMEZONE": "UTC", "SITEURL": "", "CACHE_CONTENT": False,
        "LOAD_CONTENT_CACHE": False, "FEED_ALL_ATOM": None, "CATEGORY_FEED_ATOM": None,
        "ARTICLE_URL": "{slug}/", "ARTICLE_SAVE_AS": "{slug}/index.html",
    })
    pelican.Pelican(settings).run()
    return root / "output", imported


def _page(output: Path, slug: str) -> _Text:
    parser = _Text()
    parser.feed((output / slug / "index.html").read_text(encoding="utf-8"))
    return parser


def test_every_sentence_reaches_the_built_page(site) -> None:
    output, imported = site
    assert len(imported) == len([s for s in SOURCES if s.exists()])
    for slug, (text, result) in imported.items():
        page = _page(output, slug)
        built = significant("".join(page.parts))
        kept, _ = kept_characters(text, result.report.removals)
        body = kept[len(significant(result.report.source_title)):]  # the title is the page's <h1>
        sentences = [s for s in re.split(r"(?<=[。！？])", body) if s]
        missing = [s for s in sentences if s not in built]
        assert not missing, f"{slug}: sentences missing from the built page: {missing[:3]}"
        assert body in built


def test_metadata_headings_and_leads_are_read_by_pelican(site) -> None:
    output, imported = site
    seed_slug = next((slug for slug, (_, r) in imported.items() if r.document.source == SEED.name), None)
    if seed_slug is None:
        pytest.skip("the seed is not here")
    html = (output / seed_slug / "index.html").read_text(encoding="utf-8")
    assert "<h2" in html and "二、强化责任担当，自觉服务全区改革发展大局</h2>" in html
    assert "2023-02-14" in html or "2023" in html
    strong = _page(output, seed_slug).strong
    assert "在助推产业发展上积极献计。" in strong
    assert "一是深学新思想，以更高站位强化政治建设。" in strong
    assert not any(line.startswith(("Kind:", "Source:")) for line in html.splitlines())


def test_escaped_markdown_lookalikes_stay_text(site) -> None:
    output, imported = site
    slug = next(slug for slug, (_, r) in imported.items() if r.document.source == "markdown-lookalikes.txt")
    html = (output / slug / "index.html").read_text(encoding="utf-8")
    article = html[html.index("<article"):html.index("</article>")]
    assert "<ol" not in article and "<ul" not in article and "<blockquote" not in article
    assert "<p>1. 本报告所列数据均为初步统计数" in article
    assert "<p># 号开头的这一行不是标题" in article and "<p>- 这一行以短横线开头" in article
