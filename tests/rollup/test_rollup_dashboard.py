"""The dashboard pages and downloads from a tong-hop.json document."""

import io
import re

import openpyxl

from dashboard_data import sample_doc
from truongweb.plugins.district_rollup.dashboard import write_dashboard
from helpers import read


def test_pages_and_downloads(tmp_path):
    doc = sample_doc()
    write_dashboard(doc, tmp_path)
    index = read(tmp_path / "index.html")
    table = index.split('id="bang"')[1].split("</table>")[0]
    # furthest behind first; the school without any figures is not ranked
    order = re.findall(r'href="truong/([a-z-]+)/"', table)
    assert order == ["cham", "tot", "mat"]
    assert "Chưa đạt" in table and "✗" in table and "Đạt" in table
    assert "số liệu cũ, ngày 14/10/2024" in table  # kept figures, marked
    problems = index.split('id="van-de"')[1].split("<h2")[0]
    assert "Trường Mầm non Khoan Dụ" in problems and "không phải tệp JSON" in problems
    assert "Trường Tiểu học Hưng Thi" in problems and "không trả lời trong 30 giây" in problems
    assert "Minh chứng không khớp: 2/3" in problems
    assert "25/11/2024: Gửi báo cáo về Phòng GD&amp;ĐT" in index
    assert "<script" not in index and "style=" not in index and "http" not in index.split("<main")[0].replace(
        "https://", "")  # no third-party asset in the head
    school = read(tmp_path / "truong" / "cham" / "index.html")
    assert "Bài không còn" in school and "trang không còn (lỗi HTTP 404)" in school
    assert 'href="../../tong-hop.css"' in school
    wb = openpyxl.load_workbook(io.BytesIO((tmp_path / "tong-hop.xlsx").read_bytes()))
    assert wb.sheetnames == ["Trường", "Tổng hợp"]
    rows = list(wb["Trường"].iter_rows(values_only=True))
    assert rows[1][:4] == ("tot", "Trường THCS Đồng Tâm", "https://tot.example/", "Đã tổng hợp")
    assert rows[3][6] == "có"  # kept figures
