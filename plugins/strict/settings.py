"""STRICT_* settings, and what the checks read from the rest of pelicanconf.py: defaults and
validation in one place. Pure: takes the settings as a mapping, never imports Pelican."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from .schema import KINDS


class StrictSettingsError(ValueError):
    """A setting the strict checks rely on is missing or inconsistent."""


# The kinds each content folder may hold (its first path component under content/).
DEFAULT_FOLDER_KINDS = {"reports": ("report",), "stories": ("story",), "magazine": ("issue", "article")}
# Site paths written by generators rather than by a content file, as fnmatch patterns
# after the language prefix; `make check` accepts /… links to these without a build.
DEFAULT_SITE_URLS = (
    "", "archives/", "tags/", "tags/*/", "search/", "sections/", "sections/sections.json",
    "*/parallel/", "feeds/all.atom.xml", "sitemap.xml", "robots.txt", "404.html",
)
LANGUAGE_NAMES = {"zh": "Chinese", "en": "English"}


@dataclass(frozen=True)
class CheckConfig:
    content: Path
    languages: tuple[str, ...] = ("zh", "en")  # the default (original) language first
    prefixes: Mapping[str, str] = field(default_factory=lambda: {"zh": "", "en": "en/"})
    folder_kinds: Mapping[str, tuple[str, ...]] = field(default_factory=lambda: dict(DEFAULT_FOLDER_KINDS))
    page_folders: tuple[str, ...] = ("pages",)
    static_folders: tuple[str, ...] = ("images",)
    columns: tuple[str, ...] = ()
    listings: tuple[str, ...] = ("reports/", "stories/", "magazine/")
    site_urls: tuple[str, ...] = DEFAULT_SITE_URLS
    url_patterns: Mapping[str, str] = field(default_factory=dict)  # ARTICLE_URL & co.
    path_metadata: str = ""
    extra_keys: frozenset[str] = frozenset()
    theme_static: Path | None = None
    theme_static_dir: str = "theme"
    timezone: str = "UTC"
    now: datetime | None = None  # None: the real clock, at check time

    @property
    def default_lang(self) -> str:
        return self.languages[0]

    def language_name(self, code: str) -> str:
        return LANGUAGE_NAMES.get(code, code)


URL_KEYS = (
    "ARTICLE_URL", "ARTICLE_LANG_URL", "PAGE_URL", "PAGE_LANG_URL", "DRAFT_URL", "DRAFT_LANG_URL",
    "DRAFT_PAGE_URL", "DRAFT_PAGE_LANG_URL",
)


def read_config(settings: Mapping, now: datetime | None = None) -> CheckConfig:
    """The checks' view of Pelican settings (read_settings() output, or any mapping like it)."""
    if not settings.get("PATH"):
        raise StrictSettingsError("PATH (the content folder) is not set in pelicanconf.py")
    default = settings.get("DEFAULT_LANG", "zh")
    configured = settings.get("BILINGUAL_LANGUAGES") or {default: {"prefix": ""}}
    if default not in configured:
        raise StrictSettingsError(f"DEFAULT_LANG {default!r} is not one of BILINGUAL_LANGUAGES")
    languages = (default, *sorted(code for code in configured if code != default))
    prefixes = {code: configured[code].get("prefix", "" if code == default else f"{code}/") for code in languages}

    folder_kinds = {key: tuple(value) for key, value in settings.get("STRICT_FOLDER_KINDS", DEFAULT_FOLDER_KINDS).items()}
    for folder, kinds in folder_kinds.items():
        unknown = [kind for kind in kinds if kind not in KINDS]
        if unknown:
            raise StrictSettingsError(
                f"STRICT_FOLDER_KINDS[{folder!r}] names unknown kinds {unknown}; known: {', '.join(KINDS)}"
            )
    for folder in settings.get("ARTICLE_PATHS", list(folder_kinds)):
        if folder not in folder_kinds:
            raise StrictSettingsError(
                f"ARTICLE_PATHS has {folder!r}, which STRICT_FOLDER_KINDS does not map to kinds of publication"
            )
    listings = tuple(
        options["listing"] + "/"
        for options in settings.get("PUBLICATION_KINDS", {}).values()
        if options.get("listing")
    )
    theme = settings.get("THEME")
    theme_static = Path(theme) / "static" if theme else None
    extra = settings.get("STRICT_EXTRA_METADATA", ())
    if isinstance(extra, str):
        raise StrictSettingsError("STRICT_EXTRA_METADATA must be a list of metadata keys, not a string")
    return CheckConfig(
        content=Path(settings["PATH"]),
        languages=languages,
        prefixes=prefixes,
        folder_kinds=folder_kinds,
        page_folders=tuple(settings.get("PAGE_PATHS", ("pages",))),
        static_folders=tuple(settings.get("STATIC_PATHS", ("images",))),
        columns=tuple(settings.get("MAGAZINE_COLUMNS", {})),
        listings=listings,
        site_urls=tuple(settings.get("STRICT_SITE_URLS", DEFAULT_SITE_URLS)),
        url_patterns={key: settings[key] for key in URL_KEYS if settings.get(key)},
        path_metadata=settings.get("PATH_METADATA", ""),
        extra_keys=frozenset(key.lower() for key in extra),
        theme_static=theme_static,
        theme_static_dir=settings.get("THEME_STATIC_DIR", "theme"),
        timezone=settings.get("TIMEZONE") or "UTC",
        now=now,
    )
