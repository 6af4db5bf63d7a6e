"""``python -m importer``: see :mod:`importer.cli`."""

from .cli import main

raise SystemExit(main())
