"""publishconf.py: pelicanconf with the public address from $SITEURL, and nothing else."""

import ast
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from sitebuild import page_soup

ROOT = Path(__file__).resolve().parents[2]
PUBLISHCONF = ROOT / "publishconf.py"
DEFAULT = "https://dinghai-cppcc.github.io"


def settings_in_a_fresh_process(siteurl) -> dict:
    """SITEURL, SITE_ORIGIN and the other keys publishconf changes, read as `make publish`
    reads them: in a new process (in this one, Pelican runs share pelicanconf's module)."""
    env = {key: value for key, value in os.environ.items() if key != "SITEURL"}
    if siteurl is not None:
        env["SITEURL"] = siteurl
    script = (
        "import json; from pelican.settings import read_settings as r\n"
        "local, published = r('pelicanconf.py'), r('publishconf.py')\n"
        "print(json.dumps({'SITEURL': published['SITEURL'], 'SITE_ORIGIN': published['SITE_ORIGIN'],\n"
        "  'changed': sorted(k for k in set(local) | set(published) if local.get(k) != published.get(k))}))\n"
    )
    done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, text=True, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_it_sets_only_the_address():
    tree = ast.parse(PUBLISHCONF.read_text(encoding="utf-8"))
    assigned = {target.id for node in tree.body if isinstance(node, ast.Assign) for target in node.targets}
    assert assigned == {"SITEURL", "SITE_ORIGIN"}


@pytest.mark.parametrize(("siteurl", "expected"), [
    (None, DEFAULT),
    ("", DEFAULT),
    ("https://example.org/dinghai/", "https://example.org/dinghai"),
])
def test_the_address_comes_from_the_environment(siteurl, expected):
    loaded = settings_in_a_fresh_process(siteurl)
    assert loaded["SITEURL"] == expected and loaded["SITE_ORIGIN"] == expected
    # FEED_DOMAIN is derived from SITEURL by Pelican
    assert set(loaded["changed"]) <= {"SITEURL", "SITE_ORIGIN", "FEED_DOMAIN"}


def test_a_published_build_links_to_the_public_address_only(tmp_path):
    """Built as `make publish` builds it: tools.build with publishconf.py, in its own process."""
    output = tmp_path / "output"
    env = {**os.environ, "SITEURL": "https://example.org/dinghai"}
    done = subprocess.run(
        [sys.executable, "-m", "tools.build", "-s", str(PUBLISHCONF), "-o", str(output)],
        cwd=ROOT, env=env, capture_output=True, text=True, check=False, timeout=300,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    report = page_soup(output, "/en/reports/2022-standing-committee-work-report/")
    assert report.select_one("link[rel=canonical]")["href"] == (
        "https://example.org/dinghai/en/reports/2022-standing-committee-work-report/"
    )
    for path in [*output.rglob("*.html"), *output.rglob("*.xml"), output / "robots.txt"]:
        text = path.read_text(encoding="utf-8")
        assert "127.0.0.1" not in text, path
    locations = re.findall(r"<loc>([^<]+)</loc>", (output / "sitemap.xml").read_text(encoding="utf-8"))
    assert locations and all(loc.startswith("https://example.org/dinghai/") for loc in locations)
    assert "Sitemap: https://example.org/dinghai/sitemap.xml" in (output / "robots.txt").read_text(encoding="utf-8")
