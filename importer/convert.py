"""The whole import as one pure function: bytes and options in, checked Markdown out.

parse (decode → clean → structure) → model (:class:`Document`) → render → verify.
"""

from __future__ import annotations

from .clean import clean
from .decode import decode
from .errors import EmptyInput
from .metadata import FrontMatter, choose_date, derive_slug, read_front_matter
from .model import TODO, Document, Note, Options, Removal, Report, Result
from .render import render
from .structure import segment
from .verify import check_nothing_lost


def parse(data: bytes, options: Options) -> tuple[Document, Report, str]:
    """Decode, clean and structure ``data``; return the document, the report and the decoded text."""
    decoded = decode(data)
    notes = [Note("encoding", f"{decoded.encoding}, line endings {decoded.line_endings}")]
    if decoded.doubt:
        notes.append(Note("unsure", decoded.doubt))
    raw_lines = decoded.text.split("\n")
    front = read_front_matter(raw_lines)
    if front:
        notes.append(Note("metadata", "read the metadata block at the top (the input is Markdown)", 1))
        for key in sorted(set(front.values) - {"title", "date", "kind", "lang", "slug", "source"}):
            notes.append(Note("unsure", f"metadata «{key}» is not carried over", front.lines[key]))
    cleaned = clean(raw_lines, first=front.end if front else 0, strip_timestamps=options.strip_timestamps,
                    page_furniture=front is None)
    if not any(line.text for line in cleaned.lines):
        what = "empty" if not decoded.text.strip() else "only artifacts (markers, page numbers, metadata)"
        raise EmptyInput(f"input is {what}: nothing to import")
    lang = options.lang or _front(front, "lang") or "zh"
    structure = segment(cleaned.lines, markdown=front is not None, lang=lang)
    notes.extend(cleaned.notes)
    notes.extend(structure.notes)
    removals = list(cleaned.removals) + list(front.removals if front else ())

    source_title = _front(front, "title") if front else structure.title
    title = options.title or source_title or TODO
    if options.title and source_title:
        notes.append(Note("title", f"«{source_title}» from the text replaced by --title «{options.title}»"))
    elif not options.title and not source_title:
        notes.append(Note("unsure", f"no title found: Title: {TODO}; pass --title"))
    kind = options.kind or _front(front, "kind") or "report"
    date = choose_date(options.date, _front(front, "date"), structure.datelines, notes)
    slug = options.slug or _front(front, "slug") or derive_slug(kind, title, date, structure.blocks, notes)
    if options.slug or _front(front, "slug"):
        notes.append(Note("slug", f"{slug} (from {'--slug' if options.slug else 'the metadata'})"))
    document = Document(title=title, date=date, kind=kind, lang=lang, slug=slug,
                        source=_front(front, "source") or options.source, blocks=structure.blocks)
    report = Report(decoded.encoding, decoded.line_endings, tuple(notes), _sorted(removals),
                    source_title=source_title or "")
    return document, report, decoded.text


def convert(data: bytes, options: Options | None = None) -> Result:
    """Import ``data``: parse, render, and check that nothing was lost (raises :class:`TextLost`)."""
    options = options or Options()
    document, report, text = parse(data, options)
    markdown = render(document)
    # When the output's Title is the input's, the check reads it from the output itself.
    source_title = None if document.title == report.source_title else report.source_title
    checked = check_nothing_lost(text, report.removals, markdown, source_title=source_title)
    return Result(document, markdown, report, checked)


def _front(front: FrontMatter | None, key: str) -> str | None:
    """A value of the input's metadata block, or None (also for an empty value)."""
    return (front.values.get(key) or None) if front else None


def _sorted(removals: list[Removal]) -> tuple[Removal, ...]:
    return tuple(sorted(removals, key=lambda r: (r.line, r.start)))
