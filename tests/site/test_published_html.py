"""The built site as readers and robots get it: links, fragments, valid HTML, feeds, sitemap."""

import shutil
import subprocess
import xml.etree.ElementTree as ET
from collections import defaultdict
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import feedparser
import pytest
from bs4 import BeautifulSoup
from pelican.settings import read_settings

ROOT = Path(__file__).resolve().parents[2]
VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
ORIGIN = read_settings(str(ROOT / "pelicanconf.py"))["SITE_ORIGIN"].rstrip("/")
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"

# (tag, attribute) pairs that address another resource of the site
LINKING = [("a", "href"), ("link", "href"), ("img", "src"), ("script", "src"), ("source", "src"),
           ("form", "action"), ("iframe", "src"), ("use", "href")]


def page_url(site: Path, path: Path) -> str:
    """The URL a file is served at: index.html files as their folder."""
    relative = path.relative_to(site).as_posix().removesuffix("index.html")
    return f"{ORIGIN}/{relative}"


def internal_path(url: str) -> tuple[str, str] | None:
    """(path, fragment) of a URL of this site, or None for other sites and schemes."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or f"{parts.scheme}://{parts.netloc}" != ORIGIN:
        return None
    return unquote(parts.path), unquote(parts.fragment)


def resolve(site: Path, path: str) -> tuple[Path | None, str]:
    """The file a site path is served from, or None with the reason."""
    target = site / path.lstrip("/")
    if path.endswith("/"):
        return (target / "index.html", "") if (target / "index.html").is_file() else (None, "no index.html there")
    if target.is_file():
        return target, ""
    if target.is_dir():
        return None, "a folder linked without its trailing '/'"
    return None, "no such file"


@pytest.fixture(scope="module")
def pages(site):
    return {path: BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser") for path in sorted(site.rglob("*.html"))}


@pytest.fixture(scope="module")
def ids(pages):
    found = {}
    for path, soup in pages.items():
        found[path] = {tag["id"] for tag in soup.find_all(id=True)} | {a["name"] for a in soup.find_all("a", attrs={"name": True})}
    return found


def test_the_site_has_pages_in_both_languages(pages, site):
    names = {path.relative_to(site).as_posix() for path in pages}
    assert "index.html" in names and "en/index.html" in names
    assert len(names) > 40


def test_every_internal_link_and_fragment_resolves(site, pages, ids):
    broken = defaultdict(list)
    checked = 0
    for path, soup in pages.items():
        base = page_url(site, path)
        for tag_name, attribute in LINKING:
            for tag in soup.find_all(tag_name, attrs={attribute: True}):
                value = tag[attribute].strip()
                if not value or value.startswith(("mailto:", "tel:", "javascript:", "data:")):
                    continue
                located = internal_path(urljoin(base, value))
                if located is None:
                    continue
                target_path, fragment = located
                target, reason = resolve(site, target_path)
                checked += 1
                if target is None:
                    broken[path].append(f"<{tag_name} {attribute}=\"{value}\">: {reason}")
                elif fragment and (target.suffix != ".html" or fragment not in ids[target]):
                    broken[path].append(f"<{tag_name} {attribute}=\"{value}\">: no id \"{fragment}\" in {target.relative_to(site)}")
        for tag in soup.find_all("img", attrs={"srcset": True}):
            for candidate in tag["srcset"].split(","):
                located = internal_path(urljoin(base, candidate.split()[0]))
                if located and resolve(site, located[0])[0] is None:
                    broken[path].append(f"<img srcset> candidate {candidate.strip()}: no such file")
    assert checked > 500
    report = [f"{path.relative_to(site)}: {problem}" for path, problems in broken.items() for problem in problems]
    assert report == [], "\n".join(report)


def test_ids_are_unique_on_each_page(pages, site):
    doubled = []
    for path, soup in pages.items():
        seen = defaultdict(int)
        for tag in soup.find_all(id=True):
            seen[tag["id"]] += 1
        doubled += [f"{path.relative_to(site)}: id \"{i}\" × {n}" for i, n in seen.items() if n > 1]
    assert doubled == [], "\n".join(doubled)


def test_the_html_passes_the_nu_html_checker(site):
    java = shutil.which("java")
    if not VNU.is_file() or not java:
        pytest.fail(f"the Nu HTML Checker needs Java and {VNU.relative_to(ROOT)}: run `npm ci` (package.json pins vnu-jar)")
    done = subprocess.run(
        [java, "-jar", str(VNU), "--errors-only", "--skip-non-html", str(site)],
        check=False, capture_output=True, text=True, timeout=600,
    )
    report = (done.stdout + done.stderr).replace(f"file:{site}/", "")
    assert done.returncode == 0, report


def feeds(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*.xml") if p.name != "sitemap.xml")


def test_there_is_a_feed_per_language(site):
    assert [p.relative_to(site).as_posix() for p in feeds(site)] == ["en/feeds/all.atom.xml", "feeds/all.atom.xml"]


@pytest.mark.parametrize("feed", ["feeds/all.atom.xml", "en/feeds/all.atom.xml"])
def test_feeds_parse_without_errors_and_link_to_pages_that_exist(site, feed):
    parsed = feedparser.parse((site / feed).read_bytes())
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.entries
    expected_lang = "en" if feed.startswith("en/") else "zh-CN"
    assert parsed.feed.get("language") == expected_lang
    missing = []
    for entry in parsed.entries:
        assert entry.get("title") and entry.get("id") and entry.get("updated")
        located = internal_path(entry.link)
        if located is None or resolve(site, located[0])[0] is None:
            missing.append(entry.link)
    assert missing == []
    assert len({entry.id for entry in parsed.entries}) == len(parsed.entries)


def test_the_sitemap_is_well_formed_and_every_url_in_it_exists(site):
    tree = ET.parse(site / "sitemap.xml")  # raises on malformed XML
    root = tree.getroot()
    assert root.tag == f"{SITEMAP}urlset"
    locations = [url.findtext(f"{SITEMAP}loc") for url in root.findall(f"{SITEMAP}url")]
    assert len(locations) > 20 and len(set(locations)) == len(locations)
    alternates = [link.get("href") for link in root.iter(f"{XHTML}link")]
    missing = []
    for url in [*locations, *alternates]:
        located = internal_path(url)
        if located is None or resolve(site, located[0])[0] is None:
            missing.append(url)
    assert missing == [], "\n".join(missing)


def test_robots_txt_points_to_the_sitemap(site):
    lines = (site / "robots.txt").read_text(encoding="utf-8").splitlines()
    assert f"Sitemap: {ORIGIN}/sitemap.xml" in lines
