"""The machine-readable section index (sections.json): one record per section."""

from dataclasses import dataclass, fields

from .outline import flatten

SCHEMA_VERSION = 1


@dataclass(frozen=True)
class Publication:
    """What the index needs of a publication, apart from Pelican's objects."""

    url: str
    slug: str
    title: str
    lang: str
    date: str  # ISO date
    kind: str
    sections: tuple
    column: str | None = None


@dataclass(frozen=True)
class SectionRecord:
    id: str
    title: str
    level: int
    url: str  # site-relative, with the #fragment
    publication: str  # the publication's slug, shared by its translations
    publication_title: str
    kind: str
    date: str  # ISO date
    lang: str
    other_lang_url: str | None  # the same section in the other language, if it exists


def section_url(page_url: str, section_id: str) -> str:
    return f"{page_url}#{section_id}"


def records_for(publication: Publication, translations) -> list[SectionRecord]:
    """Records of every section of `publication`; `translations` are Publications too."""
    return _records(publication, translations)


def _records(publication, translations) -> list[SectionRecord]:
    other_ids = {
        t.lang: (t.url, {s.id for s in flatten(t.sections)}) for t in translations
    }
    records = []
    for section in flatten(publication.sections):
        other = next(
            (section_url(url, section.id) for url, ids in other_ids.values() if section.id in ids),
            None,
        )
        records.append(
            SectionRecord(
                id=section.id,
                title=section.title,
                level=section.level,
                url=section_url(publication.url, section.id),
                publication=publication.slug,
                publication_title=publication.title,
                kind=publication.kind,
                date=publication.date,
                lang=publication.lang,
                other_lang_url=other,
            )
        )
    return records


def document(lang: str, records) -> dict:
    # Not dataclasses.asdict: it deep-copies every value, three times slower on
    # an archive's tens of thousands of flat records.
    names = [field.name for field in fields(SectionRecord)]
    return {
        "version": SCHEMA_VERSION,
        "lang": lang,
        "sections": [{name: getattr(r, name) for name in names} for r in records],
    }
