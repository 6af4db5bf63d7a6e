"""Property tests: whatever text comes in, nothing is lost and re-importing changes nothing."""

from __future__ import annotations

import codecs

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from importer import EmptyInput, Options, UndecodableInput, convert
from importer.chars import significant
from importer.decode import decode

CJK = st.sampled_from("政协委员会区常务工作报告协商民主监督提案共同富裕建设发展定海舟山我们的是在和了")
PUNCT = st.sampled_from("，。、；：！？“”《》（）")
ORDINALS = st.sampled_from(["一、", "二、", "十一、", "（一）", "（二）", "1.", "2、", "一是", "二是", ""])
ARTIFACTS = st.sampled_from(["▲上紧接第1版", "（下转第2版）", "上接第3版", "- 4 -", "第5页", "[9:01] "])
SPACE = st.sampled_from(["", "", " ", "\u3000\u3000"])
ODD = st.sampled_from(["# ", "## ", "- ", "1. ", "> ", "**", "Title: ", "2023年2月14日", "区政协主席  张明", "ab cd",
                       "2023年工作任务", "——在会上", "(", "*", "\\", "\t"])

words = st.text(CJK, min_size=1, max_size=12)
sentence = st.builds(lambda w, p: w + p, words, st.sampled_from(["。", "！", "？", "，", "；", ""]))
paragraph = st.builds(lambda o, s: o + "".join(s), ORDINALS, st.lists(sentence, min_size=1, max_size=6))
line = st.one_of(paragraph, words, ARTIFACTS, st.builds(lambda a, b: a + b, SPACE, paragraph),
                 st.builds(lambda a, b, c: a + b + c, ODD, st.one_of(paragraph, words), st.sampled_from(["", "**"])))
document = st.lists(st.tuples(line, st.sampled_from(["\n", "\n\n", "\n\n\n", "\r\n", "\r"])), min_size=1, max_size=25)


def _text(parts: list[tuple[str, str]]) -> str:
    return "".join(text + newline for text, newline in parts)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(document, st.booleans())
def test_nothing_lost_and_idempotent(parts: list[tuple[str, str]], strip: bool) -> None:
    raw = _text(parts)
    try:
        first = convert(raw.encode("utf-8"), Options(source="raw.txt", strip_timestamps=strip))
    except EmptyInput:
        return
    # The check ran inside convert; every character of the body is an input character.
    assert set(significant(first.markdown.partition("\n\n")[2])) <= set(significant(raw))
    again = convert(first.markdown.encode("utf-8"), Options(source="other.md"))
    assert again.markdown == first.markdown


@settings(max_examples=100, deadline=None)
@given(document, st.sampled_from(["gb18030", "utf-16", "utf-8-sig"]))
def test_encodings_do_not_change_the_result(parts: list[tuple[str, str]], encoding: str) -> None:
    raw = _text(parts)
    data = raw.encode(encoding)
    if encoding == "gb18030":  # a few GB18030 bytes can be valid UTF-8 too: reported, not guessed
        assume(decode(data).encoding == "GB18030")
    try:
        expected = convert(raw.encode("utf-8"), Options(source="raw.txt")).markdown
    except EmptyInput:
        return
    assert convert(data, Options(source="raw.txt")).markdown == expected


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=200))
def test_decode_either_decodes_or_refuses_clearly(data: bytes) -> None:
    try:
        decoded = decode(data)
    except UndecodableInput as error:
        assert "byte offset" in str(error)
        return
    assert "\r" not in decoded.text
    if not data.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        assert decoded.encoding in ("UTF-8", "GB18030")
