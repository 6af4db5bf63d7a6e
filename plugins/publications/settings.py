"""PUBLICATIONS_* settings, and what the plugin reads from the rest of pelicanconf.py:
defaults and validation in one place. Pure: takes the settings as a mapping."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from urllib.parse import urlsplit

from .citation import STYLES
from .summary import UNITS, SummaryRule


class PublicationsSettingsError(ValueError):
    """A setting the publications plugin relies on is missing or has a value it cannot use."""


RASTER_FORMATS = ("JPEG", "PNG", "WEBP")

DEFAULT_SUMMARY = {"zh": ("characters", 120), "en": ("words", 50)}
DEFAULT_CITATION_STYLES = {"zh": "gb-t-7714-2015", "en": "chicago"}
DEFAULT_RELATED_LIMIT = 3  # related publications under a page: a few, so each is worth reading


@dataclass(frozen=True)
class Options:
    origin: str  # SITE_ORIGIN without a trailing '/': absolute URLs for machines
    siteurl: str  # SITEURL: where generated images are linked from in the pages
    languages: tuple[str, ...]  # the default (original) language first
    columns: Mapping[str, Mapping[str, str]]  # MAGAZINE_COLUMNS, in display order
    listings: Mapping[str, str]  # kind -> listing path ("reports"), kinds with a listing only
    publisher: Mapping[str, str]  # language -> the name of the publishing body
    summary: Mapping[str, SummaryRule]
    citation_styles: Mapping[str, str]
    image_widths: tuple[int, ...] = (480, 960, 1600)
    image_sizes: str = "(min-width: 42rem) 40rem, calc(100vw - 2rem)"
    cover_sizes: str = "(min-width: 48rem) 18rem, calc(100vw - 2rem)"
    thumbnail_sizes: str = "6rem"  # an issue's cover beside its entry in listings
    image_folder: str = "images/responsive"  # in the output
    image_quality: Mapping[str, int] = field(default_factory=lambda: {"WEBP": 80, "JPEG": 82})
    image_cache: str | None = None  # folder of the content-addressed image cache, None: no cache
    static_folders: tuple[str, ...] = ("images",)
    static_url: str = "{path}"
    related_limit: int = DEFAULT_RELATED_LIMIT


def _positive_ints(key: str, value) -> tuple[int, ...]:
    if isinstance(value, (str, bytes)) or not hasattr(value, "__iter__"):
        raise PublicationsSettingsError(f"{key} must be a list of widths in pixels, e.g. [480, 960, 1600]")
    widths = tuple(value)
    if not widths or any(not isinstance(w, int) or isinstance(w, bool) or w < 16 for w in widths):
        raise PublicationsSettingsError(f"{key} must list whole widths of at least 16 pixels, not {value!r}")
    return tuple(sorted(set(widths)))


def _summary_rules(key: str, value, languages) -> dict[str, SummaryRule]:
    if not isinstance(value, Mapping):
        raise PublicationsSettingsError(f"{key} must map language codes to (unit, length), e.g. {DEFAULT_SUMMARY!r}")
    rules = {}
    for code in languages:
        if code not in value:
            raise PublicationsSettingsError(f"{key} has no rule for the language {code!r}")
        try:
            unit, length = value[code]
        except (TypeError, ValueError):
            raise PublicationsSettingsError(f"{key}[{code!r}] must be a pair (unit, length), e.g. ('words', 50)") from None
        if unit not in UNITS or not isinstance(length, int) or length < 1:
            raise PublicationsSettingsError(
                f"{key}[{code!r}] must be (one of {', '.join(UNITS)}, a length from 1), not {value[code]!r}"
            )
        rules[code] = SummaryRule(unit=unit, length=length)
    return rules


def read_options(settings: Mapping) -> Options:
    """The plugin's view of Pelican settings; every message names the key to fix."""
    origin = (settings.get("SITE_ORIGIN") or settings.get("SITEURL") or "").rstrip("/")
    parts = urlsplit(origin)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise PublicationsSettingsError(
            f"SITE_ORIGIN must be the site's absolute address, e.g. 'https://example.org', not {origin!r}"
        )
    default = settings.get("DEFAULT_LANG", "zh")
    configured = settings.get("BILINGUAL_LANGUAGES") or {default: {}}
    languages = (default, *(code for code in configured if code != default))

    columns = settings.get("MAGAZINE_COLUMNS", {})
    if not isinstance(columns, Mapping):
        raise PublicationsSettingsError("MAGAZINE_COLUMNS must map column keys to their names by language")
    for key, names in columns.items():
        missing = [code for code in languages if not isinstance(names, Mapping) or not names.get(code)]
        if missing:
            raise PublicationsSettingsError(f"MAGAZINE_COLUMNS[{key!r}] has no name for {', '.join(missing)}")

    kinds = settings.get("PUBLICATION_KINDS", {})
    listings = {kind: options["listing"] for kind, options in kinds.items() if options.get("listing")}

    author = settings.get("AUTHOR") or ""
    publisher = settings.get("PUBLICATIONS_PUBLISHER", {code: author for code in languages})
    if isinstance(publisher, str):
        publisher = {code: publisher for code in languages}
    missing = [code for code in languages if not publisher.get(code)]
    if missing:
        raise PublicationsSettingsError(
            f"PUBLICATIONS_PUBLISHER has no name for {', '.join(missing)} (or set AUTHOR)"
        )

    styles = settings.get("PUBLICATIONS_CITATION_STYLES", DEFAULT_CITATION_STYLES)
    for code in languages:
        if styles.get(code) not in STYLES:
            raise PublicationsSettingsError(
                f"PUBLICATIONS_CITATION_STYLES[{code!r}] must be one of {', '.join(STYLES)}, not {styles.get(code)!r}"
            )

    quality = dict(settings.get("PUBLICATIONS_IMAGE_QUALITY", {"WEBP": 80, "JPEG": 82}))
    for name, value in quality.items():
        if name not in RASTER_FORMATS or not isinstance(value, int) or not 1 <= value <= 100:
            raise PublicationsSettingsError(
                f"PUBLICATIONS_IMAGE_QUALITY maps {', '.join(RASTER_FORMATS)} to 1–100, not {name!r}: {value!r}"
            )

    folder = settings.get("PUBLICATIONS_IMAGE_FOLDER", "images/responsive").strip("/")
    if not folder or ".." in folder.split("/"):
        raise PublicationsSettingsError(f"PUBLICATIONS_IMAGE_FOLDER must be a folder inside the output, not {folder!r}")

    cache = settings.get("PUBLICATIONS_IMAGE_CACHE", True)
    if cache is True:
        cache = f"{settings.get('CACHE_PATH', 'cache')}/responsive-images"
    elif cache is False:
        cache = None

    related_limit = settings.get("PUBLICATIONS_RELATED_LIMIT", DEFAULT_RELATED_LIMIT)
    if not isinstance(related_limit, int) or isinstance(related_limit, bool) or related_limit < 0:
        raise PublicationsSettingsError(
            f"PUBLICATIONS_RELATED_LIMIT must be a whole number of related publications (0: none), not {related_limit!r}"
        )

    return Options(
        origin=origin,
        siteurl=(settings.get("SITEURL") or "").rstrip("/"),
        languages=languages,
        columns=MappingProxyType({key: dict(names) for key, names in columns.items()}),
        listings=MappingProxyType(listings),
        publisher=MappingProxyType(dict(publisher)),
        summary=MappingProxyType(
            _summary_rules("PUBLICATIONS_SUMMARY", settings.get("PUBLICATIONS_SUMMARY", DEFAULT_SUMMARY), languages)
        ),
        citation_styles=MappingProxyType(dict(styles)),
        image_widths=_positive_ints("PUBLICATIONS_IMAGE_WIDTHS", settings.get("PUBLICATIONS_IMAGE_WIDTHS", (480, 960, 1600))),
        image_sizes=settings.get("PUBLICATIONS_IMAGE_SIZES", Options.image_sizes),
        cover_sizes=settings.get("PUBLICATIONS_COVER_SIZES", Options.cover_sizes),
        thumbnail_sizes=settings.get("PUBLICATIONS_THUMBNAIL_SIZES", Options.thumbnail_sizes),
        image_folder=folder,
        image_quality=MappingProxyType(quality),
        image_cache=cache,
        static_folders=tuple(settings.get("STATIC_PATHS", ("images",))),
        static_url=settings.get("STATIC_URL", "{path}"),
        related_limit=related_limit,
    )
