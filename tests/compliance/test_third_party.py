"""C25 (no third-party requests): the check reads the page as a browser
does. Each case is one page of a small static site, served on 127.0.0.1 and
opened in real Chromium, which records every request it makes to another
host (answered locally, nothing leaves the machine): a case is flagged by
the check exactly when Chromium really contacts another host by itself.
The same markup put into a built page fails C25 and only C25."""

import json
import shutil
import time
from urllib.parse import urlsplit

import pytest

from truongweb.plugins.compliance import resources
from truongweb.plugins.compliance.engine import Site, format_summary, load_rules, run
from helpers import serve_directory

RULES, _ROWS = load_rules()
C25 = [r for r in RULES if r.id == "C25-khong-theo-doi"]

# name: (markup in <head>, markup in <body>, host Chromium contacts)
# The first eleven are the ways the issue found past the old check.
REQUESTS = {
    "src-co-dau-cach": ("", '<img alt="" src = "https://anh.example.org/a.png">', "anh.example.org"),
    "https-viet-hoa": ("", '<img alt="" src="HTTPS://ANH.EXAMPLE.ORG/a.png">', "anh.example.org"),
    "srcset": ("", '<img alt="" src="/anh/a.png" sizes="100vw" srcset="https://anh.example.org/a-400.png 400w,'
               ' https://anh.example.org/a-800.png 800w">', "anh.example.org"),
    "poster": ("", '<video poster="https://anh.example.org/p.jpg" width="320" height="180"></video>',
               "anh.example.org"),
    "css-url-thuoc-tinh-style": ("", """<div style="background-image: url( 'https://anh.example.org/nen.png' );"""
                                 """ width: 100px; height: 100px">Nền</div>""", "anh.example.org"),
    "css-url-the-style": ("<style>.nen { background: url(https://anh.example.org/nen2.png) }</style>",
                          '<div class="nen" style="width: 100px; height: 100px">Nền</div>', "anh.example.org"),
    "input-type-image": ("", '<form><input type="image" src="https://anh.example.org/nut.png" alt="Gửi"></form>',
                         "anh.example.org"),
    "fetch-trong-script": ("", '<script>fetch("https://api.example.org/dem?trang=1")</script>', "api.example.org"),
    "new-image-src": ("", "<script>new Image().src = 'https://thongke.example.org/pixel.gif';</script>",
                      "thongke.example.org"),
    "meta-refresh": ('<meta http-equiv="refresh" content="0; url=https://khac.example.org/">', "<p>Chuyển trang</p>",
                     "khac.example.org"),
    "stylesheet-href-co-dau-cach": ('<link rel = "stylesheet" href = "https://fonts.example.org/css">', "",
                                    "fonts.example.org"),
    # More ways a page can make the browser contact another host.
    "khong-giao-thuc": ("", '<script src="//thongke.example.org/x.js"></script>', "thongke.example.org"),
    "iframe-youtube": ("", '<iframe src="https://www.youtube.com/embed/abc" title="Video"></iframe>',
                       "www.youtube.com"),
    "ma-ky-tu-html": ("", '<img alt="" src="&#104;ttps://anh.example.org/b.png">', "anh.example.org"),
    "dau-gach-nguoc": ("", r'<img alt="" src="\\anh.example.org\c.png">', "anh.example.org"),
    "tab-trong-giao-thuc": ("", '<img alt="" src="ht&#9;tps://anh.example.org/d.png">', "anh.example.org"),
    "giao-thuc-khong-gach": ("", '<img alt="" src="https:anh.example.org/j.png">', "anh.example.org"),
    "css-ma-thoat": ("", r'<div style="background: url(&quot;\68 ttps://anh.example.org/e.png&quot;);'
                     r' width: 10px; height: 10px">x</div>', "anh.example.org"),
    "css-import": ('<style>@import "https://fonts.example.org/a.css";</style>', "", "fonts.example.org"),
    "object-data": ("", '<object data="https://anh.example.org/f.svg" type="image/svg+xml" width="10"'
                    ' height="10"></object>', "anh.example.org"),
    "video-source": ("", '<video width="10" height="10" preload="auto"><source src="https://anh.example.org/v.mp4"'
                     ' type="video/mp4"></video>', "anh.example.org"),
    "link-preload": ('<link rel="preload" as="image" href="https://anh.example.org/g.png">', "",
                     "anh.example.org"),
    "svg-image": ("", '<svg width="10" height="10"><image href="https://anh.example.org/h.png" width="10"'
                  ' height="10"/></svg>', "anh.example.org"),
    "iframe-srcdoc": ("", """<iframe title="x" srcdoc="<img src='https://anh.example.org/i.png' alt=''>">"""
                      "</iframe>", "anh.example.org"),
    "the-base": ('<base href="https://khac.example.org/">', '<img src="a.png" alt="">', "khac.example.org"),
    "import-dong": ("", '<script type="module">import("https://cdn.example.org/m.js")</script>',
                    "cdn.example.org"),
    "xmlhttprequest-gach-thoat": ("", r'<script>var x = new XMLHttpRequest(); x.open("GET",'
                                  r' "https:\/\/api.example.org\/x"); x.send()</script>', "api.example.org"),
    "send-beacon": ("", '<script>navigator.sendBeacon("//thongke.example.org/b")</script>',
                    "thongke.example.org"),
    "table-background": ("", '<table background="https://anh.example.org/k.png"><tr><td>x</td></tr></table>',
                         "anh.example.org"),
    "onerror": ("", """<img src="/khong-co.png" alt="" onerror="fetch('https://api.example.org/loi')">""",
                "api.example.org"),
}

# Sent to another host only when the reader acts (submits, follows a link):
# still the readers' data going to a third party, so flagged too.
ON_ACTION = {
    "form-action": '<form action="https://khac.example.org/gui"><button>Gửi</button></form>',
    "formaction": '<form><button formaction="https://khac.example.org/gui">Gửi</button></form>',
    "a-ping": '<a href="/lien-he/" ping="https://thongke.example.org/p">Liên hệ</a>',
    "javascript-url": """<a href="javascript:fetch('https://api.example.org/x')">Bấm</a>""",
    "link-icon": '<link rel="icon" href="https://anh.example.org/favicon.ico">',
}

NO_REQUEST = {
    "lien-ket-ra-ngoai": '<a href="https://moet.gov.vn/">Bộ Giáo dục và Đào tạo</a>',
    "duong-dan-tuong-doi": '<img src="/anh/a.png" alt=""><img src="anh/b.png" alt=""><a href="../">Lên</a>',
    "cung-may-chu": '<img src="{SITE}/anh/c.png" alt=""><link rel="stylesheet" href="{SITE}/kieu.css">',
    "tin-atom-noi-khac": '<link rel="alternate" type="application/atom+xml" href="https://khac.example.org/feed.xml">'
                         '<link rel="canonical" href="https://khac.example.org/bai/">',
    "json-ld": '<script type="application/ld+json">{"@context": "https://schema.org", '
               '"url": "https://khac.example.org/"}</script>',
    "dia-chi-trong-van-ban": "<p>Xem https://example.org/a và //example.org/b</p>",
    "ten-mien-xml": '<script>document.body.append(document.createElementNS("http://www.w3.org/2000/svg", "svg"))'
                    "</script>",
    "trich-dan": '<blockquote cite="https://khac.example.org/bai">Trích dẫn</blockquote>',
    "anh-data": '<img alt="" src="data:image/gif;base64,R0lGODlhAQABAAAAACwAAAAAAQABAAA=">',
    "css-chon-thuoc-tinh": '<style>a[href^="https://"]::after { content: " (https://ngoai)" }</style>'
                           '<a href="https://khac.example.org/" style="color: #036">Trang khác</a>',
    "thu-dien-thoai": '<a href="mailto:c2thanhbinh@phutho.edu.vn">Thư</a> <a href="tel:02103851200">Gọi</a>',
    "chu-thich-html": "<!-- <img src='https://anh.example.org/cu.png'> -->",
}

STYLESHEET_PAGE = "tep-css-rieng"
PAGE = """<!DOCTYPE html>
<html lang="vi"><head><meta charset="utf-8"><title>Thử</title>{head}</head>
<body><main>{body}</main></body></html>
"""


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """The small static site, served; yields (folder, base URL)."""
    folder = tmp_path_factory.mktemp("third_party")
    (folder / "anh").mkdir()
    with serve_directory(folder) as base:
        pages = {name: (head, body) for name, (head, body, _host) in REQUESTS.items()}
        pages.update({name: ("", body) for name, body in ON_ACTION.items()})
        pages.update({name: ("", body) for name, body in NO_REQUEST.items()})
        # A page that is clean itself, whose own stylesheet imports a web font.
        pages[STYLESHEET_PAGE] = ('<link rel="stylesheet" href="/kieu/rieng.css">', "<p>Chữ</p>")
        (folder / "kieu").mkdir()
        (folder / "kieu" / "rieng.css").write_text(
            '@import url("https://fonts.example.org/css2?family=Roboto");\nbody { color: #222 }\n',
            encoding="utf-8")
        for name, (head, body) in pages.items():
            (folder / name).mkdir()
            (folder / name / "index.html").write_text(
                PAGE.format(head=head.replace("{SITE}", base), body=body.replace("{SITE}", base)),
                encoding="utf-8")
        yield folder, base


@pytest.fixture(scope="module")
def flagged(site):
    """C25's problem for each page of the site, as the engine reports it."""
    folder, base = site
    result = run(C25, Site(folder, {"site": {"url": base}}))[0]
    found = {}
    for problem in result.problems:
        page, _, text = problem.partition(": ")
        found[page.removesuffix("/index.html")] = text
    return found



def contacted(browser, url, wait_for=None):
    """The hosts other than 127.0.0.1 that Chromium sends a request to while
    opening ``url``; those requests are answered here, never sent out."""
    hosts = []
    context = browser.new_context()

    def answer(route):
        host = urlsplit(route.request.url).hostname
        if host == "127.0.0.1":
            route.continue_()
        else:
            hosts.append(host)
            route.fulfill(status=200, body="", content_type="text/plain")

    context.route("**/*", answer)
    page = context.new_page()
    page.goto(url, wait_until="load")
    deadline = time.monotonic() + 5
    while wait_for and wait_for not in hosts and time.monotonic() < deadline:
        page.wait_for_timeout(100)
    if not wait_for:
        page.wait_for_load_state("networkidle")
    context.close()
    return hosts


@pytest.mark.parametrize("name", REQUESTS)
def test_a_request_chromium_makes_is_flagged(name, site, flagged, browser):
    _folder, base = site
    host = REQUESTS[name][2]
    assert host in contacted(browser, f"{base}/{name}/", wait_for=host), \
        "the case must really make Chromium contact the host"
    assert name in flagged, f"C25 did not flag {name}"
    assert host in flagged[name]


@pytest.mark.parametrize("name", ON_ACTION)
def test_data_sent_on_the_readers_action_is_flagged(name, flagged):
    assert name in flagged and "example.org" in flagged[name]


@pytest.mark.parametrize("name", NO_REQUEST)
def test_no_request_no_problem(name, site, flagged, browser):
    _folder, base = site
    assert contacted(browser, f"{base}/{name}/") == []
    assert name not in flagged, flagged.get(name)


def test_every_page_was_checked(site, flagged):
    folder, base = site
    result = run(C25, Site(folder, {"site": {"url": base}}))[0]
    assert result.checked == len(REQUESTS) + len(ON_ACTION) + len(NO_REQUEST) + 1
    assert set(flagged) == set(REQUESTS) | set(ON_ACTION)


def test_a_stylesheet_of_the_site_importing_a_font_is_flagged(site, flagged, browser):
    folder, base = site
    assert "fonts.example.org" in contacted(browser, f"{base}/{STYLESHEET_PAGE}/",
                                            wait_for="fonts.example.org")
    assert STYLESHEET_PAGE not in flagged  # the page's markup is clean: the file is not
    rule = [r for r in RULES if r.id == "C25-css-ben-thu-ba"]
    result = run(rule, Site(folder, {"site": {"url": base}}))[0]
    assert result.problems == ["kieu/rieng.css: nạp tài nguyên của bên thứ ba (fonts.example.org)"]


def test_no_site_address_means_every_host_is_another():
    page = '<img alt="" src="https://thcsthanhbinh.phutho.edu.vn/a.png">'
    assert resources.third_party_requests(page, None) == [("thẻ <img> (src)", "thcsthanhbinh.phutho.edu.vn")]
    assert resources.third_party_requests(page, "thcsthanhbinh.phutho.edu.vn") == []


@pytest.mark.parametrize("url, host", [
    ("https://a.example.org/x", "a.example.org"),
    ("  HTTPS://A.Example.ORG:8443/x", "a.example.org"),
    ("//a.example.org", "a.example.org"),
    ("\\\\a.example.org\\x", "a.example.org"),
    ("/\\a.example.org/x", "a.example.org"),
    ("https:///a.example.org/x", "a.example.org"),
    ("h\ttt\nps://a.example.org/", "a.example.org"),
    ("https://user:pw@a.example.org/", "a.example.org"),
    ("https://%61.example.org/", "a.example.org"),
    ("https://[::1]:8000/", "[::1]"),
    ("/anh/a.png", None), ("anh/a.png", None), ("#muc", None), ("?trang=2", None),
    ("data:image/png;base64,AAAA", None), ("mailto:a@example.org", None), ("", None),
])
def test_url_host(url, host):
    assert resources.url_host(url) == host


def test_srcset_urls_keep_commas_inside_urls():
    value = "data:image/png;base64,AAA 1x, https://a.example.org/b,c.png 2x,/d.png"
    assert resources.srcset_urls(value) == ["data:image/png;base64,AAA", "https://a.example.org/b,c.png",
                                            "/d.png"]


# The same markup in a page the build wrote fails C25 and no other rule.
ARTICLE = "tin-tuc-su-kien/*/*/*/index.html"


@pytest.mark.parametrize("name", list(REQUESTS)[:11])
def test_in_a_built_page_only_c25_fails(name, small_site, tmp_path):
    out = tmp_path / "output"
    shutil.copytree(small_site, out)
    page = sorted(out.glob(ARTICLE))[0]
    head, body, host = REQUESTS[name]
    text = page.read_text(encoding="utf-8")
    text = text.replace("</head>", head + "</head>", 1).replace(
        '<div class="article__body prose">', '<div class="article__body prose">' + body, 1)
    page.write_text(text, encoding="utf-8")
    data = json.loads((out / "kiem-tra-tuan-thu" / "ket-qua.json").read_text(encoding="utf-8"))
    results = run(RULES, Site(out, data["manifest"]))
    failed = {r.rule.id for r in results if r.status in ("error", "warning")}
    assert failed == {"C25-khong-theo-doi"}, format_summary(results)
    assert host in format_summary(results)
