"""The document register in a real browser: a plain table without
JavaScript; with it, the filter by type, year and issuer works."""


import pytest

from helpers import serve_directory




@pytest.fixture(scope="module")
def server(small_site):
    with serve_directory(small_site) as base:
        yield base



def visible_rows(page):
    return page.locator("[data-role=danh-sach-van-ban] tbody tr:visible")


def test_register_without_javascript_is_the_full_table(browser, server):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(server + "/van-ban/")
    assert not page.locator("[data-role=loc-van-ban]").is_visible()
    assert visible_rows(page).count() == 10
    context.close()


def test_register_filters_by_type_year_and_issuer(browser, server):
    page = browser.new_page()
    page.goto(server + "/van-ban/")
    assert page.locator("[data-role=loc-van-ban]").is_visible()
    page.select_option("#loc-loai", "Kế hoạch")
    assert visible_rows(page).count() == 3
    assert page.locator("[data-role=so-ket-qua]").inner_text() == "Đang hiển thị 3 trên 10 văn bản."
    page.select_option("#loc-nam", "2026")
    assert visible_rows(page).count() == 2
    page.select_option("#loc-loai", "")
    page.select_option("#loc-nam", "")
    page.select_option("#loc-co-quan", "Bộ Giáo dục và Đào tạo")
    assert visible_rows(page).all_inner_texts()[0].startswith("09/2024/TT-BGDĐT")
    page.close()


SECTION_PAGES = ["lanh-dao/", "lien-he/", "lien-ket/", "lay-y-kien/", "thong-tin-tuyen-sinh/",
                 "van-ban/", "van-ban/thong-tu-09-2024-tt-bgddt/", "cong-khai/",
                 "cong-khai/du-toan-thu-chi-2026/", "cong-khai/thong-tin-chung/", "so-do-trang/",
                 "kiem-tra-tuan-thu/"]


def test_section_pages_fit_a_320px_screen(browser, server):
    """Checklist C9: no horizontal scrolling on a small phone."""
    page = browser.new_page(viewport={"width": 320, "height": 640})
    too_wide = {}
    for path in SECTION_PAGES:
        page.goto(f"{server}/{path}")
        width = page.evaluate("document.documentElement.scrollWidth")
        if width > 320:
            too_wide[path] = width
    page.close()
    assert too_wide == {}
