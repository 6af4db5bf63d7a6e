"""SECTION_INDEX_* settings: defaults and validation in one place."""

from dataclasses import dataclass


class SectionIndexSettingsError(ValueError):
    """A SECTION_INDEX_* setting has a value the plugin cannot use."""


ALIGNMENT_LEVELS = ("error", "warning")


@dataclass(frozen=True)
class SectionIndexSettings:
    index_url: str = "sections/"
    json_name: str = "sections.json"
    parallel_url: str = "parallel/"  # appended to a publication's URL
    alignment: str = "error"  # "warning" while a translation is in progress
    # Write this plugin's pages in a second process beside Pelican's (background.py), where
    # the machine can; False writes them after Pelican's, in the build's own process.
    background: bool = True


def read_settings(settings) -> SectionIndexSettings:
    chosen = SectionIndexSettings(
        index_url=settings.get("SECTION_INDEX_URL", SectionIndexSettings.index_url),
        json_name=settings.get("SECTION_INDEX_JSON", SectionIndexSettings.json_name),
        parallel_url=settings.get("SECTION_INDEX_PARALLEL_URL", SectionIndexSettings.parallel_url),
        alignment=settings.get("SECTION_INDEX_ALIGNMENT", SectionIndexSettings.alignment),
        background=settings.get("SECTION_INDEX_BACKGROUND", SectionIndexSettings.background),
    )
    if chosen.alignment not in ALIGNMENT_LEVELS:
        raise SectionIndexSettingsError(
            f"SECTION_INDEX_ALIGNMENT must be one of {', '.join(ALIGNMENT_LEVELS)}, not {chosen.alignment!r}"
        )
    if not isinstance(chosen.background, bool):
        raise SectionIndexSettingsError(f"SECTION_INDEX_BACKGROUND must be True or False, not {chosen.background!r}")
    for key, value in (("SECTION_INDEX_URL", chosen.index_url), ("SECTION_INDEX_PARALLEL_URL", chosen.parallel_url)):
        if not value.endswith("/") or value.startswith("/"):
            raise SectionIndexSettingsError(f"{key} must be relative and end with '/', not {value!r}")
    return chosen
