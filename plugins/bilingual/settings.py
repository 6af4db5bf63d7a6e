"""Settings of the bilingual plugin: defaults and validation in one place."""

from dataclasses import dataclass

from .tags import COLLATIONS


class BilingualSettingsError(ValueError):
    """A BILINGUAL_* setting is missing or inconsistent."""


@dataclass(frozen=True)
class Language:
    code: str  # Pelican's code, also the catalogue folder name ("zh", "en")
    html_lang: str  # BCP 47, only for <html lang> and hreflang ("zh-CN")
    locale: str  # Babel locale for dates ("zh_Hans_CN")
    prefix: str  # URL prefix of this language's pages ("" or "en/")
    og_locale: str
    sitename: str
    name: str  # the language's own name, shown in the switcher ("中文", "English")
    collation: str = "alphabetical"  # how its tag index is ordered: a key of tags.COLLATIONS


REQUIRED_KEYS = ("html_lang", "locale", "prefix", "og_locale", "sitename", "name")
# Readers of Chinese look words up by pinyin; a language not listed is ordered alphabetically.
DEFAULT_COLLATIONS = {"zh": "pinyin"}


def read_languages(settings) -> tuple[Language, ...]:
    """The site's languages, the default (original) language first."""
    configured = settings.get("BILINGUAL_LANGUAGES")
    default = settings.get("DEFAULT_LANG")
    if not configured:
        raise BilingualSettingsError("BILINGUAL_LANGUAGES is not set in pelicanconf.py")
    if default not in configured:
        raise BilingualSettingsError(
            f"DEFAULT_LANG {default!r} is not one of BILINGUAL_LANGUAGES ({', '.join(configured)})"
        )
    languages = []
    for code, options in configured.items():
        missing = [key for key in REQUIRED_KEYS if key not in options]
        if missing:
            raise BilingualSettingsError(
                f"BILINGUAL_LANGUAGES[{code!r}] lacks {', '.join(missing)}"
            )
        collation = options.get("collation", DEFAULT_COLLATIONS.get(code, "alphabetical"))
        if collation not in COLLATIONS:
            raise BilingualSettingsError(
                f"BILINGUAL_LANGUAGES[{code!r}]['collation'] is {collation!r}, not one of {', '.join(COLLATIONS)}"
            )
        languages.append(
            Language(code=code, collation=collation, **{key: options[key] for key in REQUIRED_KEYS})
        )
    if next(lang for lang in languages if lang.code == default).prefix:
        raise BilingualSettingsError(
            f"BILINGUAL_LANGUAGES[{default!r}]['prefix'] must be '': the default language lives at the site root"
        )
    languages.sort(key=lambda lang: lang.code != default)
    return tuple(languages)


def language_map(settings) -> dict[str, Language]:
    return {lang.code: lang for lang in read_languages(settings)}
