"""What the search page says about the site's other languages: their names in the page's
language (the switcher names each language in its own, which a reader of this page may
not read) and the script each is written in, by which search.js tells a query meant for
another language. Pure: no Pelican."""

from __future__ import annotations

from collections.abc import Callable

from babel.core import get_global, parse_locale


def N_(message: str) -> str:
    """Marks a message for `make catalogues`; it is translated where it is shown."""
    return message


# By Pelican language code; a language not listed is named in its own language.
NAMES = {"zh": N_("Chinese"), "en": N_("English")}

# CLDR's script subtags that are no value of Unicode's Script property, which search.js
# tests a query against (\p{Script=…}): simplified and traditional Chinese are both Han.
UNICODE_SCRIPTS = {"Hans": "Hani", "Hant": "Hani"}


def language_name(code: str, own_name: str, gettext: Callable[[str], str]) -> str:
    """The language `code` (called `own_name` in itself), named by `gettext`'s catalogue."""
    message = NAMES.get(code)
    return gettext(message) if message else own_name


def writing_script(locale: str) -> str | None:
    """The script `locale` is written in, as Unicode names it ("zh_Hans_CN" → "Hani",
    "en_GB" → "Latn", CLDR's likely script of English); None when CLDR does not know."""
    try:
        language, _, script, *_ = parse_locale(locale)
        likely = get_global("likely_subtags").get(language)
        script = script or (parse_locale(likely)[2] if likely else None)
    except ValueError:
        return None
    return UNICODE_SCRIPTS.get(script, script)
