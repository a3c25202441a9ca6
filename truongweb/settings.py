"""The product's settings: what every school's site shares.

A site's ``pelicanconf.py`` starts with ``globals().update(defaults())`` and
then writes only what is its own (the ``SCHOOL`` identity, and any list it
changes); ``publishconf.py`` is ``globals().update(publish_settings(__file__))``.
An upgrade of the package therefore changes every shared setting at once.
``defaults()`` returns fresh copies: Pelican changes some settings in place
(the Markdown reader appends to ``MARKDOWN["extensions"]``), and a process
that builds twice (``serve``, the tests) must not carry one build's changes
into the next.
``SITENAME``, ``SITESUBTITLE``, ``AUTHOR`` and ``SITEURL`` come from
``SCHOOL`` (the ``site_settings`` plugin), so the identity is written once.
"""

import copy
import importlib.util
import os
from pathlib import Path

from truongweb import theme as _theme
from truongweb.plugins.content_schema import levels as _levels
from truongweb.plugins.content_schema import vocabulary as _vocabulary

# Filled from SCHOOL by the site_settings plugin unless the site sets them.
SITENAME = None
SITESUBTITLE = None
AUTHOR = None

SITEURL = ""
PATH = "content"
THEME = os.path.dirname(_theme.__file__)
TIMEZONE = "Asia/Ho_Chi_Minh"
DEFAULT_LANG = "vi"

# Local builds show drafts and hidden articles, clearly marked "Bản nháp".
PUBLISH_MODE = False
# Scheduled posting: a future-dated article is a draft until its date passes.
WITH_FUTURE_DATES = False

# Notice shown on every page when a planned downtime is announced (C19), e.g.
# "Website tạm dừng để bảo trì từ 20:00 đến 22:00 ngày 30/11/2026."
DOWNTIME_NOTICE = ""

# --- Content layout ---
ARTICLE_PATHS = ["articles"]
PAGE_PATHS = ["pages"]
STATIC_PATHS = ["images"]
ARTICLE_EXCLUDES = []
PAGE_EXCLUDES = []
READERS = {"html": None, "rst": None}  # Markdown only: stray files are not articles

CATEGORIES = list(_vocabulary.CATEGORIES)
DEFAULT_CATEGORY = _vocabulary.DEFAULT_CATEGORY
USE_FOLDER_AS_CATEGORY = False
NOTICE_CATEGORY = _vocabulary.NOTICE_CATEGORY

# Menus of the default level (thcs); the levels plugin puts those of the
# site's SCHOOL["level"] in their place unless the site sets its own.
MENU = _levels.menu(_levels.LEVELS[_levels.DEFAULT_LEVEL])
# Side menu of the introduction pages (checklist A1).
INTRO_MENU = _levels.intro_menu(_levels.LEVELS[_levels.DEFAULT_LEVEL])

# --- Permanent, readable URLs ---
ARTICLE_URL = "{category}/{date:%Y}/{date:%m}/{slug}/"
ARTICLE_SAVE_AS = ARTICLE_URL + "index.html"
ARTICLE_LANG_URL = ARTICLE_URL
ARTICLE_LANG_SAVE_AS = ""
DRAFT_URL = "ban-nhap/{slug}/"
DRAFT_SAVE_AS = DRAFT_URL + "index.html"
DRAFT_LANG_SAVE_AS = ""
PAGE_URL = "{slug}/"
PAGE_SAVE_AS = PAGE_URL + "index.html"
PAGE_LANG_SAVE_AS = ""
DRAFT_PAGE_URL = "ban-nhap/trang/{slug}/"
DRAFT_PAGE_SAVE_AS = DRAFT_PAGE_URL + "index.html"
CATEGORY_URL = "{slug}/"
CATEGORY_SAVE_AS = CATEGORY_URL + "index.html"
CATEGORIES_URL = "chuyen-muc/"
CATEGORIES_SAVE_AS = CATEGORIES_URL + "index.html"
TAG_URL = "the/{slug}/"
TAG_SAVE_AS = TAG_URL + "index.html"
TAGS_URL = "the/"
TAGS_SAVE_AS = TAGS_URL + "index.html"
AUTHOR_URL = "tac-gia/{slug}/"
AUTHOR_SAVE_AS = AUTHOR_URL + "index.html"
AUTHORS_URL = "tac-gia/"
AUTHORS_SAVE_AS = AUTHORS_URL + "index.html"
ARCHIVES_URL = "luu-tru/"
ARCHIVES_SAVE_AS = ARCHIVES_URL + "index.html"
YEAR_ARCHIVE_URL = "luu-tru/{date:%Y}/"
YEAR_ARCHIVE_SAVE_AS = YEAR_ARCHIVE_URL + "index.html"
MONTH_ARCHIVE_URL = "luu-tru/{date:%Y}/{date:%m}/"
MONTH_ARCHIVE_SAVE_AS = MONTH_ARCHIVE_URL + "index.html"
DIRECT_TEMPLATES = ["index", "categories", "tags", "authors", "archives", "404"]
TEMPLATE_PAGES = {}
SLUGIFY_SOURCE = "title"

DEFAULT_PAGINATION = 12
PAGINATED_TEMPLATES = {
    "category": None,
    "tag": None,
    "author": None,
    "period_archives": 30,
}
PAGINATION_PATTERNS = (
    (1, "{url}", "{save_as}"),
    (2, "{base_name}/trang-{number}/", "{base_name}/trang-{number}/index.html"),
)

# --- Feeds (relative locally; publishconf makes them absolute) ---
FEED_ALL_ATOM = "feeds/all.atom.xml"
CATEGORY_FEED_ATOM = "feeds/{slug}.atom.xml"
FEED_ATOM = None
FEED_ALL_RSS = None
CATEGORY_FEED_RSS = None
TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None
FEED_MAX_ITEMS = 30
RSS_FEED_SUMMARY_ONLY = True

# --- Markdown: headings get ASCII anchors ("Đại hội Đoàn" -> dai-hoi-doan) ---
MARKDOWN = {
    "extension_configs": {
        "markdown.extensions.extra": {},
        "truongweb.plugins.vietnamese.headings": {},  # heading ids from the Vietnamese slug (toc without the TOC)
        "markdown.extensions.meta": {},
    },
    "output_format": "html5",
}
SUMMARY_MAX_LENGTH = 40
TYPOGRIFY = False
# Text from front matter and data files (titles with "quotes", & or <) is
# escaped; article and page HTML is marked safe where the theme prints it.
JINJA_ENVIRONMENT = {"trim_blocks": True, "lstrip_blocks": True, "extensions": [],
                     # a build never edits a template: no stat per template lookup
                     "auto_reload": False,
                     "autoescape": True}

# --- Content-Security-Policy of every page (a <meta> in theme/templates/base.html):
# the theme's own scripts, styles and pictures only (search is plain JavaScript
# reading JSON, no WebAssembly). frame-ancestors cannot be set by a
# <meta>: send it as a header where the host allows (docs/huong-dan-bien-tap.md).
# The editor at /admin/ gets its own, stricter policy (plugins/web_editor).
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; "
    "img-src 'self' data:; font-src 'self'; connect-src 'self'; media-src 'self'; "
    "object-src 'none'; frame-src 'none'; base-uri 'self'; form-action 'self'"
)

# --- Plugins: always explicit (an unset list loads every installed plugin) ---
PLUGIN_PATHS = []
PLUGINS = [
    # First: `pelican content` reports in Vietnamese, exit 1 on any error (also
    # the unsupported-Pelican message of site_settings, which comes next).
    "truongweb.plugins.plain_pelican",
    "truongweb.plugins.site_settings",  # before any plugin reads settings: SITENAME from SCHOOL, renamed settings, Pelican version
    "truongweb.plugins.levels",  # SCHOOL["level"] checked; menus of the kind of unit
    "truongweb.plugins.front_matter",
    "truongweb.plugins.category_pages",  # a page for every category of CATEGORIES, even before its first article
    "truongweb.plugins.sanitize_html",  # allowlist for body HTML, before it is cached
    "truongweb.plugins.safe_paths",  # content read only inside content/, output written only inside the output folder
    "truongweb.plugins.vietnamese",
    "truongweb.plugins.theme_context",
    "truongweb.plugins.publish_guard",
    "truongweb.plugins.related",
    "neighbors",
    "truongweb.plugins.xml_sitemap",  # sitemap.xml (lastmod: the content's dates) and robots.txt
    "truongweb.plugins.speed.fast_urls",
    "truongweb.plugins.speed.parallel_read",
    "truongweb.plugins.speed.parallel_write",
    "truongweb.plugins.speed.template_cache",
    "truongweb.plugins.speed.content_cache_key",  # reads everything again when Markdown settings or plugins changed
    "truongweb.plugins.web_editor",
    "truongweb.plugins.speed.linear_archives",
    "truongweb.plugins.plan_evidence",
    "truongweb.plugins.district_rollup",  # /tong-hop/ on a district's site (SCHOOL["level"] == "phong-gddt")
    "truongweb.plugins.school_sections",  # data-driven sections (content/data, van-ban, cong-khai)
    "truongweb.plugins.weekly",  # work schedule (+ .ics), menus, timetables: content/lich-cong-tac, thuc-don, thoi-khoa-bieu
    "truongweb.plugins.images",
    "truongweb.plugins.old_urls",  # a page at each old (imported) address leading to the new one
    "truongweb.plugins.search_index",  # after every plugin that writes pages
    "truongweb.plugins.compliance",  # last: checks the finished output (search index included) at `finalized`
]

# Weekly content (plugins/weekly): the day whose week is "this week" on the
# home page; None: today in TIMEZONE (the site is rebuilt each day).
WEEKLY_TODAY = None

# Compliance checker (plugins/compliance): URLs already published, which must
# keep working (checklist C18); one per line, relative to content/.
COMPLIANCE_PUBLISHED_URLS = "data/duong-dan-da-cong-bo.txt"
# Output folders that are not public pages (the web editor): rules skip them.
COMPLIANCE_EXCLUDE = ["admin/"]

SITEMAP = {
    "format": "xml",
    "exclude": ["ban-nhap/", "admin/", "404.html"],
    "changefreqs": {"articles": "monthly", "indexes": "daily", "pages": "monthly"},
}

# --- Speed: reuse parsed content between builds; md5 survives fresh clones ---
CACHE_CONTENT = True
LOAD_CONTENT_CACHE = True
CHECK_MODIFIED_METHOD = "md5"
# Pickled, not gzipped: compressing the content cache was the largest single
# cost of a cold build (0.57 s at 2,000 articles), unpacking it a warm one's;
# a CI cache compresses the folder anyway.
GZIP_CACHE = False
CACHE_PATH = "cache"
DELETE_OUTPUT_DIRECTORY = False
OUTPUT_PATH = "output"
RELATIVE_URLS = False


# Everything above is a site setting; what follows is about settings.
_PRODUCT = {name: value for name, value in dict(globals()).items() if name.isupper()}

# Settings renamed between versions: old name -> (new name, version of the rename).
# The site_settings plugin carries the old value over and says which to write.
RENAMED_SETTINGS = {}

PUBLISH_OVERRIDES = {
    "PUBLISH_MODE": True,
    "WITH_FUTURE_DATES": False,
    "DRAFT_SAVE_AS": "",
    "DRAFT_URL": "",
    "DRAFT_PAGE_SAVE_AS": "",
    "DRAFT_PAGE_URL": "",
}


def publish_settings(publishconf_file):
    """The settings of the public site: the site's ``pelicanconf.py`` (beside
    ``publishconf_file``) with absolute URLs and no draft anywhere (the
    ``publish_guard`` plugin enforces the rest). ``SITEURL`` is the
    environment's ``SITEURL`` if set (the publishing workflow), else
    ``SCHOOL["site_url"]``."""
    conf_path = Path(publishconf_file).resolve().with_name("pelicanconf.py")
    spec = importlib.util.spec_from_file_location("_truongweb_site_pelicanconf", conf_path)
    conf = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(conf)
    settings = {name: getattr(conf, name) for name in dir(conf) if name.isupper()}
    school = settings.get("SCHOOL") or {}
    site_url = os.environ.get("SITEURL") or school.get("site_url") or settings.get("SITEURL") or ""
    settings.update(PUBLISH_OVERRIDES, SITEURL=site_url.rstrip("/"), FEED_DOMAIN=site_url.rstrip("/"))
    return settings


def defaults():
    """A fresh copy of every product setting, for a site's pelicanconf.py."""
    return copy.deepcopy(_PRODUCT)


__all__ = ["defaults", "publish_settings"]
