"""Search on the demo site, by typing into the search box like a person."""

import re

from playwright.sync_api import expect


def search(page, query):
    box = page.locator(".search-page").get_by_role("searchbox", name="Từ khóa cần tìm")
    box.click()
    page.keyboard.type(query, delay=20)
    page.keyboard.press("Enter")
    expect(page.locator(".search-status")).to_contain_text("kết quả cho “%s”" % query)
    return page.locator(".search-item-title a").all_inner_texts()


def test_dai_hoi_doan_finds_the_dai_hoi_doan_article(site, open_page):
    page, _ = open_page(site.url("search"))
    titles = search(page, "dai hoi doan")
    assert any(re.search(r"Đại hội.*[Đđ]oàn", t) for t in titles), titles


def test_tuyen_sinh_finds_admission_articles(site, open_page):
    page, _ = open_page(site.url("search"))
    titles = search(page, "tuyen sinh")
    assert titles and sum("tuyển sinh" in t.lower() for t in titles) >= min(3, len(titles)), titles


def test_header_or_page_form_works_without_javascript(site, open_page):
    page, _ = open_page(site.url("search"), js=False)
    box = page.locator(".search-page").get_by_role("searchbox", name="Từ khóa cần tìm")
    box.fill("tuyen sinh")
    box.press("Enter")
    page.wait_for_url(re.compile(r"/tim-kiem/\?q=tuyen\+sinh"))
    # what a no-JS visitor sees: the explanation with links to browse instead
    note = page.locator(".search-nojs")
    assert "cần JavaScript" in note.inner_text()
    assert page.locator(".search-nojs a").count() >= 2
