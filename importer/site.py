"""The site settings the importer needs, read from pelicanconf.py without running it.

The importer never imports Pelican (or the settings module, which Pelican runs with its own
defaults), so it reads the literal value of a setting from the file's source.
"""

from __future__ import annotations

import ast
from pathlib import Path

from .errors import ImportRefused

PELICANCONF = Path(__file__).resolve().parents[1] / "pelicanconf.py"


class SettingsUnreadable(ImportRefused):
    """A setting the importer needs is missing from pelicanconf.py or is not a literal."""


def setting(name: str, settings: Path = PELICANCONF) -> object:
    """The literal value assigned to ``name`` at the top level of ``settings``."""
    tree = ast.parse(settings.read_text(encoding="utf-8"), filename=str(settings))
    for statement in reversed(tree.body):  # the last assignment wins, as when Python runs the file
        if isinstance(statement, ast.Assign) and any(
                isinstance(target, ast.Name) and target.id == name for target in statement.targets):
            try:
                return ast.literal_eval(statement.value)
            except ValueError:
                raise SettingsUnreadable(f"{name} in {settings} is not a literal value the importer can read") from None
    raise SettingsUnreadable(f"{settings} has no {name} setting")


def magazine_columns(settings: Path = PELICANCONF) -> tuple[str, ...]:
    """The keys of MAGAZINE_COLUMNS, the magazine's controlled list of columns, in order."""
    columns = setting("MAGAZINE_COLUMNS", settings)
    if not isinstance(columns, dict) or not columns:
        raise SettingsUnreadable(f"MAGAZINE_COLUMNS in {settings} is not a mapping of column keys to names")
    return tuple(columns)
