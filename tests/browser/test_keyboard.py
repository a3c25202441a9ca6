"""Keyboard users: skip link, access keys, font-size and contrast controls."""

import re

import pytest
from playwright.sync_api import expect


def tab_to(page, selector: str, limit: int = 60):
    """Press Tab until the element matching ``selector`` has focus."""
    target = page.locator(selector).first
    expect(target).to_be_attached()
    for _ in range(limit):
        page.keyboard.press("Tab")
        if target.evaluate("e => e === document.activeElement"):
            return target
    pytest.fail(f"{selector} is not reachable with Tab")


def test_skip_link_is_first_visible_on_focus_and_moves_to_main(site, open_page):
    page, _ = open_page(site.url("article"))
    page.keyboard.press("Tab")
    focused = page.evaluate("() => ({cls: document.activeElement.className,"
                            " text: document.activeElement.textContent.trim(),"
                            " href: document.activeElement.getAttribute('href')})")
    assert "skip" in focused["cls"] and focused["href"].startswith("#"), focused
    box = page.locator(":focus").bounding_box()
    assert box and box["x"] >= 0 and box["y"] >= 0 and box["width"] > 10  # visible when focused
    page.keyboard.press("Enter")
    target = focused["href"][1:]
    assert page.evaluate("id => document.activeElement.id === id || "
                         "document.activeElement.closest('#' + id) !== null", target)


def press_access_key(page, key: str) -> None:
    """Alt+key as the OS keyboard sends it (Chromium on Linux uses Alt for
    access keys). Playwright's synthetic "Alt+4" carries no text, which
    Chromium's access-key handler needs, so send the raw input event."""
    cdp = page.context.new_cdp_session(page)
    code = f"Digit{key}" if key.isdigit() else f"Key{key.upper()}"
    vk = ord(key.upper())
    cdp.send("Input.dispatchKeyEvent", {"type": "keyDown", "modifiers": 1, "key": key, "code": code,
                                        "text": key, "unmodifiedText": key,
                                        "windowsVirtualKeyCode": vk})
    cdp.send("Input.dispatchKeyEvent", {"type": "keyUp", "modifiers": 1, "key": key, "code": code,
                                        "windowsVirtualKeyCode": vk})
    cdp.detach()


def _access_keys(page):
    return page.evaluate("() => [...document.querySelectorAll('[accesskey]')].map(e => "
                         "({key: e.getAttribute('accesskey'), tag: e.tagName, href: e.href || null}))")


def test_access_keys_home_sitemap_search(site, open_page):
    page, _ = open_page(site.url("article"))
    keys = {k["key"]: k for k in _access_keys(page)}
    assert {"1", "3", "4"} <= set(keys), keys  # Home, Sitemap, Search (checklist C10)
    assert len(keys) == len(_access_keys(page)), "duplicate access keys"
    press_access_key(page, "4")
    assert page.evaluate("() => document.activeElement.getAttribute('accesskey')") == "4"
    assert page.evaluate("() => document.activeElement.type") == "search"
    with page.expect_navigation() as nav:
        press_access_key(page, "1")
    assert page.url == keys["1"]["href"] and nav.value.status == 200
    with page.expect_navigation() as nav:
        press_access_key(page, "3")
    assert page.url == keys["3"]["href"]
    if site.pages.get("sitemap"):  # the sitemap page comes from the compliance branch
        assert nav.value.status == 200
    assert "so-do-trang" in page.url


def test_font_size_controls_by_keyboard_and_remembered(site, open_page):
    page, _ = open_page(site.url("article"))
    size = lambda: page.evaluate("() => parseFloat(getComputedStyle(document.documentElement).fontSize)")
    body_size = lambda: page.evaluate("() => parseFloat(getComputedStyle(document.querySelector('main p, main')).fontSize)")
    before, body_before = size(), body_size()
    bigger = tab_to(page, 'button[data-font="lg"]')
    page.keyboard.press("Enter")
    expect(bigger).to_have_attribute("aria-pressed", "true")
    assert size() > before and body_size() > body_before
    page.reload()
    assert size() > before  # the choice persists
    smaller = tab_to(page, 'button[data-font="sm"]')
    page.keyboard.press("Space")
    expect(smaller).to_have_attribute("aria-pressed", "true")
    assert size() < before
    tab_to(page, 'button[data-font=""]')
    page.keyboard.press("Enter")
    assert size() == before


def test_high_contrast_toggle_by_keyboard(site, open_page):
    page, _ = open_page(site.url("home"))
    bg = lambda: page.evaluate("() => getComputedStyle(document.body).backgroundColor")
    normal = bg()
    toggle = tab_to(page, "button[data-contrast-toggle]")
    page.keyboard.press("Enter")
    expect(toggle).to_have_attribute("aria-pressed", "true")
    assert bg() != normal and re.match(r"rgb\(0, 0, 0\)", bg())
    page.reload()
    assert bg() != normal
    tab_to(page, "button[data-contrast-toggle]")
    page.keyboard.press("Space")
    assert bg() == normal


@pytest.mark.parametrize("kind", ["evidence-topic-total", "evidence-plan-units", "evidence-reports"])
def test_wide_tables_scroll_with_the_keyboard_at_320px(site, open_page, kind):
    """Every box that scrolls sideways at 320 px is a named region reached
    with Tab, and the arrow keys then scroll it (issue 17.3)."""
    page, _ = open_page(site.url(kind), width=320, height=640)
    scrollers = page.evaluate(
        "() => [...document.querySelectorAll('main *')].filter(e => {"
        " const s = getComputedStyle(e).overflowX;"
        " return (s === 'auto' || s === 'scroll') && e.scrollWidth > e.clientWidth + 1; })"
        ".map(e => ({cls: e.className, role: e.getAttribute('role'), tab: e.getAttribute('tabindex'),"
        " named: !!(e.getAttribute('aria-labelledby') && document.getElementById(e.getAttribute('aria-labelledby'))"
        " || e.getAttribute('aria-label'))}))")
    assert scrollers, f"{kind}: nothing scrolls at 320 px, the test checks nothing"
    assert all(s == {"cls": "scroll-region", "role": "region", "tab": "0", "named": True}
               for s in scrollers), scrollers
    page.evaluate("() => { [...document.querySelectorAll('.scroll-region')].find("
                  "e => e.scrollWidth > e.clientWidth + 1).id = 'cuon-thu'; }")
    tab_to(page, "#cuon-thu", limit=200)
    for _ in range(5):
        page.keyboard.press("ArrowRight")
    # Chromium animates keyboard scrolling: wait for it rather than read at once.
    page.wait_for_function("() => document.getElementById('cuon-thu').scrollLeft > 0", timeout=5000)
