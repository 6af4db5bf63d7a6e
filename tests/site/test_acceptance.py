"""Issue 2's acceptance on the real site as readers get it, where it is about the whole site
rather than one plugin: the way to the report, stylesheets, the pelican-i18n-subsites defects
we must not have, no drafts, and a fully translated site. Languages, switcher, hreflang, UI
strings, feeds and sitemap: tests/plugins/bilingual/."""

import pytest
from sitebuild import exists, site_path

SLUG = "2022-standing-committee-work-report"
REPORT = {"zh": f"/reports/{SLUG}/", "en": f"/en/reports/{SLUG}/"}


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_home_page_leads_to_the_report(site_pages, lang):
    home = site_pages["/" if lang == "zh" else "/en/"]
    links = {site_path(a["href"]) for a in home.select("main a[href]")}
    reports_listing = "/reports/" if lang == "zh" else "/en/reports/"
    assert REPORT[lang] in links or (
        reports_listing in links
        and REPORT[lang] in {site_path(a["href"]) for a in site_pages[reports_listing].select("main a[href]")}
    ), f"no way from the {lang} home page to {REPORT[lang]}"


def test_every_stylesheet_link_names_a_real_css_file(site, site_pages):
    broken = []
    for url, soup in site_pages.items():
        links = soup.select("link[rel~=stylesheet]")
        if not links:
            broken.append(f"{url}: no stylesheet")
        for link in links:
            if not site_path(link["href"]).endswith(".css") or not exists(site, link["href"]):
                broken.append(f"{url}: {link['href']}")
    assert broken == [], "\n".join(broken[:10])


def test_no_en_dotdot_anywhere_in_the_output(site):
    offenders = [
        path.relative_to(site).as_posix()
        for path in site.rglob("*")
        if path.suffix in {".html", ".xml", ".txt", ".css", ".js", ".json"}
        and "/en/../" in path.read_text(encoding="utf-8", errors="replace")
    ]
    assert offenders == []


def test_no_draft_pages_are_written(site):
    assert not (site / "drafts").exists() and not (site / "en/drafts").exists()


def test_every_publication_of_the_real_site_has_its_translation(site_pages):
    """The real content is fully translated: no page of it is a "not translated yet" notice."""
    # Not "no page is noindex": the 404 pages and the parallel reading views are, by design.
    assert [url for url, soup in site_pages.items() if soup.select_one("article.untranslated")] == []
