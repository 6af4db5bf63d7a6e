"""Neighbours, pure: previous and next within a sequence, related publications by shared tags."""

from datetime import date
from itertools import pairwise

from hypothesis import given
from hypothesis import strategies as st
from publications.neighbours import Neighbours, Record, neighbours


def story(slug, day, tags=(), lang="zh", kind="story", **extra) -> Record:
    return Record(item=f"{lang}:{slug}", kind=kind, lang=lang, slug=slug, date=date(2023, 1, day), tags=tuple(tags), **extra)


def of(records, limit=3):
    return neighbours(records, limit)


# previous and next ---------------------------------------------------------------------------


def test_a_sequence_runs_by_date_whatever_the_input_order():
    found = of([story("c", 30), story("a", 10), story("b", 20)])
    assert found["zh", "a"] == Neighbours(None, "zh:b", ())
    assert found["zh", "b"] == Neighbours("zh:a", "zh:c", ())
    assert found["zh", "c"] == Neighbours("zh:b", None, ())


def test_equal_dates_are_ordered_by_slug():
    for records in ([story("y", 5), story("x", 5)], [story("x", 5), story("y", 5)]):
        found = of(records)
        assert (found["zh", "x"].next, found["zh", "y"].previous) == ("zh:y", "zh:x")


def test_kinds_and_languages_are_separate_sequences():
    found = of([story("a", 1), story("r", 2, kind="report"), story("b", 3), story("e", 2, lang="en")])
    assert found["zh", "a"].next == "zh:b"
    assert (found["zh", "r"].previous, found["zh", "r"].next) == (None, None)
    assert (found["en", "e"].previous, found["en", "e"].next) == (None, None)


def test_magazine_articles_run_through_their_issue_in_column_order_and_stop_at_its_end():
    articles = [
        story("songs", 1, kind="article", series="2023-1", position=2),
        story("station", 9, kind="article", series="2023-1", position=0),
        story("care", 9, kind="article", series="2023-1", position=0),
        story("studio", 5, kind="article", series="2023-1", position=1),
        story("later", 20, kind="article", series="2023-2", position=0),
    ]
    found = of(articles)
    chain = ["care", "station", "studio", "songs"]  # column, then date and slug within a column
    for before, after in pairwise(chain):
        assert found["zh", before].next == f"zh:{after}" and found["zh", after].previous == f"zh:{before}"
    assert found["zh", "care"].previous is None and found["zh", "songs"].next is None
    assert (found["zh", "later"].previous, found["zh", "later"].next) == (None, None)


# related publications ----------------------------------------------------------------------------


def test_related_are_ranked_by_shared_tags_then_newest_first():
    records = [
        story("me", 1, ["sea", "pier", "history"], kind="report"),
        story("one-old", 2, ["history"]),
        story("one-new", 9, ["sea"]),
        story("two", 3, ["sea", "history", "boats"]),
        story("three", 4, ["pier", "history", "sea"], kind="article"),
        story("none", 8, ["boats"]),
    ]
    assert of(records, limit=10)["zh", "me"].related == ("zh:three", "zh:two", "zh:one-new", "zh:one-old")


def test_related_ties_are_broken_by_slug():
    records = [story("me", 1, ["sea"], kind="report"), story("b", 5, ["sea"]), story("a", 5, ["sea"])]
    assert of(records)["zh", "me"].related == ("zh:a", "zh:b")


def test_related_leave_out_the_page_itself_and_its_previous_and_next():
    records = [story("a", 1, ["sea"]), story("b", 2, ["sea"]), story("c", 3, ["sea"]), story("d", 4, ["sea"])]
    found = of(records)
    assert found["zh", "b"].related == ("zh:d",)  # a and c are its previous and next
    assert found["zh", "a"].related == ("zh:d", "zh:c")


def test_related_are_at_most_the_limit():
    records = [story("me", 1, ["sea"], kind="report"), *(story(f"s{n}", n + 1, ["sea"]) for n in range(6))]
    assert of(records, limit=2)["zh", "me"].related == ("zh:s5", "zh:s4")
    assert of(records, limit=0)["zh", "me"].related == ()


def test_without_shared_tags_nothing_is_related():
    found = of([story("a", 1, ["sea"]), story("b", 2, ["pier"]), story("c", 3), story("d", 4, ["hills"])])
    assert all(found["zh", slug].related == () for slug in "abcd")


def test_related_stay_in_their_language():
    records = [story("a", 1, ["history"]), story("b", 2, ["history"], lang="en"), story("c", 3, ["history"], kind="report", lang="en")]
    found = of(records)
    assert found["zh", "a"].related == ()
    assert found["en", "b"].related == ("en:c",)


def test_a_tag_given_twice_counts_once():
    records = [story("me", 1, ["sea", "pier"], kind="report"), story("twice", 5, ["sea", "sea"]), story("two", 2, ["sea", "pier"])]
    assert of(records)["zh", "me"].related == ("zh:two", "zh:twice")


# the index gives what the definition says ---------------------------------------------------------

TAGS = st.lists(st.sampled_from(["a", "b", "c", "d", "e"]), max_size=4)
RECORDS = st.lists(
    st.tuples(st.sampled_from(["report", "story"]), st.sampled_from(["zh", "en"]), st.integers(1, 6), TAGS),
    max_size=25,
).map(lambda rows: [story(f"p{n}", day, tags, lang=lang, kind=kind) for n, (kind, lang, day, tags) in enumerate(rows)])


def related_by_definition(records, me, excluded, limit):
    """Every other publication of the language sharing a tag, by shared tags, newest, slug."""
    others = [r for r in records if r.lang == me.lang and r.item not in excluded and set(r.tags) & set(me.tags)]
    others.sort(key=lambda r: (-len(set(r.tags) & set(me.tags)), -r.date.toordinal(), r.slug))
    return tuple(r.item for r in others[:limit])


@given(RECORDS, st.integers(0, 4))
def test_related_publications_are_those_of_the_definition(records, limit):
    found = of(records, limit)
    for record in records:
        near = found[record.lang, record.slug]
        excluded = {record.item, near.previous, near.next}
        assert near.related == related_by_definition(records, record, excluded, limit)
