"""Tiny fixture sites, built with the real settings and real Pelican, the content they share,
and helpers to read any built site (real or fixture) as readers get it."""

import io
from pathlib import Path
from urllib.parse import unquote, urlsplit

from bs4 import BeautifulSoup
from PIL import Image

from tools.build import build

ROOT = Path(__file__).resolve().parents[1]
SETTINGS = str(ROOT / "pelicanconf.py")  # the real settings, whatever the working directory
FIXTURE_SETTINGS = {"SITEURL": "", "TIMEZONE": "UTC", "CACHE_CONTENT": False}
ORIGIN = "http://127.0.0.1:8000"  # SITE_ORIGIN of pelicanconf.py, which fixture sites keep


def write_content(root: Path, files: dict[str, str | bytes | None]) -> Path:
    """Write `files` (path relative to content/ → text, bytes such as a picture, or None for
    just the folder) into root/content; return that folder."""
    content = root / "content"
    for relative, data in files.items():
        path = content / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(data, bytes):
            path.write_bytes(data)
        elif data is not None:
            path.write_text(data, encoding="utf-8")
    return content


def build_fixture_site(tmp_path: Path, files: dict[str, str | bytes | None], **overrides) -> Path:
    """Write `files` (as write_content does) into tmp_path/content and build them, with the
    real pelicanconf.py and `overrides`, into tmp_path/output (atomically: a warning or error
    raises tools.build.BuildError and leaves a previous output as it was)."""
    content = write_content(tmp_path, files)
    (content / "images").mkdir(parents=True, exist_ok=True)  # STATIC_PATHS of the real settings
    settings = {**FIXTURE_SETTINGS, "PATH": str(content), **overrides}
    return build(SETTINGS, tmp_path / "output", overrides=settings)


def jpeg(size: tuple[int, int], colour: tuple[int, int, int]) -> bytes:
    """A small real JPEG: the build reads pictures' sizes and makes smaller copies."""
    out = io.BytesIO()
    Image.new("RGB", size, colour).save(out, "JPEG", quality=80)
    return out.getvalue()


# content of fixture sites ------------------------------------------------------------------

REPORT_ZH = """\
Title: 二〇二二年工作报告
Date: 2023-02-14
Kind: report
Lang: zh
Slug: work-report
Year: 2022
Source: 报纸版面录入
Tags: 工作报告

## 一、开头

**第一句是引导句。**报告正文。
"""

REPORT_EN = """\
Title: Work Report 2022
Date: 2023-02-14
Kind: report
Lang: en
Slug: work-report
Year: 2022
Source: Newspaper pages
Translation: true
Tags: work report

## 1. Opening

**The first sentence is a lead.** The body of the report.
"""

ABOUT_ZH = """\
Title: 关于本站
Slug: about
Lang: zh

关于。
"""

ABOUT_EN = """\
Title: About
Slug: about
Lang: en
Translation: true

About.
"""

STORY_ZH_ONLY = """\
Title: 只有中文的故事
Date: 2023-04-18
Kind: story
Lang: zh
Slug: chinese-only
Tags: 文史

## 一、开头

这个故事还没有英文译本。
"""

STORY_EN_ONLY = """\
Title: A story written in English
Date: 2023-04-19
Kind: story
Lang: en
Slug: english-only
Tags: history

This story was written in English and has no Chinese version.
"""

ISSUE_ZH = """\
Title: 《定海政协》2023年第1期
Date: 2023-03-31
Kind: issue
Lang: zh
Slug: 2023-1
Periodical: 定海政协
Year: 2023
Number: 1
Cover: images/cover.jpg
Cover_alt: 封面

卷首语。
"""

# A translated report and About page: the smallest site with both languages.
BASE = {
    "reports/work-report.zh.md": REPORT_ZH,
    "reports/work-report.en.md": REPORT_EN,
    "pages/about.zh.md": ABOUT_ZH,
    "pages/about.en.md": ABOUT_EN,
}
# BASE and a story in each language that has no translation yet.
UNTRANSLATED = {
    **BASE,
    "stories/chinese-only.zh.md": STORY_ZH_ONLY,
    "stories/english-only.en.md": STORY_EN_ONLY,
}


# reading a built site ------------------------------------------------------------------------


def file_for(output: Path, url_path: str) -> Path:
    """The file a site path is served from: /x/ → x/index.html, / → index.html."""
    path = output / unquote(url_path).lstrip("/")
    if url_path.endswith("/") or not url_path.strip("/"):
        path = path / "index.html"
    return path


def soup_of(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def page_soup(output: Path, url_path: str) -> BeautifulSoup:
    """The parsed page at a site path, e.g. page_soup(output, "/en/reports/")."""
    return soup_of(file_for(output, url_path))


def site_path(url: str, origin: str = ORIGIN) -> str:
    """The path of a URL of the site (absolute under `origin`, or root-relative), unquoted,
    without query or fragment; raises AssertionError for a URL of another site."""
    if origin and url.startswith(origin):
        url = url[len(origin):] or "/"
    parts = urlsplit(url)
    assert not parts.scheme and not parts.netloc, f"{url} is not a URL of this site"
    return unquote(parts.path)


def exists(output: Path, url: str, origin: str = ORIGIN) -> bool:
    """Whether a URL of the site is served from a file of `output`."""
    return file_for(output, site_path(url, origin)).is_file()


def url_path_of(output: Path, path: Path) -> str:
    """The site path a file is served at: /x/ for x/index.html."""
    relative = path.relative_to(output).as_posix()
    if relative == "index.html" or relative.endswith("/index.html"):
        relative = relative[: -len("index.html")]
    return "/" + relative


def html_pages(output: Path) -> dict[str, BeautifulSoup]:
    """Every HTML page of a built site (not Pagefind's), by the site path it is served at."""
    return {
        url_path_of(output, path): soup_of(path)
        for path in sorted(output.rglob("*.html"))
        if not path.relative_to(output).as_posix().startswith("pagefind/")
    }


def switcher(soup: BeautifulSoup, origin: str = ORIGIN) -> dict[str, str]:
    """hreflang → site path of the language switcher's links (the current language is no link)."""
    return {a["hreflang"]: site_path(a["href"], origin) for a in soup.select("nav.language-switcher a[href][hreflang]")}


def alternates(soup: BeautifulSoup) -> dict[str, str]:
    """hreflang → href of the page's <link rel=alternate hreflang> elements."""
    return {link["hreflang"]: link["href"] for link in soup.select("head link[rel~=alternate][hreflang]")}


def is_noindex(soup: BeautifulSoup) -> bool:
    """Whether the page asks search engines not to index it, as an untranslated notice does."""
    return soup.select_one("meta[name=robots][content~=noindex]") is not None
