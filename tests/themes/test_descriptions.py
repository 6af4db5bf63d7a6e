"""A page's description is an attribute value: whatever its summary holds, quotes,
ampersands and angle brackets included, it must stay one well-formed attribute."""

from sitebuild import BASE, REPORT_EN, build_fixture_site, page_soup

AWKWARD = 'The "three-in-one" model & the <b>bold</b> plan.'


def test_a_summary_with_quotes_and_markup_characters_stays_one_attribute(tmp_path):
    report_en = REPORT_EN.replace("Tags: work report", f"Tags: work report\nSummary: {AWKWARD}")
    output = build_fixture_site(tmp_path, {**BASE, "reports/work-report.en.md": report_en})
    page = page_soup(output, "/en/reports/work-report/")
    descriptions = page.find_all("meta", attrs={"name": "description"})
    assert [meta["content"] for meta in descriptions] == ['The "three-in-one" model & the bold plan.']
    raw = (output / "en/reports/work-report/index.html").read_text(encoding="utf-8")
    assert 'content="The &#34;three-in-one&#34; model &amp; the bold plan."' in raw
