"""Issue 12.14 (images): a 169-megapixel PNG took 2 GB per worker. Images
above ``IMAGES_MAX_PIXELS`` (default 50 MP) are refused before decoding,
with a Vietnamese message naming the file and its size; a decompression
bomb gets the same message instead of Pillow's English
DecompressionBombError."""

import time

import pytest
from PIL import Image

from truongweb.plugins.images.pipeline import ImageError, ImageSettings, Job, process_images
from truongweb.plugins.images.testimages import png_header_only, save_phone_image
from images_sitebuild import build


def run(tmp_path, name, settings=ImageSettings()):
    return process_images([Job(f"images/{name}", str(tmp_path / "images" / name), f"images/{name}", True)],
                          str(tmp_path / "out"), str(tmp_path / "cache"), settings, workers=1)


@pytest.mark.parametrize("width, height, megapixels", [
    (13000, 13000, "169,0"),  # the PNG: under Pillow's own bomb limit, 2 GB decoded
    (15000, 12000, "180,0"),  # over it: Pillow raises an English DecompressionBombError
    (100000, 100000, "10.000,0"),
])
def test_huge_png_is_refused_before_decoding(tmp_path, monkeypatch, width, height, megapixels):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "images").mkdir()
    (tmp_path / "images/ban-do.png").write_bytes(png_header_only(width, height))
    started = time.perf_counter()
    with pytest.raises(ImageError) as exc:
        run(tmp_path, "ban-do.png")
    assert time.perf_counter() - started < 5  # nothing was decoded
    message = str(exc.value)
    assert message.startswith(f"Ảnh quá lớn: images/ban-do.png có {width} × {height} điểm ảnh "
                              f"({megapixels} megapixel), vượt giới hạn 50,0 megapixel")
    assert "thu nhỏ ảnh" in message
    assert "ecompression" not in message and "pixels" not in message
    assert not (tmp_path / "out/images/ban-do.png").exists()


def test_limit_is_a_setting_and_inclusive(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "images").mkdir()
    Image.new("RGB", (2000, 1500), (10, 20, 30)).save(tmp_path / "images/lon.jpg")
    assert run(tmp_path, "lon.jpg", ImageSettings(max_pixels=3_000_000))["images/lon.jpg"].width == 2000
    with pytest.raises(ImageError, match=r"^Ảnh quá lớn: images/lon.jpg có 2000 × 1500 điểm ảnh "
                                         r"\(3,0 megapixel\), vượt giới hạn 2,0 megapixel"):
        run(tmp_path, "lon.jpg", ImageSettings(max_pixels=2_000_000))


def test_build_honours_images_max_pixels(tmp_path, monkeypatch):
    content = tmp_path / "content"
    (content / "images").mkdir(parents=True)
    save_phone_image(content / "images/anh.png", "PNG", 160, 120)
    monkeypatch.chdir(tmp_path)
    with pytest.raises(ImageError, match=r"content/images/anh.png có 160 × 120 điểm ảnh"):
        build(tmp_path, content, IMAGES_MAX_PIXELS=10_000)
    build(tmp_path, content, IMAGES_MAX_PIXELS=160 * 120)
    assert (tmp_path / "output/images/anh.png").is_file()
