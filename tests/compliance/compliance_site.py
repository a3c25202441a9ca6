"""Helpers for the compliance tests: building the small test site.

The small site is ``data/site`` (articles in every category, the
introduction pages; the search page comes from the search_index plugin) plus the demo school's section data
(``content/data``, ``content/van-ban``, ``content/cong-khai``), so the
section data the tests check is the data the demo ships.
"""

import shutil
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent

AS_OF = "2026-11-22"
SECTION_DIRS = ("data", "van-ban", "cong-khai")


def make_content(target: Path) -> Path:
    """Assemble the small test site's content folder in ``target``."""
    shutil.copytree(HERE / "data" / "site", target)
    for name in SECTION_DIRS:
        shutil.copytree(ROOT / "content" / name, target / name)
    return target


def plugins_with_ours():
    from truongweb import settings as pelicanconf

    plugins = list(pelicanconf.PLUGINS)
    for name in ("truongweb.plugins.school_sections", "truongweb.plugins.compliance"):
        if name not in plugins:
            plugins.append(name)
    return plugins


def build_small(tmp: Path, content: Path | None = None, **overrides) -> Path:
    """Build the small site (or ``content``) into ``tmp/output``."""
    from truongweb.build import build

    content = content or make_content(tmp / "content")
    settings = {
        "PLUGINS": plugins_with_ours(),
        "COMPLIANCE_AS_OF": AS_OF,
        "COMPLIANCE_PUBLISHED_URLS": str(HERE / "data" / "da-cong-bo.txt"),
    }
    settings.update(overrides)
    output = tmp / "output"
    build(output, content=content, overrides=settings, cache=tmp / "cache", echo=False)
    return output
