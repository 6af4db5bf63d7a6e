"""The strict checks on small content trees: each kind of problem, its line and its fix."""

from datetime import UTC, datetime

import pytest
from strict_tree import GOOD, NOW, changed, check_tree, without

BOM = b"\xef\xbb\xbf"

# (name, files, file with the problem, line, words of what is wrong, words of the fix)
CASES = [
    ("missing title", changed("stories/pier.zh.md", "Title: 老码头\n", ""),
     "stories/pier.zh.md", 1, "no Title in the metadata block", 'add a line "Title:'),
    ("empty title", changed("stories/pier.zh.md", "Title: 老码头", "Title:"),
     "stories/pier.zh.md", 1, "Title is empty", 'write a value after "Title:"'),
    ("malformed date", changed("stories/pier.zh.md", "Date: 2023-04-18", "Date: 2023/4/18"),
     "stories/pier.zh.md", 2, 'Date "2023/4/18" is not an ISO date', '"Date: 2023-04-18"'),
    ("impossible date", changed("stories/pier.zh.md", "Date: 2023-04-18", "Date: 2023-02-30"),
     "stories/pier.zh.md", 2, "is not an ISO date", "YYYY-MM-DD"),
    ("importer TODO date", changed("stories/pier.zh.md", "Date: 2023-04-18", "Date: TODO"),
     "stories/pier.zh.md", 2, "Date is TODO", "replace TODO with the date of publication"),
    ("missing date", changed("stories/pier.zh.md", "Date: 2023-04-18\n", ""),
     "stories/pier.zh.md", 1, "no Date", '"Date: 2023-02-14"'),
    ("unknown lang", changed("stories/pier.en.md", "Lang: en", "Lang: fr"),
     "stories/pier.en.md", 4, 'Lang "fr" is not one of zh, en', '"Lang: zh" or "Lang: en"'),
    ("lang against file name", changed("stories/pier.en.md", "Lang: en", "Lang: zh"),
     "stories/pier.en.md", 4, "Lang is zh, but the file name ends in .en.md", "rename the file to pier.zh.md"),
    ("file name without language", {**without("pages/about.en.md"), "pages/about.md": GOOD["pages/about.en.md"]},
     "pages/about.md", 1, "file name does not say its language", "about.zh.md or about.en.md"),
    ("unknown kind", changed("stories/pier.zh.md", "Kind: story", "Kind: magazine"),
     "stories/pier.zh.md", 3, 'Kind "magazine" is not one of report, story, issue, article', '"Kind: report"'),
    ("kind against folder", changed("stories/pier.zh.md", "Kind: story", "Kind: report"),
     "stories/pier.zh.md", 3, "Kind is report, but stories/ holds story", 'set "Kind: story", or move the file to reports/'),
    ("kind in a page", changed("pages/about.zh.md", "Lang: zh", "Lang: zh\nKind: story"),
     "pages/about.zh.md", 4, "files in pages/ are pages", "delete the Kind line, or move the file to stories/"),
    ("missing kind", changed("stories/pier.zh.md", "Kind: story\n", ""),
     "stories/pier.zh.md", 1, "no Kind", '"Kind: report"'),
    ("future date", changed("stories/pier.zh.md", "Date: 2023-04-18", "Date: 2026-01-02"),
     "stories/pier.zh.md", 2, "Date 2026-01-02 is in the future", 'add "Status: draft"'),
    ("duplicate slug", {**GOOD, "stories/pier-again.zh.md": GOOD["stories/pier.zh.md"]},
     "stories/pier.zh.md", 5, 'Slug "pier" is already used by', "give one of them another Slug"),
    ("slug with spaces", changed("pages/about.zh.md", "Slug: about", "Slug: About Us"),
     "pages/about.zh.md", 2, 'Slug "About Us" has characters other than', "lowercase ASCII words joined by '-'"),
    ("translation without original", without("stories/pier.zh.md"),
     "stories/pier.en.md", 5, 'English translation has no Chinese original with Slug "pier"', "add the original"),
    ("translation with another slug", changed("stories/pier.en.md", "Slug: pier", "Slug: old-pier"),
     "stories/pier.en.md", 5, 'no Chinese original with Slug "old-pier"', "give this file the Slug of its original"),
    ("original marked as translation", changed("stories/pier.zh.md", "Sample: true", "Translation: true"),
     "stories/pier.zh.md", 6, "Chinese file says Translation: true", "delete the Translation line"),
    ("article naming a missing issue", changed("magazine/2023-1/station.zh.md", "Issue: 2023-1", "Issue: 2023-9"),
     "magazine/2023-1/station.zh.md", 6, 'Issue "2023-9" names no magazine issue (issues: 2023-1)',
     "use the Slug of an issue, or add content/magazine/2023-9/issue.zh.md"),
    ("issue without this language", without("magazine/2023-1/issue.en.md"),
     "magazine/2023-1/station.en.md", 7, 'Issue "2023-1" has no English version (only Chinese)', "add the issue's English file"),
    ("article without column", changed("magazine/2023-1/station.zh.md", "Column: consultation\n", ""),
     "magazine/2023-1/station.zh.md", 1, "no Column in the metadata block (every article needs one)", '"Column: consultation"'),
    ("column not in the list", changed("magazine/2023-1/station.zh.md", "Column: consultation", "Column: sports"),
     "magazine/2023-1/station.zh.md", 7, 'Column "sports" is not one of the magazine\'s columns (consultation, members, history)',
     "add the column to MAGAZINE_COLUMNS in pelicanconf.py"),
    ("report without source", changed("reports/work-report.zh.md", "Source: 报纸版面录入\n", ""),
     "reports/work-report.zh.md", 1, "no Source in the metadata block (every report needs one)", '"Source: 报纸版面录入"'),
    ("two-digit year", changed("reports/work-report.zh.md", "Year: 2022", "Year: 22"),
     "reports/work-report.zh.md", 6, 'Year "22" is not a four-digit year', '"Year: 2022"'),
    ("issue number zero", changed("magazine/2023-1/issue.zh.md", "Number: 1", "Number: 0"),
     "magazine/2023-1/issue.zh.md", 8, 'Number "0" is not a whole number from 1 up', '"Number: 1"'),
    ("missing cover", changed("magazine/2023-1/issue.zh.md", "Cover: images/cover.jpg", "Cover: images/nope.jpg"),
     "magazine/2023-1/issue.zh.md", 9, "points to content/images/nope.jpg, which does not exist", "correct the path"),
    ("cover without alt", changed("magazine/2023-1/issue.zh.md", "Cover_alt: 封面\n", ""),
     "magazine/2023-1/issue.zh.md", 1, "no Cover_alt", "Cover_alt:"),
    ("missing image", changed("stories/pier.zh.md", '<img src="{static}/images/pier.jpg"', '<img src="{static}/images/gone.jpg"'),
     "stories/pier.zh.md", 9, 'image "{static}/images/gone.jpg" points to content/images/gone.jpg, which does not exist',
     "or add the file"),
    ("image without alt", changed("stories/pier.en.md", ' alt="The pier at dawn"', ""),
     "stories/pier.en.md", 8, '<img src="{static}/images/pier.jpg"> has no alt text', 'add alt="…"'),
    ("image with empty alt", changed("stories/pier.en.md", 'alt="The pier at dawn"', 'alt=" "'),
     "stories/pier.en.md", 8, "has empty alt text", "describe what the picture shows"),
    ("markdown image without alt", changed("stories/pier.zh.md", "![码头远景]", "![]"),
     "stories/pier.zh.md", 12, "has empty alt text", "between the brackets"),
    ("link to a missing file", changed("reports/work-report.zh.md", "{filename}/stories/pier.zh.md", "{filename}/stories/peir.zh.md"),
     "reports/work-report.zh.md", 14, 'link "{filename}/stories/peir.zh.md" points to content/stories/peir.zh.md, which does not exist',
     "paths starting with / are relative to content/"),
    ("relative link to a missing file", changed("reports/work-report.en.md", "{filename}../stories/pier.en.md", "{filename}../story/pier.en.md"),
     "reports/work-report.en.md", 14, "points to content/story/pier.en.md", "correct the path"),
    ("link outside content", changed("reports/work-report.en.md", "{filename}../stories/pier.en.md", "{filename}../../README.md"),
     "reports/work-report.en.md", 14, "points outside content/", "inside content/"),
    ("site path to nothing", changed("reports/work-report.zh.md", "/en/reports/work-report/", "/en/report/work-report/"),
     "reports/work-report.zh.md", 14, 'link "/en/report/work-report/" leads to nothing on the site', "correct the path"),
    ("link relative to the page URL", changed("reports/work-report.zh.md", "/en/reports/work-report/", "../en/reports/"),
     "reports/work-report.zh.md", 14, "is relative, so where it leads depends on the page's URL", "{filename}"),
    ("malformed metadata line", changed("stories/pier.zh.md", "Kind: story", "Kind：story"),
     "stories/pier.zh.md", 3, "(it uses the full-width colon '：')",
     "ASCII colon"),
    ("space before the colon", changed("stories/pier.zh.md", "Kind: story", "Kind : story"),
     "stories/pier.zh.md", 3, "there is a space before the ':'", "ASCII colon"),
    ("text right after the metadata", changed("pages/about.zh.md", "Lang: zh\n\n", "Lang: zh\n"),
     "pages/about.zh.md", 4, "the metadata block ends here", "leave a blank line between the metadata and the text"),
    ("misspelt key", changed("stories/pier.zh.md", "Sample: true", "Smaple: true"),
     "stories/pier.zh.md", 6, 'unknown metadata key "Smaple" (did you mean "Sample"?)', 'write "Sample:"'),
    ("key given twice", changed("stories/pier.zh.md", "Sample: true", "Title: 又一个标题"),
     "stories/pier.zh.md", 6, "Title is given twice (first on line 1)", "keep one of the two lines"),
    ("continued value", changed("stories/pier.zh.md", "Title: 老码头\n", "Title: 老码头\n    的早晨\n"),
     "stories/pier.zh.md", 2, "indented line continues Title", "join it onto line 1"),
    ("flag set to false", changed("stories/pier.zh.md", "Sample: true", "Sample: false"),
     "stories/pier.zh.md", 6, "Sample: false is read as a non-empty text", "delete the Sample line instead"),
    ("unknown status", changed("stories/pier.zh.md", "Sample: true", "Status: unpublished"),
     "stories/pier.zh.md", 6, 'Status "unpublished" is not one of published, draft, hidden', '"Status: draft"'),
    ("empty tag", changed("reports/work-report.zh.md", "Tags: 工作报告, 协商民主", "Tags: 工作报告,, 协商民主"),
     "reports/work-report.zh.md", 10, "Tags has an empty tag", "single commas"),
    ("empty file", {**GOOD, "stories/empty.zh.md": ""},
     "stories/empty.zh.md", 1, "the file is empty", "or delete the file"),
    ("blank lines at the top", changed("pages/about.zh.md", "Title:", "\n\nTitle:"),
     "pages/about.zh.md", 1, "starts with 2 blank lines, so Pelican reads no metadata", "delete the blank lines"),
    ("no metadata block", {**GOOD, "stories/notes.zh.md": "只是一段文字。\n\n又一段。\n"},
     "stories/notes.zh.md", 1, "does not start with a metadata block", "start the file with Title:, Date:"),
    ("not UTF-8", {**GOOD, "stories/gbk.zh.md": "Title: 故事\nDate: 2023-01-01\n正文\n".encode("gb18030")},
     "stories/gbk.zh.md", 1, "cannot be read as UTF-8", "re-save it as UTF-8"),
    ("not UTF-8, further down", {**GOOD, "stories/gbk.zh.md": b"Title: x\nDate: 2023-01-01\n\n\xb9\xca\xca\xc2\n"},
     "stories/gbk.zh.md", 4, "byte 0xb9 is not UTF-8; it looks like GBK/GB18030", "Save with Encoding"),
    ("file outside the content folders", {**GOOD, "notes/pier.zh.md": GOOD["stories/pier.zh.md"].replace("Slug: pier", "Slug: notes")},
     "notes/pier.zh.md", 1, "Pelican does not read content files in notes/", "move the file into one of reports/, stories/, magazine/, pages/"),
    ("magazine file outside an issue folder", {**GOOD, "magazine/loose.zh.md": GOOD["magazine/2023-1/station.zh.md"].replace("2023-1-station", "loose")},
     "magazine/loose.zh.md", 1, "magazine files belong in one folder per issue", "magazine/<issue slug>/"),
    ("article in another issue's folder", {**GOOD, "magazine/2023-2/issue.zh.md": GOOD["magazine/2023-1/issue.zh.md"].replace("Slug: 2023-1", "Slug: 2023-2"),
                                           "magazine/2023-2/issue.en.md": GOOD["magazine/2023-1/issue.en.md"].replace("Slug: 2023-1", "Slug: 2023-2"),
                                           "magazine/2023-2/station.zh.md": GOOD["magazine/2023-1/station.zh.md"].replace("2023-1-station", "2023-2-station")},
     "magazine/2023-2/station.zh.md", 6, "Issue is 2023-1, but the file is in the folder of issue 2023-2", 'set "Issue: 2023-2"'),
    ("link to a draft", changed("stories/pier.zh.md", "Sample: true", "Status: draft"),
     "reports/work-report.zh.md", 14, 'leads to', "publish the linked file first"),
    ("not Markdown", {**GOOD, "stories/pier.zh.html": "<p>hi</p>"},
     "stories/pier.zh.html", 1, ".html files are not content", "write the text in Markdown"),
]


@pytest.mark.parametrize(("name", "files", "path", "line", "what", "fix"), CASES, ids=[case[0] for case in CASES])
def test_each_problem_names_its_file_line_and_fix_and_is_the_only_one(tmp_path, name, files, path, line, what, fix):
    problems = check_tree(tmp_path, files)
    shown = (tmp_path / "content" / path).as_posix()
    mine = [p for p in problems if p.path == shown and what in f"{p.what} — {p.fix}"]
    assert mine, f"{name}: no problem with {what!r} in {path}; got:\n" + "\n".join(map(str, problems))
    problem = mine[0]
    assert problem.line == line
    assert fix in problem.fix
    assert str(problem) == f"{shown}:{line}: {problem.what} — {problem.fix}"
    # One mistake gives one problem (or two that say different things), not a cascade.
    assert len(problems) <= 2, "\n".join(map(str, problems))


def test_the_good_tree_has_no_problems(tmp_path):
    assert check_tree(tmp_path, GOOD) == []


def test_every_problem_is_reported_in_one_run_in_file_and_line_order(tmp_path):
    files = changed("stories/pier.zh.md", "Date: 2023-04-18", "Date: 18/4/2023")
    files = changed("stories/pier.zh.md", "Lang: zh", "Lang: jp", base=files)
    files = changed("magazine/2023-1/station.en.md", "Column: consultation", "Column: nope", base=files)
    files = changed("reports/work-report.zh.md", "Title: 2022年工作报告\n", "", base=files)
    files = {**files, "stories/empty.zh.md": ""}
    problems = check_tree(tmp_path, files)
    located = [(p.path.rsplit("/content/", 1)[1], p.line) for p in problems]
    assert located == [
        ("magazine/2023-1/station.en.md", 8),
        ("reports/work-report.zh.md", 1),
        ("stories/empty.zh.md", 1),
        ("stories/pier.zh.md", 2),
        ("stories/pier.zh.md", 4),
    ]
    assert all(" — " in str(p) and p.fix for p in problems)


def test_line_numbers_count_from_the_top_of_the_file_through_the_body(tmp_path):
    body = "\n".join(f"第{n}段。" for n in range(1, 30))
    story = GOOD["stories/pier.zh.md"] + "\n" + body + '\n\n<img src="{static}/images/pier.jpg">\n'
    problems = check_tree(tmp_path, {**GOOD, "stories/pier.zh.md": story})
    expected = story.split("\n").index('<img src="{static}/images/pier.jpg">') + 1
    assert [(p.line, "no alt text" in p.what) for p in problems] == [(expected, True)]


def test_a_draft_may_be_dated_in_the_future(tmp_path):
    draft = GOOD["stories/pier.zh.md"].replace("Slug: pier", "Slug: later").replace(
        "Date: 2023-04-18", "Date: 2026-06-01\nStatus: draft")
    assert check_tree(tmp_path, {**GOOD, "stories/later.zh.md": draft}) == []


def test_future_means_after_now_in_the_site_timezone(tmp_path):
    files = changed("stories/pier.zh.md", "Date: 2023-04-18", "Date: 2026-01-01 09:00")
    # 2026-01-01 00:30 UTC is 08:30 in Shanghai: 09:00 there is still to come
    assert check_tree(tmp_path, files, now=datetime(2026, 1, 1, 0, 30, tzinfo=UTC))
    assert not check_tree(tmp_path, files, now=datetime(2026, 1, 1, 1, 30, tzinfo=UTC))


def test_bom_and_crlf_files_are_read_like_any_other(tmp_path):
    story = GOOD["stories/pier.zh.md"]
    files = {
        **GOOD,
        "stories/pier.zh.md": "\ufeff" + story,
        "stories/pier.en.md": GOOD["stories/pier.en.md"].replace("\n", "\r\n"),
    }
    content = tmp_path / "content"
    assert check_tree(tmp_path, files) == []
    assert (content / "stories/pier.en.md").read_bytes().count(b"\r\n") > 5


def test_crlf_line_numbers(tmp_path):
    files = changed("stories/pier.en.md", "Lang: en", "Lang: xx")
    files["stories/pier.en.md"] = files["stories/pier.en.md"].replace("\n", "\r\n")
    problems = check_tree(tmp_path, files)
    assert [p.line for p in problems] == [4]


def test_links_and_images_in_code_are_not_checked(tmp_path):
    story = GOOD["stories/pier.zh.md"] + "\n```\n<img src=\"nope.jpg\">\n[x](../nowhere)\n```\n\n`<img src=x>` and ``[y](z)``\n"
    assert check_tree(tmp_path, {**GOOD, "stories/pier.zh.md": story}) == []


def test_site_paths_to_content_listings_and_static_files_are_accepted(tmp_path):
    links = " ".join(
        f"[{n}]({url})" for n, url in enumerate([
            "/", "/en/", "/stories/pier/", "/en/stories/pier/", "/magazine/2023-1/", "/reports/", "/en/magazine/",
            "/about/", "/en/about/", "/404.html", "/images/pier.jpg", "/tags/", "/en/tags/work-report/",
            "/archives/", "/en/search/", "/feeds/all.atom.xml", "/theme/css/site.css", "/stories/pier/#s-1",
            "/stories/pier/index.html", "/reports/work-report/parallel/",
        ])
    )
    story = GOOD["stories/pier.zh.md"] + "\n" + links + "\n"
    assert check_tree(tmp_path, {**GOOD, "stories/pier.zh.md": story}) == []


def test_external_links_and_placeholders_pelican_resolves_are_left_alone(tmp_path):
    links = "[a](https://example.org/x) [b](mailto:a@b.c) [c]({tag}工作报告) [d](#s-1) [e]({index})"
    story = GOOD["stories/pier.zh.md"] + "\n" + links + "\n"
    assert check_tree(tmp_path, {**GOOD, "stories/pier.zh.md": story}) == []


def test_reference_style_links_are_checked(tmp_path):
    story = GOOD["stories/pier.zh.md"] + "\n见[码头][1]。\n\n[1]: {filename}missing.zh.md\n"
    problems = check_tree(tmp_path, {**GOOD, "stories/pier.zh.md": story})
    assert len(problems) == 1 and "content/stories/missing.zh.md" in problems[0].what


def test_extra_metadata_keys_can_be_declared(tmp_path):
    files = changed("stories/pier.zh.md", "Sample: true", "Samples: 3")
    assert check_tree(tmp_path, files)
    assert check_tree(tmp_path, files, STRICT_EXTRA_METADATA=["Samples"]) == []


def test_unrelated_unknown_keys_are_allowed(tmp_path):
    files = changed("stories/pier.zh.md", "Sample: true", "Photographer: 佚名")
    assert check_tree(tmp_path, files) == []


def test_the_checks_take_now_from_the_clock_when_not_given(tmp_path):
    files = changed("stories/pier.zh.md", "Date: 2023-04-18", "Date: 2999-01-01")
    assert [p.line for p in check_tree(tmp_path, files, now=None)] == [2]


def test_a_missing_content_folder_is_one_problem(tmp_path):
    from strict.checks import check_content
    from strict.settings import read_config
    from strict_tree import real_settings

    result = check_content(read_config({**real_settings(), "PATH": str(tmp_path / "nope")}, now=NOW))
    assert len(result.problems) == 1 and "does not exist" in result.problems[0].what
