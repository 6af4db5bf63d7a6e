"""Jinja glue: per-page language for gettext, dates and language versions.

Pelican renders both languages with one Jinja environment per generator, so
the catalogue is chosen per render from the page being rendered, not
installed once per environment.
"""

from pathlib import Path

from babel.dates import format_date
from jinja2 import pass_context

from .catalogues import load_catalogues
from .settings import read_languages
from .versions import content_versions, swap_prefix, versions_of


class PageLocaliser:
    """Answers, for the template being rendered, which language it is in."""

    def __init__(self, settings):
        self.languages = read_languages(settings)
        self.by_code = {language.code: language for language in self.languages}
        self.default = self.languages[0]
        translations_dir = Path(settings["THEME"]) / "translations"
        self.catalogues = load_catalogues(translations_dir, self.by_code)

    def page_content(self, context):
        return context.get("article") or context.get("page")

    def page_lang(self, context) -> str:
        explicit = context.get("page_lang")
        if explicit:
            return explicit
        content = self.page_content(context)
        return content.lang if content is not None else self.default.code

    def listing_versions(self, url: str, lang: str):
        """Listings exist in every language, at the same address under each prefix."""
        own = self.by_code[lang]
        translated = {
            language.code: swap_prefix(url, own, language) for language in self.languages
        }
        return versions_of(url, lang, translated, self.languages)

    def install(self, env):
        localiser = self

        @pass_context
        def gettext(context, message):
            return localiser.catalogues[localiser.page_lang(context)].gettext(message)

        @pass_context
        def ngettext(context, singular, plural, n):
            return localiser.catalogues[localiser.page_lang(context)].ngettext(singular, plural, n)

        @pass_context
        def current_language(context):
            return localiser.by_code[localiser.page_lang(context)]

        @pass_context
        def page_versions(context):
            explicit = context.get("versions")
            if explicit is not None:
                return explicit
            content = localiser.page_content(context)
            if content is not None:
                return content_versions(content, localiser.languages)
            return localiser.listing_versions(context.get("page_url", ""), localiser.page_lang(context))

        @pass_context
        def localdate(context, value, format="long"):
            locale = localiser.by_code[localiser.page_lang(context)].locale
            return format_date(value, format=format, locale=locale)

        env.install_gettext_callables(gettext, ngettext, newstyle=True)
        env.globals.update(
            current_language=current_language,
            page_versions=page_versions,
            languages=self.languages,
            default_language=self.default,
        )
        env.filters["localdate"] = localdate
