"""The demo school: a realistic site, built as the README's first command
builds it, and as it would be published."""

import re
from pathlib import Path

import pytest

from helpers import DEMO_CONTENT, build_site, read

DRAFT = "Kết quả hội giảng chào mừng Ngày Nhà giáo Việt Nam năm 2026"
HIDDEN = "Phân công trực hè và bảo vệ cơ sở vật chất năm 2026 (nội bộ)"
FUTURE = "Thông báo tuyển sinh vào lớp 6 năm học 2027–2028"
CATEGORY_SLUGS = ["tin-tuc-su-kien", "thong-bao", "hoat-dong-chuyen-mon", "doan-doi",
                  "tuyen-sinh", "guong-sang"]


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    return build_site(tmp_path_factory.mktemp("demo"))


@pytest.fixture(scope="module")
def demo_published(tmp_path_factory):
    return build_site(tmp_path_factory.mktemp("demo-publish"), publish=True)


def article_pages(output):
    return [p for p in output.rglob("index.html")
            if re.match(r"[a-z-]+/\d{4}/\d{2}/[a-z0-9-]+/index.html$",
                        p.relative_to(output).as_posix())]


def test_demo_has_a_school_year_of_articles_in_every_category(demo_published):
    pages = article_pages(demo_published)
    assert len(pages) >= 60
    months = {tuple(p.relative_to(demo_published).parts[1:3]) for p in pages}
    assert len(months) >= 12
    for slug in CATEGORY_SLUGS:
        assert len([p for p in pages if p.relative_to(demo_published).parts[0] == slug]) >= 3, slug


def test_demo_pages_exist(demo):
    for slug in ("gioi-thieu", "lich-su", "chuc-nang-nhiem-vu", "co-cau-to-chuc"):
        html = read(demo / slug / "index.html")
        assert "Giới thiệu" in html and 'aria-current="page"' in html


def test_demo_identity_everywhere(demo):
    for page in (demo / "index.html", demo / "404.html", article_pages(demo)[0]):
        html = read(page)
        assert "Trường Trung học cơ sở Thanh Bình" in html
        assert "Ủy ban nhân dân xã Thanh Bình" in html
        assert "Người chịu trách nhiệm: Nguyễn Văn Hùng – Hiệu trưởng" in html
        assert 'href="mailto:c2thanhbinh@phutho.edu.vn"' in html


def test_demo_heading_anchor_keeps_d(demo):
    html = read(demo / "doan-doi/2026/03/tuoi-tre-thanh-binh-soi-noi-thang-thanh-nien-nam-2026/index.html")
    assert '<h2 id="dai-hoi-doan">Đại hội Đoàn</h2>' in html


def test_demo_home_has_featured_notices_and_categories(demo):
    html = read(demo / "index.html")
    assert 'id="tin-noi-bat"' in html and 'id="thong-bao-moi"' in html
    for slug in CATEGORY_SLUGS:
        if slug != "thong-bao":
            assert f'id="muc-{slug}"' in html


def test_local_demo_marks_the_draft_and_future_article(demo):
    drafts = {read(p).split("<h1>", 1)[1].split("</h1>", 1)[0]: read(p)
              for p in (demo / "ban-nhap").rglob("index.html")}
    assert set(drafts) == {DRAFT, FUTURE}
    assert all("<strong>Bản nháp</strong>" in html for html in drafts.values())


@pytest.mark.parametrize("title", [DRAFT, HIDDEN, FUTURE])
def test_published_demo_leaks_no_unpublished_article(demo_published, title):
    for path in Path(demo_published).rglob("*"):
        if path.suffix in {".html", ".xml", ".json", ".csv", ".txt"}:
            assert title not in read(path), path


ATOM = "{http://www.w3.org/2005/Atom}"


def test_published_demo_schedule_weeks_are_an_atom_feed(demo_published):
    import xml.etree.ElementTree as ET

    feed = ET.parse(demo_published / "feeds" / "lich-cong-tac.atom.xml").getroot()
    entries = feed.findall(f"{ATOM}entry")
    links = [e.find(f"{ATOM}link").get("href") for e in entries]
    site = "https://thcsthanhbinh.phutho.edu.vn"  # SCHOOL["site_url"]
    assert links == [f"{site}/lich-cong-tac/{week}/" for week in ("2026-W50", "2026-W49", "2026-W48")]
    assert entries[1].find(f"{ATOM}title").text == "Lịch công tác tuần 49 (30/11–06/12/2026)"
    assert entries[1].find(f"{ATOM}published").text == "2026-11-30T00:00:00+07:00"
    assert entries[1].find(f"{ATOM}updated").text >= "2026-11-30"
    assert "Kiểm tra nội bộ hồ sơ chuyên môn" in entries[1].find(f"{ATOM}content").text
    feed_link = f'href="{site}/feeds/lich-cong-tac.atom.xml"'
    for page in ("lich-cong-tac/index.html", "lich-cong-tac/2026-W49/index.html"):
        head = read(demo_published / page).split("</head>")[0]
        assert f'<link rel="alternate" type="application/atom+xml" {feed_link}' in head
    footer = read(demo_published / "gioi-thieu" / "index.html").split('<footer class="site-footer">')[1]
    assert f"<a {feed_link}>Lịch công tác tuần (Atom)</a>" in footer
    assert not (demo_published / "feeds" / "thuc-don.atom.xml").exists()  # the demo has no menus
