"""Shared fixtures: the real site is built once per test session and served over http; one
small fixture site with untranslated publications is built once too."""

import functools
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from sitebuild import SETTINGS, UNTRANSLATED, build_fixture_site, html_pages

from tools.build import build

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    """The real site, built once with the real settings (strict: a warning fails it), as readers get it."""
    return build(SETTINGS, tmp_path_factory.mktemp("site") / "output")


@pytest.fixture(scope="session")
def site_pages(site):
    """Every HTML page of the real site, parsed, by the site path it is served at."""
    return html_pages(site)


@pytest.fixture(scope="session")
def untranslated_site(tmp_path_factory) -> Path:
    """A fixture site (sitebuild.UNTRANSLATED): a translated report, and a Chinese and an English
    story with no translation yet, which the real content, fully translated, does not have."""
    return build_fixture_site(tmp_path_factory.mktemp("untranslated"), UNTRANSLATED)


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format, *args):
        pass


@contextmanager
def served(directory: Path) -> Iterator[str]:
    """`directory` served on 127.0.0.1 (a free port) while in the block, e.g. "http://127.0.0.1:41234"."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(directory)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session")
def site_url(site):
    """The real site served on 127.0.0.1 (a free port), e.g. "http://127.0.0.1:41234"."""
    with served(site) as url:
        yield url


@pytest.fixture(scope="session")
def untranslated_site_url(untranslated_site):
    """The untranslated fixture site served on 127.0.0.1."""
    with served(untranslated_site) as url:
        yield url


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    """pytest-playwright: the system Chromium, offline and quiet."""
    return {**browser_type_launch_args, "executable_path": "/usr/bin/chromium", "args": CHROMIUM_ARGS}
