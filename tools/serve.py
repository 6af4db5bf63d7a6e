"""Preview: build, serve output/ on 127.0.0.1, rebuild when sources change.

A failed rebuild prints its problems and keeps serving the previous site
(the build is atomic), so the editor can fix the file and save again.
"""

import argparse
import functools
import sys
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from watchfiles import watch

from tools.build import BuildError, build

WATCHED = ("content", "themes", "plugins", "pelicanconf.py")


class OutputHandler(SimpleHTTPRequestHandler):
    """Serves whatever output/ is now: the folder is replaced on each rebuild."""

    def translate_path(self, path):
        self.directory = str(self.server.output.resolve())
        return super().translate_path(path)


def rebuild(settings: str, output: Path) -> None:
    try:
        build(settings, output)
        print(f"rebuilt {output}/", flush=True)
    except BuildError as error:
        print(f"build failed, still serving the previous site:\n{error}", file=sys.stderr, flush=True)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("-s", "--settings", default="pelicanconf.py")
    parser.add_argument("-o", "--output", default="output", type=Path)
    args = parser.parse_args(argv)
    rebuild(args.settings, args.output)
    server = ThreadingHTTPServer(("127.0.0.1", args.port), functools.partial(OutputHandler, directory="."))
    server.output = args.output
    threading.Thread(target=server.serve_forever, daemon=True).start()
    print(f"serving on http://127.0.0.1:{args.port}/ — Ctrl-C to stop", flush=True)
    try:
        for _changes in watch(*WATCHED, watch_filter=lambda change, path: "__pycache__" not in path):
            rebuild(args.settings, args.output)
    except KeyboardInterrupt:
        pass
    finally:
        server.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
