"""Publications: magazine issues with their columns, photo stories with responsive
pictures, reports, Chinese-aware summaries, citations and metadata for machines.

Needs the bilingual plugin (languages, catalogues) and must come after it in PLUGINS.
The logic lives in pure modules (summary, images, magazine, neighbours, records, metadata,
citation); glue.py connects them to Pelican.
"""

from pelican import signals

from .glue import PublicationsGenerator, PublicationsRun

RUN = PublicationsRun()


class Generator(PublicationsGenerator):
    run = RUN


def get_generators(pelican):
    return Generator if RUN.active else None


def register():
    # Bound methods of one object: connecting again (one Pelican per build) is a no-op.
    signals.initialized.connect(RUN.start)
    signals.content_object_init.connect(RUN.init_content)
    signals.generator_init.connect(RUN.install)
    signals.get_generators.connect(get_generators)
    signals.feed_generated.connect(RUN.escape_feed_summaries)
