"""Unit tests of the <img> → <picture> rewrite (pure)."""

from truongweb.plugins.images.markup import Picture, parse_attrs, rewrite_images
from truongweb.plugins.images.pipeline import ProcessedImage, Variant

IMG = ProcessedImage(
    source="images/a.jpg", original="images/a.jpg", width=1600, height=1200,
    variants=[Variant("images/a-h-480.webp", 480, 360, "image/webp"),
              Variant("images/a-h-480.jpg", 480, 360, "image/jpeg"),
              Variant("images/a-h-800.webp", 800, 600, "image/webp"),
              Variant("images/a-h-800.jpg", 800, 600, "image/jpeg")])


def resolve(src):
    return Picture.from_processed(IMG, prefix="/") if src.endswith("a.jpg") else None


def test_picture_interface_for_templates():
    pic = Picture.from_processed(IMG, alt="x", prefix="https://s/")
    assert pic.fallback("full") == "images/a-h-800.jpg"
    assert (pic.width("full"), pic.height("full")) == (800, 600)
    assert pic.fallback("thumb") == "images/a-h-480.jpg" and pic.width("thumb") == 480
    webp, jpeg = pic.sources("thumb")
    assert webp.type == "image/webp" and jpeg.type == "image/jpeg"
    assert webp.srcset == "https://s/images/a-h-480.webp 480w, https://s/images/a-h-800.webp 800w"
    assert webp.sizes == "(min-width: 48rem) 14rem, calc(100vw - 2rem)"


def test_rewrite_first_eager_rest_lazy_and_attrs_kept():
    html = ('<p><img alt="Học sinh &amp; thầy" src="{static}/images/a.jpg" class="wide"></p>'
            '<p><img src="{static}/images/a.jpg" alt="Hai"/></p>'
            '<p><img src="https://example.org/x.png" alt="ngoài"></p>')
    res = rewrite_images(html, resolve)
    assert res.html.count("<picture>") == 2
    first, second = res.html.split("</picture>")[:2]
    assert 'loading="eager"' in first and 'loading="lazy"' in second
    assert '<source type="image/webp" srcset="/images/a-h-480.webp 480w, /images/a-h-800.webp 800w"' in first
    assert '<source type="image/jpeg" srcset="/images/a-h-480.jpg 480w, /images/a-h-800.jpg 800w"' in first
    assert '<img src="/images/a-h-800.jpg"' in first
    assert 'width="800" height="600"' in first
    assert 'alt="Học sinh &amp; thầy"' in first and 'class="wide"' in first
    assert '<img src="https://example.org/x.png" alt="ngoài">' in res.html
    assert res.missing_alt == []


def test_rewrite_is_idempotent_and_reports_missing_alt():
    res = rewrite_images('<img src="{static}/images/a.jpg">', resolve)
    assert res.missing_alt == ["{static}/images/a.jpg"]
    assert 'alt=""' in res.html
    again = rewrite_images(res.html, resolve)
    assert again.html == res.html and again.used == []


def test_parse_attrs_unescapes():
    assert parse_attrs('<img src="a&amp;b.jpg" alt>') == [("src", "a&b.jpg"), ("alt", None)]
