import html as html_escaping
import json
from dataclasses import dataclass
from pathlib import Path

from bs4 import BeautifulSoup
from hypothesis import assume, given
from hypothesis import strategies as st

from plugins.section_index.ordinals import Ordinal, ordinal_gaps
from plugins.section_index.outline import (
    Section,
    build_outline,
    compare_outlines,
    flatten,
)

DATA = Path(__file__).parent / "data"


def outline(html):
    return build_outline(html, permalink_label="Link")[1]


def ids(html):
    return [section.id for section in flatten(outline(html))]


def shape(sections):
    return [(section.id, section.kind, section.level) for section in flatten(sections)]


def element_with_id(html, element_id):
    return BeautifulSoup(html, "html.parser").find(id=element_id)


# --- documents without sections --------------------------------------------


def test_empty_document():
    assert build_outline("", permalink_label="Link") == ("", ())


def test_document_without_structure_is_returned_unchanged():
    html = "<p>各位委员：</p>\n<p>现在&nbsp;报告<br/>工作 &amp; 请予审议。</p>"
    assert build_outline(html, permalink_label="Link") == (html, ())


def test_preamble_before_first_section_is_not_a_section():
    html = "<p>各位委员：</p>\n<h2>一、回顾</h2>\n<p>正文</p>"
    (section,) = outline(html)
    assert (section.id, section.title) == ("s-1", "一、回顾")
    assert element_with_id(build_outline(html)[0], "s-1").name == "h2"


# --- headings ---------------------------------------------------------------


def test_heading_gets_id_and_permalink_with_given_label():
    new_html, (section,) = build_outline(
        "<h2>一、回顾</h2>", permalink_label="本节链接"
    )
    assert new_html == (
        '<h2 id="s-1">一、回顾<a class="permalink" href="#s-1" aria-label="本节链接">#</a></h2>'
    )
    assert section == Section(
        id="s-1",
        title="一、回顾",
        level=1,
        kind="heading",
        ordinal=Ordinal("cn-dun", 1, "一、"),
    )


def test_sibling_headings_are_numbered_in_order():
    assert ids("<h2>a</h2><h2>b</h2><h2>c</h2>") == ["s-1", "s-2", "s-3"]


def test_nested_headings():
    sections = outline(
        "<h2>一、a</h2><h3>（一）b</h3><h3>（二）c</h3><h2>二、d</h2><h3>（一）e</h3>"
    )
    assert shape(sections) == [
        ("s-1", "heading", 1),
        ("s-1-1", "heading", 2),
        ("s-1-2", "heading", 2),
        ("s-2", "heading", 1),
        ("s-2-1", "heading", 2),
    ]
    assert [child.title for child in sections[0].children] == ["（一）b", "（二）c"]


def test_skipped_heading_rank_nests_only_one_level_deeper():
    sections = outline("<h2>a</h2><h4>b</h4><h3>c</h3><h5>d</h5><h2>e</h2>")
    assert shape(sections) == [
        ("s-1", "heading", 1),
        ("s-1-1", "heading", 2),
        ("s-1-2", "heading", 2),
        ("s-1-2-1", "heading", 3),
        ("s-2", "heading", 1),
    ]


def test_document_opening_with_a_lower_heading():
    # h3 before any h2 is top level; the later h2 does not become its child.
    assert shape(outline("<h3>a</h3><h2>b</h2><h3>c</h3>")) == [
        ("s-1", "heading", 1),
        ("s-2", "heading", 1),
        ("s-2-1", "heading", 2),
    ]


def test_h1_is_a_section_too():
    assert shape(outline("<h1>Title</h1><h2>Part</h2>")) == [
        ("s-1", "heading", 1),
        ("s-1-1", "heading", 2),
    ]


def test_heading_ending_in_punctuation_keeps_it_in_title():
    (section,) = outline("<h2>一、回顾过去，我们做了什么？</h2>")
    assert section.title == "一、回顾过去，我们做了什么？"
    assert section.kind == "heading"


def test_quoted_heading():
    (section,) = outline("<h2>“十四五”规划实施情况</h2>")
    assert section.title == "“十四五”规划实施情况"
    assert section.ordinal is None


def test_heading_title_is_plain_text_with_whitespace_collapsed():
    (section,) = outline("<h2>\n  二、<em>今年</em>的\n  工作安排 </h2>")
    assert section.title == "二、今年的 工作安排"


def test_footnote_reference_is_not_part_of_title():
    html = '<h2>一、回顾<sup id="fnref:1"><a class="footnote-ref" href="#fn:1">1</a></sup></h2>'
    assert outline(html)[0].title == "一、回顾"


def test_empty_sections_have_no_children():
    sections = outline(
        "<h2>一、a</h2>\n<h2>二、b</h2>\n<h3>（一）c</h3>\n<h2>三、d</h2>"
    )
    assert [len(section.children) for section in sections] == [0, 1, 0]


def test_empty_heading_is_not_a_section():
    new_html, sections = build_outline(
        "<h2>a</h2><h2> </h2><h3>b</h3>", permalink_label="Link"
    )
    assert shape(sections) == [("s-1", "heading", 1), ("s-1-1", "heading", 2)]
    assert "<h2> </h2>" in new_html


def test_headings_inside_quotations_and_lists_are_not_sections():
    html = (
        "<h2>a</h2><blockquote><h2>quoted</h2><p><strong>Quoted lead.</strong> x</p></blockquote>"
        "<ul><li><p><strong>Listed lead.</strong> y</p></li></ul>"
    )
    assert ids(html) == ["s-1"]


def test_sections_inside_a_plain_wrapper_div_still_count():
    assert ids('<div class="body"><h2>a</h2><p><strong>Lead.</strong> x</p></div>') == [
        "s-1",
        "s-1-1",
    ]


# --- leads ------------------------------------------------------------------


def test_chinese_lead_under_heading():
    new_html, (heading,) = build_outline(
        "<h2>一、回顾</h2>\n<p><strong>在助推产业发展上积极献计。</strong>坚持问题导向。</p>",
        permalink_label="Link",
    )
    (lead,) = heading.children
    assert lead == Section(
        id="s-1-1",
        title="在助推产业发展上积极献计。",
        level=2,
        kind="lead",
        ordinal=None,
    )
    assert (
        '<p id="s-1-1" class="lead"><strong>在助推产业发展上积极献计。</strong>坚持问题导向。</p>'
        in new_html
    )


def test_lead_gets_no_permalink():
    new_html, _ = build_outline(
        "<p><strong>一是加强学习。</strong>持续开展活动。</p>", permalink_label="Link"
    )
    assert "permalink" not in new_html


def test_english_lead_with_space_after_bold():
    (lead,) = outline(
        "<p><strong>Contributing ideas to industrial development.</strong> We held ...</p>"
    )
    assert (lead.kind, lead.title, lead.level) == (
        "lead",
        "Contributing ideas to industrial development.",
        1,
    )


def test_english_lead_with_ordinal_word():
    (lead,) = outline(
        "<p><strong>First, deepening theoretical study.</strong> We will ...</p>"
    )
    assert lead.ordinal == Ordinal("en-word", 1, "First,")


def test_leads_before_any_heading_are_top_level():
    sections = outline(
        "<p>序言</p><p><strong>一是学习。</strong>x</p><p><strong>二是调研。</strong>y</p><h2>a</h2>"
    )
    assert shape(sections) == [
        ("s-1", "lead", 1),
        ("s-2", "lead", 1),
        ("s-3", "heading", 1),
    ]


def test_lead_belongs_to_nearest_preceding_heading():
    sections = outline(
        "<h2>a</h2><h3>b</h3><p><strong>Lead.</strong> x</p><h2>c</h2><p><strong>Two.</strong> y</p>"
    )
    assert shape(sections) == [
        ("s-1", "heading", 1),
        ("s-1-1", "heading", 2),
        ("s-1-1-1", "lead", 3),
        ("s-2", "heading", 1),
        ("s-2-1", "lead", 2),
    ]


def test_lead_in_closing_quotes():
    (lead,) = outline(
        "<p><strong>“把协商民主贯穿履职全过程。”</strong>这是我们的工作方针。</p>"
    )
    assert lead.title == "“把协商民主贯穿履职全过程。”"


def test_lead_in_closing_bracket_and_half_width_quote():
    assert len(outline("<p><strong>（详见附件。）</strong>其余从略。</p>")) == 1
    assert len(outline('<p><strong>He said "we act."</strong> And so we did.</p>')) == 1


def test_leads_ending_in_exclamation_or_question_mark():
    html = "<p><strong>奋斗正当时！</strong>x</p><p><strong>怎么办？</strong>y</p><p><strong>Why now?</strong> z</p>"
    assert [section.kind for section in outline(html)] == ["lead", "lead", "lead"]


def test_b_element_and_leading_whitespace():
    assert len(outline("<p>\n  <b>Lead in b.</b> text</p>")) == 1


def test_existing_paragraph_class_is_kept_and_lead_added():
    new_html, _ = build_outline(
        '<p class="note"><strong>Lead.</strong> text</p>', permalink_label="Link"
    )
    assert 'class="note lead"' in new_html


def test_bold_word_that_is_not_a_sentence_is_not_a_lead():
    html = "<p><strong>注意</strong>：本报告数据截至年底。</p>"
    assert build_outline(html, permalink_label="Link") == (html, ())


def test_bold_in_middle_of_paragraph_is_not_a_lead():
    assert outline("<p>我们<strong>坚持问题导向。</strong>持续发力。</p>") == ()


def test_paragraph_that_is_only_a_bold_sentence_is_not_a_lead():
    # With nothing after it, the bold sentence introduces no point: it is
    # emphasis, or a heading typed as bold.
    assert outline("<p><strong>全面完成年度目标任务。</strong></p>") == ()
    assert outline("<p><strong>全面完成年度目标任务。</strong> </p>") == ()


# --- explicit ids and uniqueness -------------------------------------------


def test_explicit_id_is_kept_and_used():
    new_html, (section,) = build_outline(
        '<h2 id="review">一、回顾</h2>', permalink_label="Link"
    )
    assert section.id == "review"
    assert 'href="#review"' in new_html


def test_explicit_id_does_not_shift_other_positional_ids():
    plain = "<h2>a</h2><h3>b</h3><h3>c</h3><h2>d</h2><p><strong>e.</strong> x</p>"
    with_explicit = plain.replace("<h3>b</h3>", '<h3 id="custom">b</h3>')
    assert ids(plain) == ["s-1", "s-1-1", "s-1-2", "s-2", "s-2-1"]
    assert ids(with_explicit) == ["s-1", "custom", "s-1-2", "s-2", "s-2-1"]


def test_explicit_id_on_lead_paragraph():
    new_html, (lead,) = build_outline(
        '<p id="key"><strong>Lead.</strong> x</p>', permalink_label="Link"
    )
    assert lead.id == "key"
    assert '<p id="key" class="lead">' in new_html


def test_positional_id_taken_by_explicit_one_gets_a_suffix():
    assert ids('<h2>a</h2><h2 id="s-1">b</h2>') == ["s-1-alt", "s-1"]


def test_duplicate_explicit_ids_first_one_keeps_it():
    new_html, sections = build_outline(
        '<h2 id="x">a</h2><h2 id="x">b</h2>', permalink_label="Link"
    )
    assert [section.id for section in sections] == ["x", "x-alt"]
    assert 'href="#x-alt"' in new_html


def test_id_of_another_element_on_the_page_is_avoided():
    assert ids('<div id="s-1">x</div><h2>a</h2><h2>b</h2>') == ["s-1-alt", "s-2"]


# --- the rest of the HTML ---------------------------------------------------


def test_other_html_is_preserved():
    # Nothing outside the sections' start tags is re-serialised: blank lines,
    # entities, XHTML slashes and unquoted attributes stay as written.
    html = (
        '<p>前言<img src="a.png" alt="">“引号”&amp;<br>\n换行&nbsp;<br/>&quot;x&quot;</p>\n\n\n'
        '<div data-x=1><h2 title="t" class="x">a</h2></div>\n<pre><code>a &lt; b\n</code></pre>\n'
        "<!-- 注释 -->\n\n<p CLASS=note>&#x4e00;</p>\n"
    )
    new_html, _ = build_outline(html, permalink_label="Link")
    assert new_html == html.replace(
        '<h2 title="t" class="x">a</h2>',
        '<h2 title="t" class="x" id="s-1">a<a class="permalink" href="#s-1" aria-label="Link">#</a></h2>',
    )


def test_a_section_start_tag_is_rewritten_with_quoted_attributes():
    new_html, _ = build_outline(
        "<h2 title=t data-q='say \"hi\"' class=\"a  b\">x</h2>", permalink_label="Link"
    )
    assert new_html.startswith(
        '<h2 title="t" data-q=\'say "hi"\' class="a b" id="s-1">x<a class="permalink"'
    )


def test_permalink_label_is_escaped_in_its_attribute():
    label = 'Lien vers "cette" section & l\'autre <ici>'
    new_html, _ = build_outline("<h2>a</h2>", permalink_label=label)
    permalink = BeautifulSoup(new_html, "html.parser").find("a", class_="permalink")
    assert permalink["aria-label"] == label


def test_titles_are_read_with_entities_decoded_and_ruby_annotations_left_out():
    html = "<h2>A &amp; B&#12290;</h2><h2>定<ruby>海<rt>hǎi</rt></ruby>区</h2>"
    assert [section.title for section in outline(html)] == ["A & B。", "定海区"]


def test_heading_left_open_gets_its_permalink_where_it_ends():
    new_html, _ = build_outline("<div><h2>a</div><p>b</p>", permalink_label="Link")
    heading = element_with_id(new_html, "s-1")
    assert heading.find("a", class_="permalink")["href"] == "#s-1"
    assert new_html.endswith("<p>b</p>")


def test_stray_end_tags_and_void_elements_do_not_change_the_nesting():
    html = "<h2>a</h2></p></li><p><strong>Lead.</strong><br> x</p><hr><h3>b<br></h3>"
    assert shape(outline(html)) == [
        ("s-1", "heading", 1),
        ("s-1-1", "lead", 2),
        ("s-1-2", "heading", 2),
    ]


def test_processing_twice_changes_nothing():
    once = build_outline(
        "<h2>a</h2><p><strong>Lead.</strong> x</p><h3>b</h3>", permalink_label="Link"
    )
    assert build_outline(once[0], permalink_label="Link") == once


def test_flatten_lists_sections_in_document_order():
    html = "<h2>a</h2><p><strong>b.</strong> x</p><h3>c</h3><h4>d</h4><h2>e</h2>"
    assert [section.title for section in flatten(outline(html))] == [
        "a",
        "b.",
        "c",
        "d",
        "e",
    ]


# --- comparing outlines -----------------------------------------------------


def test_identical_shapes_compare_equal():
    zh = outline("<h2>一、回顾</h2><p><strong>一是学习。</strong>x</p>")
    en = outline("<h2>I. Review</h2><p><strong>First, study.</strong> x</p>")
    assert compare_outlines(zh, en) == []


def test_different_number_of_top_level_sections():
    assert compare_outlines(outline("<h2>a</h2><h2>b</h2>"), outline("<h2>A</h2>")) == [
        "top level: 2 sections in zh, 1 in en"
    ]


def test_different_number_of_sub_sections_names_the_section():
    zh = outline(
        "<h2>一、a</h2><h2>二、b</h2><h2>三、c</h2><h3>x</h3><h3>y</h3><h3>z</h3>"
    )
    en = outline("<h2>I. A</h2><h2>II. B</h2><h2>III. C</h2><h3>X</h3><h3>Y</h3>")
    assert compare_outlines(zh, en) == [
        "section s-3 (三、c | III. C): 3 sub-sections in zh, 2 in en"
    ]


def test_heading_in_one_and_lead_in_the_other():
    zh = outline("<h2>一、a</h2><h3>（一）b</h3>")
    en = outline("<h2>I. A</h2><p><strong>First, b.</strong> text</p>")
    assert compare_outlines(zh, en) == [
        "s-1-1 (（一）b | First, b.): a heading in zh but a lead in en"
    ]


def test_compare_names_can_be_chosen_and_differing_ids_are_both_named():
    first = outline('<h2 id="intro">a</h2><h3>b</h3>')
    second = outline("<h2>A</h2>")
    assert compare_outlines(first, second, a_name="draft", b_name="final") == [
        "section intro / s-1 (a | A): 1 sub-sections in draft, 0 in final"
    ]


# --- a realistic document ---------------------------------------------------


def test_work_report_outline_matches_snapshot():
    source = (DATA / "work_report_zh.html").read_text(encoding="utf-8")
    new_html, sections = build_outline(source, permalink_label="本节链接")
    snapshot = json.loads(
        (DATA / "work_report_zh.outline.json").read_text(encoding="utf-8")
    )
    assert [
        {
            "id": section.id,
            "kind": section.kind,
            "level": section.level,
            "title": section.title,
            "ordinal": None if section.ordinal is None else section.ordinal.text,
        }
        for section in flatten(sections)
    ] == snapshot["sections"]
    assert {
        section.id: gaps
        for section in flatten(sections)
        if (gaps := ordinal_gaps([child.ordinal for child in section.children]))
    } == snapshot["ordinal_gaps"]
    assert new_html == (DATA / "work_report_zh.expected.html").read_text(
        encoding="utf-8"
    )


def test_work_report_translation_has_the_same_outline_and_ids():
    zh = outline((DATA / "work_report_zh.html").read_text(encoding="utf-8"))
    en = outline((DATA / "work_report_en.html").read_text(encoding="utf-8"))
    assert compare_outlines(zh, en) == []
    assert shape(zh) == shape(en)


# --- properties -------------------------------------------------------------


@dataclass(frozen=True)
class Block:
    kind: str  # 'heading', 'lead', 'paragraph' or 'bold-word'
    rank: int  # heading rank; unused otherwise
    explicit_id: str | None


# A small pool, so that explicit ids often collide with each other and with
# positional ids.
explicit_ids = st.none() | st.sampled_from(
    ["s-1", "s-2", "s-1-1", "s-2-1", "s-1-alt", "intro", "intro-alt"]
)
blocks = st.one_of(
    st.builds(Block, st.just("heading"), st.integers(1, 6), explicit_ids),
    st.builds(Block, st.just("lead"), st.just(0), explicit_ids),
    st.builds(Block, st.just("paragraph"), st.just(0), explicit_ids),
    st.builds(Block, st.just("bold-word"), st.just(0), st.none()),
)
document_shapes = st.lists(blocks, max_size=20)
# No sentence-ending punctuation: only the renderer decides what is a lead.
texts = st.text(alphabet="政协委员会议ABCxyz &<>\"'", min_size=1, max_size=10).filter(
    str.strip
)


def render(document_shape, words):
    """HTML as Python-Markdown writes it, two words per block."""
    words = iter(html_escaping.escape(word, quote=False) for word in words)
    parts = []
    for block in document_shape:
        first, second = next(words), next(words)
        attribute = f' id="{block.explicit_id}"' if block.explicit_id else ""
        if block.kind == "heading":
            parts.append(f"<h{block.rank}{attribute}>{first}</h{block.rank}>")
        elif block.kind == "lead":
            parts.append(f"<p{attribute}><strong>{first}。</strong>{second}</p>")
        elif block.kind == "paragraph":
            parts.append(f"<p{attribute}>{first}{second}</p>")
        else:
            parts.append(f"<p><strong>{first}</strong>：{second}</p>")
    return "\n".join(parts)


def words_for(document_shape):
    count = 2 * len(document_shape)
    return st.lists(texts, min_size=count, max_size=count)


@given(document_shapes, st.data())
def test_ids_are_unique_on_the_page(document_shape, data):
    other_ids = [
        block.explicit_id
        for block in document_shape
        if block.kind == "paragraph" and block.explicit_id
    ]
    # Duplicates among elements that are not sections are the author's; they are left alone.
    assume(len(other_ids) == len(set(other_ids)))
    new_html, sections = build_outline(
        render(document_shape, data.draw(words_for(document_shape))),
        permalink_label="Link",
    )
    page_ids = [
        element["id"]
        for element in BeautifulSoup(new_html, "html.parser").find_all(id=True)
    ]
    section_ids = [section.id for section in flatten(sections)]
    assert len(page_ids) == len(set(page_ids))
    assert set(section_ids) <= set(page_ids)
    assert len(section_ids) == sum(
        block.kind in ("heading", "lead") for block in document_shape
    )


@given(document_shapes, st.data())
def test_children_are_one_level_below_their_parent(document_shape, data):
    sections = outline(render(document_shape, data.draw(words_for(document_shape))))
    for section in flatten(sections):
        assert all(child.level == section.level + 1 for child in section.children)
    assert all(section.level == 1 for section in sections)


@given(document_shapes, st.data())
def test_ids_stable_when_paragraph_text_changes(document_shape, data):
    words = data.draw(words_for(document_shape))
    before = outline(render(document_shape, words))
    # Rewrite every body text and add unmarked paragraphs, keeping every title.
    edited_shape, edited_words = [], []
    for block, first in zip(document_shape, words[::2], strict=True):
        if data.draw(st.booleans()):
            edited_shape.append(Block("paragraph", 0, None))
            edited_words += data.draw(words_for([block]))
        edited_shape.append(block)
        title_kept = block.kind in ("heading", "lead")
        edited_words += [first if title_kept else data.draw(texts), data.draw(texts)]
    after = outline(render(edited_shape, edited_words))
    assert after == before


@given(document_shapes, st.data())
def test_same_shape_with_different_text_has_identical_ids(document_shape, data):
    zh = outline(render(document_shape, data.draw(words_for(document_shape))))
    en = outline(render(document_shape, data.draw(words_for(document_shape))))
    assert shape(zh) == shape(en)
    assert compare_outlines(zh, en) == []


@given(document_shapes, st.data())
def test_anchoring_adds_only_ids_classes_and_permalinks(document_shape, data):
    html = render(document_shape, data.draw(words_for(document_shape)))
    new_html, sections = build_outline(html, permalink_label="Link")
    soup = BeautifulSoup(new_html, "html.parser")
    permalinks = soup.find_all("a", class_="permalink")
    assert len(permalinks) == sum(section.kind == "heading" for section in flatten(sections))
    for permalink in permalinks:
        permalink.decompose()
    for element in soup.find_all(True):
        element.attrs.pop("id", None)
        element.attrs.pop("class", None)
    original = BeautifulSoup(html, "html.parser")
    for element in original.find_all(True):
        element.attrs.pop("id", None)
    assert soup.decode() == original.decode()


@given(document_shapes, st.data())
def test_processing_twice_is_stable(document_shape, data):
    once = build_outline(
        render(document_shape, data.draw(words_for(document_shape))),
        permalink_label="Link",
    )
    assert build_outline(once[0], permalink_label="Link") == once
