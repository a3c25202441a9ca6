"""Unit tests of the pure image pipeline (no Pelican)."""

import os

import pytest
from PIL import Image

from truongweb.plugins.images.pipeline import (ImageError, ImageSettings, Job, process_images,
                             target_widths)
from truongweb.plugins.images.testimages import make_phone_photo
from images_sitebuild import assert_clean

SETTINGS = ImageSettings(widths=(100, 200, 1200))
def test_target_widths_never_upscale():
    assert target_widths(4000, (480, 800, 1200)) == [480, 800, 1200]
    assert target_widths(1000, (480, 800, 1200)) == [480, 800, 1000]
    assert target_widths(300, (480, 800, 1200)) == [300]
    assert target_widths(1200, (480, 800, 1200)) == [480, 800, 1200]


def run(tmp_path, jobs, **kw):
    return process_images(jobs, str(tmp_path / "out"), str(tmp_path / "cache"), SETTINGS, **kw)


def test_orientation_applied_and_metadata_stripped(tmp_path):
    src = tmp_path / "a.jpg"
    make_phone_photo(src, 400, 300, orientation=6)
    res = run(tmp_path, [Job("images/a.jpg", str(src), "images/a.jpg", True)])["images/a.jpg"]
    assert (res.width, res.height) == (300, 400)
    assert [v.width for v in res.by_mime("image/webp")] == [100, 200, 300]
    assert [v.width for v in res.by_mime("image/jpeg")] == [100, 200, 300]
    out = tmp_path / "out"
    files = [out / "images/a.jpg"] + [out / v.path for v in res.variants]
    for f in files:
        assert_clean(f)
    with Image.open(out / "images/a.jpg") as im:
        assert im.size == (300, 400)
        r, g, b = im.convert("RGB").getpixel((im.width - 5, 5))  # red quadrant moved right
        assert r > 180 and g < 80
    with Image.open(out / res.largest.path) as im:
        assert im.format == "JPEG" and im.size == (300, 400)
    assert open(out / "images/a.jpg", "rb").read() != src.read_bytes()


def test_png_with_alpha_gets_png_fallback(tmp_path):
    src = tmp_path / "logo.png"
    Image.new("RGBA", (250, 100), (0, 0, 255, 128)).save(src, pnginfo=None)
    res = run(tmp_path, [Job("images/logo.png", str(src), "images/logo.png", True)])["images/logo.png"]
    assert res.fallback_mime == "image/png"
    assert [v.width for v in res.by_mime("image/png")] == [100, 200, 250]


def test_cache_hit_does_not_decode_again(tmp_path):
    src = tmp_path / "a.jpg"
    make_phone_photo(src)
    jobs = [Job("images/a.jpg", str(src), "images/a.jpg", True)]
    first = run(tmp_path, jobs)["images/a.jpg"]
    assert not first.cached
    # Poison the decoder: a cache hit must not open the image at all.
    real_open = Image.open
    Image.open = lambda *a, **k: pytest.fail("decoded on a cache hit")
    try:
        second = run(tmp_path, jobs)["images/a.jpg"]
    finally:
        Image.open = real_open
    assert second.cached and second.variants == first.variants
    # Changed settings or changed bytes: processed again.
    other = process_images(jobs, str(tmp_path / "out"), str(tmp_path / "cache"),
                           ImageSettings(widths=(100,)))["images/a.jpg"]
    assert not other.cached
    make_phone_photo(src, seed=7)
    assert not run(tmp_path, jobs)["images/a.jpg"].cached


def test_parallel_matches_serial(tmp_path):
    jobs = []
    for i in range(4):
        p = tmp_path / f"p{i}.jpg"
        make_phone_photo(p, seed=i)
        jobs.append(Job(f"images/p{i}.jpg", str(p), f"images/p{i}.jpg", True))
    par = process_images(jobs, str(tmp_path / "o1"), str(tmp_path / "c1"), SETTINGS, workers=2)
    ser = process_images(jobs, str(tmp_path / "o2"), str(tmp_path / "c2"), SETTINGS, workers=1)
    assert {k: v.variants for k, v in par.items()} == {k: v.variants for k, v in ser.items()}
    for v in par["images/p3.jpg"].variants:
        assert os.path.getsize(tmp_path / "o1" / v.path) > 0


@pytest.mark.parametrize("payload", [b"", b"not an image at all", b"\xff\xd8\xff\xe0garbage"])
def test_corrupt_image_is_a_vietnamese_error_naming_the_file(tmp_path, payload, monkeypatch):
    monkeypatch.chdir(tmp_path)  # messages name files relative to the site folder
    src = tmp_path / "images/2025/hong.jpg"
    src.parent.mkdir(parents=True)
    src.write_bytes(payload)
    with pytest.raises(ImageError) as exc:
        run(tmp_path, [Job("images/2025/hong.jpg", str(src), "images/2025/hong.jpg", True)])
    assert "images/2025/hong.jpg" in str(exc.value)
    assert "Ảnh bị hỏng hoặc không đọc được" in str(exc.value)


def test_truncated_jpeg_is_an_error(tmp_path):
    src = tmp_path / "cut.jpg"
    make_phone_photo(src)
    data = src.read_bytes()
    src.write_bytes(data[: len(data) // 2])
    with pytest.raises(ImageError, match="cut.jpg"):
        run(tmp_path, [Job("images/cut.jpg", str(src), "images/cut.jpg", True)])


def test_missing_file_is_an_error(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    with pytest.raises(ImageError, match="Không đọc được tệp ảnh images/x.jpg: không có tệp hoặc thư mục này"):
        run(tmp_path, [Job("images/x.jpg", str(tmp_path / "images/x.jpg"), "images/x.jpg", True)])
