"""Real builds of a preschool's site with weekly content: schedule pages,
archive, home block, the .ics feed, menu pages, timetables, the menu rule on
a fixed Friday and Sunday, and a bad week file stopping the build."""

import json
import shutil

import pytest
from icalendar import Calendar

from compliance_site import ROOT, build_small, make_content
from helpers import read, run_build_cli
from truongweb.plugins.compliance.cli import load_manifest
from truongweb.plugins.compliance.engine import Site, load_rules, run
from weekly_site import FRIDAY, SUNDAY, preschool_content, preschool_school

MENU_RULES = ("B5-thuc-don-tuan-sau", "B5-thuc-don-qua-han")


def build_preschool(tmp, next_week_menu=True):
    content = preschool_content(tmp / "content", next_week_menu)
    return build_small(tmp, content, SCHOOL=preschool_school(), COMPLIANCE_AS_OF=FRIDAY,
                       WEEKLY_TODAY=FRIDAY, SITEURL="https://mnhoasen.example.edu.vn")


@pytest.fixture(scope="module")
def with_menu(tmp_path_factory):
    return build_preschool(tmp_path_factory.mktemp("voi-thuc-don"))


@pytest.fixture(scope="module")
def without_menu(tmp_path_factory):
    return build_preschool(tmp_path_factory.mktemp("thieu-thuc-don"), next_week_menu=False)


def menu_rule_status(output, as_of=None):
    """The menu rules' results: from the build (as_of None), or the same
    engine re-run on the built output with another as-of date."""
    if as_of is None:
        results = json.loads(read(output / "kiem-tra-tuan-thu" / "ket-qua.json"))["results"]
        return {r["id"]: (r["status"], r["problems"]) for r in results if r["id"] in MENU_RULES}
    manifest = dict(load_manifest(output), as_of=as_of)
    rules, _rows = load_rules()
    results = run([r for r in rules if r.id in MENU_RULES], Site(output, manifest))
    return {r.rule.id: (r.status, r.problems) for r in results}


def test_schedule_pages_archive_and_home(with_menu):
    week = read(with_menu / "lich-cong-tac" / "2026-W49" / "index.html")
    assert "<h1>Lịch công tác tuần tuần 49" not in week  # the title reads naturally
    assert "Lịch công tác tuần 49 (30/11–06/12/2026)" in week
    assert "Kiểm tra nội bộ hồ sơ chuyên môn" in week
    assert 'class="is-important"' in week and "Quan trọng:" in week
    assert '<time datetime="2026-12-02T08:00+07:00">08:00–10:00</time>' in week
    assert 'rel="prev" href="https://mnhoasen.example.edu.vn/lich-cong-tac/2026-W48/"' in week
    assert 'rel="next" href="https://mnhoasen.example.edu.vn/lich-cong-tac/2026-W50/"' in week
    csv_week = read(with_menu / "lich-cong-tac" / "2026-W50" / "index.html")
    assert "Kiểm tra giữa học kỳ I môn Toán khối 9" in csv_week  # from the CSV file
    archive = read(with_menu / "lich-cong-tac" / "index.html")
    assert archive.index("2026-W50/") < archive.index("2026-W49/") < archive.index("2026-W48/")
    assert 'aria-current="date">Tuần 49' in archive
    home = read(with_menu / "index.html")
    block = home[home.index('data-role="hang-tuan"'):]
    block = block[:block.index("</section>")]
    assert "/lich-cong-tac/2026-W49/" in block and "Lịch công tác tuần này" in block
    assert "Học sinh tham gia giải chạy việt dã cấp huyện" in block  # Friday's entries
    assert "lich-cong-tac.ics" in block


def test_ics_feed_parses_with_vietnamese_times(with_menu):
    calendar = Calendar.from_ical((with_menu / "lich-cong-tac" / "lich-cong-tac.ics").read_bytes())
    events = {str(e["SUMMARY"]): e for e in calendar.walk("VEVENT")}
    assert len(events) == 12
    meeting = events["[Quan trọng] Họp Hội đồng sư phạm tháng 11"]
    assert meeting.decoded("DTSTART").isoformat() == "2026-11-23T14:00:00+07:00"
    assert meeting.decoded("DTEND").isoformat() == "2026-11-23T16:30:00+07:00"
    assert str(meeting["URL"]) == "https://mnhoasen.example.edu.vn/lich-cong-tac/2026-W48/"
    assert all(str(e["UID"]).endswith("@mnhoasen.example.edu.vn") for e in events.values())


def test_menu_pages_and_home_links(with_menu, without_menu):
    menu = read(with_menu / "thuc-don" / "2026-W49" / "index.html")
    assert '<th scope="col">Bữa sáng</th>' in menu and "<li>Thịt kho trứng</li>" in menu
    assert "<li>Tôm rim, thịt</li>" in read(with_menu / "thuc-don" / "2026-W50" / "index.html")
    home = read(with_menu / "index.html")
    assert 'href="https://mnhoasen.example.edu.vn/thuc-don/2026-W49/">Thực đơn tuần này' in home
    assert 'href="https://mnhoasen.example.edu.vn/thuc-don/2026-W50/">Thực đơn tuần sau' in home
    assert "Chưa có thực đơn tuần sau." in read(without_menu / "index.html")


def test_menu_and_schedule_weeks_are_atom_feeds(with_menu):
    import xml.etree.ElementTree as ET

    atom, site = "{http://www.w3.org/2005/Atom}", "https://mnhoasen.example.edu.vn"
    menus = ET.parse(with_menu / "feeds" / "thuc-don.atom.xml").getroot()
    entries = menus.findall(f"{atom}entry")
    assert [e.find(f"{atom}link").get("href") for e in entries] == [
        f"{site}/thuc-don/2026-W50/", f"{site}/thuc-don/2026-W49/"]
    assert entries[0].find(f"{atom}title").text == "Thực đơn tuần 50 (07/12–13/12/2026)"
    assert "Bữa trưa: Cơm trắng, Tôm rim, thịt, Canh bầu" in entries[0].find(f"{atom}content").text
    assert len({e.find(f"{atom}id").text for e in entries}) == 2
    assert entries[1].find(f"{atom}summary").text == "Thực đơn 2 ngày trong tuần."
    assert menus.find(f"{atom}link[@rel='self']").get("href") == f"{site}/feeds/thuc-don.atom.xml"
    schedule = ET.parse(with_menu / "feeds" / "lich-cong-tac.atom.xml").getroot()
    assert [e.find(f"{atom}link").get("href")[len(site):] for e in schedule.findall(f"{atom}entry")] == [
        "/lich-cong-tac/2026-W50/", "/lich-cong-tac/2026-W49/", "/lich-cong-tac/2026-W48/"]
    link = f'<link rel="alternate" type="application/atom+xml" href="{site}/feeds/thuc-don.atom.xml"'
    for page in ("thuc-don/index.html", "thuc-don/2026-W49/index.html"):
        assert link in read(with_menu / page).split("</head>")[0]
    footer = read(with_menu / "index.html").split('<footer class="site-footer">')[1]
    assert f'<a href="{site}/feeds/thuc-don.atom.xml">Thực đơn (Atom)</a>' in footer
    assert f'<a href="{site}/feeds/lich-cong-tac.atom.xml">Lịch công tác tuần (Atom)</a>' in footer


def test_timetables_attached_not_retyped(with_menu):
    html_export = read(with_menu / "thoi-khoa-bieu" / "tkb-la-1" / "index.html")
    main = html_export[html_export.index("<main"):]
    assert '<th scope="col">Thứ Hai</th>' in main and "<td>Làm quen chữ cái</td>" in main
    assert "alert(1)" not in html_export and "steal()" not in html_export
    assert not (with_menu / "thoi-khoa-bieu" / "tkb-la-1" / "tkb-la-1.html").exists()
    pdf_page = read(with_menu / "thoi-khoa-bieu" / "tkb-hoc-ky-1" / "index.html")
    assert 'href="https://mnhoasen.example.edu.vn/thoi-khoa-bieu/tkb-hoc-ky-1/tkb-hk1.pdf"' in pdf_page
    assert (with_menu / "thoi-khoa-bieu" / "tkb-hoc-ky-1" / "tkb-hk1.pdf").read_bytes().startswith(b"%PDF")
    sitemap = read(with_menu / "so-do-trang" / "index.html")
    for folder in ("lich-cong-tac/", "thuc-don/", "thoi-khoa-bieu/"):
        assert f'href="https://mnhoasen.example.edu.vn/{folder}"' in sitemap
    listing = read(with_menu / "thoi-khoa-bieu" / "index.html")
    assert listing.index("tkb-la-1/") < listing.index("tkb-hoc-ky-1/")  # newest first


def test_menu_rule_on_friday(with_menu, without_menu):
    assert menu_rule_status(with_menu) == {
        "B5-thuc-don-tuan-sau": ("pass", []), "B5-thuc-don-qua-han": ("pass", [])}
    missing = menu_rule_status(without_menu)
    assert missing["B5-thuc-don-qua-han"] == ("pass", [])  # this week's menu is there
    status, problems = missing["B5-thuc-don-tuan-sau"]
    assert status == "warning"
    assert problems == ["chưa có thực đơn tuần 50 (07/12–13/12/2026): cần trang thuc-don/2026-W50/index.html"]


def test_menu_rule_on_sunday(with_menu, without_menu):
    assert {k: v[0] for k, v in menu_rule_status(with_menu, SUNDAY).items()} == {
        "B5-thuc-don-tuan-sau": "skipped", "B5-thuc-don-qua-han": "pass"}
    missing = menu_rule_status(without_menu, SUNDAY)
    assert missing["B5-thuc-don-tuan-sau"][0] == "skipped"
    assert missing["B5-thuc-don-qua-han"][0] == "error"
    assert "chưa có thực đơn tuần 50" in missing["B5-thuc-don-qua-han"][1][0]


def test_menu_rule_does_not_apply_to_a_lower_secondary_school_without_menus(tmp_path):
    output = build_small(tmp_path, COMPLIANCE_AS_OF=SUNDAY)
    assert {k: v[0] for k, v in menu_rule_status(output).items()} == {
        "B5-thuc-don-tuan-sau": "skipped", "B5-thuc-don-qua-han": "skipped"}


def test_bad_week_file_stops_the_build_in_vietnamese(tmp_path):
    content = make_content(tmp_path / "content")
    schedule = content / "lich-cong-tac"
    schedule.mkdir()
    (schedule / "2026-W49.yml").write_text(
        "entries:\n  - day: 2026-12-01\n    start: 7h75\n    content: Họp\n", encoding="utf-8")
    result = run_build_cli("--content", content, "--output", tmp_path / "output",
                           "--cache", tmp_path / "cache")
    assert result.returncode == 1
    out = result.stdout + result.stderr
    assert "Lỗi: Tệp content/lich-cong-tac/2026-W49.yml: khóa “entries[1].start”: giờ “7h75” không đúng" in out
    assert "Traceback" not in out
