"""Magazine issues: columns in the set order, neighbours per language, the archive by year."""

from datetime import datetime
from types import SimpleNamespace

from publications.magazine import build_magazine, group_by_column

COLUMNS = {
    "consultation": {"zh": "协商议政", "en": "Consultation"},
    "members": {"zh": "委员风采", "en": "Members"},
    "history": {"zh": "文史天地", "en": "History"},
}


def issue(slug, year, number, lang="zh", date=None):
    return SimpleNamespace(
        slug=slug, lang=lang, date=date or datetime(int(year), int(number) * 3, 1),
        metadata={"kind": "issue", "year": str(year), "number": str(number)},
    )


def article(slug, issue_slug, column, lang="zh", day=1):
    return SimpleNamespace(
        slug=slug, lang=lang, date=datetime(2023, 3, day),
        metadata={"kind": "article", "issue": issue_slug, "column": column},
    )


def test_articles_are_grouped_in_the_column_order_not_the_file_order():
    items = [article("c", "2023-1", "history"), article("b", "2023-1", "consultation", day=2),
             article("a", "2023-1", "consultation", day=1)]
    groups = group_by_column(items, "zh", COLUMNS)
    assert [(g.column.key, g.column.name, [a.slug for a in g.articles]) for g in groups] == [
        ("consultation", "协商议政", ["a", "b"]),
        ("history", "文史天地", ["c"]),  # the empty "members" column is left out
    ]
    assert groups[0].column.anchor == "column-consultation"


def test_column_names_follow_the_language():
    groups = group_by_column([article("a", "2023-1", "members", lang="en")], "en", COLUMNS)
    assert groups[0].column.name == "Members"


def test_each_language_has_its_issues_neighbours_and_contents():
    first, second, third = issue("2022-4", 2022, 4), issue("2023-1", 2023, 1), issue("2023-2", 2023, 2)
    english = issue("2023-1", 2023, 1, lang="en")
    items = [third, first, second, english, article("a", "2023-1", "history"), article("a", "2023-1", "history", "en")]
    zh = build_magazine(items, "zh", COLUMNS)
    assert [i.slug for i in zh.issues] == ["2022-4", "2023-1", "2023-2"]
    assert zh.neighbours(second) == (first, third)
    assert zh.neighbours(first) == (None, second)
    assert zh.neighbours(third) == (second, None)
    assert [a.slug for g in zh.contents["2023-1"] for a in g.articles] == ["a"]
    assert zh.issue_of[id(items[4])] is second
    en = build_magazine(items, "en", COLUMNS)
    assert en.issues == (english,) and en.neighbours(english) == (None, None)
    assert en.issue_of[id(items[5])] is english


def test_numbers_sort_as_numbers():
    items = [issue("2023-10", 2023, 10, date=datetime(2023, 12, 1)), issue("2023-9", 2023, 9, date=datetime(2023, 11, 1))]
    assert [i.slug for i in build_magazine(items, "zh", COLUMNS).issues] == ["2023-9", "2023-10"]


def test_the_archive_is_by_year_newest_first():
    items = [issue("2022-4", 2022, 4), issue("2023-1", 2023, 1), issue("2023-2", 2023, 2)]
    years = build_magazine(items, "zh", COLUMNS).by_year()
    assert [(year, [i.slug for i in group]) for year, group in years] == [(2023, ["2023-2", "2023-1"]), (2022, ["2022-4"])]


def test_an_unknown_issue_or_column_is_a_problem_naming_the_article():
    lost, odd = article("lost", "2099-1", "history"), article("odd", "2023-1", "sport")
    built = build_magazine([issue("2023-1", 2023, 1), lost, odd], "zh", COLUMNS)
    assert [(p.item.slug, p.what) for p in built.problems] == [
        ("lost", 'Issue "2099-1" names no issue in this language'),
        ("odd", 'Column "sport" is not in MAGAZINE_COLUMNS'),
    ]
    assert built.contents["2023-1"] == ()
