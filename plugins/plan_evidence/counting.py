"""Counting evidence against plans (spec §2, §3).

Pure domain code, no Pelican import. Items are bucketed by date once per
plan, so counting is linear in the number of items.
"""

from __future__ import annotations

import datetime
from collections import Counter
from dataclasses import dataclass, field
from typing import Iterable, Sequence

from truongweb.plugins.content_schema import CHANNELS as CHANNEL_LABELS
from truongweb.plugins.content_schema import DEFAULT_CHANNEL
from truongweb.plugins.content_schema.values import WEB_URL_RE, is_code
from truongweb.plugins.vietnamese.messages import did_you_mean

from .periods import Period, periods_for_quota, semesters as semester_periods
from .plans import Plan, Quota

__all__ = [
    "DEFAULT_CHANNEL",
    "EvidenceItem",
    "LineResult",
    "PeriodResult",
    "PlanResult",
    "STATUS_LABELS",
    "TaggingError",
    "alerts",
    "aggregate_status",
    "count_plan",
    "count_plans",
    "items_in",
    "known_codes",
    "period_status",
    "split_codes",
    "validate_item_tags",
]

STATUS_LABELS = {
    "met": "Đạt",
    "unmet": "Chưa đạt",
    "in_progress": "Đang thực hiện",
    "upcoming": "Chưa đến kỳ",
}
# Text icons next to the status words (status is never shown by colour alone).
STATUS_ICONS = {"met": "✓", "unmet": "✗", "in_progress": "◔", "upcoming": "○"}


class TaggingError(ValueError):
    """An article's evidence tags are wrong. ``str()`` is the Vietnamese message."""


@dataclass
class EvidenceItem:
    title: str
    url: str
    date: datetime.date  # local date in the site TIMEZONE
    channel: str = DEFAULT_CHANNEL
    unit: str | None = None
    topics: tuple[str, ...] = ()
    author: str | None = None
    source_path: str = ""
    kind: str = "article"  # article | page (pages never count)
    status: str = "published"  # published | draft | hidden (only published counts)
    link: str | None = None  # external URL when channel is not website

    def counts(self) -> bool:
        return self.kind == "article" and self.status == "published"


@dataclass(frozen=True)
class PeriodResult:
    period: Period
    count: int
    required: int
    status: str


@dataclass
class LineResult:
    """One row of the evidence table: the plan total, a topic or a unit."""

    kind: str  # total | topic | unit
    code: str | None
    title: str
    quota: Quota | None
    count: int
    status: str
    periods: list[PeriodResult]
    items: list[EvidenceItem] = field(default_factory=list)
    group: str | None = None

    def cell(self, period: Period) -> PeriodResult | None:
        """The result for exactly this period, or None when the line has no
        quota for it."""
        for pr in self.periods:
            if pr.period.kind == period.kind and pr.period.start == period.start:
                return pr
        return None


@dataclass
class PlanResult:
    plan: Plan
    as_of: datetime.date
    total: LineResult
    topics: list[LineResult]
    units: list[LineResult]
    items: list[EvidenceItem]  # every counted item of the plan, date order
    # Unit code -> name over every plan counted together (an item may carry a
    # unit that another plan defines); this plan's own names come first.
    unit_names: dict[str, str] = field(default_factory=dict)

    def unit_name(self, code: str | None) -> str:
        return self.unit_names.get(code, "") if code else ""

    @property
    def status(self) -> str:
        return self.total.status

    def lines(self) -> list[LineResult]:
        return [self.total, *self.topics, *self.units]


def period_status(period: Period, count: int, required: int, as_of: datetime.date) -> str:
    if count >= required:
        return "met"
    if period.end < as_of:
        return "unmet"
    if period.start <= as_of:
        return "in_progress"
    return "upcoming"


def aggregate_status(statuses: Iterable[str]) -> str:
    statuses = list(statuses)
    if all(s == "met" for s in statuses):
        return "met"
    if any(s == "unmet" for s in statuses):
        return "unmet"
    return "in_progress"


def _sort_key(item: EvidenceItem):
    # A total order, so that results never depend on the order of the input.
    return (item.date, item.title, item.url, item.source_path, item.topics, item.unit or "",
            item.channel, item.author or "", item.link or "", item.kind, item.status)


def count_plan(
    plan: Plan, items: Iterable[EvidenceItem], as_of: datetime.date,
    unit_names: dict[str, str] | None = None,
) -> PlanResult:
    """Count ``items`` for ``plan`` as of ``as_of`` (spec §3). ``unit_names``:
    names of units other plans define (see :func:`count_plans`)."""
    last = min(plan.end, as_of)
    counted = sorted(
        (it for it in items if it.counts() and plan.start <= it.date <= last), key=_sort_key
    )
    topic_codes = {t.code for t in plan.topics}
    unit_codes = {u.code for u in plan.units}
    sems = semester_periods(plan)

    # Bucket once: per line key (None = plan total, ("t", code), ("u", code))
    # count items per bucket key (("total",), ("month", y, m), ("quarter", y, q),
    # ("semester", index)).
    buckets: dict[object, Counter] = {None: Counter()}
    by_topic: dict[str, list[EvidenceItem]] = {c: [] for c in topic_codes}
    by_unit: dict[str, list[EvidenceItem]] = {c: [] for c in unit_codes}
    for it in counted:
        d = it.date
        keys = [("total",), ("month", d.year, d.month), ("quarter", d.year, (d.month - 1) // 3 + 1)]
        keys += [("semester", p.index) for p in sems if p.start <= d <= p.end]
        lines: list[object] = [None]
        for code in dict.fromkeys(it.topics):
            if code in topic_codes:
                lines.append(("t", code))
                by_topic[code].append(it)
        if it.unit in unit_codes:
            lines.append(("u", it.unit))
            by_unit[it.unit].append(it)
        for line in lines:
            counter = buckets.setdefault(line, Counter())
            for k in keys:
                counter[k] += 1

    def bucket_key(p: Period):
        if p.kind == "total":
            return ("total",)
        if p.kind == "month":
            return ("month", p.start.year, p.start.month)
        if p.kind == "quarter":
            return ("quarter", p.start.year, p.index)
        return ("semester", p.index)

    def line(kind, code, title, quota, only_quarters, line_items, group=None) -> LineResult:
        counter = buckets.get(None if kind == "total" else (kind[0], code), Counter())
        prs = []
        for period, required in periods_for_quota(plan, quota, only_quarters):
            n = counter[bucket_key(period)]
            prs.append(PeriodResult(period, n, required, period_status(period, n, required, as_of)))
        return LineResult(
            kind=kind,
            code=code,
            title=title,
            quota=quota,
            count=counter[("total",)],
            status=aggregate_status(p.status for p in prs),
            periods=prs,
            items=line_items,
            group=group,
        )

    total = line("total", None, plan.title, plan.quota, None, counted)
    topics = [
        line(
            "topic",
            t.code,
            t.title,
            t.quota if t.quota is not None and not t.quota.is_empty() else Quota(total=1),
            t.quarters,
            by_topic[t.code],
            t.group,
        )
        for t in plan.topics
    ]
    units = [line("unit", u.code, u.name, u.quota, None, by_unit[u.code]) for u in plan.units]
    names = {**(unit_names or {}), **{u.code: u.name for u in plan.units}}
    return PlanResult(plan=plan, as_of=as_of, total=total, topics=topics, units=units, items=counted,
                      unit_names=names)


def count_plans(
    plans: Sequence[Plan], items: Iterable[EvidenceItem], as_of: datetime.date
) -> list[PlanResult]:
    """Each plan is counted independently (overlapping plans both count an
    item); unit names are shared, so a plan's evidence names a unit that only
    another plan defines."""
    items = list(items)
    unit_names = known_codes(plans)[1]
    return [count_plan(p, items, as_of, unit_names) for p in plans]


def items_in(items: Iterable[EvidenceItem], period: Period) -> list[EvidenceItem]:
    return [it for it in items if period.start <= it.date <= period.end]


def alerts(result: PlanResult, days: int = 14) -> list[tuple[LineResult, PeriodResult]]:
    """Periods not yet met that end within ``days`` days of the as-of date
    (including the as-of day itself), in end-date order."""
    out = []
    for ln in result.lines():
        for pr in ln.periods:
            if pr.status == "in_progress" and 0 <= (pr.period.end - result.as_of).days <= days:
                out.append((ln, pr))
    out.sort(key=lambda x: (x[1].period.end, x[1].period.kind))
    return out


# --------------------------------------------------------------------------
# Tagging (spec §2)


def split_codes(value) -> list[str]:
    """``"a, B ,c"`` or ``["a", " B"]`` → ``["a", "b", "c"]`` (trimmed, lower case)."""
    if value is None:
        return []
    if isinstance(value, str):
        parts = value.split(",")
    elif isinstance(value, (list, tuple, set)):
        parts = []
        for v in value:
            parts.extend(str(v).split(","))
    else:
        parts = [str(value)]
    return [p.strip().lower() for p in parts if p.strip()]


def known_codes(plans: Iterable[Plan]) -> tuple[dict[str, str], dict[str, str]]:
    """(topic code → title, unit code → name) over all plans."""
    topics: dict[str, str] = {}
    units: dict[str, str] = {}
    for p in plans:
        for t in p.topics:
            topics.setdefault(t.code, t.title)
        for u in p.units:
            units.setdefault(u.code, u.name)
    return topics, units


def _nearest(word: str, candidates: Iterable[str]) -> str:
    cands = sorted(candidates)
    hint = did_you_mean(word, cands, quote="'")
    if hint:
        return hint
    if cands:
        shown = ", ".join(cands[:8]) + (", …" if len(cands) > 8 else "")
        return f" Các mã hợp lệ: {shown}."
    return " Chưa có kế hoạch nào khai báo mã này (thư mục plans/)."




def validate_item_tags(
    source_path: str,
    topics=None,
    unit=None,
    channel=None,
    link=None,
    known_topics: Iterable[str] = (),
    known_units: Iterable[str] = (),
) -> tuple[tuple[str, ...], str | None, str, str | None]:
    """Normalise and check an article's evidence tags.

    Returns ``(topics, unit, channel, link)``. Raises :class:`TaggingError`
    naming the file, the bad value and the nearest valid code.
    """
    known_topics = set(known_topics)
    known_units = set(known_units)
    codes = split_codes(topics)
    for code in codes:
        if code not in known_topics:
            raise TaggingError(
                f"{source_path}: khóa 'topics' có mã chủ đề '{code}' không có trong kế hoạch nào."
                + _nearest(code, known_topics)
            )
    unit_codes = split_codes(unit)
    if len(unit_codes) > 1:
        raise TaggingError(
            f"{source_path}: khóa 'unit' chỉ nhận một mã đơn vị (đang là '{', '.join(unit_codes)}')."
        )
    unit_code = unit_codes[0] if unit_codes else None
    if unit_code is not None and unit_code not in known_units:
        raise TaggingError(
            f"{source_path}: khóa 'unit' có mã đơn vị '{unit_code}' không có trong kế hoạch nào."
            + _nearest(unit_code, known_units)
        )
    ch = str(channel).strip().lower() if channel not in (None, "") else DEFAULT_CHANNEL
    if not is_code(ch):
        raise TaggingError(
            f"{source_path}: khóa 'channel' có giá trị '{channel}' không hợp lệ: dùng mã không dấu, "
            f"ví dụ {', '.join(CHANNEL_LABELS)}."
        )
    url = str(link).strip() if link not in (None, "") else None
    if url is not None and not WEB_URL_RE.match(url):
        raise TaggingError(
            f"{source_path}: khóa 'link' có giá trị '{url}' không phải địa chỉ web hợp lệ "
            "(phải bắt đầu bằng http:// hoặc https://)."
        )
    if ch != DEFAULT_CHANNEL and url is None:
        raise TaggingError(
            f"{source_path}: bài đăng trên kênh '{ch}' cần khóa 'link' là địa chỉ bài gốc "
            "(ví dụ link: https://…) để làm minh chứng."
        )
    return tuple(dict.fromkeys(codes)), unit_code, ch, url
