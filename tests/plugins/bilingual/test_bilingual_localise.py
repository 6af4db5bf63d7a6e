"""The plugin's `_()` and `localdate` render exactly what Jinja's new-style gettext and Babel
render, per page language, although translations and dates are kept for the run."""

from datetime import UTC, date, datetime, timedelta, timezone

import jinja2
import pytest
from babel.dates import format_date
from bilingual.localise import PageLocaliser
from jinja2.ext import _gettext_alias
from pelican.settings import read_settings
from sitebuild import SETTINGS as SITE_SETTINGS

SETTINGS = read_settings(SITE_SETTINGS)
TEMPLATES = {
    "plain": "{{ _('Contents') }}",
    "placeholders": "{{ _('Sections of “%(title)s”', title=name) }}",
    "percent": "{{ _('100%% of %(x)s', x=name) }}",
    "date": "{{ day | localdate }}|{{ day | localdate('short') }}",
}


def environment(autoescape: bool, jinja_gettext: bool) -> jinja2.Environment:
    env = jinja2.Environment(extensions=["jinja2.ext.i18n"], autoescape=autoescape,
                             loader=jinja2.DictLoader(TEMPLATES))
    PageLocaliser(SETTINGS).install(env)
    if jinja_gettext:
        env.globals["_"] = _gettext_alias  # Jinja's own `_`, over the gettext the plugin installs
    return env


@pytest.mark.parametrize("autoescape", [True, False])
@pytest.mark.parametrize("template", ["plain", "placeholders", "percent"])
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_underscore_renders_what_jinjas_new_style_gettext_renders(autoescape, template, lang):
    variables = {"page_lang": lang, "name": "<定海政协>"}
    ours, jinjas = (environment(autoescape, jinja_gettext).get_template(template) for jinja_gettext in (False, True))
    for _ in range(2):  # the second render comes from what the first one kept
        assert ours.render(variables) == jinjas.render(variables)


def test_translations_follow_the_page_being_rendered():
    template = environment(True, False).get_template("placeholders")
    zh = template.render(page_lang="zh", name="定海政协")
    en = template.render(page_lang="en", name="Dinghai CPPCC")
    assert zh == "《定海政协》的章节"
    assert en == "Sections of “Dinghai CPPCC”"
    assert template.render(page_lang="zh", name="<b>") == "《&lt;b&gt;》的章节"


def test_dates_are_formatted_by_babel_in_the_page_language_and_by_their_own_day():
    template = environment(True, False).get_template("date")
    east = timezone(timedelta(hours=8))
    late = datetime(2023, 2, 14, 23, 30, tzinfo=UTC)
    same_instant = late.astimezone(east)  # equal to `late`, but already 15 February
    assert late == same_instant
    for lang, locale in (("zh", "zh_Hans_CN"), ("en", "en_GB")):
        for day in (late, same_instant, date(2023, 2, 14)):
            expected = f"{format_date(day, 'long', locale=locale)}|{format_date(day, 'short', locale=locale)}"
            assert template.render(page_lang=lang, day=day) == expected
    assert template.render(page_lang="zh", day=late).startswith("2023年2月14日")
    assert template.render(page_lang="zh", day=same_instant).startswith("2023年2月15日")
