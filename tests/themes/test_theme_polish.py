"""What readers see of the theme, in the built real site: fonts per language, print on wide paper,
the phone's back-to-contents bar, the <head> every page carries, and the archives' columns."""

import pytest

REPORT = "reports/2022-standing-committee-work-report/"
PREFIXES = {"zh": "", "en": "en/"}
PHONE = {"width": 390, "height": 844}

# The width of a right single quote (’) in ems, in the first paragraph of `selector`: CJK fonts
# draw it full-width (1em), Latin fonts as a narrow mark.
QUOTE_WIDTH = """selector => {
  const p = document.querySelector(selector);
  const probe = document.createElement('span');
  probe.textContent = '’';
  p.append(probe);
  const width = probe.getBoundingClientRect().width / parseFloat(getComputedStyle(probe).fontSize);
  probe.remove();
  return width;
}"""


@pytest.mark.parametrize("path", [REPORT, "about/", "magazine/2023-1/"])
@pytest.mark.parametrize("selector", [".publication__body p", "main h1", "main h2"])  # sans and serif
def test_english_pages_draw_latin_punctuation_with_latin_fonts(page, site_url, path, selector):
    page.goto(f"{site_url}/en/{path}")
    assert page.evaluate(QUOTE_WIDTH, selector) < 0.6
    page.goto(f"{site_url}/{path}")
    assert page.evaluate(QUOTE_WIDTH, selector) > 0.9, "Chinese keeps its CJK fonts first"


def test_each_column_of_the_parallel_view_takes_its_own_languages_fonts(page, site_url):
    page.goto(f"{site_url}/{REPORT}parallel/")
    assert page.evaluate(QUOTE_WIDTH, ".parallel__text[lang=en] p") < 0.6
    assert page.evaluate(QUOTE_WIDTH, ".parallel__text[lang=zh-CN] p") > 0.9


@pytest.mark.parametrize("lang", PREFIXES)
def test_a_report_printed_on_wide_paper_uses_the_full_width_and_only_its_text(page, site_url, lang):
    page.set_viewport_size({"width": 1123, "height": 794})  # A4 landscape at 96 dpi
    page.goto(f"{site_url}/{PREFIXES[lang]}{REPORT}")
    page.emulate_media(media="print")
    width = page.evaluate("document.querySelector('article.publication').getBoundingClientRect().width")
    assert width > 1000, f"the text is {width}px wide on 1123px paper"
    shown = page.evaluate("""selectors => selectors.filter(s => {
      const e = document.querySelector(s);
      return e && e.getClientRects().length > 0 && e.getBoundingClientRect().height > 0;
    })""", [".toc", ".publication__links", ".back-to-contents", ".cite > summary", ".cite__text"])
    assert shown == [".cite__text"], "the citation prints expanded, without controls or navigation"


def test_the_parallel_view_prints_without_its_way_back(page, site_url):
    page.goto(f"{site_url}/{REPORT}parallel/")
    back = page.locator(f"main a[href$='/{REPORT}']").first
    assert back.is_visible()
    page.emulate_media(media="print")
    assert not back.is_visible()


@pytest.mark.parametrize("lang", PREFIXES)
def test_back_to_contents_on_a_phone_waits_for_the_contents_to_scroll_away_and_covers_no_line(page, site_url, lang):
    page.set_viewport_size(PHONE)
    page.goto(f"{site_url}/{PREFIXES[lang]}{REPORT}")
    button = page.locator(".back-to-contents")
    assert not button.is_visible(), "beside the contents list it has nothing to do"
    page.evaluate("window.scrollTo(0, document.documentElement.scrollHeight / 2)")
    page.wait_for_timeout(200)
    assert button.is_visible()
    box = button.bounding_box()
    assert box["x"] <= 0 and box["x"] + box["width"] >= PHONE["width"], "a bar across the screen, no text beside it"
    assert page.evaluate("getComputedStyle(document.querySelector('.back-to-contents')).backgroundColor") != "rgba(0, 0, 0, 0)"


@pytest.mark.parametrize("lang", PREFIXES)
def test_the_long_report_title_keeps_to_four_lines_on_a_phone(page, site_url, lang):
    page.set_viewport_size(PHONE)
    page.goto(f"{site_url}/{PREFIXES[lang]}{REPORT}")
    lines = page.evaluate("""(() => {
      const h1 = document.querySelector('h1');
      return h1.getBoundingClientRect().height / parseFloat(getComputedStyle(h1).lineHeight);
    })()""")
    assert round(lines) <= 4


def test_english_body_text_is_not_justified(page, site_url):
    page.goto(f"{site_url}/en/{REPORT}")
    assert page.evaluate("getComputedStyle(document.querySelector('.publication__body p')).textAlign") != "justify"
    page.goto(f"{site_url}/{REPORT}")
    assert page.evaluate("getComputedStyle(document.querySelector('.publication__body p')).textAlign") == "justify"


def test_head_starts_with_the_charset_and_links_a_favicon_the_site_serves(site_pages, site):
    for url, soup in site_pages.items():
        first = soup.head.find(True)
        assert first.name == "meta" and first.get("charset") == "utf-8", f"{url}: <head> starts with <{first.name}>"
        icon = soup.head.select_one("link[rel=icon]")
        assert icon is not None, f"{url}: no favicon"
        assert (site / icon["href"].lstrip("/")).is_file(), f"{url}: {icon['href']} is not in the site"


def test_every_page_has_one_description_in_its_language(site_pages):
    for url, soup in site_pages.items():
        descriptions = soup.head.select("meta[name=description]")
        assert len(descriptions) == 1, f"{url}: {len(descriptions)} descriptions"
        text = descriptions[0]["content"].strip()
        assert text and "<" not in text, f"{url}: description {text!r}"
        chinese = any("\u4e00" <= ch <= "\u9fff" for ch in text)
        is_english = soup.html["lang"] == "en"
        assert chinese != is_english, f"{url} ({soup.html['lang']}): {text!r}"


@pytest.mark.parametrize("lang", PREFIXES)
def test_the_archives_put_dates_kinds_and_titles_in_columns(page, site_url, lang):
    page.goto(f"{site_url}/{PREFIXES[lang]}archives/")
    boxes = page.evaluate("""[...document.querySelectorAll('.archive__item')].map(li => Object.fromEntries(
      ['date', 'kind', 'title'].map(part => {
        const r = li.querySelector('.archive__' + part).getBoundingClientRect();
        return [part, {left: Math.round(r.left), right: r.right, top: r.top, bottom: r.bottom}];
      })))""")
    assert len(boxes) > 1
    assert len({item["date"]["left"] for item in boxes}) == 1
    assert len({item["title"]["left"] for item in boxes}) == 1, "titles start in one column"
    for item in boxes:
        assert item["title"]["left"] > item["date"]["right"]
        assert item["kind"]["top"] >= item["title"]["bottom"] - 1, "the kind sits under the title"


@pytest.mark.parametrize("lang", PREFIXES)
def test_the_issue_page_does_not_repeat_its_title_under_it(site_pages, lang):
    soup = site_pages[f"/{PREFIXES[lang]}magazine/2023-1/"]
    title = soup.select_one("h1").get_text()
    meta = soup.select_one(".publication__header .publication__meta").get_text()
    periodical = "定海政协" if lang == "zh" else "Dinghai CPPCC"
    assert periodical in title and periodical not in meta, meta


TRANSLATED = [REPORT, "stories/morning-at-the-old-pier/", "magazine/2023-1/",
              "magazine/2023-1-fishing-village-station/", "about/"]


@pytest.mark.parametrize("path", TRANSLATED)
def test_a_translation_says_so_and_links_to_its_original(site_pages, path):
    notes = site_pages[f"/en/{path}"].select(".translation-note")
    assert len(notes) == 1
    original = notes[0].select_one("a[href]")
    assert original["href"].rstrip("/").endswith(path.rstrip("/")) and "/en/" not in original["href"]
    assert original["hreflang"] == "zh-CN" and original.get_text() == site_pages[f"/{path}"].select_one("h1").get_text()
    assert not site_pages[f"/{path}"].select(".translation-note"), "the original is no translation"


def test_the_english_home_names_what_each_more_link_lists(site_pages):
    links = [a.get_text() for a in site_pages["/en/"].select(".latest .more a")]
    assert links == ["All reports", "All stories", "All issues"]
