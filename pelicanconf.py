"""Site settings for local builds. Production overrides live in publishconf.py."""

SITENAME = "定海政协文献"
SITEURL = ""
# Absolute origin for the few places that must not be relative (sitemap, feeds,
# canonical links); publishconf.py replaces it with the public address.
SITE_ORIGIN = "http://127.0.0.1:8000"
AUTHOR = "政协舟山市定海区委员会"
TIMEZONE = "Asia/Shanghai"

PATH = "content"
THEME = "themes/dinghai"
PLUGIN_PATHS = ["plugins"]
PLUGINS = ["strict", "bilingual", "publications", "section_index", "search"]

ARTICLE_PATHS = ["reports", "stories", "magazine"]
PAGE_PATHS = ["pages"]
STATIC_PATHS = ["images"]
# The first folder under content/ (reports, stories, magazine) becomes the
# publication's category, which is its URL prefix. Kinds, not categories, make
# the listings, so Pelican's category pages stay off.
PATH_METADATA = r"(?P<category>[^/]+)/.*"
USE_FOLDER_AS_CATEGORY = False

# Languages: Chinese is the original at the site root, English under /en/.
DEFAULT_LANG = "zh"
BILINGUAL_LANGUAGES = {
    "zh": {"html_lang": "zh-CN", "locale": "zh_Hans_CN", "prefix": "", "og_locale": "zh_CN",
           "sitename": "定海政协文献", "name": "中文"},
    "en": {"html_lang": "en", "locale": "en_GB", "prefix": "en/", "og_locale": "en_GB",
           "sitename": "Dinghai CPPCC Publications", "name": "English"},
}

ARTICLE_URL = "{category}/{slug}/"
ARTICLE_SAVE_AS = ARTICLE_URL + "index.html"
ARTICLE_LANG_URL = "{lang}/{category}/{slug}/"
ARTICLE_LANG_SAVE_AS = ARTICLE_LANG_URL + "index.html"
PAGE_URL = "{slug}/"
PAGE_SAVE_AS = PAGE_URL + "index.html"
PAGE_LANG_URL = "{lang}/{slug}/"
PAGE_LANG_SAVE_AS = PAGE_LANG_URL + "index.html"
DRAFT_URL = "drafts/{slug}/"
DRAFT_SAVE_AS = DRAFT_URL + "index.html"
DRAFT_LANG_URL = "{lang}/drafts/{slug}/"
DRAFT_LANG_SAVE_AS = DRAFT_LANG_URL + "index.html"

# Listings, feeds and the sitemap are written once per language by the
# bilingual plugin; Pelican's own single-language versions are switched off.
DIRECT_TEMPLATES = []
CATEGORY_SAVE_AS = ""
CATEGORIES_SAVE_AS = ""
TAG_SAVE_AS = ""
TAGS_SAVE_AS = ""
AUTHOR_SAVE_AS = ""
AUTHORS_SAVE_AS = ""
ARCHIVES_SAVE_AS = ""
YEAR_ARCHIVE_SAVE_AS = ""
MONTH_ARCHIVE_SAVE_AS = ""
DAY_ARCHIVE_SAVE_AS = ""
FEED_ALL_ATOM = None
CATEGORY_FEED_ATOM = None
TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None
DEFAULT_PAGINATION = False

MARKDOWN = {
    "extension_configs": {
        "markdown.extensions.extra": {},
        "markdown.extensions.attr_list": {},
    },
    "output_format": "html5",
}
JINJA_ENVIRONMENT = {
    "extensions": ["jinja2.ext.i18n"],
    "trim_blocks": True,
    "lstrip_blocks": True,
    # Titles and metadata are text, escaped; rendered bodies are marked safe where shown.
    "autoescape": True,
    # Every build makes a new environment, so templates never change during one: without
    # this, each {% include %} of each page stats its template file again.
    "auto_reload": False,
}

# Kinds of publication; a kind with a listing gets /<listing>/ in each language.
PUBLICATION_KINDS = {
    "report": {"listing": "reports"},
    "story": {"listing": "stories"},
    "issue": {"listing": "magazine"},
    "article": {"listing": None},  # magazine articles are listed by their issue
}
SLUGIFY_USE_UNICODE = True  # tag pages keep readable Chinese names: /tags/共同富裕/

# The publishing body, as citations and metadata name it when a page names no author.
PUBLICATIONS_PUBLISHER = {"zh": "政协舟山市定海区委员会", "en": "CPPCC Zhoushan Dinghai District Committee"}
# Optional metadata the publications plugin reads (docs/metadata.md): a report's
# document number, a periodical's ISSN and volume, a PDF of the publication.
STRICT_EXTRA_METADATA = ["Report_number", "Issn", "Volume", "Pdf"]

# Controlled list of magazine columns (栏目), in the order issues show them.
MAGAZINE_COLUMNS = {
    "consultation": {"zh": "协商议政", "en": "Consultation and Deliberation"},
    "members": {"zh": "委员风采", "en": "Members at Work"},
    "history": {"zh": "文史天地", "en": "History and Culture"},
}

# Reproducible output: no build-time state in the pages.
CACHE_CONTENT = False
LOAD_CONTENT_CACHE = False
DELETE_OUTPUT_DIRECTORY = True
RELATIVE_URLS = False
TYPOGRIFY = False
# Markdown only: docutils would also warn that it has no 'zh' localisation.
READERS = {"rst": None}
