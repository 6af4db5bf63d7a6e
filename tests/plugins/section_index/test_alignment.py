"""The zh/en alignment check and explicit ids, on tiny sites built with real Pelican."""

import pytest
from sitebuild import build_fixture_site, page_soup

from tools.build import BuildError


def story(lang: str, body: str, slug: str = "pier") -> str:
    translation = "Translation: true\n" if lang == "en" else ""
    return (
        f"Title: {slug} {lang}\nDate: 2023-04-18\nKind: story\nLang: {lang}\nSlug: {slug}\n"
        f"{translation}\n{body}\n"
    )


ZH = "## 一、码头\n\n**渡轮是海岛人的桥。**每天清晨开航。\n\n## 二、老街\n\n街上人来人往。\n"
EN_ALIGNED = "## I. The pier\n\n**The ferry was the islanders' bridge.** It sailed every morning.\n\n## II. The street\n\nPeople came and went.\n"
EN_MISSING_LEAD = "## I. The pier\n\nThe ferry sailed every morning.\n\n## II. The street\n\nPeople came and went.\n"


def test_aligned_translation_gets_the_same_ids(tmp_path):
    output = build_fixture_site(
        tmp_path, {"stories/pier.zh.md": story("zh", ZH), "stories/pier.en.md": story("en", EN_ALIGNED)}
    )
    zh_ids = [e["id"] for e in page_soup(output, "stories/pier/").select(".publication__body [id]")]
    en_ids = [e["id"] for e in page_soup(output, "en/stories/pier/").select(".publication__body [id]")]
    assert zh_ids == en_ids == ["s-1", "s-1-1", "s-2"]


def test_misaligned_translation_fails_the_build_naming_file_and_section(tmp_path):
    with pytest.raises(BuildError) as failure:
        build_fixture_site(
            tmp_path,
            {"stories/pier.zh.md": story("zh", ZH), "stories/pier.en.md": story("en", EN_MISSING_LEAD)},
        )
    message = str(failure.value)
    assert "pier.zh.md" in message and "pier.en.md" in message
    assert "s-1" in message and "outlines differ" in message
    assert not (tmp_path / "output").exists()


def test_alignment_can_be_downgraded_for_work_in_progress(tmp_path):
    files = {"stories/pier.zh.md": story("zh", ZH), "stories/pier.en.md": story("en", EN_MISSING_LEAD)}
    with pytest.raises(BuildError) as failure:
        build_fixture_site(tmp_path, files, SECTION_INDEX_ALIGNMENT="warning")
    assert "ERROR" not in str(failure.value) and "WARNING" in str(failure.value)


def test_explicit_id_wins(tmp_path):
    body = "## 一、码头 {#pier}\n\n码头很老。\n\n## 二、老街\n\n老街很长。\n"
    output = build_fixture_site(tmp_path, {"stories/pier.zh.md": story("zh", body)})
    page = page_soup(output, "stories/pier/")
    assert [h["id"] for h in page.select(".publication__body h2")] == ["pier", "s-2"]
    assert page.select_one(".toc a")["href"].endswith("#pier")


def test_ordinal_gap_is_reported(tmp_path):
    body = "## 二、甲\n\n文字。\n\n## 四、乙\n\n文字。\n"
    with pytest.raises(BuildError) as failure:
        build_fixture_site(tmp_path, {"stories/pier.zh.md": story("zh", body)})
    assert "二、 is followed by 四、" in str(failure.value)
