"""A preschool's site for the weekly tests: the small compliance test site
plus the demo's work schedule, two weeks of menus (the second optional) and
two timetables (an HTML export and a PDF), with SCHOOL["level"] "mam-non"."""

from __future__ import annotations

import shutil
from pathlib import Path

from compliance_site import ROOT, make_content

FRIDAY, SUNDAY = "2026-12-04", "2026-12-06"  # week 49; "next week" is 2026-W50

MENU_W49 = """\
days:
  - day: 2026-11-30
    meals:
      - {meal: Bữa sáng, dishes: [Cháo thịt bằm, Sữa tươi]}
      - {meal: Bữa trưa, dishes: [Cơm trắng, Thịt kho trứng, Canh bí đỏ]}
      - {meal: Bữa phụ chiều, dishes: [Sữa chua]}
  - day: 2026-12-01
    meals:
      - {meal: Bữa sáng, dishes: [Phở gà]}
      - {meal: Bữa trưa, dishes: [Cơm trắng, Cá sốt cà chua, Canh rau ngót]}
"""
MENU_W50_CSV = """\
Ngày,Bữa,Món ăn
07/12/2026,Bữa sáng,Bún bò; Sữa tươi
07/12/2026,Bữa trưa,Cơm trắng; Gà rim nấm; Canh cải
08/12/2026,Bữa trưa,"Cơm trắng; Tôm rim, thịt; Canh bầu"
"""
# As timetable software exports it: a whole document, styles, a script, no <th>.
TIMETABLE_HTML = """\
<html><head><meta charset="utf-8"><title>TKB</title>
<style>td { color: red }</style><script>alert(1)</script></head>
<body><p>Thời khóa biểu lớp Lá 1</p>
<table border="1" bgcolor="#ffff00" onclick="steal()">
<tr><td>Tiết</td><td>Thứ Hai</td><td>Thứ Ba</td></tr>
<tr><td>1</td><td style="color:red"><font color="red">Làm quen chữ cái</font></td><td>Tạo hình</td></tr>
<tr><td>2</td><td>Âm nhạc</td><td><a href="javascript:steal()">Thể dục</a></td></tr>
</table></body></html>
"""
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def preschool_content(target: Path, next_week_menu: bool = True) -> Path:
    content = make_content(target)
    shutil.copytree(ROOT / "content" / "lich-cong-tac", content / "lich-cong-tac")
    menus = content / "thuc-don"
    menus.mkdir()
    (menus / "2026-W49.yml").write_text(MENU_W49, encoding="utf-8")
    if next_week_menu:
        (menus / "2026-W50.csv").write_text(MENU_W50_CSV, encoding="utf-8")
    timetables = content / "thoi-khoa-bieu"
    (timetables / "tep").mkdir(parents=True)
    (timetables / "tep" / "tkb-la-1.html").write_text(TIMETABLE_HTML, encoding="utf-8")
    (timetables / "tep" / "tkb-hk1.pdf").write_bytes(PDF)
    (timetables / "tkb-la-1.yml").write_text(
        "title: Thời khóa biểu lớp Lá 1\napplies_from: 2026-09-07\nfile: tep/tkb-la-1.html\n",
        encoding="utf-8")
    (timetables / "tkb-hoc-ky-1.yml").write_text(
        "title: Thời khóa biểu học kỳ I\napplies_from: 2026-09-01\nfile: tep/tkb-hk1.pdf\n"
        "note: Bản in của phần mềm xếp thời khóa biểu.\n", encoding="utf-8")
    return content


def preschool_school() -> dict:
    from pelican.settings import read_settings

    school = dict(read_settings(str(ROOT / "pelicanconf.py"))["SCHOOL"])
    school["level"] = "mam-non"
    return school
