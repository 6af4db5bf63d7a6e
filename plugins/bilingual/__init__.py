"""Bilingual site: Chinese at the root, English under /en/, from one Pelican run.

Pelican pairs translations by slug and gives each language its own URL
pattern; this plugin adds what it lacks: per-page UI language from Babel
catalogues, listings/feeds/sitemap per language, and notices for missing
translations.
"""

from pelican import signals

from .generator import BilingualGenerator
from .localise import PageLocaliser
from .settings import language_map


def enabled(settings) -> bool:
    """Signals are process-wide: act only for a Pelican whose PLUGINS list this plugin."""
    return any(str(plugin).rsplit(".", 1)[-1] == __name__.rsplit(".", 1)[-1] for plugin in settings.get("PLUGINS", ()))


def install_localiser(generator):
    if enabled(generator.settings):
        PageLocaliser(generator.settings).install(generator.env)


def get_generators(pelican):
    return BilingualGenerator if enabled(pelican.settings) else None


def label_feed(context, feed):
    """Pelican's feeds carry no language and link to the site root; fix both."""
    lang = context.get("page_lang")
    if lang is None or not enabled(context):
        return
    language = language_map(context)[lang]
    feed.feed["language"] = language.html_lang
    feed.feed["link"] = feed.feed["id"] = context["SITEURL"].rstrip("/") + "/" + language.prefix


def register():
    signals.generator_init.connect(install_localiser)
    signals.get_generators.connect(get_generators)
    signals.feed_generated.connect(label_feed)
