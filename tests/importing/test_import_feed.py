"""Importing an RSS or Atom feed: full text where given, else summary + link."""

import datetime as dt
import shutil

from tests.helpers import TEST_SITE, read
from tests.importing.test_import_nukeviet import front
from truongweb.import_site import run

NOW = dt.datetime(2026, 12, 1, tzinfo=dt.timezone.utc)

RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>
<title>Trường cũ</title><link>https://truong-cu.edu.vn/</link>
<item><title>Hội thi &amp; giải thưởng</title><link>https://truong-cu.edu.vn/tin/hoi-thi.html</link>
<guid>https://truong-cu.edu.vn/?p=1</guid><pubDate>Thu, 05 Sep 2024 01:30:00 GMT</pubDate>
<category>Thông báo</category><description>Tóm tắt</description>
<content:encoded><![CDATA[<p>Toàn văn <script>x()</script></p>]]></content:encoded></item>
<item><title>Chỉ có tóm tắt</title><link>https://truong-cu.edu.vn/tin/tom-tat.html</link>
<pubDate>Fri, 06 Sep 2024 08:00:00 +0700</pubDate><description>Vài dòng.</description></item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">
<title>Trường cũ</title><link href="https://truong-cu.edu.vn/"/>
<entry><title>Tin Atom</title><id>tag:truong-cu,2024:1</id><link href="https://truong-cu.edu.vn/a/"/>
<published>2024-09-07T02:00:00Z</published><author><name>Cô Lan</name></author>
<content type="html">&lt;p&gt;Nội dung&lt;/p&gt;</content></entry></feed>"""


def test_rss_and_atom(tmp_path):
    content = tmp_path / "site" / "content"
    shutil.copytree(TEST_SITE, content)
    (tmp_path / "rss.xml").write_text(RSS, encoding="utf-8")
    result, report = run("feed", str(tmp_path / "rss.xml"), content, now=NOW, echo=None)
    full, short = sorted(result.items, key=lambda i: i.record.date)
    meta = front(content / full.path)
    assert meta["title"] == "Hội thi & giải thưởng" and meta["category"] == "Thông báo"
    assert meta["date"] == "2024-09-05T08:30:00+07:00"
    assert "Toàn văn" in read(content / full.path) and "<script" not in read(content / full.path)
    assert "Đọc toàn bài tại trang cũ" in read(content / short.path)
    assert "chỉ có tóm tắt" in report
    (tmp_path / "atom.xml").write_text(ATOM, encoding="utf-8")
    result, report = run("feed", str(tmp_path / "atom.xml"), content, now=NOW, echo=None)
    meta = front(content / result.items[0].path)
    assert meta["author"] == "Cô Lan" and "<p>Nội dung</p>" in read(content / result.items[0].path)
