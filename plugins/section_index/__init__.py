"""Section index: stable anchors, contents lists, a site-wide index of every
numbered part in both languages, parallel reading, and an alignment check."""

from functools import lru_cache
from pathlib import Path

from bilingual import enabled as bilingual_enabled
from bilingual.catalogues import load_catalogues
from pelican import signals

from .generator import SectionIndexGenerator
from .outline import build_outline, flatten


def N_(message):
    """Marks a UI string for Babel extraction (babel.cfg reads this package)."""
    return message


PERMALINK_LABEL = N_("Link to this section")  # translated per page language


@lru_cache(maxsize=8)
def permalink_label(theme: str, lang: str) -> str:
    catalogues = load_catalogues(Path(theme) / "translations", [lang])
    return catalogues[lang].gettext(PERMALINK_LABEL)


def anchor_sections(content):
    """Give every section of a page its id, in the content phase, before any output."""
    if not enabled(content.settings):
        return
    if not getattr(content, "_content", None):
        content.sections = ()
        return
    label = permalink_label(content.settings["THEME"], content.lang)
    content._content, content.sections = build_outline(content._content, permalink_label=label)
    content.section_list = flatten(content.sections)


def enabled(settings) -> bool:
    return "section_index" in settings.get("PLUGINS", ()) and bilingual_enabled(settings)


def get_generators(pelican):
    return SectionIndexGenerator if enabled(pelican.settings) else None


class OutputStart:
    """Starts the generator's pages at the one moment Pelican offers between every link being
    final and the first page being written: when it asks plugins for a writer."""

    def __init__(self):
        self.generator = None

    def find_generator(self, generators):
        self.generator = next((g for g in generators if isinstance(g, SectionIndexGenerator)), None)

    def start(self, pelican):
        generator, self.generator = self.generator, None
        if generator is not None and generator.settings is pelican.settings:
            generator.start_output()
        # Returns no writer class: Pelican keeps its own.


OUTPUT_START = OutputStart()


def register():
    # Bound methods of one object: connecting again (one Pelican per build) is a no-op.
    signals.content_object_init.connect(anchor_sections)
    signals.get_generators.connect(get_generators)
    signals.all_generators_finalized.connect(OUTPUT_START.find_generator)
    signals.get_writer.connect(OUTPUT_START.start)
