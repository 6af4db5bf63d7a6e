"""JSON-LD, Highwire Press, Open Graph and citations from plain Work records."""

import json
from datetime import date

import pytest
from publications.citation import chicago, cite, gb_t_7714
from publications.metadata import highwire, json_ld, open_graph, script_json
from publications.records import (
    Agent,
    Crumb,
    ImageInfo,
    IssueInfo,
    Periodical,
    Section,
    Work,
    WorkRef,
)

ORIGIN = "https://example.org"
ISSUE = IssueInfo("《定海政协》2023年第1期", f"{ORIGIN}/magazine/2023-1/", "1", "2023", date(2023, 3, 31),
                  Periodical("定海政协", "1234-5678"))
PUBLISHER = Agent("政协舟山市定海区委员会")

REPORT = Work(
    kind="report", title="常务委员会工作报告", url=f"{ORIGIN}/reports/r/", lang="zh-CN", lang_code="zh",
    locale="zh_Hans_CN", date=date(2023, 2, 14), description="摘要。",
    authors=(Agent("政协舟山市定海区委员会常务委员会"),), publisher=PUBLISHER, site_name="定海政协文献",
    keywords=("工作报告",), report_number="定政协〔2023〕1号", report_year="2022", session="七届二次会议",
    pdf_url=f"{ORIGIN}/pdfs/r.pdf",
    translations=(WorkRef(f"{ORIGIN}/en/reports/r/", "en", "report", "Work Report"),),
    og_locale="zh_CN", alternate_locales=("en_GB",),
    breadcrumbs=(Crumb("定海政协文献", f"{ORIGIN}/"), Crumb("工作报告", f"{ORIGIN}/reports/"),
                 Crumb("常务委员会工作报告", f"{ORIGIN}/reports/r/")),
)

ARTICLE = Work(
    kind="article", title="A Secure Old Age", url=f"{ORIGIN}/en/magazine/a/", lang="en", lang_code="en",
    locale="en_GB", date=date(2023, 3, 31), authors=(Agent("Editorial Office", "Person"),),
    publisher=Agent("CPPCC Dinghai"), site_name="Dinghai CPPCC Publications",
    issue=IssueInfo("Dinghai CPPCC, 2023 No. 1", f"{ORIGIN}/en/magazine/2023-1/", "1", "2023", date(2023, 3, 31),
                    Periodical("Dinghai CPPCC"), volume="5"),
    column="Consultation",
    original=WorkRef(f"{ORIGIN}/magazine/a/", "zh-CN", "article", "让海岛老人安享晚年"),
    og_locale="en_GB", alternate_locales=("zh_CN",),
)

STORY = Work(
    kind="story", title="老码头的早晨", url=f"{ORIGIN}/stories/s/", lang="zh-CN", lang_code="zh",
    locale="zh_Hans_CN", date=date(2023, 4, 18), authors=(Agent("区政协文史委", "Person"),), publisher=PUBLISHER,
    site_name="定海政协文献",
    images=(ImageInfo(f"{ORIGIN}/images/s.jpg", 1600, 1067, "老码头", "清晨的老码头。", "图：示例", "1986"),),
    og_locale="zh_CN",
)


def graph(work):
    return {node["@type"]: node for node in json_ld(work)["@graph"]}


def test_a_report_is_a_schema_org_report_with_its_number_and_translation():
    data = json_ld(REPORT)
    assert data["@context"] == "https://schema.org"
    report = graph(REPORT)["Report"]
    assert report["reportNumber"] == "定政协〔2023〕1号"
    assert report["inLanguage"] == "zh-CN" and report["datePublished"] == "2023-02-14"
    assert report["author"] == [{"@type": "Organization", "name": "政协舟山市定海区委员会常务委员会"}]
    assert report["workTranslation"] == [
        {"@type": "Report", "@id": f"{ORIGIN}/en/reports/r/", "url": f"{ORIGIN}/en/reports/r/", "inLanguage": "en",
         "name": "Work Report"}
    ]
    assert "translationOfWork" not in report
    assert report["encoding"]["contentUrl"].endswith(".pdf")


def test_a_report_without_a_number_has_no_report_number():
    from dataclasses import replace

    assert "reportNumber" not in graph(replace(REPORT, report_number=None))["Report"]


def test_breadcrumbs_are_a_list_of_positions():
    crumbs = graph(REPORT)["BreadcrumbList"]["itemListElement"]
    assert [(c["position"], c["name"], c["item"]) for c in crumbs] == [
        (1, "定海政协文献", f"{ORIGIN}/"), (2, "工作报告", f"{ORIGIN}/reports/"), (3, "常务委员会工作报告", f"{ORIGIN}/reports/r/")
    ]


def test_a_magazine_article_is_part_of_an_issue_of_a_volume_of_a_periodical():
    node = graph(ARTICLE)["Article"]
    issue = node["isPartOf"]
    assert issue["@type"] == "PublicationIssue" and issue["issueNumber"] == "1"
    assert issue["datePublished"] == "2023-03-31"
    assert issue["isPartOf"] == {"@type": "PublicationVolume", "volumeNumber": "5",
                                 "isPartOf": {"@type": "Periodical", "name": "Dinghai CPPCC"}}
    assert node["translationOfWork"]["url"] == f"{ORIGIN}/magazine/a/"
    assert node["articleSection"] == "Consultation"


def test_a_periodical_has_its_issn_when_known():
    from dataclasses import replace

    work = replace(ARTICLE, issue=ISSUE)
    assert graph(work)["Article"]["isPartOf"]["isPartOf"] == {"@type": "Periodical", "name": "定海政协", "issn": "1234-5678"}


def test_a_story_is_an_article_with_its_photograph():
    (image,) = graph(STORY)["Article"]["image"]
    assert image == {
        "@type": "ImageObject", "contentUrl": f"{ORIGIN}/images/s.jpg", "url": f"{ORIGIN}/images/s.jpg",
        "width": 1600, "height": 1067, "description": "老码头", "caption": "清晨的老码头。",
        "creditText": "图：示例", "dateCreated": "1986",
    }


def test_the_json_cannot_close_its_script_element():
    from dataclasses import replace

    text = script_json(json_ld(replace(STORY, title="</script><script>alert(1)</script> & more")))
    assert "</" not in text and "<" not in text and "&" not in text
    assert json.loads(text)["@graph"][0]["name"] == "</script><script>alert(1)</script> & more"


def tags(found):
    return [(tag.key, tag.value) for tag in found]


def test_highwire_tags_for_a_report():
    found = tags(highwire(REPORT))
    assert ("citation_title", "常务委员会工作报告") in found
    assert ("citation_author", "政协舟山市定海区委员会常务委员会") in found
    assert ("citation_publication_date", "2023/02/14") in found
    assert ("citation_language", "zh") in found
    assert ("citation_technical_report_number", "定政协〔2023〕1号") in found
    assert ("citation_pdf_url", f"{ORIGIN}/pdfs/r.pdf") in found
    assert not any(key == "citation_journal_title" for key, _ in found)


def test_highwire_tags_for_a_magazine_article():
    found = tags(highwire(ARTICLE))
    assert ("citation_journal_title", "Dinghai CPPCC") in found
    assert ("citation_issue", "1") in found and ("citation_volume", "5") in found
    assert not any(key == "citation_pdf_url" for key, _ in found)


def test_open_graph_and_twitter():
    found = tags(open_graph(STORY))
    assert ("og:type", "article") in found and ("og:url", f"{ORIGIN}/stories/s/") in found
    assert ("og:locale", "zh_CN") in found and ("og:image", f"{ORIGIN}/images/s.jpg") in found
    assert ("twitter:card", "summary_large_image") in found
    assert not any(key == "og:locale:alternate" for key, _ in found)
    report = tags(open_graph(REPORT))
    assert ("og:locale:alternate", "en_GB") in report
    assert ("twitter:card", "summary") in report and not any(key == "og:image" for key, _ in report)
    assert {tag.attribute for tag in open_graph(REPORT) if tag.key.startswith("og:")} == {"property"}


# citations ------------------------------------------------------------------------------------------


def test_gb_t_7714_for_a_report_and_one_of_its_sections():
    assert gb_t_7714(REPORT) == (
        "政协舟山市定海区委员会常务委员会. 常务委员会工作报告: 七届二次会议[R/OL]. (2023-02-14). "
        f"{ORIGIN}/reports/r/."
    )
    section = Section("s-2", "在助推产业发展上积极献计。")
    assert gb_t_7714(REPORT, section) == (
        "政协舟山市定海区委员会常务委员会. 在助推产业发展上积极献计[R/OL]//政协舟山市定海区委员会常务委员会. "
        f"常务委员会工作报告: 七届二次会议. (2023-02-14). {ORIGIN}/reports/r/#s-2."
    )


def test_gb_t_7714_for_a_magazine_article_and_a_story():
    from dataclasses import replace

    article = replace(STORY, kind="article", title="让海岛老人安享晚年", issue=ISSUE, images=())
    assert gb_t_7714(article) == f"区政协文史委. 让海岛老人安享晚年[J/OL]. 定海政协, 2023(1). {ORIGIN}/stories/s/."
    assert gb_t_7714(STORY) == f"区政协文史委. 老码头的早晨[EB/OL]. (2023-04-18). {ORIGIN}/stories/s/."


def test_chicago_for_english():
    assert chicago(ARTICLE) == (
        f"Editorial Office. “A Secure Old Age.” Dinghai CPPCC 5, no. 1 (2023). {ORIGIN}/en/magazine/a/."
    )
    assert chicago(ARTICLE, Section("s-1", "1. Listening on the small islands")) == (
        "Editorial Office. “1. Listening on the small islands.” In “A Secure Old Age.” Dinghai CPPCC 5, no. 1 (2023). "
        f"{ORIGIN}/en/magazine/a/#s-1."
    )


@pytest.mark.parametrize("style", ["gb-t-7714-2015", "chicago"])
@pytest.mark.parametrize("work", [REPORT, ARTICLE, STORY])
def test_a_section_citation_carries_its_deep_link(work, style):
    text = cite(work, style, Section("s-1-2", "标题"))
    assert f"{work.url}#s-1-2" in text
    assert f"{work.url}#" not in cite(work, style)


def test_a_whole_issue_is_cited_by_its_number():
    from dataclasses import replace

    issue = replace(ARTICLE, kind="issue", title="Dinghai CPPCC, 2023 No. 1", authors=(), original=None)
    assert chicago(issue) == (
        f"Dinghai CPPCC 5, no. 1 (2023). CPPCC Dinghai, 31 March 2023. {ORIGIN}/en/magazine/a/."
    )
    zh = replace(STORY, kind="issue", title="《定海政协》2023年第1期", authors=(), issue=ISSUE, images=())
    assert gb_t_7714(zh) == f"政协舟山市定海区委员会. 《定海政协》2023年第1期[J/OL]. 定海政协, 2023(1). {ORIGIN}/stories/s/."
