"""Tiny real-Pelican build helper for the image plugin tests (default theme,
only the ``images`` plugin), independent of the site's own settings."""

from pathlib import Path

from PIL import Image
from pelican import Pelican
from pelican.settings import read_settings

from truongweb.plugins.images.testimages import CAMERA_MODEL

ROOT = Path(__file__).resolve().parents[2]


def build(tmp_path: Path, content: Path, **overrides) -> Path:
    out = tmp_path / "output"
    settings = {
        "PATH": str(content),
        "OUTPUT_PATH": str(out),
        "CACHE_PATH": str(tmp_path / "cache"),
        "PLUGINS": ["truongweb.plugins.images"],
        "STATIC_PATHS": ["images"],
        "ARTICLE_PATHS": ["articles"],
        "PAGE_PATHS": ["pages"],
        "SITEURL": "",
        "TIMEZONE": "Asia/Ho_Chi_Minh",
        "FEED_ALL_ATOM": None, "CATEGORY_FEED_ATOM": None, "AUTHOR_FEED_ATOM": None,
        "AUTHOR_FEED_RSS": None, "TRANSLATION_FEED_ATOM": None,
        "IMAGES_WIDTHS": [100, 200, 1200],
        "IMAGES_WORKERS": 2,
    }
    settings.update(overrides)
    Pelican(read_settings(path=None, override=settings)).run()
    return out


FORBIDDEN = [b"Exif\x00", b"http://ns.adobe.com/xap", b"ICC_PROFILE", b"PhoneMaker",
             CAMERA_MODEL.encode(), b"Truong THCS Demo", b"Nguyen Van A"]


def assert_clean(path):
    data = open(path, "rb").read()
    for marker in FORBIDDEN:
        assert marker not in data, (path, marker)
    with Image.open(path) as im:
        assert not dict(im.getexif()), path
        assert not {"exif", "xmp", "icc_profile", "comment", "XML:com.adobe.xmp"} & set(im.info), path
