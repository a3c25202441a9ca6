"""sitemap.xml and robots.txt of a real publish build (the small test site):
the sitemaps.org structure, every public page listed (the compliance report
too), each lastmod the newest date of what the page shows and never the
build time (two builds a second apart give the same file)."""

import datetime as dt
import re
import sys
import time
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from helpers import ROOT, build_site, run_build_cli

from compliance_site import AS_OF, make_content
from truongweb.plugins.xml_sitemap.sitemap import SitemapError, read_config, robots_txt, w3c_datetime

SITEURL = "https://truong-mau.github.io/thcs-thanh-binh"
NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
W3C_DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?$")
CHANGEFREQS = {"always", "hourly", "daily", "weekly", "monthly", "yearly", "never"}


def edit(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """The small site built twice with the publish settings, a second apart
    (same output and cache); yields (output, first sitemap, second sitemap)."""
    tmp = tmp_path_factory.mktemp("sitemap")
    content = make_content(tmp / "content")
    # An edit after publication makes an older article the newest content.
    edit(content / "articles" / "khai-giang.md", "date: 2026-09-05T07:30:00+07:00",
         "date: 2026-09-05T07:30:00+07:00\nmodified: 2026-11-01T10:00:00+07:00")
    edit(content / "pages" / "gioi-thieu.md", "slug: gioi-thieu", "slug: gioi-thieu\nmodified: 2026-08-15")
    settings = {"SITEURL": SITEURL, "FEED_DOMAIN": SITEURL, "COMPLIANCE_AS_OF": AS_OF}
    output = build_site(tmp, content=content, publish=True, **settings)
    first = (output / "sitemap.xml").read_bytes()
    time.sleep(1.1)
    build_site(tmp, content=content, publish=True, **settings)
    return output, first, (output / "sitemap.xml").read_bytes()


def entries(data: bytes) -> dict:
    """loc -> {child: text}, checking the sitemaps.org 0.9 structure."""
    assert data.startswith(b'<?xml version="1.0" encoding="utf-8"?>')
    root = ET.fromstring(data)  # well-formed, or this raises
    assert root.tag == f"{NS}urlset"
    found = {}
    for url in root:
        assert url.tag == f"{NS}url"
        children = {child.tag.removeprefix(NS): (child.text or "") for child in url}
        assert len(children) == len(url), "each child element at most once"
        assert set(children) <= {"loc", "lastmod", "changefreq", "priority"}
        loc = children["loc"]
        assert loc not in found, f"{loc} listed twice"
        assert len(loc) <= 2048
        if "lastmod" in children:
            assert W3C_DATETIME.match(children["lastmod"]), children["lastmod"]
            dt.datetime.fromisoformat(children["lastmod"])  # a real date and time
        if "changefreq" in children:
            assert children["changefreq"] in CHANGEFREQS
        if "priority" in children:
            assert 0.0 <= float(children["priority"]) <= 1.0
        found[loc] = children
    assert 0 < len(found) <= 50_000
    return found


def test_structure_and_absolute_urls(built):
    output, first, _second = built
    urls = entries(first)
    for loc in urls:
        parts = urlsplit(loc)
        assert parts.scheme == "https" and parts.netloc == "truong-mau.github.io", loc
        assert loc.startswith(SITEURL + "/"), loc


def test_every_public_page_is_listed_the_compliance_report_included(built):
    output, first, _second = built
    urls = entries(first)
    pages = {
        re.sub(r"(^|/)index\.html$", r"\1", p.relative_to(output).as_posix())
        for p in output.rglob("*.html")
    }
    public = {p for p in pages if not p.startswith("admin/") and p != "404.html"}
    assert {f"{SITEURL}/{p}" for p in public} == set(urls)
    assert f"{SITEURL}/kiem-tra-tuan-thu/" in urls
    assert not any("/admin/" in loc or loc.endswith("404.html") for loc in urls)


def test_lastmod_is_the_newest_date_of_what_the_page_shows(built):
    output, first, _second = built
    urls = entries(first)

    def lastmod(path):
        return urls[f"{SITEURL}/{path}"].get("lastmod")

    article = next(loc for loc in urls if "/tin-tuc-su-kien/2026/09/" in loc)
    assert urls[article]["lastmod"] == "2026-11-01T10:00:00+07:00"  # its modified date
    assert lastmod("doan-doi/2026/09/dai-hoi-lien-doi-nhiem-ky-2026-2027/") == "2026-09-20T07:30:00+07:00"
    # Listings: the newest of the articles they list.
    assert lastmod("") == "2026-11-01T10:00:00+07:00"
    assert lastmod("tin-tuc-su-kien/") == "2026-11-01T10:00:00+07:00"
    assert lastmod("hoat-dong-chuyen-mon/") == "2026-10-02T14:00:00+07:00"
    assert lastmod("the/khai-giang/") == "2026-11-01T10:00:00+07:00"
    assert lastmod("luu-tru/") == "2026-11-01T10:00:00+07:00"
    # Pages: their own date, or none at all.
    assert lastmod("gioi-thieu/") == "2026-08-15T00:00:00+07:00"
    assert lastmod("lich-su/") is None
    # Pages made from data files: the dates in the data, or none.
    assert lastmod("van-ban/thong-tu-09-2024-tt-bgddt/") == "2024-06-10"
    assert lastmod("lanh-dao/") is None
    # The compliance report shows the checks as of its day.
    assert lastmod("kiem-tra-tuan-thu/") == AS_OF


def test_never_the_build_time(built):
    output, first, second = built
    assert first == second
    today = dt.date.today().isoformat()
    if today != AS_OF:  # no content of the small site is dated today
        assert today not in first.decode("utf-8")


def test_robots_txt_points_to_the_sitemap(built):
    output, _first, _second = built
    robots = (output / "robots.txt").read_text(encoding="utf-8")
    assert "User-agent: *" in robots.splitlines()
    assert f"Sitemap: {SITEURL}/sitemap.xml" in robots.splitlines()
    assert "Disallow: /\n" not in robots


def test_local_build_robots_names_no_relative_sitemap():
    # The robots.txt standard wants an absolute sitemap address; a local build has none.
    assert "Sitemap" not in robots_txt("")
    assert robots_txt("https://a.example/").endswith("Sitemap: https://a.example/sitemap.xml\n")


def test_w3c_datetime():
    zone = dt.timezone(dt.timedelta(hours=7))
    assert w3c_datetime(dt.datetime(2026, 10, 31, 20, 0, 5, 123, tzinfo=zone)) == "2026-10-31T20:00:05+07:00"
    assert w3c_datetime(dt.datetime(2026, 10, 31, 20, 0, tzinfo=dt.timezone.utc)) == "2026-10-31T20:00:00+00:00"
    assert w3c_datetime(dt.date(2026, 10, 31)) == "2026-10-31"
    assert w3c_datetime(dt.datetime(2026, 10, 31, 20, 0)) == "2026-10-31"  # no zone: the day only


@pytest.mark.parametrize("setting, words", [
    ({"format": "txt"}, "“format” chỉ nhận “xml”"),
    ({"exlude": ["admin/"]}, "khóa lạ “exlude”"),
    ({"changefreqs": {"articles": "sometimes"}}, "changefreqs “articles: sometimes” không hợp lệ"),
    ({"priorities": {"pages": 2}}, "priorities “pages: 2” không hợp lệ"),
    ({"exclude": ["("]}, "mẫu loại trừ không hợp lệ"),
])
def test_bad_setting_is_refused_in_vietnamese(setting, words):
    with pytest.raises(SitemapError) as error:
        read_config(setting)
    assert words in str(error.value)


def test_bad_setting_stops_the_build(tmp_path):
    content = make_content(tmp_path / "content")
    result = run_build_cli("--content", content, "--output", tmp_path / "out",
                           "--cache", tmp_path / "cache", "--set", 'SITEMAP={"format": "txt"}')
    assert result.returncode == 1
    assert "Lỗi: Thiết lập SITEMAP: “format” chỉ nhận “xml”." in result.stderr
    assert "Traceback" not in result.stderr
    assert not (Path(tmp_path) / "out" / "sitemap.xml").exists()


def test_listing_pages_get_the_newest_date_of_their_own_list():
    """The newest date is worked out once per listed article list (every
    page of a paginated listing gets the same list): the same value as
    working it out for each page, and never another list's value."""
    import datetime as dt
    from types import SimpleNamespace

    from truongweb.plugins import xml_sitemap as plugin

    def article(day, status="published"):
        return SimpleNamespace(date=dt.datetime(2026, 9, day, tzinfo=dt.timezone.utc), status=status)

    old = [article(1), article(2), article(28, "draft")]
    new = [article(3), article(20)]
    plugin.forget(SimpleNamespace(settings={}))
    for page, listed in [("a/index.html", old), ("a/trang-2/index.html", old), ("b/index.html", new),
                         ("a/trang-3/index.html", old)]:
        plugin.page_written(f"/out/{page}", {"OUTPUT_PATH": "/out", "blog": True, "articles": listed})
    dates = {url: entry.lastmod.day for url, entry in plugin._PAGES.items()}
    assert dates == {"a/": 2, "a/trang-2/": 2, "a/trang-3/": 2, "b/": 20}
    plugin.forget(SimpleNamespace(settings={}))
