"""The 2022 work report seed: the importer reproduces the hand-made content file."""

from __future__ import annotations

from pathlib import Path

import pytest

from importer import Options, convert
from importer.cli import main
from importer.verify import split_markdown

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "tests" / "fixtures" / "seeds" / "2022-dinghai-cppcc-standing-committee-report.txt"
CONTENT = ROOT / "content" / "reports" / "2022-standing-committee-work-report.zh.md"

pytestmark = pytest.mark.skipif(not SEED.exists(), reason=f"the seed {SEED} is not here")

LEADS = {
    "二、强化责任担当，自觉服务全区改革发展大局": [
        "在助推产业发展上积极献计。", "在提升城乡品质上久久为功。", "在改善社会治理上务实作为。"],
    "三、倾情服务民生，积极促进共建共享共同富裕": [
        "强化提案办理，广泛征集向富“金点子”。", "开展主题协商，积极培育共富“金果子”。",
        "发挥专长优势，共同锻造促富“金钥匙”。"],
    "四、突出守正创新，不断彰显专门协商机构特质": [
        "构建三级协商体系，实现内容全覆盖。", "探索“三位一体”建设，实现阵地全覆盖。",
        "加速“数字政协”建设，实现时空全覆盖。"],
    "五、抓好自身建设，有力展现“两支队伍”时代风采": [
        "换届工作圆满完成。", "履职基础有力夯实。", "机关建设见行见效。"],
    "2023年工作任务": [
        "一是深学新思想，以更高站位强化政治建设。", "二是聚焦新目标，以更大担当服务中心工作。",
        "三是把握新方位，以更广视野凝聚社会共识。", "四是对标新要求，以更高效率推进协商民主。",
        "五是展现新形象，以更严作风夯实自身建设。"],
}
PLAIN_OPENINGS = ["密切同宗教界", "区政协常委会把助推", "区政协常委会把助力", "区政协常委会严格落实",
                  "区政协常委会坚持从严", "各位委员、同志们！", "回顾一年来", "2023年，是深入贯彻",
                  "同志们，征程万里"]
BROKEN = [("各种履", "职方式"), ("牵头组", "织的"), ("干部队伍", "的主抓手"), ("着力", "从政协“供给侧”")]


@pytest.fixture(scope="module")
def seed():
    return convert(SEED.read_bytes(), Options(source=SEED.name))


def test_metadata(seed) -> None:
    document = seed.document
    assert document.title == "中国人民政治协商会议第七届舟山市定海区委员会常务委员会工作报告"
    assert (document.date, document.kind, document.lang) == ("TODO", "report", "zh")
    assert document.slug == "2022-standing-committee-work-report"
    assert document.source == SEED.name
    assert seed.markdown.startswith(
        "Title: 中国人民政治协商会议第七届舟山市定海区委员会常务委员会工作报告\nDate: TODO\nKind: report\n"
        "Lang: zh\nSlug: 2022-standing-committee-work-report\n"
        "Source: 2022-dinghai-cppcc-standing-committee-report.txt\n\n密切同宗教界")


def test_parts_and_leads(seed) -> None:
    outline: dict[str, list[str]] = {}
    for block in seed.document.blocks:
        if block.kind == "heading":
            assert block.level == 2
            outline[block.text] = []
        elif block.lead:
            outline[list(outline)[-1]].append(block.lead)
    assert outline == LEADS


def test_plain_paragraphs_have_no_lead(seed) -> None:
    plain = [block.text for block in seed.document.blocks if block.kind == "paragraph" and not block.lead]
    assert len(plain) == len(PLAIN_OPENINGS)
    for text, opening in zip(plain, PLAIN_OPENINGS):
        assert text.startswith(opening)
    assert "：**坚持以习近平新时代中国特色社会主义思想为指导，" in plain[7]  # the inline bold stays


def test_artifacts_removed_and_broken_paragraphs_whole(seed) -> None:
    body = split_markdown(seed.markdown)[1]
    assert "▲" not in body and "上紧接" not in body
    for left, right in BROKEN:
        assert left + right in body
    assert [r.text for r in seed.report.removals] == ["▲上紧接第1版"]
    assert len(seed.report.topic("joined")) == 4


def test_nothing_lost(seed) -> None:
    text = SEED.read_text(encoding="utf-8").replace("▲上紧接第1版", "").replace("**", "")
    assert seed.checked == len("".join(text.split()))  # every character but whitespace and markup


def test_body_matches_the_hand_made_content_file(seed) -> None:
    if not CONTENT.exists():
        pytest.skip(f"{CONTENT.relative_to(ROOT)} does not exist yet")
    hand = split_markdown(CONTENT.read_text(encoding="utf-8"))[1]
    assert split_markdown(seed.markdown)[1] == hand


def test_the_hand_made_content_file_imports_to_the_same_body(seed) -> None:
    if not CONTENT.exists():
        pytest.skip(f"{CONTENT.relative_to(ROOT)} does not exist yet")
    again = convert(CONTENT.read_bytes(), Options(source=CONTENT.name))
    assert split_markdown(again.markdown)[1] == split_markdown(seed.markdown)[1]
    assert again.document.date == "2023-02-14"


def test_overrides(seed) -> None:
    result = convert(SEED.read_bytes(), Options(source=SEED.name, date="2023-02-14", slug="report-2022",
                                                title="政协工作报告"))
    assert (result.document.date, result.document.slug, result.document.title) == (
        "2023-02-14", "report-2022", "政协工作报告")
    assert split_markdown(result.markdown)[1] == split_markdown(seed.markdown)[1]


def test_report_on_stderr(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(SEED)]) == 0
    out, err = capsys.readouterr()
    assert out.startswith("Title: ")
    assert "Title:" not in err
    lines = err.splitlines()
    assert "encoding  UTF-8, line endings LF" in lines[1]
    assert "  removed   line 5: continuation marker «▲上紧接第1版»" in lines
    joined = [line for line in lines if line.startswith("  joined")]
    assert joined == [
        "  joined    line 21: paragraph broken at «…，有效贯通各种履» | «职方式，探索积累…» (continued at line 23)",
        "  joined    line 35: paragraph broken at «…6场区政协牵头组» | «织的专题协商活动…» (continued at line 37)",
        "  joined    line 51: paragraph broken at «…加强机关干部队伍» | «的主抓手，大力推…» (continued at line 53)",
        "  joined    line 65: paragraph broken at «…级服务理念，着力» | «从政协“供给侧”…» (continued at line 67)",
    ]
    headings = [line for line in lines if line.startswith("  heading")]
    assert headings == [
        "  heading   line 9: ## 二、强化责任担当，自觉服务全区改革发展大局",
        "  heading   line 19: ## 三、倾情服务民生，积极促进共建共享共同富裕",
        "  heading   line 31: ## 四、突出守正创新，不断彰显专门协商机构特质",
        "  heading   line 43: ## 五、抓好自身建设，有力展现“两支队伍”时代风采",
        "  heading   line 59: ## 2023年工作任务",
    ]
    assert "  title     line 3: «中国人民政治协商会议第七届舟山市定海区委员会常务委员会工作报告»" in lines
    assert sum(line.startswith("  lead") for line in lines) == 17
    assert any(line.startswith("  date      TODO") for line in lines)
    assert any("line 5: the text continues from another page" in line for line in lines)
    assert lines[-1].startswith("  check     nothing lost: ")
