"""The keys of the recurring weekly data files: work schedule weeks
(``content/lich-cong-tac/<yyyy>-W<ww>.yml|csv``), menu weeks
(``content/thuc-don/…``) and timetables (``content/thoi-khoa-bieu/*.yml``).

Pure, no Pelican import. Declared once here: the weekly loaders
(``plugins/weekly/data.py``) accept exactly these keys (and, in CSV, the
Vietnamese column titles), the web editor builds its forms from them
(``web_editor.config``), and the user guide lists them. The schedule keys are
those of NukeViet's work-schedule module (day, start and end time, content,
participants, place, chair, note, "highlight"), so an old NukeViet schedule
maps one to one.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class DataField:
    name: str
    kind: str  # text | longtext | date | time | bool | list | entries | file
    label: str  # Vietnamese, shown in the editor, the CSV header and messages
    hint: str
    required: bool = False
    # Other column titles accepted in CSV (what people type in Excel).
    csv_aliases: tuple[str, ...] = ()
    # For kind "entries": the fields of each entry.
    fields: tuple["DataField", ...] = ()


SCHEDULE_ENTRY_FIELDS: tuple[DataField, ...] = (
    DataField("day", "date", "Ngày", "Ngày của công việc, trong tuần của tệp (ví dụ 2026-11-23 "
              "hoặc 23/11/2026).", required=True, csv_aliases=("Thứ, ngày", "Thứ ngày")),
    DataField("start", "time", "Bắt đầu", "Giờ bắt đầu, ví dụ 07:30 hoặc 7h30. Để trống nếu "
              "công việc kéo dài cả ngày.", csv_aliases=("Giờ bắt đầu", "Thời gian")),
    DataField("end", "time", "Kết thúc", "Giờ kết thúc (có thể để trống); không được trước "
              "giờ bắt đầu.", csv_aliases=("Giờ kết thúc",)),
    DataField("content", "longtext", "Nội dung", "Nội dung công việc, ví dụ «Chào cờ đầu tuần».",
              required=True, csv_aliases=("Nội dung công việc", "Công việc")),
    DataField("participants", "text", "Thành phần", "Người hoặc bộ phận tham dự, ví dụ «Toàn "
              "thể giáo viên».", csv_aliases=("Thành phần tham dự", "Người tham dự")),
    DataField("place", "text", "Địa điểm", "Nơi diễn ra, ví dụ «Phòng họp tầng 2».",
              csv_aliases=("Nơi",)),
    DataField("chair", "text", "Chủ trì", "Người chủ trì, ví dụ «Hiệu trưởng».",
              csv_aliases=("Người chủ trì",)),
    DataField("note", "text", "Ghi chú", "Ghi chú thêm (có thể để trống)."),
    DataField("important", "bool", "Quan trọng", "Đánh dấu công việc quan trọng (in đậm, "
              "có nhãn «Quan trọng»). Trong CSV ghi x, có hoặc 1.",
              csv_aliases=("Nhấn mạnh",)),
)

MENU_MEAL_FIELDS: tuple[DataField, ...] = (
    DataField("meal", "text", "Bữa", "Tên bữa ăn, ví dụ «Bữa sáng», «Bữa trưa», «Bữa phụ chiều».",
              required=True, csv_aliases=("Bữa ăn",)),
    DataField("dishes", "list", "Món ăn", "Mỗi ô một món, ví dụ «Cơm trắng», «Thịt kho trứng». "
              "Trong CSV các món cách nhau bằng dấu chấm phẩy (;).", required=True,
              csv_aliases=("Món", "Các món")),
)

MENU_DAY_FIELDS: tuple[DataField, ...] = (
    DataField("day", "date", "Ngày", "Ngày trong tuần của tệp (ví dụ 2026-12-07).", required=True,
              csv_aliases=("Thứ, ngày", "Thứ ngày")),
    DataField("meals", "entries", "Các bữa", "Các bữa ăn của ngày, theo thứ tự trong ngày.",
              required=True, fields=MENU_MEAL_FIELDS),
)

# Keys of a whole week file (YAML). "week" is the file name's week when absent.
SCHEDULE_WEEK_FIELDS: tuple[DataField, ...] = (
    DataField("week", "text", "Tuần", "Tuần theo lịch ISO, dạng 2026-W48 (trùng tên tệp)."),
    DataField("note", "longtext", "Ghi chú của tuần", "Ghi chú chung cho cả tuần (có thể để trống)."),
    DataField("entries", "entries", "Các công việc", "Mỗi công việc một mục.", required=True,
              fields=SCHEDULE_ENTRY_FIELDS),
)
MENU_WEEK_FIELDS: tuple[DataField, ...] = (
    DataField("week", "text", "Tuần", "Tuần theo lịch ISO, dạng 2026-W49 (trùng tên tệp)."),
    DataField("note", "longtext", "Ghi chú của tuần", "Ví dụ «Tuần nghỉ Tết, không tổ chức "
              "bán trú». Một tuần nghỉ chỉ cần ghi chú, không cần ngày nào."),
    DataField("days", "entries", "Các ngày", "Mỗi ngày có bữa ăn một mục.", fields=MENU_DAY_FIELDS),
)

TIMETABLE_EXTENSIONS = (".xlsx", ".xls", ".ods", ".pdf", ".html", ".htm")
TIMETABLE_FIELDS: tuple[DataField, ...] = (
    DataField("title", "text", "Tên thời khóa biểu", "Ví dụ «Thời khóa biểu học kỳ I năm học "
              "2026–2027».", required=True),
    DataField("applies_from", "date", "Áp dụng từ ngày", "Ngày bắt đầu áp dụng.", required=True),
    DataField("file", "file", "Tệp xuất từ phần mềm", "Tệp Excel (.xlsx, .xls, .ods), PDF hoặc "
              "HTML xuất từ phần mềm xếp thời khóa biểu, lưu trong content/thoi-khoa-bieu/tep/. "
              "Tệp HTML được hiện thành bảng ngay trên trang.", required=True),
    DataField("note", "longtext", "Ghi chú", "Ví dụ «Thay đổi tiết 3 thứ Tư của lớp 7A»."),
)
