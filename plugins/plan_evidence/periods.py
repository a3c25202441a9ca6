"""Period arithmetic for plans (spec §3): months, calendar quarters and
semesters clipped to the plan range, with Vietnamese labels and URL slugs.

Pure domain code, no Pelican import.
"""

from __future__ import annotations

import calendar
import datetime
from dataclasses import dataclass
from typing import Iterable

from .plans import Plan, Quota

__all__ = [
    "KINDS",
    "KIND_LABELS",
    "Period",
    "all_periods",
    "find_period",
    "month_period",
    "months",
    "periods_for_quota",
    "quarter_period",
    "quarters",
    "roman",
    "semesters",
    "total_period",
]

# Order of kinds in ``periods`` lists (spec §4): total, semester, quarter, month.
KINDS = ("total", "semester", "quarter", "month")
KIND_LABELS = {
    "total": "Cả kế hoạch",
    "semester": "Học kỳ",
    "quarter": "Quý",
    "month": "Tháng",
}
_QUOTA_KEY = {"semester": "per_semester", "quarter": "per_quarter", "month": "per_month"}
_ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}


def roman(n: int) -> str:
    return _ROMAN[n]


@dataclass(frozen=True)
class Period:
    """A date range (inclusive) of one kind, already clipped to its plan."""

    kind: str  # total | semester | quarter | month
    start: datetime.date
    end: datetime.date
    label: str  # Vietnamese, e.g. "Tháng 9/2026", "Quý IV/2026", "Cả kế hoạch"
    slug: str  # URL part, e.g. "2026-09", "2026-q4", "hk1", "ca-ke-hoach"
    index: int = 0  # semester number in the plan (1-based), quarter number, month number

    def contains(self, day: datetime.date) -> bool:
        return self.start <= day <= self.end


def _clip(plan: Plan, start: datetime.date, end: datetime.date):
    s, e = max(start, plan.start), min(end, plan.end)
    return (s, e) if s <= e else None


def total_period(plan: Plan) -> Period:
    return Period("total", plan.start, plan.end, KIND_LABELS["total"], "ca-ke-hoach")


def month_period(plan: Plan, year: int, month: int) -> Period | None:
    last = calendar.monthrange(year, month)[1]
    r = _clip(plan, datetime.date(year, month, 1), datetime.date(year, month, last))
    if r is None:
        return None
    return Period("month", r[0], r[1], f"Tháng {month}/{year}", f"{year}-{month:02d}", month)


def quarter_period(plan: Plan, year: int, q: int) -> Period | None:
    first = 3 * (q - 1) + 1
    last_day = calendar.monthrange(year, first + 2)[1]
    r = _clip(plan, datetime.date(year, first, 1), datetime.date(year, first + 2, last_day))
    if r is None:
        return None
    return Period("quarter", r[0], r[1], f"Quý {roman(q)}/{year}", f"{year}-q{q}", q)


def months(plan: Plan) -> list[Period]:
    out = []
    y, m = plan.start.year, plan.start.month
    while (y, m) <= (plan.end.year, plan.end.month):
        out.append(month_period(plan, y, m))
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


def quarters(plan: Plan, only: Iterable[int] | None = None) -> list[Period]:
    wanted = set(only) if only else {1, 2, 3, 4}
    out = []
    y, q = plan.start.year, (plan.start.month - 1) // 3 + 1
    end_key = (plan.end.year, (plan.end.month - 1) // 3 + 1)
    while (y, q) <= end_key:
        if q in wanted:
            out.append(quarter_period(plan, y, q))
        y, q = (y + 1, 1) if q == 4 else (y, q + 1)
    return out


def semesters(plan: Plan) -> list[Period]:
    """Semesters overlapping the plan, clipped to it, in date order.

    ``index`` is the semester's position in the plan file (1-based) so that the
    slug ``hk<n>`` stays stable.
    """
    out = []
    for i, s in enumerate(plan.semesters, start=1):
        r = _clip(plan, s.start, s.end)
        if r is not None:
            out.append(Period("semester", r[0], r[1], s.name, f"hk{i}", i))
    out.sort(key=lambda p: (p.start, p.end, p.index))
    return out


def periods_for_quota(
    plan: Plan, quota: Quota | None, only_quarters: Iterable[int] | None = None
) -> list[tuple[Period, int]]:
    """(period, required) pairs for a quota, in the spec §4 order.

    Always starts with the total period (required = ``quota.total`` or 0),
    then each kind that has a quota: semesters, quarters (restricted to
    ``only_quarters`` when given), months; each in date order.
    """
    out = [(total_period(plan), (quota.total if quota and quota.total is not None else 0))]
    if quota is None:
        return out
    if quota.per_semester is not None:
        out += [(p, quota.per_semester) for p in semesters(plan)]
    if quota.per_quarter is not None:
        out += [(p, quota.per_quarter) for p in quarters(plan, only_quarters)]
    if quota.per_month is not None:
        out += [(p, quota.per_month) for p in months(plan)]
    return out


def all_periods(plan: Plan) -> list[Period]:
    """Every reportable period of the plan: total, semesters, quarters, months."""
    return [total_period(plan)] + semesters(plan) + quarters(plan) + months(plan)


_ALIASES = {"total": "ca-ke-hoach", "tong": "ca-ke-hoach", "all": "ca-ke-hoach"}


def find_period(plan: Plan, key: str) -> Period | None:
    """Find a period by slug, case-insensitive: ``2026-11``, ``2026-Q4``, ``hk1``,
    ``total`` / ``ca-ke-hoach``."""
    k = key.strip().lower()
    k = _ALIASES.get(k, k)
    for p in all_periods(plan):
        if p.slug == k:
            return p
    return None
