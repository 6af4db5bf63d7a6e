"""A static server that compresses like a static host: gzip for text, JavaScript, JSON and wasm
when the client sends Accept-Encoding: gzip; everything else (images, Pagefind's own
pre-compressed .pf_* files) as it is on disk.

Bodies are compressed once per file (level 6, as static hosts and CDNs do by default) and kept,
so a measured request does not wait for compression, as it would not on a host that
pre-compresses. The server counts the bytes it sends for each request (status line, headers
and body), which is what the benchmark reports as transferred: it sees every request, the page's
and any worker's alike. `python -m tools.bench.serve DIR` serves a folder by hand.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import gzip
import os
import sys
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from io import BytesIO
from pathlib import Path
from typing import ClassVar
from urllib.parse import urlsplit

GZIP_LEVEL = 6
COMPRESSIBLE = (
    "text/", "application/javascript", "application/json", "application/wasm", "application/xml",
    "application/manifest+json", "image/svg+xml", "application/atom+xml", "application/rss+xml",
)


def compressible(content_type: str) -> bool:
    return content_type.split(";")[0].strip().startswith(COMPRESSIBLE)


def accepts_gzip(header: str | None) -> bool:
    """True when an Accept-Encoding header allows gzip (and does not refuse it with q=0)."""
    for part in (header or "").split(","):
        name, _, params = part.strip().partition(";")
        if name.strip().lower() in ("gzip", "*"):
            quality = params.strip()
            return not (quality.startswith("q=") and float(quality[2:] or 0) == 0)
    return False


class Traffic:
    """(path, bytes sent) for every request served, in order; safe across handler threads."""

    def __init__(self):
        self._lock = threading.Lock()
        self._requests: list[tuple[str, int]] = []

    def add(self, path: str, sent: int) -> None:
        with self._lock:
            self._requests.append((path, sent))

    def mark(self) -> int:
        with self._lock:
            return len(self._requests)

    def since(self, mark: int) -> list[tuple[str, int]]:
        with self._lock:
            return list(self._requests[mark:])


class CountingWriter:
    def __init__(self, stream):
        self.stream, self.count = stream, 0

    def write(self, data) -> int:
        self.count += len(data)
        return self.stream.write(data)

    def __getattr__(self, name):
        return getattr(self.stream, name)


@dataclass
class Served:
    url: str  # http://127.0.0.1:<port>, no trailing slash
    traffic: Traffic = field(default_factory=Traffic)


class GzipHandler(SimpleHTTPRequestHandler):
    extensions_map: ClassVar[dict[str, str]] = {
        **SimpleHTTPRequestHandler.extensions_map,
        ".js": "application/javascript",
        ".mjs": "application/javascript",
        ".wasm": "application/wasm",
        ".json": "application/json",
        ".css": "text/css",
        ".html": "text/html",
        ".xml": "application/xml",
    }

    def __init__(self, *args, cache: dict, traffic: Traffic, **kwargs):
        self.cache, self.traffic = cache, traffic
        super().__init__(*args, **kwargs)

    def setup(self):
        super().setup()
        self.wfile = CountingWriter(self.wfile)

    def handle_one_request(self):
        self.wfile.count = 0
        super().handle_one_request()
        if getattr(self, "command", None) and self.wfile.count:
            self.traffic.add(urlsplit(self.path).path, self.wfile.count)

    def log_message(self, format, *args):
        pass

    def send_head(self):
        path = self.translate_path(self.path)
        if os.path.isdir(path):
            if not urlsplit(self.path).path.endswith("/"):
                return super().send_head()  # the redirect to the slashed address
            path = os.path.join(path, "index.html")
        content_type = self.guess_type(path)
        if not os.path.isfile(path) or not compressible(content_type) or not accepts_gzip(
            self.headers.get("Accept-Encoding")
        ):
            return super().send_head()
        stat = os.stat(path)
        key = (path, stat.st_mtime_ns, stat.st_size)
        body = self.cache.get(key)
        if body is None:
            body = gzip.compress(Path(path).read_bytes(), compresslevel=GZIP_LEVEL, mtime=0)
            self.cache[key] = body
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Vary", "Accept-Encoding")
        self.send_header("Last-Modified", self.date_time_string(int(stat.st_mtime)))
        self.end_headers()
        return BytesIO(body)


@contextlib.contextmanager
def serving(directory: Path, port: int = 0) -> Iterator[Served]:
    """Serve directory on 127.0.0.1 in a thread; yields its address and its traffic."""
    traffic = Traffic()
    handler = functools.partial(GzipHandler, directory=str(directory), cache={}, traffic=traffic)
    server = ThreadingHTTPServer(("127.0.0.1", port), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield Served(f"http://127.0.0.1:{server.server_port}", traffic)
    finally:
        server.shutdown()
        server.server_close()


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("directory", type=Path)
    parser.add_argument("--port", type=int, default=8001)
    args = parser.parse_args(argv)
    with serving(args.directory, args.port) as served:
        print(f"serving {args.directory}/ on {served.url}/ (gzip) — Ctrl-C to stop", flush=True)
        try:
            threading.Event().wait()
        except KeyboardInterrupt:
            pass
    return 0


if __name__ == "__main__":
    sys.exit(main())
