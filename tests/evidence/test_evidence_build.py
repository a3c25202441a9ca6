"""Real Pelican builds of the evidence test site (tests/evidence/data/basic)."""

import csv
import datetime
import io
import json
import re
import shutil
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from helpers import build_site, read

DATA = Path(__file__).parent / "data" / "basic"
AS_OF = "2024-05-15"


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    return build_site(tmp_path_factory.mktemp("ev"), content=DATA, EVIDENCE_AS_OF=AS_OF,
                      REPORT_NUMBER="")


def evidence(output, plan="kh-2024"):
    return json.loads(read(output / "minh-chung" / plan / "evidence.json"))


def by_code(doc):
    return {t["code"]: t for t in doc["topics"]}


def test_plan_files_are_not_content(site):
    assert not (site / "plans").exists()
    assert not list(site.rglob("kh-2024.yml")) and not list(site.rglob("nam-hoc.yaml"))
    assert "Kế hoạch truyền thông năm học 2023-2024" not in read(site / "index.html")


def test_json_counts_follow_spec(site):
    doc = evidence(site)
    assert doc["schema"] == 1 and doc["as_of"] == AS_OF
    assert doc["plan"] == {
        "id": "kh-2024", "title": "Kế hoạch truyền thông về Giáo dục và Đào tạo năm 2024",
        "start": "2024-01-01", "end": "2024-12-31", "number": "15/KH-THCS",
        "issued": "2024-02-26", "issuer": "Trường THCS Kiểm Thử",
    }
    # 10 articles: a draft, a hidden one, one after the as-of date and one from
    # 2023 do not count; the page with a topic never counts.
    assert doc["total"]["count"] == 6
    assert doc["total"]["status"] == "in_progress"
    t = by_code(doc)
    assert [i["date"] for i in t["gdpt-2018"]["items"]] == ["2024-01-10", "2024-02-20", "2024-03-31", "2024-04-01"]
    assert t["an-toan-truong-hoc"]["count"] == 1 and t["an-toan-truong-hoc"]["status"] == "met"
    # a topic without quota needs one article
    assert t["an-toan-truong-hoc"]["periods"][0]["required"] == 1
    assert [i["title"] for i in t["chuyen-doi-so"]["items"]] == ["Phát động chuyển đổi số trên Facebook"]
    assert t["chuyen-doi-so"]["items"][0]["channel"] == "facebook"
    assert t["chuyen-doi-so"]["status"] == "in_progress"
    # the two-topic article (Key: value header, mixed case and spaces)
    two = [i for i in t["an-toan-truong-hoc"]["items"]][0]
    assert two["topics"] == ["gdpt-2018", "an-toan-truong-hoc"] and two["unit"] == "doan-doi"


def test_time_zone_and_quarters(site):
    gd = by_code(evidence(site))["gdpt-2018"]
    q = {p["label"]: (p["count"], p["status"]) for p in gd["periods"] if p["kind"] == "quarter"}
    # 23:30 +07:00 on 31 March stays in Q1; 20:00 UTC on 31 March is 1 April in Vietnam.
    assert q == {"Quý I/2024": (3, "met"), "Quý II/2024": (1, "met"), "Quý III/2024": (0, "upcoming")}
    assert gd["status"] == "in_progress"


def test_months_and_units(site):
    doc = evidence(site)
    months = [(p["label"], p["count"], p["status"]) for p in doc["total"]["periods"] if p["kind"] == "month"]
    assert months[:6] == [("Tháng 1/2024", 1, "met"), ("Tháng 2/2024", 1, "met"), ("Tháng 3/2024", 1, "met"),
                          ("Tháng 4/2024", 2, "met"), ("Tháng 5/2024", 1, "met"), ("Tháng 6/2024", 0, "upcoming")]
    units = {u["code"]: u for u in doc["units"]}
    sem = [(p["label"], p["start"], p["count"], p["status"]) for p in units["to-ngu-van"]["periods"]]
    assert sem == [("Cả kế hoạch", "2024-01-01", 1, "met"),
                   ("Học kỳ II năm học 2023-2024", "2024-01-15", 0, "in_progress"),
                   ("Học kỳ I năm học 2024-2025", "2024-09-05", 0, "upcoming")]
    assert units["doan-doi"]["status"] == "met"


def test_overlapping_plan_counted_independently(site):
    doc = evidence(site, "nam-hoc-2023-2024")
    assert doc["total"]["count"] == 7  # includes the December 2023 article
    assert by_code(doc)["gdpt-2018"]["count"] == 5
    months = {p["label"]: p["status"] for p in doc["total"]["periods"] if p["kind"] == "month"}
    assert months["Tháng 9/2023"] == "unmet" and months["Tháng 5/2024"] == "met"
    assert doc["total"]["status"] == "unmet"


def test_csv(site):
    raw = (site / "minh-chung/kh-2024/evidence.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert rows[0][:4] == ["Mã kế hoạch (plan_id)", "Mã chủ đề (topic_code)", "Chủ đề (topic_title)", "Ngày (date)"]
    body = rows[1:]
    # one row per item × topic: 6 items, one with two topics
    assert len(body) == 7
    assert sorted(r[1] for r in body) == sorted(
        ["gdpt-2018", "gdpt-2018", "an-toan-truong-hoc", "gdpt-2018", "gdpt-2018", "chuyen-doi-so", ""])


def test_pages_written(site):
    base = site / "minh-chung"
    assert "kh-2024" in read(base / "index.html") and "nam-hoc-2023-2024" in read(base / "index.html")
    for rel in ["kh-2024/index.html", "kh-2024/gdpt-2018/index.html", "kh-2024/bao-cao/ca-ke-hoach/index.html",
                "kh-2024/bao-cao/hk1/index.html", "kh-2024/bao-cao/2024-q2/index.html",
                "kh-2024/bao-cao/2024-11/index.html"]:
        assert (base / rel).is_file(), rel


def test_overview_page(site):
    html = read(site / "minh-chung/kh-2024/index.html")
    assert "<h1>Kế hoạch truyền thông về Giáo dục và Đào tạo năm 2024</h1>" in html
    # status is text plus icon, not colour alone
    assert re.search(r'ev-status--met"><span class="ev-icon" aria-hidden="true">✓</span> Đạt', html)
    assert "Đang thực hiện" in html and "Chưa đến kỳ" in html
    assert "Tổ Ngữ văn" in html and "Toàn kế hoạch" in html
    assert "Gửi báo cáo học kỳ II về Phòng GD&" in html
    # chart: inline SVG with title/desc and its table equivalent; no script
    svg = re.search(r"<svg class=\"ev-chart\".*?</svg>", html, re.S).group(0)
    assert 'role="img"' in svg and "<title" in svg and "Tháng 4/2024: 2 bài" in svg
    assert "ev-chart-quota" in svg
    assert "Số liệu của biểu đồ (dạng bảng)" in html
    assert "<script" not in html.split("</head>")[1]
    assert "15/05/2024" in html


def test_topic_page(site):
    html = read(site / "minh-chung/kh-2024/chuyen-doi-so/index.html")
    assert "Phát động chuyển đổi số trên Facebook" in html
    assert "https://www.facebook.com/thcs.kiemthu/posts/123" in html
    assert "Bản nháp chuyển đổi số" not in html and "Bài ẩn chuyển đổi số" not in html
    assert "Bài sau ngày tính số liệu" not in html


def test_report_page_official_layout(site):
    html = read(site / "minh-chung/kh-2024/bao-cao/2024-q1/index.html")
    for text in ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "BÁO CÁO",
                 "Kết quả thực hiện kế hoạch truyền thông về Giáo dục và Đào tạo năm 2024",
                 "Nơi nhận:", "Lưu: VT.", "ngày 15 tháng 5 năm 2024", "Số: ……/",
                 "DANH SÁCH MINH CHỨNG", "tin-tuc-su-kien/2024/03/sinh-hoat-cuoi-quy/"]:
        assert text in html, text
    assert "Bài đăng lúc nửa đêm" not in html  # 1 April local time, Q2
    assert "evidence.css" in html


def test_report_settings(tmp_path):
    out = build_site(tmp_path, content=DATA, EVIDENCE_AS_OF=AS_OF, REPORT_NUMBER="12/BC-KT",
                     REPORT_RECIPIENTS=["Phòng GD&ĐT (để báo cáo)", "Lưu: VT"],
                     SCHOOL={"name": "Trường THCS Kiểm Thử", "parent": "UBND xã Kiểm Thử",
                             "place": "Kiểm Thử", "signer_title": "Phó Hiệu trưởng",
                             "signer_name": "Đỗ Thị Lan", "report_symbol": "BC-KT", "logo": "x.png"})
    html = read(out / "minh-chung/kh-2024/bao-cao/ca-ke-hoach/index.html")
    for text in ["Số: 12/BC-KT", "UBND XÃ KIỂM THỬ", "TRƯỜNG THCS KIỂM THỬ", "PHÓ HIỆU TRƯỞNG",
                 "Đỗ Thị Lan", "Kiểm Thử, ngày 15 tháng 5 năm 2024", "(để báo cáo);"]:
        assert text in html, text


def test_alert_for_periods_ending_soon(tmp_path):
    out = build_site(tmp_path, content=DATA, EVIDENCE_AS_OF="2024-05-20")
    html = read(out / "minh-chung/kh-2024/index.html")
    alert = re.search(r'<section class="ev-alert".*?</section>', html, re.S).group(0)
    # HK II ends 31/05 (11 days) and Tổ Ngữ văn has none yet
    assert "Học kỳ II năm học 2023-2024" in alert and "còn 11 ngày" in alert and "Tổ Ngữ văn" in alert
    assert "Tháng 5/2024" not in alert  # May is met


def test_cached_rebuild_gives_same_evidence(tmp_path):
    first = build_site(tmp_path, content=DATA, EVIDENCE_AS_OF=AS_OF)
    doc1 = evidence(first)
    assert list((tmp_path / "cache").iterdir())  # the content cache was written
    second = build_site(tmp_path, content=DATA, EVIDENCE_AS_OF=AS_OF)
    assert evidence(second) == doc1


def test_default_as_of_is_today_in_site_timezone(tmp_path):
    out = build_site(tmp_path, content=DATA)
    today = datetime.datetime.now(ZoneInfo("Asia/Ho_Chi_Minh")).date()
    assert evidence(out)["as_of"] in {today.isoformat(), (today + datetime.timedelta(days=1)).isoformat()}


def test_absolute_urls_with_siteurl(tmp_path):
    out = build_site(tmp_path, content=DATA, EVIDENCE_AS_OF=AS_OF, SITEURL="https://thcs.example.edu.vn")
    doc = evidence(out)
    assert doc["site"]["url"] == "https://thcs.example.edu.vn"
    url = by_code(doc)["gdpt-2018"]["items"][0]["url"]
    assert url == "https://thcs.example.edu.vn/tin-tuc-su-kien/2024/01/tap-huan-chuong-trinh-moi/"


def test_site_without_plans_writes_no_evidence(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(DATA, content)
    shutil.rmtree(content / "plans")
    for f in (content / "articles").glob("*.md"):
        f.write_text(re.sub(r"(?im)^(topics|unit|channel|link):.*\n", "", f.read_text(encoding="utf-8")),
                     encoding="utf-8")
    (content / "pages" / "gioi-thieu.md").write_text("---\ntitle: Giới thiệu\n---\nA.\n", encoding="utf-8")
    out = build_site(tmp_path, content=content)
    # Only the roll-up's discovery file (district-rollup spec §1), with no plan.
    assert [p.name for p in (out / "minh-chung").iterdir()] == ["index.json"]
    assert json.loads(read(out / "minh-chung" / "index.json"))["plans"] == []
