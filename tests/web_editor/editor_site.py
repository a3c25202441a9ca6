"""Build real sites with Pelican for the web editor tests.

Uses the repository's pelicanconf.py when it exists (PLUGINS gets
``web_editor`` added if missing), else a minimal configuration with the YAML
front matter reader, so these tests run before and after the foundation lands.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from pelican import Pelican
from pelican.settings import read_settings

ROOT = Path(__file__).resolve().parents[2]
DEMO_FIXTURE = Path(__file__).resolve().parent / "demo_content"

CATEGORIES = [
    "Tin tức – Sự kiện", "Thông báo", "Hoạt động chuyên môn", "Đoàn – Đội",
    "Tuyển sinh", "Gương sáng",
]

_MINIMAL = {
    "SITENAME": "Trường THCS Thử Nghiệm",
    "TIMEZONE": "Asia/Ho_Chi_Minh",
    "DEFAULT_LANG": "vi",
    "PLUGINS": ["yaml_metadata", "truongweb.plugins.web_editor"],
    "ARTICLE_PATHS": ["articles"],
    "PAGE_PATHS": ["pages"],
    "STATIC_PATHS": ["images"],
    "CATEGORIES": CATEGORIES,
    "DEFAULT_CATEGORY": CATEGORIES[0],
    "ARTICLE_URL": "{category}/{date:%Y}/{date:%m}/{slug}/",
    "ARTICLE_SAVE_AS": "{category}/{date:%Y}/{date:%m}/{slug}/index.html",
    "FEED_ALL_ATOM": None, "CATEGORY_FEED_ATOM": None, "TRANSLATION_FEED_ATOM": None,
    "AUTHOR_FEED_ATOM": None, "AUTHOR_FEED_RSS": None,
}


def has_foundation() -> bool:
    return (ROOT / "pelicanconf.py").is_file()


def build(content: Path, output: Path, **overrides) -> Path:
    """Build ``content`` into ``output`` with Pelican and return ``output``."""
    conf = ROOT / "pelicanconf.py"
    override = {
        "PATH": str(content),
        "OUTPUT_PATH": str(output),
        "CACHE_CONTENT": False,
        "LOAD_CONTENT_CACHE": False,
        "EVIDENCE_AS_OF": "2026-12-31",
    }
    if conf.is_file():
        base = read_settings(str(conf))
        plugins = list(base.get("PLUGINS") or [])
        if "truongweb.plugins.web_editor" not in plugins:
            plugins.append("truongweb.plugins.web_editor")
        override["PLUGINS"] = plugins
    else:
        override.update(_MINIMAL)
    override.update(overrides)
    settings = read_settings(str(conf) if conf.is_file() else None, override=override)
    Pelican(settings).run()
    return output


def demo_content(dest: Path) -> Path:
    """A copy of the demo content: the repository's content/ (when it has plans)
    plus the editor fixture (a small plan, an article with extra keys, images)."""
    repo_content = ROOT / "content"
    if (repo_content / "plans").is_dir():
        shutil.copytree(repo_content, dest)
    shutil.copytree(DEMO_FIXTURE, dest, dirs_exist_ok=True)
    return dest
