"""The checks read a metadata block the way Pelican's Markdown reader does (Python-Markdown's meta)."""

import markdown
from hypothesis import given
from hypothesis import strategies as st
from strict.checks import find_references, parse_header

KEYS = st.from_regex(r"[A-Za-z][A-Za-z0-9_-]{0,10}", fullmatch=True)
VALUES = st.text(
    st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp"), blacklist_characters="\t\x02\x03"), max_size=30
)
META_LINES = st.tuples(st.sampled_from(["", " ", "   "]), KEYS, st.sampled_from([" ", "", "  "]), VALUES).map(
    lambda parts: f"{parts[0]}{parts[1]}:{parts[2]}{parts[3]}"
)
JUNK = st.sampled_from(["标题：正文", "Title 没有冒号", "这是正文的第一段。", "Key : value", "# 标题"])


def pelican_meta(text: str) -> dict[str, list[str]]:
    md = markdown.Markdown(extensions=["meta"])
    md.convert(text)
    return md.Meta


def ours(lines: list[str]) -> dict[str, list[str]]:
    entries, _, _, _ = parse_header(lines, "x.md")
    meta: dict[str, list[str]] = {}
    for entry in entries:
        meta.setdefault(entry.key, []).append(entry.value)
    return meta


@given(st.lists(META_LINES, min_size=1, max_size=8), st.sampled_from(["\n", "\r\n"]))
def test_a_well_formed_block_reads_as_python_markdown_reads_it(lines, newline):
    text = newline.join([*lines, "", "正文。"])
    assert ours(text.replace("\r\n", "\n").split("\n")) == pelican_meta(text)


@given(st.lists(META_LINES, min_size=1, max_size=5), JUNK, st.lists(META_LINES, max_size=3))
def test_a_bad_line_is_reported_where_python_markdown_stops(before, junk, after):
    lines = [*before, junk, *after, "", "正文。"]
    entries, problems, _, _ = parse_header(lines, "x.md")
    bad = len(before) + 1
    assert ours(before) == pelican_meta("\n".join(lines))
    assert [p.line for p in problems] == [bad]
    # the editor's lines after the bad one still count, so one mistake is one problem
    assert [e.line for e in entries if e.line > bad] == list(range(bad + 1, bad + 1 + len(after)))


@given(st.lists(st.sampled_from(["段落。", "", "[a](/b/)", "![图](/c.jpg)", '<img src="/d.jpg" alt="d">']), max_size=30))
def test_references_carry_the_line_they_are_on(body_lines):
    found = find_references("\n".join(body_lines), first_line=5)
    expected = [n + 5 for n, line in enumerate(body_lines) if line.startswith(("[", "!", "<"))]
    assert [r.line for r in found] == expected
