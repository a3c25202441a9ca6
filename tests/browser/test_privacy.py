"""Nothing leaves localhost; published images carry no GPS/camera metadata."""

import re

import pytest

from PIL import Image

from pagetypes import PAGE_TYPES

GPS_IFD = 0x8825
CAMERA_TAGS = {0x010F: "Make", 0x0110: "Model", 0x0131: "Software", 0xA434: "LensModel",
               0x9003: "DateTimeOriginal", 0x8827: "ISO"}


def test_every_page_type_loads_only_from_localhost(site, open_page):
    seen = []
    for kind in PAGE_TYPES:
        rel = site.pages.get(kind)
        if rel is None:
            continue
        page, guard = open_page(site.url(kind), width=360)
        page.mouse.wheel(0, 20000)  # trigger lazy images
        page.wait_for_load_state("networkidle")
        seen.append(kind)
        assert guard.blocked == [], (kind, guard.blocked)
    assert {"home", "article", "search"} <= set(seen)


def test_no_third_party_assets_in_the_html(site):
    host = re.escape(site.base)
    asset = re.compile(r"<(?:script|link|img|source|iframe|video|audio)\b[^>]*?"
                       r"\b(?:src|href|srcset)=\"(https?://[^\"]+)\"", re.I)
    offenders = []
    for f in site.output.rglob("*.html"):
        for m in asset.finditer(f.read_text(encoding="utf-8")):
            tag = m.group(0)
            if re.match(r"<link\b", tag, re.I) and not re.search(r'rel="(?:stylesheet|preload|modulepreload|icon)', tag):
                continue  # canonical/alternate links are not loaded
            if not re.match(host, m.group(1)):
                offenders.append((f.relative_to(site.output).as_posix(), m.group(1)))
    assert offenders == []


def test_published_images_have_no_gps_or_camera_metadata(site):
    images = [p for p in site.output.rglob("*") if p.suffix.lower() in (".jpg", ".jpeg", ".png", ".webp")
              and "theme" not in p.relative_to(site.output).parts[:1]]
    if not [p for p in images if p.suffix.lower() in (".jpg", ".jpeg")]:
        pytest.skip("the demo content has no photos yet (tests/images covers phone photos)")
    for p in images:
        with Image.open(p) as im:
            exif = im.getexif()
            assert not exif.get_ifd(GPS_IFD) and GPS_IFD not in exif, p
            assert not {t for t in CAMERA_TAGS if t in exif}, (p, dict(exif))
            assert not {"exif", "xmp", "XML:com.adobe.xmp", "comment"} & set(im.info), (p, list(im.info))
        data = p.read_bytes()
        assert b"http://ns.adobe.com/xap" not in data and b"Exif\x00\x00" not in data, p


def test_article_images_are_responsive_and_lazy(site, open_page):
    page, _ = open_page(site.url("article"))
    html = (site.output / site.pages["article"]).read_text(encoding="utf-8")
    for m in re.finditer(r"<picture>.*?</picture>", html, re.S):
        pic = m.group(0)
        assert 'type="image/webp"' in pic and re.search(r'width="\d+" height="\d+"', pic)
    imgs = re.findall(r"<img\b[^>]*>", html)
    for tag in imgs:
        assert re.search(r'\balt="', tag) and re.search(r'\bwidth="\d+"', tag), tag


def test_demo_phone_photos_are_cleaned_and_turned_upright(site):
    """The demo ships photos with GPS/camera EXIF and an EXIF rotation: their
    published copies (same URL) and every variant are clean and upright."""
    from harness import ROOT

    content = ROOT / "content"
    risky = []
    for src in content.joinpath("images").rglob("*.jpg"):
        with Image.open(src) as im:
            exif = im.getexif()
            if exif.get_ifd(GPS_IFD) or 0x0110 in exif or exif.get(0x0112, 1) != 1:
                risky.append((src.relative_to(content).as_posix(), im.size, exif.get(0x0112, 1)))
    if not risky:
        pytest.skip("the demo content has no phone photos with metadata")
    for rel, (w, h), orientation in risky:
        out = site.output / rel
        variants = list(out.parent.glob(out.stem + "-*"))
        assert out.is_file() and variants, rel
        for f in [out, *variants]:
            with Image.open(f) as im:
                assert not im.getexif() and "exif" not in im.info, f
                if orientation in (5, 6, 7, 8):  # stored sideways: published upright
                    assert (im.width > im.height) == (h > w), (f, im.size)
