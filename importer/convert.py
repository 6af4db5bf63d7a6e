"""The whole import as one pure function: bytes and options in, checked Markdown out.

parse (decode → clean → structure) → model (:class:`Document`) → render → verify.
"""

from __future__ import annotations

from .clean import clean
from .decode import decode
from .errors import EmptyInput, IncompleteMetadata
from .metadata import SLUG, FrontMatter, choose_date, derive_slug, read_front_matter
from .model import TODO, Document, Note, Options, Removal, Report, Result
from .render import render
from .structure import segment
from .verify import check_nothing_lost

CARRIED_OVER = frozenset({"title", "date", "kind", "lang", "slug", "source"})
ARTICLE_KEYS = frozenset({"issue", "column"})


def parse(data: bytes, options: Options) -> tuple[Document, Report, str]:
    """Decode, clean and structure ``data``; return the document, the report and the decoded text."""
    decoded = decode(data)
    notes = [Note("encoding", f"{decoded.encoding}, line endings {decoded.line_endings}")]
    if decoded.doubt:
        notes.append(Note("unsure", decoded.doubt))
    raw_lines = decoded.text.split("\n")
    front = read_front_matter(raw_lines)
    kind = options.kind or _front(front, "kind") or "report"
    if front:
        notes.append(Note("metadata", "read the metadata block at the top (the input is Markdown)", 1))
        carried = CARRIED_OVER | ARTICLE_KEYS if kind == "article" else CARRIED_OVER
        for key in sorted(set(front.values) - carried):
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
    date = choose_date(options.date, _front(front, "date"), structure.datelines, notes)
    slug = options.slug or _front(front, "slug") or derive_slug(kind, title, date, structure.blocks, notes)
    if options.slug or _front(front, "slug"):
        notes.append(Note("slug", f"{slug} (from {'--slug' if options.slug else 'the metadata'})"))
    issue, column = _magazine_place(kind, options, front)
    document = Document(title=title, date=date, kind=kind, lang=lang, slug=slug,
                        source=_front(front, "source") or options.source, blocks=structure.blocks,
                        issue=issue, column=column)
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


def _magazine_place(kind: str, options: Options, front: FrontMatter | None) -> tuple[str | None, str | None]:
    """Issue and Column of a magazine article (the options, else the input's metadata), checked
    as the site checks them, so that what is written passes `make check`; None for other kinds."""
    if kind != "article":
        if options.issue or options.column:
            raise IncompleteMetadata(f"Issue and Column are for magazine articles (kind article), not for a {kind}")
        return None, None
    issue = options.issue or _front(front, "issue")
    column = options.column or _front(front, "column")
    allowed = f"one of {', '.join(options.columns)}" if options.columns else "a key of MAGAZINE_COLUMNS"
    if not column:
        raise IncompleteMetadata(f"a magazine article needs a Column, {allowed} (MAGAZINE_COLUMNS in "
                                 "pelicanconf.py): pass --column (make import … COLUMN=…)")
    if options.columns and column not in options.columns:
        raise IncompleteMetadata(f"Column \"{column}\" is not one of the magazine's columns ({', '.join(options.columns)}): "
                                 "use one of these keys, or add the column to MAGAZINE_COLUMNS in pelicanconf.py")
    if not issue:
        raise IncompleteMetadata("a magazine article needs an Issue, the Slug of its issue (e.g. 2023-1): pass --issue "
                                 "(make import … ISSUE=…), or write OUT into the issue's folder content/magazine/<issue>/")
    if not SLUG.fullmatch(issue):
        raise IncompleteMetadata(f"Issue \"{issue}\" is not the Slug of an issue: lower-case ASCII letters, digits "
                                 "and hyphens, e.g. 2023-1")
    return issue, column


def _sorted(removals: list[Removal]) -> tuple[Removal, ...]:
    return tuple(sorted(removals, key=lambda r: (r.line, r.start)))
