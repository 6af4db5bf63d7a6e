import pytest
from hypothesis import given
from hypothesis import strategies as st

from plugins.section_index.ordinals import (
    InvalidNumeralError,
    Ordinal,
    chinese_numeral_to_int,
    int_to_chinese_numeral,
    ordinal_gaps,
    parse_ordinal,
    strip_ordinal,
)

# --- recognising markers ----------------------------------------------------


def test_chinese_dun_marker():
    assert parse_ordinal("一、总体要求") == Ordinal(
        style="cn-dun", value=1, text="一、"
    )


def test_chinese_dun_eleven():
    assert parse_ordinal("十一、加强自身建设") == Ordinal("cn-dun", 11, "十一、")


def test_chinese_dun_twenty():
    assert parse_ordinal("二十、其他事项") == Ordinal("cn-dun", 20, "二十、")


def test_chinese_dun_twenty_three():
    assert parse_ordinal("二十三、附则").value == 23


def test_chinese_paren_full_width_twelve():
    assert parse_ordinal("（十二）深化改革") == Ordinal("cn-paren", 12, "（十二）")


def test_chinese_paren_half_width():
    assert parse_ordinal("(一) 加强学习") == Ordinal("cn-paren", 1, "(一)")


def test_chinese_paren_mixed_widths_as_typed():
    assert parse_ordinal("（三)推进协商") == Ordinal("cn-paren", 3, "（三)")


def test_chinese_shi_marker_opens_a_point():
    assert parse_ordinal("一是深化理论学习。") == Ordinal("cn-shi", 1, "一是")


@pytest.mark.parametrize("title", ["一是", "一是，", "二是 "])
def test_chinese_shi_needs_text_to_follow(title):
    assert parse_ordinal(title) is None


def test_arabic_with_ascii_full_stop():
    assert parse_ordinal("3. 完善制度") == Ordinal("arabic", 3, "3.")


def test_arabic_with_dun():
    assert parse_ordinal("1、提高站位") == Ordinal("arabic", 1, "1、")


def test_full_width_arabic_digit_and_stop():
    assert parse_ordinal("１．加强领导") == Ordinal("arabic", 1, "１．")


def test_two_digit_full_width_arabic():
    assert parse_ordinal("１２．其他").value == 12


def test_arabic_half_width_parens():
    assert parse_ordinal("(3)落实责任") == Ordinal("arabic-paren", 3, "(3)")


def test_arabic_full_width_parens_and_digit():
    assert parse_ordinal("（３）落实责任") == Ordinal("arabic-paren", 3, "（３）")


@pytest.mark.parametrize(
    "title",
    [
        "1.5亿元投入民生",  # a decimal
        "3、4月份完成调研",  # a list of months
        "2023年工作回顾",  # a year
        "2023. A review",  # a year with a stop is still not a section number
        "0. 序言",  # sections count from 1
        "05. 附录",
    ],
)
def test_numbers_that_are_not_section_numbers(title):
    assert parse_ordinal(title) is None


def test_numbered_phrase_inside_sentence_is_not_an_ordinal():
    assert parse_ordinal("坚持一、二、三产融合发展") is None
    assert parse_ordinal("我们做好三件事：一是学习，二是调研") is None


def test_quoted_title_has_no_ordinal():
    # A quotation used as a title is a slogan, not a numbered section.
    assert parse_ordinal("“十四五”规划实施情况") is None
    assert parse_ordinal("“一、二、三”工作法") is None


def test_positional_chinese_digits_are_rejected():
    assert parse_ordinal("一二、总则") is None


def test_roman_numerals():
    assert parse_ordinal("I. Introduction") == Ordinal("roman", 1, "I.")
    assert parse_ordinal("XIV. Annex") == Ordinal("roman", 14, "XIV.")


@pytest.mark.parametrize(
    "title", ["IIII. Four", "I.M. Pei's design", "CIVIL. Matters", "Iv. x"]
)
def test_malformed_roman_or_initials_are_not_ordinals(title):
    assert parse_ordinal(title) is None


def test_english_ordinal_words():
    assert parse_ordinal("First, we deepened study.") == Ordinal("en-word", 1, "First,")
    assert parse_ordinal("Secondly, we improved rules.") == Ordinal(
        "en-word", 2, "Secondly,"
    )
    assert parse_ordinal("Tenth, other matters.").value == 10


@pytest.mark.parametrize(
    "title", ["First of all, we", "Finally, we", "Firstborn, a", "first, lower case"]
)
def test_words_that_are_not_english_ordinals(title):
    assert parse_ordinal(title) is None


def test_leading_whitespace_before_marker_is_ignored():
    assert parse_ordinal("  二、工作安排") == Ordinal("cn-dun", 2, "二、")


def test_plain_title_has_no_ordinal():
    assert parse_ordinal("政府工作报告") is None
    assert parse_ordinal("") is None


# --- stripping markers ------------------------------------------------------


@pytest.mark.parametrize(
    ("title", "rest"),
    [
        ("十一、加强自身建设", "加强自身建设"),
        ("（一） 坚持党的领导", "坚持党的领导"),
        ("一是深化理论学习。", "深化理论学习。"),
        ("１．加强领导", "加强领导"),
        ("II. Our Work This Year", "Our Work This Year"),
        ("Second, improving our rules.", "improving our rules."),
    ],
)
def test_strip_ordinal_removes_marker_and_space(title, rest):
    assert strip_ordinal(title) == rest


def test_strip_ordinal_leaves_unnumbered_title_alone():
    assert strip_ordinal(" 坚持一、二、三产融合 ") == "坚持一、二、三产融合"


# --- Chinese numerals -------------------------------------------------------


@pytest.mark.parametrize(
    ("numeral", "value"),
    [
        ("〇", 0),
        ("零", 0),
        ("七", 7),
        ("十", 10),
        ("十三", 13),
        ("一十三", 13),
        ("四十", 40),
        ("九十九", 99),
    ],
)
def test_chinese_numeral_to_int(numeral, value):
    assert chinese_numeral_to_int(numeral) == value


@pytest.mark.parametrize(
    "numeral", ["", "二二", "十十", "十〇", "〇十", "百", "一百", "x"]
)
def test_chinese_numeral_to_int_rejects_what_it_cannot_read(numeral):
    with pytest.raises(InvalidNumeralError):
        chinese_numeral_to_int(numeral)


def test_invalid_numeral_error_is_a_value_error():
    assert issubclass(InvalidNumeralError, ValueError)


def test_int_to_chinese_numeral_writes_section_forms():
    assert [int_to_chinese_numeral(n) for n in (1, 10, 11, 20, 23, 99)] == [
        "一",
        "十",
        "十一",
        "二十",
        "二十三",
        "九十九",
    ]


@pytest.mark.parametrize("value", [0, 100, -1])
def test_int_to_chinese_numeral_rejects_out_of_range(value):
    with pytest.raises(InvalidNumeralError):
        int_to_chinese_numeral(value)


@given(st.integers(min_value=1, max_value=99))
def test_every_chinese_section_number_reads_back(value):
    numeral = int_to_chinese_numeral(value)
    assert chinese_numeral_to_int(numeral) == value
    assert parse_ordinal(f"{numeral}、标题") == Ordinal("cn-dun", value, f"{numeral}、")
    assert parse_ordinal(f"（{numeral}）标题") == Ordinal(
        "cn-paren", value, f"（{numeral}）"
    )


# --- gaps, repeats and order -----------------------------------------------


def _ordinals(*titles):
    return [parse_ordinal(title) for title in titles]


def test_consecutive_numbering_has_no_gaps():
    assert ordinal_gaps(_ordinals("一、a", "二、b", "三、c")) == []


def test_no_ordinals_no_gaps():
    assert ordinal_gaps([]) == []
    assert ordinal_gaps([None, None]) == []


def test_gap_names_the_missing_marker():
    assert ordinal_gaps(_ordinals("一、a", "二、b", "四、c")) == [
        "二、 is followed by 四、 (三、 missing)"
    ]


def test_gap_of_several_lists_each_missing_marker():
    assert ordinal_gaps(_ordinals("（一）a", "（四）b")) == [
        "（一） is followed by （四） (（二）, （三） missing)"
    ]


def test_gap_keeps_full_width_digits():
    assert ordinal_gaps(_ordinals("１．a", "３．b")) == [
        "１． is followed by ３． (２． missing)"
    ]


def test_gap_in_english_words_keeps_the_ly():
    assert ordinal_gaps(_ordinals("Firstly, a", "Thirdly, b")) == [
        "Firstly, is followed by Thirdly, (Secondly, missing)"
    ]


def test_gap_in_roman_numerals():
    assert ordinal_gaps(_ordinals("III. a", "VI. b")) == [
        "numbering starts at III. (I., II. missing)",
        "III. is followed by VI. (IV., V. missing)",
    ]


def test_repeat_is_reported():
    assert ordinal_gaps(_ordinals("一是a", "二是b", "二是c", "三是d")) == [
        "二是 is followed by 二是 again (repeated)"
    ]


def test_out_of_order_is_reported():
    assert ordinal_gaps(_ordinals("一、a", "三、b", "二、c")) == [
        "一、 is followed by 三、 (二、 missing)",
        "三、 is followed by 二、 (out of order)",
    ]


def test_numbering_that_does_not_start_at_one():
    assert ordinal_gaps(_ordinals("三、a", "四、b")) == [
        "numbering starts at 三、 (一、, 二、 missing)"
    ]


def test_unnumbered_siblings_are_skipped():
    assert ordinal_gaps(_ordinals("一、a", "结语", "二、b")) == []


def test_styles_are_checked_separately():
    siblings = _ordinals("一、a", "一是b", "二是c", "二、d", "三是e")
    assert ordinal_gaps(siblings) == []


def test_half_and_full_width_parens_count_as_one_style():
    assert ordinal_gaps(_ordinals("（一）a", "(二)b", "（二）c")) == [
        "(二) is followed by （二） again (repeated)"
    ]
