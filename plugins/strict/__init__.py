"""Strict content checks inside Pelican: `make html` fails on bad content, naming every problem.

When Pelican starts (the ``initialized`` signal) the content folder is checked exactly as
`make check` does (see checks.py), each problem is logged as an error, and when there is
any the run is stopped before a page is written: invalid content must not reach other
plugins, whose crashes would hide the real message. Once the pages are written, links to
``#fragments`` and ``/…`` site paths are checked again, against the pages themselves.

The problems reach the user through tools/build.py, which turns every logged error
into a failed build and leaves output/ as it was.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from pathlib import Path

from pelican import signals

from .checks import check_built_links, check_content
from .settings import read_config

logger = logging.getLogger(__name__)

PLUGIN_NAME = "strict"


def enabled(settings) -> bool:
    """Signals are process-global: act only for a Pelican whose PLUGINS lists this plugin."""
    return any(str(name).rsplit(".", 1)[-1] == PLUGIN_NAME for name in settings.get("PLUGINS", ()))


class SavedAs(Mapping):
    """Source name → the page Pelican wrote it to. Pelican computes save_as anew on every
    access, and only the few pages that links point to are ever asked for."""

    def __init__(self, generated: Mapping):
        self.contents = {Path(name).as_posix(): content for name, content in generated.items()}

    def __getitem__(self, name: str) -> str:
        save_as = getattr(self.contents[name], "save_as", None)
        if not save_as:
            raise KeyError(name)
        return save_as

    def __iter__(self):
        return (name for name in self.contents if name in self)

    def __len__(self) -> int:
        return sum(1 for _ in self)


class StrictRun:
    """The state of one Pelican run; reset when a run starts."""

    def __init__(self):
        self.reset()

    def reset(self):
        self.active = False
        self.sources = ()
        self.written: Mapping[str, str] = {}

    def start(self, pelican):
        self.reset()
        if not enabled(pelican.settings):
            return
        self.active = True
        result = check_content(read_config(pelican.settings))
        self.sources = result.sources
        for problem in result.problems:
            logger.error("%s", problem)
        if result.problems:
            logger.info("strict: %d problem(s) in %s; nothing was built", len(result.problems), pelican.path)
            pelican.run = self.skipped_run

    @staticmethod
    def skipped_run():
        """Stands in for Pelican.run when the content has problems: write nothing."""

    def record_outputs(self, generators):
        if not self.active or not generators:
            return
        self.written = SavedAs(generators[0].context.get("generated_content", {}))

    def finish(self, pelican):
        if not self.active:
            return
        for problem in check_built_links(self.sources, self.written, Path(pelican.output_path)):
            logger.error("%s", problem)
        self.reset()


RUN = StrictRun()


def register():
    # Bound methods of one object: connecting again (one Pelican per build) is a no-op.
    signals.initialized.connect(RUN.start)
    signals.all_generators_finalized.connect(RUN.record_outputs)
    signals.finalized.connect(RUN.finish)
