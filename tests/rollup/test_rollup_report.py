"""The district's báo cáo tổng hợp (Nghị định 30/2020 layout): every figure
equals tong-hop.json, the administrative layout is there, the issuer and
signer come from truong.yml (standalone) or the district site's SCHOOL
block, and it prints to an A4 PDF with real text."""

import html
import re
import shutil
import subprocess

import pytest

from dashboard_data import sample_doc
from helpers import TEST_SITE, build_site, demo_settings, read
from truongweb.plugins.district_rollup.dashboard import write_dashboard
from truongweb.plugins.district_rollup.merge import to_csv, to_json
from truongweb.plugins.district_rollup.report import Office
from truongweb.plugins.district_rollup.schools import SchoolListError, parse_yaml

LAYOUT = ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Số: ", "BÁO CÁO",
          "Nơi nhận:", "Lưu: VT."]


def _cells(row_html):
    cells = re.findall(r"<td[^>]*>(.*?)</td>", row_html, re.S)
    return [html.unescape(re.sub(r"<[^>]+>", "", c)).strip() for c in cells]


def _rows(page, attribute):
    return {m.group(1): _cells(m.group(2))
            for m in re.finditer(rf'<tr {attribute}="([^"]+)">(.*?)</tr>', page, re.S)}


def _office():
    return Office(name="Phòng Giáo dục và Đào tạo huyện Lạc Thủy", parent="Ủy ban nhân dân huyện Lạc Thủy",
                  place="Lạc Thủy", signer_title="Trưởng phòng", signer_name="Bùi Văn Thành",
                  recipients=("Sở GD&ĐT tỉnh Hòa Bình (để báo cáo)", "Lưu: VT"))


def assert_figures_match(page, doc):
    schools = _rows(page, "data-school")
    assert list(schools) == [s["code"] for s in doc["schools"]]  # the list's order
    for s in doc["schools"]:
        tt, name, count, met, status, notes = schools[s["code"]]
        assert name == s["name"]
        if s["total"] is None:
            assert count == "—" and met == "—"
            continue
        assert int(count) == s["total"]["count"]
        n_met = sum(1 for t in s["topics"] if t["status_now"] == "met")
        assert met == f"{n_met}/{len(s['topics'])}"
        assert status.endswith({"met": "Đạt", "unmet": "Chưa đạt", "in_progress": "Đang thực hiện"}[
            s["total"]["status_now"]])
        if s["stale"]:
            assert "số liệu ngày" in notes
    total = sum(s["total"]["count"] for s in doc["schools"] if s["total"])
    assert f"<strong>Cộng</strong></td><td class=\"ev-num\"><strong>{total}</strong>" in page
    topics = _rows(page, "data-topic")
    assert list(topics) == [t["code"] for t in doc["topics"]]
    for t in doc["topics"]:
        _, title, count, met, unmet, running = topics[t["code"]]
        assert title == t["title"]
        assert int(count) == sum(x["count"] for s in doc["schools"] for x in s["topics"] if x["code"] == t["code"])
        by = doc["summary"]["topics"][t["code"]]
        assert (int(met), int(unmet), int(running)) == (by["met"], by["unmet"], by["in_progress"])


def test_standalone_report_figures_and_layout(tmp_path):
    doc = sample_doc()
    write_dashboard(doc, tmp_path, _office())
    page = read(tmp_path / "bao-cao" / "index.html")
    assert_figures_match(page, doc)
    for needle in LAYOUT + ["ỦY BAN NHÂN DÂN HUYỆN LẠC THỦY", "PHÒNG GIÁO DỤC VÀ ĐÀO TẠO HUYỆN LẠC THỦY",
                            "……/BC-PGDĐT", "Lạc Thủy, ngày 15 tháng 10 năm 2024", "TRƯỞNG PHÒNG", "Bùi Văn Thành",
                            "Sở GD&amp;ĐT tỉnh Hòa Bình (để báo cáo);"]:
        assert needle in page, needle
    # the behind and the broken schools, named with why
    behind = page.split("IV. CÁC TRƯỜNG CHẬM TIẾN ĐỘ")[1].split("<h2>")[0]
    assert "Trường THCS Thị Trấn: chưa đạt 1 nội dung (Chương trình GDPT 2018)" in behind
    problems = page.split("V. TRƯỜNG CHƯA TỔNG HỢP ĐƯỢC")[1].split("<h2>")[0]
    assert "Trường Tiểu học Hưng Thi: Trang web không trả lời trong 30 giây. Báo cáo dùng số liệu ngày 14/10/2024." \
        in problems
    assert "không phải tệp JSON" in problems and "2/3 bài minh chứng" in problems
    # the school report's own stylesheet and print rules (body class), no script
    assert 'href="../evidence.css"' in page and (tmp_path / "evidence.css").is_file()
    assert re.search(r'<body class="[^"]*ev-report-page', page) and "<script" not in page
    assert 'href="bao-cao/"' in read(tmp_path / "index.html")


def test_report_settings_from_truong_yml(tmp_path):
    text = ("district: Phòng Giáo dục và Đào tạo huyện Lạc Thủy\nplan: kh\n"
            "schools:\n  - {code: a, name: Trường A, level: thcs, site: https://a.example/}\n"
            "report:\n  parent: Ủy ban nhân dân huyện Lạc Thủy\n  place: Lạc Thủy\n  number: 12/BC-PGDĐT\n"
            "  signer_name: Bùi Văn Thành\n")
    office = parse_yaml(text.encode(), "truong.yml").office
    assert (office.parent, office.place, office.number_text, office.signer_title, office.signer_name) == (
        "Ủy ban nhân dân huyện Lạc Thủy", "Lạc Thủy", "12/BC-PGDĐT", "Trưởng phòng", "Bùi Văn Thành")
    assert "Ủy ban nhân dân huyện Lạc Thủy (để báo cáo)" in office.recipient_lines()
    with pytest.raises(SchoolListError, match=r"truong.yml: khóa 'report.signer' không được hỗ trợ"):
        parse_yaml((text + "  signer: X\n").encode(), "truong.yml")
    with pytest.raises(SchoolListError, match=r"truong.yml: khóa 'report.recipients' phải là danh sách"):
        parse_yaml((text + "  recipients: Sở GD&ĐT\n").encode(), "truong.yml")


def test_district_site_report_in_the_sites_theme(tmp_path):
    doc = sample_doc()
    content = tmp_path / "site" / "content"
    shutil.copytree(TEST_SITE, content)
    (tmp_path / "site" / "tong-hop").mkdir()
    (tmp_path / "site" / "tong-hop" / "tong-hop.json").write_text(to_json(doc), encoding="utf-8")
    (tmp_path / "site" / "tong-hop" / "tong-hop.csv").write_text(to_csv(doc), encoding="utf-8", newline="")
    school = {**demo_settings()["SCHOOL"], "level": "phong-gddt", "name": "Phòng Giáo dục và Đào tạo xã Thanh Bình",
              "signer_title": "Trưởng phòng", "signer_name": "Hà Văn Minh", "report_symbol": "BC-PGDĐT"}
    out = build_site(tmp_path, content=content, SCHOOL=school)
    report = read(out / "tong-hop" / "bao-cao" / "index.html")
    assert_figures_match(report, doc)
    for page in (report, read(out / "tong-hop" / "index.html"), read(out / "tong-hop" / "truong" / "cham" / "index.html")):
        assert 'class="site-header"' in page and 'class="site-footer"' in page  # the site's own chrome
        assert "tong-hop.css" in page
    for needle in LAYOUT + ["PHÒNG GIÁO DỤC VÀ ĐÀO TẠO XÃ THANH BÌNH", school["parent"].upper(), "……/BC-PGDĐT",
                            f"{school['place']}, ngày 15 tháng 10 năm 2024", "Hà Văn Minh"]:
        assert needle in report, needle
    assert re.search(r'<body class="[^"]*ev-report-page', report)


@pytest.mark.skipif(not shutil.which("chromium") or not shutil.which("pdftotext"),
                    reason="needs chromium and poppler-utils")
def test_report_prints_to_a4_pdf(tmp_path):
    from truongweb.plugins.plan_evidence.report_cli import print_pdf

    doc = sample_doc()
    write_dashboard(doc, tmp_path / "tong-hop", _office())
    pdf = tmp_path / "bao-cao-tong-hop.pdf"
    print_pdf(tmp_path / "tong-hop" / "bao-cao" / "index.html", pdf)
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, encoding="utf-8").stdout
    flat = " ".join(text.split())
    for needle in ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "BÁO CÁO", "Nơi nhận:",
                   "KẾT QUẢ THEO TRƯỜNG", "Trường THCS Thị Trấn", "Trường Mầm non Khoan Dụ", "TRƯỞNG PHÒNG",
                   "Bùi Văn Thành"]:
        assert needle in flat, needle
    # print CSS: the dashboard's own header, back link and print hint are not on paper
    assert "Bỏ qua để đến nội dung chính" not in flat and "← Tổng hợp" not in flat and "Ctrl+P" not in flat
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, encoding="utf-8").stdout
    assert re.search(r"Page size:\s+[\d.]+ x [\d.]+ pts \(A4\)", info), info
