"""Read and check the weekly files: a work schedule or a menu per ISO week
(YAML, or CSV for those who keep them in Excel) and timetable records.

Pure, no Pelican import. The keys are those of
``content_schema.weekly``; bad input raises :class:`WeeklyDataError` whose
``str()`` is a Vietnamese message naming the file and the key (YAML) or the
line (CSV).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from truongweb.paths import OutsideFolderError, resolve_inside
from truongweb.plugins.content_schema import YamlLimitError, decode_utf8, load_limited
from truongweb.plugins.content_schema import FrontMatterError
from truongweb.plugins.content_schema.values import is_code
from truongweb.plugins.content_schema.weekly import (
    MENU_DAY_FIELDS,
    MENU_MEAL_FIELDS,
    MENU_WEEK_FIELDS,
    SCHEDULE_ENTRY_FIELDS,
    SCHEDULE_WEEK_FIELDS,
    TIMETABLE_EXTENSIONS,
    TIMETABLE_FIELDS,
    DataField,
)

from .weeks import Week

MAX_FILE_BYTES = 512 * 1024  # a busy week is a few kB
MAX_TIMETABLE_BYTES = 5 * 1024 * 1024
MAX_TEXT_CHARS = 2_000
MAX_ENTRIES = 300
WEEK_FILE_RE = re.compile(r"^(\d{4}-W\d{2})\.(yml|yaml|csv)$")
# 07:30, 7:30, 7h30, 7h, 07:30:00 (what a time picker may store).
_TIME_RE = re.compile(r"^(\d{1,2})\s*(?:[:hg]\s*(\d{2})?(?::00)?)?\s*(?:phút)?$", re.IGNORECASE)
_TRUE = {"x", "có", "co", "1", "true", "yes", "quan trọng", "đúng", "v", "✓"}
_FALSE = {"", "0", "không", "khong", "false", "no"}


class WeeklyDataError(ValueError):
    """A weekly file is wrong; ``str()`` is the Vietnamese message."""


# --------------------------------------------------------------------------
# Records


@dataclass
class ScheduleEntry:
    day: dt.date
    content: str
    start: dt.time | None = None
    end: dt.time | None = None
    participants: str = ""
    place: str = ""
    chair: str = ""
    note: str = ""
    important: bool = False

    @property
    def time_text(self) -> str:
        if self.start is None:
            return "Cả ngày"
        text = self.start.strftime("%H:%M")
        return f"{text}–{self.end.strftime('%H:%M')}" if self.end else text


@dataclass
class Meal:
    name: str
    dishes: list[str]


@dataclass
class MenuDay:
    day: dt.date
    meals: list[Meal]


@dataclass
class WeekFile:
    kind: str  # "schedule" | "menu"
    week: Week
    source: str  # path shown in messages, relative to the site
    note: str = ""
    entries: list[ScheduleEntry] = field(default_factory=list)
    days: list[MenuDay] = field(default_factory=list)

    @property
    def slug(self) -> str:
        return self.week.slug

    def entries_by_day(self) -> list[tuple[dt.date, list[ScheduleEntry]]]:
        grouped: dict[dt.date, list[ScheduleEntry]] = {}
        for entry in self.entries:
            grouped.setdefault(entry.day, []).append(entry)
        return sorted(grouped.items())

    def meal_names(self) -> list[str]:
        """Every meal of the week, in the order they first appear."""
        names: list[str] = []
        for day in self.days:
            for meal in day.meals:
                if meal.name not in names:
                    names.append(meal.name)
        return names


@dataclass
class Timetable:
    slug: str
    title: str
    applies_from: dt.date
    file: Path  # the exported file, inside the timetable folder
    source: str
    note: str = ""

    @property
    def filename(self) -> str:
        return self.file.name

    @property
    def extension(self) -> str:
        return self.file.suffix.lower()

    @property
    def is_html(self) -> bool:
        return self.extension in (".html", ".htm")


# --------------------------------------------------------------------------
# Values


def _where(source: str, key: str, line: int | None) -> str:
    if line is not None:
        return f"Tệp {source}, dòng {line}, cột “{key}”"
    return f"Tệp {source}: khóa “{key}”"


def _text(value, field_: DataField, where: str) -> str:
    if value is None:
        value = ""
    if isinstance(value, bool) or isinstance(value, (list, dict)):
        raise WeeklyDataError(f"{where} phải là chữ, không phải danh sách hay bảng khóa.")
    text = str(value).strip()
    if len(text) > MAX_TEXT_CHARS:
        raise WeeklyDataError(f"{where} quá dài (tối đa {MAX_TEXT_CHARS} ký tự).")
    if field_.required and not text:
        raise WeeklyDataError(f"{where} bị thiếu hoặc để trống ({field_.label.lower()}).")
    return text


def _date(value, field_: DataField, where: str) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = _text(value, field_, where)
    if not text:
        return None
    match = re.match(r"^(?:[^\d]*?\s)?(\d{1,2})/(\d{1,2})/(\d{4})$", text)  # "Thứ Hai 23/11/2026"
    try:
        if match:
            return dt.date(int(match[3]), int(match[2]), int(match[1]))
        return dt.date.fromisoformat(text)
    except ValueError:
        raise WeeklyDataError(
            f"{where}: ngày “{text}” không đúng; viết dạng 2026-11-23 hoặc 23/11/2026."
        ) from None


def _time(value, field_: DataField, where: str) -> dt.time | None:
    if isinstance(value, int) and not isinstance(value, bool):
        # YAML 1.1 reads an unquoted 07:30 as the sexagesimal number 450.
        if value < 60:
            raise WeeklyDataError(f"{where}: giờ “{value}” thiếu phút; viết ví dụ 07:00 hoặc 7h.")
        value = f"{value // 60}:{value % 60:02d}"
    text = _text(value, field_, where)
    if not text:
        return None
    match = _TIME_RE.match(text)
    hour, minute = (int(match[1]), int(match[2] or 0)) if match else (99, 0)
    if hour > 23 or minute > 59:
        raise WeeklyDataError(
            f"{where}: giờ “{text}” không đúng; viết dạng 07:30 hoặc 7h30 (từ 00:00 đến 23:59)."
        )
    return dt.time(hour, minute)


def _bool(value, field_: DataField, where: str) -> bool:
    if isinstance(value, bool):
        return value
    text = _text(value, field_, where).casefold()
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    raise WeeklyDataError(f"{where}: “{value}” không rõ; ghi x (hoặc có) nếu quan trọng, để trống nếu không.")


def _list(value, field_: DataField, where: str) -> list[str]:
    if isinstance(value, str):
        items = [part.strip() for part in re.split(r"[;\n]", value)]
    elif isinstance(value, list):
        items = [_text(item, DataField(field_.name, "text", field_.label, ""), where) for item in value]
    elif value is None:
        items = []
    else:
        raise WeeklyDataError(f"{where} phải là danh sách, ví dụ [Cơm trắng, Canh bí đỏ].")
    items = [item for item in items if item]
    if field_.required and not items:
        raise WeeklyDataError(f"{where} bị thiếu hoặc để trống ({field_.label.lower()}).")
    if len(items) > 50:
        raise WeeklyDataError(f"{where} có {len(items)} mục; tối đa 50.")
    return items


_CONVERTERS = {"text": _text, "longtext": _text, "date": _date, "time": _time, "bool": _bool,
               "list": _list, "file": _text}


def _mapping(raw, fields: tuple[DataField, ...], source: str, path: str) -> dict:
    """Converted values of a YAML mapping whose keys must be ``fields``."""
    label = f"Tệp {source}: {path}" if path else f"Tệp {source}"
    if not isinstance(raw, dict):
        raise WeeklyDataError(f"{label} phải là một bảng khóa: giá trị (ví dụ content: Họp hội đồng).")
    names = {f.name: f for f in fields}
    for key in raw:
        if str(key) not in names:
            raise WeeklyDataError(
                f"{label}: khóa “{key}” không có trong danh sách khóa; các khóa hợp lệ: "
                f"{', '.join(names)}."
            )
    values = {}
    for f in fields:
        where = _where(source, f"{path}.{f.name}" if path else f.name, None)
        if f.kind == "entries":
            continue
        values[f.name] = _CONVERTERS[f.kind](raw.get(f.name), f, where)
    return values


def _entries(raw, field_: DataField, source: str, path: str) -> list:
    where = _where(source, path, None)
    if raw is None:
        raw = []
    if not isinstance(raw, list):
        raise WeeklyDataError(f"{where} phải là một danh sách (mỗi mục bắt đầu bằng “- ”).")
    if field_.required and not raw:
        raise WeeklyDataError(f"{where} bị thiếu hoặc để trống ({field_.label.lower()}).")
    if len(raw) > MAX_ENTRIES:
        raise WeeklyDataError(f"{where} có {len(raw)} mục; tối đa {MAX_ENTRIES}.")
    return raw


# --------------------------------------------------------------------------
# Week files


def week_of_file(path: Path, source: str) -> Week:
    match = WEEK_FILE_RE.match(path.name)
    if not match:
        raise WeeklyDataError(
            f"Tệp {source}: tên tệp phải là tuần theo lịch ISO, ví dụ 2026-W48.yml hoặc "
            "2026-W48.csv (năm, chữ W, số tuần hai chữ số)."
        )
    try:
        return Week.parse(match[1])
    except ValueError as error:
        raise WeeklyDataError(f"Tệp {source}: tên tệp: {error}.") from None


def _read_text(path: Path, source: str) -> str:
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise WeeklyDataError(
            f"Tệp {source}: tệp quá lớn ({size // 1024} kB; tối đa {MAX_FILE_BYTES // 1024} kB)."
        )
    try:
        text = decode_utf8(path.read_bytes(), f"Tệp {source}")
    except FrontMatterError as error:
        raise WeeklyDataError(str(error)) from None
    return text.lstrip("\ufeff")  # Excel's "CSV UTF-8" starts with a byte order mark


def _load_yaml(text: str, source: str):
    try:
        return load_limited(text)
    except YamlLimitError as error:
        raise WeeklyDataError(f"Tệp {source}: {error}") from None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = f", dòng {mark.line + 1}" if mark is not None else ""
        raise WeeklyDataError(
            f"Tệp {source}{line}: không đọc được YAML ({getattr(error, 'problem', None) or error}). "
            "Kiểm tra dấu hai chấm, thụt lề và dấu gạch đầu dòng."
        ) from None


def _check_week(week: Week, day: dt.date, source: str, where: str) -> None:
    if not week.contains(day):
        raise WeeklyDataError(
            f"{where}: ngày {day.strftime('%d/%m/%Y')} không thuộc {week.label.lower()} "
            "(tên tệp là tuần của lịch)."
        )


def _schedule_entry(values: dict, week: Week, source: str, where: str) -> ScheduleEntry:
    entry = ScheduleEntry(**values)
    _check_week(week, entry.day, source, where)
    if entry.end and entry.start is None:
        raise WeeklyDataError(f"{where}: có giờ kết thúc nhưng thiếu giờ bắt đầu.")
    if entry.end and entry.start and entry.end < entry.start:
        raise WeeklyDataError(
            f"{where}: giờ kết thúc {entry.end:%H:%M} trước giờ bắt đầu {entry.start:%H:%M}."
        )
    return entry


def _week_header(raw: dict, fields, week: Week, source: str) -> dict:
    values = _mapping(raw, fields, source, "")
    declared = values.get("week")
    if declared and declared != week.slug:
        raise WeeklyDataError(
            f"Tệp {source}: khóa “week” là {declared} nhưng tên tệp là tuần {week.slug}; "
            "sửa cho trùng nhau."
        )
    return values


def _open_week(path: Path, source: str, kind: str, fields) -> tuple[WeekFile, str, dict | None]:
    """The empty week of a file, its text, and (YAML) its checked mapping
    with the week's note already taken."""
    week = week_of_file(path, source)
    text = _read_text(path, source)
    result = WeekFile(kind, week, source)
    if path.suffix == ".csv":
        return result, text, None
    raw = _load_yaml(text, source)
    raw = {} if raw is None else raw
    result.note = _week_header(raw, fields, week, source)["note"]
    return result, text, raw


def load_schedule(path: Path, source: str) -> WeekFile:
    result, text, raw = _open_week(path, source, "schedule", SCHEDULE_WEEK_FIELDS)
    week = result.week
    if raw is None:
        for line, values in _csv_rows(text, SCHEDULE_ENTRY_FIELDS, source):
            where = f"Tệp {source}, dòng {line}"
            result.entries.append(_schedule_entry(values, week, source, where))
        if not result.entries:
            raise WeeklyDataError(f"Tệp {source}: chưa có công việc nào (dòng tiêu đề rồi mỗi dòng một việc).")
    else:
        items = _entries(raw.get("entries"), SCHEDULE_WEEK_FIELDS[2], source, "entries")
        for i, item in enumerate(items, 1):
            path_ = f"entries[{i}]"
            values = _mapping(item, SCHEDULE_ENTRY_FIELDS, source, path_)
            result.entries.append(_schedule_entry(values, week, source, f"Tệp {source}: {path_}"))
    result.entries.sort(key=lambda e: (e.day, e.start or dt.time(0)))
    return result


def load_menu(path: Path, source: str) -> WeekFile:
    result, text, raw = _open_week(path, source, "menu", MENU_WEEK_FIELDS)
    week = result.week
    by_day: dict[dt.date, MenuDay] = {}
    if raw is None:
        fields = (MENU_DAY_FIELDS[0],) + MENU_MEAL_FIELDS
        for line, values in _csv_rows(text, fields, source):
            where = f"Tệp {source}, dòng {line}"
            _check_week(week, values["day"], source, where)
            day = by_day.setdefault(values["day"], MenuDay(values["day"], []))
            day.meals.append(Meal(values["meal"], values["dishes"]))
        if not by_day:
            raise WeeklyDataError(f"Tệp {source}: chưa có bữa ăn nào (dòng tiêu đề rồi mỗi dòng một bữa).")
    else:
        days = _entries(raw.get("days"), MENU_WEEK_FIELDS[2], source, "days")
        if not days and not result.note:
            raise WeeklyDataError(
                f"Tệp {source}: chưa có ngày nào (khóa “days”); tuần nghỉ thì ghi lý do ở khóa “note”."
            )
        for i, item in enumerate(days, 1):
            path_ = f"days[{i}]"
            values = _mapping(item, MENU_DAY_FIELDS, source, path_)
            _check_week(week, values["day"], source, f"Tệp {source}: {path_}")
            if values["day"] in by_day:
                raise WeeklyDataError(f"Tệp {source}: {path_}: ngày {values['day']:%d/%m/%Y} đã có ở trên.")
            meals = _entries(item.get("meals"), MENU_DAY_FIELDS[1], source, f"{path_}.meals")
            day = by_day.setdefault(values["day"], MenuDay(values["day"], []))
            for j, meal in enumerate(meals, 1):
                meal_values = _mapping(meal, MENU_MEAL_FIELDS, source, f"{path_}.meals[{j}]")
                day.meals.append(Meal(meal_values["meal"], meal_values["dishes"]))
    result.days = sorted(by_day.values(), key=lambda d: d.day)
    return result


def _csv_rows(text: str, fields: tuple[DataField, ...], source: str):
    """(line number, converted values) of each non-empty row; the header row
    names the columns by key or by Vietnamese title."""
    titles = {}
    for f in fields:
        for title in (f.name, f.label) + f.csv_aliases:
            titles[title.casefold()] = f
    # Excel writes "," or ";" by the computer's regional settings: the
    # separator is the one that splits the header row into known titles.
    first = next((line for line in text.splitlines() if line.strip()), "")
    known = lambda sep: sum(  # noqa: E731
        cell.strip().strip('"').casefold() in titles for cell in next(csv.reader([first], delimiter=sep), []))
    delimiter = max((",", ";", "\t"), key=known)
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    header = None
    for row in reader:
        line = reader.line_num
        if not any(cell.strip() for cell in row):
            continue
        if header is None:
            header = []
            for cell in row:
                f = titles.get(cell.strip().casefold())
                if f is None and cell.strip():
                    raise WeeklyDataError(
                        f"Tệp {source}, dòng {line}: cột “{cell.strip()}” không có trong danh sách "
                        f"cột; dùng: {', '.join(f.label for f in fields)}."
                    )
                header.append(f)
            for f in fields:
                if f.required and f not in header:
                    raise WeeklyDataError(f"Tệp {source}, dòng {line}: thiếu cột “{f.label}”.")
            continue
        if len(row) > len(header):
            raise WeeklyDataError(
                f"Tệp {source}, dòng {line}: có {len(row)} ô nhưng dòng tiêu đề chỉ có "
                f"{len(header)} cột."
            )
        cells = {f.name: cell for f, cell in zip(header, row) if f is not None}
        values = {}
        for f in fields:
            where = _where(source, f.label, line)
            values[f.name] = _CONVERTERS[f.kind](cells.get(f.name), f, where)
        yield line, values
    if header is None:
        raise WeeklyDataError(f"Tệp {source}: tệp trống (cần dòng tiêu đề các cột).")


def load_weeks(folder: Path, kind: str, shown: str) -> list[WeekFile]:
    """Every week file of ``folder`` (``kind`` "schedule" or "menu"), oldest
    first; two files for one week are an error."""
    loader = load_schedule if kind == "schedule" else load_menu
    weeks: dict[str, WeekFile] = {}
    for path in sorted(folder.iterdir()):
        if path.name.startswith(".") or path.is_dir():
            continue
        source = f"{shown}/{path.name}"
        week_file = loader(path, source)
        if week_file.slug in weeks:
            raise WeeklyDataError(
                f"Tệp {source}: tuần {week_file.slug} đã có ở tệp {weeks[week_file.slug].source}; "
                "mỗi tuần chỉ một tệp (.yml hoặc .csv)."
            )
        weeks[week_file.slug] = week_file
    return sorted(weeks.values(), key=lambda w: w.week)


# --------------------------------------------------------------------------
# Timetables

def load_timetables(folder: Path, content: Path, shown: str) -> list[Timetable]:
    """The timetable records (``*.yml`` in ``folder``), newest first."""
    found = []
    for path in sorted(folder.glob("*.y*ml")):
        source = f"{shown}/{path.name}"
        if not is_code(path.stem):
            raise WeeklyDataError(
                f"Tệp {source}: tên tệp chỉ dùng chữ thường không dấu, số và gạch ngang, "
                "ví dụ tkb-hoc-ky-1.yml (tên tệp là địa chỉ trang)."
            )
        raw = _load_yaml(_read_text(path, source), source)
        values = _mapping(raw, TIMETABLE_FIELDS, source, "")
        where = _where(source, "file", None)
        try:
            file = resolve_inside(content, values["file"], base=folder, source=where,
                                  root_shown="content")
        except OutsideFolderError as error:
            raise WeeklyDataError(str(error)) from None
        if file.suffix.lower() not in TIMETABLE_EXTENSIONS:
            raise WeeklyDataError(
                f"{where}: tệp “{values['file']}” không dùng được; chỉ nhận "
                f"{', '.join(TIMETABLE_EXTENSIONS)} (tệp xuất từ phần mềm xếp thời khóa biểu)."
            )
        if not file.is_file():
            raise WeeklyDataError(f"{where}: không có tệp “{values['file']}” trong {shown}/.")
        if file.stat().st_size > MAX_TIMETABLE_BYTES:
            raise WeeklyDataError(
                f"{where}: tệp “{values['file']}” quá lớn (tối đa {MAX_TIMETABLE_BYTES // 1024 // 1024} MB)."
            )
        found.append(Timetable(slug=path.stem, title=values["title"],
                               applies_from=values["applies_from"], file=file, source=source,
                               note=values["note"]))
    return sorted(found, key=lambda t: (t.applies_from, t.slug), reverse=True)
