"""Compile the theme's gettext catalogues with Babel, in memory, at build time."""

import gettext
from io import BytesIO
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po


class CatalogueError(ValueError):
    """A translation catalogue is missing or cannot be read."""


def compile_catalogue(po_path: Path) -> gettext.GNUTranslations:
    try:
        with po_path.open("rb") as po_file:
            catalogue = read_po(po_file)
    except OSError as error:
        raise CatalogueError(f"{po_path}: cannot read the catalogue ({error.strerror})") from error
    compiled = BytesIO()
    write_mo(compiled, catalogue)
    compiled.seek(0)
    return gettext.GNUTranslations(compiled)


def load_catalogues(translations_dir: Path, codes) -> dict[str, gettext.GNUTranslations]:
    """One compiled catalogue per language code, from <dir>/<code>/LC_MESSAGES/messages.po."""
    catalogues = {}
    for code in codes:
        po_path = translations_dir / code / "LC_MESSAGES" / "messages.po"
        if not po_path.exists():
            raise CatalogueError(
                f"{po_path}: missing — run `make catalogues` to create it from messages.pot"
            )
        catalogues[code] = compile_catalogue(po_path)
    return catalogues
