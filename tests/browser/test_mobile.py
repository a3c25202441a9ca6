"""At 320 px wide nothing scrolls sideways, on every page type."""

import pytest

from pagetypes import PAGE_TYPES


@pytest.mark.parametrize("kind", PAGE_TYPES)
def test_no_horizontal_scroll_at_320px(site, open_page, kind):
    page, _ = open_page(site.url(kind), width=320, height=640)
    sizes = page.evaluate(
        "() => ({scroll: document.scrollingElement.scrollWidth, inner: window.innerWidth,"
        " wide: [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right"
        " > window.innerWidth + 1).slice(0, 5).map(e => e.tagName + '.' + e.className)})")
    assert sizes["scroll"] <= sizes["inner"], f"{kind}: {sizes}"
    viewport = page.locator('meta[name="viewport"]').get_attribute("content")
    assert "width=device-width" in viewport
