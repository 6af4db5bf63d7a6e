"""The strict plugin inside real Pelican builds, and `make check` (tools/check.py)."""

import pytest
from pelican.settings import read_settings
from sitebuild import build_fixture_site, page_soup, write_content
from strict_tree import GOOD, changed

from tools import check
from tools.build import BuildError

RESOLVING_LINKS = "\n[一](#s-1) [码头]({filename}/stories/pier.zh.md) [英文](/en/reports/work-report/#s-1) [标签](/tags/工作报告/)\n"
LATER = GOOD["stories/pier.zh.md"].replace("Slug: pier", "Slug: later").replace(
    "Date: 2023-04-18", "Date: 2999-04-18\nStatus: draft")


@pytest.fixture(scope="module")
def good_site(tmp_path_factory):
    """GOOD, its report with links that resolve, and a future-dated draft: a build that passes."""
    return build_fixture_site(tmp_path_factory.mktemp("good"), {
        **GOOD,
        "reports/work-report.zh.md": GOOD["reports/work-report.zh.md"] + RESOLVING_LINKS,
        "stories/later.zh.md": LATER,
    })


def test_the_good_tree_builds(good_site):
    assert (good_site / "stories/pier/index.html").is_file()
    assert (good_site / "en/magazine/2023-1-station/index.html").is_file()


def test_bad_content_fails_the_build_with_every_problem_and_writes_nothing(tmp_path):
    files = changed("stories/pier.zh.md", "Date: 2023-04-18", "Date: 2023年4月18日")
    files = changed("magazine/2023-1/station.zh.md", "Issue: 2023-1", "Issue: 2023-7", base=files)
    files = changed("stories/pier.en.md", ' alt="The pier at dawn"', "", base=files)
    with pytest.raises(BuildError) as failure:
        build_fixture_site(tmp_path, files)
    message = str(failure.value)
    content = (tmp_path / "content").as_posix()
    for expected in (
        f"{content}/stories/pier.zh.md:2: Date \"2023年4月18日\" is not an ISO date — write it as YYYY-MM-DD: \"Date: 2023-04-18\"",
        f"{content}/magazine/2023-1/station.zh.md:6: Issue \"2023-7\" names no magazine issue",
        f"{content}/stories/pier.en.md:8: <img src=\"{{static}}/images/pier.jpg\"> has no alt text — add alt=",
    ):
        assert expected in message
    assert not (tmp_path / "output").exists()
    assert [p.name for p in tmp_path.iterdir()] == ["content"]  # no staging folder left behind


def test_a_link_to_a_missing_section_fails_once_the_pages_are_written(tmp_path):
    link = "\n[第一部分]({filename}/reports/work-report.zh.md#s-1) [无此节]({filename}/reports/work-report.zh.md#s-9)\n"
    files = {**GOOD, "stories/pier.zh.md": GOOD["stories/pier.zh.md"] + link}
    with pytest.raises(BuildError) as failure:
        build_fixture_site(tmp_path, files)
    line = (GOOD["stories/pier.zh.md"] + link).split("\n").index(link.strip()) + 1
    problems = [line for line in str(failure.value).splitlines() if line.startswith("  ERROR")]
    assert len(problems) == 1, problems
    assert f"stories/pier.zh.md:{line}: link \"{{filename}}/reports/work-report.zh.md#s-9\" leads to" in problems[0]
    assert "which has no id \"s-9\"" in problems[0] and "(its sections: s-1)" in problems[0]


def test_same_page_and_site_path_fragments_are_checked_against_the_built_page(tmp_path):
    links = "\n[上](#s-1) [下](#s-2) [标签](/tags/没有的标签/)\n"
    files = {**GOOD, "reports/work-report.zh.md": GOOD["reports/work-report.zh.md"] + links}
    with pytest.raises(BuildError) as failure:
        build_fixture_site(tmp_path, files)
    problems = [line for line in str(failure.value).splitlines() if line.startswith("  ERROR")]
    assert len(problems) == 2, problems
    assert 'link "#s-2" leads to reports/work-report/index.html, which has no id "s-2"' in problems[0]
    assert 'link "/tags/没有的标签/" leads to nothing in the built site' in problems[1]


def test_links_that_resolve_pass(good_site):
    """The checks after the build let every kind of link that leads somewhere through."""
    hrefs = {a["href"] for a in page_soup(good_site, "/reports/work-report/").select("main a[href]")}
    assert {"#s-1", "/en/reports/work-report/#s-1"} <= hrefs


def test_the_plugin_only_acts_for_a_pelican_that_lists_it(tmp_path):
    """Signals are process-global: the receivers stay connected after a strict build."""
    files = changed("stories/pier.zh.md", "Sample: true", "Sample: false")
    with pytest.raises(BuildError, match="Sample: false"):
        build_fixture_site(tmp_path / "with", files)
    others = [name for name in read_settings("pelicanconf.py")["PLUGINS"] if name != "strict"]
    build_fixture_site(tmp_path / "without", files, PLUGINS=others)


def test_make_check_passes_on_the_real_content(capsys):
    assert check.main([]) == 0
    assert capsys.readouterr().out == ""


def test_make_check_prints_every_problem_and_fails(tmp_path, capsys):
    files = changed("stories/pier.zh.md", "Lang: zh", "Lang: ZH")
    files = changed("stories/pier.en.md", "Slug: pier", "Slug: pier", base=files)
    files = {**files, "stories/empty.en.md": ""}
    content = write_content(tmp_path, files)
    assert check.main(["--content", str(content)]) == 1
    captured = capsys.readouterr()
    lines = captured.out.splitlines()
    assert [line.split(": ", 1)[0] for line in lines] == [
        f"{content.as_posix()}/stories/empty.en.md:1",
        f"{content.as_posix()}/stories/pier.zh.md:4",
    ]
    assert all(" — " in line for line in lines)
    assert "2 problems" in captured.err


def test_a_future_dated_draft_builds_into_drafts_and_is_not_listed(good_site):
    assert (good_site / "drafts/later/index.html").is_file()
    assert not (good_site / "stories/later/index.html").exists()
    assert "later" not in (good_site / "stories/index.html").read_text(encoding="utf-8")
    assert "/drafts/" not in (good_site / "sitemap.xml").read_text(encoding="utf-8")
