"""The UI catalogues are complete and current, and templates never branch on language."""

import io
import re
import shutil
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from tools import catalogues
from tools.catalogues import (
    POT,
    THEME,
    extract,
    extract_catalog,
    render_template,
    update,
)

ZH = THEME / "translations/zh/LC_MESSAGES/messages.po"
EN = THEME / "translations/en/LC_MESSAGES/messages.po"
PLACEHOLDER = re.compile(r"%\((\w+)\)s")
LANGUAGE_BRANCH = re.compile(
    r"\b\w*lang\w*(\.\w+)*\s*(==|!=)"  # lang == 'zh', DEFAULT_LANG != …, page.lang==…
    r"|(==|!=)\s*['\"](zh|en|zh-CN|zh_CN)['\"]"  # … == 'en'
    r"|\bif\s+['\"](zh|en)['\"]\s+in\b"  # if 'zh' in …
)


def read_po_bytes(data: bytes):
    return read_po(io.BytesIO(data))


def read(path: Path):
    with path.open("rb") as po:
        return read_po(po)


def message_ids(path: Path) -> set:
    return {message.id for message in read(path) if message.id}


def test_messages_pot_is_current(tmp_path):
    fresh = tmp_path / "messages.pot"
    extract(fresh)
    current, expected = message_ids(POT), message_ids(fresh)
    assert current == expected, (
        f"messages.pot is stale, run `make catalogues`: new {sorted(map(str, expected - current))}, "
        f"gone {sorted(map(str, current - expected))}"
    )


def test_messages_pot_is_exactly_what_extraction_writes():
    assert POT.read_bytes() == render_template(extract_catalog()), "run `make catalogues`"


def test_the_plugins_strings_are_extracted_too():
    assert "Link to this section" in message_ids(POT)  # plugins/section_index, via babel.cfg


@pytest.mark.parametrize("catalogue", [ZH, EN], ids=["zh", "en"])
def test_each_catalogue_has_every_message_of_the_template(catalogue):
    missing = message_ids(POT) - message_ids(catalogue)
    assert not missing, f"{catalogue.relative_to(THEME)} lacks {sorted(map(str, missing))}: run `make catalogues`"


def test_every_chinese_string_is_translated():
    empty = [m.id for m in read(ZH) if m.id and not (all(m.string) if isinstance(m.string, tuple) else m.string)]
    assert empty == [], f"empty zh msgstr in {ZH.relative_to(THEME)}: {empty}"


@pytest.mark.parametrize("catalogue", [ZH, EN], ids=["zh", "en"])
def test_no_translation_is_a_fuzzy_guess(catalogue):
    assert [m.id for m in read(catalogue) if m.id and m.fuzzy] == []


def test_chinese_translations_keep_the_named_placeholders():
    wrong = []
    for message in read(ZH):
        if not message.id or isinstance(message.id, tuple):
            continue
        if sorted(PLACEHOLDER.findall(message.id)) != sorted(PLACEHOLDER.findall(message.string)):
            wrong.append(f"{message.id!r} → {message.string!r}")
    assert wrong == []


def test_templates_never_branch_on_language():
    offenders = []
    for template in sorted((THEME / "templates").rglob("*")):
        if template.is_file():
            for number, line in enumerate(template.read_text(encoding="utf-8").splitlines(), 1):
                if LANGUAGE_BRANCH.search(line):
                    offenders.append(f"{template.relative_to(THEME)}:{number}: {line.strip()}")
    assert offenders == [], "UI strings come from the catalogues, not from branches:\n" + "\n".join(offenders)


@pytest.mark.parametrize("line", ["{% if lang == 'zh' %}", "{% if DEFAULT_LANG=='en' %}", "{% if page.lang != \"zh\" %}"])
def test_the_branch_check_sees_a_branch(line):
    assert LANGUAGE_BRANCH.search(line)


def test_the_branch_check_leaves_ordinary_templates_alone():
    assert not LANGUAGE_BRANCH.search('<html lang="{{ html_lang }}">{{ _("Contents") }}')


# the tool itself, on a tiny theme in tmp_path ------------------------------------------


@pytest.fixture
def tiny_theme(tmp_path):
    theme = tmp_path / "theme"
    (theme / "templates").mkdir(parents=True)
    (theme / "babel.cfg").write_text(
        "[jinja2: templates/**.html]\nextensions = jinja2.ext.i18n\n\n[python: helpers/**.py]\n", encoding="utf-8"
    )
    (theme / "templates/base.html").write_text(
        "<p>{{ _('Contents') }}</p><p>{{ _('Published on %(date)s', date=d) }}</p>", encoding="utf-8"
    )
    plugins = tmp_path / "plugins"
    (plugins / "helpers").mkdir(parents=True)
    (plugins / "helpers/__init__.py").write_text("LABEL = N_('Link to this section')\n", encoding="utf-8")
    for lang, translated in {"zh": '"目录"', "en": '""'}.items():
        po = theme / f"translations/{lang}/LC_MESSAGES/messages.po"
        po.parent.mkdir(parents=True)
        po.write_text(f'msgid "Contents"\nmsgstr {translated}\n\nmsgid "Old string"\nmsgstr "旧"\n', encoding="utf-8")
    return theme, plugins


def test_the_tool_extracts_both_inputs_and_keeps_translations_without_guessing(tiny_theme):
    theme, plugins = tiny_theme
    template = read_po_bytes(render_template(extract_catalog((theme, plugins), theme / "babel.cfg")))
    assert {m.id for m in template if m.id} == {"Contents", "Published on %(date)s", "Link to this section"}
    untranslated = update(template, theme / "translations")
    zh = read(theme / "translations/zh/LC_MESSAGES/messages.po")
    assert zh["Contents"].string == "目录"  # kept
    assert zh["Published on %(date)s"].string == "" and not zh["Published on %(date)s"].fuzzy  # not guessed
    assert "Old string" not in {m.id for m in zh}  # gone with its template
    assert sorted(untranslated["zh"]) == ["Link to this section", "Published on %(date)s"]
    assert "python-format" in zh["Published on %(date)s"].flags


def test_the_tool_reports_a_stale_template(monkeypatch, tmp_path):
    stale = tmp_path / "messages.pot"
    stale.write_text('msgid "Contents"\nmsgstr ""\n', encoding="utf-8")
    monkeypatch.setattr(catalogues, "POT", stale)
    assert any("stale" in problem for problem in catalogues.problems())
    assert catalogues.main(["--check"]) == 1


def test_the_check_passes_on_the_real_catalogues():
    assert catalogues.problems() == []


def test_catalogues_of_a_copied_theme_survive_an_update_unchanged(tmp_path):
    """`make catalogues` on current catalogues changes nothing (no reformatting churn)."""
    copy = tmp_path / "translations"
    shutil.copytree(THEME / "translations", copy, ignore=shutil.ignore_patterns("*.mo"))
    update(read_po_bytes(POT.read_bytes()), copy)
    for po in sorted(copy.rglob("*.po")):
        assert po.read_bytes() == (THEME / "translations" / po.relative_to(copy)).read_bytes(), po
