"""Issue 17.11: two image files with the same bytes and different extensions
(a photo saved as ``anh.jpeg`` and again as ``anh.png``) stopped every build
with ``[Errno 2] No such file or directory: '…/cache/images/<hash>/original.jpeg'``;
and any failure of the pipeline is a Vietnamese message naming the file."""

import os
import shutil

import pytest
from PIL import Image

from truongweb.plugins.images import pipeline
from truongweb.plugins.images.pipeline import ImageError, ImageSettings, Job, process_images
from truongweb.plugins.images.testimages import make_phone_photo
from helpers import TEST_SITE, run_build_cli
from images_sitebuild import assert_clean, build

SETTINGS = ImageSettings(widths=(100, 200, 1200))

ARTICLE = """Title: Cùng một ảnh
Date: 2025-09-12 07:30
Image: images/anh.jpeg
Image_alt: Học sinh trồng cây

![Trồng cây]({static}/images/anh.png)

![Lại trồng cây]({static}/images/ban-sao.jpeg)
"""


def patch_workers(monkeypatch, tmp_path, code):
    """Run ``code`` at the start of every image worker: workers are fresh
    interpreters, so a monkeypatch of this process does not reach them.
    Every batch, however small, goes to the workers."""
    monkeypatch.setattr(pipeline, "IN_PROCESS_PIXELS", 0)
    hook = tmp_path / "worker_hook"
    hook.mkdir()
    (hook / "sitecustomize.py").write_text(
        "import os, sys\nfrom truongweb.plugins.images import pipeline\n" + code, encoding="utf-8")
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join(
        [str(hook)] + [p for p in [os.environ.get("PYTHONPATH")] if p]))


def two_photos(tmp_path, monkeypatch, first, second):
    """Jobs for two different phone photos in ``images/`` of the current folder."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "images").mkdir()
    make_phone_photo(tmp_path / "images" / first, seed=1)
    make_phone_photo(tmp_path / "images" / second, seed=2)
    return jobs_for(tmp_path / "images", [second, first])


def jobs_for(folder, names):
    return [Job(f"images/{n}", str(folder / n), f"images/{n}", True) for n in names]


def test_same_bytes_with_other_extensions_are_all_processed(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    make_phone_photo(src / "anh.jpeg")
    for name in ("anh.png", "anh.JPG", "ban-sao.jpeg", "khong-duoi"):
        shutil.copyfile(src / "anh.jpeg", src / name)
    jobs = jobs_for(src, ["anh.jpeg", "anh.png", "anh.JPG", "ban-sao.jpeg", "khong-duoi"])
    for run in range(2):  # cold, then warm from the cache
        out = tmp_path / f"out{run}"
        res = process_images(jobs, str(out), str(tmp_path / "cache"), SETTINGS, workers=2)
        assert all(r.cached == (run == 1) for r in res.values())
        expected = {"anh.jpeg": "JPEG", "anh.png": "PNG", "anh.JPG": "JPEG",
                    "ban-sao.jpeg": "JPEG", "khong-duoi": "JPEG"}
        for name, fmt in expected.items():
            with Image.open(out / "images" / name) as im:
                assert im.format == fmt, name
            assert_clean(out / "images" / name)
            for v in res[f"images/{name}"].variants:
                assert (out / v.path).is_file(), v.path
    # one cache entry per output format: the identical JPEGs share theirs
    assert len(os.listdir(tmp_path / "cache")) == 2


def test_site_with_the_same_photo_twice_builds_cold_and_warm(tmp_path):
    content = tmp_path / "content"
    (content / "images").mkdir(parents=True)
    (content / "articles").mkdir()
    make_phone_photo(content / "images/anh.jpeg")
    shutil.copyfile(content / "images/anh.jpeg", content / "images/anh.png")
    shutil.copyfile(content / "images/anh.jpeg", content / "images/ban-sao.jpeg")
    (content / "articles/cung-anh.md").write_text(ARTICLE, encoding="utf-8")
    for _ in range(2):
        out = build(tmp_path, content)
        html = (out / "cung-mot-anh.html").read_text(encoding="utf-8")
        assert html.count("<picture>") == 2
        for name in ("anh.jpeg", "anh.png", "ban-sao.jpeg"):
            assert_clean(out / "images" / name)


def test_a_cache_entry_missing_a_file_is_made_again(tmp_path):
    src = tmp_path / "anh.jpg"
    make_phone_photo(src)
    jobs = [Job("images/anh.jpg", str(src), "images/anh.jpg", True)]
    process_images(jobs, str(tmp_path / "out"), str(tmp_path / "cache"), SETTINGS)
    (entry,) = (tmp_path / "cache").iterdir()
    (entry / "original").unlink()  # someone tidied the cache folder by hand
    res = process_images(jobs, str(tmp_path / "out2"), str(tmp_path / "cache"), SETTINGS)
    assert not res["images/anh.jpg"].cached
    assert_clean(tmp_path / "out2/images/anh.jpg")


@pytest.mark.parametrize("workers", [1, 2])
def test_an_unexpected_failure_names_the_file_in_vietnamese(tmp_path, monkeypatch, workers):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "images").mkdir()
    make_phone_photo(tmp_path / "images/tot.jpg", seed=1)
    make_phone_photo(tmp_path / "images/xau.jpg", seed=2)
    real_clean = pipeline._clean

    def clean(im):
        if im.filename.endswith("xau.jpg"):
            raise RuntimeError("unexpected")
        return real_clean(im)

    monkeypatch.setattr(pipeline, "_clean", clean)
    patch_workers(monkeypatch, tmp_path, (
        "real_clean = pipeline._clean\n"
        "def clean(im):\n"
        "    if im.filename.endswith('xau.jpg'):\n"
        "        raise RuntimeError('unexpected')\n"
        "    return real_clean(im)\n"
        "pipeline._clean = clean\n"))
    with pytest.raises(ImageError) as exc:
        process_images(jobs_for(tmp_path / "images", ["tot.jpg", "xau.jpg"]), str(tmp_path / "out"),
                       str(tmp_path / "cache"), SETTINGS, workers=workers)
    assert str(exc.value).startswith("Không xử lý được ảnh images/xau.jpg. Hãy mở ảnh")
    assert "tot.jpg" not in str(exc.value)


def test_a_killed_worker_names_the_file(tmp_path, monkeypatch):
    jobs = two_photos(tmp_path, monkeypatch, "to.jpg", "nho.jpg")
    patch_workers(monkeypatch, tmp_path, (
        "real_render = pipeline._render\n"
        "def render(src_abs, *args):\n"
        "    if src_abs.endswith('to.jpg'):\n"
        "        os._exit(9)  # what the kernel's out-of-memory killer does to a worker\n"
        "    return real_render(src_abs, *args)\n"
        "pipeline._render = render\n"))
    with pytest.raises(ImageError) as exc:
        process_images(jobs, str(tmp_path / "out"), str(tmp_path / "cache"), SETTINGS, workers=2)
    assert "Tiến trình xử lý ảnh bị dừng đột ngột" in str(exc.value)
    assert "images/to.jpg" in str(exc.value)


def test_build_command_with_the_same_photo_twice_exits_zero(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(TEST_SITE, content)
    make_phone_photo(content / "images/anh.jpeg")
    shutil.copyfile(content / "images/anh.jpeg", content / "images/anh.png")
    for _ in range(2):  # the error stopped every build, warm ones too
        result = run_build_cli("--content", content, "--output", tmp_path / "out",
                               "--cache", tmp_path / "cache")
        assert result.returncode == 0, result.stderr
    assert_clean(tmp_path / "out/images/anh.png")


def test_stopping_the_workers_leaves_no_half_written_entry(tmp_path, monkeypatch):
    """An interrupted build (interruption.stop_all) kills the workers and
    removes the cache folders they were writing."""
    import threading
    import time

    from truongweb.plugins import interruption

    jobs = two_photos(tmp_path, monkeypatch, "mot.jpg", "hai.jpg")
    patch_workers(monkeypatch, tmp_path, (
        "import time\n"
        "real_save = pipeline._save\n"
        "def save(*args, **kwargs):\n"
        "    real_save(*args, **kwargs)\n"
        "    time.sleep(60)  # stopped half-way through an entry\n"
        "pipeline._save = save\n"))
    cache = tmp_path / "cache"

    def stop_when_writing():
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and not list(cache.glob("*.tmp*/original")):
            time.sleep(0.02)
        interruption.stop_all()

    stopper = threading.Thread(target=stop_when_writing)
    stopper.start()
    with pytest.raises(ImageError) as exc:
        process_images(jobs, str(tmp_path / "out"), str(cache), SETTINGS, workers=2)
    stopper.join()
    assert "Tiến trình xử lý ảnh bị dừng đột ngột" in str(exc.value)
    assert list(cache.iterdir()) == []


def test_a_small_batch_is_made_in_threads_of_the_build(tmp_path, monkeypatch):
    """No helper process for a few small images: the same files as a serial
    run; a larger batch starts the helper."""
    jobs = two_photos(tmp_path, monkeypatch, "mot.jpg", "hai.jpg")
    started = []
    real_popen = pipeline.subprocess.Popen
    monkeypatch.setattr(pipeline.subprocess, "Popen",
                        lambda *a, **k: started.append(a) or real_popen(*a, **k))
    threaded = process_images(jobs, str(tmp_path / "o1"), str(tmp_path / "c1"), SETTINGS, workers=2)
    assert started == []
    serial = process_images(jobs, str(tmp_path / "o2"), str(tmp_path / "c2"), SETTINGS, workers=1)
    assert sorted(threaded) == sorted(serial)
    for name in ("mot.jpg", "hai.jpg"):
        assert ((tmp_path / "o1/images" / name).read_bytes()
                == (tmp_path / "o2/images" / name).read_bytes())
    monkeypatch.setattr(pipeline, "IN_PROCESS_PIXELS", 400 * 300)  # one photo's worth
    process_images(jobs, str(tmp_path / "o3"), str(tmp_path / "c3"), SETTINGS, workers=2)
    assert len(started) == 1
