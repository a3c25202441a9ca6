"""The search plugin in a real Pelican build, queried in a real browser."""

import json
import shutil
from pathlib import Path

import pytest
from pelican import Pelican
from pelican.settings import read_settings

from harness import ROOT, Guard, chromium_available, free_port, launch, serve

ARTICLES = {
    "dai-hoi.md": ("Đại hội Đoàn trường nhiệm kỳ 2025–2026", "Đoàn – Đội",
                   "Sáng nay, Đoàn trường tổ chức đại hội đại biểu."),
    "tuyen-sinh.md": ("Thông báo tuyển sinh lớp 6 năm học 2025–2026", "Tuyển sinh",
                      "Nhà trường thông báo kế hoạch tuyển sinh vào lớp 6."),
    "the-thao.md": ("Hội khỏe Phù Đổng cấp trường", "Tin tức – Sự kiện",
                    "Học sinh thi đấu điền kinh và bóng đá."),
}


def make_theme(tmp_path: Path) -> Path:
    theme = tmp_path / "theme"
    shutil.copytree(Path(__import__("pelican").__path__[0]) / "themes/simple", theme)
    (theme / "templates/base.html").write_text(
        (theme / "templates/base.html").read_text().replace(
            "<body>", "<body><main>").replace("</body>", "</main></body>")
        # the real theme's `head` block is an extension point after the charset
        .replace("<head>", '<head><meta charset="utf-8">', 1))
    shutil.copy(ROOT / "theme/templates/search.html", theme / "templates/search.html")
    shutil.copytree(ROOT / "theme/templates/components", theme / "templates/components",
                    dirs_exist_ok=True)
    stub = theme / "templates/components/breadcrumb.html"
    if not stub.exists():  # before the foundation's theme is merged
        stub.write_text("{% macro breadcrumb(items) %}{% endmacro %}", encoding="utf-8")
    (theme / "static/js").mkdir(parents=True, exist_ok=True)
    shutil.copy(ROOT / "theme/static/js/search.js", theme / "static/js/search.js")
    return theme


def build(tmp_path: Path, siteurl: str = "", drafts: bool = True) -> Path:
    content = tmp_path / "content"
    (content / "articles").mkdir(parents=True)
    for i, (name, (title, cat, body)) in enumerate(ARTICLES.items()):
        (content / "articles" / name).write_text(
            f"Title: {title}\nDate: 2025-09-1{i} 07:30\nCategory: {cat}\n"
            f"Summary: {body}\n\n{body}\n", encoding="utf-8")
    if drafts:
        (content / "articles/nhap.md").write_text(
            "Title: Bản nháp đại hội Đoàn bí mật\nDate: 2025-09-01\nStatus: draft\n\nNháp.\n",
            encoding="utf-8")
    (content / "tpl").mkdir()
    for name in ("vb.html", "vb2.html"):
        (content / "tpl" / name).write_text(
            "<!DOCTYPE html><html lang=vi><title>x</title><nav>Trang chủ</nav><main><h1>Quyết định "
            "số 12/QĐ-THCS về Đại hội Đoàn</h1><p>Trích yếu: thành lập ban tổ chức.</p></main>",
            encoding="utf-8")
    out = tmp_path / "output"
    settings = read_settings(path=None, override={
        "PATH": str(content), "OUTPUT_PATH": str(out), "CACHE_PATH": str(tmp_path / "cache"),
        "THEME": str(make_theme(tmp_path)), "SITEURL": siteurl, "SITENAME": "Trường THCS Demo",
        "DEFAULT_LANG": "vi", "TIMEZONE": "Asia/Ho_Chi_Minh",
        "PLUGINS": ["truongweb.plugins.search_index"],
        "FEED_ALL_ATOM": None, "CATEGORY_FEED_ATOM": None, "AUTHOR_FEED_ATOM": None,
        "AUTHOR_FEED_RSS": None, "TRANSLATION_FEED_ATOM": None,
        # pages written by other plugins (documents): indexed from their <main>
        "TEMPLATE_PAGES": {"tpl/vb.html": "van-ban/qd-12/index.html",
                           "tpl/vb2.html": "van-ban/trang-2/index.html"},
        "ARTICLE_PATHS": ["articles"], "PAGE_PATHS": ["pages"],
    })
    Pelican(settings).run()
    return out


def test_index_written_locally_with_published_articles_only(tmp_path):
    out = build(tmp_path)
    page = (out / "tim-kiem/index.html").read_text(encoding="utf-8")
    assert 'action="/tim-kiem/"' in page and 'name="q"' in page
    assert 'data-search-index="/tim-kiem/chi-muc/"' in page and "/theme/js/search.js" in page
    assert 'data-site-root="/"' in page
    assert "<noscript>" in page and "Lưu trữ theo thời gian" in page
    folder = out / "tim-kiem/chi-muc"
    manifest = json.loads((folder / "index.json").read_text())
    # 3 articles + 1 document page; not the draft, not the pagination page
    assert manifest["pages"] == 4 and len(manifest["lengths"]) == 4
    shown = [row for name in manifest["chunks"]
             for row in json.loads((folder / name).read_text(encoding="utf-8"))]
    titles = {row[1] for row in shown}
    assert titles == {title for title, _c, _b in ARTICLES.values()} | {
        "Quyết định số 12/QĐ-THCS về Đại hội Đoàn"}
    assert all(not row[0].startswith(("/", "http")) for row in shown)  # site-root relative
    doan = json.loads((folder / manifest["terms"]["do"]).read_text())["doan"]
    assert len(doan) == 2 * 2  # two pages (the article and the document), not the draft
    assert "đ" not in "".join(json.loads((folder / n).read_text()).__str__()
                              for n in manifest["terms"].values())
    assert (out / "theme/js/search.js").is_file()
    assert not (out / "pagefind").exists()


@pytest.fixture(scope="module")
def served(tmp_path_factory, playwright_session):
    if not chromium_available():
        pytest.fail("needs /usr/bin/chromium (apt-get install chromium; see .ci/run)")
    port = free_port()
    out = build(tmp_path_factory.mktemp("search"), siteurl=f"http://127.0.0.1:{port}")
    with serve(out, port) as base:
        browser = launch(playwright_session)
        yield base, browser
        browser.close()


@pytest.mark.parametrize("query, expected, absent", [
    ("dai hoi doan", "Đại hội Đoàn trường nhiệm kỳ 2025–2026", "tuyển sinh"),
    ("Đại hội Đoàn", "Đại hội Đoàn trường nhiệm kỳ 2025–2026", "tuyển sinh"),
    ("tuyen sinh", "Thông báo tuyển sinh lớp 6 năm học 2025–2026", "Đại hội"),
    ("phu dong", "Hội khỏe Phù Đổng cấp trường", "Đại hội"),
    ("quyet dinh 12", "Quyết định số 12/QĐ-THCS về Đại hội Đoàn", "tuyển sinh"),
])
def test_typing_without_diacritics_finds_accented_articles(served, query, expected, absent):
    from playwright.sync_api import expect

    base, browser = served
    context = browser.new_context()
    guard = Guard(context)
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(base + "/tim-kiem/")
    page.get_by_label("Từ khóa cần tìm").fill(query)
    page.keyboard.press("Enter")
    status = page.locator(".search-status")
    expect(status).to_contain_text("kết quả cho")
    titles = page.locator(".search-item-title a")
    expect(titles.first).to_have_text(expected)
    assert absent not in " ".join(titles.all_inner_texts())
    assert "nháp" not in " ".join(titles.all_inner_texts()).lower()
    href = titles.first.evaluate("a => a.href")
    assert href.startswith(base + "/")
    assert page.request.get(href).status == 200
    # the URL keeps the query: reloading shows the same results
    page.reload()
    expect(page.locator(".search-item-title a").first).to_have_text(expected)
    page.get_by_label("Từ khóa cần tìm").fill("zzzkhongco")
    expect(status).to_have_text("Không tìm thấy kết quả nào cho “zzzkhongco”.")
    context.close()
    assert guard.blocked == [] and errors == []
