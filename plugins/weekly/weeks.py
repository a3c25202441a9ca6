"""ISO weeks as the weekly files name them (``2026-W48``), and the menu
deadline of Thông tư 09/2024/TT-BGDĐT. Pure: no Pelican import."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

WEEK_RE = re.compile(r"^(\d{4})-W(\d{2})$")
WEEKDAYS_VI = ("Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ nhật")


@dataclass(frozen=True, order=True)
class Week:
    year: int
    number: int

    @classmethod
    def parse(cls, text: str) -> "Week":
        """``2026-W48``; ValueError (Vietnamese) for anything else or a week
        the year does not have."""
        match = WEEK_RE.match(str(text).strip())
        if not match:
            raise ValueError(f"“{text}” không phải tuần dạng năm-Wsố, ví dụ 2026-W48")
        week = cls(int(match[1]), int(match[2]))
        if not 1980 <= week.year <= 2100:
            raise ValueError(f"năm {week.year} nằm ngoài khoảng 1980–2100")
        last = dt.date(week.year, 12, 28).isocalendar()[1]  # 28 Dec is always in the last week
        if not 1 <= week.number <= last:
            raise ValueError(f"năm {week.year} không có tuần {week.number} (chỉ có 1–{last})")
        return week

    @classmethod
    def of(cls, day: dt.date) -> "Week":
        year, number, _ = day.isocalendar()
        return cls(year, number)

    @property
    def slug(self) -> str:
        return f"{self.year}-W{self.number:02d}"

    @property
    def monday(self) -> dt.date:
        return dt.date.fromisocalendar(self.year, self.number, 1)

    @property
    def sunday(self) -> dt.date:
        return self.monday + dt.timedelta(days=6)

    def days(self) -> list[dt.date]:
        return [self.monday + dt.timedelta(days=i) for i in range(7)]

    def shifted(self, weeks: int) -> "Week":
        return Week.of(self.monday + dt.timedelta(weeks=weeks))

    def contains(self, day: dt.date) -> bool:
        return self.monday <= day <= self.sunday

    @property
    def label(self) -> str:
        """``Tuần 48 (23/11–29/11/2026)``."""
        first, last = self.monday, self.sunday
        start = first.strftime("%d/%m") if first.year == last.year else first.strftime("%d/%m/%Y")
        return f"Tuần {self.number} ({start}–{last.strftime('%d/%m/%Y')})"

    def __str__(self) -> str:
        return self.slug


def weekday_vi(day: dt.date) -> str:
    return WEEKDAYS_VI[day.weekday()]


# --------------------------------------------------------------------------
# Menu deadline. Thông tư 09/2024/TT-BGDĐT, on the timing of disclosure: the
# planned daily/weekly menu of the children is updated on the portal "trước
# ngày thứ Bảy của tuần trước" (before the Saturday of the week before). The
# checker warns on Friday and Saturday while next week's menu is missing and
# fails from Sunday on (the week it is for has all but begun).

FRIDAY, SATURDAY, SUNDAY = 4, 5, 6


@dataclass(frozen=True)
class MenuDue:
    overdue: Week  # its menu must be online by now (missing: error)
    due_soon: Week | None  # its menu is due by the end of this week (missing: warning)


def menu_due(as_of: dt.date) -> MenuDue:
    """Which weeks' menus are owed on ``as_of``.

    Monday–Saturday: this week's menu is overdue if missing (its deadline
    was last week); on Friday and Saturday next week's is due soon. Sunday:
    next week's (it starts tomorrow) is overdue."""
    this_week = Week.of(as_of)
    if as_of.weekday() == SUNDAY:
        return MenuDue(overdue=this_week.shifted(1), due_soon=None)
    due_soon = this_week.shifted(1) if as_of.weekday() in (FRIDAY, SATURDAY) else None
    return MenuDue(overdue=this_week, due_soon=due_soon)


# The SCHOOL keys that say a school of another level serves meals
# (semi-boarding / boarding).
BOARDING_KEYS = ("boarding", "ban_tru", "noi_tru")


def menus_required(school: dict | None, has_menus: bool) -> bool:
    """The menu rule applies to a unit whose level requires the menu section
    (a preschool, a lien-cap school with a preschool stage, a school listing
    it in SCHOOL["sections_extra"]), a school that says it serves meals
    (SCHOOL["boarding"]) and any site that publishes menus."""
    from truongweb.plugins.content_schema import levels

    school = school or {}
    try:
        if "thuc_don" in levels.resolve(school).sections:
            return True
    except levels.LevelError:
        pass  # reported by the levels plugin at start-up
    return has_menus or any(bool(school.get(key)) for key in BOARDING_KEYS)
