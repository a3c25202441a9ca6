"""Fixtures for the browser tests: the demo site is built ONCE per session
with the publish settings (``publish=True``: no drafts, no hidden or future
articles, feeds on) but ``SITEURL`` pointing at a local ``http.server`` on
127.0.0.1, so absolute URLs resolve to the local copy and any request to
another host is a real leak (the publish build is what pupils get; the local
SITEURL is the only difference)."""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

from harness import Guard, free_port, serve
from pagetypes import discover, url_for


@dataclass
class Site:
    output: Path
    base: str
    pages: dict  # page type -> output-relative path or None

    def url(self, kind: str) -> str:
        rel = self.pages.get(kind)
        if rel is None:
            pytest.skip(f"page type {kind!r} is not in the built site yet")
        return url_for(self.base, rel)


def build_demo(output: Path, siteurl: str, cache: Path) -> None:
    from truongweb.build import build

    # SITE_CONTENT: build another content folder (e.g. a branch's demo) instead of content/
    content = os.environ.get("SITE_CONTENT") or None
    build(output, content=content, publish=True, overrides={"SITEURL": siteurl}, cache=cache,
          echo=False)


@pytest.fixture(scope="session")
def site(tmp_path_factory):
    pytest.importorskip("truongweb.build", reason="the foundation (truongweb.build) is not merged yet")
    tmp = tmp_path_factory.mktemp("demo")
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    output = tmp / "output"
    build_demo(output, base, tmp / "cache")
    with serve(output, port):
        yield Site(output, base, discover(output))



@pytest.fixture
def open_page(browser):
    """open_page(url, width=1280, height=800, js=True) -> (page, guard);
    fails the test if the page requested anything outside 127.0.0.1 or threw
    a JavaScript error."""
    opened = []

    def _open(url, width=1280, height=800, js=True):
        context = browser.new_context(viewport={"width": width, "height": height},
                                      java_script_enabled=js, locale="vi-VN")
        guard = Guard(context)
        page = context.new_page()
        page.on("pageerror", lambda e: guard.page_errors.append(str(e)))
        page.goto(url, wait_until="load")
        opened.append((context, guard, url))
        return page, guard

    yield _open
    for context, guard, url in opened:
        context.close()
        assert guard.blocked == [], f"{url} requested other hosts: {guard.blocked}"
        assert guard.page_errors == [], f"{url} JavaScript errors: {guard.page_errors}"
