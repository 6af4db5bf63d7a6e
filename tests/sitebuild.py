"""Tiny fixture sites, built with the real settings and real Pelican."""

from pathlib import Path

from bs4 import BeautifulSoup

from tools.build import build

FIXTURE_SETTINGS = {"SITEURL": "", "TIMEZONE": "UTC", "CACHE_CONTENT": False}


def build_fixture_site(tmp_path: Path, files: dict[str, str], **overrides) -> Path:
    """Write `files` (path relative to content/ → text) and build them into tmp_path/output."""
    content = tmp_path / "content"
    for relative, text in files.items():
        path = content / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    (content / "images").mkdir(exist_ok=True)
    settings = {**FIXTURE_SETTINGS, "PATH": str(content), **overrides}
    return build("pelicanconf.py", tmp_path / "output", overrides=settings)


def page_soup(output: Path, url_path: str) -> BeautifulSoup:
    path = output / url_path.lstrip("/")
    if url_path.endswith("/") or not url_path.strip("/"):
        path = path / "index.html"
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
