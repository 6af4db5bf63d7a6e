"""The UI catalogues are complete and current, and templates never branch on language."""

import re
from pathlib import Path

from babel.messages.pofile import read_po

from tools.catalogues import POT, THEME, extract


def message_ids(path: Path) -> set[str]:
    with path.open("rb") as po:
        return {message.id for message in read_po(po) if message.id}


def test_messages_pot_is_current(tmp_path):
    fresh = tmp_path / "messages.pot"
    extract(fresh)
    assert message_ids(fresh) == message_ids(POT), "run `make catalogues`"


def test_every_chinese_string_is_translated():
    with (THEME / "translations/zh/LC_MESSAGES/messages.po").open("rb") as po:
        catalogue = read_po(po)
    empty = [message.id for message in catalogue if message.id and not message.string]
    assert empty == []
    assert message_ids(THEME / "translations/zh/LC_MESSAGES/messages.po") >= message_ids(POT)


def test_english_catalogue_covers_the_template():
    assert message_ids(THEME / "translations/en/LC_MESSAGES/messages.po") >= message_ids(POT)


def test_templates_never_branch_on_language():
    branching = re.compile(r"lang(uage)?(\.code)?\s*==|==\s*['\"](zh|en)['\"]")
    offenders = [
        str(template)
        for template in (THEME / "templates").rglob("*.html")
        if branching.search(template.read_text(encoding="utf-8"))
    ]
    assert offenders == []
