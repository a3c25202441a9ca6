"""Search on the demo site, by typing into the search box like a person."""

import html
import re

import pytest
from playwright.sync_api import expect

from pagetypes import PATTERNS
from truongweb.plugins.search_index.text import fold

ARTICLE_RX = re.compile(PATTERNS["article"][0] + r"\Z")


def article_titles(site) -> list[str]:
    titles = []
    for f in site.output.rglob("index.html"):
        if ARTICLE_RX.match(f.relative_to(site.output).as_posix()):
            m = re.search(r"<h1[^>]*>(.*?)</h1>", f.read_text(encoding="utf-8"), re.S)
            if m:
                titles.append(html.unescape(re.sub(r"<[^>]+>", "", m.group(1))).strip())
    return titles


def search(page, query):
    console = []
    page.on("console", lambda message: console.append(message.text))
    box = page.locator(".search-page").get_by_role("searchbox", name="Từ khóa cần tìm")
    box.click()
    page.keyboard.type(query, delay=20)
    page.keyboard.press("Enter")
    try:
        expect(page.locator(".search-status")).to_contain_text("cho “%s”" % query)
    except AssertionError as failure:  # say why the index did not load
        raise AssertionError(f"{failure}\nconsole: {console}") from None
    return page.locator(".search-item-title a").all_inner_texts()


@pytest.mark.parametrize("query, title_rx", [
    ("dai hoi doan", r"Đại hội.*[Đđ]oàn"),
    ("tuyen sinh", r"[Tt]uyển sinh"),
])
def test_query_without_diacritics_finds_accented_titles(site, open_page, query, title_rx):
    expected = [t for t in article_titles(site) if re.search(title_rx, t)]
    if not expected:
        pytest.skip(f"the demo content has no article matching {title_rx!r} yet")
    page, _ = open_page(site.url("search"))
    titles = search(page, query)
    print(f"{query!r} ->", titles)
    # every article whose title has the words is found (within the first 20), shown with diacritics
    assert set(expected[:10]) <= set(titles) or len(titles) == 20, (expected, titles)
    assert any(re.search(title_rx, t) for t in titles)
    assert all(fold(t) != t or t.isascii() for t in titles if re.search(title_rx, t))


def test_search_form_without_javascript(site, open_page):
    page, _ = open_page(site.url("search"), js=False)
    box = page.locator(".search-page").get_by_role("searchbox", name="Từ khóa cần tìm")
    box.fill("tuyen sinh")
    box.press("Enter")
    page.wait_for_url(re.compile(r"/tim-kiem/\?q=tuyen\+sinh"))
    # what a no-JS visitor sees: the explanation with links to browse instead
    note = page.locator(".search-nojs")
    assert "cần JavaScript" in note.inner_text()
    assert page.locator(".search-nojs a").count() >= 2


def test_more_results_button_by_keyboard(site, open_page):
    page, _ = open_page(site.url("search"))
    search(page, "hoc sinh")
    items = page.locator(".search-item")
    more = page.get_by_role("button", name="Xem thêm kết quả")
    status = page.locator(".search-status").inner_text()
    total = int(re.search(r"Tìm thấy (\d+) kết quả", status).group(1))
    if total <= 20:
        pytest.skip("the demo has 20 or fewer results for 'hoc sinh'")
    expect(items).to_have_count(20)
    more.focus()
    page.keyboard.press("Enter")
    expect(items).to_have_count(min(total, 40))
    # focus moves to the first new result, so keyboard users continue there
    assert page.evaluate("() => document.activeElement.closest('.search-item') !== null")
    assert page.locator(".search-item").nth(20).locator("a").evaluate("a => a === document.activeElement")


def test_search_tries_again_after_the_index_failed_to_load(site, open_page):
    """A dropped connection (a phone on a slow network) must not break search
    until the page is reloaded: the next search loads the index again."""
    page, guard = open_page(site.url("search"))
    dropped = []

    def drop_once(route):
        if not dropped:
            dropped.append(route.request.url)
            route.abort()
        else:
            route.fallback()

    page.route("**/tim-kiem/chi-muc/index.json*", drop_once)
    box = page.locator(".search-page").get_by_role("searchbox", name="Từ khóa cần tìm")
    box.fill("tuyen sinh")
    box.press("Enter")
    expect(page.locator(".search-status")).to_contain_text("Không tải được bộ tìm kiếm")
    assert dropped
    assert guard.page_errors == []  # the failure is handled, not thrown
    box.fill("")
    assert search(page, "hoc sinh")
