"""Figure captions: the words with the picture's date in the language's brackets, then the credit."""

import pytest
from bs4 import BeautifulSoup
from hypothesis import given
from hypothesis import strategies as st
from publications.captions import CaptionStyle, caption, captions

# The punctuation of the UI catalogues (themes/dinghai/translations/*/LC_MESSAGES/messages.po).
ZH = CaptionStyle("%(caption)s（%(date)s）", "%(caption)s%(credit)s")
EN = CaptionStyle("%(caption)s (%(date)s)", "%(caption)s %(credit)s")

CREDIT_ZH = '<span class="credit">图：示例图片，程序生成</span>'
DATE_ZH = '<time datetime="1986">1986年</time>'
CREDIT_EN = '<span class="credit">Image: sample picture, generated</span>'
DATE_EN = '<time datetime="1986">1986</time>'


def text(fragment: str) -> str:
    return BeautifulSoup(fragment, "html.parser").get_text()


@pytest.mark.parametrize(
    ("style", "inner", "expected"),
    [
        (ZH, f"清晨的老码头。{CREDIT_ZH} {DATE_ZH}", f"清晨的老码头。（{DATE_ZH}）{CREDIT_ZH}"),
        (EN, f"The old pier. {CREDIT_EN} {DATE_EN}", f"The old pier. ({DATE_EN}) {CREDIT_EN}"),
        # the date written after the credit or before it: the same caption
        (ZH, f"清晨的老码头。{DATE_ZH}\n{CREDIT_ZH}", f"清晨的老码头。（{DATE_ZH}）{CREDIT_ZH}"),
    ],
    ids=["zh", "en", "date-first"],
)
def test_the_date_goes_with_the_words_and_the_credit_comes_last(style, inner, expected):
    assert caption(inner, style) == expected


def test_the_credit_no_longer_runs_into_the_date():
    assert text(caption(f"清晨的老码头。{CREDIT_ZH} {DATE_ZH}", ZH)) == "清晨的老码头。（1986年）图：示例图片，程序生成"
    english = text(caption(f"The old pier. {CREDIT_EN} {DATE_EN}", EN))
    assert english == "The old pier. (1986) Image: sample picture, generated"
    assert "generated 1986" not in english


@pytest.mark.parametrize(
    ("inner", "expected"),
    [
        (f"清晨的老码头。{CREDIT_ZH}", f"清晨的老码头。{CREDIT_ZH}"),  # no date
        (f"清晨的老码头。{DATE_ZH}", f"清晨的老码头。（{DATE_ZH}）"),  # no credit
        (f" {CREDIT_ZH} {DATE_ZH} ", f"{DATE_ZH}{CREDIT_ZH}"),  # no words: nothing to bracket the date against
        (f"{DATE_ZH}", DATE_ZH),
    ],
    ids=["no-date", "no-credit", "no-words", "date-only"],
)
def test_a_caption_without_some_parts_gets_only_the_punctuation_it_needs(inner, expected):
    assert caption(inner, ZH) == expected


@pytest.mark.parametrize(
    "inner",
    [
        "清晨的老码头。",
        "摄于<time datetime=\"1986\">1986年</time>春天的老码头。",  # a date inside the words
        f"{CREDIT_ZH}之外的说明。",  # a credit inside the words
        f"清晨的老码头。{DATE_ZH}<!-- 注 -->",  # something else comes last
        "<p>说明。</p>",
    ],
)
def test_a_caption_without_a_trailing_credit_or_date_is_left_as_written(inner):
    assert caption(inner, ZH) == inner


def test_the_words_date_and_credit_keep_their_markup_byte_for_byte():
    words = 'The <a href="{filename}/stories/老街.zh.md#s-1">old pier</a> &amp; the “ferry”<br/>at dawn.'
    credit = '<span class="credit note" lang="en">Image: <em>J. Smith</em> &amp; Co.</span>'
    date = '<time class="when" datetime="1986-04">April 1986</time>'
    assert caption(f"{words} {credit} {date}", EN) == f"{words} ({date}) {credit}"


def test_punctuation_from_the_catalogue_is_text_not_markup():
    style = CaptionStyle("%(caption)s <%(date)s>", "%(caption)s & %(credit)s")
    assert caption(f"说明。{CREDIT_ZH} {DATE_ZH}", style) == f"说明。 &lt;{DATE_ZH}&gt; &amp; {CREDIT_ZH}"


BODY = (
    '<p>前文 &ldquo;x&rdquo;</p>\n<figure class="photo">\n<img src="a.jpg" alt="图">\n'
    f'<figcaption class="wide">清晨的老码头。{CREDIT_ZH} {DATE_ZH}</figcaption>\n</figure>\n<p>后文。</p>'
)


def test_only_the_captions_change_and_only_inside():
    result = captions(BODY + BODY, ZH)
    assert result == (BODY + BODY).replace(f"清晨的老码头。{CREDIT_ZH} {DATE_ZH}", f"清晨的老码头。（{DATE_ZH}）{CREDIT_ZH}")
    assert captions("<p>没有图。</p>", ZH) == "<p>没有图。</p>"


@given(
    words=st.text(alphabet="老码头，。 &<>abc", max_size=12),
    order=st.sampled_from(["credit-date", "date-credit", "credit", "date"]),
    style=st.sampled_from([ZH, EN]),
)
def test_restructuring_twice_is_restructuring_once(words, order, style):
    parts = {"credit": CREDIT_ZH, "date": DATE_ZH}
    inner = BeautifulSoup(words, "html.parser").decode() + " ".join(parts[name] for name in order.split("-"))
    once = captions(f"<figcaption>{inner}</figcaption>", style)
    assert captions(once, style) == once
    assert once.count(CREDIT_ZH) == ("credit" in order) and once.count(DATE_ZH) == ("date" in order)
