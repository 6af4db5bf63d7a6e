"""Refresh the UI catalogues (`make catalogues`).

1. Extract every UI string into themes/dinghai/messages.pot with Babel, from the theme's
   templates and from our plugins, as babel.cfg maps them (its patterns are relative to
   each input folder: `templates/**.html` matches in the theme, `section_index/**.py` in
   plugins/). The same as

       pybabel extract -F themes/dinghai/babel.cfg --no-location --sort-output \\
           --omit-header -o themes/dinghai/messages.pot themes/dinghai plugins

2. Update every translations/<lang>/LC_MESSAGES/messages.po from it: new strings are
   added untranslated, existing translations kept, nothing guessed (no fuzzy matching),
   strings no longer used dropped.

Then fill in the empty zh msgstr. `--check` changes nothing and exits 1 when the
template is stale or a catalogue lacks a string or a Chinese translation.
"""

from __future__ import annotations

import argparse
import io
import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parents[1]
THEME = ROOT / "themes" / "dinghai"
PLUGINS = ROOT / "plugins"
BABEL_CFG = THEME / "babel.cfg"
POT = THEME / "messages.pot"
TRANSLATIONS = THEME / "translations"
MUST_TRANSLATE = ("zh",)  # English msgstr may stay empty: gettext then shows the English msgid


def extract_catalog(inputs=(THEME, PLUGINS), mapping: Path = BABEL_CFG) -> Catalog:
    """Every message the inputs use, as babel.cfg says how to read each file."""
    with mapping.open(encoding="utf-8") as config:
        method_map, options_map = parse_mapping_cfg(config, filename=str(mapping))
    catalog = Catalog(fuzzy=False)
    for directory in inputs:
        for filename, lineno, message, comments, context in extract_from_dir(
            str(directory), method_map, options_map, keywords=DEFAULT_KEYWORDS
        ):
            location = (Path(directory, filename).as_posix(), lineno)  # not written: --no-location
            catalog.add(message, None, [location], auto_comments=comments, context=context)
    return catalog


def render(catalog: Catalog, **options) -> bytes:
    buffer = io.BytesIO()
    write_po(buffer, catalog, width=76, **options)
    return buffer.getvalue()


def render_template(catalog: Catalog) -> bytes:
    return render(catalog, omit_header=True, no_location=True, sort_output=True)


def extract(output: Path = POT) -> Catalog:
    """Write the message template to `output` (messages.pot by default) and return it as
    written (sorted, without locations): the catalogues follow that order."""
    data = render_template(extract_catalog())
    write_if_changed(output, data)
    with io.BytesIO(data) as buffer:
        return read_po(buffer)


def shown(path: Path) -> str:
    """A path as messages show it: relative to the project when inside it."""
    return str(path.relative_to(ROOT)) if path.is_relative_to(ROOT) else str(path)


def write_if_changed(path: Path, data: bytes) -> bool:
    if path.is_file() and path.read_bytes() == data:
        return False
    temporary = path.with_name(path.name + ".new")
    temporary.write_bytes(data)
    temporary.replace(path)
    return True


def catalogues(translations: Path = TRANSLATIONS) -> dict[str, Path]:
    """lang → its messages.po."""
    return {po.parents[1].name: po for po in sorted(translations.glob("*/LC_MESSAGES/messages.po"))}


def read_catalogue(path: Path, lang: str) -> Catalog:
    with path.open("rb") as po:
        return read_po(po, locale=lang)


def ids(catalog: Catalog) -> set:
    return {message.id for message in catalog if message.id}


def untranslated(catalog: Catalog) -> list:
    def empty(string) -> bool:
        return not all(string) if isinstance(string, (tuple, list)) else not string

    return [message.id for message in catalog if message.id and empty(message.string)]


def update(template: Catalog, translations: Path = TRANSLATIONS) -> dict[str, list]:
    """Bring every catalogue in line with the template; lang → its untranslated ids."""
    report = {}
    for lang, path in catalogues(translations).items():
        catalog = read_catalogue(path, lang)
        catalog.update(template, no_fuzzy_matching=True, update_header_comment=False)
        for message in catalog:
            if message.id and message.fuzzy:  # never publish a guess
                message.flags.discard("fuzzy")
                message.string = ("",) * len(message.string) if isinstance(message.string, tuple) else ""
        write_if_changed(path, render(catalog, omit_header=True, ignore_obsolete=True, include_previous=False))
        report[lang] = untranslated(catalog)
    return report


def problems() -> list[str]:
    """What --check reports: a stale template, catalogues missing strings, empty zh strings."""
    found = []
    fresh = render_template(extract_catalog())
    if not POT.is_file() or POT.read_bytes() != fresh:
        found.append(f"{shown(POT)} is stale")
    with io.BytesIO(fresh) as buffer:
        wanted = ids(read_po(buffer))
    for lang, path in catalogues().items():
        catalog = read_catalogue(path, lang)
        if missing := wanted - ids(catalog):
            found.append(f"{shown(path)} lacks {len(missing)} strings, e.g. {min(map(str, missing))!r}")
        if lang in MUST_TRANSLATE and (empty := untranslated(catalog)):
            found.append(f"{shown(path)}: {len(empty)} untranslated, e.g. {empty[0]!r}")
    return found


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--check", action="store_true", help="change nothing; exit 1 when anything is out of date")
    args = parser.parse_args(argv)
    if args.check:
        found = problems()
        for problem in found:
            print(problem, file=sys.stderr)
        if found:
            print("run `make catalogues` and fill in the empty zh msgstr", file=sys.stderr)
        return 1 if found else 0
    template = extract(POT)
    print(f"{shown(POT)}: {len(ids(template))} messages")
    for lang, empty in update(template).items():
        print(f"{shown(TRANSLATIONS / lang)}: {len(empty)} untranslated")
        if lang in MUST_TRANSLATE and empty:
            for message_id in empty:
                print(f"    msgid {message_id!r}")
            print(f"fill these in in {shown(catalogues()[lang])} (`make test` fails until then)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
