"""publishconf.py: pelicanconf with the public address from $SITEURL, and nothing else."""

import ast
import re
from pathlib import Path

import pytest
from pelican.settings import read_settings
from sitebuild import page_soup

from tools.build import build

ROOT = Path(__file__).resolve().parents[2]
PUBLISHCONF = ROOT / "publishconf.py"
DEFAULT = "https://dinghai-cppcc.github.io"


def settings(monkeypatch, siteurl=None) -> dict:
    if siteurl is None:
        monkeypatch.delenv("SITEURL", raising=False)
    else:
        monkeypatch.setenv("SITEURL", siteurl)
    return read_settings(str(PUBLISHCONF))


def test_it_sets_only_the_address():
    tree = ast.parse(PUBLISHCONF.read_text(encoding="utf-8"))
    assigned = {target.id for node in tree.body if isinstance(node, ast.Assign) for target in node.targets}
    assert assigned == {"SITEURL", "SITE_ORIGIN"}


@pytest.mark.parametrize(("siteurl", "expected"), [
    (None, DEFAULT),
    ("", DEFAULT),
    ("https://example.org/dinghai/", "https://example.org/dinghai"),
])
def test_the_address_comes_from_the_environment(monkeypatch, siteurl, expected):
    loaded = settings(monkeypatch, siteurl)
    assert loaded["SITEURL"] == expected and loaded["SITE_ORIGIN"] == expected
    local = read_settings(str(ROOT / "pelicanconf.py"))
    different = {key for key in local if local[key] != loaded.get(key)} - {"SITEURL", "SITE_ORIGIN"}
    assert different == set()


def test_a_published_build_links_to_the_public_address_only(monkeypatch, tmp_path):
    monkeypatch.setenv("SITEURL", "https://example.org/dinghai")
    output = build(str(PUBLISHCONF), tmp_path / "output")
    report = page_soup(output, "/en/reports/2022-standing-committee-work-report/")
    assert report.select_one("link[rel=canonical]")["href"] == (
        "https://example.org/dinghai/en/reports/2022-standing-committee-work-report/"
    )
    for path in [*output.rglob("*.html"), *output.rglob("*.xml"), output / "robots.txt"]:
        text = path.read_text(encoding="utf-8")
        assert "127.0.0.1" not in text, path
    sitemap = (output / "sitemap.xml").read_text(encoding="utf-8")
    assert re.findall(r"<loc>([^<]+)</loc>", sitemap)
    assert all(loc.startswith("https://example.org/dinghai/") for loc in re.findall(r"<loc>([^<]+)</loc>", sitemap))
