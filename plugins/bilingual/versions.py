"""Which language versions a page has, and where each one lives.

Every page of a language lives under that language's URL prefix, so the
address of a page's other-language version is its own address with the prefix
swapped. A content item whose translation does not exist still gets that
address: the bilingual generator writes an honest "not translated yet" notice
there.
"""

from dataclasses import dataclass

from .settings import Language


@dataclass(frozen=True)
class Version:
    language: Language
    url: str  # site-relative, no leading slash
    available: bool  # False: the address holds a "not translated" notice
    current: bool
    # False when the address is only the nearest page in that language (a tag
    # that no tag there is the same subject as switches to that language's tag
    # index; tags.pair_tags), which must not be claimed as an hreflang alternate.
    equivalent: bool = True


def strip_prefix(url: str, language: Language) -> str:
    if language.prefix and url.startswith(language.prefix):
        return url[len(language.prefix):]
    return url


def swap_prefix(url: str, source: Language, target: Language) -> str:
    return target.prefix + strip_prefix(url, source)


def versions_of(url: str, lang: str, translated: dict[str, str], languages) -> tuple[Version, ...]:
    """All language versions of the page at `url` in `lang`.

    `translated` maps language codes to the URLs of existing translations.
    """
    by_code = {language.code: language for language in languages}
    own = by_code[lang]
    versions = []
    for language in languages:
        if language.code == lang:
            versions.append(Version(language, url, available=True, current=True))
        elif language.code in translated:
            versions.append(Version(language, translated[language.code], available=True, current=False))
        else:
            versions.append(Version(language, swap_prefix(url, own, language), available=False, current=False))
    return tuple(versions)


def content_versions(content, languages) -> tuple[Version, ...]:
    translated = {
        item.lang: item.url for item in content.translations if item.status == content.status
    }
    return versions_of(content.url, content.lang, translated, languages)
