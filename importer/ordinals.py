"""The numbering of Chinese official documents, as patterns that match at the start of a line.

The usual hierarchy is 一、 > （一） > 1. > （1）; items inside a paragraph are
numbered 一是、二是. Chinese numerals run here from 一 to 二十.
"""

from __future__ import annotations

import re

_CN = r"(?:二十|十[一二三四五六七八九]?|[一二三四五六七八九])"

PART = re.compile(rf"{_CN}、")  # 一、 … 二十、
CHAPTER = re.compile(rf"第{_CN}(?:部分|章|篇)")  # 第一部分
SUBPART = re.compile(rf"[（(]{_CN}[）)]")  # （一）
NUMBERED = re.compile(r"(?:[1-9][0-9]?|[１-９][０-９]?)(?:\.(?![0-9])|、|．)")  # 1.  1、  １．
SUBNUMBERED = re.compile(r"[（(](?:[1-9][0-9]?|[１-９][０-９]?)[）)]")  # （1）
ITEM = re.compile(rf"{_CN}是")  # 一是 … 二十是

ORDINAL = re.compile("|".join(p.pattern for p in (PART, CHAPTER, SUBPART, NUMBERED, SUBNUMBERED, ITEM)))

# Heading level of each numbered family; see ``structure.heading_levels``.
FAMILIES = (("part", PART), ("part", CHAPTER), ("subpart", SUBPART), ("numbered", NUMBERED),
            ("subnumbered", SUBNUMBERED))


def family(text: str) -> str | None:
    """The numbering family ``text`` starts with (``part``, ``subpart``, …), or None."""
    for name, pattern in FAMILIES:
        if pattern.match(text):
            return name
    return None
