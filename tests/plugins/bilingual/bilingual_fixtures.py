"""Helpers for the bilingual tests: tiny content trees and resolving site URLs to files."""

from pathlib import Path
from urllib.parse import unquote, urlsplit

from bs4 import BeautifulSoup

ORIGIN = "http://127.0.0.1:8000"  # SITE_ORIGIN of pelicanconf.py
REPORT_SLUG = "2022-standing-committee-work-report"

REPORT_ZH = """\
Title: 报告
Date: 2023-02-14
Kind: report
Lang: zh
Slug: report
Source: 报纸版面录入
Tags: 工作报告

## 一、开头

正文。
"""

REPORT_EN = """\
Title: Report
Date: 2023-02-14
Kind: report
Lang: en
Slug: report
Source: Newspaper pages
Translation: true
Tags: work report

## 1. Opening

Text.
"""

STORY_ZH_ONLY = """\
Title: 只有中文的故事
Date: 2023-04-18
Kind: story
Lang: zh
Slug: zh-only

只有中文。
"""

STORY_EN_ONLY = """\
Title: A story only in English
Date: 2023-04-19
Kind: story
Lang: en
Slug: en-only

Only in English.
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

BASE = {
    "reports/report.zh.md": REPORT_ZH,
    "reports/report.en.md": REPORT_EN,
    "pages/about.zh.md": ABOUT_ZH,
    "pages/about.en.md": ABOUT_EN,
}


def site_path(url: str) -> str:
    """The site path of an absolute or site-relative URL, without origin, query or fragment."""
    url = url.removeprefix(ORIGIN)
    parts = urlsplit(url)
    assert not parts.scheme and not parts.netloc, f"{url} is not a URL of this site"
    return unquote(parts.path)


def file_of(output: Path, url: str) -> Path | None:
    """The file a URL of this site is served from (index.html for folders), or None."""
    path = site_path(url)
    target = output / path.lstrip("/")
    if path.endswith("/") or not path.strip("/"):
        target = target / "index.html"
    return target if target.is_file() else None


def soup_of(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def url_of(output: Path, path: Path) -> str:
    """The site path a file is served at: /x/ for x/index.html."""
    relative = path.relative_to(output).as_posix()
    if relative == "index.html" or relative.endswith("/index.html"):
        relative = relative[: -len("index.html")]
    return "/" + relative


def switcher_links(soup: BeautifulSoup) -> dict[str, str]:
    """hreflang → href of the language switcher's links (the current language is not a link)."""
    return {a["hreflang"]: a["href"] for a in soup.select("nav.language-switcher a[href]")}


def hreflang_links(soup: BeautifulSoup) -> dict[str, str]:
    return {link["hreflang"]: link["href"] for link in soup.select("head link[rel=alternate][hreflang]")}
