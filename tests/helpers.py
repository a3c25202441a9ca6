"""Helpers shared by the tests: real Pelican builds into temporary folders."""

import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEMO_CONTENT = ROOT / "content"
TEST_SITE = ROOT / "tests" / "data" / "site"

sys.path.insert(0, str(ROOT))
from sitetools.build import build  # noqa: E402


def build_site(tmp_path, content=None, publish=False, **overrides):
    """Build ``content`` (default: the demo school) into ``tmp_path/output``
    with its own cache, and return the output folder."""
    output = Path(tmp_path) / "output"
    build(output, content=content or DEMO_CONTENT, publish=publish, overrides=overrides,
          cache=Path(tmp_path) / "cache", echo=False)
    return output


def run_build_cli(*args, cwd=ROOT):
    """Run ``python -m sitetools.build`` as a user would; return the result."""
    environment = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    environment.pop("SITE_DEBUG", None)
    return subprocess.run(
        [sys.executable, "-m", "sitetools.build", *map(str, args)],
        cwd=cwd, capture_output=True, text=True, encoding="utf-8", env=environment,
    )


def read(path):
    return Path(path).read_text(encoding="utf-8")


def all_html(output):
    return {p.relative_to(output).as_posix(): read(p) for p in Path(output).rglob("*.html")}


def links_in(html):
    return re.findall(r'href="([^"]+)"', html)
