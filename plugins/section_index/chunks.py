"""Cut an anchored document into one chunk per section, for side-by-side reading.

This works on the HTML that outline.build_outline wrote, so it can cut at the
`id="…"` it placed instead of parsing every page a second time (parsing was
most of the plugin's cost on a large archive).
"""

import re
from dataclasses import dataclass
from itertools import pairwise

# The permalink that outline.build_outline appends to headings.
PERMALINK = re.compile(r'<a class="permalink" href="#[^"]*"[^>]*>#</a>')


@dataclass(frozen=True)
class Chunk:
    section_id: str | None  # None: the preamble before the first section
    html: str


def split_by_sections(html: str, section_ids) -> tuple[Chunk, ...]:
    """The document cut at the start of each section's element.

    Section anchors and permalinks are dropped from the chunks: two languages
    side by side on one page would otherwise repeat every id.
    """
    starts = []
    for section_id in section_ids:
        attribute = html.find(f'id="{section_id}"')
        if attribute >= 0:
            starts.append((html.rfind("<", 0, attribute), section_id))
    starts.sort()
    bounds = [(0, None), *starts, (len(html), None)]
    chunks = []
    for (start, section_id), (end, _) in pairwise(bounds):
        text = drop_anchors(html[start:end], section_id).strip()
        if text:
            chunks.append(Chunk(section_id, text))
    return tuple(chunks)


def drop_anchors(html: str, section_id: str | None) -> str:
    if section_id is not None:
        html = html.replace(f' id="{section_id}"', "", 1)
    return PERMALINK.sub("", html)
