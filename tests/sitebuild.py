"""Tiny fixture sites, built with the real settings and real Pelican, and helpers to read
any built site (real or fixture) as readers get it."""

from pathlib import Path
from urllib.parse import unquote, urlsplit

from bs4 import BeautifulSoup

from tools.build import build

ROOT = Path(__file__).resolve().parents[1]
SETTINGS = str(ROOT / "pelicanconf.py")  # the real settings, whatever the working directory
FIXTURE_SETTINGS = {"SITEURL": "", "TIMEZONE": "UTC", "CACHE_CONTENT": False}


def build_fixture_site(tmp_path: Path, files: dict[str, str], **overrides) -> Path:
    """Write `files` (path relative to content/ → text) into tmp_path/content and build them,
    with the real pelicanconf.py and `overrides`, into tmp_path/output (atomically: a warning
    or error raises tools.build.BuildError and leaves a previous output as it was)."""
    content = tmp_path / "content"
    for relative, text in files.items():
        path = content / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    (content / "images").mkdir(parents=True, exist_ok=True)  # STATIC_PATHS of the real settings
    settings = {**FIXTURE_SETTINGS, "PATH": str(content), **overrides}
    return build(SETTINGS, tmp_path / "output", overrides=settings)


def file_for(output: Path, url_path: str) -> Path:
    """The file a site path is served from: /x/ → x/index.html, / → index.html."""
    path = output / unquote(url_path).lstrip("/")
    if url_path.endswith("/") or not url_path.strip("/"):
        path = path / "index.html"
    return path


def page_soup(output: Path, url_path: str) -> BeautifulSoup:
    """The parsed page at a site path, e.g. page_soup(output, "/en/reports/")."""
    return BeautifulSoup(file_for(output, url_path).read_text(encoding="utf-8"), "html.parser")


def site_path(url: str, origin: str = "") -> str:
    """The path of a URL of the site (absolute under `origin`, or root-relative), unquoted,
    without query or fragment; raises AssertionError for a URL of another site."""
    if origin and url.startswith(origin):
        url = url[len(origin):] or "/"
    parts = urlsplit(url)
    assert not parts.scheme and not parts.netloc, f"{url} is not a URL of this site"
    return unquote(parts.path)


def url_path_of(output: Path, path: Path) -> str:
    """The site path a file is served at: /x/ for x/index.html."""
    relative = path.relative_to(output).as_posix()
    if relative == "index.html" or relative.endswith("/index.html"):
        relative = relative[: -len("index.html")]
    return "/" + relative
