"""SEARCH_* settings: defaults and validation in one place. Pure: takes the settings as a
mapping, never imports Pelican."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass


class SearchSettingsError(ValueError):
    """A SEARCH_* setting has a value the search step cannot use."""


@dataclass(frozen=True)
class SearchSettings:
    enabled: bool = True
    # The bundles' folder inside the output; the search page loads /<bundle_dir>/<language>/pagefind.js.
    bundle_dir: str = "pagefind"
    # Which built files Pagefind reads; only those with data-pagefind-body are indexed.
    glob: str = "**/*.html"
    # Elements left out of the index inside a page body: the "#" permalinks after headings.
    exclude_selectors: tuple[str, ...] = (".permalink",)
    # Pages in these languages (primary subtag of <html lang>) are indexed character by
    # character for Chinese characters; see index_view.py for why.
    character_languages: tuple[str, ...] = ("zh",)


_BUNDLE_DIR = re.compile(r"[A-Za-z0-9_-]+(/[A-Za-z0-9_-]+)*")


def read_settings(settings: Mapping) -> SearchSettings:
    defaults = SearchSettings()
    chosen = SearchSettings(
        enabled=settings.get("SEARCH_ENABLED", defaults.enabled),
        bundle_dir=settings.get("SEARCH_BUNDLE_DIR", defaults.bundle_dir),
        glob=settings.get("SEARCH_GLOB", defaults.glob),
        exclude_selectors=tuple(settings.get("SEARCH_EXCLUDE_SELECTORS", defaults.exclude_selectors)),
        character_languages=tuple(
            code.lower() for code in settings.get("SEARCH_CHARACTER_LANGUAGES", defaults.character_languages)
        ),
    )
    if not isinstance(chosen.enabled, bool):
        raise SearchSettingsError(f"SEARCH_ENABLED must be True or False, not {chosen.enabled!r}")
    if not isinstance(chosen.bundle_dir, str) or not _BUNDLE_DIR.fullmatch(chosen.bundle_dir):
        raise SearchSettingsError(
            "SEARCH_BUNDLE_DIR must be a relative folder such as 'pagefind' "
            f"(letters, digits, '-', '_' and inner '/'), not {chosen.bundle_dir!r}"
        )
    if not isinstance(chosen.glob, str) or not chosen.glob.endswith(".html"):
        raise SearchSettingsError(f"SEARCH_GLOB must be a glob of .html files, not {chosen.glob!r}")
    for selector in chosen.exclude_selectors:
        if not isinstance(selector, str) or not selector.strip():
            raise SearchSettingsError(
                f"SEARCH_EXCLUDE_SELECTORS must list CSS selectors, found {selector!r}"
            )
    for code in chosen.character_languages:
        if not re.fullmatch(r"[a-z]{2,3}", code):
            raise SearchSettingsError(
                f"SEARCH_CHARACTER_LANGUAGES must list primary language subtags such as 'zh', found {code!r}"
            )
    return chosen
