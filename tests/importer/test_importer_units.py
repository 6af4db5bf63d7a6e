"""Unit tests of the pure steps: decode, clean, structure, dates, metadata, render."""

from __future__ import annotations

import codecs

import pytest

from importer import Options, convert
from importer.chars import (
    ends_sentence,
    first_sentence_end,
    join_pieces,
    remove_spaces_between_wide,
    width,
)
from importer.clean import clean
from importer.dates import find_date, valid_iso
from importer.decode import decode, normalise_newlines
from importer.errors import UndecodableInput
from importer.metadata import read_front_matter, slug_words
from importer.model import Block, Document
from importer.ordinals import ITEM, family
from importer.render import escape_start, render
from importer.structure import (
    is_byline,
    is_heading_like,
    is_numbered_heading,
    plain_lead,
    segment,
)

# ---------------------------------------------------------------- decode


@pytest.mark.parametrize(("data", "encoding"), [
    ("正文".encode(), "UTF-8"),
    (codecs.BOM_UTF8 + "正文".encode(), "UTF-8 with BOM"),
    ("正文".encode("utf-16"), "UTF-16 LE with BOM"),
    (codecs.BOM_UTF16_BE + "正文".encode("utf-16-be"), "UTF-16 BE with BOM"),
    ("政协舟山市定海区委员会".encode("gbk"), "GB18030"),
    ("政协𠀀".encode("gb18030"), "GB18030"),  # a four-byte GB18030 character
])
def test_decode_detects_the_encoding(data: bytes, encoding: str) -> None:
    decoded = decode(data)
    assert decoded.encoding == encoding
    assert decoded.text.startswith(("正文", "政协"))


def test_decode_refuses_bad_utf16_after_a_bom() -> None:
    with pytest.raises(UndecodableInput, match="byte offset"):
        decode(codecs.BOM_UTF16_LE + "正".encode("utf-16-le") + b"\x00\xd8")  # a lone surrogate


@pytest.mark.parametrize(("text", "normalised", "endings"), [
    ("a\r\nb\r\n", "a\nb\n", "CRLF"),
    ("a\rb\r", "a\nb\n", "CR"),
    ("a\r\nb\nc", "a\nb\nc", "CRLF and LF"),
    ("a\x0bb\x0cc\u2028d", "a\nb\nc\nd", "none"),
    ("abc", "abc", "none"),
])
def test_newlines(text: str, normalised: str, endings: str) -> None:
    assert normalise_newlines(text) == (normalised, endings)


# ---------------------------------------------------------------- clean


def _cleaned(text: str, **kwargs) -> list[str]:
    return [line.text for line in clean(text.split("\n"), **kwargs).lines if line.text]


@pytest.mark.parametrize("marker", [
    "▲上紧接第1版", "下转第2版", "（下转第3版）", "上接第4版", "(上接第12版)", "【下转第２版】", "▼转第5版", "接第2版",
    "▲上紧接第一版", "（上接A3版）", "下转第3页", "  ▲上紧接第1版  ", "\u3000（下转第2版）",
])
def test_continuation_marker_lines_are_removed(marker: str) -> None:
    cleaned = clean(["正文第一句。", marker, "正文第二句。"])
    assert [line.text for line in cleaned.lines] == ["正文第一句。", "正文第二句。"]
    assert [r.reason for r in cleaned.removals] == ["continuation marker"]
    assert cleaned.removals[0].text == marker.strip(" \u3000")


@pytest.mark.parametrize(("line", "kept"), [
    ("正文到此。（下转第2版）", "正文到此。"),
    ("正文到此。▲下转第2版", "正文到此。"),
    ("正文到此。下转第2版", "正文到此。"),
    ("（上接第1版）正文继续。", "正文继续。"),
    ("上紧接第1版 正文继续。", "正文继续。"),
])
def test_markers_at_the_ends_of_a_line_are_removed(line: str, kept: str) -> None:
    assert _cleaned(line) == [kept]


@pytest.mark.parametrize("line", [
    "文章下转第2版继续刊登。",  # inside the sentence
    "我们迎接第2版",  # 接 alone, unbracketed, could be words
    "转第2版的文章很长。",
])
def test_words_that_look_like_markers_are_kept(line: str) -> None:
    assert _cleaned(line) == [line]


@pytest.mark.parametrize("page", ["- 2 -", "— 12 —", "－3－", "第3页", "第 3 页 共 10 页", "3/10", "Page 3 of 10"])
def test_page_numbers_are_removed(page: str) -> None:
    cleaned = clean(["正文。", page, "更多。"])
    assert [line.text for line in cleaned.lines] == ["正文。", "更多。"]
    assert cleaned.removals[0].reason == "page number"


def test_bare_numbers_are_page_numbers_only_when_they_repeat() -> None:
    assert _cleaned("正文。\n2\n更多。\n3\n完。") == ["正文。", "更多。", "完。"]
    single = clean(["正文。", "2", "更多。"])
    assert [line.text for line in single.lines] == ["正文。", "2", "更多。"]
    assert any(note.topic == "unsure" and "«2»" in note.message for note in single.notes)


def test_running_headers() -> None:
    lines = ["报告标题", "定海政协", "正文一。", "定海政协", "正文二。", "定海政协", "正文三。"]
    assert _cleaned("\n".join(lines)) == ["报告标题", "正文一。", "正文二。", "正文三。"]
    numbered = ["报告标题", "正文一。", "定海政协 · 3", "正文二。", "定海政协 · 4"]
    assert _cleaned("\n".join(numbered)) == ["报告标题", "正文一。", "正文二。"]


def test_a_line_repeated_twice_is_kept_and_reported() -> None:
    cleaned = clean(["标题", "主要做法", "正文一。", "主要做法", "正文二。"])
    assert [line.text for line in cleaned.lines] == ["标题", "主要做法", "正文一。", "主要做法", "正文二。"]
    assert any("repeats at line 4" in note.message for note in cleaned.notes)


def test_a_title_repeated_as_running_header_keeps_its_first_line() -> None:
    lines = ["政协工作报告", "正文一。", "政协工作报告", "正文二。", "政协工作报告", "正文三。"]
    assert _cleaned("\n".join(lines)) == ["政协工作报告", "正文一。", "正文二。", "正文三。"]


@pytest.mark.parametrize(("line", "kept"), [
    ("[9:01] 会议开始。", "会议开始。"), ("[09:01:33]会议开始。", "会议开始。"), ("【9:01】会议开始。", "会议开始。"),
    ("9:01 会议开始。", "会议开始。"), ("\u3000\u3000[9:01] 会议开始。", "会议开始。"),
    ("会议在9:01开始。", "会议在9:01开始。"), ("9:01会议开始。", "9:01会议开始。"),
])
def test_timestamps(line: str, kept: str) -> None:
    assert _cleaned(line, strip_timestamps=True) == [kept]
    assert _cleaned("[9:01] 会议开始。") == ["[9:01] 会议开始。"]  # only when asked


def test_indentation_is_removed_and_measured() -> None:
    cleaned = clean(["\u3000\u3000正文。", "  正文。", "正文。  \u3000"])
    assert [(line.text, line.indent) for line in cleaned.lines] == [("正文。", 4), ("正文。", 2), ("正文。", 0)]


def test_removal_columns_point_at_the_input() -> None:
    line = "\u3000（上接第1版）正文继续。（下转第2版）"
    for removal in clean([line]).removals:
        assert line[removal.start:removal.end] == removal.text


# ---------------------------------------------------------------- characters


@pytest.mark.parametrize(("left", "right", "lang", "joined"), [
    ("各种履", "职方式", "zh", "各种履职方式"),
    ("意见建议2", "47条", "zh", "意见建议247条"),  # a number broken by the wrap
    ("设计LO", "GO", "zh", "设计LO GO"),  # Latin letters: Chinese typesetting breaks at a space
    ("数字", "CPPCC", "zh", "数字CPPCC"),
    ("“金点子", "”", "zh", "“金点子”"),
    ("the next", "line", "en", "the next line"),
    ("in 2023", "47 members", "en", "in 2023 47 members"),
    ("数字", "CPPCC", "en", "数字CPPCC"),
    ("正文\u3000", "\u3000继续", "zh", "正文继续"),
])
def test_join_pieces(left: str, right: str, lang: str, joined: str) -> None:
    assert join_pieces(left, right, lang) == joined


@pytest.mark.parametrize(("text", "ends"), [
    ("好。", True), ("好！", True), ("好？”", True), ("好。）", True), ("**好。**", True), ("主要是：", True),
    ("好；", True), ("好……", True), ("Done.", True), ("各种履", False), ("二、强化责任担当", False), ("", False),
])
def test_ends_sentence(text: str, ends: bool) -> None:
    assert ends_sentence(text) is ends


def test_first_sentence_end_skips_quotes_and_brackets() -> None:
    assert first_sentence_end("他说“好。”然后走了。") == len("他说“好。”然后走了。")
    assert first_sentence_end("（注。）正文。后面") == len("（注。）正文。")
    assert first_sentence_end("没有句号") == -1


def test_remove_spaces_between_wide() -> None:
    assert remove_spaces_between_wide("第七届 舟山市") == ("第七届舟山市", 1)
    assert remove_spaces_between_wide("2022 年 CPPCC report") == ("2022 年 CPPCC report", 0)
    assert width("政协ab") == 6


# ---------------------------------------------------------------- structure predicates


@pytest.mark.parametrize(("text", "name"), [
    ("一、总体情况", "part"), ("十、其他", "part"), ("十一、其他", "part"), ("二十、其他", "part"),
    ("第一部分 回顾", "part"), ("（一）加强学习", "subpart"), ("(十二)加强学习", "subpart"),
    ("1.加强学习", "numbered"), ("12、加强学习", "numbered"), ("１．加强学习", "numbered"),
    ("（1）加强学习", "subnumbered"), ("二十一、其他", None), ("1.5亿元投入", None), ("2023年工作任务", None),
    ("一是加强学习", None), ("统一、协调", None),
])
def test_ordinal_families(text: str, name: str | None) -> None:
    assert family(text) == name


def test_items() -> None:
    assert ITEM.match("一是深学新思想") and ITEM.match("十二是") and not ITEM.match("是一")


@pytest.mark.parametrize(("text", "heading"), [
    ("二、强化责任担当，自觉服务全区改革发展大局", True),
    ("（一）在助推产业发展上积极献计", True),
    ("一、总体情况。", False),
    ("一、强化政治引领。坚持党的领导，不断增强政治意识。", False),
    ("1.深化理论学习", True),
    ("1. 本报告所列数据均为初步统计数，以统计部门正式公布为准。", False),
])
def test_numbered_heading_lines(text: str, heading: bool) -> None:
    assert is_numbered_heading(text) is heading


@pytest.mark.parametrize(("text", "like"), [
    ("2023年工作任务", True), ("主要做法", True), ("Tasks for 2023", True),
    ("各位委员：", False), ("一年来，共开展16场区政协牵头组", False), ("区政协主席  张明", False),
    ("2023年2月14日", False), ("一、总体情况", False),
])
def test_unnumbered_heading_like(text: str, like: bool) -> None:
    assert is_heading_like(text) is like


@pytest.mark.parametrize(("text", "byline"), [
    ("区政协主席  张明", True), ("（2023年2月14日在政协第七届舟山市定海区委员会第二次会议上）", True),
    ("——在区政协七届二次会议上", True), ("2023年工作任务", False), ("各位委员：", False),
])
def test_bylines(text: str, byline: bool) -> None:
    assert is_byline(text) is byline


@pytest.mark.parametrize(("text", "lead"), [
    ("在助推产业发展上积极献计。坚持项目为王、产业为大、创新为要，加快建设现代产业体系。", "在助推产业发展上积极献计。"),
    ("强化提案办理，广泛征集向富“金点子”。修订《政协舟山市定海区委员会提案工作规则》，对提案工作流程进行完善。",
     "强化提案办理，广泛征集向富“金点子”。"),
    ("同志们，征程万里风正劲，重任千钧再奋蹄。让我们更加紧密地团结在一起，谱写政协新篇章！", None),
    ("同志们，征程万里风正劲。让我们更加紧密地团结在一起，在新的赶考路上谱写政协新篇章！", None),
    ("各位委员、同志们！过去一年，区政协常委会工作所取得的成绩，是区委坚强领导的结果。", None),
    ("区政协常委会把助推全区经济社会高质量发展作为履职主线，坚持区委中心工作推进到哪里。精心组织。", None),
    ("主要是：协商民主的质效还不够优化。对于这些问题，我们将高度重视，切实加以研究解决。", None),
    ("换届工作圆满完成。短。", None),  # the rest is shorter than the lead
    ("“双减”工作。引号里的内容不是开头的句子，它后面还有一些内容要说。", "“双减”工作。"),
])
def test_plain_lead_candidates(text: str, lead: str | None) -> None:
    assert plain_lead(text) == lead


def _blocks(text: str, **kwargs) -> list[tuple[str, int, str, str | None]]:
    lines = clean(text.split("\n")).lines
    return [(b.kind, b.level, b.text, b.lead) for b in segment(lines, **kwargs).blocks]


def test_a_lone_lead_like_paragraph_is_not_a_lead() -> None:
    text = "标题\n\n一、总体\n\n简介段落写得比较长，句子很长很长很长很长很长很长很长。\n\n换届工作圆满完成。后面是这一段的其余部分，比较长。"
    assert _blocks(text)[-1] == ("paragraph", 0, "换届工作圆满完成。后面是这一段的其余部分，比较长。", None)


def test_ordinal_leads_need_no_siblings() -> None:
    text = "标题\n\n（一）加强学习。坚持开展委员读书活动，委员参与全覆盖。"
    assert _blocks(text) == [("paragraph", 0, "坚持开展委员读书活动，委员参与全覆盖。", "（一）加强学习。")]


def test_a_heading_is_never_joined_to_a_paragraph() -> None:
    text = "标题\n\n一年来，共开展16场区政协牵头组\n\n二、强化责任担当\n\n正文。"
    assert [b[0] for b in _blocks(text)] == ["paragraph", "heading", "paragraph"]


def test_a_short_final_line_of_a_paragraph_is_not_a_heading() -> None:
    wrapped = ("标题\n\n区政协常委会把助推全区经济社会高质量发展作为\n履职主线，坚持区委中心工作推进到哪里，政协履职\n"
               "就跟进到哪里，精心组织实施年度协商计划，有效服\n务决策施策\n\n下一段。")
    assert _blocks(wrapped)[0][2].endswith("有效服务决策施策下一段。")


def test_signature_at_the_end_is_not_a_heading() -> None:
    text = "标题\n\n正文一段。\n\n政协舟山市定海区委员会\n\n2023年2月14日"
    assert [b[0] for b in _blocks(text)] == ["paragraph", "paragraph", "paragraph"]


def test_english_text_joins_with_spaces_and_has_no_chinese_leads() -> None:
    result = convert(b"Annual report\n\nThe committee met\nten times. It agreed.\n\nShort one. Another sentence here.",
                     Options(lang="en", kind="report"))
    body = result.markdown.partition("\n\n")[2]
    assert body == "The committee met ten times. It agreed.\n\nShort one. Another sentence here.\n"


# ---------------------------------------------------------------- dates and metadata


@pytest.mark.parametrize(("text", "iso"), [
    ("（2023年2月14日在会议上）", "2023-02-14"), ("2023 年 2 月 4 日", "2023-02-04"),
    ("二〇二三年二月十四日", "2023-02-14"), ("二〇二二年十二月三十一日", "2022-12-31"),
    ("发布于2023-02-14", "2023-02-14"), ("2023年2月30日", None), ("2023年工作任务", None),
])
def test_find_date(text: str, iso: str | None) -> None:
    found = find_date(text)
    assert (found[0] if found else None) == iso


def test_valid_iso() -> None:
    assert valid_iso("2023-02-14") and not valid_iso("2023-2-14") and not valid_iso("2023-02-29")


def test_front_matter() -> None:
    front = read_front_matter(["Title: 报告", "Date: TODO", "Editor_note: 说明", "", "正文。"])
    assert front is not None
    assert front.values == {"title": "报告", "date": "TODO", "editor_note": "说明"}
    assert front.end == 3
    assert [r.text for r in front.removals] == ["Title: ", "Date: TODO", "Editor_note: 说明"]
    assert read_front_matter(["Note: 这不是元数据", "", "正文。"]) is None


@pytest.mark.parametrize(("kind", "title", "words"), [
    ("report", "政协常务委员会工作报告", "standing-committee-work-report"),
    ("report", "关于提案工作情况的报告", "proposals-report"),
    ("report", "政府工作报告", "work-report"), ("story", "老码头", "story"), ("article", "定海政协", "magazine-article"), ("issue", "定海政协", "magazine-issue"),
])
def test_slug_words(kind: str, title: str, words: str) -> None:
    assert slug_words(kind, title) == words


def test_slug_years() -> None:
    def slug(raw: str, **kwargs) -> str:
        return convert(raw.encode(), Options(**kwargs)).document.slug

    assert slug("定海区政协2021年工作总结\n\n正文。") == "2021-work-report"
    assert slug("政协工作报告\n\n正文。\n\n2023年工作安排\n\n正文。") == "2022-work-report"
    assert slug("政协工作报告\n\n正文。", date="2023-02-14") == "2023-work-report"
    assert slug("政协工作报告\n\n2019年以来，正文。") == "2019-work-report"
    assert slug("政协工作报告\n\n正文。") == "work-report"
    assert slug("政协工作报告\n\n正文。", slug="x-1") == "x-1"


# ---------------------------------------------------------------- render


@pytest.mark.parametrize(("text", "escaped"), [
    ("1. 本报告", "1\\. 本报告"), ("12) 本报告", "12\\) 本报告"), ("# 号", "\\# 号"), ("- 一项", "\\- 一项"),
    ("> 引用", "\\> 引用"), ("+ 一项", "\\+ 一项"), ("1.加强", "1.加强"), ("2023年", "2023年"), ("“#”号", "“#”号"),
])
def test_escape_start(text: str, escaped: str) -> None:
    assert escape_start(text) == escaped


def test_render() -> None:
    document = Document("标题", "TODO", "report", "zh", "x", "x.txt", (
        Block("paragraph", 0, "导语。", None, 3), Block("heading", 2, "一、总体", None, 5),
        Block("heading", 3, "（一）学习", None, 7), Block("paragraph", 0, "其余。", "引导句。", 9)))
    assert render(document) == ("Title: 标题\nDate: TODO\nKind: report\nLang: zh\nSlug: x\nSource: x.txt\n\n"
                                "导语。\n\n## 一、总体\n\n### （一）学习\n\n**引导句。**其余。\n")


def test_gb18030_that_is_also_utf8_is_reported() -> None:
    decoded = decode("展".encode("gb18030"))  # D5 B9: Armenian չ in UTF-8
    assert decoded.encoding == "UTF-8"
    assert decoded.doubt and "valid GB18030 too" in decoded.doubt
    assert decode("展览".encode()).doubt is None
    cafe = decode("café".encode())  # C3 A9 is 茅 in GB18030: UTF-8 wins, with a doubt
    assert cafe.text == "café" and cafe.doubt is not None
