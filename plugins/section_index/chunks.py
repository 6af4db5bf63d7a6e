"""Cut an anchored document into one chunk per section, for side-by-side reading."""

from dataclasses import dataclass

from bs4 import BeautifulSoup, Tag


@dataclass(frozen=True)
class Chunk:
    section_id: str | None  # None: the preamble before the first section
    html: str


def split_by_sections(html: str, section_ids) -> tuple[Chunk, ...]:
    """Top-level elements grouped from one section's element to the next's.

    Anchors and permalinks are dropped from the chunks: two languages side by
    side on one page would otherwise repeat every id.
    """
    wanted = set(section_ids)
    soup = BeautifulSoup(html, "html.parser")
    chunks: list[tuple[str | None, list[str]]] = [(None, [])]
    for node in list(soup.contents):
        node_id = node.get("id") if isinstance(node, Tag) else None
        if node_id in wanted:
            chunks.append((node_id, []))
        if isinstance(node, Tag):
            drop_anchors(node)
        chunks[-1][1].append(str(node))
    return tuple(
        Chunk(section_id, "".join(parts).strip())
        for section_id, parts in chunks
        if "".join(parts).strip()
    )


def drop_anchors(element: Tag) -> None:
    for permalink in element.select("a.permalink"):
        permalink.decompose()
    for anchored in [element, *element.find_all(id=True)]:
        del anchored["id"]
