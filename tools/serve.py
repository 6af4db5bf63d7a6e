"""Preview (`make serve`): build, serve output/ on http://127.0.0.1:PORT/, rebuild on change.

Every build is the strict, atomic one of tools/build.py, run in a fresh Python process
so that edits to plugins/ take effect too, with Pelican's content cache: an unchanged
Markdown file is not converted again (edits to settings or plugins drop the cache). A
failed build prints its problems and the previous site stays served (output/ is only
swapped when a build succeeds): fix the file, save, and the next build replaces it.
Watched: content/, themes/, plugins/ and pelicanconf.py.
"""

from __future__ import annotations

import argparse
import functools
import signal
import subprocess
import sys
import threading
import time
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from watchfiles import DefaultFilter, watch

ROOT = Path(__file__).resolve().parents[1]
WATCHED = ("content", "themes", "plugins", "pelicanconf.py")


class SourceFilter(DefaultFilter):
    """Sources only: not caches, editor swap files or compiled catalogues."""

    def __call__(self, change, path: str) -> bool:
        return super().__call__(change, path) and not path.endswith((".mo", "~", ".tmp", ".new"))


class QuietHandler(SimpleHTTPRequestHandler):
    """Serves by path on each request, so it always serves the output/ of the last good build."""

    def log_message(self, format, *args):
        pass


def build(settings: str, output: Path) -> bool:
    """One strict build in its own process; its messages go to this terminal."""
    started = time.monotonic()
    done = subprocess.run(
        [sys.executable, "-m", "tools.build", "-s", settings, "-o", str(output), "--content-cache"],
        cwd=ROOT, check=False,
    )
    if done.returncode == 0:
        print(f"built in {time.monotonic() - started:.1f} s", flush=True)
        return True
    print("build failed; still serving the previous site. Fix the file and save to rebuild.", file=sys.stderr, flush=True)
    return False


def serve(output: Path, port: int) -> ThreadingHTTPServer:
    handler = functools.partial(QuietHandler, directory=str(output))
    server = ThreadingHTTPServer(("127.0.0.1", port), handler)
    threading.Thread(target=server.serve_forever, name="preview-server", daemon=True).start()
    return server


def stop(signum, frame):
    raise KeyboardInterrupt


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("-s", "--settings", default="pelicanconf.py")
    parser.add_argument("-o", "--output", default="output", type=Path)
    parser.add_argument("--no-watch", action="store_true", help="build and serve once, without rebuilding")
    args = parser.parse_args(argv)
    output, settings = args.output.resolve(), str(Path(args.settings).resolve())

    build(settings, output)
    try:
        server = serve(output, args.port)
    except OSError as error:
        print(f"cannot serve on 127.0.0.1:{args.port}: {error} (try `make serve PORT=8001`)", file=sys.stderr)
        return 2
    signal.signal(signal.SIGTERM, stop)  # `kill` stops it as cleanly as Ctrl-C
    print(f"serving {output} on http://127.0.0.1:{server.server_port}/ (Ctrl-C to stop)", flush=True)
    try:
        if args.no_watch:
            threading.Event().wait()
        watched = [ROOT / name for name in WATCHED if (ROOT / name).exists()]
        for changes in watch(*watched, watch_filter=SourceFilter()):
            changed = sorted({Path(path).relative_to(ROOT).as_posix() for _, path in changes})
            print(f"changed: {', '.join(changed[:5])}{' …' if len(changed) > 5 else ''}", flush=True)
            build(settings, output)
    except KeyboardInterrupt:
        pass
    finally:
        server.shutdown()
        server.server_close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
