"""The 2022 work report on the built pages: every sentence of the seed in the Chinese page,
the paragraphs cut at the newspaper's page breaks whole again, and an English page with
one paragraph per Chinese paragraph."""

import re
from pathlib import Path

import pytest
from sitebuild import page_soup

SEED = Path(__file__).resolve().parents[1] / "fixtures" / "seeds" / "2022-dinghai-cppcc-standing-committee-report.txt"
SLUG = "2022-standing-committee-work-report"
CONTINUATION_MARKER = "▲上紧接第1版"
# The four paragraphs the page breaks cut mid-word: (end of one seed line, start of the next).
PAGE_BREAKS = [("有效贯通各种履", "职方式"), ("区政协牵头组", "织的专题协商"), ("加强机关干部队伍", "的主抓手"), ("着力", "从政协“供给侧”")]
SENTENCE_END = re.compile(r"(?<=[。！？])")
HEADING_MAX = 40  # characters; the paragraphs cut at page breaks are far longer


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


def seed_paragraphs() -> list[str]:
    """The seed's lines of text, title and continuation marker aside, the four cut
    paragraphs rejoined; bold markers of the raw text dropped."""
    lines = [line.strip().replace("**", "") for line in SEED.read_text(encoding="utf-8").splitlines()]
    lines = [line for line in lines if line]
    assert lines[0].startswith("中国人民政治协商会议") and lines[0].endswith("工作报告")
    lines = [line for line in lines[1:] if line != CONTINUATION_MARKER]
    for before, after in PAGE_BREAKS:
        (i,) = [n for n, line in enumerate(lines) if line.endswith(before)]
        assert lines[i + 1].startswith(after), f"the seed no longer breaks at {before}/{after}"
        lines[i : i + 2] = [lines[i] + lines[i + 1]]
    return lines


def seed_sentences() -> list[str]:
    return [s for line in seed_paragraphs() for s in SENTENCE_END.split(line) if s.strip("”’ ")]


@pytest.fixture(scope="module")
def zh_body(site):
    body = page_soup(site, f"/reports/{SLUG}/").select_one("article .publication__body")
    assert body is not None, "the Chinese report page has no article body"
    return body


@pytest.fixture(scope="module")
def en_body(site):
    body = page_soup(site, f"/en/reports/{SLUG}/").select_one("article .publication__body")
    assert body is not None, "the English report page has no article body"
    return body


def body_paragraphs(body) -> list:
    """The article's own paragraphs (not captions, notes or asides inside the body)."""
    return [p for p in body.find_all("p") if not p.find_parent(["figure", "aside", "nav", "blockquote"])]


def test_the_seed_is_read_as_expected():
    paragraphs = seed_paragraphs()
    assert not any("▲" in p for p in paragraphs)
    assert len(seed_sentences()) > 100
    for before, after in PAGE_BREAKS:
        assert sum(before + after in p for p in paragraphs) == 1


def test_every_sentence_of_the_seed_is_in_the_chinese_page(zh_body):
    text = squeeze(zh_body.get_text())
    missing = [sentence for sentence in seed_sentences() if squeeze(sentence) not in text]
    assert missing == [], f"{len(missing)} sentences missing, e.g. {missing[:3]}"


@pytest.mark.parametrize(("before", "after"), PAGE_BREAKS, ids=[b + "/" + a for b, a in PAGE_BREAKS])
def test_the_paragraphs_cut_at_page_breaks_are_whole(zh_body, before, after):
    (paragraph,) = [p for p in seed_paragraphs() if before + after in p]
    holders = [p for p in body_paragraphs(zh_body) if before + after in squeeze(p.get_text())]
    assert len(holders) == 1, f"{before}{after} is in {len(holders)} paragraphs of the page"
    assert squeeze(holders[0].get_text()) == squeeze(paragraph)


def test_each_seed_line_is_one_heading_or_one_paragraph_of_the_page(zh_body):
    blocks = {squeeze(p.get_text()) for p in body_paragraphs(zh_body)}
    for heading in zh_body.find_all(["h2", "h3"]):
        for permalink in heading.select(".permalink, .headerlink"):
            permalink.extract()
        blocks.add(squeeze(heading.get_text()))
    missing = [line[:30] for line in seed_paragraphs() if squeeze(line) not in blocks]
    assert missing == [], f"seed lines not found whole in one block: {missing}"


def test_the_seed_headings_are_the_headings_of_the_page(zh_body):
    """The short lines without a sentence in them (二、… to 五、…, 2023年工作任务), in order."""
    headings = [line for line in seed_paragraphs() if len(line) <= HEADING_MAX and not SENTENCE_END.search(line)]
    assert len(headings) == 5
    for permalink in zh_body.select("h2 .permalink, h2 .headerlink"):
        permalink.extract()
    assert [squeeze(h2.get_text()) for h2 in zh_body.find_all("h2")] == [squeeze(line) for line in headings]


def test_no_newspaper_artifact_is_left(zh_body):
    text = zh_body.get_text()
    assert "▲" not in text and "上紧接" not in text


def test_the_report_begins_midway_with_an_editors_note_not_invented_text(site, zh_body):
    page = page_soup(site, f"/reports/{SLUG}/")
    assert page.select_one("article .editor-note") is not None
    first = body_paragraphs(zh_body)[0]
    assert squeeze(first.get_text()) == squeeze(seed_paragraphs()[0])


def test_the_english_page_has_one_paragraph_per_chinese_paragraph(zh_body, en_body):
    zh, en = body_paragraphs(zh_body), body_paragraphs(en_body)
    assert len(en) == len(zh), f"{len(en)} English paragraphs for {len(zh)} Chinese ones"
    assert [h.name for h in en_body.find_all(["h2", "h3"])] == [h.name for h in zh_body.find_all(["h2", "h3"])]
    empty = [n for n, p in enumerate(en) if not p.get_text(strip=True)]
    assert empty == []


def test_the_english_paragraphs_keep_the_bold_leads_where_the_chinese_has_them(zh_body, en_body):
    def leads(paragraphs):
        return [p.contents and getattr(p.contents[0], "name", None) == "strong" for p in paragraphs]

    assert leads(body_paragraphs(en_body)) == leads(body_paragraphs(zh_body))
