"""Chinese as the search index stores it: overlapping character pairs, written as ASCII keys.

Why pairs. Each position of a run of Chinese characters holds the pair that starts there
(the run's last character alone), as search engines index Chinese (Lucene's CJK bigrams):
a query of two characters, the commonest, is one word with its own places, instead of
two common characters whose places (协 of 政协, everywhere) the browser downloads and
intersects. 协商 at 1,000 pages a language: 12 kB of index instead of 40 kB. Positions
stay one a character, so a longer query is its pairs at every other position (协商驿站 is
协商 at p and 驿站 at p+2), an odd last character is looked up as the start of the pairs
(Pagefind matches a query word against the start of stored words), and a single
character finds every word that holds it (富 in 丰富, stored as 丰富|富…).

Why ASCII. Pagefind's index-time segmenter and the browser's (ICU's, on the query)
would cut 商驿 into 商|驿 and look up two words; no segmenter splits a run of letters.
A key is KEY_PREFIX and four base-26 letters a character (26⁴ > the last Han code
point, and letters sort as code points do). search.js writes the same keys
(hanKey); bundle.py turns the stored text back into characters for the excerpts.
"""

from __future__ import annotations

import functools
import re

KEY_PREFIX = "zz"
_LETTERS = 4
_BASE = 26
_KEY = re.compile(f"{KEY_PREFIX}((?:[a-z]{{{_LETTERS}}}){{1,2}})")


@functools.cache  # a site's text holds a few thousand characters, each met thousands of times
def _letters(character: str) -> str:
    point = ord(character)
    digits = []
    for _ in range(_LETTERS):
        point, digit = divmod(point, _BASE)
        digits.append(chr(ord("a") + digit))
    return "".join(reversed(digits))


def han_key(characters: str) -> str:
    """The stored word of one or two Chinese characters: 协商 → zz…"""
    return KEY_PREFIX + "".join(_letters(character) for character in characters)


def pair_keys(run: str) -> list[str]:
    """The words of a run of Chinese characters, one a position: ab, bc, c for abc."""
    letters = [_letters(character) for character in run]
    return [KEY_PREFIX + "".join(letters[at:at + 2]) for at in range(len(letters))]


def first_character(key: str) -> str | None:
    """The character a stored word stands for at its position, or None for another word."""
    found = _KEY.fullmatch(key)
    if not found:
        return None
    point = 0
    for letter in found.group(1)[:_LETTERS]:
        point = point * _BASE + ord(letter) - ord("a")
    try:
        return chr(point)
    except (ValueError, OverflowError):
        return None
