"""Presentation helpers for the evidence pages and the terminal report:
quota wording, period grids, per-period report rows and the inline SVG chart.

Pure domain code, no Pelican import.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

# The same date formats as the templates' vn_date and official_date filters.
from truongweb.plugins.vietnamese.dates import format_date, official_date

from .counting import (
    CHANNEL_LABELS,
    DEFAULT_CHANNEL,
    STATUS_ICONS,
    STATUS_LABELS,
    EvidenceItem,
    LineResult,
    PeriodResult,
    PlanResult,
    items_in,
)
from .periods import Period, all_periods, months, quarters, roman, semesters
from .plans import Plan, Quota

__all__ = [
    "GRID_KINDS",
    "ReportRow",
    "ReportView",
    "channel_label",
    "chart_svg",
    "format_date",
    "grids",
    "line_quota_text",
    "month_chart_rows",
    "official_date",
    "quota_text",
    "report_groups",
    "report_view",
    "status_icon",
    "status_label",
    "topic_titles",
    "unit_names",
]

GRID_KINDS = (("semester", "Theo học kỳ"), ("quarter", "Theo quý"), ("month", "Theo tháng"))


def status_label(status: str) -> str:
    return STATUS_LABELS.get(status, status)


def status_icon(status: str) -> str:
    return STATUS_ICONS.get(status, "")


def channel_label(channel: str) -> str:
    return CHANNEL_LABELS.get(channel, channel)


def topic_titles(plan: Plan) -> dict[str, str]:
    return {t.code: t.title for t in plan.topics}


def unit_names(plan: Plan) -> dict[str, str]:
    return {u.code: u.name for u in plan.units}


def quota_text(quota: Quota | None, quarters_: tuple[int, ...] | None = None, default_one=False) -> str:
    """Vietnamese wording of a quota: ``1 bài/quý (Quý I, II, III); 8 bài cả kế hoạch``."""
    if quota is None or quota.is_empty():
        return "Ít nhất 1 bài trong kế hoạch" if default_one else "Không đặt chỉ tiêu"
    parts = []
    if quota.total is not None:
        parts.append(f"{quota.total} bài cả kế hoạch")
    if quota.per_semester is not None:
        parts.append(f"{quota.per_semester} bài/học kỳ")
    if quota.per_quarter is not None:
        q = f"{quota.per_quarter} bài/quý"
        if quarters_:
            q += " (Quý " + ", ".join(roman(n) for n in quarters_) + ")"
        parts.append(q)
    if quota.per_month is not None:
        parts.append(f"{quota.per_month} bài/tháng")
    return "; ".join(parts)


def line_quota_text(line: LineResult, plan: Plan) -> str:
    if line.kind == "topic":
        t = plan.topic(line.code)
        return quota_text(t.quota, t.quarters, default_one=True)
    return quota_text(line.quota)


@dataclass
class Grid:
    kind: str
    heading: str
    periods: list[Period]
    rows: list[tuple[LineResult, list[PeriodResult | None]]]


def grids(result: PlanResult) -> list[Grid]:
    """Topic × period tables, one per period kind that some line has a quota for."""
    plan = result.plan
    all_by_kind = {"semester": semesters(plan), "quarter": quarters(plan), "month": months(plan)}
    out = []
    for kind, heading in GRID_KINDS:
        rows = []
        for ln in result.lines():
            if any(pr.period.kind == kind for pr in ln.periods):
                rows.append((ln, [ln.cell(p) for p in all_by_kind[kind]]))
        if rows:
            out.append(Grid(kind, heading, all_by_kind[kind], rows))
    return out


@dataclass
class ReportRow:
    line: LineResult
    count: int  # items of the line inside the period
    cell: PeriodResult | None  # the line's result for exactly this period, if it has a quota for it
    status: str | None  # cell status, or None (no quota for this period)


@dataclass
class ReportView:
    result: PlanResult
    period: Period
    items: list[EvidenceItem]
    total: ReportRow
    topics: list[ReportRow]
    units: list[ReportRow]

    @property
    def website_count(self) -> int:
        return sum(1 for it in self.items if it.channel == DEFAULT_CHANNEL)

    @property
    def other_count(self) -> int:
        return len(self.items) - self.website_count

    def topic_status_counts(self) -> dict[str, int]:
        out = {k: 0 for k in STATUS_LABELS}
        for r in self.topics:
            if r.status:
                out[r.status] += 1
        return out

    @property
    def covered_topics(self) -> int:
        return sum(1 for r in self.topics if r.count > 0)

    def summary(self, school: str) -> str:
        """The summary paragraph of the official report (Vietnamese)."""
        p = self.period
        st = self.topic_status_counts()
        with_quota = sum(st.values())
        text = (
            f"Trong kỳ báo cáo ({p.label if p.kind != 'total' else 'cả kế hoạch'}, "
            f"từ ngày {format_date(p.start)} đến ngày {format_date(p.end)}), {school} đã đăng "
            f"{len(self.items)} tin, bài"
        )
        if self.items:
            text += (
                f" ({self.website_count} trên trang thông tin điện tử, "
                f"{self.other_count} trên các kênh khác)"
            )
        text += (
            f", đề cập {self.covered_topics}/{len(self.topics)} nội dung trọng tâm của kế hoạch."
        )
        if with_quota:
            text += (
                f" Trong {with_quota} nội dung có chỉ tiêu trong kỳ: {st['met']} đạt, "
                f"{st['unmet']} chưa đạt, {st['in_progress']} đang thực hiện"
            )
            if st["upcoming"]:
                text += f", {st['upcoming']} chưa đến kỳ"
            text += "."
        if self.total.cell is not None and self.total.cell.required:
            text += (
                f" Chỉ tiêu chung của kế hoạch trong kỳ: {self.total.cell.required} bài; "
                f"kết quả: {self.total.count} bài ({status_label(self.total.cell.status).lower()})."
            )
        text += f" Số liệu tính đến ngày {format_date(self.result.as_of)}."
        return text


def report_view(result: PlanResult, period: Period) -> ReportView:
    def row(ln: LineResult) -> ReportRow:
        cell = ln.cell(period)
        return ReportRow(ln, len(items_in(ln.items, period)), cell, cell.status if cell else None)

    return ReportView(
        result=result,
        period=period,
        items=items_in(result.items, period),
        total=row(result.total),
        topics=[row(t) for t in result.topics],
        units=[row(u) for u in result.units],
    )


def report_periods(plan: Plan) -> list[Period]:
    return all_periods(plan)


REPORT_GROUPS = (("total", "Cả kế hoạch"), ("semester", "Theo học kỳ"), ("quarter", "Theo quý"),
                 ("month", "Theo tháng"))


def report_groups(result: PlanResult) -> list[tuple[str, str, list[tuple[Period, int]]]]:
    """The report pages of a plan by kind: (kind, heading, [(period, items
    counted in it)]), kinds without periods left out."""
    periods = all_periods(result.plan)
    out = []
    for kind, heading in REPORT_GROUPS:
        rows = [(p, len(items_in(result.items, p))) for p in periods if p.kind == kind]
        if rows:
            out.append((kind, heading, rows))
    return out


# --------------------------------------------------------------------------
# Chart: articles per month against the plan-wide monthly quota


def month_chart_rows(result: PlanResult) -> list[tuple[Period, int, int | None]]:
    """(month, articles counted, plan-wide monthly quota or None)."""
    counts: dict[tuple[int, int], int] = {}
    for it in result.items:
        k = (it.date.year, it.date.month)
        counts[k] = counts.get(k, 0) + 1
    per_month = result.plan.quota.per_month if result.plan.quota else None
    return [
        (p, counts.get((p.start.year, p.start.month), 0), per_month) for p in months(result.plan)
    ]


def chart_svg(result: PlanResult, title_id: str = "bieu-do-tieu-de", desc_id: str = "bieu-do-mo-ta") -> str:
    """Inline SVG bar chart (no JavaScript). Bars are labelled with their
    numbers, the quota is a dashed line with a text label, and the chart is
    described for screen readers; the page also gives the same data as a table."""
    rows = month_chart_rows(result)
    n = len(rows)
    quota = rows[0][2] if rows else None
    top = max([c for _, c, _ in rows] + [quota or 0, 1])
    bar_w, gap, left, right, h_plot, top_pad, bottom = 28, 10, 36, 12, 160, 20, 44
    width = left + n * (bar_w + gap) + right
    height = top_pad + h_plot + bottom

    def y(v: float) -> float:
        return top_pad + h_plot - (v / top) * h_plot

    parts = [
        f'<svg class="ev-chart" role="img" aria-labelledby="{title_id} {desc_id}" '
        f'viewBox="0 0 {width} {height}" width="{width}" height="{height}" '
        'xmlns="http://www.w3.org/2000/svg" focusable="false">',
        f'<title id="{title_id}">Số bài theo tháng của {escape(result.plan.title)}</title>',
        f'<desc id="{desc_id}">'
        + escape(
            "; ".join(f"{p.label}: {c} bài" for p, c, _ in rows)
            + (f". Chỉ tiêu chung: {quota} bài mỗi tháng." if quota is not None else ".")
        )
        + "</desc>",
        f'<line x1="{left}" y1="{y(0):.1f}" x2="{width - right}" y2="{y(0):.1f}" class="ev-chart-axis"/>',
    ]
    for i, (p, c, q) in enumerate(rows):
        x = left + i * (bar_w + gap) + gap / 2
        status = "met" if q is None or c >= q else ("unmet" if p.end < result.as_of else "open")
        parts.append(
            f'<rect class="ev-bar ev-bar-{status}" x="{x:.1f}" y="{y(c):.1f}" width="{bar_w}" '
            f'height="{max(y(0) - y(c), 0):.1f}"/>'
        )
        parts.append(
            f'<text class="ev-chart-value" x="{x + bar_w / 2:.1f}" y="{y(c) - 4:.1f}" '
            f'text-anchor="middle">{c}</text>'
        )
        parts.append(
            f'<text class="ev-chart-label" x="{x + bar_w / 2:.1f}" y="{y(0) + 16:.1f}" '
            f'text-anchor="middle">{p.start.month}</text>'
        )
        if p.start.month == 1 or i == 0:
            parts.append(
                f'<text class="ev-chart-label" x="{x + bar_w / 2:.1f}" y="{y(0) + 32:.1f}" '
                f'text-anchor="middle">{p.start.year}</text>'
            )
    if quota is not None:
        parts.append(
            f'<line class="ev-chart-quota" x1="{left}" y1="{y(quota):.1f}" x2="{width - right}" '
            f'y2="{y(quota):.1f}"/>'
        )
        parts.append(
            f'<text class="ev-chart-quota-label" x="{left - 4}" y="{y(quota) + 4:.1f}" '
            f'text-anchor="end">{quota}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)
