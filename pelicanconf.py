"""Local build settings for the demo school (Trường THCS Thanh Bình).

A school changes the SCHOOL block and the lists below; templates read them,
so the school's identity is written once.
"""

import os
import sys

ROOT = os.path.dirname(os.path.abspath(__file__))
# The plugins are importable from here on (Markdown loads vietnamese.headings),
# and so is sitetools (plugins use sitetools.paths).
sys.path[:0] = [os.path.join(ROOT, "plugins"), ROOT]

# --- The school's identity (used by the header, footer, metadata, reports) ---
SCHOOL = {
    "name": "Trường Trung học cơ sở Thanh Bình",
    "short_name": "THCS Thanh Bình",
    "parent": "Ủy ban nhân dân xã Thanh Bình",
    "parent_url": "https://thanhbinh.phutho.gov.vn/",
    "authority": "Sở Giáo dục và Đào tạo tỉnh Phú Thọ",
    "authority_url": "https://sogddt.phutho.gov.vn/",
    "address": "Khu 5, xã Thanh Bình, tỉnh Phú Thọ",
    "phone": "0210 3851 200",
    "email": "c2thanhbinh@phutho.edu.vn",
    "responsible": "Nguyễn Văn Hùng",
    "responsible_title": "Hiệu trưởng",
    "logo": "images/logo.svg",
    "place": "Thanh Bình",
    "signer_title": "Hiệu trưởng",
    "signer_name": "Nguyễn Văn Hùng",
    "report_symbol": "BC-THCSTB",
    "founded": 1965,
}

SITENAME = SCHOOL["name"]
SITESUBTITLE = SCHOOL["parent"]
AUTHOR = SCHOOL["short_name"]
SITEURL = ""
PATH = "content"
THEME = "theme"
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

CATEGORIES = [
    "Tin tức – Sự kiện",
    "Thông báo",
    "Hoạt động chuyên môn",
    "Đoàn – Đội",
    "Tuyển sinh",
    "Gương sáng",
]
DEFAULT_CATEGORY = "Tin tức – Sự kiện"
USE_FOLDER_AS_CATEGORY = False
NOTICE_CATEGORY = "Thông báo"

MENU = [
    ("Trang chủ", ""),
    ("Giới thiệu", "gioi-thieu/"),
    ("Tin tức", "tin-tuc-su-kien/"),
    ("Thông báo", "thong-bao/"),
    ("Văn bản", "van-ban/"),
    ("Công khai", "cong-khai/"),
    ("Tuyển sinh", "thong-tin-tuyen-sinh/"),
    ("Dịch vụ trực tuyến", "lien-ket/"),
    ("Liên hệ", "lien-he/"),
    ("Sơ đồ trang", "so-do-trang/"),
]

# Side menu of the introduction pages (checklist A1).
INTRO_MENU = [
    ("Giới thiệu chung", "gioi-thieu/"),
    ("Lịch sử hình thành", "lich-su/"),
    ("Chức năng, nhiệm vụ", "chuc-nang-nhiem-vu/"),
    ("Cơ cấu tổ chức", "co-cau-to-chuc/"),
    ("Lãnh đạo nhà trường", "lanh-dao/"),
    ("Liên hệ", "lien-he/"),
]

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
        "vietnamese.headings": {},  # heading ids from the Vietnamese slug (toc without the TOC)
        "markdown.extensions.meta": {},
    },
    "output_format": "html5",
}
SUMMARY_MAX_LENGTH = 40
TYPOGRIFY = False
# Text from front matter and data files (titles with "quotes", & or <) is
# escaped; article and page HTML is marked safe where the theme prints it.
JINJA_ENVIRONMENT = {"trim_blocks": True, "lstrip_blocks": True, "extensions": [],
                     "autoescape": True}

# --- Content-Security-Policy of every page (a <meta> in theme/templates/base.html):
# the theme's own scripts, styles and pictures only; Pagefind's search needs
# 'wasm-unsafe-eval' for its WebAssembly. frame-ancestors cannot be set by a
# <meta>: send it as a header where the host allows (docs/huong-dan-bien-tap.md).
# The editor at /admin/ gets its own, stricter policy (plugins/web_editor).
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; "
    "img-src 'self' data:; font-src 'self'; connect-src 'self'; media-src 'self'; "
    "object-src 'none'; frame-src 'none'; base-uri 'self'; form-action 'self'"
)

# --- Plugins: always explicit (an unset list loads every installed plugin) ---
PLUGIN_PATHS = ["plugins"]
PLUGINS = [
    "plain_pelican",  # `pelican content` reports in Vietnamese, exit 1 on any error
    "front_matter",
    "sanitize_html",  # allowlist for body HTML, before it is cached
    "safe_paths",  # content read only inside content/, output written only inside the output folder
    "vietnamese",
    "theme_context",
    "publish_guard",
    "related",
    "neighbors",
    "xml_sitemap",  # sitemap.xml (lastmod: the content's dates) and robots.txt
    "fast_urls",
    "parallel_read",
    "parallel_write",
    "template_cache",
    "content_cache_key",  # reads everything again when Markdown settings or plugins changed
    "web_editor",
    "linear_archives",
    "plan_evidence",
    "district_rollup",  # /tong-hop/ on a district's site (SCHOOL["level"] == "phong-gddt")
    "school_sections",  # data-driven sections (content/data, van-ban, cong-khai)
    "images",
    "old_urls",  # a page at each old (imported) address leading to the new one
    "search_index",  # after every plugin that writes pages
    "compliance",  # last: checks the finished output (search index included) at `finalized`
]

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
CACHE_PATH = "cache"
DELETE_OUTPUT_DIRECTORY = False
OUTPUT_PATH = "output"
RELATIVE_URLS = False
