"""Site search: Pagefind indexes the finished site once per build, both languages.

When the Pelican run that lists this plugin finalizes, every page is written to its
output folder (tools/build.py's staging folder); Pagefind then indexes the body of
each page (data-pagefind-body) into <output>/pagefind/<language>/, one bundle per <html lang>.
A failure is logged as an error, which fails the build in tools/build.py.

Templates get `translations_of(message)`: the message in every site language, for
the search page, whose filters must name each language's kind labels; and two filters
for what the page says about the other languages (languages.py): `language | language_name(lang)`,
the language named in `lang`, and `locale | writing_script`.
"""

from __future__ import annotations

import logging
from pathlib import Path

from bilingual.catalogues import CatalogueError, load_catalogues
from bilingual.settings import read_languages
from pelican import signals

from .indexer import SearchIndexError, build_search_index
from .languages import language_name, writing_script
from .settings import SearchSettingsError, read_settings

logger = logging.getLogger(__name__)

PLUGIN_NAME = "search"


def enabled(settings) -> bool:
    """Signals are process-global: act only for a Pelican whose PLUGINS lists this plugin."""
    return any(str(name).rsplit(".", 1)[-1] == PLUGIN_NAME for name in settings.get("PLUGINS", ()))


def index_site(pelican) -> None:
    if not enabled(pelican.settings):
        return
    try:
        settings = read_settings(pelican.settings)
        if not settings.enabled:
            return
        indexed = build_search_index(Path(pelican.output_path), settings)
    except (SearchSettingsError, SearchIndexError) as error:
        logger.error("search: %s", error)
        return
    if indexed is None:
        logger.info("search: no page has data-pagefind-body; no search index written")
        return
    logger.info(
        "search: indexed %d pages in %s into %s/ (%d files, %.0f kB)",
        indexed.pages, ", ".join(indexed.languages), indexed.bundle.name, indexed.files, indexed.size / 1024,
    )


def install_template_helpers(generator) -> None:
    if not enabled(generator.settings):
        return
    translations_dir = Path(generator.settings["THEME"]) / "translations"
    codes = tuple(language.code for language in read_languages(generator.settings))
    loaded = {}  # this generator's catalogues, read on first use

    def gettext(code: str, message: str) -> str:
        if not loaded:
            try:
                loaded.update(load_catalogues(translations_dir, codes))
            except CatalogueError as error:
                logger.error("search: %s", error)
                return message
        return loaded[code].gettext(message)

    def translations_of(message: str) -> dict[str, str]:
        return {code: gettext(code, message) for code in codes}

    def named_in(language, lang: str) -> str:
        return language_name(language.code, language.name, lambda message: gettext(lang, message))

    generator.env.globals["translations_of"] = translations_of
    generator.env.filters["language_name"] = named_in
    generator.env.filters["writing_script"] = writing_script


def register():
    signals.generator_init.connect(install_template_helpers)
    signals.finalized.connect(index_site)
