"""Chinese summaries, wherever readers see them (cards on listings, an issue's contents,
the page's meta description), end at a sentence end (。！？) and are made of whole
sentences of the publication: never cut mid-sentence, never inside a bold run-in lead.
An editor's own `Summary` is in its own words, so only its ending is checked."""

import re
from pathlib import Path

import pytest
from sitebuild import ROOT, build_fixture_site, page_soup, site_path, url_path_of

ORIGIN = "http://127.0.0.1:8000"
CLOSERS = "”’」』）》"
SENTENCE = re.compile(rf"[^。！？]*[。！？]+[{CLOSERS}]*")


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


def split_sentences(text: str) -> tuple[list[str], str]:
    """(whole sentences, whatever is left after the last sentence end)."""
    text = squeeze(text)
    sentences = SENTENCE.findall(text)
    return sentences, text[sum(map(len, sentences)):]


def body_sentences(soup) -> set[str]:
    body = soup.select_one("article .publication__body") or soup.select_one("main")
    found = set()
    for p in body.find_all("p"):
        if p.find_parent(["figure", "aside", "nav"]):
            continue
        found.update(split_sentences(p.get_text())[0])
    return found


def summaries_on(soup) -> list[tuple[str, str, str]]:
    """(where, summary element's text, site path of the publication it summarises)."""
    found = []
    for card in soup.select(".card"):
        summary, link = card.select_one(".card__summary"), card.select_one(".card__title a[href]")
        if summary and link:
            found.append(("card", summary.get_text(), site_path(link["href"], ORIGIN)))
    for item in soup.select(".issue__article"):
        summary, link = item.select_one(".issue__summary"), item.select_one("h4 a[href]")
        if summary and link:
            found.append(("issue contents", summary.get_text(), site_path(link["href"], ORIGIN)))
    return found


def chinese_summaries(output) -> list[tuple[str, str, str]]:
    """Every summary a reader of the Chinese pages sees: (page: where, text, publication)."""
    found = []
    for path in sorted(output.rglob("*.html")):
        url = url_path_of(output, path)
        if url.startswith(("/en/", "/pagefind/")):
            continue
        soup = page_soup(output, url)
        found += [(f"{url}: {where}", text, target) for where, text, target in summaries_on(soup)]
        description = soup.select_one("head meta[name=description]")
        if soup.select_one("article .publication__body") and description and description.get("content"):
            found.append((f"{url}: meta description", description["content"], url))
    return found


def editors_summaries(content: Path = ROOT / "content") -> set[str]:
    """The Summary lines of the content files, squeezed."""
    return {
        squeeze(line.removeprefix("Summary: "))
        for path in content.rglob("*.md")
        for line in path.read_text(encoding="utf-8").split("\n\n", 1)[0].splitlines()
        if line.startswith("Summary: ")
    }


def problems_with(output, summaries) -> list[str]:
    problems, bodies, own = [], {}, editors_summaries()
    for where, text, target in summaries:
        if "<" in text or "&lt;" in text:
            problems.append(f"{where}: markup shown as text: {text[:40]!r}")
            text = re.sub(r"<[^>]+>", "", text)
        sentences, rest = split_sentences(text)
        if not sentences or rest:
            problems.append(f"{where}: does not end at 。！？: …{squeeze(text)[-20:]!r}")
            continue
        if squeeze(text) in own:
            continue
        if target not in bodies:
            bodies[target] = body_sentences(page_soup(output, target))
        cut = [s for s in sentences if s not in bodies[target]]
        if cut:
            problems.append(f"{where}: not a whole sentence of {target}: {cut[0][:40]!r}")
    return problems


def test_chinese_summaries_end_at_a_sentence_end_and_are_whole_sentences(site):
    summaries = chinese_summaries(site)
    assert len(summaries) >= 5
    problems = problems_with(site, summaries)
    assert problems == [], "\n".join(problems)


LONG_LEAD = (
    "**在助推产业发展上积极献计，坚持项目为王、产业为大、创新为要，立足以文塑旅、以旅彰文，"
    "围绕奋力推动旅游产业高质量发展主题，首次探索在全会期间召开常委会专题协商，"
    "协商成果串珠成链，部分已转化为具体工作举措，着眼生产性服务业变革重塑、创新制胜，"
    "聚焦推进服务业发展新路径开展深入调查研究。**"
)

REPORT_WITH_LEADS = f"""\
Title: 带引导句的报告
Date: 2023-02-14
Kind: report
Lang: zh
Slug: report-with-leads
Year: 2022
Source: 测试
Tags: 工作报告

## 一、开头

{LONG_LEAD}坚持与党委政府同向同行，强化互动联动。开展提案办理协商，助推优化城市空间布局。围绕污水处理中心改造提升开展监督性视察，各界别委员、专家从专业角度提供有益参考。深度关注美丽乡村建设，与相关职能部门一道把脉现状与困惑，为推动农房建设管理纵深发展找寻路径。

**在改善社会治理上务实作为。**着眼助力社会治理体系和治理能力现代化建设，形成意见建议247条。积极响应全民掸尘号召，助力推动文明城市向城市文明转型升级。
"""

STORY_WITH_A_LONG_FIRST_SENTENCE = """\
Title: 一句很长的故事
Date: 2023-04-18
Kind: story
Lang: zh
Slug: one-long-sentence
Tags: 文史

这张黑白照片摄于一九八三年的初夏，一场小雨刚刚停歇，镜头对着定海古城的一条老街，两旁是两层的木结构店铺，石板路面还泛着水光，撑伞的行人、挑担的老人和匆匆赶路的街坊在屋檐下来来往往，远处的城墙和山影在雾气里若隐若现，这样的街景如今已经很难再见到了。第二句很短。
"""


@pytest.fixture(scope="module")
def leads_site(tmp_path_factory):
    return build_fixture_site(
        tmp_path_factory.mktemp("summaries"),
        {"reports/report-with-leads.zh.md": REPORT_WITH_LEADS,
         "stories/one-long-sentence.zh.md": STORY_WITH_A_LONG_FIRST_SENTENCE},
    )


def test_a_summary_is_never_cut_inside_a_long_bold_lead(leads_site):
    summaries = [s for s in chinese_summaries(leads_site) if s[2] == "/reports/report-with-leads/"]
    assert summaries, "the report's summary is shown nowhere"
    problems = problems_with(leads_site, summaries)
    assert problems == [], "\n".join(problems)
    for _, text, _ in summaries:
        lead = squeeze(LONG_LEAD.strip("*"))
        assert lead in squeeze(text) or lead[:10] not in squeeze(text), f"part of the lead: {text[:60]!r}"


def test_a_very_long_first_sentence_is_kept_whole(leads_site):
    summaries = [s for s in chinese_summaries(leads_site) if s[2] == "/stories/one-long-sentence/"]
    assert summaries
    problems = problems_with(leads_site, summaries)
    assert problems == [], "\n".join(problems)
