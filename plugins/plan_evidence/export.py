"""Machine-readable evidence output (spec §4): ``evidence.json``,
``evidence.csv`` and ``evidence.xlsx`` (the same rows for Excel/LibreOffice,
plus the results per line and per period).

Pure domain code, no Pelican import. The CSV and XLSX are written by the
:mod:`spreadsheet` library, which keeps titles and authors from running as
formulas; ``evidence.json`` keeps the raw text.

CSV columns (one row per item × plan topic; an item with no topic of the plan
gets one row with empty topic columns). The header row carries the Vietnamese
name followed by the stable machine name in brackets, e.g. ``Ngày (date)``;
tools should match on the bracketed name (see :data:`CSV_COLUMNS`).
"""

from __future__ import annotations

import datetime
import json
from pathlib import Path
from typing import Any

from truongweb.plugins.spreadsheet import Sheet, csv_text, xlsx_bytes

from .counting import STATUS_LABELS, EvidenceItem, LineResult, PeriodResult, PlanResult
from .periods import all_periods
from .plans import QUOTA_KEYS
from .views import line_quota_text

__all__ = ["CSV_COLUMNS", "SCHEMA", "XLSX_SHEETS", "csv_header", "index_dict", "to_csv",
           "to_index_json", "to_json", "to_json_dict", "to_xlsx"]

SCHEMA = 1

# (machine name, Vietnamese header)
CSV_COLUMNS = (
    ("plan_id", "Mã kế hoạch"),
    ("topic_code", "Mã chủ đề"),
    ("topic_title", "Chủ đề"),
    ("date", "Ngày"),
    ("title", "Tiêu đề"),
    ("url", "Đường dẫn"),
    ("channel", "Kênh"),
    ("unit", "Mã đơn vị"),
    ("unit_name", "Đơn vị"),
    ("author", "Tác giả"),
    ("link", "Liên kết ngoài"),
)


def csv_header() -> list[str]:
    return [f"{vi} ({key})" for key, vi in CSV_COLUMNS]


def _period(pr: PeriodResult) -> dict[str, Any]:
    p = pr.period
    return {
        "kind": p.kind,
        "label": p.label,
        "start": p.start.isoformat(),
        "end": p.end.isoformat(),
        "count": pr.count,
        "required": pr.required,
        "status": pr.status,
        "slug": p.slug,
    }


def _item(it: EvidenceItem, plan_topics: set[str]) -> dict[str, Any]:
    return {
        "title": it.title,
        "url": it.url,
        "date": it.date.isoformat(),
        "channel": it.channel,
        "unit": it.unit,
        "topics": [t for t in it.topics if t in plan_topics],
        "author": it.author,
        "link": it.link,
    }


def _line(ln: LineResult, plan) -> dict[str, Any]:
    # "quota" is the effective quota (a topic without one needs 1 article);
    # "quota_text" says it in Vietnamese. Both are additions to the contract.
    quota = {k: getattr(ln.quota, k) for k in QUOTA_KEYS if ln.quota and getattr(ln.quota, k) is not None}
    return {
        "count": ln.count,
        "status": ln.status,
        "quota": quota,
        "quota_text": line_quota_text(ln, plan),
        "periods": [_period(p) for p in ln.periods],
    }


def to_json_dict(result: PlanResult, site: dict[str, Any]) -> dict[str, Any]:
    """The ``evidence.json`` document (schema 1) for one plan result.

    ``site`` gives ``name`` and ``url`` (may be empty)."""
    plan = result.plan
    codes = {t.code for t in plan.topics}
    return {
        "schema": SCHEMA,
        "plan": {
            "id": plan.id,
            "title": plan.title,
            "start": plan.start.isoformat(),
            "end": plan.end.isoformat(),
            "number": plan.number,
            "issued": plan.issued.isoformat() if plan.issued else None,
            "issuer": plan.issuer or site.get("name"),
        },
        "as_of": result.as_of.isoformat(),
        "site": {"name": site.get("name", ""), "url": site.get("url", "")},
        "total": _line(result.total, plan),
        "topics": [
            {
                "code": ln.code,
                "title": ln.title,
                "group": ln.group,
                **_line(ln, plan),
                "items": [_item(it, codes) for it in ln.items],
            }
            for ln in result.topics
        ],
        "units": [
            {
                "code": ln.code,
                "name": ln.title,
                **_line(ln, plan),
                "items": [_item(it, codes) for it in ln.items],
            }
            for ln in result.units
        ],
        "deadlines": [{"date": d.date.isoformat(), "what": d.what} for d in plan.deadlines],
        # Additions to the contract: every counted item once, and every period
        # that has a report page (minh-chung/<plan>/bao-cao/<slug>/).
        "items": [_item(it, codes) for it in result.items],
        "report_periods": [
            {"kind": p.kind, "label": p.label, "slug": p.slug,
             "start": p.start.isoformat(), "end": p.end.isoformat()}
            for p in all_periods(plan)
        ],
    }


def index_dict(results: list[PlanResult], site: dict[str, Any],
               as_of: datetime.date) -> dict[str, Any]:
    """``minh-chung/index.json`` (district-rollup spec §1): every plan with
    its status, count and the address of its ``evidence.json`` (absolute when
    ``site["url"]`` is set, else relative to the site root). A site without
    plans publishes an empty list, so a district's roll-up can tell "no plan"
    from "no site"."""
    base = (site.get("url") or "").rstrip("/")
    prefix = f"{base}/" if base else ""
    return {
        "schema": SCHEMA,
        "site": {"name": site.get("name", ""), "url": site.get("url", "")},
        "as_of": as_of.isoformat(),
        "plans": [
            {
                "id": r.plan.id,
                "title": r.plan.title,
                "start": r.plan.start.isoformat(),
                "end": r.plan.end.isoformat(),
                "status": r.total.status,
                "count": r.total.count,
                "evidence": f"{prefix}minh-chung/{r.plan.id}/evidence.json",
                # Addition: the human page for the plan, same rule as evidence.
                "page": f"{prefix}minh-chung/{r.plan.id}/",
            }
            for r in results
        ],
    }


def to_index_json(results: list[PlanResult], site: dict[str, Any], as_of: datetime.date) -> str:
    return json.dumps(index_dict(results, site, as_of), ensure_ascii=False, indent=1) + "\n"


def to_json(result: PlanResult, site: dict[str, Any]) -> str:
    # No indent: the C encoder is several times faster on large plans.
    return json.dumps(to_json_dict(result, site), ensure_ascii=False) + "\n"


def _typed_rows(result: PlanResult) -> list[list[Any]]:
    """One row per item × plan topic, in :data:`CSV_COLUMNS` order; the date
    is a ``datetime.date``."""
    plan = result.plan
    titles = {t.code: t.title for t in plan.topics}
    rows = []
    for it in result.items:
        codes = [c for c in it.topics if c in titles] or [None]
        for code in codes:
            rows.append([
                plan.id,
                code or "",
                titles.get(code, "") if code else "",
                it.date,
                it.title,
                it.url,
                it.channel,
                it.unit or "",
                result.unit_name(it.unit),
                it.author or "",
                it.link or "",
            ])
    return rows


def csv_rows(result: PlanResult) -> list[dict[str, str]]:
    keys = [k for k, _ in CSV_COLUMNS]
    return [
        dict(zip(keys, [v.isoformat() if isinstance(v, datetime.date) else v for v in row]))
        for row in _typed_rows(result)
    ]


def to_csv(result: PlanResult) -> str:
    """CSV text starting with a UTF-8 BOM (write it with ``encoding='utf-8'``)."""
    keys = [k for k, _ in CSV_COLUMNS]
    return csv_text(csv_header(), ([row[k] for k in keys] for row in csv_rows(result)))


# Sheet names of evidence.xlsx, in order.
XLSX_SHEETS = ("Minh chứng", "Kết quả", "Theo kỳ")
LINE_KINDS = {"total": "Toàn kế hoạch", "topic": "Nội dung", "unit": "Đơn vị"}
PERIOD_KINDS = {"total": "Cả kế hoạch", "semester": "Học kỳ", "quarter": "Quý", "month": "Tháng"}


def to_xlsx(result: PlanResult, cache: Path | None = None) -> bytes:
    """``evidence.xlsx``: the CSV's rows (sheet "Minh chứng"), one row per
    line (plan total, topics, units: "Kết quả") and one per line × period
    ("Theo kỳ"). Dates are dates, counts are numbers. ``cache``: see
    :func:`spreadsheet.xlsx_bytes`."""
    plan = result.plan
    lines = result.lines()

    def name(ln: LineResult) -> str:
        return "Toàn kế hoạch (mọi bài)" if ln.kind == "total" else ln.title

    summary = Sheet(
        XLSX_SHEETS[1],
        ["Loại", "Mã", "Nội dung", "Nhóm", "Chỉ tiêu", "Số bài", "Đánh giá"],
        [[LINE_KINDS[ln.kind], ln.code or "", name(ln), ln.group or "",
          line_quota_text(ln, plan), ln.count, STATUS_LABELS.get(ln.status, ln.status)]
         for ln in lines],
    )
    periods = Sheet(
        XLSX_SHEETS[2],
        ["Loại", "Mã", "Nội dung", "Kỳ", "Loại kỳ", "Từ ngày", "Đến ngày", "Số bài", "Chỉ tiêu",
         "Đánh giá"],
        [[LINE_KINDS[ln.kind], ln.code or "", name(ln), pr.period.label,
          PERIOD_KINDS.get(pr.period.kind, pr.period.kind), pr.period.start, pr.period.end,
          pr.count, pr.required, STATUS_LABELS.get(pr.status, pr.status)]
         for ln in lines for pr in ln.periods],
    )
    items = Sheet(XLSX_SHEETS[0], csv_header(), _typed_rows(result), max_width=70)
    stamp = datetime.datetime.combine(result.as_of, datetime.time())
    return xlsx_bytes([items, summary, periods], stamp=stamp, cache=cache)
