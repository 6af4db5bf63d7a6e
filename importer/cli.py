"""Command line: ``python -m importer SRC [--kind K] [--lang L] [--out OUT] [--issue I --column C] …``.

Markdown goes to stdout (or ``--out``); the report goes to stderr. Exit 0 on
success, 1 when the input is refused, text would be lost, a magazine article's
Issue or Column is missing or not the site's, or OUT exists; 2 on a usage error.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from .convert import convert
from .dates import valid_iso
from .errors import ImportRefused, IncompleteMetadata, OutputExists
from .metadata import SLUG
from .model import KINDS, LANGS, Options, Result
from .site import magazine_columns

TOPICS = ("encoding", "metadata", "removed", "joined", "title", "heading", "lead", "date", "slug", "unsure")


def _date(text: str) -> str:
    if not valid_iso(text):
        raise argparse.ArgumentTypeError(f"{text!r} is not a date written YYYY-MM-DD")
    return text


def _slug(text: str) -> str:
    if not SLUG.fullmatch(text):
        raise argparse.ArgumentTypeError(f"{text!r} is not a slug: use lower-case ASCII letters, digits and "
                                         "hyphens, e.g. 2022-work-report")
    return text


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m importer",
        description="Turn raw pasted text (newspaper, Word or PDF copy) into a Pelican Markdown file: "
                    "artifacts removed, broken paragraphs rejoined, parts as headings, leads in bold. "
                    "Checks that no text was lost and reports what it did on stderr.",
        epilog="Example: python -m importer raw.txt --kind report --lang zh "
               "--out content/reports/2022-work-report.zh.md",
    )
    parser.add_argument("src", metavar="SRC", help="the raw text file ('-' for stdin)")
    parser.add_argument("--kind", choices=KINDS, help="kind of publication (default: report)")
    parser.add_argument("--lang", choices=LANGS, help="language of the text (default: zh)")
    parser.add_argument("--out", metavar="OUT",
                        help="write here instead of stdout (a folder: OUT/<slug>.<lang>.md)")
    parser.add_argument("--force", action="store_true", help="overwrite OUT if it exists")
    parser.add_argument("--slug", type=_slug, help="the slug (default: derived from the kind and the year)")
    parser.add_argument("--title", help="the title (default: found at the top of the text)")
    parser.add_argument("--date", type=_date, metavar="YYYY-MM-DD",
                        help="the date (default: found in the text, else TODO)")
    parser.add_argument("--issue", type=_slug, help="a magazine article's issue, the Slug of the issue (e.g. 2023-1; "
                                                    "default: the folder of OUT in content/magazine/<issue>/)")
    parser.add_argument("--column", help="a magazine article's column: a key of MAGAZINE_COLUMNS in pelicanconf.py")
    parser.add_argument("--strip-timestamps", action="store_true",
                        help="remove live-blog timestamps such as [9:01] at line starts")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        data = sys.stdin.buffer.read() if args.src == "-" else Path(args.src).read_bytes()
    except OSError as error:
        return _fail(f"cannot read {args.src}: {error.strerror or error}")
    try:
        issue, issue_folder = _issue(args)
        options = Options(kind=args.kind, lang=args.lang, slug=args.slug, title=args.title, date=args.date,
                          source="stdin" if args.src == "-" else Path(args.src).name,
                          strip_timestamps=args.strip_timestamps, issue=issue, column=args.column,
                          columns=magazine_columns())
        result = convert(data, options)
        target = _target(args.out, result) if args.out else None
        if target is not None and target.exists() and not args.force:
            raise OutputExists(f"{target} exists; pass --force to overwrite it (it was left unchanged)")
    except ImportRefused as error:
        return _fail(f"refused {args.src}: {error}")
    print_report(args.src, result)
    if issue_folder is not None:
        print(f"  {'issue':<10}{issue} (from the folder of OUT, {issue_folder}/)", file=sys.stderr)
    if target is None:
        sys.stdout.write(result.markdown)
        return 0
    try:
        _write(target, result.markdown)
    except OSError as error:
        return _fail(f"cannot write {target}: {error.strerror or error}")
    print(f"  {'wrote':<10}{target}", file=sys.stderr)
    return 0


def _fail(message: str) -> int:
    print(f"importer: {message}", file=sys.stderr)
    return 1


def _target(out: str, result: Result) -> Path:
    return _folder(out) / f"{result.document.slug}.{result.document.lang}.md" if _is_folder(out) else Path(out)


def _is_folder(out: str) -> bool:
    return Path(out).is_dir() or out.endswith(("/", os.sep))


def _folder(out: str) -> Path:
    """The folder OUT writes into."""
    return Path(out) if _is_folder(out) else Path(out).parent


def _issue(args: argparse.Namespace) -> tuple[str | None, Path | None]:
    """The article's issue: --issue, else the issue whose folder OUT is in (content/magazine/<issue>/),
    and that folder when the issue came from it. An --issue that names another issue than OUT's
    folder is refused, as `make check` would refuse the file."""
    folder = _folder(args.out) if args.out else None
    if folder is None or folder.parent.name != "magazine" or args.kind != "article":
        return args.issue, None
    if args.issue and args.issue != folder.name:
        raise IncompleteMetadata(f"--issue is {args.issue}, but OUT is in the folder of issue {folder.name} "
                                 f"({folder}/): give the issue of that folder, or write into {folder.parent / args.issue}/")
    return folder.name, None if args.issue else folder


def _write(target: Path, text: str) -> None:
    """Write ``text`` to ``target`` through a temporary file, so a failure never leaves half a file."""
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    try:
        temporary.write_text(text, encoding="utf-8", newline="\n")
        os.replace(temporary, target)
    finally:
        temporary.unlink(missing_ok=True)


def print_report(src: str, result: Result) -> None:
    """The report on stderr: one line per note, grouped by topic, with input line numbers."""
    report = result.report
    print(f"importer: {src} → {result.document.kind}/{result.document.slug}.{result.document.lang}.md",
          file=sys.stderr)
    for topic in TOPICS:
        for note in sorted(report.topic(topic), key=lambda n: (n.line or 0)):
            where = f"line {note.line}: " if note.line else ""
            print(f"  {topic:<10}{where}{note.message}", file=sys.stderr)
    print(f"  {'check':<10}nothing lost: {result.checked} characters of input and output compared",
          file=sys.stderr)
