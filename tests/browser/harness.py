"""Browser test harness: a local static server and Debian's Chromium via
Playwright, with every request outside 127.0.0.1 blocked and recorded.

Playwright's own browser download is never used (`playwright install` is not
run): Chromium comes from Debian (`apt-get install chromium`)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from urllib.parse import urlsplit

from helpers import free_port, serve_directory as serve  # noqa: F401 - used by the browser tests

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run",
                 "--disable-dev-shm-usage"]
AXE = ROOT / "node_modules/axe-core/axe.min.js"
VNU = ROOT / "node_modules/vnu-jar/build/dist/vnu.jar"


def chromium_available() -> bool:
    return shutil.which(CHROMIUM) is not None or os.path.exists(CHROMIUM)


def launch(playwright):
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)


class Guard:
    """Routes every request of a context: 127.0.0.1 goes through, anything
    else is aborted and recorded in ``blocked``."""

    def __init__(self, context):
        self.blocked: list[str] = []
        self.page_errors: list[str] = []  # filled by whoever opens pages in the context
        context.route("**/*", self._route)

    def _route(self, route):
        url = route.request.url
        parts = urlsplit(url)
        if parts.scheme in ("data", "blob", "about") or parts.hostname == "127.0.0.1":
            route.continue_()
        else:
            self.blocked.append(url)
            route.abort()
