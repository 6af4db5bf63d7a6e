"""The 2022 work report as readers get it: every sentence of the seed, whole paragraphs, and
an English page with the same structure."""

import re
from pathlib import Path

import pytest
from bilingual_fixtures import REPORT_SLUG
from sitebuild import page_soup

SEED = Path(__file__).resolve().parents[2] / "fixtures" / "seeds" / "2022-dinghai-cppcc-standing-committee-report.txt"
CONTINUATION_MARKER = "▲上紧接第1版"
ENDS_A_PARAGRAPH = ("。", "！", "？", "”")
# Where the newspaper's page breaks cut a paragraph (the text on both sides of each cut).
HEADING_MAX = 40  # characters; the paragraphs cut at page breaks are far longer
PAGE_BREAK_JOINS = ("有效贯通各种履职方式", "牵头组织的专题协商", "机关干部队伍的主抓手", "着力从政协“供给侧”")


def seed_blocks() -> tuple[list[str], list[str]]:
    """(headings, paragraphs) of the seed, newspaper artifacts removed, broken paragraphs rejoined."""
    text = SEED.read_text(encoding="utf-8").replace("**", "")
    blocks = [block.strip() for block in re.split(r"\n\s*\n", text) if block.strip()]
    blocks = blocks[1:]  # the title line
    blocks = [block for block in blocks if block != CONTINUATION_MARKER]
    headings, paragraphs, pending = [], [], ""
    for block in blocks:
        if not pending and len(block) <= HEADING_MAX and not re.search("[。！？]", block):
            headings.append(block)  # 二、… and 2023年工作任务: short, no sentence in them
            continue
        pending += block
        if pending.endswith(ENDS_A_PARAGRAPH):
            paragraphs.append(pending)
            pending = ""
    assert not pending, f"the seed ends mid-paragraph: {pending[-20:]}"
    return headings, paragraphs


def sentences(paragraph: str) -> list[str]:
    return [s for s in re.split(r"(?<=[。！？])", paragraph) if s.strip("”’」 ")]


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.fixture(scope="module")
def zh_body(site):
    return page_soup(site, f"/reports/{REPORT_SLUG}/").select_one(".publication__body")


@pytest.fixture(scope="module")
def en_body(site):
    return page_soup(site, f"/en/reports/{REPORT_SLUG}/").select_one(".publication__body")


def paragraph_texts(body) -> list[str]:
    return [squeeze(p.get_text()) for p in body.find_all("p")]


def heading_texts(body) -> list[str]:
    texts = []
    for h2 in body.find_all("h2"):
        for permalink in h2.select("a.permalink"):
            permalink.extract()
        texts.append(squeeze(h2.get_text()))
    return texts


def test_the_seed_reads_as_expected():
    headings, paragraphs = seed_blocks()
    assert len(headings) == 5  # 二、 to 五、 and 2023年工作任务
    assert sum(len(sentences(p)) for p in paragraphs) > 100
    for joined in PAGE_BREAK_JOINS:
        assert sum(joined in p for p in paragraphs) == 1, joined


def test_every_sentence_of_the_seed_is_on_the_chinese_page(zh_body):
    assert zh_body is not None
    page = squeeze(zh_body.get_text())
    _, paragraphs = seed_blocks()
    missing = [s for p in paragraphs for s in sentences(p) if squeeze(s) not in page]
    assert not missing, f"{len(missing)} sentences missing, the first: {missing[:3]}"


def test_every_seed_paragraph_is_one_paragraph_on_the_page(zh_body):
    page_paragraphs = paragraph_texts(zh_body)
    _, paragraphs = seed_blocks()
    split = [p[:30] for p in paragraphs if squeeze(p) not in page_paragraphs]
    assert not split, f"seed paragraphs not found whole in one <p>: {split}"


def test_the_seed_headings_are_headings(zh_body):
    headings, _ = seed_blocks()
    assert heading_texts(zh_body) == [squeeze(h) for h in headings]


@pytest.mark.parametrize("joined", PAGE_BREAK_JOINS)
def test_the_paragraphs_broken_at_page_breaks_are_whole(zh_body, joined):
    holders = [p for p in zh_body.find_all("p") if joined in squeeze(p.get_text())]
    assert len(holders) == 1, f"{joined!r} is in {len(holders)} paragraphs"


def test_the_continuation_marker_is_gone(zh_body):
    assert "▲" not in zh_body.get_text()
    assert "上紧接" not in zh_body.get_text()


def test_the_english_page_has_one_paragraph_per_chinese_paragraph(zh_body, en_body):
    assert en_body is not None
    zh_paragraphs, en_paragraphs = zh_body.find_all("p"), en_body.find_all("p")
    assert len(en_paragraphs) == len(zh_paragraphs)
    assert len(en_body.find_all("h2")) == len(zh_body.find_all("h2"))
    # the same shape, paragraph by paragraph: a bold run-in lead where the Chinese has one
    zh_leads = [p.find("strong") is not None and p.contents[0].name == "strong" for p in zh_paragraphs]
    en_leads = [p.find("strong") is not None and p.contents[0].name == "strong" for p in en_paragraphs]
    assert en_leads == zh_leads
    assert all(squeeze(p.get_text()) for p in en_paragraphs)
