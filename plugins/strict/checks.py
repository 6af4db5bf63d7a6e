"""The strict checks over a content folder: every problem, with its file and line, in one run.

Pure of Pelican: each file's metadata block is read here the way Python-Markdown's
``meta`` extension reads it (``Key: value`` lines up to the first blank line), so a
problem can name the exact line. `make check` runs ``check_content`` alone; the
plugin runs it when Pelican starts and, once the pages are written, ``check_built_links``
for what only the built site can answer (section ids, generated pages).
"""

from __future__ import annotations

import bisect
import codecs
import difflib
import fnmatch
import os
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from functools import cached_property
from html.parser import HTMLParser
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit
from zoneinfo import ZoneInfo

import lxml.html

from . import schema
from .settings import CheckConfig

MARKDOWN_EXTENSIONS = (".md", ".markdown", ".mkd", ".mdown")

# The same expressions as markdown/extensions/meta.py, which Pelican's reader uses.
META_RE = re.compile(r"^[ ]{0,3}(?P<key>[A-Za-z0-9_-]+):\s*(?P<value>.*)")
META_MORE_RE = re.compile(r"^[ ]{4,}(?P<value>.*)")
BEGIN_RE = re.compile(r"^-{3}(\s.*)?")
END_RE = re.compile(r"^(-{3}|\.{3})(\s.*)?")
NEWLINE = re.compile(r"\r\n|\r|\n")

PLACEHOLDER = re.compile(r"^(?:\{(?P<brace>filename|static|attach)\}|\|(?P<bar>filename|static|attach)\|)")
OTHER_PLACEHOLDER = re.compile(r"^(?:\{(?:index|tag|category|author)\}|\|(?:tag|category|author)\|)")
SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:|^//")
HTML_TAG = re.compile(r"<(?P<tag>a|img)\b(?:[^>\"']|\"[^\"]*\"|'[^']*')*>", re.IGNORECASE)
MD_LINK = re.compile(
    r"(?P<bang>!?)\[(?P<text>(?:[^\[\]\\]|\\.|\[[^\[\]]{0,500}\]){0,2000})\]"
    r"\(\s*(?P<target><[^>\n]*>|[^\s()]+(?:\([^\s()]*\)[^\s()]*)*)(?:\s+(?:\"[^\"]*\"|'[^']*'|\([^)]*\)))?\s*\)"
)
MD_REF_IMAGE = re.compile(r"!\[(?P<text>[^\]]*)\]\[[^\]]*\]")
MD_DEFINITION = re.compile(r"^[ ]{0,3}\[[^\]]+\]:[ \t]*(?P<target><[^>\n]*>|\S+)", re.MULTILINE)
FENCE = re.compile(r"^[ ]{0,3}(`{3,}|~{3,})")
CODE_SPAN = re.compile(r"(`+)(?:(?!\1).)+?\1", re.DOTALL)
INTENDED_KEY = re.compile(r"^\s*(?P<key>[A-Za-z][A-Za-z0-9_ -]*?)\s*[:：]\s*(?P<value>.*)")


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong, printed as ``path:line: what is wrong — how to fix``."""

    path: str
    line: int
    what: str
    fix: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.what} — {self.fix}"


@dataclass(frozen=True)
class Entry:
    """One ``Key: value`` line of a metadata block."""

    key: str  # lowercased, as Pelican stores it
    written: str  # as the editor wrote it
    value: str
    line: int


@dataclass(frozen=True)
class Reference:
    """A link or an image in a file's text (or its Cover), as written."""

    target: str
    line: int
    tag: str  # "a", "img", "md-link", "md-image", "cover"
    alt: str | None = None  # None: no alt attribute at all

    @property
    def is_image(self) -> bool:
        return self.tag in ("img", "md-image", "cover")


@dataclass(frozen=True)
class Source:
    """A content file as the checks see it: where it is, its metadata and its references."""

    path: Path
    name: str  # relative to the content folder, with '/'
    shown: str  # how messages name it
    entries: tuple[Entry, ...]
    references: tuple[Reference, ...]
    has_metadata: bool = True

    def entry(self, key: str) -> Entry | None:
        return next((entry for entry in self.entries if entry.key == key), None)

    def get(self, key: str) -> str | None:
        entry = self.entry(key)
        return entry.value if entry else None

    def line_of(self, key: str) -> int:
        entry = self.entry(key)
        return entry.line if entry else 1

    @cached_property  # asked for several times by every check of every file
    def parts(self) -> tuple[str, ...]:
        return PurePosixPath(self.name).parts

    @property
    def folder(self) -> str:
        return self.parts[0] if len(self.parts) > 1 else ""

    @property
    def stem(self) -> str:
        """The file name without its language and extension: "issue" for issue.zh.md."""
        name = PurePosixPath(self.name).name
        for extension in MARKDOWN_EXTENSIONS:
            if name.endswith(extension):
                name = name[: -len(extension)]
                break
        return name.rsplit(".", 1)[0] if "." in name else name

    def name_lang(self) -> str | None:
        """The language the file name claims: "zh" for x.zh.md, None for x.md."""
        suffixes = PurePosixPath(self.name).suffixes
        return suffixes[-2].lstrip(".") if len(suffixes) >= 2 else None


@dataclass(frozen=True)
class CheckResult:
    problems: tuple[Problem, ...]
    sources: tuple[Source, ...]

    @property
    def ok(self) -> bool:
        return not self.problems


def display_path(path: Path) -> str:
    """The path relative to the working directory when it is inside it, else absolute."""
    absolute = Path(os.path.abspath(path))
    try:
        return absolute.relative_to(Path.cwd()).as_posix()
    except ValueError:
        return absolute.as_posix()


# reading ---------------------------------------------------------------------


def content_files(config: CheckConfig) -> list[Path]:
    """Every file under content/ that Pelican would look at, in a stable order."""
    root = config.content
    found = []
    for directory, subdirs, files in os.walk(root):
        subdirs[:] = sorted(d for d in subdirs if not d.startswith("."))
        relative = Path(directory).relative_to(root)
        if relative.parts and relative.parts[0] in config.static_folders:
            subdirs[:] = []
            continue
        found.extend(Path(directory) / name for name in sorted(files) if not name.startswith("."))
    return found


def decode(raw: bytes) -> tuple[str | None, tuple[int, str] | None]:
    """The text of a file (without a BOM), or the line and description of the first bad byte."""
    raw = raw.removeprefix(codecs.BOM_UTF8)
    try:
        return raw.decode("utf-8"), None
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        guess = ""
        try:
            raw.decode("gb18030")
            guess = "; it looks like GBK/GB18030"
        except UnicodeDecodeError:
            pass
        return None, (line, f"byte 0x{raw[error.start]:02x} is not UTF-8{guess}")


def read_source(path: Path, config: CheckConfig) -> tuple[Source | None, list[Problem]]:
    """Parse one file's metadata block and references. None when nothing can be read."""
    name = path.relative_to(config.content).as_posix()
    shown = display_path(path)
    text, bad = decode(path.read_bytes())
    if text is None:
        line, what = bad
        return None, [
            Problem(shown, line, f"the file cannot be read as UTF-8 ({what})",
                    "re-save it as UTF-8 (in the editor: Save with Encoding → UTF-8)")
        ]
    if not text.strip():
        return None, [
            Problem(shown, 1, "the file is empty",
                    "write a metadata block (Title:, Date:, Kind:, Lang:, Slug:), a blank line and the text; or delete the file")
        ]
    lines = NEWLINE.split(text)
    entries, problems, body_start, has_metadata = parse_header(lines, shown)
    body = "\n".join(lines[body_start - 1:])
    references = tuple(find_references(body, first_line=body_start))
    source = Source(path, name, shown, tuple(entries), references, has_metadata)
    if any(entry.key == "cover" for entry in entries):
        cover = source.entry("cover")
        source = Source(path, name, shown, source.entries,
                        (*references, Reference(cover.value, cover.line, "cover")), has_metadata)
    return source, problems


def parse_header(lines: list[str], shown: str) -> tuple[list[Entry], list[Problem], int, bool]:
    """(entries, problems, first body line, whether there is a metadata block at all).

    The block the editor meant is every line up to the first blank one; a line in it
    that is not ``Key: value`` is reported, since Pelican's reader would stop there.
    """
    problems = []
    index = 0
    while index < len(lines) and not lines[index].strip():
        index += 1
    if index:
        problems.append(Problem(
            shown, 1, f"the file starts with {index} blank line{'s' if index > 1 else ''}, so Pelican reads no metadata",
            "delete the blank lines above the metadata block"))
    if index < len(lines) and BEGIN_RE.match(lines[index]):
        index += 1
    start = index
    if index < len(lines) and not META_RE.match(lines[index]) and not explain_bad_key(lines[index]):
        problems.append(Problem(
            shown, index + 1, "the file does not start with a metadata block (this line is not \"Key: value\")",
            "start the file with Title:, Date:, Kind:, Lang: and Slug: lines, then a blank line, then the text"))
        return [], problems, index + 1, False
    entries: list[Entry] = []
    last: Entry | None = None
    while index < len(lines):
        line, number = lines[index], index + 1
        index += 1
        if not line.strip() or (index - 1 > start and END_RE.match(line)):
            break
        match = META_RE.match(line)
        if match:
            written = match.group("key")
            last = Entry(written.lower().strip(), written, match.group("value").strip(), number)
            entries.append(last)
        elif META_MORE_RE.match(line) and last is not None:
            if last.key in schema.SINGLE_VALUED:
                problems.append(Problem(
                    shown, number,
                    f"indented line continues {schema.spelled(last.key)}, which Pelican reads as a second value",
                    f"join it onto line {last.line} so that {schema.spelled(last.key)} is one line"))
        else:
            intended = INTENDED_KEY.match(line)
            if intended and explain_bad_key(line):  # count what the editor meant, report the line once
                written = intended.group("key").strip()
                last = Entry(written.lower().replace(" ", "_"), written, intended.group("value").strip(), number)
                entries.append(last)
            problems.append(Problem(
                shown, number,
                "this line is not \"Key: value\", so the metadata block ends here and the rest is read as text"
                + explain_bad_key(line),
                "write it as \"Key: value\" with an ASCII colon, or leave a blank line between the metadata and the text"))
    return entries, problems, index + 1, True


def explain_bad_key(line: str) -> str:
    """Why a line that looks like metadata is not, or "" when it does not look like metadata."""
    if re.match(r"^\s*[A-Za-z][A-Za-z0-9_-]*\s*：", line):
        return " (it uses the full-width colon '：')"
    if re.match(r"^\s*[A-Za-z][A-Za-z0-9_-]*\s+:", line):
        return " (there is a space before the ':')"
    if re.match(r"^\s*[A-Za-z][A-Za-z0-9_ -]*[A-Za-z0-9_-]\s*:", line):
        return " (keys are one word: use '_' instead of spaces)"
    if re.match(r"^\s*[^\s:：]{1,12}[:：]", line) and not re.match(r"^\s*[A-Za-z0-9_-]+:", line):
        return " (keys are English words: Title, Date, Kind, …)"
    return ""


class _Attributes(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.attrs: dict[str, str | None] = {}

    def handle_starttag(self, tag, attrs):
        if not self.attrs:
            self.attrs = {name.lower(): value for name, value in attrs}

    handle_startendtag = handle_starttag


def attributes(tag: str) -> dict[str, str | None]:
    parser = _Attributes()
    parser.feed(tag)
    parser.close()
    return parser.attrs


def mask_code(body: str) -> str:
    """The body with fenced code blocks and code spans blanked out, offsets kept."""
    if "`" not in body and "~~~" not in body:  # no code: most files, and the scan is costly
        return body
    lines = body.split("\n")
    fence = None
    for number, line in enumerate(lines):
        match = FENCE.match(line)
        if fence is None and match:
            fence = match.group(1)[0] * len(match.group(1))
            lines[number] = " " * len(line)
        elif fence is not None:
            if line.strip().startswith(fence) and not line.strip().strip(fence[0]):
                fence = None
            lines[number] = " " * len(line)
    masked = "\n".join(lines)
    return CODE_SPAN.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), masked)


def find_references(body: str, first_line: int = 1) -> Iterable[Reference]:
    """Every link and image in the Markdown text, with its line number."""
    masked = mask_code(body)
    starts = [0] + [match.end() for match in re.finditer(r"\n", masked)]

    def line_at(offset: int) -> int:
        return first_line + bisect.bisect_right(starts, offset) - 1

    found = []
    # Each scan only where its match could start: most texts have no link at all, and
    # scanning for MD_LINK at every position cost more than the rest of the checks.
    html = "<" in masked
    brackets = "[" in masked
    for match in HTML_TAG.finditer(masked) if html else ():
        attrs = attributes(match.group(0))
        if match.group("tag").lower() == "img":
            alt = (attrs["alt"] or "") if "alt" in attrs else None
            found.append((match.start(), Reference(attrs.get("src") or "", line_at(match.start()), "img", alt)))
        elif "href" in attrs:
            found.append((match.start(), Reference(attrs.get("href") or "", line_at(match.start()), "a")))
    for match in MD_LINK.finditer(masked) if brackets else ():
        target = match.group("target").strip("<>")
        if match.group("bang"):
            found.append((match.start(), Reference(target, line_at(match.start()), "md-image", match.group("text"))))
        else:
            found.append((match.start(), Reference(target, line_at(match.start()), "md-link")))
        # an image inside a link's text: [![alt](src)](href)
        for inner in MD_LINK.finditer(match.group("text")):
            if inner.group("bang"):
                offset = match.start() + 1 + inner.start()
                found.append((offset, Reference(inner.group("target").strip("<>"), line_at(offset), "md-image",
                                                inner.group("text"))))
    for match in MD_REF_IMAGE.finditer(masked) if brackets else ():
        found.append((match.start(), Reference("", line_at(match.start()), "md-image", match.group("text"))))
    for match in MD_DEFINITION.finditer(masked) if brackets else ():
        found.append((match.start(), Reference(match.group("target").strip("<>"), line_at(match.start()), "md-link")))
    return [reference for _, reference in sorted(found, key=lambda pair: pair[0])]


# resolving references ----------------------------------------------------------


@dataclass(frozen=True)
class Target:
    """Where a reference points: a content file, a site path, a fragment, or outside."""

    kind: str  # "file" ({filename}/{static}/{attach}), "site" (/…), "fragment" (#…), "relative", "external", "empty"
    path: str = ""  # "file": relative to content/, may start with '..'; "site": without the leading '/'
    fragment: str = ""
    placeholder: str = ""


def resolve(reference: Reference, source: Source) -> Target:
    target = reference.target.strip()
    if not target:
        return Target("empty")
    if reference.tag == "cover" and not PLACEHOLDER.match(target):
        target = "{static}/" + target.lstrip("/")  # Cover is a path under content/
    match = PLACEHOLDER.match(target)
    if match:
        placeholder = match.group("brace") or match.group("bar")
        rest = target[match.end():]
        parts = urlsplit(rest)
        path = unquote(parts.path)
        base = PurePosixPath() if path.startswith("/") else PurePosixPath(source.name).parent
        joined = os.path.normpath((base / path.lstrip("/")).as_posix()).replace(os.sep, "/")
        return Target("file", joined, unquote(parts.fragment), placeholder)
    if OTHER_PLACEHOLDER.match(target) or SCHEME.match(target):
        return Target("external")
    parts = urlsplit(target)
    if not parts.path:
        return Target("fragment", fragment=unquote(parts.fragment)) if parts.fragment else Target("empty")
    if parts.path.startswith("/"):
        return Target("site", unquote(parts.path).lstrip("/"), unquote(parts.fragment))
    return Target("relative", parts.path, unquote(parts.fragment))


# per-file checks -----------------------------------------------------------------


def now_in(config: CheckConfig) -> datetime:
    zone = ZoneInfo(config.timezone)
    return config.now.astimezone(zone) if config.now else datetime.now(zone)


def check_source(source: Source, config: CheckConfig, known_files: frozenset[str]) -> list[Problem]:
    problems: list[Problem] = []

    def problem(line: int, what: str, fix: str) -> None:
        problems.append(Problem(source.shown, line, what, fix))

    # where the file is and what its name says
    in_pages = source.folder in config.page_folders
    if not in_pages and source.folder not in config.folder_kinds:
        homes = ", ".join(f"{folder}/" for folder in (*config.folder_kinds, *config.page_folders))
        where = f"{source.folder}/" if source.folder else "the top of content/"
        problem(1, f"Pelican does not read content files in {where}", f"move the file into one of {homes}")
    if source.folder == "magazine" and len(source.parts) != 3:
        problem(1, "magazine files belong in one folder per issue", "move the file to magazine/<issue slug>/")
    name_lang = source.name_lang()
    if name_lang not in config.languages:
        options = " or ".join(f"{source.stem}.{code}.md" for code in config.languages)
        problem(1, "the file name does not say its language (.zh.md or .en.md)", f"rename the file to {options}")

    if not source.has_metadata:
        return problems

    # metadata lines: duplicates, typos, values
    seen: dict[str, Entry] = {}
    known = schema.KNOWN_KEYS | config.extra_keys
    for entry in source.entries:
        if entry.key in seen and entry.key in schema.SINGLE_VALUED:
            problem(entry.line, f"{schema.spelled(entry.key)} is given twice (first on line {seen[entry.key].line})",
                    "keep one of the two lines")
            continue
        seen.setdefault(entry.key, entry)
        if entry.key not in known:
            close = difflib.get_close_matches(entry.key, sorted(known), n=1, cutoff=0.75)
            if close:
                problem(entry.line, f"unknown metadata key \"{entry.written}\" (did you mean \"{schema.spelled(close[0])}\"?)",
                        f"write \"{schema.spelled(close[0])}:\", or add \"{entry.written}\" to STRICT_EXTRA_METADATA in pelicanconf.py")
            continue
        bad = schema.check_value(entry.key, entry.value, languages=config.languages, columns=config.columns)
        if bad:
            problem(entry.line, *bad)

    # kind: required in article folders, matching the folder
    kind = source.get("kind")
    if in_pages:
        effective_kind = schema.PAGE_KIND
        if kind is not None and kind != schema.PAGE_KIND and kind in schema.KINDS:
            home = next((folder for folder, kinds in config.folder_kinds.items() if kind in kinds), None)
            problem(source.line_of("kind"), f"Kind is {kind}, but files in {source.folder}/ are pages, which have no kind",
                    f"delete the Kind line, or move the file to {home}/" if home else "delete the Kind line")
    else:
        allowed = config.folder_kinds.get(source.folder, schema.KINDS)
        effective_kind = kind if kind in schema.KINDS else "publication"
        if kind in schema.KINDS and kind not in allowed and len(allowed) == 1:
            effective_kind = allowed[0]  # the folder says what it is; the Kind line is the mistake
        if kind in schema.KINDS and kind not in allowed:
            home = next((folder for folder, kinds in config.folder_kinds.items() if kind in kinds), None)
            problem(source.line_of("kind"), f"Kind is {kind}, but {source.folder}/ holds {' and '.join(allowed)}",
                    f"set \"Kind: {allowed[0]}\"" + (f", or move the file to {home}/" if home else ""))
        elif kind == schema.PAGE_KIND:
            problem(source.line_of("kind"), f"Kind is page, but {source.folder}/ holds {' and '.join(allowed)}",
                    f"set \"Kind: {allowed[0]}\", or move the file to {config.page_folders[0]}/")

    required = schema.REQUIRED.get(effective_kind, schema.ARTICLE_KEYS)
    for key in required:
        if source.entry(key) is None:
            problem(1, *schema.missing(key, effective_kind))

    # the language the file says against the one its name says
    lang = source.get("lang")
    if lang in config.languages and name_lang in config.languages and lang != name_lang:
        problem(source.line_of("lang"), f"Lang is {lang}, but the file name ends in .{name_lang}.md",
                f"rename the file to {source.stem}.{lang}.md, or set \"Lang: {name_lang}\"")

    # dates in the future are drafts
    date = schema.parse_iso_date(source.get("date") or "")
    if date is not None:
        zone = ZoneInfo(config.timezone)
        moment = date if date.tzinfo else date.replace(tzinfo=zone)
        if moment > now_in(config) and source.get("status") != "draft":
            problem(source.line_of("date"), f"Date {source.get('date')} is in the future",
                    "add \"Status: draft\" until it is published, or correct the date")

    # images and links
    for reference in source.references:
        problems.extend(check_reference(reference, source, known_files))
    return problems


def check_reference(reference: Reference, source: Source, known_files: frozenset[str]) -> list[Problem]:
    problems = []

    def problem(what: str, fix: str) -> None:
        problems.append(Problem(source.shown, reference.line, what, fix))

    if reference.tag == "img" and reference.alt is None:
        problem(f"<img src=\"{reference.target}\"> has no alt text",
                "add alt=\"…\" describing what the picture shows, for readers who cannot see it")
    elif reference.is_image and reference.tag != "cover" and reference.alt is not None and not reference.alt.strip():
        shown = f"![](…{reference.target[-40:]})" if reference.tag == "md-image" else f"<img src=\"{reference.target}\">"
        problem(f"{shown} has empty alt text",
                "describe what the picture shows (between the brackets, or in alt=\"…\")")
    if reference.tag == "md-image" and not reference.target:
        return problems  # a reference-style image: its definition is checked as a link
    target = resolve(reference, source)
    what = "image" if reference.is_image else "link"
    written = reference.target
    if target.kind == "empty":
        problem(f"empty {what} target", "write the address of the page or picture, or remove the " + what)
    elif target.kind == "relative":
        example = "{static}/images/…" if reference.is_image else "{filename}/stories/….zh.md"
        problem(f"{what} \"{written}\" is relative, so where it leads depends on the page's URL",
                f"point at the file instead, e.g. \"{example}\", or use a site path starting with /")
    elif target.kind == "file":
        if target.path.startswith("..") or target.path in ("", "."):
            problem(f"{what} \"{written}\" points outside content/", "link to a file inside content/")
        elif target.path not in known_files:
            looked = "content/" + target.path
            problem(f"{what} \"{written}\" points to {looked}, which does not exist",
                    "correct the path (paths starting with / are relative to content/, others to this file's folder),"
                    " or add the file")
        elif target.placeholder == "filename" and reference.is_image:
            problem(f"image \"{written}\" uses {{filename}}", "use {static} for pictures")
    return problems


# checks across files ----------------------------------------------------------------


def group_of(source: Source, config: CheckConfig) -> str:
    return "pages" if source.folder in config.page_folders else "articles"


def check_across(sources: list[Source], config: CheckConfig) -> list[Problem]:
    problems = []
    default = config.default_lang

    def lang_of(source: Source) -> str | None:
        """Lang, or the file name's language when Lang itself is wrong (reported already)."""
        lang = source.get("lang")
        return lang if lang in config.languages else source.name_lang() if source.name_lang() in config.languages else None

    valid = [s for s in sources if s.has_metadata and lang_of(s) and s.get("slug")]

    # slugs are unique per language (articles and pages are separate in Pelican)
    by_slug: dict[tuple[str, str, str], list[Source]] = defaultdict(list)
    for source in valid:
        by_slug[(group_of(source, config), lang_of(source), source.get("slug"))].append(source)
    for (_, lang, slug), same in sorted(by_slug.items()):
        for duplicate in same[1:]:
            problems.append(Problem(
                duplicate.shown, duplicate.line_of("slug"),
                f"Slug \"{slug}\" is already used by {same[0].shown} ({config.language_name(lang)})",
                "give one of them another Slug (only translations share the Slug of their original, in the other language)"))

    # every translation has an original with the same slug
    for source in valid:
        lang, slug = lang_of(source), source.get("slug")
        flagged = source.get("translation") == "true"
        if source.name_lang() in config.languages and source.name_lang() != lang:
            continue  # the file name and Lang disagree: reported above, the fix decides its role
        if lang == default:
            if flagged:
                problems.append(Problem(
                    source.shown, source.line_of("translation"),
                    f"this {config.language_name(default)} file says Translation: true, but {config.language_name(default)} is the original language",
                    "delete the Translation line (only the other-language versions are translations)"))
            continue
        if not flagged:
            continue  # an original written in the other language (its notice says so)
        originals = by_slug.get((group_of(source, config), default, slug), [])
        if not any(o.get("translation") != "true" for o in originals):
            folder = PurePosixPath(source.shown).parent.as_posix()
            expected = f"{folder}/{source.stem}.{default}.md"
            problems.append(Problem(
                source.shown, source.line_of("slug"),
                f"this {config.language_name(lang)} translation has no {config.language_name(default)} original with Slug \"{slug}\"",
                f"add the original ({expected} with \"Slug: {slug}\"), or give this file the Slug of its original"))

    # published pages do not link to drafts, which readers cannot find
    by_name = {s.name: s for s in sources}
    for source in sources:
        if not source.has_metadata or source.get("status") == "draft":
            continue
        for reference in source.references:
            target = resolve(reference, source)
            linked = by_name.get(target.path) if target.kind == "file" else None
            if linked is not None and linked.get("status") == "draft":
                problems.append(Problem(
                    source.shown, reference.line,
                    f"link \"{reference.target}\" leads to {linked.shown}, a draft (Status: draft) that readers cannot find",
                    "publish the linked file first, or remove the link until then"))

    # magazine articles name an existing issue, the one of their folder
    issues = {(s.get("slug"), lang_of(s)): s for s in valid if s.get("kind") == "issue"}
    issue_of_folder = {(s.parts[:-1], lang_of(s)): s.get("slug") for s in valid if s.get("kind") == "issue"}
    for source in sources:
        if not source.has_metadata or source.get("kind") != "article" or not source.get("issue"):
            continue
        issue, lang = source.get("issue"), lang_of(source)
        line = source.line_of("issue")
        others = sorted({code for (slug, code) in issues if slug == issue})
        if lang is None and others:
            continue  # which issue file it needs depends on its Lang, reported already
        if (issue, lang) not in issues:
            if others:
                problems.append(Problem(
                    source.shown, line,
                    f"Issue \"{issue}\" has no {config.language_name(lang)} version (only {', '.join(config.language_name(o) for o in others)})",
                    f"add the issue's {config.language_name(lang)} file (Kind: issue, Slug: {issue}, Lang: {lang}) to its folder"))
            else:
                existing = ", ".join(sorted({slug for slug, _ in issues})) or "none yet"
                problems.append(Problem(
                    source.shown, line, f"Issue \"{issue}\" names no magazine issue (issues: {existing})",
                    f"use the Slug of an issue, or add content/magazine/{issue}/issue.{lang or default}.md with \"Kind: issue\""))
            continue
        own = issue_of_folder.get((source.parts[:-1], lang))
        if own and own != issue:
            problems.append(Problem(
                source.shown, line, f"Issue is {issue}, but the file is in the folder of issue {own}",
                f"set \"Issue: {own}\", or move the file to the folder of issue {issue}"))
    return problems


# site paths (make check's view of /… links, without a build) ---------------------------


def format_url(pattern: str, fields: Mapping[str, object]) -> str | None:
    try:
        return pattern.format_map(fields)
    except (KeyError, IndexError, ValueError, AttributeError):
        return None


def content_url(source: Source, config: CheckConfig) -> str | None:
    """The URL Pelican gives a content file, from the *_URL settings (no leading '/')."""
    url = source.get("url")
    if url is not None:
        return url.lstrip("/")
    page = source.folder in config.page_folders
    draft = source.get("status") == "draft"
    base = {(False, False): "ARTICLE", (False, True): "DRAFT", (True, False): "PAGE", (True, True): "DRAFT_PAGE"}
    key = base[(page, draft)] + ("_LANG_URL" if source.get("lang") != config.default_lang else "_URL")
    pattern = config.url_patterns.get(key)
    if not pattern:
        return None
    fields: dict[str, object] = {}
    if config.path_metadata:  # as Pelican: path metadata first, the file's own metadata wins
        match = re.match(config.path_metadata, source.name)
        if match:
            fields.update(match.groupdict())
    fields.update({entry.key: entry.value for entry in source.entries})
    date = schema.parse_iso_date(source.get("date") or "")
    if date is not None:
        fields["date"] = date
    return format_url(pattern, fields)


def site_paths(sources: list[Source], config: CheckConfig, known_files: frozenset[str]) -> set[str]:
    paths = {url for url in (content_url(s, config) for s in sources if s.has_metadata) if url is not None}
    paths |= {name for name in known_files if PurePosixPath(name).parts[0] in config.static_folders}
    if config.theme_static and config.theme_static.is_dir():
        for file in config.theme_static.rglob("*"):
            if file.is_file():
                paths.add(f"{config.theme_static_dir}/{file.relative_to(config.theme_static).as_posix()}")
    for prefix in config.prefixes.values():
        paths |= {prefix + listing for listing in config.listings}
    return paths


def site_path_exists(path: str, paths: set[str], config: CheckConfig) -> bool:
    candidates = {path, path.removesuffix("index.html")}
    if path and not path.endswith("/"):
        candidates.add(path + "/")
    if candidates & paths:
        return True
    for prefix in sorted(set(config.prefixes.values()), key=len, reverse=True):
        if all(candidate.startswith(prefix) for candidate in candidates):
            stripped = {candidate[len(prefix):] for candidate in candidates}
            if any(fnmatch.fnmatchcase(s, pattern) for s in stripped for pattern in config.site_urls):
                return True
    return False


def check_site_links(sources: list[Source], config: CheckConfig, known_files: frozenset[str]) -> list[Problem]:
    paths = site_paths(sources, config, known_files)
    problems = []
    for source in sources:
        for reference in source.references:
            target = resolve(reference, source)
            if target.kind == "site" and not site_path_exists(target.path, paths, config):
                what = "image" if reference.is_image else "link"
                problems.append(Problem(
                    source.shown, reference.line, f"{what} \"{reference.target}\" leads to nothing on the site",
                    "correct the path, or link to the file with {filename}…"))
    return problems


# the whole content folder ---------------------------------------------------------------


def check_content(config: CheckConfig, *, site_links: bool = True) -> CheckResult:
    """Every problem in the content folder. ``site_links=False`` leaves /… links to the build."""
    problems: list[Problem] = []
    sources: list[Source] = []
    if not config.content.is_dir():
        return CheckResult((Problem(display_path(config.content), 1, "the content folder does not exist",
                                    "set PATH in pelicanconf.py to the folder that holds reports/, stories/, …"),), ())
    files = content_files(config)
    known_files = frozenset(path.relative_to(config.content).as_posix() for path in files) | frozenset(
        path.relative_to(config.content).as_posix()
        for folder in config.static_folders
        for path in (config.content / folder).rglob("*")
        if path.is_file()
    )
    for path in files:
        if path.suffix.lower() not in MARKDOWN_EXTENSIONS:
            folder = path.relative_to(config.content).parts[0] if len(path.relative_to(config.content).parts) > 1 else ""
            if folder in config.folder_kinds or folder in config.page_folders or not folder:
                problems.append(Problem(display_path(path), 1, f"{path.suffix or 'a file without extension'} files are not content",
                                        f"write the text in Markdown ({path.stem}.zh.md), or move pictures to {config.static_folders[0]}/"))
            continue
        source, read_problems = read_source(path, config)
        problems.extend(read_problems)
        if source is not None:
            sources.append(source)
    for source in sources:
        problems.extend(check_source(source, config, known_files))
    problems.extend(check_across(sources, config))
    if site_links:
        problems.extend(check_site_links(sources, config, known_files))
    return CheckResult(tuple(sorted(set(problems))), tuple(sources))


# after the build: fragments and site paths against the written pages ----------------------


def ids_in(html: str) -> set[str]:
    """Every id (and <a name>) of a page; lxml, since a page with many links to it is parsed
    once per build and lxml reads a page about 14 times faster than html.parser."""
    if not html.strip():
        return set()
    return {value for value in lxml.html.document_fromstring(html).xpath("//@id | //a/@name") if value}


def output_file(output: Path, url_path: str) -> Path:
    path = output / unquote(url_path).lstrip("/")
    return path / "index.html" if url_path.endswith("/") or not url_path.strip("/") else path


def check_built_links(sources: Iterable[Source], written: Mapping[str, str], output: Path) -> list[Problem]:
    """Links whose page or #fragment the built site lacks. ``written``: source name → save_as."""
    problems = []
    cache: dict[Path, set[str] | None] = {}

    def ids_of(path: Path) -> set[str] | None:
        if path not in cache:
            cache[path] = ids_in(path.read_text(encoding="utf-8", errors="replace")) if path.is_file() else None
        return cache[path]

    for source in sources:
        for reference in source.references:
            target = resolve(reference, source)
            if target.kind == "site":
                page = output_file(output, target.path)
                if not page.is_file() and not (output / target.path).is_file():
                    what = "image" if reference.is_image else "link"
                    problems.append(Problem(source.shown, reference.line, f"{what} \"{reference.target}\" leads to nothing in the built site",
                                            "correct the path, or link to the file with {filename}…"))
                    continue
            elif target.kind == "file" and target.path in written:
                page = output / written[target.path]
            elif target.kind == "fragment" and source.name in written:
                page = output / written[source.name]
            else:
                continue
            if not target.fragment or page.suffix != ".html":
                continue
            ids = ids_of(page)
            if ids is not None and target.fragment not in ids:
                sections = sorted(i for i in ids if i.startswith("s-"))[:8]
                hint = f" (its sections: {', '.join(sections)}{', …' if len(sections) == 8 else ''})" if sections else ""
                problems.append(Problem(
                    source.shown, reference.line,
                    f"link \"{reference.target}\" leads to {page.relative_to(output).as_posix()}, which has no id \"{target.fragment}\"",
                    f"use an id the page has{hint}, or correct the link"))
    return sorted(set(problems))
