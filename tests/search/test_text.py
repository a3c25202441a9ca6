"""Unit tests of the search text helpers (pure)."""

from hypothesis import given
from hypothesis import strategies as st

from truongweb.plugins.search_index.text import fold, html_to_text, make_record, shorten, terms


def test_fold_handles_d_with_stroke_and_all_diacritics():
    assert fold("Đại hội Đoàn trường") == "Dai hoi Doan truong"
    assert fold("Tuyển sinh lớp 6 – năm học 2025–2026") == "Tuyen sinh lop 6 – nam hoc 2025–2026"
    assert fold("Ơ Ư ơ ư Ă â ê ô ĩ ỹ") == "O U o u A a e o i y"


@given(st.text())
def test_fold_is_idempotent(s):
    assert fold(fold(s)) == fold(s)


def test_html_to_text_keeps_words_apart_and_alts_and_drops_scripts():
    html = "<h2>Kết quả</h2><p>Đoàn<br>trường <img alt='Ảnh tập thể' src=x></p><script>x=1</script>"
    assert html_to_text(html) == "Kết quả Đoàn trường Ảnh tập thể"


def test_record_text_is_folded_but_metadata_keeps_diacritics():
    r = make_record("/a/", "Đại hội Đoàn trường", "<p>Nội dung đại hội.</p>",
                    summary_html="<p>Tóm tắt về Đoàn.</p>", date="12/09/2025", category="Đoàn – Đội")
    assert "Dai hoi Doan truong" in r["content"] and "đ" not in r["content"].lower()
    assert r["meta"] == {"title": "Đại hội Đoàn trường", "summary": "Tóm tắt về Đoàn.",
                         "date": "12/09/2025", "category": "Đoàn – Đội"}
    assert r["heading"] == "Dai hoi Doan truong"


def test_shorten():
    assert shorten("một hai ba bốn", 9) == "một hai…"
    assert shorten("ngắn") == "ngắn"


def test_record_from_written_page_uses_main_and_h1():
    from truongweb.plugins.search_index.text import record_from_page

    page = ("<header><h1>Tên trường</h1></header><main id=noi-dung><h1>Công khai <b>tài chính</b></h1>"
            "<p>Dự toán thu chi năm 2026.</p></main><footer>Địa chỉ</footer>")
    r = record_from_page(page, "/cong-khai/tai-chinh/")
    assert r["meta"]["title"] == "Công khai tài chính"
    assert r["meta"]["summary"] == "Dự toán thu chi năm 2026."
    assert "Dia chi" not in r["content"] and "Ten truong" not in r["content"]
    assert record_from_page("<main><p>no heading</p></main>", "/x/") is None
    assert record_from_page("<p>no main</p>", "/x/") is None


def test_terms_are_lower_case_ascii_words_of_folded_text():
    assert terms(fold("Quyết định số 12/QĐ-THCS, năm 2025–2026")) == [
        "quyet", "dinh", "so", "12", "qd", "thcs", "nam", "2025", "2026"]
