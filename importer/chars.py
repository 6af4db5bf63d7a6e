"""Character classes and small text predicates shared by the importer's steps.

Everything here is about single characters or single lines of text and knows
nothing of documents: which characters end a sentence, which are "wide" (CJK),
how wide a line is on the page, how two pieces of a broken line are rejoined.
"""

from __future__ import annotations

import re
import unicodedata

# Characters that end a sentence (or a clause that may end a paragraph).
SENTENCE_END = frozenset("。！？!?…；;：:.")
# Characters that end the *first sentence* of a lead (a run-in heading).
LEAD_END = frozenset("。！？!?")
# Closing quotes and brackets that may follow the sentence-final mark.
CLOSERS = frozenset("”’」』）)》〉】〕］]\"'")
# Opening/closing pairs used to find sentence ends outside quotes and brackets.
PAIRS = {"“": "”", "‘": "’", "「": "」", "『": "』", "（": "）", "(": ")", "《": "》",
         "〈": "〉", "【": "】", "〔": "〕", "［": "］"}
# Punctuation that a heading line never contains (commas excepted for numbered headings).
CLAUSE_PUNCT = frozenset("，,。；;！!？?：:")
# Whitespace used for indentation, including the ideographic space U+3000.
INDENT_CHARS = " \t\u3000\u00a0"
# Characters the nothing-lost check ignores besides whitespace: Markdown markup.
MARKUP = frozenset("#*\\")

_WIDE_EXTRA = frozenset("“”‘’…—·")


def is_wide(ch: str) -> bool:
    """True for characters set full-width in Chinese text (ideographs, CJK punctuation)."""
    return unicodedata.east_asian_width(ch) in ("W", "F") or ch in _WIDE_EXTRA


def width(text: str) -> int:
    """Display width of ``text`` in half-width columns (wide characters count 2)."""
    return sum(2 if is_wide(ch) else 1 for ch in text)


def ends_sentence(text: str) -> bool:
    """True when ``text`` ends with sentence-final punctuation (closing quotes and ``**`` aside)."""
    stripped = text.rstrip().rstrip("*")
    while stripped and stripped[-1] in CLOSERS:
        stripped = stripped[:-1].rstrip("*")
    return bool(stripped) and stripped[-1] in SENTENCE_END


def join_pieces(left: str, right: str, lang: str = "zh") -> str:
    """Rejoin two pieces of text split by a line break.

    Chinese is wrapped between any two characters, so the break is simply
    removed — except between two Latin letters, where Chinese typesetting
    breaks at a space (``open`` / ``source``). English is wrapped at spaces, so
    the break becomes a space unless a wide (Chinese) character touches it.
    """
    left, right = left.rstrip(INDENT_CHARS), right.lstrip(INDENT_CHARS)
    if not left or not right:
        return left + right
    if lang == "zh":
        latin = left[-1].isascii() and left[-1].isalpha() and right[0].isascii() and right[0].isalpha()
        return left + " " + right if latin else left + right
    if is_wide(left[-1]) or is_wide(right[0]):
        return left + right
    return left + " " + right


_SPACE_BETWEEN_WIDE = re.compile(r"(?<=[^\x00-\x7f])[ \t\u3000\u00a0]+(?=[^\x00-\x7f])")


def remove_spaces_between_wide(text: str) -> tuple[str, int]:
    """Remove runs of spaces between two wide characters; return the text and how many runs."""
    count = 0

    def drop(match: re.Match[str]) -> str:
        nonlocal count
        before, after = text[match.start() - 1], text[match.end()]
        if is_wide(before) and is_wide(after):
            count += 1
            return ""
        return match.group(0)

    return _SPACE_BETWEEN_WIDE.sub(drop, text), count


def first_sentence_end(text: str, marks: frozenset[str] = LEAD_END) -> int:
    """Index just past the first sentence end outside quotes and brackets, or -1."""
    stack: list[str] = []
    for i, ch in enumerate(text):
        if stack and ch == stack[-1]:
            stack.pop()
        elif ch in PAIRS:
            stack.append(PAIRS[ch])
        elif not stack and ch in marks:
            return i + 1
    return -1


def significant(text: str) -> str:
    """The characters the nothing-lost check compares: all but whitespace and Markdown markup."""
    return "".join(ch for ch in text if not ch.isspace() and ch not in MARKUP and ch not in "\u200b\ufeff")
