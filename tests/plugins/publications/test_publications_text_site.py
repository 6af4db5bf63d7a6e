"""What readers read of a fixture site built with real Pelican, in both languages: an editor's
own Summary wherever a summary is shown (home page, listing, <meta> description, Open Graph,
JSON-LD, feed), the summary of a text that begins mid-way, and figure captions whose credit
and date read apart."""

import json
import re
from html import unescape

import pytest
from bs4 import BeautifulSoup
from sitebuild import build_fixture_site, jpeg, page_soup

SUMMARY = {
    # Markdown and an entity in the metadata line: plain text wherever it is shown
    # (and a tag-like text, &lt;i&gt;, that no page or feed may read as markup)
    "zh": ("本报告**回顾**了常委会一年来的工作 & 提出了新一年的任务，&lt;i&gt;不是标记。",
           "本报告回顾了常委会一年来的工作 & 提出了新一年的任务，<i>不是标记。"),
    "en": ("It *reviews* the year’s work & sets out the tasks for the next; &lt;i&gt; is no markup.",
           "It reviews the year’s work & sets out the tasks for the next; <i> is no markup."),
}
FRAGMENT = {"zh": "进一步扩大团结面。", "en": "further broadening the scope of unity."}
FIRST_WHOLE = {"zh": "积极拓展文史工作思路。", "en": "We broadened our approach to cultural and historical work."}


def report(lang: str, slug: str, date: str, summary: str | None) -> str:
    header = [
        f"Title: {'工作报告' if lang == 'zh' else 'Work report '}{slug}", f"Date: {date}", "Kind: report",
        f"Lang: {lang}", f"Slug: {slug}", "Year: 2022", "Source: 报纸版面录入", "Begins_midway: true",
        *([f"Summary: {summary}"] if summary else []), *(["Translation: true"] if lang == "en" else []),
    ]
    opening, heading, text = {
        "zh": (f"{FRAGMENT['zh']}{FIRST_WHOLE['zh']}", "二、开头", "区政协常委会把助推发展作为履职主线。"),
        "en": (f"{FRAGMENT['en']} {FIRST_WHOLE['en']}", "II. Opening", "The Standing Committee made development its thread."),
    }[lang]
    return "\n".join(header) + f"\n\n{opening}\n\n## {heading}\n\n{text}\n"


CAPTION = {
    "zh": '清晨的老码头。<span class="credit">图：示例图片，程序生成</span> <time datetime="1986">1986年</time>',
    "en": 'The old pier at dawn. <span class="credit">Image: sample picture, generated</span> <time datetime="1986">1986</time>',
}
CAPTION_READS = {"zh": "清晨的老码头。（1986年）图：示例图片，程序生成", "en": "The old pier at dawn. (1986) Image: sample picture, generated"}


def story(lang: str) -> str:
    return f"""\
Title: {"老码头" if lang == "zh" else "The old pier"}
Date: 2023-04-18
Kind: story
Lang: {lang}
Slug: pier
{"Translation: true" if lang == "en" else ""}

{"码头的故事。" if lang == "zh" else "The story of the pier."}

<figure class="photo">
<img src="{{static}}/images/pier.jpg" alt="{"老码头" if lang == "zh" else "The old pier"}">
<figcaption>{CAPTION[lang]}</figcaption>
</figure>
"""


FILES = {
    **{f"reports/summarised.{lang}.md": report(lang, "summarised", "2023-02-14", SUMMARY[lang][0]) for lang in SUMMARY},
    **{f"reports/midway.{lang}.md": report(lang, "midway", "2022-02-14", None) for lang in SUMMARY},
    **{f"stories/pier.{lang}.md": story(lang) for lang in SUMMARY},
    "images/pier.jpg": jpeg((900, 600), (120, 90, 60)),
}
PREFIX = {"zh": "", "en": "en/"}


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    return build_fixture_site(tmp_path_factory.mktemp("text"), FILES)


def card_summary(page, url: str) -> str:
    (card,) = [c for c in page.select(".card") if c.select_one(".card__title a")["href"] == url]
    return card.select_one(".card__summary").get_text()


def head_descriptions(page) -> dict[str, str]:
    """Every description the page gives machines, by where it is."""
    (script,) = page.select('script[type="application/ld+json"]')
    work = json.loads(script.string)["@graph"][0]
    found = {"json-ld": work["description"]}
    for key in ("description", "og:description", "twitter:description"):
        (tag,) = page.select(f'meta[name="{key}"], meta[property="{key}"]')
        found[key] = tag["content"]
    return found


def feed_summary(site, lang: str, slug: str) -> str:
    """The summary as a feed reader shows it: Atom's <summary type="html"> holds escaped HTML."""
    feed = (site / PREFIX[lang] / "feeds" / "all.atom.xml").read_text(encoding="utf-8")
    (entry,) = [e for e in re.findall(r"<entry>.*?</entry>", feed, re.DOTALL) if f"/{slug}/</id>" in e]
    summary = re.search(r'<summary type="html">(.*?)</summary>', entry, re.DOTALL).group(1)
    return BeautifulSoup(unescape(summary), "html.parser").get_text()


@pytest.mark.parametrize("lang", SUMMARY)
def test_an_editors_summary_is_what_every_teaser_and_description_says(site, lang):
    expected = SUMMARY[lang][1]
    url = f"/{PREFIX[lang]}reports/summarised/"
    assert card_summary(page_soup(site, f"/{PREFIX[lang]}"), url) == expected
    assert card_summary(page_soup(site, f"/{PREFIX[lang]}reports/"), url) == expected
    descriptions = head_descriptions(page_soup(site, url))
    assert descriptions == dict.fromkeys(descriptions, expected)
    assert feed_summary(site, lang, "summarised") == expected


@pytest.mark.parametrize("lang", SUMMARY)
def test_without_a_summary_a_text_that_begins_midway_is_summarised_from_its_first_whole_sentence(site, lang):
    url = f"/{PREFIX[lang]}reports/midway/"
    summary = card_summary(page_soup(site, f"/{PREFIX[lang]}reports/"), url)
    assert summary.startswith(FIRST_WHOLE[lang])
    assert FRAGMENT[lang] not in summary
    assert head_descriptions(page_soup(site, url))["description"] == summary


@pytest.mark.parametrize("lang", SUMMARY)
def test_a_photo_caption_sets_the_date_against_its_words_and_the_credit_apart(site, lang):
    page = page_soup(site, f"/{PREFIX[lang]}stories/pier/")
    (figcaption,) = page.select("main figure.photo figcaption")
    assert figcaption.get_text() == CAPTION_READS[lang]
    assert figcaption.contents[-1]["class"] == ["credit"]  # last: its own line (publications.css)
    assert figcaption.select_one("time")["datetime"] == "1986"
    (script,) = page.select('script[type="application/ld+json"]')
    (image,) = json.loads(script.string)["@graph"][0]["image"]
    words = CAPTION_READS[lang].split("（" if lang == "zh" else " (")[0]
    assert (image["caption"], image["creditText"], image["dateCreated"]) == (
        words, figcaption.select_one(".credit").get_text(), "1986"
    )
    feed = unescape((site / PREFIX[lang] / "feeds" / "all.atom.xml").read_text(encoding="utf-8"))
    assert str(figcaption.select_one(".credit")) in feed.split(str(figcaption.select_one("time")), 1)[1]
