"""`make check`: every problem in content/, one line each, `path:line: what is wrong — how to fix`.

The same checks run when `make html` starts (plugins/strict); this runs them alone,
without building, so an editor gets the whole list in a second. #fragments in links
are checked by the build, which knows the section ids it writes.
"""

import argparse
import importlib
import sys

from pelican.settings import read_settings


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-s", "--settings", default="pelicanconf.py")
    parser.add_argument("--content", help="check this folder instead of the settings' PATH")
    args = parser.parse_args(argv)
    settings = read_settings(args.settings, override={"PATH": args.content} if args.content else None)
    for path in settings.get("PLUGIN_PATHS", []):  # as Pelican finds plugins
        if path not in sys.path:
            sys.path.insert(0, path)
    checks = importlib.import_module("strict.checks")
    config = importlib.import_module("strict.settings").read_config(settings)
    result = checks.check_content(config)
    for problem in result.problems:
        print(problem)
    count = len(result.problems)
    files = len(result.sources)
    if count:
        print(f"{count} problem{'s' if count > 1 else ''} in {settings['PATH']}", file=sys.stderr)
        return 1
    print(f"{files} content files checked, no problems", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
