"""Dates written in Chinese documents: 2023年2月14日, 二〇二三年二月十四日, 2023-02-14."""

from __future__ import annotations

import datetime
import re

_CN_DIGITS = {c: i for i, c in enumerate("〇一二三四五六七八九")} | {"零": 0, "○": 0, "Ｏ": 0}

DATE = re.compile(
    r"(?P<y>[12][0-9]{3})\s*年\s*(?P<m>[0-9]{1,2})\s*月\s*(?P<d>[0-9]{1,2})\s*日"
    r"|(?P<cy>[〇零○Ｏ一二三四五六七八九]{4})\s*年\s*(?P<cm>[一二三四五六七八九十]{1,2})\s*月"
    r"\s*(?P<cd>[一二三四五六七八九十]{1,3})\s*日"
    r"|(?<![0-9])(?P<iy>[12][0-9]{3})-(?P<im>[0-9]{2})-(?P<id>[0-9]{2})(?![0-9])"
)
ISO = re.compile(r"[12][0-9]{3}-[0-9]{2}-[0-9]{2}")


def _cn_number(text: str) -> int:
    """一 … 三十一 as an integer."""
    if "十" not in text:
        return _CN_DIGITS[text]
    tens, _, units = text.partition("十")
    return (_CN_DIGITS[tens] if tens else 1) * 10 + (_CN_DIGITS[units] if units else 0)


def find_date(text: str) -> tuple[str, re.Match[str]] | None:
    """The first valid date in ``text`` as ISO ``YYYY-MM-DD``, with its match; or None."""
    for match in DATE.finditer(text):
        try:
            if match.group("y"):
                y, m, d = int(match.group("y")), int(match.group("m")), int(match.group("d"))
            elif match.group("cy"):
                y = int("".join(str(_CN_DIGITS[c]) for c in match.group("cy")))
                m, d = _cn_number(match.group("cm")), _cn_number(match.group("cd"))
            else:
                y, m, d = int(match.group("iy")), int(match.group("im")), int(match.group("id"))
            return datetime.date(y, m, d).isoformat(), match
        except (KeyError, ValueError):
            continue
    return None


def valid_iso(text: str) -> bool:
    """True for a real calendar date written ``YYYY-MM-DD``."""
    if not ISO.fullmatch(text):
        return False
    try:
        datetime.date.fromisoformat(text)
    except ValueError:
        return False
    return True
