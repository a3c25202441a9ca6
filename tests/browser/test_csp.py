"""The Content-Security-Policy meta tag in real Chromium: the theme's own
scripts (preferences, menu, font size, search)
still work, and the browser reports no violation on any page type."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from pagetypes import PAGE_TYPES


def _watch(page):
    """Collect CSP violations (the browser's own console report and the
    securitypolicyviolation event) on ``page``."""
    found = []
    page.on("console", lambda m: found.append(m.text)
            if "Content Security Policy" in m.text or "Content-Security-Policy" in m.text
            else None)
    page.add_init_script(
        "document.addEventListener('securitypolicyviolation', e => "
        "console.error('Content Security Policy violation: ' + e.violatedDirective "
        "+ ' ' + e.blockedURI));")
    return found


def test_every_page_type_has_the_policy_first(site):
    from truongweb import settings as pelicanconf

    for kind in PAGE_TYPES:
        rel = site.pages.get(kind)
        if rel is None:
            continue
        html = (site.output / rel).read_text(encoding="utf-8")
        head = html[:html.index("</head>")]
        meta = f'<meta http-equiv="Content-Security-Policy" content="{pelicanconf.CONTENT_SECURITY_POLICY}">'
        assert meta.replace("'", "&#39;") in head or meta in head, kind
        # before any script or stylesheet, or those would load unchecked
        position = head.find("Content-Security-Policy")
        assert position < head.find("<script") and position < head.find("<link"), kind


@pytest.mark.parametrize("kind", PAGE_TYPES)
def test_no_violation_when_pages_load(site, browser, kind):
    url = site.url(kind)
    context = browser.new_context(viewport={"width": 1280, "height": 800}, locale="vi-VN")
    try:
        page = context.new_page()
        found = _watch(page)
        page.goto(url, wait_until="load")
        page.wait_for_timeout(300)
        assert found == [], (kind, found)
        # preferences.js ran before drawing (the JavaScript-only buttons show)
        assert "js" in page.evaluate("document.documentElement.className")
    finally:
        context.close()


def test_font_size_contrast_and_menu_still_work(site, open_page):
    page, _ = open_page(site.url("article"), width=360, height=740)
    found = _watch(page)
    page.reload(wait_until="load")
    page.get_by_role("button", name="A+ Tăng cỡ chữ").click()
    page.get_by_role("button", name="Tương phản cao").click()
    assert page.evaluate("document.documentElement.dataset.font") == "lg"
    # preferences.js (a file now) restores both before the next page is drawn
    page.reload(wait_until="load")
    assert page.evaluate("[document.documentElement.dataset.font, "
                         "document.documentElement.dataset.contrast]") == ["lg", "high"]
    expect(page.get_by_role("button", name="A+ Tăng cỡ chữ")).to_have_attribute("aria-pressed", "true")
    page.get_by_role("navigation", name="Menu chính").get_by_role("link", name="Thông báo").click()
    page.wait_for_load_state("load")
    assert page.url.rstrip("/").endswith("/thong-bao")
    assert found == [], found


def test_search_works_under_the_policy(site, open_page):
    page, _ = open_page(site.url("search"))
    found = _watch(page)
    page.reload(wait_until="load")
    box = page.locator(".search-page").get_by_role("searchbox", name="Từ khóa cần tìm")
    box.click()
    page.keyboard.type("tuyen sinh", delay=20)
    page.keyboard.press("Enter")
    expect(page.locator(".search-status")).to_contain_text("cho “tuyen sinh”")
    assert page.locator(".search-item-title a").count() > 0
    assert found == [], found
