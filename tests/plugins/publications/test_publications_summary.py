"""Summaries: whole sentences, Chinese measured in characters, bold leads never cut."""

import pytest
from hypothesis import given
from hypothesis import strategies as st
from publications.summary import (
    SummaryRule,
    measure,
    normalise,
    paragraphs,
    plain_text,
    sentences,
    summarise,
)

ZH = SummaryRule("characters", 120)
EN = SummaryRule("words", 50)


def zh_sentence(n: int, mark: str = "。") -> str:
    return "字" * (n - 1) + mark


# Chinese ---------------------------------------------------------------------------------


def test_chinese_sentences_end_at_the_ideographic_stops():
    assert sentences("第一句。第二句！第三句？没有句号", "characters") == ["第一句。", "第二句！", "第三句？", "没有句号"]


def test_a_chinese_summary_is_whole_sentences_near_120_characters():
    html = "<p>" + zh_sentence(50) + zh_sentence(50) + zh_sentence(50) + "</p>"
    result = summarise(html, ZH)
    assert result == zh_sentence(50) * 2  # 100 is nearer 120 than 150
    assert result.endswith("。")


def test_a_sentence_crossing_the_target_is_kept_when_that_is_nearer():
    html = "<p>" + zh_sentence(100) + zh_sentence(30) + zh_sentence(30) + "</p>"
    assert summarise(html, ZH) == zh_sentence(100) + zh_sentence(30)


def test_a_long_first_sentence_is_kept_whole_never_cut():
    long = "很长的一句话，" * 40 + "到这里才结束。"
    assert summarise(f"<p>{long}下一句。</p>", ZH) == long


def test_short_text_is_the_whole_summary():
    assert summarise("<p>只有一句。</p>", ZH) == "只有一句。"
    assert summarise("<p>没有句号的短文</p>", ZH) == "没有句号的短文"
    assert summarise("", ZH) == ""


def test_the_summary_reads_on_into_the_next_paragraphs():
    html = f"<p>{zh_sentence(40)}</p><p>{zh_sentence(40)}</p><p>{zh_sentence(40)}</p><p>{zh_sentence(40)}</p>"
    assert summarise(html, ZH) == zh_sentence(40) * 3


def test_closing_quotes_stay_with_their_sentence():
    assert sentences("他说：“我们来了。”大家都笑了。", "characters") == ["他说：“我们来了。”", "大家都笑了。"]
    assert sentences("（见附件。）下文。", "characters") == ["（见附件。）", "下文。"]


def test_a_stop_inside_quotation_marks_does_not_end_the_sentence_around_it():
    text = "他说：“今天很好。明天更好。”大家都同意。"
    assert sentences(text, "characters") == ["他说：“今天很好。明天更好。”", "大家都同意。"]


def test_an_unbalanced_quotation_mark_does_not_swallow_the_paragraph():
    assert sentences("他说：“今天很好。明天更好。大家同意。", "characters") == [
        "他说：“今天很好。", "明天更好。", "大家同意。"
    ]


def test_chinese_is_measured_in_characters_not_whitespace_words():
    assert measure("协商 驿站 里的 渔村", "characters") == 8
    assert measure("一二三四五六七八九十", "characters") == 10


def test_hard_wrapped_chinese_loses_the_line_breaks():
    assert normalise("中国人民\n政治协商会议 第七届") == "中国人民政治协商会议第七届"
    assert normalise("定海 CPPCC 2023") == "定海 CPPCC 2023"


# bold leads --------------------------------------------------------------------------------


def test_a_bold_lead_is_left_out_and_the_paragraph_read_on_after_it():
    html = "<p><strong>在助推产业发展上积极献计。</strong>坚持项目为王。加快建设现代产业体系。</p>"
    assert summarise(html, ZH) == "坚持项目为王。加快建设现代产业体系。"


def test_a_paragraph_that_is_only_a_lead_gives_the_whole_lead():
    html = "<p><strong>一是深学新思想，以更高站位强化政治建设。</strong></p><p>正文。</p>"
    assert summarise(html, ZH) == "一是深学新思想，以更高站位强化政治建设。正文。"


def test_a_lead_is_never_cut_even_with_a_permalink_inside_it():
    html = (
        '<p class="lead" id="s-1"><strong>号子是渔船上的指挥。<a class="permalink" href="#s-1">¶</a></strong>'
        "领号的人根据劳动的进度起调。</p>"
    )
    assert paragraphs(html)[0].lead == "号子是渔船上的指挥。"
    assert summarise(html, ZH) == "领号的人根据劳动的进度起调。"
    assert "¶" not in summarise(html, ZH)


def test_bold_words_that_are_not_a_whole_sentence_are_text():
    html = "<p><strong>注意</strong>：这是正文。</p>"
    assert summarise(html, ZH) == "注意：这是正文。"


def test_an_english_bold_lead():
    html = "<p><strong>The work song gave the orders on a fishing boat.</strong> The leader struck up the song.</p>"
    assert summarise(html, EN) == "The leader struck up the song."


# English --------------------------------------------------------------------------------


def test_english_sentences_and_abbreviations():
    text = "Issue No. 1 of Dinghai CPPCC reaches its readers. It costs 3.5 yuan, e.g. for members. Dr. Wang agrees!"
    assert sentences(text, "words") == [
        "Issue No. 1 of Dinghai CPPCC reaches its readers.",
        "It costs 3.5 yuan, e.g. for members.",
        "Dr. Wang agrees!",
    ]


def test_english_quotes_and_lower_case_continuations():
    text = "“Why?” she asked. He said, “We came.” Then they left."
    assert sentences(text, "words") == ["“Why?” she asked.", "He said, “We came.”", "Then they left."]


def test_an_english_summary_is_about_50_words():
    sentence = "Word " + " ".join(["word"] * 18) + " end."
    result = summarise("<p>" + " ".join([sentence] * 5) + "</p>", EN)
    assert measure(result, "words") == 60  # 40 is as far from 50 as 60: the crossing sentence is kept
    assert result.endswith("end.")


def test_apostrophes_are_not_quotation_marks():
    text = "The fishermen’s songs are old. They’re still sung."
    assert sentences(text, "words") == ["The fishermen’s songs are old.", "They’re still sung."]


# what counts as the body's text --------------------------------------------------------------


def test_figures_headings_quotes_and_lists_are_not_summarised():
    html = (
        "<h2>一、标题</h2>"
        '<figure class="photo"><img src="x.jpg" alt="图"><figcaption><p>说明。</p></figcaption></figure>'
        "<blockquote><p>引文。</p></blockquote><ul><li><p>列表。</p></li></ul>"
        "<p>正文第一句。</p>"
    )
    assert summarise(html, ZH) == "正文第一句。"


def test_the_summary_is_plain_text_without_markup_or_entities():
    html = "<p>A &amp; B <em>meet</em> &lt;here&gt;. Then <a href='#x'>more</a>.</p>"
    assert summarise(html, EN) == "A & B meet <here>. Then more."


# texts that begin mid-way ------------------------------------------------------------------

MIDWAY_ZH = "<p>密切同宗教界代表人士等团结联络，进一步扩大团结面。积极拓展文史工作思路。</p><h2>二、开头</h2><p>区政协常委会把助推发展作为主线。</p>"
MIDWAY_EN = "<p>people from the new social strata and others. We broadened our approach.</p><p>The Standing Committee served.</p>"


@pytest.mark.parametrize(("html", "rule", "first_whole"), [(MIDWAY_ZH, ZH, "积极拓展"), (MIDWAY_EN, EN, "We broadened")])
def test_a_text_that_begins_midway_is_summarised_from_its_first_whole_sentence(html, rule, first_whole):
    assert not summarise(html, rule).startswith(first_whole)
    assert summarise(html, rule, begins_midway=True).startswith(first_whole)


def test_a_midway_text_whose_first_paragraph_is_one_fragment_starts_at_the_next():
    html = "<p>进一步扩大团结面。</p><p>区政协常委会把助推发展作为主线。</p>"
    assert summarise(html, ZH, begins_midway=True) == "区政协常委会把助推发展作为主线。"
    assert summarise("<p>只有半句。</p>", ZH, begins_midway=True) == ""  # nothing whole to say


def test_an_editors_own_summary_keeps_its_words_without_markup():
    assert plain_text("<p>编辑<strong>自己</strong>写的摘要。</p>") == "编辑自己写的摘要。"


@pytest.mark.parametrize("rule", [ZH, EN])
def test_no_markup_or_visually_hidden_text_gets_in(rule):
    html = '<p>正文。<span class="visually-hidden">（打开原图）</span></p>'
    assert "打开原图" not in summarise(html, rule)


# properties ------------------------------------------------------------------------------------

zh_sentences = st.lists(
    st.builds(lambda body, mark: body + mark, st.text(alphabet="定海政协委员协商，、", min_size=1, max_size=80),
              st.sampled_from("。！？")),
    min_size=1, max_size=12,
)


@given(zh_sentences)
def test_a_chinese_summary_is_always_a_run_of_whole_opening_sentences(parts):
    text = "".join(parts)
    result = summarise(f"<p>{text}</p>", ZH)
    assert text.startswith(result)
    assert result[-1] in "。！？"
    taken = sentences(result, "characters")
    assert taken == parts[: len(taken)]
    assert measure(result, "characters") <= max(len(parts[0]), 2 * ZH.length)
