"""Tags across languages: which tag of one language is the same subject as a tag of the
other, and the order in which each language lists its tags.

Tags are free text per language, so nothing declares that 协商驿站 and "Consultation
stations" are one subject; the publications that carry them do. The rule is strict, because
the language switcher and hreflang then claim the two tag pages are the same page:

1. The two tags are carried by the same publications: of the publications that exist in both
   languages, exactly those tagged T in one language are tagged U in the other (at least one).
   A tag whose translation was left off one of them, or added to another, is not paired.
2. No other tag pairs up as well. Several tags often share that set of publications (the
   tags of a single publication do): then T and U must also stand at the same place in the
   Tags line of each of those publications, as a translator who translates the line in order
   leaves them, and no other tag of that set may stand at the same places. A place counts
   only in Tags lines of the same length in both languages, so a translation that left one
   tag out moves no other tag into its place (the generator gives places as (index, length)).

A tag that pairs with none keeps its fallback: the other language's tag index.
"""

from collections import defaultdict
from collections.abc import Callable, Hashable, Mapping

from pypinyin import Style, lazy_pinyin

# tag → {publication (a key shared by its language versions): the tag's place in its Tags line}
Places = Mapping[Hashable, Mapping[Hashable, Hashable]]


def pair_tags(tags: Places, other: Places) -> dict[Hashable, Hashable]:
    """Each tag of `tags` that is the same subject as a tag of `other`, mapped to it.

    Both count only publications that exist in both languages. The pairing is one-to-one,
    so the reverse mapping is the pairing seen from `other`.
    """
    by_publications = defaultdict(lambda: ([], []))
    for side, places in enumerate((tags, other)):
        for tag, where in places.items():
            if where:
                by_publications[frozenset(where)][side].append(tag)
    pairs = {}
    for own, theirs in by_publications.values():
        if len(own) == len(theirs) == 1:
            pairs[own[0]] = theirs[0]
            continue
        own_by_place, their_by_place = alone_at_their_places(own, tags), alone_at_their_places(theirs, other)
        pairs.update(
            (own_by_place[where], their_by_place[where]) for where in own_by_place.keys() & their_by_place.keys()
        )
    return pairs


def alone_at_their_places(candidates, places: Places) -> dict[frozenset, Hashable]:
    """The candidates that no other candidate shares all places with, by those places."""
    found = defaultdict(list)
    for tag in candidates:
        found[frozenset(places[tag].items())].append(tag)
    return {where: tags[0] for where, tags in found.items() if len(tags) == 1}


# order of a language's tag index ---------------------------------------------------------------


def alphabetical(name: str):
    """Letters regardless of case ("common prosperity" beside "Consultation stations")."""
    return name.casefold(), name


def pinyin(name: str):
    """As a Chinese dictionary orders words: syllable by syllable, by letters, then by tone
    (xiang1 before xie2 before xie4). Code-point order (乡 共 养 协) reads as random."""
    syllables = lazy_pinyin(name, style=Style.TONE3, neutral_tone_with_five=True)
    return tuple(syllable.casefold() for syllable in syllables), name


COLLATIONS: dict[str, Callable[[str], tuple]] = {"alphabetical": alphabetical, "pinyin": pinyin}
