"""Refresh the UI catalogues: extract messages.pot from the theme's templates and
our plugins with Babel, then update the zh and en catalogues (keeping translations)."""

import subprocess
import sys
from pathlib import Path

THEME = Path("themes/dinghai")
PLUGINS = Path("plugins")
POT = THEME / "messages.pot"


def extract(output: Path) -> None:
    subprocess.run(
        [sys.executable, "-m", "babel.messages.frontend", "--quiet", "extract",
         "-F", str(THEME / "babel.cfg"), "--no-location", "--sort-output", "--omit-header",
         "-o", str(output), str(THEME), str(PLUGINS)],
        check=True,
    )


def update() -> None:
    subprocess.run(
        [sys.executable, "-m", "babel.messages.frontend", "--quiet", "update",
         "-i", str(POT), "-d", str(THEME / "translations"), "--no-fuzzy-matching", "--omit-header"],
        check=True,
    )


def main(argv=None) -> int:
    extract(POT)
    update()
    print(f"updated {POT} and the catalogues in {THEME / 'translations'}; fill in empty zh msgstr")
    return 0


if __name__ == "__main__":
    sys.exit(main())
