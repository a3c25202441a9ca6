"""The foundation: a real build of a small site, every page type, Vietnamese
slugs and dates, safe publishing."""

import re
import shutil
import time
from datetime import datetime, timedelta
from html.parser import HTMLParser
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from helpers import TEST_SITE, all_html, build_site, read

ARTICLE = "doan-doi/2025/09/dai-hoi-doan/index.html"
DRAFT_MARKERS = ("bí mật-nhap-xyz", "Bài nháp chưa duyệt")
HIDDEN_MARKERS = ("bí-mật-an-xyz", "Bài ẩn về kế hoạch")
FUTURE_MARKERS = ("bí-mật-hen-gio-xyz", "Bài hẹn giờ đăng năm sau")


@pytest.fixture(scope="module")
def local_site(tmp_path_factory):
    return build_site(tmp_path_factory.mktemp("local"), content=TEST_SITE)


@pytest.fixture(scope="module")
def publish_site(tmp_path_factory):
    return build_site(tmp_path_factory.mktemp("publish"), content=TEST_SITE, publish=True)


@pytest.mark.parametrize(
    "page",
    [
        "index.html",
        ARTICLE,
        "gioi-thieu/index.html",
        "tin-tuc-su-kien/index.html",
        "tin-tuc-su-kien/trang-2/index.html",
        "the/hoat-dong/index.html",
        "the/index.html",
        "tac-gia/pham-thu-ha/index.html",
        "tac-gia/index.html",
        "chuyen-muc/index.html",
        "luu-tru/index.html",
        "luu-tru/2025/index.html",
        "luu-tru/2025/09/index.html",
        "404.html",
        "feeds/all.atom.xml",
        "feeds/doan-doi.atom.xml",
        "sitemap.xml",
    ],
)
def test_every_page_type_is_generated(local_site, page):
    assert (local_site / page).is_file(), page


def test_vietnamese_title_gives_ascii_url_and_heading_anchor(local_site):
    html = read(local_site / ARTICLE)
    assert '<h2 id="dai-hoi-doan">Đại hội Đoàn</h2>' in html
    assert 'href="/doan-doi/2025/09/dai-hoi-doan/"' in read(local_site / "doan-doi/index.html")


def test_dates_are_vietnamese_with_machine_readable_offset(local_site):
    html = read(local_site / ARTICLE)
    assert '<time datetime="2025-09-05T07:30:00+07:00">Thứ Sáu, 05/09/2025 07:30</time>' in html
    assert '<meta name="DC.date" content="2025-09-05T07:30:00+07:00">' in html


def test_key_value_headers_still_work(local_site):
    html = read(local_site / "thong-bao/2025/10/thong-bao-lich-hop-phu-huynh-hoc-ky-i/index.html")
    assert "<h1>Thông báo lịch họp phụ huynh học kỳ I</h1>" in html
    assert "Thứ Chủ" not in html and "Chủ Nhật, 12/10/2025 14:15" in html


def test_article_page_has_author_category_tags_print_and_neighbours(local_site):
    html = read(local_site / ARTICLE)
    assert 'href="/tac-gia/le-van-binh/"' in html
    assert 'href="/the/doan-thanh-nien/" rel="tag"' in html
    assert "data-print" in html and "In bài viết" in html
    assert 'rel="next"' in html or 'rel="prev"' in html


def test_related_articles_share_a_tag(local_site):
    html = read(local_site / "tin-tuc-su-kien/2025/02/tin-hoat-dong-so-1-cua-nha-truong/index.html")
    related = html.split('id="bai-lien-quan"', 1)[1]
    assert related.count('class="card"') == 4
    assert "Tin hoạt động số 1 của" not in related


def test_local_build_shows_drafts_clearly_marked(local_site):
    drafts = list((local_site / "ban-nhap").rglob("index.html"))
    assert len(drafts) == 2  # the draft and the scheduled article
    for page in drafts:
        html = read(page)
        assert "<strong>Bản nháp</strong>" in html
        assert '<meta name="robots" content="noindex">' in html


@pytest.mark.parametrize("markers", [DRAFT_MARKERS, HIDDEN_MARKERS, FUTURE_MARKERS])
def test_publish_build_leaks_nothing_unpublished(publish_site, markers):
    assert not (publish_site / "ban-nhap").exists()
    for path in publish_site.rglob("*"):
        if path.is_file() and path.suffix in {".html", ".xml", ".json", ".txt", ".csv"}:
            text = read(path)
            for marker in markers:
                assert marker not in text, f"{marker!r} leaked into {path}"


def test_publish_sitemap_and_feeds_use_absolute_urls(publish_site):
    siteurl = "https://thcsthanhbinh.phutho.edu.vn"
    feed = read(publish_site / "feeds/all.atom.xml")
    assert f'href="{siteurl}/doan-doi/2025/09/dai-hoi-doan/"' in feed
    sitemap = read(publish_site / "sitemap.xml")
    assert f"<loc>{siteurl}/doan-doi/2025/09/dai-hoi-doan/</loc>" in sitemap
    assert "ban-nhap" not in sitemap


def test_scheduled_article_appears_on_first_build_after_its_date(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(TEST_SITE, content)
    soon = datetime.now(ZoneInfo("Asia/Ho_Chi_Minh")) + timedelta(seconds=3)
    (content / "articles" / "hen-gio.md").write_text(
        "---\ntitle: Bài hẹn giờ sắp đăng\n"
        f"date: {soon.isoformat(timespec='seconds')}\n"
        "category: Thông báo\nauthor: Lê Văn Bình\n---\nNội dung.\n",
        encoding="utf-8",
    )
    target = "thong-bao/{:%Y/%m}/bai-hen-gio-sap-dang/index.html".format(soon)
    # One cache for both builds, as a scheduled daily rebuild would have.
    before = build_site(tmp_path / "first", content=content, publish=True,
                        CACHE_PATH=str(tmp_path / "shared-cache"))
    assert not (before / target).exists()
    time.sleep(max(0.0, (soon - datetime.now(soon.tzinfo)).total_seconds()) + 1)
    after = build_site(tmp_path / "second", content=content, publish=True,
                       CACHE_PATH=str(tmp_path / "shared-cache"))
    assert (after / target).is_file()
    assert "Bài hẹn giờ sắp đăng" in read(after / "thong-bao/index.html")


def test_pages_contain_no_third_party_requests(local_site):
    for name, html in all_html(local_site).items():
        for url in re.findall(r'(?:src|href)="(https?://[^"]+)"', html):
            # Outgoing links are fine; loaded assets (scripts, styles, images) are not.
            assert not re.search(rf'(?:src|rel="stylesheet" href)="{re.escape(url)}"', html), (name, url)


def test_build_does_not_write_into_content(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(TEST_SITE, content)
    before = sorted((p.relative_to(content), p.stat().st_mtime_ns) for p in content.rglob("*"))
    build_site(tmp_path, content=content)
    after = sorted((p.relative_to(content), p.stat().st_mtime_ns) for p in content.rglob("*"))
    assert before == after


class _Reader(HTMLParser):
    """Attribute values and the text of <title> and <h1>, as a browser reads them."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.metas, self.alts, self.texts, self._in = {}, [], {"title": "", "h1": ""}, None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "meta" and "name" in attrs:
            self.metas[attrs["name"]] = attrs.get("content")
        if tag == "img" and "alt" in attrs:
            self.alts.append(attrs["alt"])
        if tag in self.texts:
            self._in = tag

    def handle_endtag(self, tag):
        if tag == self._in:
            self._in = None

    def handle_data(self, data):
        if self._in:
            self.texts[self._in] += data


def test_quotes_ampersands_and_angle_brackets_in_front_matter_are_escaped(tmp_path):
    title = 'Hội thi "Giai điệu tuổi hồng" & lớp 6<7 <b>vui</b>'
    content = tmp_path / "content"
    shutil.copytree(TEST_SITE, content)
    (content / "articles" / "dau-nhay.md").write_text(
        "---\n"
        f"title: '{title}'\n"
        "date: 2025-03-01T08:00:00+07:00\n"
        "category: Tin tức – Sự kiện\n"
        "author: Phạm Thu Hà\n"
        "summary: 'Tiết mục \"Em yêu trường em\" & hơn thế'\n"
        "---\n"
        "Các lớp thi hát.\n", encoding="utf-8")
    output = build_site(tmp_path, content)
    page = next(output.rglob("hoi-thi-giai-dieu-tuoi-hong-*/index.html"))
    reader = _Reader()
    reader.feed(read(page))
    assert reader.texts["h1"].strip() == title  # shown as written, <b> included as text
    assert reader.texts["title"].startswith(title)
    assert reader.metas["DC.title"] == title  # the attribute is not cut at the first quote
    assert reader.metas["description"] == 'Tiết mục "Em yêu trường em" & hơn thế'
    assert "<b>vui</b>" not in read(page)
