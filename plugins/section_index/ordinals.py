"""Ordinal markers that open the headings and leads of government documents.

Chinese documents number their parts 一、 → （一） → 1. → （1）, and list points
inside a paragraph as 一是…二是…; their English translations use I., 1., (1) or
"First, … Second, …".  This module recognises such a marker at the start of a
title and checks that sibling sections count up without gaps or repeats.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass


class InvalidNumeralError(ValueError):
    """Raised when a string is not a numeral this module can read or write."""


@dataclass(frozen=True)
class Ordinal:
    """The ordinal marker found at the start of a title.

    style: how it is written — 'cn-dun' (一、), 'cn-paren' (（一）), 'cn-shi'
    (一是), 'arabic' (1. 1、 １．), 'arabic-paren' ((1) （１）), 'roman' (I.)
    or 'en-word' (First,).  text: the marker exactly as written.
    """

    style: str
    value: int
    text: str


_NONZERO_CHINESE_DIGITS = {
    "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
}  # fmt: skip
_CHINESE_DIGIT_FOR_VALUE = {
    value: digit for digit, value in _NONZERO_CHINESE_DIGITS.items()
}
_CHINESE_ZEROS = ("〇", "零")


def chinese_numeral_to_int(numeral: str) -> int:
    """Read a Chinese numeral from 〇/零 (0) up to 九十九 (99).

    Accepts 十 (10), 十三, 二十, 二十三 and the formal 一十 / 一十三.  Positional
    digit runs such as 二三 or 二〇 are rejected: section numbers are never
    written so.
    """
    if numeral in _CHINESE_ZEROS:
        return 0
    if numeral in _NONZERO_CHINESE_DIGITS:
        return _NONZERO_CHINESE_DIGITS[numeral]
    tens_text, ten, units_text = numeral.partition("十")
    tens = _NONZERO_CHINESE_DIGITS.get(tens_text) if tens_text else 1
    units = _NONZERO_CHINESE_DIGITS.get(units_text) if units_text else 0
    if not ten or tens is None or units is None:
        raise InvalidNumeralError(f"not a Chinese numeral from 0 to 99: {numeral!r}")
    return tens * 10 + units


def int_to_chinese_numeral(value: int) -> str:
    """Write 1–99 the way section numbers are written: 一, 十, 十一, 二十, 二十三."""
    if not 1 <= value <= 99:
        raise InvalidNumeralError(f"section numbers run from 1 to 99, not {value}")
    tens, units = divmod(value, 10)
    if tens == 0:
        return _CHINESE_DIGIT_FOR_VALUE[units]
    # 十三, not 一十三: the formal form is read but never written.
    tens_text = _CHINESE_DIGIT_FOR_VALUE[tens] if tens > 1 else ""
    return tens_text + "十" + _CHINESE_DIGIT_FOR_VALUE.get(units, "")


_ROMAN_VALUES = (
    (1000, "M"),
    (900, "CM"),
    (500, "D"),
    (400, "CD"),
    (100, "C"),
    (90, "XC"),
    (50, "L"),
    (40, "XL"),
    (10, "X"),
    (9, "IX"),
    (5, "V"),
    (4, "IV"),
    (1, "I"),
)


def _roman_to_int(numeral: str) -> int:
    # The marker pattern only admits well-formed numerals, so a greedy
    # left-to-right reading is exact.
    total, rest = 0, numeral
    for value, letters in _ROMAN_VALUES:
        while rest.startswith(letters):
            total, rest = total + value, rest[len(letters) :]
    return total


def _int_to_roman(value: int) -> str:
    letters = []
    for step, symbol in _ROMAN_VALUES:
        count, value = divmod(value, step)
        letters.append(symbol * count)
    return "".join(letters)


_ENGLISH_ORDINAL_WORDS = (
    "First",
    "Second",
    "Third",
    "Fourth",
    "Fifth",
    "Sixth",
    "Seventh",
    "Eighth",
    "Ninth",
    "Tenth",
)

_FULL_WIDTH_DIGITS = str.maketrans("0123456789", "０１２３４５６７８９")


def _write_arabic(value: int, imitated: str) -> str:
    # Keep full-width digits (１．) full width, so a report names the marker
    # the reader would look for.
    if imitated.isascii():
        return str(value)
    return str(value).translate(_FULL_WIDTH_DIGITS)


@dataclass(frozen=True)
class _Notation:
    """One way of writing ordinal markers.

    marker matches the marker alone, its numeral as the group 'num'; opening
    matches it at the start of a title, with what must come after it.  write
    renders a value as a numeral in the script of the numeral it is given.
    """

    style: str
    marker: re.Pattern[str]
    opening: re.Pattern[str]
    read: Callable[[str], int]
    write: Callable[[int, str], str]


def _notation(
    style: str,
    marker: str,
    boundary: str,
    read: Callable[[str], int],
    write: Callable[[int, str], str],
) -> _Notation:
    return _Notation(
        style, re.compile(marker), re.compile(marker + boundary), read, write
    )


_CN = r"(?P<num>[一二三四五六七八九十]{1,3})"
# Sections count from 1, so a leading zero (0., 05.) is never a section number.
_ARABIC = r"(?P<num>[1-9１-９][0-9０-９]?)"
_ROMAN = r"(?P<num>(?=[IVXLCDM])M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3}))"


def _write_chinese(value: int, _imitated: str) -> str:
    return int_to_chinese_numeral(value)


def _read_english_word(word: str) -> int:
    return _ENGLISH_ORDINAL_WORDS.index(word) + 1


def _write_english_word(value: int, _imitated: str) -> str:
    return _ENGLISH_ORDINAL_WORDS[value - 1]


def _write_roman(value: int, _imitated: str) -> str:
    return _int_to_roman(value)


_NOTATIONS = (
    # Parentheses may be full width （） or half width (), even mixed, as typed.
    _notation(
        "cn-paren",
        rf"[（(]\s*{_CN}\s*[）)]",
        "",
        chinese_numeral_to_int,
        _write_chinese,
    ),
    _notation("arabic-paren", rf"[（(]\s*{_ARABIC}\s*[）)]", "", int, _write_arabic),
    _notation("cn-dun", rf"{_CN}、", "", chinese_numeral_to_int, _write_chinese),
    # 一是 is only a marker when the point it introduces follows at once.
    _notation("cn-shi", rf"{_CN}是", r"(?=\w)", chinese_numeral_to_int, _write_chinese),
    # A digit right after the mark means a decimal (1.5亿) or a list of
    # numbers (3、4月), not a section number.
    _notation("arabic", rf"{_ARABIC}[.．、]", r"(?![0-9０-９])", int, _write_arabic),
    # The space keeps initials ("I.M. Pei") and words ("CIVIL.") out.
    _notation("roman", rf"{_ROMAN}\.", r"(?=\s|$)", _roman_to_int, _write_roman),
    _notation(
        "en-word",
        rf"(?P<num>{'|'.join(_ENGLISH_ORDINAL_WORDS)})(?:ly)?,",
        r"(?=\s)",
        _read_english_word,
        _write_english_word,
    ),
)
_NOTATION_FOR_STYLE = {notation.style: notation for notation in _NOTATIONS}


def parse_ordinal(title: str) -> Ordinal | None:
    """Return the ordinal marker that opens *title*, or None.

    Only the very start of the title counts (after leading whitespace), so a
    numbered phrase inside running text — 坚持一、二、三产融合 — is not an ordinal.
    """
    opening = title.lstrip()
    for notation in _NOTATIONS:
        match = notation.opening.match(opening)
        if match is None:
            continue
        try:
            value = notation.read(match["num"])
        except InvalidNumeralError:
            return None
        return Ordinal(style=notation.style, value=value, text=match[0])
    return None


def strip_ordinal(title: str) -> str:
    """Return *title* without its opening ordinal marker and surrounding whitespace."""
    ordinal = parse_ordinal(title)
    if ordinal is None:
        return title.strip()
    return title.lstrip()[len(ordinal.text) :].strip()


def _relabel(ordinal: Ordinal, value: int) -> str:
    """The marker *ordinal* would have if it carried *value*: 二、 → 三、, （2） → （3）."""
    notation = _NOTATION_FOR_STYLE[ordinal.style]
    match = notation.marker.match(ordinal.text)
    numeral = notation.write(value, match["num"])
    return (
        ordinal.text[: match.start("num")] + numeral + ordinal.text[match.end("num") :]
    )


def _missing(ordinal: Ordinal, values: range) -> str:
    return ", ".join(_relabel(ordinal, value) for value in values) + " missing"


def ordinal_gaps(ordinals: Sequence[Ordinal | None]) -> list[str]:
    """Describe where sibling ordinals of one style fail to count 1, 2, 3, ….

    *ordinals* are those of sibling sections in document order; None (a
    section without a marker) is skipped.  Each style is checked on its own,
    so 一、 headings and 一是 leads among the same siblings don't interfere.
    """
    problems: list[str] = []
    previous_of_style: dict[str, Ordinal] = {}
    for ordinal in ordinals:
        if ordinal is None:
            continue
        previous = previous_of_style.get(ordinal.style)
        previous_of_style[ordinal.style] = ordinal
        if previous is None:
            if ordinal.value != 1:
                problems.append(
                    f"numbering starts at {ordinal.text} ({_missing(ordinal, range(1, ordinal.value))})"
                )
        elif ordinal.value == previous.value:
            problems.append(
                f"{previous.text} is followed by {ordinal.text} again (repeated)"
            )
        elif ordinal.value < previous.value:
            problems.append(
                f"{previous.text} is followed by {ordinal.text} (out of order)"
            )
        elif ordinal.value > previous.value + 1:
            missing = _missing(ordinal, range(previous.value + 1, ordinal.value))
            problems.append(
                f"{previous.text} is followed by {ordinal.text} ({missing})"
            )
    return problems
