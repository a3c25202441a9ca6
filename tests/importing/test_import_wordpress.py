"""Importing a WordPress export (WXR): own small export, then WordPress's theme
unit test data built into a site."""

import datetime as dt
import re
import shutil

import pytest
import yaml

from tests.helpers import TEST_SITE, build_site, read
from tests.importing.test_import_nukeviet import front, shared_fixtures
from truongweb.import_site import main, run

NOW = dt.datetime(2026, 12, 1, tzinfo=dt.timezone.utc)


def item(pid, title, slug, status, kind="post", body="", cats="", extra="", date="2024-09-05 01:30:00", parent="0"):
    return f"""<item><title>{title}</title><link>https://truong-cu.edu.vn/{slug}/</link>
<dc:creator><![CDATA[cogiao]]></dc:creator><content:encoded><![CDATA[{body}]]></content:encoded>
<excerpt:encoded><![CDATA[]]></excerpt:encoded><wp:post_id>{pid}</wp:post_id>
<wp:post_date>2024-09-05 08:30:00</wp:post_date><wp:post_date_gmt>{date}</wp:post_date_gmt>
<wp:post_name>{slug}</wp:post_name><wp:status>{status}</wp:status><wp:post_parent>{parent}</wp:post_parent>
<wp:menu_order>0</wp:menu_order><wp:post_type>{kind}</wp:post_type><wp:post_password></wp:post_password>
{cats}{extra}</item>"""


BODY = ('Đoạn một\n\n[caption id="a" width="300"]<img src="https://truong-cu.edu.vn/wp-content/uploads/2024/09/anh.jpg" '
        'alt="Lễ"> Lễ chào cờ[/caption]\n\n[gallery ids="10"]\n\n[embed]https://www.youtube.com/watch?v=abcdefghijk[/embed]')
WXR = f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/"
 xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/"
 xmlns:wp="http://wordpress.org/export/1.2/"><channel><title>Trường cũ</title><link>https://truong-cu.edu.vn</link>
<wp:wxr_version>1.2</wp:wxr_version><wp:base_blog_url>https://truong-cu.edu.vn</wp:base_blog_url>
<wp:author><wp:author_login>cogiao</wp:author_login><wp:author_display_name><![CDATA[Cô Lan]]></wp:author_display_name></wp:author>
<wp:category><wp:category_nicename>thong-bao</wp:category_nicename><wp:category_parent></wp:category_parent><wp:cat_name><![CDATA[Thông báo]]></wp:cat_name></wp:category>
{item(1, "Khai giảng", "khai-gi%e1%ba%a3ng", "publish",
       body=BODY,
       cats='<category domain="category" nicename="thong-bao"><![CDATA[Thông báo]]></category><category domain="category" nicename="ngoai-khoa"><![CDATA[Ngoại khóa]]></category><category domain="post_tag" nicename="le"><![CDATA[lễ]]></category>',
       extra='<wp:postmeta><wp:meta_key>_thumbnail_id</wp:meta_key><wp:meta_value>10</wp:meta_value></wp:postmeta><wp:comment><wp:comment_approved>1</wp:comment_approved></wp:comment><wp:comment><wp:comment_approved>1</wp:comment_approved></wp:comment>')}
{item(2, "Nháp", "nhap", "draft")}
{item(3, "Chờ duyệt", "cho-duyet", "pending")}
{item(4, "Riêng tư", "rieng-tu", "private")}
{item(5, "Hẹn giờ", "hen-gio", "future", date="2027-05-01 00:00:00")}
{item(6, "Giới thiệu", "gioi-thieu-truong", "publish", kind="page")}
{item(7, "Lịch sử", "lich-su-truong", "publish", kind="page", parent="6")}
{item(8, "Rác", "rac", "trash")}
{item(10, "anh", "anh", "inherit", kind="attachment", extra='<wp:attachment_url>https://truong-cu.edu.vn/wp-content/uploads/2024/09/anh.jpg</wp:attachment_url>')}
</channel></rss>"""


def test_wordpress_statuses_pages_shortcodes_and_pictures(tmp_path):
    content = tmp_path / "site" / "content"
    shutil.copytree(TEST_SITE, content)
    uploads = tmp_path / "uploads"
    (uploads / "2024" / "09").mkdir(parents=True)
    from PIL import Image

    Image.new("RGB", (30, 20), "blue").save(uploads / "2024" / "09" / "anh.jpg")
    wxr = tmp_path / "export.xml"
    wxr.write_text(WXR, encoding="utf-8")
    result, report = run("wordpress", wxr, content, uploads, now=NOW, echo=None)
    files = {i.record.old_id: i for i in result.items}
    post = front(content / files["1"].path)
    assert post["slug"] == "khai-giang"  # percent-encoded "khai-giảng" decoded, then slugified
    assert post["date"] == "2024-09-05T08:30:00+07:00"  # from post_date_gmt
    assert post["category"] == "Thông báo" and post["tags"] == ["lễ", "Ngoại khóa"]
    assert post["author"] == "Cô Lan" and post["image"] == "images/2024/09/anh.jpg"
    body = read(content / files["1"].path)
    assert "<figcaption>Lễ chào cờ</figcaption>" in body and '<ul class="gallery">' in body
    assert "https://www.youtube.com/watch?v=abcdefghijk" in body and "[caption" not in body
    assert "<p>Đoạn một</p>" in body and "truong-cu.edu.vn/wp-content" not in body
    statuses = {k: (i.status, i.scheduled) for k, i in files.items()}
    assert statuses["2"] == statuses["3"] == statuses["4"] == ("draft", False)
    assert statuses["5"] == ("published", True) and statuses["8"][0] == "skipped"
    assert front(content / files["7"].path)["x_parent"] == "gioi-thieu-truong"
    assert "Bình luận: 2 (không nhập" in report and "trong thùng rác" in report
    assert yaml.safe_load(read(content / "duong-dan-cu.yml"))["/khai-giảng/"] == files["1"].path
    assert not any(p.name.startswith("comment") for p in content.rglob("*.md"))


def test_wxr_with_entities_is_refused(tmp_path, capsys):
    bomb = tmp_path / "bomb.xml"
    bomb.write_text('<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;">]><rss>&b;</rss>',
                    encoding="utf-8")
    assert main(["wordpress", str(bomb), "--content", str(tmp_path / "content")]) == 1
    assert "Lỗi: " in capsys.readouterr().err


def test_theme_unit_test_export_builds(tmp_path):
    shared = shared_fixtures()
    wxr = shared / "wordpress-theme-unit-test" / "themeunittestdata.wordpress.xml" if shared else None
    if wxr is None or not wxr.is_file():
        pytest.skip("không có shared/fixtures/wordpress-theme-unit-test (dữ liệu của bên thứ ba, không nằm trong kho)")
    content = tmp_path / "site" / "content"
    shutil.copytree(TEST_SITE, content)
    (tmp_path / "uploads").mkdir()
    result, report = run("wordpress", wxr, content, tmp_path / "uploads", now=NOW, echo=None)
    assert "Bình luận:" in report and "(Không có tiêu đề)" in report
    output = build_site(tmp_path, content=content)
    redirects = yaml.safe_load(read(content / "duong-dan-cu.yml"))
    built = 0
    for old, target in redirects.items():
        page = output / old.lstrip("/") / "index.html"
        if front(content / target)["status"] != "published" or front(content / target)["date"] > "2026":
            assert not page.exists()
            continue
        canonical = re.search(r'<link rel="canonical" href="([^"]+)"', read(page))
        new = canonical.group(1) if canonical else old  # a page whose address did not change
        article = read(output / new.lstrip("/") / "index.html")
        assert not re.search(r'<(img|iframe|script)[^>]+src="(https?:)?//', article)
        built += 1
    assert built > 50
    for draft in (i for i in result.items if i.status == "draft"):
        assert draft.slug not in "".join(p.as_posix() for p in output.rglob("*.html") if "ban-nhap" not in p.as_posix())
