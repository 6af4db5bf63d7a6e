"""Pelican glue: the site-wide section index, sections.json and parallel reading
pages, once per language, plus the zh/en outline alignment check."""

import json
import logging
import os
from collections import defaultdict

from bilingual.settings import read_languages
from pelican.generators import Generator
from pelican.writers import Writer

from .background import Forked, can_fork
from .chunks import split_by_sections
from .ordinals import ordinal_gaps
from .outline import compare_outlines, flatten
from .records import Publication, document, records_for
from .settings import read_settings

logger = logging.getLogger(__name__)


def as_publication(article) -> Publication:
    return Publication(
        url=article.url,
        slug=article.slug,
        title=article.title,
        lang=article.lang,
        date=article.date.date().isoformat(),
        kind=article.metadata.get("kind", ""),
        sections=getattr(article, "sections", ()),
        column=article.metadata.get("column"),
    )


def published_translations(article):
    return [t for t in article.translations if t.status == "published"]


class SectionIndexGenerator(Generator):
    def generate_context(self):
        self.output_job = None
        self.options = read_settings(self.settings)
        self.languages = read_languages(self.settings)
        self.articles_by_lang = self.context.get("articles_by_lang", {})
        for articles in self.articles_by_lang.values():
            for article in articles:
                self.check_numbering(article)
                if published_translations(article):
                    article.parallel_url = article.url + self.options.parallel_url
                if article.in_default_lang:
                    for translation in published_translations(article):
                        self.check_alignment(article, translation)

    def check_numbering(self, article):
        midway = begins_midway(article)
        for siblings in sibling_groups(article.sections):
            for problem in ordinal_gaps([s.ordinal for s in siblings]):
                if midway and problem.startswith("numbering starts at"):
                    continue
                logger.warning("%s: numbering: %s", article.source_path, problem)

    def check_alignment(self, original, translation):
        mismatches = compare_outlines(
            original.sections, translation.sections, a_name=original.lang, b_name=translation.lang
        )
        log = logger.error if self.options.alignment == "error" else logger.warning
        for mismatch in mismatches:
            log(
                "%s and %s: outlines differ: %s — give both versions the same headings and bold leads"
                " (or set SECTION_INDEX_ALIGNMENT = 'warning' while translating)",
                original.source_path, translation.source_path, mismatch,
            )

    def start_output(self):
        """Start writing this plugin's pages beside Pelican's, once every link is final (see
        background.py). With its own Writer of Pelican's: a copy cannot share the build's."""
        if self.options.background and can_fork():
            writer = Writer(self.output_path, settings=self.settings)
            self.output_job = Forked(lambda: self.write_pages(writer), name="section index pages")

    def generate_output(self, writer):
        if self.output_job is None:
            self.write_pages(writer)
        else:
            self.output_job.wait()
            self.output_job = None

    def write_pages(self, writer):
        for language in self.languages:
            articles = self.articles_by_lang.get(language.code, [])
            self.write_index(writer, language, [a for a in articles if a.sections])
            for article in articles:
                self.write_parallel(writer, language, article)

    def write_index(self, writer, language, articles):
        url = language.prefix + self.options.index_url
        by_kind = defaultdict(list)
        for article in articles:
            by_kind[article.metadata.get("kind")].append(article)
        kinds = [(kind, by_kind[kind]) for kind in self.settings.get("PUBLICATION_KINDS", {}) if by_kind[kind]]
        writer.write_file(
            url + "index.html",
            self.get_template("sections"),
            self.context,
            page_lang=language.code,
            page_url=url,
            kinds=kinds,
            columns=columns_of(articles, self.settings.get("MAGAZINE_COLUMNS", {})),
            json_url=url + self.options.json_name,
        )
        records = []
        for article in articles:
            translations = [as_publication(t) for t in published_translations(article)]
            records.extend(records_for(as_publication(article), translations))
        path = os.path.join(self.output_path, url, self.options.json_name)
        with open(path, "w", encoding="utf-8") as out:
            json.dump(document(language.code, records), out, ensure_ascii=False, indent=1)
            out.write("\n")

    def write_parallel(self, writer, language, article):
        translations = published_translations(article)
        if not translations:
            return
        other = translations[0]
        sections = flatten(article.sections)
        ids = [s.id for s in sections]
        url = article.parallel_url
        own_chunks = {c.section_id: c.html for c in split_by_sections(article.content, ids)}
        other_chunks = {c.section_id: c.html for c in split_by_sections(other.content, ids)}
        # The rows carry the article's own ids, so a link to a part of the
        # article (or the language switch, which keeps the #fragment) works here too.
        rows = [
            (section, own_chunks.get(key, ""), other_chunks.get(key, ""))
            for section, key in [(None, None), *((s, s.id) for s in sections)]
            if key in own_chunks or key in other_chunks
        ]
        by_code = {lang.code: lang for lang in self.languages}
        writer.write_file(
            url + "index.html",
            self.get_template("parallel"),
            self.context,
            page_lang=language.code,
            page_url=url,
            publication=article,
            translation=other,
            own_language=by_code[article.lang],
            other_language=by_code[other.lang],
            rows=rows,
            begins_midway=begins_midway(article),
        )


def begins_midway(article) -> bool:
    """The source lacks its opening pages (metadata Begins_midway), as its editor's note says."""
    return str(article.metadata.get("begins_midway", "")).lower() == "true"


def sibling_groups(sections):
    if sections:
        yield sections
    for section in sections:
        yield from sibling_groups(section.children)


def columns_of(articles, columns):
    """Magazine articles by column, in the controlled list's order."""
    by_column = defaultdict(list)
    for article in articles:
        column = article.metadata.get("column")
        if column:
            by_column[column].append(article)
    return [(key, names, by_column[key]) for key, names in columns.items() if by_column[key]]
