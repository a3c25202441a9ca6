"""Unit tests of the weekly domain modules (no Pelican): weeks, the menu
deadline, loading and checking week files, the .ics, timetable exports."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar

from truongweb.plugins.weekly.data import WeeklyDataError, load_menu, load_schedule, load_weeks
from truongweb.plugins.weekly.ics import build_calendar
from truongweb.plugins.weekly.timetable import export_tables
from truongweb.plugins.weekly.weeks import Week, menu_due, menus_required

from weekly_site import MENU_W50_CSV, TIMETABLE_HTML

ZONE = ZoneInfo("Asia/Ho_Chi_Minh")


def test_iso_weeks_across_the_new_year():
    week = Week.parse("2026-W53")
    assert week.monday == dt.date(2026, 12, 28) and week.sunday == dt.date(2027, 1, 3)
    assert week.shifted(1) == Week(2027, 1)
    assert Week.of(dt.date(2027, 1, 1)) == week
    assert week.label == "Tuần 53 (28/12/2026–03/01/2027)"
    with pytest.raises(ValueError, match="không có tuần 53"):
        Week.parse("2027-W53")


@pytest.mark.parametrize("day, overdue, due_soon", [
    ("2026-12-03", "2026-W49", None),        # Thursday: only this week's menu is owed
    ("2026-12-04", "2026-W49", "2026-W50"),  # Friday: next week's is due (warning)
    ("2026-12-05", "2026-W49", "2026-W50"),  # Saturday
    ("2026-12-06", "2026-W50", None),        # Sunday: next week's is late (error)
])
def test_menu_deadline(day, overdue, due_soon):
    due = menu_due(dt.date.fromisoformat(day))
    assert due.overdue.slug == overdue
    assert (due.due_soon.slug if due.due_soon else None) == due_soon


def test_menu_rule_applies_to_preschools_boarding_and_menu_sites():
    assert menus_required({"level": "mam-non"}, False)
    assert menus_required({"level": "tieu-hoc", "boarding": True}, False)
    assert menus_required({"level": "thcs"}, True)
    assert not menus_required({"level": "thcs"}, False)


def write(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_schedule_yaml_times_as_people_write_them(tmp_path):
    path = write(tmp_path, "2026-W48.yml", """\
entries:
  - {day: 2026-11-24, start: 14:00, end: 16h30, content: Họp hội đồng, important: true}
  - {day: 23/11/2026, start: 7h, end: "07:45:00", content: Chào cờ}
  - {day: 2026-11-25, content: Tham quan cả ngày}
""")
    week = load_schedule(path, "content/lich-cong-tac/2026-W48.yml")
    assert [(e.day.day, e.time_text, e.important) for e in week.entries] == [
        (23, "07:00–07:45", False), (24, "14:00–16:30", True), (25, "Cả ngày", False)]


@pytest.mark.parametrize("text, message", [
    ("entries:\n  - {day: 2026-11-30, content: Họp}\n",
     "Tệp content/lich-cong-tac/2026-W48.yml: entries[1]: ngày 30/11/2026 không thuộc tuần 48"),
    ("entries:\n  - {day: 2026-11-23, start: 25:00, content: Họp}\n",
     "Tệp content/lich-cong-tac/2026-W48.yml: khóa “entries[1].start”: giờ “25:00” không đúng"),
    ("entries:\n  - {day: 2026-11-23, contnet: Họp}\n",
     "Tệp content/lich-cong-tac/2026-W48.yml: entries[1]: khóa “contnet” không có"),
    ("entries:\n  - {day: 2026-11-23, start: '09:00', end: '08:00', content: Họp}\n",
     "giờ kết thúc 08:00 trước giờ bắt đầu 09:00"),
    ("entries: [\n", "Tệp content/lich-cong-tac/2026-W48.yml, dòng"),
    ("week: 2026-W47\nentries:\n  - {day: 2026-11-23, content: Họp}\n",
     "khóa “week” là 2026-W47 nhưng tên tệp là tuần 2026-W48"),
])
def test_bad_schedule_names_file_and_key(tmp_path, text, message):
    path = write(tmp_path, "2026-W48.yml", text)
    with pytest.raises(WeeklyDataError) as error:
        load_schedule(path, "content/lich-cong-tac/2026-W48.yml")
    assert message in str(error.value)


def test_bad_csv_names_file_and_line(tmp_path):
    path = write(tmp_path, "2026-W50.csv", "Ngày,Nội dung,Bắt đầu\n07/12/2026,Chào cờ,7:00\n"
                                           "31/12/2026,Họp,8:00\n")
    with pytest.raises(WeeklyDataError, match=r"Tệp content/lich-cong-tac/2026-W50\.csv, dòng 3: "
                                              r"ngày 31/12/2026 không thuộc tuần 50"):
        load_schedule(path, "content/lich-cong-tac/2026-W50.csv")
    bad_column = write(tmp_path, "2026-W49.csv", "Ngày,Nội dung,Phòng\n")
    with pytest.raises(WeeklyDataError, match="dòng 1: cột “Phòng” không có"):
        load_schedule(bad_column, "content/lich-cong-tac/2026-W49.csv")


def test_bad_file_name_and_two_files_for_a_week(tmp_path):
    with pytest.raises(WeeklyDataError, match="tên tệp phải là tuần theo lịch ISO"):
        load_schedule(write(tmp_path, "tuan-48.yml", "entries: []\n"), "content/lich-cong-tac/tuan-48.yml")
    folder = tmp_path / "lich"
    folder.mkdir()
    write(folder, "2026-W48.yml", "entries:\n  - {day: 2026-11-23, content: Họp}\n")
    write(folder, "2026-W48.csv", "Ngày,Nội dung\n23/11/2026,Họp\n")
    with pytest.raises(WeeklyDataError, match="tuần 2026-W48 đã có ở tệp"):
        load_weeks(folder, "schedule", "content/lich-cong-tac")


def test_menu_csv_with_semicolons_and_a_holiday_week(tmp_path):
    week = load_menu(write(tmp_path, "2026-W50.csv", MENU_W50_CSV), "content/thuc-don/2026-W50.csv")
    assert week.meal_names() == ["Bữa sáng", "Bữa trưa"]
    assert week.days[0].meals[1].dishes == ["Cơm trắng", "Gà rim nấm", "Canh cải"]
    holiday = load_menu(write(tmp_path, "2027-W06.yml", "note: Nghỉ Tết Nguyên đán\n"),
                        "content/thuc-don/2027-W06.yml")
    assert holiday.days == [] and holiday.note == "Nghỉ Tết Nguyên đán"
    with pytest.raises(WeeklyDataError, match="days\\[1\\].meals\\[1\\]: khóa “dish”"):
        load_menu(write(tmp_path, "2026-W49.yml",
                        "days:\n  - day: 2026-11-30\n    meals:\n      - {meal: Trưa, dish: [Cơm]}\n"),
                  "content/thuc-don/2026-W49.yml")


def test_ics_round_trips_times_with_plus_seven(tmp_path):
    path = write(tmp_path, "2026-W48.yml", """\
entries:
  - {day: 2026-11-23, start: "07:00", end: "07:45", content: Chào cờ, place: Sân trường, chair: Hiệu trưởng}
  - {day: 2026-11-25, content: Tham quan, important: true}
""")
    week = load_schedule(path, "x")
    stamp = dt.datetime(2026, 11, 22, 8, 0, tzinfo=ZONE)
    data = build_calendar([week], "Lịch công tác", "thcs.example.edu.vn", stamp)
    calendar = Calendar.from_ical(data)
    assert calendar.walk("VTIMEZONE")[0]["TZID"] == "Asia/Ho_Chi_Minh"
    first, second = calendar.walk("VEVENT")
    start, end = first.decoded("DTSTART"), first.decoded("DTEND")
    assert start.isoformat() == "2026-11-23T07:00:00+07:00"
    assert end.utcoffset() == dt.timedelta(hours=7) and end.hour == 7 and end.minute == 45
    assert "TZID=Asia/Ho_Chi_Minh" in data.decode() and str(first["LOCATION"]) == "Sân trường"
    assert "Chủ trì: Hiệu trưởng" in str(first["DESCRIPTION"])
    assert second.decoded("DTSTART") == dt.date(2026, 11, 25)  # all day
    assert str(second["SUMMARY"]).startswith("[Quan trọng]")
    again = Calendar.from_ical(build_calendar([week], "Lịch công tác", "thcs.example.edu.vn", stamp))
    assert [str(e["UID"]) for e in again.walk("VEVENT")] == [str(e["UID"]) for e in calendar.walk("VEVENT")]


def test_timetable_export_is_sanitized_and_gets_headers():
    tables, removed = export_tables(TIMETABLE_HTML, "Thời khóa biểu lớp Lá 1")
    assert len(tables) == 1
    table = tables[0]
    for gone in ("script", "alert", "style", "onclick", "bgcolor", "javascript", "<font", "color"):
        assert gone not in table
    assert '<caption>Thời khóa biểu lớp Lá 1</caption>' in table
    assert '<th scope="col">Thứ Hai</th>' in table and '<th scope="row">1</th>' in table
    assert "<td>Làm quen chữ cái</td>" in table and "<td>Thể dục</td>" in table
    assert removed  # the site's sanitizer said what it removed


def test_csv_with_semicolons_as_excel_writes_in_vietnamese_settings(tmp_path):
    path = write(tmp_path, "2026-W50.csv", "Ngày;Bữa;Món ăn\n07/12/2026;Bữa trưa;\"Cơm; Canh\"\n")
    week = load_menu(path, "content/thuc-don/2026-W50.csv")
    assert week.days[0].meals[0].dishes == ["Cơm", "Canh"]


def test_editor_collections_come_from_the_schema(tmp_path):
    from truongweb.plugins.content_schema.weekly import (
        MENU_DAY_FIELDS, MENU_MEAL_FIELDS, SCHEDULE_ENTRY_FIELDS, SCHEDULE_WEEK_FIELDS)
    from truongweb.plugins.web_editor.config import build_config

    config = build_config({"CATEGORIES": ["Thông báo"], "TIMEZONE": "Asia/Ho_Chi_Minh"}, [])
    by_name = {c["name"]: c for c in config["collections"]}
    schedule = by_name["lich-cong-tac"]
    assert schedule["folder"] == "content/lich-cong-tac" and schedule["slug"] == "{{week}}"
    assert [f["name"] for f in schedule["fields"]] == [f.name for f in SCHEDULE_WEEK_FIELDS]
    entries = next(f for f in schedule["fields"] if f["name"] == "entries")
    assert [f["name"] for f in entries["fields"]] == [f.name for f in SCHEDULE_ENTRY_FIELDS]
    widgets = {f["name"]: (f["widget"], f.get("type")) for f in entries["fields"]}
    assert widgets["day"] == ("datetime", "date") and widgets["start"] == ("datetime", "time")
    assert widgets["important"] == ("boolean", None)
    days = next(f for f in by_name["thuc-don"]["fields"] if f["name"] == "days")
    assert [f["name"] for f in days["fields"]] == [f.name for f in MENU_DAY_FIELDS]
    meals = next(f for f in days["fields"] if f["name"] == "meals")
    assert [f["name"] for f in meals["fields"]] == [f.name for f in MENU_MEAL_FIELDS]
    # What the editor writes (YAML 1.2: 07:30 unquoted) is read as 07:30.
    path = write(tmp_path, "2026-W48.yml", "week: 2026-W48\nentries:\n  - day: '2026-11-23'\n"
                                           "    start: 07:30\n    content: Chào cờ\n    important: false\n")
    assert load_schedule(path, "x").entries[0].time_text == "07:30"


def test_atom_entry_updated_is_the_week_start_whatever_the_file_time(tmp_path):
    import os

    from truongweb.plugins.weekly.atom import week_updated

    (tmp_path / "2026-W50.csv").write_text(MENU_W50_CSV, encoding="utf-8")
    for moment in (dt.datetime(2026, 12, 3, 9, 0, tzinfo=ZONE), dt.datetime(2026, 12, 8, 15, 30, tzinfo=ZONE)):
        os.utime(tmp_path / "2026-W50.csv", (moment.timestamp(), moment.timestamp()))
        [week] = load_weeks(tmp_path, "menu", "content/thuc-don")
        assert week_updated(week, "Asia/Ho_Chi_Minh").isoformat() == "2026-12-07T00:00:00+07:00"