"""Pelican glue: moves data between Pelican's objects and the pure modules.

One PublicationsRun per Pelican run (reset when a run starts) does, in Pelican's phases:

* content phase (``content_object_init``), per page: the plain-text summary, responsive
  pictures in the body (planned, not yet written), figure captions in the language's
  punctuation, the cover of an issue, the ``issue`` template for issues; everything
  lands in ``content.publication``;
* context phase (PublicationsGenerator.generate_context), once all articles are read:
  each magazine article's issue and column, each issue's contents and neighbours;
  ``magazine`` in the template context; then every report's, story's and magazine
  article's previous, next and related publications (neighbours.py);
* output phase (PublicationsGenerator.generate_output): the picture files; and each
  feed's summaries escaped (``feed_generated``), as Atom reads them as HTML.

Templates get three globals: ``machine_metadata``, ``citation`` and ``citation_style``.
"""

from __future__ import annotations

import html
import logging
import os
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from urllib.parse import quote

from bilingual.catalogues import load_catalogues
from bilingual.settings import Language, read_languages
from markupsafe import Markup
from pelican.generators import Generator

from . import captions, images, magazine, metadata, neighbours, summary
from .citation import STYLE_NAMES, cite
from .records import (
    Agent,
    Crumb,
    ImageInfo,
    IssueInfo,
    Periodical,
    Section,
    Work,
    WorkRef,
)
from .settings import Options, read_options

logger = logging.getLogger(__name__)

PLUGIN_NAME = "publications"


def N_(message: str) -> str:
    """Marks a UI string for Babel extraction (babel.cfg reads this package)."""
    return message


LISTING_NAMES = {"report": N_("Reports"), "story": N_("Stories"), "issue": N_("Magazine")}
FULL_PICTURE = N_("(opens the full-size picture)")
# Punctuation of a figure caption (captions.py): its words and the picture's date, then
# those and the credit. The placeholders are HTML; keep them, change the punctuation.
DATED_CAPTION = N_("%(caption)s (%(date)s)")
CREDITED_CAPTION = N_("%(caption)s %(credit)s")
# The kinds whose pages (article.html) show their previous, next and related publications.
WITH_NEIGHBOURS = ("report", "story", "article")


def enabled(settings) -> bool:
    """Signals are process-global: act only for a Pelican whose PLUGINS lists this plugin."""
    return any(str(name).rsplit(".", 1)[-1] == PLUGIN_NAME for name in settings.get("PLUGINS", ()))


def shown(path) -> str:
    """A file as messages name it: relative to the working directory when inside it."""
    absolute = os.path.abspath(path)
    relative = os.path.relpath(absolute)
    return relative if not relative.startswith("..") else absolute


def listing_year(content) -> int | None:
    """A report's Year is the year it reports on (the 2022 report is read out in 2023);
    an issue's Year is the magazine's year. Other pages belong to the year of their date."""
    year = str(content.metadata.get("year") or "")
    if year.isdigit():
        return int(year)
    date = getattr(content, "date", None)
    return date.year if date else None


@dataclass
class Publication:
    """What this plugin knows about one page: ``content.publication``."""

    kind: str
    pictures: list = field(default_factory=list)  # (Picture, alt, figure details) in body order
    cover: images.Picture | None = None
    cover_html: Markup | None = None
    thumbnail_html: Markup | None = None  # the cover, small and lazy, for listings
    cover_alt: str = ""
    issue: object | None = None  # magazine articles: their issue (same language)
    column: magazine.Column | None = None
    contents: tuple = ()  # issues: ColumnGroups in MAGAZINE_COLUMNS order
    # The previous and next of its sequence, same language: issues by number, magazine
    # articles within their issue, reports and stories by date (neighbours.py).
    previous: object | None = None
    next: object | None = None
    related: tuple = ()  # reports, stories, magazine articles: by shared tags (neighbours.py)
    pdf_url: str | None = None  # where pages link the PDF (Pdf metadata), site URL or absolute
    year: int | None = None  # the year it belongs to in listings: Year (reports, issues), else the date's

    @property
    def articles(self) -> tuple:
        return tuple(article for group in self.contents for article in group.articles)


class PublicationsRun:
    """The state of one Pelican run."""

    def __init__(self):
        self.reset()

    def reset(self):
        self.active = False
        self.options: Options | None = None
        self.languages: dict[str, Language] = {}
        self.catalogues = {}
        self.content_path = Path()
        self.pictures: dict[str, images.Picture | None] = {}
        self.variants: dict[str, tuple[Path, images.Variant]] = {}

    # phases -------------------------------------------------------------------------------

    def start(self, pelican):
        self.reset()
        if not enabled(pelican.settings):
            return
        self.options = read_options(pelican.settings)
        self.languages = {language.code: language for language in read_languages(pelican.settings)}
        self.catalogues = load_catalogues(Path(pelican.settings["THEME"]) / "translations", list(self.languages))
        self.content_path = Path(pelican.settings["PATH"])
        self.active = True

    def init_content(self, content):
        if not self.active or not enabled(content.settings):
            return
        kind = content.metadata.get("kind") or "page"
        publication = Publication(kind=kind)
        content.publication = publication
        if kind == "issue" and "template" not in content.metadata:
            content.template = "issue"
        self.set_summary(content)
        if getattr(content, "_content", None):
            self.set_pictures(content, publication)  # first: its figure metadata reads captions as written
            style = captions.CaptionStyle(
                self.gettext(content.lang, DATED_CAPTION), self.gettext(content.lang, CREDITED_CAPTION)
            )
            content._content = captions.captions(content._content, style)
        if kind == "issue" and content.metadata.get("cover"):
            self.set_cover(content, publication)
        publication.year = listing_year(content)
        pdf = (content.metadata.get("pdf") or "").strip()
        if pdf:
            publication.pdf_url = pdf if "://" in pdf else f"{self.options.siteurl}/{quote(pdf.lstrip('/'))}"

    def set_summary(self, content):
        rule = self.options.summary.get(content.lang) or self.options.summary[self.options.languages[0]]
        if "summary" in content.metadata:
            text = summary.plain_text(content.metadata["summary"])
        else:
            begins_midway = bool(content.metadata.get("begins_midway"))
            text = summary.summarise(getattr(content, "_content", "") or "", rule, begins_midway)
        content.metadata["summary"] = text
        content._summary = text

    def escape_feed_summaries(self, context, feed):
        """Atom's <summary type="html"> (all feedgenerator writes) is read as HTML, and our
        summaries are plain text: escaped, a literal '<' in one stays a character."""
        if not self.active:
            return
        for item in feed.items:
            if item.get("description"):
                item["description"] = html.escape(item["description"], quote=False)

    def gettext(self, lang: str, message: str) -> str:
        catalogue = self.catalogues.get(lang)
        return catalogue.gettext(message) if catalogue else message

    def picture(self, source: str) -> images.Picture | None:
        """The planned picture of a content-relative path (planned once per run)."""
        if source in self.pictures:
            return self.pictures[source]
        path = self.content_path / source
        planned = None
        if path.is_file():
            data = path.read_bytes()
            size, image_format = images.measure(path)
            if image_format in ("JPEG", "PNG", "WEBP"):
                folder = PurePosixPath(source).parts[0]
                planned = images.plan_picture(
                    source, data, size, image_format,
                    url=self.options.siteurl + "/" + quote(self.options.static_url.format(path=source)),
                    widths=self.options.image_widths, folder=self.options.image_folder,
                    static_folder=folder, quality=self.options.image_quality,
                )
                for variant in planned.generated:
                    self.variants[variant.path] = (path, variant)
        self.pictures[source] = planned
        return planned

    def set_pictures(self, content, publication):
        content_dir = os.path.dirname(content.relative_source_path or "")
        found: dict[str, images.Picture] = {}

        def plan(src: str):
            source = images.local_source(src, content_dir, self.options.static_folders)
            picture = self.picture(source) if source else None
            if picture is not None:
                found[src] = picture
            return picture

        rewritten, problems = images.rewrite(
            content._content, plan, sizes=self.options.image_sizes, siteurl=self.options.siteurl,
            link_label=self.gettext(content.lang, FULL_PICTURE),
        )
        for problem in problems:
            logger.error(
                "%s: <img src=\"%s\"> %s — add alt=\"…\" saying what the picture shows, for readers who cannot see it",
                shown(content.source_path), problem.src, problem.what,
            )
        details = {figure.src: figure for figure in images.figures(content._content)}
        for src, picture in found.items():
            publication.pictures.append((picture, details.get(src)))
        content._content = rewritten

    def set_cover(self, content, publication):
        cover = content.metadata["cover"].strip()
        source = images.local_source("{static}/" + cover.lstrip("/"), "", self.options.static_folders)
        picture = self.picture(source) if source else None
        if picture is None:
            logger.error("%s: Cover \"%s\" is not a JPEG, PNG or WebP picture under %s/",
                         shown(content.source_path), cover, "/".join(self.options.static_folders))
            return
        alt = content.metadata.get("cover_alt", "")
        publication.cover = picture
        publication.cover_alt = alt
        publication.cover_html = Markup(
            images.picture_markup(
                picture, None, alt=alt, sizes=self.options.cover_sizes, lazy=False, siteurl=self.options.siteurl,
                link_label=self.gettext(content.lang, FULL_PICTURE),
            )
        )
        # Beside the issue's linked title, which says what it is: alt="" spares a screen
        # reader the same words twice.
        publication.thumbnail_html = Markup(
            images.picture_markup(
                picture, None, alt="", sizes=self.options.thumbnail_sizes, lazy=True, siteurl=self.options.siteurl,
                link=False,
            )
        )

    def resolve(self, context):
        """Once every article is read: the magazine, then the neighbours (they need the
        issue and column of each magazine article)."""
        if not self.active:
            return
        items = [
            item
            for article in context.get("articles", [])
            for item in (article, *article.translations)
            if item.status == "published" and hasattr(item, "publication") and item.lang in self.languages
        ]
        self.resolve_magazine(context, items)
        self.resolve_neighbours(items)

    def resolve_magazine(self, context, items):
        """Issues and columns."""
        by_lang = {}
        for lang in self.languages:
            built = magazine.build_magazine(items, lang, self.options.columns)
            for problem in built.problems:
                logger.error("%s: %s — see MAGAZINE_COLUMNS in pelicanconf.py and the issue files of content/magazine/",
                             shown(problem.item.source_path), problem.what)
            for issue in built.issues:
                issue.publication.contents = built.contents[issue.slug]
                issue.publication.previous, issue.publication.next = built.neighbours(issue)
                for group in issue.publication.contents:
                    for article in group.articles:
                        article.publication.issue = issue
                        article.publication.column = group.column
            by_lang[lang] = built
        context["magazine"] = by_lang

    def resolve_neighbours(self, items):
        column_rank = {key: rank for rank, key in enumerate(self.options.columns)}
        records = []
        for item in items:
            publication = item.publication
            if publication.kind not in WITH_NEIGHBOURS:
                continue
            records.append(neighbours.Record(
                item, publication.kind, item.lang, item.slug, item.date,
                tags=tuple(str(tag.slug) for tag in getattr(item, "tags", None) or ()),
                series=publication.issue.slug if publication.issue is not None else None,
                position=column_rank[publication.column.key] if publication.column is not None else 0,
            ))
        found = neighbours.neighbours(records, self.options.related_limit)
        for record in records:
            publication, near = record.item.publication, found[record.lang, record.slug]
            publication.previous, publication.next, publication.related = near.previous, near.next, near.related

    def write_pictures(self, output_path: str):
        if not self.active:
            return
        cache = Path(self.options.image_cache) if self.options.image_cache else None
        for source_path, variant in sorted(self.variants.values(), key=lambda pair: pair[1].path):
            images.write_variant(source_path, variant, Path(output_path), cache)

    # records for machines -------------------------------------------------------------------

    def absolute(self, url: str) -> str:
        return f"{self.options.origin}/{url}"

    def issue_info(self, issue) -> IssueInfo:
        m = issue.metadata
        return IssueInfo(
            title=str(issue.title),
            url=self.absolute(issue.url),
            number=str(m.get("number", "")),
            year=str(m.get("year", issue.date.year)),
            date=issue.date.date(),
            periodical=Periodical(str(m.get("periodical", "")), m.get("issn") or None),
            volume=str(m["volume"]) if m.get("volume") else None,
        )

    def image_infos(self, content) -> tuple[ImageInfo, ...]:
        publication = content.publication
        found = []
        if publication.cover is not None:
            picture = publication.cover
            found.append(ImageInfo(self.absolute_static(picture), picture.width, picture.height, publication.cover_alt))
        for picture, figure in publication.pictures:
            found.append(
                ImageInfo(
                    self.absolute_static(picture), picture.width, picture.height,
                    figure.alt if figure else "", figure.caption if figure else "",
                    figure.credit if figure else "", figure.date if figure else "",
                )
            )
        if not found and publication.issue is not None and publication.issue.publication.cover is not None:
            return self.image_infos(publication.issue)
        return tuple(found)

    def absolute_static(self, picture: images.Picture) -> str:
        return self.absolute(quote(self.options.static_url.format(path=picture.source)))

    def breadcrumbs(self, content, language: Language, kind: str) -> tuple[Crumb, ...]:
        crumbs = [Crumb(language.sitename, self.absolute(language.prefix))]
        listing_kind = "issue" if kind == "article" else kind
        listing = self.options.listings.get(listing_kind)
        if listing:
            name = self.gettext(language.code, LISTING_NAMES.get(listing_kind, listing))
            crumbs.append(Crumb(name, self.absolute(f"{language.prefix}{listing}/")))
        issue = content.publication.issue
        if kind == "article" and issue is not None:
            crumbs.append(Crumb(str(issue.title), self.absolute(issue.url)))
        crumbs.append(Crumb(str(content.title), self.absolute(content.url)))
        return tuple(crumbs)

    def work(self, content) -> Work:
        """A content object as plain data for metadata.py and citation.py."""
        m = content.metadata
        publication = getattr(content, "publication", None) or Publication(kind=m.get("kind") or "page")
        kind = publication.kind
        language = self.languages[content.lang]
        others = [t for t in content.translations if t.status == "published" and t.lang in self.languages]

        def ref(item) -> WorkRef:
            return WorkRef(self.absolute(item.url), self.languages[item.lang].html_lang, kind, str(item.title))

        original = None
        translations = tuple(ref(t) for t in others)
        if m.get("translation"):
            source = next((t for t in others if not t.metadata.get("translation")), None)
            if source is not None:
                original = ref(source)
                translations = tuple(ref(t) for t in others if t is not source)

        authors: tuple[Agent, ...] = ()
        if m.get("body"):  # an issuing body: reports, or any work signed by an organisation
            authors = (Agent(str(m["body"]), "Organization"),)
        elif m.get("author"):
            authors = tuple(Agent(str(a), "Person") for a in getattr(content, "authors", ()) or (m["author"],))
        publisher = Agent(self.options.publisher[content.lang], "Organization")
        if not authors and kind != "page":
            authors = (publisher,)

        issue = None
        if kind == "issue":
            issue = self.issue_info(content)
        elif publication.issue is not None:
            issue = self.issue_info(publication.issue)
        pdf = (m.get("pdf") or "").strip()
        if pdf and "://" not in pdf:
            pdf = self.absolute(quote(pdf.lstrip("/")))

        return Work(
            kind=kind,
            title=str(content.title),
            url=self.absolute(content.url),
            lang=language.html_lang,
            lang_code=language.code,
            locale=language.locale,
            date=content.date.date() if getattr(content, "date", None) else None,
            description=str(m.get("summary") or ""),
            authors=authors,
            publisher=publisher,
            site_name=language.sitename,
            keywords=tuple(str(tag) for tag in getattr(content, "tags", ()) or ()),
            images=self.image_infos(content),
            report_number=m.get("report_number") or None,
            report_year=str(m["year"]) if kind == "report" and m.get("year") else None,
            session=m.get("session") or None,
            source=m.get("source") or None,
            pdf_url=pdf or None,
            issue=issue,
            column=publication.column.name if publication.column else None,
            parts=tuple(ref(article) for article in publication.articles),
            original=original,
            translations=translations,
            og_locale=language.og_locale,
            alternate_locales=tuple(self.languages[t.lang].og_locale for t in others),
            breadcrumbs=self.breadcrumbs(content, language, kind),
        )

    # Jinja globals --------------------------------------------------------------------------

    def install(self, generator):
        if not self.active:
            return
        run = self

        def machine_metadata(content=None, versions=(), language=None):
            """Everything for <head>: meta tags and the JSON-LD (empty for hidden pages)."""
            if content is None or not hasattr(content, "metadata"):
                if language is None:
                    return MachineMetadata((), None)
                current = next((v for v in versions if v.current), None)
                url = run.absolute(current.url if current else language.prefix)
                alternates = [v.language.og_locale for v in versions if v.available and not v.current]
                return MachineMetadata(tuple(metadata.listing_tags(language.sitename, url, language.sitename,
                                                                   language.og_locale, alternates)), None)
            if getattr(content, "status", "") == "hidden":
                return MachineMetadata((), None)
            work = run.work(content)
            tags = (*metadata.highwire(work), *metadata.open_graph(work))
            return MachineMetadata(tuple(tags), Markup(metadata.script_json(metadata.json_ld(work))))

        def citation(content, section=None):
            """The citation of `content`, or of one of its sections (with its deep link)."""
            style = run.options.citation_styles[content.lang]
            part = Section(str(section.id), str(section.title)) if section is not None else None
            return cite(run.work(content), style, part)

        def citation_style(content):
            return STYLE_NAMES[run.options.citation_styles[content.lang]]

        generator.env.globals.update(
            machine_metadata=machine_metadata, citation=citation, citation_style=citation_style
        )


@dataclass(frozen=True)
class MachineMetadata:
    tags: tuple  # metadata.MetaTag
    json_ld: Markup | None


class PublicationsGenerator(Generator):
    """Resolves the magazine and the neighbours once all articles are read, and writes the
    picture files."""

    run: PublicationsRun  # set by register()

    def generate_context(self):
        self.run.resolve(self.context)

    def generate_output(self, writer):
        self.run.write_pictures(self.output_path)
