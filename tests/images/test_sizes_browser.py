"""Issue 17.7: ``sizes`` matches the theme's layout, so Chromium picks a file
at least as wide as each picture is shown (the article's lead photo was
shown 1120 px wide from the 800w file), and not a wider one than needed.

A small site (tests/data/site plus a 2400 px photo) is built with the real
theme and settings, served on 127.0.0.1 and opened in Debian's Chromium at
1280 and 375 px (device scale 1)."""

import re
import shutil
import sys
from pathlib import Path

import pytest

from helpers import TEST_SITE, build_site, serve_directory
from truongweb.plugins.images.testimages import make_phone_photo

from harness import Guard, chromium_available

ARTICLE = """---
title: Lễ khai giảng năm học mới
date: 2026-09-05T07:30:00+07:00
category: Tin tức – Sự kiện
author: Phạm Thu Hà
summary: Toàn trường dự lễ khai giảng.
image: images/khai-giang.jpg
image_alt: Học sinh xếp hàng trên sân trường
---
Toàn trường dự lễ khai giảng.

![Học sinh đánh trống khai giảng](/images/trong.jpg)
"""
# (inline images use {static}; written below to keep the YAML readable)

WIDTHS = (480, 800, 1200)


@pytest.fixture(scope="module")
def base(tmp_path_factory):
    if not chromium_available():
        pytest.fail("Chromium is missing: apt-get install -y chromium (see .ci/run)")
    tmp = tmp_path_factory.mktemp("sizes")
    content = tmp / "content"
    shutil.copytree(TEST_SITE, content)
    make_phone_photo(content / "images/khai-giang.jpg", 2400, 1600, orientation=1)
    make_phone_photo(content / "images/trong.jpg", 2400, 1600, orientation=1, seed=3)
    (content / "articles/khai-giang.md").write_text(
        ARTICLE.replace("](/images/", "]({static}/images/"), encoding="utf-8")
    output = build_site(tmp, content)
    with serve_directory(output) as url:
        yield url



def chosen(browser, url, selector, width):
    """(width of the srcset candidate Chromium chose, rendered CSS width)."""
    context = browser.new_context(viewport={"width": width, "height": 900}, device_scale_factor=1)
    guard = Guard(context)
    try:
        page = context.new_page()
        page.goto(url, wait_until="load")
        img = page.locator(selector).first
        img.scroll_into_view_if_needed()  # lazy images load once in view
        page.wait_for_function("el => el.complete && el.currentSrc", arg=img.element_handle())
        src, shown = img.evaluate("el => [el.currentSrc, el.getBoundingClientRect().width]")
        assert guard.blocked == []
    finally:
        context.close()
    m = re.search(r"-(\d+)\.(?:webp|jpg)$", src)
    assert m, f"{selector} on {url} shows {src}, not a srcset candidate"
    return int(m.group(1)), shown


PLACES = {  # what -> (page, selector)
    "article lead photo": ("tin-tuc-su-kien/2026/09/le-khai-giang-nam-hoc-moi/", ".article__figure img"),
    "image in the article body": ("tin-tuc-su-kien/2026/09/le-khai-giang-nam-hoc-moi/", ".article__body img"),
    "home page lead story": ("", ".featured__image img"),
    "listing thumbnail": ("tin-tuc-su-kien/", ".card__image img"),
}


@pytest.mark.parametrize("viewport", [1280, 375])
@pytest.mark.parametrize("place", sorted(PLACES))
def test_chromium_picks_a_file_at_least_as_wide_as_shown(base, browser, place, viewport):
    path, selector = PLACES[place]
    picked, shown = chosen(browser, f"{base}/{path}", selector, viewport)
    assert shown > 100, f"{place} is not shown at {viewport} px"
    assert picked >= shown, f"{place} at {viewport} px: shown {shown:.0f} px wide from the {picked}w file"
    # and not a needlessly wide one: the narrowest candidate that covers it
    needed = min(w for w in WIDTHS if w >= shown)
    assert picked == needed, f"{place} at {viewport} px: shown {shown:.0f} px, {picked}w chosen"


def test_lead_photo_at_1280_is_the_1200w_file(base, browser):
    picked, shown = chosen(browser, f"{base}/{PLACES['article lead photo'][0]}",
                           ".article__figure img", 1280)
    assert (picked, round(shown)) == (1200, 1120)
