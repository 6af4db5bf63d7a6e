"""The nothing-lost check, called directly with tampered output."""

from __future__ import annotations

from pathlib import Path

import pytest

from importer import Options, Removal, TextLost, check_nothing_lost, convert

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(scope="module")
def imported():
    raw = (FIXTURES / "continuation-markers.txt").read_bytes()
    result = convert(raw, Options(source="continuation-markers.txt"))
    return raw.decode("utf-8"), result


def test_the_real_output_passes(imported) -> None:
    text, result = imported
    assert check_nothing_lost(text, result.report.removals, result.markdown) == result.checked > 100


@pytest.mark.parametrize(("old", "new", "message"), [
    ("精心组织实施年度协商计划。", "精心组织实施协商计划。", "near input line 5 the input has «"),  # a word lost
    ("，得到党政支持、部门重视、群众好评。", "", "the output ends early"),  # the tail lost
    ("部分已转化为具体工作举措", "部分已转化为具体工作措施", "near input line 11"),  # text changed
    ("群众好评。", "群众好评。编辑加的一句话。", "the output has text the input lacks"),  # text added
    ("## 一、协商议政\n\n", "", "near input line 9"),  # a heading lost
    ("Title: 定海政协工作简报", "Title: 定海政协简报", "near input line 1"),  # the title damaged
])
def test_tampered_output_fails_loudly(imported, old: str, new: str, message: str) -> None:
    text, result = imported
    assert old in result.markdown
    tampered = result.markdown.replace(old, new, 1)
    with pytest.raises(TextLost, match="nothing-lost check failed") as error:
        check_nothing_lost(text, result.report.removals, tampered)
    assert message in str(error.value)
    assert "characters in the input" in str(error.value)


def test_markup_and_whitespace_do_not_count(imported) -> None:
    text, result = imported
    restyled = result.markdown.replace("## 一、", "### 一、").replace("精心组织", "**精心组织**")
    restyled = restyled.replace("，", "，\n", 1)
    assert check_nothing_lost(text, result.report.removals, restyled) == result.checked


def test_an_artifact_not_removed_is_extra_text(imported) -> None:
    text, result = imported
    with pytest.raises(TextLost, match="the output has text the input lacks|near input line"):
        check_nothing_lost(text, result.report.removals[1:], result.markdown)


def test_a_removal_that_is_not_in_the_input_is_an_error(imported) -> None:
    text, result = imported
    bogus = (*result.report.removals, Removal(1, 0, 2, "不是", "continuation marker"))
    with pytest.raises(TextLost, match="is not in the input there"):
        check_nothing_lost(text, bogus, result.markdown)


def test_source_title_when_the_title_was_replaced(imported) -> None:
    text, result = imported
    replaced = result.markdown.replace("Title: 定海政协工作简报", "Title: 新标题")
    with pytest.raises(TextLost):
        check_nothing_lost(text, result.report.removals, replaced)
    assert check_nothing_lost(text, result.report.removals, replaced, source_title="定海政协工作简报")


def test_convert_checks_its_own_output() -> None:
    result = convert("标题\n\n第一段。\n".encode(), Options(title="别的标题"))
    assert result.checked == len("标题第一段。")
