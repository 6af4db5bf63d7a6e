"""A small, valid bilingual content tree for the strict checks, and helpers to break it."""

from datetime import UTC, datetime
from pathlib import Path

from pelican.settings import read_settings
from sitebuild import ABOUT_EN, ABOUT_ZH, ISSUE_ZH, SETTINGS, jpeg, write_content
from strict.checks import Problem, check_content
from strict.settings import read_config

NOW = datetime(2026, 1, 1, tzinfo=UTC)

REPORT_ZH = """\
Title: 2022年工作报告
Date: 2023-02-14
Kind: report
Lang: zh
Slug: work-report
Year: 2022
Body: 政协常务委员会
Session: 七届二次会议
Source: 报纸版面录入
Tags: 工作报告, 协商民主

## 一、开头

正文见 [码头]({filename}/stories/pier.zh.md) 与 [英文版](/en/reports/work-report/)。
"""

REPORT_EN = """\
Title: Work report 2022
Date: 2023-02-14
Kind: report
Lang: en
Slug: work-report
Year: 2022
Body: Standing Committee
Session: Second Session
Source: Newspaper pages
Translation: true

## 1. Opening

See [the pier]({filename}../stories/pier.en.md), [tags](/en/tags/) and `<img src="in-code.jpg">`.
"""

STORY_ZH = """\
Title: 老码头
Date: 2023-04-18
Kind: story
Lang: zh
Slug: pier
Sample: true

<figure>
<img src="{static}/images/pier.jpg" alt="清晨的码头">
</figure>

![码头远景]({static}/images/pier.jpg)
"""

STORY_EN = """\
Title: The old pier
Date: 2023-04-18
Kind: story
Lang: en
Slug: pier
Translation: true

<img src="{static}/images/pier.jpg" alt="The pier at dawn">
"""

ISSUE_EN = ISSUE_ZH.replace("Lang: zh", "Lang: en\nTranslation: true").replace("Title: 《定海政协》2023年第1期", "Title: 2023 No. 1")

ARTICLE_ZH = """\
Title: 协商驿站
Date: 2023-03-31
Kind: article
Lang: zh
Slug: 2023-1-station
Issue: 2023-1
Column: consultation

正文。
"""

ARTICLE_EN = ARTICLE_ZH.replace("Lang: zh", "Lang: en\nTranslation: true").replace("Title: 协商驿站", "Title: The station")

NOT_FOUND_ZH = """\
Title: 页面未找到
Slug: 404
Lang: zh
Template: 404
Status: hidden
Save_as: 404.html
Url: 404.html

抱歉。
"""

GOOD = {
    "reports/work-report.zh.md": REPORT_ZH,
    "reports/work-report.en.md": REPORT_EN,
    "stories/pier.zh.md": STORY_ZH,
    "stories/pier.en.md": STORY_EN,
    "magazine/2023-1/issue.zh.md": ISSUE_ZH,
    "magazine/2023-1/issue.en.md": ISSUE_EN,
    "magazine/2023-1/station.zh.md": ARTICLE_ZH,
    "magazine/2023-1/station.en.md": ARTICLE_EN,
    "pages/about.zh.md": ABOUT_ZH,
    "pages/about.en.md": ABOUT_EN,
    "pages/404.zh.md": NOT_FOUND_ZH,
    "images/pier.jpg": jpeg((48, 32), (90, 110, 130)),
    "images/cover.jpg": jpeg((32, 48), (20, 40, 90)),
}

_SETTINGS = {}


def real_settings() -> dict:
    if not _SETTINGS:
        _SETTINGS.update(read_settings(SETTINGS))
    return dict(_SETTINGS)


def check_tree(root: Path, files: dict, now: datetime = NOW, **settings) -> list[Problem]:
    content = write_content(root, files)
    config = read_config({**real_settings(), "PATH": str(content), **settings}, now=now)
    return list(check_content(config).problems)


def changed(relative: str, old: str, new: str, base: dict = GOOD) -> dict:
    """GOOD with one replacement in one file (the text must be there)."""
    text = base[relative]
    assert old in text, f"{old!r} not in {relative}"
    return {**base, relative: text.replace(old, new, 1)}


def without(*relatives: str, base: dict = GOOD) -> dict:
    return {key: value for key, value in base.items() if key not in relatives}
