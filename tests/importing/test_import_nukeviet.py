"""Importing a NukeViet 4 dump: the SQL reader, the mapping, running twice,
and a real build of the imported site (own small dump; the real fixture)."""

import datetime as dt
import os
import re
import shutil
from pathlib import Path

import pytest
import yaml

from tests.helpers import TEST_SITE, build_site, read
from truongweb.import_site import run
from truongweb.importing.sqldump import DumpError, read_dump

ROOT = Path(__file__).resolve().parents[2]
NOW = dt.datetime(2026, 12, 1, tzinfo=dt.timezone.utc)
FUTURE = int(dt.datetime(2027, 3, 1, 8, 0, tzinfo=dt.timezone.utc).timestamp())


def shared_fixtures() -> Path | None:
    for candidate in (ROOT.parent / "shared" / "fixtures",
                      Path(os.environ.get("SHARED_FIXTURES", "/work/shared/fixtures"))):
        if candidate.is_dir():
            return candidate
    return None


ROWS_COLS = ("`id`, `catid`, `listcatid`, `author`, `sourceid`, `addtime`, `edittime`, `status`, "
             "`publtime`, `exptime`, `title`, `alias`, `hometext`, `homeimgfile`, `homeimgalt`, `external_link`")

DUMP = f"""-- tiny NukeViet-like dump written for these tests
SET NAMES utf8mb4;
/*!40101 SET @OLD_CHARACTER_SET_CLIENT=@@CHARACTER_SET_CLIENT */;
CREATE TABLE `nv4_vi_modules` (
  `title` varchar(50) NOT NULL,
  `module_file` varchar(50) NOT NULL,
  `module_data` varchar(50) NOT NULL,
  `custom_title` varchar(255) NOT NULL
);
INSERT INTO `nv4_vi_modules` VALUES ('news', 'news', 'news', 'Tin tức'), ('page', 'page', 'page', 'Trang'),
('thong-bao', 'news', 'thong_bao', 'Thông báo; nhà trường');
CREATE TABLE `nv4_vi_news_cat` (
  `catid` smallint(5) NOT NULL,
  `parentid` smallint(5) NOT NULL,
  `title` varchar(250) NOT NULL,
  `alias` varchar(250) NOT NULL
);
INSERT INTO `nv4_vi_news_cat` VALUES (1, 0, 'Tin tức &amp; Sự kiện', 'tin-tuc'),(2, 1, 'Hoạt động ngoại khóa', 'ngoai-khoa'),(3, 0, 'Thi đua', 'thi-dua');
CREATE TABLE `nv4_vi_news_rows` (
  `id` int(11) NOT NULL,
  `catid` int, `listcatid` varchar(255), `author` varchar(250), `sourceid` int, `addtime` int,
  `edittime` int, `status` tinyint, `publtime` int, `exptime` int, `title` varchar(250),
  `alias` varchar(250), `hometext` text, `homeimgfile` varchar(255), `homeimgalt` varchar(255),
  `external_link` tinyint
);
INSERT INTO `nv4_vi_news_rows` ({ROWS_COLS}) VALUES
(1, 2, '2,3', 'Lê Văn A', 1, 1500000000, 1500000500, 1, 1500000000, 0, 'Học sinh &quot;giỏi&quot; đạt giải', 'hoc-sinh-gioi', 'Tóm tắt có dấu \\' nháy và ''kép''', '2017_07/anh.jpg', 'Ảnh &amp; chú thích', 0),
(2, 1, '1', '', 0, 1500100000, 0, 0, 1500100000, 0, 'Bài nháp; chưa duyệt', 'bai-nhap', '', '', '', 0),
(3, 1, '1', '', 0, 1500200000, 0, 1, {FUTURE}, 0, 'Bài hẹn giờ', 'hen-gio', '', '', '', 0),
(4, 3, '3', '', 1, 1500300000, 0, 1, 1500300000, 0, 'Học sinh giỏi đạt giải', 'hoc-sinh-gioi', '', 'thieu.jpg', '', 1);
CREATE TABLE `nv4_vi_news_detail` (`id` int, `bodyhtml` longtext, `sourcetext` varchar(255), `keywords` varchar(255));
INSERT INTO `nv4_vi_news_detail` VALUES (1, '<p>Dòng 1\\nDòng 2</p><script>alert(1)</script><p onclick="x()">Ảnh: <img src="/uploads/news/2017_07/anh.jpg" alt="a"></p><iframe src="https://www.youtube.com/embed/abcdefghijk"></iframe><p><a href="/vi/news/thi-dua/hoc-sinh-gioi-4.html">bài kia</a> <a href="javascript:alert(1)">x</a></p>', '', 'khen thưởng, học sinh'),
(2, _binary '<p>nháp</p>', '', ''), (3, '<p>sắp đăng</p>', '', ''),
(4, '<p><img src="/uploads/news/thieu.jpg" alt="thiếu"> <img src="https://tracker.example.com/x.gif"></p>', 'https://baochinhphu.vn/bai-goc', '');
CREATE TABLE `nv4_vi_news_sources` (`sourceid` int, `title` varchar(250));
INSERT INTO `nv4_vi_news_sources` VALUES (1, 'Báo Phú Thọ');
CREATE TABLE `nv4_vi_thong_bao_cat` (`catid` int, `parentid` int, `title` varchar(250), `alias` varchar(250));
INSERT INTO `nv4_vi_thong_bao_cat` VALUES (1, 0, 'Thông báo', 'thong-bao');
CREATE TABLE `nv4_vi_thong_bao_rows` ({ROWS_COLS.replace('`, `', '` text, `')} text);
INSERT INTO `nv4_vi_thong_bao_rows` VALUES (1, 1, '1', '', 0, 1500000000, 0, 1, 1500000000, 0, 'Lịch nghỉ Tết', 'lich-nghi-tet', 'Nghỉ từ 20/1', '', '', 0);
"""


def make_site(tmp_path) -> tuple[Path, Path, Path]:
    content = tmp_path / "site" / "content"
    shutil.copytree(TEST_SITE, content)
    uploads = tmp_path / "uploads"
    (uploads / "news" / "2017_07").mkdir(parents=True)
    from PIL import Image

    Image.new("RGB", (40, 30), "red").save(uploads / "news" / "2017_07" / "anh.jpg")
    dump = tmp_path / "dump.sql"
    dump.write_text(DUMP, encoding="utf-8")
    return content, uploads, dump


def front(path: Path) -> dict:
    text = read(path)
    return yaml.safe_load(text.split("---\n")[1])


def test_sql_reader_quoting_escapes_multirow_binary():
    tables = read_dump(DUMP, "dump.sql")
    rows = tables["nv4_vi_news_rows"].rows
    assert [r["id"] for r in rows] == [1, 2, 3, 4]
    assert rows[0]["hometext"] == "Tóm tắt có dấu ' nháy và 'kép'"
    assert tables["nv4_vi_news_detail"].rows[0]["bodyhtml"].startswith("<p>Dòng 1\nDòng 2</p>")
    assert tables["nv4_vi_news_detail"].rows[1]["bodyhtml"] == "<p>nháp</p>".encode()
    assert tables["nv4_vi_modules"].rows[2]["custom_title"] == "Thông báo; nhà trường"
    with pytest.raises(DumpError, match="dòng 2"):
        read_dump("SELECT 1;\nINSERT INTO `t` (`a`) VALUES ('không đóng);", "x.sql")
    with pytest.raises(DumpError, match="1 cột nhưng dòng dữ liệu có 2"):
        read_dump("INSERT INTO `t` (`a`) VALUES (1, 2);", "x.sql")


def test_import_maps_statuses_categories_pictures_links_and_runs_twice(tmp_path):
    content, uploads, dump = make_site(tmp_path)
    result, report = run("nukeviet", dump, content, uploads, "https://thcs-cu.edu.vn", now=NOW, echo=None)
    files = {i.record.source + ":" + i.record.old_id: content / i.path for i in result.items}
    first = files["nukeviet:vi:news:1"]
    meta = front(first)
    assert meta["title"] == 'Học sinh "giỏi" đạt giải'
    assert meta["date"] == "2017-07-14T09:40:00+07:00"  # publtime 1500000000 in Asia/Ho_Chi_Minh
    assert meta["status"] == "published"
    # unmapped old category -> default category, old names kept as tags
    assert meta["category"] == "Tin tức – Sự kiện"
    assert "Hoạt động ngoại khóa" in meta["tags"] and "Thi đua" in meta["tags"] and "khen thưởng" in meta["tags"]
    assert meta["author"] == "Lê Văn A" and meta["source"] == "Báo Phú Thọ"
    assert meta["image"] == "images/2017/07/anh.jpg" and meta["image_alt"] == "Ảnh & chú thích"
    assert (content / "images/2017/07/anh.jpg").is_file()
    assert meta["x_old_url"] == "/vi/news/ngoai-khoa/hoc-sinh-gioi-1.html"
    body = read(first)
    assert "<script" not in body and "onclick" not in body and "javascript:" not in body
    assert "<iframe" not in body and "https://www.youtube.com/watch?v=abcdefghijk" in body
    assert "{static}/images/2017/07/anh.jpg" in body
    # a link to another imported article points to its file
    second = files["nukeviet:vi:news:4"]
    assert "{filename}/" + second.relative_to(content).as_posix() in body
    # same alias twice: two files, two slugs
    assert second != first and front(second)["slug"] == "hoc-sinh-gioi-4"
    assert front(second)["x_external_link"] == "https://baochinhphu.vn/bai-goc"
    assert "https://baochinhphu.vn/bai-goc" in read(second) and "tracker.example.com" not in read(second)
    assert front(files["nukeviet:vi:news:2"])["status"] == "draft"
    scheduled = front(files["nukeviet:vi:news:3"])
    assert scheduled["status"] == "published" and scheduled["date"].startswith("2027-03-01")
    # the second module instance, with its own tables and URL
    notice = front(files["nukeviet:vi:thong-bao:1"])
    assert notice["category"] == "Thông báo" and notice["x_old_url"] == "/vi/thong-bao/thong-bao/lich-nghi-tet-1.html"
    # report: counts, the missing picture named, the article still imported
    assert "đăng 3, hẹn giờ 1, bản nháp 1" in report
    assert "thiếu tệp trong thư mục tải lên: news/thieu.jpg" in report
    assert "bỏ ảnh lấy từ máy chủ khác" in report
    assert "- Thi đua: 1 bài" in report and (tmp_path / "site/nhap-du-lieu/bao-cao-nukeviet.md").is_file()
    redirects = yaml.safe_load(read(content / "duong-dan-cu.yml"))
    assert redirects["/vi/news/ngoai-khoa/hoc-sinh-gioi-1.html"] == first.relative_to(content).as_posix()
    assert "/vi/news/tin-tuc/bai-nhap-2.html" not in redirects  # drafts get no public old address

    # second run: nothing changes; a hand-edited file is kept
    before = {p: p.read_bytes() for p in content.rglob("*") if p.is_file()}
    first.write_text(read(first).replace("Dòng 1", "Dòng một (sửa tay)"), encoding="utf-8")
    before[first] = first.read_bytes()
    result2, report2 = run("nukeviet", dump, content, uploads, "https://thcs-cu.edu.vn", now=NOW, echo=None)
    after = {p: p.read_bytes() for p in content.rglob("*") if p.is_file()}
    assert after == before
    assert "giữ nguyên vì đã được sửa tay 1" in report2 and "không đổi 4" in report2


def test_bad_dump_is_a_vietnamese_error(tmp_path, capsys):
    from truongweb.import_site import main

    bad = tmp_path / "khong-phai.sql"
    bad.write_text("CREATE TABLE `x` (`a` int);\nINSERT INTO `x` VALUES (1);\n", encoding="utf-8")
    assert main(["nukeviet", str(bad), "--content", str(tmp_path / "content")]) == 1
    err = capsys.readouterr().err
    assert err.startswith("Lỗi: ") and "không tìm thấy mô-đun tin tức" in err and "Traceback" not in err


@pytest.fixture(scope="module")
def imported_egov(tmp_path_factory):
    shared = shared_fixtures()
    if shared is None or not (shared / "nukeviet-egov-4.4" / "dump.sql").is_file():
        pytest.skip("không có thư mục shared/fixtures/nukeviet-egov-4.4 (dữ liệu của bên thứ ba, không nằm trong kho)")
    tmp = tmp_path_factory.mktemp("egov")
    content = tmp / "site" / "content"
    shutil.copytree(TEST_SITE, content)
    fixture = shared / "nukeviet-egov-4.4"
    result, report = run("nukeviet", fixture / "dump.sql", content, fixture / "uploads",
                         "https://egov.example.vn", now=NOW, echo=None)
    output = build_site(tmp, content=content)
    return content, result, report, output


def test_real_nukeviet_dump_builds_with_pictures_and_old_addresses(imported_egov):
    content, result, report, output = imported_egov
    published = [i for i in result.items if i.status == "published"]
    assert len(published) == 12  # 12 rows in nv4_vi_news_rows, not the per-category copies
    redirects = yaml.safe_load(read(content / "duong-dan-cu.yml"))
    assert len(redirects) == 12
    for old, target in redirects.items():
        page = read(output / old.lstrip("/"))
        new = re.search(r'<link rel="canonical" href="([^"]+)"', page).group(1)
        assert f'http-equiv="refresh" content="0; url={new}"' in page and f'href="{new}"' in page
        article = read(output / new.lstrip("/") / "index.html")
        assert front(content / target)["title"].split()[0] in article
        assert "egov.example.vn" not in article and "/uploads/" not in article
        for src in re.findall(r'<img[^>]+src="([^"]+)"', article):
            assert src.startswith("/"), src  # nothing from another host
    # the body picture of article 2 (uploads/news/2017_08/ptt.jpg) is served by the site
    assert list(content.glob("images/2017/*/ptt.jpg"))
    assert "Tin hoạt động" in report
