"""The one content schema: allowed front matter keys of articles and pages,
bounded YAML, dates, encodings, limits, one meaning of ``status: hidden``.

Unit tests of the pure ``content_schema`` module, then real builds of a tiny
site (one good article, one page, plus the case's file) into tmp_path."""

import datetime as dt
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from helpers import ROOT, build_site, read, run_build_cli
from truongweb.build import BuildFailed

from truongweb.plugins.content_schema import (
    MAX_FILE_BYTES,
    FrontMatterError,
    YamlLimitError,
    check_metadata,
    decode_utf8,
    editor_keys,
    keys_for,
    load_limited,
    parse_date,
)

GOOD = ("---\ntitle: Bài mẫu đầy đủ\ndate: 2025-09-05T07:30:00+07:00\ncategory: Thông báo\n"
        "tags: [họp]\nauthor: Lê Văn Bình\n---\nNội dung.\n")
PAGE = "---\ntitle: Giới thiệu\nslug: gioi-thieu\norder: 1\n---\nTrang giới thiệu.\n"
HEAD = "---\ntitle: Bài lỗi\ndate: 2025-09-05 07:30\ncategory: Thông báo\n"
BOMB = (
    "x1: &a1 [1, 1, 1, 1, 1, 1, 1, 1, 1]\n"
    + "".join(f"x{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]\n" for i in range(2, 10))
    + "tags: *a9\n"
)


def tiny_site(tmp_path, files):
    """content/ with one good article and one page, plus ``files``
    ({relative path: str or bytes})."""
    content = tmp_path / "content"
    (content / "articles").mkdir(parents=True)
    (content / "pages").mkdir()
    (content / "articles" / "bai-mau.md").write_text(GOOD, encoding="utf-8")
    (content / "pages" / "gioi-thieu.md").write_text(PAGE, encoding="utf-8")
    for name, text in files.items():
        path = content / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8")
    return content


def build_errors(tmp_path, files, **overrides):
    content = tiny_site(tmp_path, files)
    with pytest.raises(BuildFailed) as failure:
        build_site(tmp_path, content=content, **overrides)
    return "\n".join(failure.value.errors)


# ---------------------------------------------------------------------------
# The pure module


def test_schema_keys_cover_everything_the_demo_and_the_editor_use():
    article, page = set(keys_for("article")), set(keys_for("page"))
    for key in ("title", "date", "modified", "category", "tags", "author", "authors",
                "summary", "image", "image_alt", "topics", "unit", "channel", "link",
                "source", "source_date", "status", "slug"):
        assert key in article, key
    assert {"title", "slug", "order", "summary", "modified", "status"} <= page
    assert "category" not in page and "order" not in article
    assert not {"url", "save_as", "draft", "template", "lang"} & (article | page)
    from truongweb.plugins.web_editor.config import ARTICLE_KEYS, page_fields
    assert ARTICLE_KEYS == editor_keys()
    assert {f["name"] for f in page_fields({})} - {"body"} <= page


@pytest.mark.parametrize("value, words", [
    ("2024-13-45 07:00", "tháng 13 không có"),
    ("2026-02-30", "ngày 30 không có trong tháng 2/2026 (tháng này có 28 ngày)"),
    ("9999-12-31T23:00-05:00", "năm 9999 nằm ngoài khoảng 1980–2100"),
    ("0001-01-01", "năm 1 nằm ngoài khoảng"),
    ("1900-05-01 08:00", "năm 1900 nằm ngoài khoảng"),
    ("2025-09-05 25:10", "giờ 25:10 không có"),
    ("ngày mai", "không đúng dạng; viết ví dụ 2026-09-05 07:30"),
])
def test_impossible_dates_are_named_in_vietnamese(value, words):
    with pytest.raises(FrontMatterError) as error:
        parse_date(value, "date", "content/articles/a.md")
    assert str(error.value).startswith('content/articles/a.md: khóa "date": ngày "')
    assert words in str(error.value)


def test_dates_are_read_in_the_site_time_zone():
    utc = parse_date("2026-10-31T20:00:00Z", "date", "a.md")
    assert utc.isoformat() == "2026-11-01T03:00:00+07:00"
    assert parse_date("2025-9-5 7:30", "date", "a.md").isoformat() == "2025-09-05T07:30:00+07:00"
    assert parse_date(dt.date(2025, 9, 5), "source_date", "a.md", with_time=False) == dt.date(2025, 9, 5)
    # The oldest date accepted is shown with today's offset, never local mean time.
    assert parse_date("1980-01-01", "date", "a.md").utcoffset() == dt.timedelta(hours=7)


def test_alias_bomb_is_refused_before_it_expands():
    started = time.perf_counter()
    with pytest.raises(YamlLimitError):
        load_limited("title: A\n" + BOMB)
    deep = "a: " + "[" * 10 + "]" * 10
    with pytest.raises(YamlLimitError, match="lồng nhau quá sâu"):
        load_limited(deep)
    assert time.perf_counter() - started < 2
    # Dates stay text for the schema to check; a normal header loads as usual.
    assert load_limited("date: 2025-09-05\ntags: [a, b]\n") == {"date": "2025-09-05",
                                                                "tags": ["a", "b"]}


@pytest.mark.parametrize("meta, words", [
    ({"url": "https://evil.example/phish/"}, 'khóa "url" không được dùng'),
    ({"save_as": "lien-he/index.html"}, "dùng khóa slug"),
    ({"draft": True}, "status: draft"),
    ({"tagz": ["a"]}, 'Có phải ý bạn là "tags"?'),
    ({"x9": [[1, 2]]}, 'khóa "x9" không có trong danh sách khóa của bài viết'),
    ({"x_old": [1, 2]}, "chỉ nhận một giá trị đơn"),
    ({"order": 2}, 'khóa "order" không dùng cho bài viết'),
    ({"tags": [f"t{i}" for i in range(51)]}, "có 51 mục; tối đa 50"),
    ({"tags": [["a"]]}, 'khóa "tags" phải là một giá trị chữ'),
    ({"title": ["a", "b"]}, "chỉ nhận một giá trị"),
    ({"status": "nhap"}, "dùng published, draft hoặc hidden"),
])
def test_keys_outside_the_schema_are_errors(meta, words):
    with pytest.raises(FrontMatterError) as error:
        check_metadata({"title": "A", **meta}, "article", "content/articles/a.md")
    assert str(error.value).startswith("content/articles/a.md: khóa ")
    assert words in str(error.value)


def test_free_notes_and_page_keys_pass():
    assert check_metadata({"title": "A", "x_legacy_id": 4711}, "article", "a.md") == {}
    parsed = check_metadata({"title": "A", "order": 1, "modified": "2025-09-05"}, "page", "p.md")
    assert parsed["modified"].isoformat() == "2025-09-05T00:00:00+07:00"


def test_files_not_in_utf8_say_which_line_and_how_to_resave():
    text = "---\ntitle: Thông báo\n---\n"
    with pytest.raises(FrontMatterError) as error:
        decode_utf8(text.encode("cp1258"), "content/articles/a.md")
    message = str(error.value)
    assert message.startswith("content/articles/a.md (dòng 2): tệp không phải văn bản UTF-8")
    assert "Windows-1258" in message and "«UTF-8»" in message and "Lưu thành" in message
    with pytest.raises(FrontMatterError, match="UTF-16"):
        decode_utf8(text.encode("utf-16"), "a.md")


# ---------------------------------------------------------------------------
# Real builds: each bad file stops the build with the message naming it


BAD_ARTICLES = {
    "url": (HEAD + "url: https://evil.example/phish/\n---\nA.\n",
            'content/articles/bai-loi.md: khóa "url" không được dùng'),
    "save-as": (HEAD + "save_as: gioi-thieu/index.html\n---\nA.\n",
                'content/articles/bai-loi.md: khóa "save_as" không được dùng'),
    "draft": (HEAD + "draft: true\n---\nA.\n", "viết status: draft"),
    "typo": (HEAD + "sumary: Tóm tắt\n---\nA.\n", 'Có phải ý bạn là "summary"?'),
    "alias-bomb": (HEAD + BOMB + "---\nA.\n", "phần thông tin đầu bài (YAML)"),
    "too-many-tags": (HEAD + "tags: [" + ", ".join(["họp"] * 10_000) + "]\n---\nA.\n",
                      'khóa "tags" có 10000 mục; tối đa 50'),
    "huge-header": (HEAD + "tags: [" + ", ".join(f"thẻ {i}" for i in range(10_000))
                    + "]\n---\nA.\n", "phần thông tin đầu bài (YAML) quá dài"),
    "month-13": (HEAD.replace("2025-09-05 07:30", "2024-13-45 07:00") + "---\nA.\n",
                 'khóa "date": ngày "2024-13-45 07:00": tháng 13 không có'),
    "february-30": (HEAD.replace("2025-09-05 07:30", "2026-02-30") + "---\nA.\n",
                    "ngày 30 không có trong tháng 2/2026"),
    "year-9999": (HEAD.replace("2025-09-05 07:30", "9999-12-31T23:00-05:00") + "---\nA.\n",
                  "năm 9999 nằm ngoài khoảng 1980–2100"),
    "year-1": (HEAD.replace("2025-09-05 07:30", "0001-01-01") + "---\nA.\n",
               "năm 1 nằm ngoài khoảng 1980–2100"),
    "key-value-save-as": ("Title: Bài lỗi\nDate: 2025-09-05 07:30\nCategory: Thông báo\n"
                          "Save_as: gioi-thieu/index.html\n\nA.\n",
                          'content/articles/bai-loi.md: khóa "save_as" không được dùng'),
    "key-value-date": ("Title: Bài lỗi\nDate: 2026-02-30 07:30\nCategory: Thông báo\n\nA.\n",
                       'content/articles/bai-loi.md: khóa "date": ngày "2026-02-30 07:30"'),
    "key-value-typo": ("Title: Bài lỗi\nDate: 2025-09-05 07:30\nCategory: Thông báo\n"
                       "Tag: họp\n\nA.\n", 'Có phải ý bạn là "tags"?'),
}


@pytest.mark.parametrize("case", sorted(BAD_ARTICLES))
def test_bad_article_stops_the_build(tmp_path, case):
    text, expected = BAD_ARTICLES[case]
    started = time.perf_counter()
    errors = build_errors(tmp_path, {"articles/bai-loi.md": text})
    assert expected in errors
    # One Vietnamese message about the bad file; no follow-up error from a
    # plugin tripping over the file Pelican could not read.
    assert all("bai-loi.md" in line for line in errors.splitlines() if line.strip()), errors
    assert time.perf_counter() - started < 60
    assert not (tmp_path / "output" / "gioi-thieu" / "index.html").exists() or \
        "Trang giới thiệu" in read(tmp_path / "output" / "gioi-thieu" / "index.html")


def test_page_keys_are_checked_too(tmp_path):
    errors = build_errors(tmp_path, {"pages/lien-he.md": "---\ntitle: Liên hệ\nurl: x/\n---\nA.\n"})
    assert 'content/pages/lien-he.md: khóa "url" không được dùng' in errors
    errors = build_errors(tmp_path / "b", {"pages/lien-he.md": "---\ntitle: Liên hệ\n"
                                           "category: Thông báo\n---\nA.\n"})
    assert 'khóa "category" không dùng cho trang' in errors


@pytest.mark.parametrize("encoding, line", [("cp1258", 2), ("utf-16", 1)])
def test_file_in_another_encoding_stops_the_build(tmp_path, encoding, line):
    raw = (HEAD.replace("Bài lỗi", "Thông báo") + "---\nA.\n").encode(encoding)
    errors = build_errors(tmp_path, {"articles/bai-loi.md": raw})
    assert f"content/articles/bai-loi.md (dòng {line}): tệp không phải văn bản UTF-8" in errors
    assert "Mã hóa" in errors


def test_huge_markdown_file_is_refused(tmp_path):
    body = ("Một đoạn văn dài. " * 60 + "\n\n") * (MAX_FILE_BYTES // 1000 + 10)
    errors = build_errors(tmp_path, {"articles/bai-loi.md": HEAD + "---\n" + body})
    assert "content/articles/bai-loi.md: tệp quá lớn" in errors and "tối đa 2 MB" in errors


def test_good_tiny_site_builds_with_notes_kept(tmp_path):
    content = tiny_site(tmp_path, {"articles/ghi-chu.md": HEAD.replace("Bài lỗi", "Có ghi chú")
                                   + "x_legacy_id: 4711\n---\nA.\n"})
    output = build_site(tmp_path, content=content)
    assert (output / "thong-bao/2025/09/co-ghi-chu/index.html").is_file()


# ---------------------------------------------------------------------------
# Dates, titles


def test_utc_date_gives_the_vietnamese_month_in_url_and_archive(tmp_path):
    content = tiny_site(tmp_path, {"articles/utc.md": "---\ntitle: Tin cuối tháng\n"
                                   "date: 2026-10-31T20:00:00Z\ncategory: Thông báo\n---\nA.\n"})
    output = build_site(tmp_path, content=content)
    page = output / "thong-bao/2026/11/tin-cuoi-thang/index.html"
    assert page.is_file()
    assert not (output / "thong-bao/2026/10").exists()
    assert '<time datetime="2026-11-01T03:00:00+07:00">' in read(page)
    assert "Tin cuối tháng" in read(output / "luu-tru/2026/11/index.html")
    assert not (output / "luu-tru/2026/10").exists()


def test_title_with_angle_brackets_keeps_its_text_in_slug_and_feed(tmp_path):
    content = tiny_site(tmp_path, {"articles/so-sanh.md": "---\ntitle: a < b và b > c\n"
                                   "date: 2025-09-06 07:30\ncategory: Thông báo\n---\nA.\n"})
    output = build_site(tmp_path, content=content)
    page = output / "thong-bao/2025/09/a-b-va-b-c/index.html"
    assert page.is_file()
    assert "<h1>a &lt; b và b &gt; c</h1>" in read(page)
    feed = read(output / "feeds/all.atom.xml")
    assert "<title>a &lt; b và b &gt; c</title>" in feed
    # Published under a sub-folder (GitHub Pages), category feed included.
    published = build_site(tmp_path / "publish", content=content, publish=True,
                           SITEURL="https://truong.github.io/thcs", FEED_DOMAIN="https://truong.github.io/thcs")
    for name in ("all", "thong-bao"):
        assert "<title>a &lt; b và b &gt; c</title>" in read(published / f"feeds/{name}.atom.xml")


def test_invoke_new_writes_a_header_the_schema_accepts(tmp_path):
    from truongweb.new_article import create_article

    content = tiny_site(tmp_path, {})
    now = dt.datetime(2025, 9, 8, 7, 0, tzinfo=dt.timezone(dt.timedelta(hours=7)))
    create_article("Lễ khai giảng", content, category="Thông báo", now=now)
    output = build_site(tmp_path, content=content)
    assert "Lễ khai giảng" in read(output / "ban-nhap/le-khai-giang/index.html")


# ---------------------------------------------------------------------------
# status: hidden means the same for articles and pages


HIDDEN_ARTICLE = ("---\ntitle: Bài ẩn nội bộ xyz\ndate: 2025-09-07 07:30\ncategory: Thông báo\n"
                  "status: hidden\n---\nNội dung ẩn.\n")
HIDDEN_PAGE = "---\ntitle: Trang ẩn nội bộ xyz\nslug: trang-an\nstatus: hidden\n---\nNội dung ẩn.\n"


@pytest.fixture(scope="module")
def hidden_sites(tmp_path_factory):
    base = tmp_path_factory.mktemp("hidden")
    content = tiny_site(base, {"articles/an.md": HIDDEN_ARTICLE, "pages/an.md": HIDDEN_PAGE})
    return (build_site(base / "local", content=content),
            build_site(base / "publish", content=content, publish=True))


def test_hidden_is_previewed_locally_at_its_address_and_listed_nowhere(hidden_sites):
    local, _ = hidden_sites
    for path in ("thong-bao/2025/09/bai-an-noi-bo-xyz/index.html", "trang-an/index.html"):
        html = read(local / path)
        assert "<strong>Ẩn</strong>" in html and '<meta name="robots" content="noindex">' in html
    for path in local.rglob("*"):
        if path.suffix in {".html", ".xml"} and "noi-bo-xyz" not in str(path) \
                and "trang-an" not in str(path):
            text = read(path)
            assert "nội bộ xyz" not in text, path


def test_hidden_articles_and_pages_are_never_published(hidden_sites):
    _, published = hidden_sites
    assert not (published / "trang-an").exists()
    assert not (published / "thong-bao/2025/09/bai-an-noi-bo-xyz").exists()
    for path in published.rglob("*"):
        if path.is_file() and path.suffix in {".html", ".xml", ".json", ".txt", ".csv"}:
            assert "nội bộ xyz" not in read(path), path


def test_editor_and_guides_describe_hidden_the_same_way():
    from truongweb.plugins.web_editor.config import STATUSES
    label = dict(STATUSES)["hidden"]
    assert "không đăng" in label and "không hiện trong danh sách" in label
    readme = read(ROOT / "README.md")
    assert re.search(r"status: hidden.*không đăng", readme)
    assert "hidden` articles and pages are never published" in read(ROOT / "docs" / "DEVELOPING.md")


# ---------------------------------------------------------------------------
# Entry points and paths


def test_messages_name_files_relative_to_the_site_folder(tmp_path):
    content = tiny_site(tmp_path, {"articles/trung.md": GOOD.replace("Nội dung.", "Khác.")})
    result = run_build_cli("--content", content, "--output", tmp_path / "out",
                           "--cache", tmp_path / "cache")
    warning = next(line for line in result.stderr.splitlines() if "cùng slug" in line)
    assert "content/articles/bai-mau.md" in warning and "content/articles/trung.md" in warning
    assert str(tmp_path) not in warning


def pelican_site(tmp_path, files):
    """A site folder as a school has it (pelicanconf.py, plugins, theme)."""
    site = tmp_path / "site"
    site.mkdir()
    tiny_site(site, files)
    shutil.copy(ROOT / "pelicanconf.py", site)
    for name in ("plugins", "theme"):
        os.symlink(ROOT / name, site / name)
    return site


def run_pelican(site):
    environment = {**os.environ, "PYTHONIOENCODING": "utf-8", "COLUMNS": "200"}
    return subprocess.run([str(Path(sys.executable).with_name("pelican")), "content"],
                          cwd=site, capture_output=True, text=True, encoding="utf-8",
                          env=environment, timeout=300)


@pytest.mark.parametrize("text, expected", [
    (HEAD.replace("Thông báo", "Thong bao") + "---\nA.\n",
     'Lỗi: content/articles/bai-loi.md: khóa "category": chuyên mục "Thong bao"'),
    (HEAD.replace("2025-09-05 07:30", "2026-02-30") + "---\nA.\n",
     'Lỗi: content/articles/bai-loi.md: khóa "date": ngày "2026-02-30"'),
])
def test_plain_pelican_gives_the_vietnamese_message_and_exit_1(tmp_path, text, expected):
    result = run_pelican(pelican_site(tmp_path, {"articles/bai-loi.md": text}))
    output = result.stdout + result.stderr
    assert result.returncode == 1, output
    assert "Traceback" not in output and "FrontMatterError" not in output
    assert expected in result.stderr
    assert "Dựng trang thất bại" in result.stderr


def test_plain_pelican_good_site_exits_0(tmp_path):
    result = run_pelican(pelican_site(tmp_path, {}))
    assert result.returncode == 0, result.stdout + result.stderr
    assert (tmp_path / "site" / "output" / "thong-bao/2025/09/bai-mau-day-du/index.html").is_file()


def test_display_paths_are_relative_to_the_site_folder(tmp_path):
    from truongweb.plugins.vietnamese import messages

    messages.set_site_folder(tmp_path / "content")
    try:
        assert messages.display_content_path("articles/a.md") == "content/articles/a.md"
        assert messages.display_path(tmp_path / "content" / "pages" / "p.md") == "content/pages/p.md"
        assert messages.display_path(ROOT / "pelicanconf.py") == "pelicanconf.py"  # the cwd
    finally:
        messages.set_site_folder(None)
