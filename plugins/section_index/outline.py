"""The outline of a rendered document body: its sections, anchors and nesting.

Government documents are divided by headings and, below them, by run-in bold
leads — a paragraph that opens with a bold sentence such as
**在助推产业发展上积极献计。** followed by the text of that point.  Both kinds
become sections with a positional anchor (s-1, s-1-2, …), so the Chinese and
English versions of a document, having the same shape, share their anchors.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from . import markup
from .markup import Element, Text
from .ordinals import Ordinal, parse_ordinal

_HEADING_TAGS = ("h1", "h2", "h3", "h4", "h5", "h6")
_BOLD_TAGS = frozenset({"strong", "b"})

# Headings and bold paragraphs inside these belong to quoted, listed or
# tabulated material, not to the document's own structure.
_OUTSIDE_OUTLINE = frozenset(
    {"blockquote", "li", "dl", "table", "figure", "aside", "details"}
)

# Text under these classes is decoration, not title: our own permalink (when
# a page is processed twice) and Python-Markdown's footnote references.
_NOT_TITLE_CLASSES = frozenset({"permalink", "footnote-ref"})

# A lead is a whole sentence: it ends with a full stop, exclamation or
# question mark, optionally inside closing quotes or brackets (…。” or …。）).
_SENTENCE_END = re.compile(r"[。！？．.!?][”’\"'）)」』]*$")

_POSITIONAL_PREFIX = "s-"
# Letters cannot occur in a positional id (s-1-2), so a suffixed id never
# takes the place of another section's positional id.
_COLLISION_SUFFIX = "-alt"


@dataclass(frozen=True)
class Section:
    """A heading or a lead, with the sections nested below it."""

    id: str  # the anchor: positional ('s-2-3') unless the element carried its own id
    title: str  # plain text of the heading or bold lead, whitespace collapsed
    level: int  # 1 = top level of the outline
    kind: str  # 'heading' or 'lead'
    ordinal: Ordinal | None
    children: tuple[Section, ...] = ()


@dataclass(frozen=True)
class _Candidate:
    """An element that opens a section, before it is placed in the tree."""

    element: Element
    kind: str
    title: str
    heading_rank: int | None  # 2 for <h2>; None for a lead


def build_outline(
    html: str, *, permalink_label: str = "Link to this section"
) -> tuple[str, tuple[Section, ...]]:
    """Find the sections of *html* and anchor them.

    Returns the HTML with an ``id`` on every section's element — with a
    permalink ``<a class="permalink">`` appended to each heading and class
    ``lead`` added to each lead paragraph — and the top-level sections.
    *permalink_label* is the permalink's aria-label, already translated.

    Anything before the first section is an untitled preamble and not a
    section.  Elements that already have an ``id`` (Markdown ``{#id}``) keep
    it.  Only the start tags of sections' elements are rewritten and the
    permalinks inserted: every other byte stays as written, and a page
    without sections is returned unchanged.  Processing the output again
    changes nothing.
    """
    elements = markup.parse(html)
    candidates = _find_candidates(elements)
    if not candidates:
        return html, ()
    levels = _nesting_levels(candidates)
    ids = _assign_ids(elements, candidates, _positional_ids(levels))
    edits = []
    flat = []
    for candidate, level, section_id in zip(candidates, levels, ids, strict=True):
        edits.extend(_mark_up(candidate, section_id, permalink_label))
        flat.append(
            Section(
                id=section_id,
                title=candidate.title,
                level=level,
                kind=candidate.kind,
                ordinal=parse_ordinal(candidate.title),
            )
        )
    return markup.edit(html, edits), _assemble(flat)


def flatten(sections: Iterable[Section]) -> list[Section]:
    """All sections of an outline in document order (each before its children)."""
    flat: list[Section] = []
    for section in sections:
        flat.append(section)
        flat.extend(flatten(section.children))
    return flat


def compare_outlines(
    a: Sequence[Section],
    b: Sequence[Section],
    *,
    a_name: str = "zh",
    b_name: str = "en",
) -> list[str]:
    """Describe where two outlines of one document (its zh and en versions) differ.

    Sections are paired by position.  Where a section has a different number
    of sub-sections in each, only the counts are reported: past the missing
    one, positions no longer correspond, so comparing them would only repeat
    the same fault.
    """
    return _compare_siblings(a, b, None, None, (a_name, b_name))


# --- finding sections -------------------------------------------------------


def _find_candidates(elements: Sequence[Element]) -> list[_Candidate]:
    candidates = []
    for element in elements:
        if element.name != "p" and element.name not in _HEADING_TAGS:
            continue
        if any(parent.name in _OUTSIDE_OUTLINE for parent in element.ancestors()):
            continue
        if element.name == "p":
            title = _lead_title(element)
            if title is not None:
                candidates.append(_Candidate(element, "lead", title, None))
        else:
            title = _plain_text(element)
            # An empty heading cannot be listed in an index, so it does not
            # open a section.
            if title:
                candidates.append(
                    _Candidate(element, "heading", title, int(element.name[1]))
                )
    return candidates


def _lead_title(paragraph: Element) -> str | None:
    """The bold sentence opening *paragraph*, if the paragraph is a lead.

    A paragraph that is one bold sentence and nothing else is not a lead: it
    is emphasis, or a heading typed as bold, and has no body to introduce.
    """
    nodes = [node for node in paragraph.children if not _is_blank(node)]
    if not nodes or not isinstance(nodes[0], Element) or nodes[0].name not in _BOLD_TAGS:
        return None
    title = _plain_text(nodes[0])
    if not _SENTENCE_END.search(title):
        return None
    if not any(_text_of(node).strip() for node in nodes[1:]):
        return None
    return title


def _is_blank(node: Element | Text) -> bool:
    return isinstance(node, Text) and not node.text.strip()


def _text_of(node: Element | Text) -> str:
    if isinstance(node, Element):
        return node.text()
    # Comments and other non-text strings say nothing to the reader.
    return node.text if node.kind == markup.TEXT else ""


def _plain_text(element: Element) -> str:
    return " ".join("".join(element.strings(skip=_is_decoration)).split())


def _is_decoration(element: Element) -> bool:
    return not _NOT_TITLE_CLASSES.isdisjoint(element.classes())


# --- placing sections -------------------------------------------------------


def _nesting_levels(candidates: Sequence[_Candidate]) -> list[int]:
    """The outline level of each candidate.

    Headings nest by rank relative to the open headings, one level at a time
    even when ranks are skipped (h2 → h4 puts the h4 at level 2).  A lead sits
    one level below the heading before it.  So a level is never more than one
    below the previous section's, which is what _assemble relies on.
    """
    levels = []
    open_headings: list[tuple[int, int]] = []  # (rank, level), outermost first
    for candidate in candidates:
        if candidate.heading_rank is None:
            levels.append(open_headings[-1][1] + 1 if open_headings else 1)
            continue
        while open_headings and open_headings[-1][0] >= candidate.heading_rank:
            open_headings.pop()
        level = open_headings[-1][1] + 1 if open_headings else 1
        open_headings.append((candidate.heading_rank, level))
        levels.append(level)
    return levels


def _positional_ids(levels: Sequence[int]) -> list[str]:
    """s-<position among siblings> along the path: s-1, s-1-1, s-1-2, s-2, …"""
    ids = []
    path: list[int] = []
    for level in levels:
        if len(path) >= level:
            del path[level:]
            path[-1] += 1
        else:
            path.append(1)
        ids.append(_POSITIONAL_PREFIX + "-".join(map(str, path)))
    return ids


def _assign_ids(
    elements: Sequence[Element], candidates: Sequence[_Candidate], positional: Sequence[str]
) -> list[str]:
    """Each section's final id, unique within the page.

    Explicit ids win: the first section carrying a given explicit id keeps
    it, unless an element that is not a section already uses it (that
    element is never changed).  Every other section takes its explicit id, or
    else its positional one, with '-alt' (then '-alt2', '-alt3', …) appended
    if that is already in use.  So a positional id only changes where it
    collides, and the positional ids of other sections never move.
    """
    section_elements = {id(candidate.element) for candidate in candidates}
    taken = {
        element.attrs["id"]
        for element in elements
        if "id" in element.attrs and id(element) not in section_elements
    }
    explicit_ids = [candidate.element.attrs.get("id") for candidate in candidates]
    keeps_explicit = []
    for explicit in explicit_ids:
        keeps_explicit.append(bool(explicit) and explicit not in taken)
        if explicit:
            taken.add(explicit)
    final = []
    for explicit, kept, positional_id in zip(
        explicit_ids, keeps_explicit, positional, strict=True
    ):
        if kept:
            final.append(explicit)
        else:
            section_id = _free_id(explicit or positional_id, taken)
            taken.add(section_id)
            final.append(section_id)
    return final


def _free_id(wanted: str, taken: set[str]) -> str:
    if wanted not in taken:
        return wanted
    attempt = 1
    while True:
        candidate = wanted + _COLLISION_SUFFIX + (str(attempt) if attempt > 1 else "")
        if candidate not in taken:
            return candidate
        attempt += 1


def _mark_up(
    candidate: _Candidate, section_id: str, label: str
) -> list[tuple[int, int, str]]:
    """The edits that anchor one section: its start tag rewritten with the id
    (and, for a lead, class lead), and a heading's permalink as its last child."""
    element = candidate.element
    attrs = dict(element.attrs, id=section_id)
    classes = element.classes()
    if candidate.kind == "lead" and "lead" not in classes:
        classes.append("lead")
    if classes or "class" in attrs:
        attrs["class"] = " ".join(classes)
    edits = [(element.start, element.tag_end, markup.start_tag(element.name, attrs.items()))]
    if candidate.kind == "heading" and not any(
        isinstance(child, Element) and child.name == "a" and "permalink" in child.classes()
        for child in element.children
    ):
        permalink = markup.start_tag(
            "a", [("class", "permalink"), ("href", f"#{section_id}"), ("aria-label", label)]
        )
        edits.append((element.end, element.end, permalink + "#</a>"))
    return edits


def _assemble(flat: Sequence[Section]) -> tuple[Section, ...]:
    """Turn sections in document order, each knowing its level, into a tree."""

    def siblings_from(index: int, level: int) -> tuple[tuple[Section, ...], int]:
        siblings = []
        while index < len(flat) and flat[index].level == level:
            section = flat[index]
            children, index = siblings_from(index + 1, level + 1)
            siblings.append(replace(section, children=children))
        return tuple(siblings), index

    top_level, _ = siblings_from(0, 1)
    return top_level


# --- comparing outlines -----------------------------------------------------


def _compare_siblings(
    a: Sequence[Section],
    b: Sequence[Section],
    a_parent: Section | None,
    b_parent: Section | None,
    names: tuple[str, str],
) -> list[str]:
    a_name, b_name = names
    if len(a) != len(b):
        if a_parent is None or b_parent is None:  # both, at the top of the outline
            where, noun = "top level", "sections"
        else:
            where, noun = f"section {_describe(a_parent, b_parent)}", "sub-sections"
        return [f"{where}: {len(a)} {noun} in {a_name}, {len(b)} in {b_name}"]
    problems = []
    for a_section, b_section in zip(a, b, strict=True):
        if a_section.kind != b_section.kind:
            problems.append(
                f"{_describe(a_section, b_section)}: a {a_section.kind} in {a_name} "
                f"but a {b_section.kind} in {b_name}"
            )
        problems.extend(
            _compare_siblings(
                a_section.children, b_section.children, a_section, b_section, names
            )
        )
    return problems


def _describe(a: Section, b: Section) -> str:
    # Explicit ids may differ between the versions; name both then.
    label = a.id if a.id == b.id else f"{a.id} / {b.id}"
    return f"{label} ({a.title} | {b.title})"
