"""The images plugin in a real Pelican build."""

import re
import shutil

import pytest
from PIL import Image

from truongweb.plugins.images.pipeline import ImageError
from truongweb.plugins.images.testimages import make_phone_photo

from images_sitebuild import assert_clean, build

ARTICLE = """Title: Đại hội Liên đội
Date: 2025-09-12 07:30
Category: Đoàn – Đội
Image: images/2025/09/dai-hoi.jpg
Image_alt: Học sinh giơ tay biểu quyết

Mở đầu.

![Toàn cảnh hội trường]({static}/images/2025/09/hoi-truong.jpg)

Giữa bài.

![Trao giải]({static}../../images/2025/09/trao-giai.jpg)
"""


@pytest.fixture
def content(tmp_path):
    c = tmp_path / "content"
    (c / "articles/2025").mkdir(parents=True)
    (c / "images/2025/09").mkdir(parents=True)
    for i, name in enumerate(["dai-hoi", "hoi-truong", "trao-giai", "khong-dung"]):
        make_phone_photo(c / f"images/2025/09/{name}.jpg", 400, 300, seed=i)
    (c / "articles/2025/dai-hoi.md").write_text(ARTICLE, encoding="utf-8")
    return c


def test_build_rewrites_inline_images_and_strips_everything(tmp_path, content):
    out = build(tmp_path, content)
    html = (out / "dai-hoi-lien-doi.html").read_text(encoding="utf-8")
    pictures = re.findall(r"<picture>.*?</picture>", html, re.S)
    assert len(pictures) == 2
    # the article has a featured image (eager in the theme): inline ones are all lazy
    assert 'loading="lazy"' in pictures[0] and 'loading="lazy"' in pictures[1]
    for p in pictures:
        assert 'type="image/webp"' in p and 'width="200" height="267"' not in p
        assert re.search(r'width="300" height="400"', p)
        assert "{static}" not in p
    assert 'alt="Toàn cảnh hội trường"' in pictures[0]
    # every published raster image is clean; the unused one too (sanitised copy)
    published = [p for p in out.rglob("*") if p.suffix in (".jpg", ".webp")]
    assert len(published) > 10
    for p in published:
        assert_clean(p)
    for name in ["dai-hoi", "hoi-truong", "trao-giai", "khong-dung"]:
        assert (out / f"images/2025/09/{name}.jpg").read_bytes() != \
            (content / f"images/2025/09/{name}.jpg").read_bytes()
        with Image.open(out / f"images/2025/09/{name}.jpg") as im:
            assert im.size == (300, 400)
    # every srcset candidate exists
    for url in re.findall(r"(/images/[^ \"]+) \d+w", html):
        assert (out / url.lstrip("/")).is_file(), url
    # the build never writes into content/
    assert sorted(p.name for p in (content / "images/2025/09").iterdir()) == \
        ["dai-hoi.jpg", "hoi-truong.jpg", "khong-dung.jpg", "trao-giai.jpg"]


def test_featured_picture_available_to_templates(tmp_path, content):
    theme = tmp_path / "theme"
    shutil.copytree(__import__("pelican").__path__[0] + "/themes/simple", theme)
    (theme / "templates/article.html").write_text(
        "{% if article.picture %}<img id=feat src=\"{{ SITEURL }}/{{ article.picture.fallback('full') }}\" "
        "srcset=\"{{ article.picture.sources('full')[0].srcset }}\" "
        "width=\"{{ article.picture.width('full') }}\" "
        "alt=\"{{ article.picture.alt }}\">{% endif %}{{ article.content }}", encoding="utf-8")
    out = build(tmp_path, content, THEME=str(theme))
    html = (out / "dai-hoi-lien-doi.html").read_text(encoding="utf-8")
    m = re.search(r'<img id=feat src="(/images/2025/09/dai-hoi-[0-9a-f]{8}-300\.jpg)" '
                  r'srcset="(/images/[^"]+)" width="300" alt="Học sinh giơ tay biểu quyết">', html)
    assert m, html[:500]
    assert (out / m.group(1).lstrip("/")).is_file()


def test_warm_build_uses_cache(tmp_path, content, caplog):
    build(tmp_path, content)
    caplog.clear()
    with caplog.at_level("INFO"):
        build(tmp_path, content)
    assert "Ảnh: 4 tệp, 0 xử lý mới, 4 lấy từ bộ nhớ đệm" in caplog.text


def test_missing_alt_warns_locally_and_fails_when_required(tmp_path, content, caplog):
    art = content / "articles/2025/dai-hoi.md"
    art.write_text(ARTICLE.replace("![Trao giải]", "![]"), encoding="utf-8")
    with caplog.at_level("WARNING"):
        build(tmp_path, content)
    assert "Ảnh thiếu mô tả (alt): images/2025/09/trao-giai.jpg trong articles/2025/dai-hoi.md" in caplog.text
    with pytest.raises(ImageError, match="trao-giai.jpg"):
        build(tmp_path, content, IMAGES_REQUIRE_ALT=True)
    art.write_text(ARTICLE.replace("Image_alt: Học sinh giơ tay biểu quyết\n", ""), encoding="utf-8")
    with pytest.raises(ImageError, match=r"image_alt.*dai-hoi.jpg|dai-hoi.jpg.*image_alt"):
        build(tmp_path, content, IMAGES_REQUIRE_ALT=True)


def test_corrupt_image_stops_the_build(tmp_path, content):
    (content / "images/2025/09/hoi-truong.jpg").write_bytes(b"\xff\xd8broken")
    with pytest.raises(ImageError, match="images/2025/09/hoi-truong.jpg"):
        build(tmp_path, content)


def test_missing_featured_image_names_the_article(tmp_path, content):
    (content / "images/2025/09/dai-hoi.jpg").unlink()
    with pytest.raises(ImageError, match="images/2025/09/dai-hoi.jpg.*articles/2025/dai-hoi.md"):
        build(tmp_path, content)


def test_first_inline_image_is_eager_without_featured_image(tmp_path, content):
    art = content / "articles/2025/dai-hoi.md"
    art.write_text(ARTICLE.replace("Image: images/2025/09/dai-hoi.jpg\n", "")
                   .replace("Image_alt: Học sinh giơ tay biểu quyết\n", ""), encoding="utf-8")
    html = (build(tmp_path, content) / "dai-hoi-lien-doi.html").read_text(encoding="utf-8")
    first, second = re.findall(r"<picture>.*?</picture>", html, re.S)
    assert 'loading="eager"' in first and 'loading="lazy"' in second


def test_rewrite_survives_pelican_content_cache(tmp_path, content):
    cache = {"CACHE_CONTENT": True, "LOAD_CONTENT_CACHE": True, "CHECK_MODIFIED_METHOD": "md5"}
    build(tmp_path, content, **cache)
    html = (build(tmp_path, content, **cache) / "dai-hoi-lien-doi.html").read_text(encoding="utf-8")
    assert html.count("<picture>") == 2 and "{static}" not in html
