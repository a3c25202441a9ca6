"""Issue 12.7: every raster image the site publishes is re-encoded without
GPS or camera data, whatever its format, its name (upper case, ``.jfif``,
no extension) and wherever it comes from (``content/images``, another
``STATIC_PATHS`` folder, an ``{attach}``ed or ``{static}``-linked file);
kinds that cannot be cleaned (HEIC) stop the build with a Vietnamese
message. Real Pelican builds, real images made by Pillow."""

import logging
import re
import shutil

import pytest
from PIL import Image

from truongweb.plugins.images.pipeline import ImageError
from truongweb.plugins.images.testimages import CAMERA_MAKE, CAMERA_MODEL, fake_heic, save_phone_image
from helpers import TEST_SITE, run_build_cli
from images_sitebuild import FORBIDDEN, build

# content path -> (Pillow format written, output path, format expected there)
PHOTOS = {
    "images/anh.tiff": ("TIFF", "images/anh.tiff", "TIFF"),
    "images/anh2.TIF": ("TIFF", "images/anh2.TIF", "TIFF"),
    "images/anh.jfif": ("JPEG", "images/anh.jfif", "JPEG"),
    "images/ANH3.JPG": ("JPEG", "images/ANH3.JPG", "JPEG"),
    "images/anh4.JPEG": ("JPEG", "images/anh4.JPEG", "JPEG"),
    "images/khong-duoi": ("JPEG", "images/khong-duoi", "JPEG"),
    "images/anh.png": ("PNG", "images/anh.png", "PNG"),  # eXIf chunk + XMP
    "images/anh.webp": ("WEBP", "images/anh.webp", "WEBP"),
    "images/anh.gif": ("GIF", "images/anh.gif", "GIF"),  # camera in a comment
    "images/anh.bmp": ("BMP", "images/anh.bmp", "BMP"),
    "images/anh.avif": ("AVIF", "images/anh.avif", "AVIF"),
    "images/that-ra-jpeg.png": ("JPEG", "images/that-ra-jpeg.png", "PNG"),
    # another static folder
    "tep/ho-so.tiff": ("TIFF", "tep/ho-so.tiff", "TIFF"),
    "tep/khong-duoi-png": ("PNG", "tep/khong-duoi-png", "PNG"),
    # in no static folder: linked from the article
    "articles/2025/dinh-kem.jpg": ("JPEG", "anh-nhieu-dinh-dang/dinh-kem.jpg", "JPEG"),
    "articles/2025/tai-ve.tiff": ("TIFF", "anh-nhieu-dinh-dang/tai-ve.tiff", "TIFF"),
    "khac/ngoai.tif": ("TIFF", "khac/ngoai.tif", "TIFF"),
}

NOT_IMAGES = {  # copied byte for byte: not raster images, whatever they start with
    "tep/ghi-chu.txt": b"BMW X5 - bien so 19A-123.45\n",
    "tep/van-ban.pdf": b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n",
}

ARTICLE = """Title: Ảnh nhiều định dạng
Date: 2025-09-12 07:30
Slug: anh-nhieu-dinh-dang

![Ảnh đính kèm]({attach}dinh-kem.jpg)

[Tải ảnh gốc]({attach}dinh-kem.jpg) · [Bản TIFF]({attach}tai-ve.tiff)

![Ảnh để ngoài thư mục ảnh]({static}../../khac/ngoai.tif)
"""

SETTINGS = {"STATIC_PATHS": ["images", "tep"], "ARTICLE_URL": "{slug}/",
            "ARTICLE_SAVE_AS": "{slug}/index.html"}

#: EXIF tags that identify a camera or a place (Make, Model, Software, Exif
#: IFD, GPS IFD, XMP, IPTC, ICC profile)
CAMERA_TAGS = {0x010F, 0x0110, 0x0131, 0x8769, 0x8825, 0x02BC, 0x83BB, 0x8773}


def is_image(path):
    try:
        with Image.open(path):
            return True
    except Exception:  # noqa: BLE001 - anything Pillow cannot open is no image here
        return False


def assert_no_camera_data(path, fmt):
    data = path.read_bytes()
    for marker in FORBIDDEN + [CAMERA_MAKE.encode(), b"PhoneOS"]:
        assert marker not in data, (path, marker)
    with Image.open(path) as im:
        assert im.format == fmt, (path, im.format)
        exif = im.getexif()
        assert not CAMERA_TAGS & set(exif), (path, sorted(exif))
        assert not exif.get_ifd(0x8825), path
        if fmt != "TIFF":  # a TIFF's own structure (size, strips) is in the same table
            assert not dict(exif), (path, dict(exif))
        assert not {"exif", "xmp", "icc_profile", "comment", "XML:com.adobe.xmp"} & set(im.info), \
            (path, sorted(im.info))
        im.load()


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("formats")
    content = tmp / "content"
    for seed, (rel, (fmt, _, _)) in enumerate(PHOTOS.items()):
        (content / rel).parent.mkdir(parents=True, exist_ok=True)
        save_phone_image(content / rel, fmt, seed=seed)
    for rel, data in NOT_IMAGES.items():
        (content / rel).write_bytes(data)
    (content / "articles/2025/anh.md").write_text(ARTICLE, encoding="utf-8")
    # the sources really carry what must not be published
    for rel, (fmt, _, _) in PHOTOS.items():
        if fmt != "BMP":  # BMP has no place for metadata
            assert CAMERA_MODEL.encode() in (content / rel).read_bytes(), rel
    warnings = []
    handler = logging.Handler(logging.WARNING)
    handler.emit = lambda record: warnings.append(record.getMessage())
    logging.getLogger().addHandler(handler)
    try:
        out = build(tmp, content, **SETTINGS)
    finally:
        logging.getLogger().removeHandler(handler)
    return content, out, warnings


@pytest.mark.parametrize("source", sorted(PHOTOS))
def test_published_copy_is_reencoded_without_gps_or_camera(site, source):
    content, out, _ = site
    _, published, fmt = PHOTOS[source]
    target = out / published
    assert target.is_file(), f"{source} is not published at {published}"
    if fmt != "BMP":  # a metadata-free BMP re-encodes to the same bytes
        assert target.read_bytes() != (content / source).read_bytes()
    assert_no_camera_data(target, fmt)
    with Image.open(target) as im:
        assert im.size == (160, 120)


def test_no_raster_file_in_the_output_carries_camera_data(site):
    content, out, _ = site
    published = [p for p in out.rglob("*") if p.is_file() and is_image(p)]
    assert len(published) >= len(PHOTOS) + 2 * 3  # the copies and the article's variants
    for path in published:
        data = path.read_bytes()
        assert CAMERA_MODEL.encode() not in data and CAMERA_MAKE.encode() not in data, path
    assert not (out / "articles/2025/dinh-kem.jpg").exists()


def test_attached_images_sit_next_to_the_article_and_links_work(site):
    content, out, warnings = site
    assert not [w for w in warnings if "{attach}" in w], warnings  # "cannot relocate"
    html = (out / "anh-nhieu-dinh-dang/index.html").read_text(encoding="utf-8")
    assert 'href="/anh-nhieu-dinh-dang/dinh-kem.jpg"' in html
    assert 'href="/anh-nhieu-dinh-dang/tai-ve.tiff"' in html
    assert html.count("<picture>") == 2 and "{attach}" not in html and "{static}" not in html
    urls = re.findall(r'<img src="(/[^"]+)"', html) + re.findall(r"(/[^ \"]+) \d+w", html)
    assert len(urls) == 2 + 2 * 2 * 2  # 2 <img>, each 2 widths (100, 160) in WebP and JPEG
    for url in urls + ["/anh-nhieu-dinh-dang/dinh-kem.jpg", "/anh-nhieu-dinh-dang/tai-ve.tiff"]:
        assert (out / url.lstrip("/")).is_file(), url


def test_other_static_files_are_copied_unchanged(site):
    content, out, _ = site
    for rel, data in NOT_IMAGES.items():
        assert (out / rel).read_bytes() == data


@pytest.mark.parametrize("name", ["images/iphone.HEIC", "images/iphone.heif", "images/iphone-khong-duoi",
                                  "images/iphone-doi-ten.jpg", "tep/iphone.heic"])
def test_heic_is_refused_with_a_vietnamese_message(tmp_path, name, monkeypatch):
    content = tmp_path / "content"
    (content / name).parent.mkdir(parents=True)
    (content / name).write_bytes(fake_heic())
    (content / "images").mkdir(exist_ok=True)
    save_phone_image(content / "images/binh-thuong.jpg", "JPEG")
    monkeypatch.chdir(tmp_path)  # the message names the file relative to the site folder
    with pytest.raises(ImageError) as exc:
        build(tmp_path, content, **SETTINGS)
    message = str(exc.value)
    assert f"content/{name}" in message
    assert "HEIC" in message and "GPS" in message and "JPEG" in message, message
    assert not (tmp_path / "output" / name).exists()


def test_build_command_refuses_heic_in_vietnamese_without_traceback(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(TEST_SITE, content)
    (content / "images/2026").mkdir(parents=True)
    (content / "images/2026/IMG_0001.HEIC").write_bytes(fake_heic())
    result = run_build_cli("--content", content, "--output", tmp_path / "out",
                           "--cache", tmp_path / "cache")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr + result.stdout
    assert "Lỗi: Ảnh " in result.stderr and "images/2026/IMG_0001.HEIC ở định dạng HEIC" in result.stderr
    assert not (tmp_path / "out/images/2026/IMG_0001.HEIC").exists()


def test_unused_file_named_like_an_image_but_broken_stops_the_build(tmp_path):
    content = tmp_path / "content"
    (content / "tep").mkdir(parents=True)
    (content / "tep/anh-loi.JPG").write_bytes(b"%PDF-1.4 not a photo")
    with pytest.raises(ImageError, match=r"Ảnh bị hỏng hoặc không đọc được: .*tep/anh-loi.JPG"):
        build(tmp_path, content, **SETTINGS)
    assert not (tmp_path / "output/tep/anh-loi.JPG").exists()
