"""Machine-readable evidence output (spec §4): ``evidence.json`` and ``evidence.csv``.

Pure domain code, no Pelican import.

CSV columns (one row per item × plan topic; an item with no topic of the plan
gets one row with empty topic columns). The header row carries the Vietnamese
name followed by the stable machine name in brackets, e.g. ``Ngày (date)``;
tools should match on the bracketed name (see :data:`CSV_COLUMNS`).
"""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from .counting import EvidenceItem, LineResult, PeriodResult, PlanResult
from .periods import all_periods
from .plans import QUOTA_KEYS
from .views import line_quota_text

__all__ = ["CSV_COLUMNS", "SCHEMA", "to_csv", "to_json", "to_json_dict", "csv_header"]

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


def to_json(result: PlanResult, site: dict[str, Any]) -> str:
    # No indent: the C encoder is several times faster on large plans.
    return json.dumps(to_json_dict(result, site), ensure_ascii=False) + "\n"


def csv_rows(result: PlanResult) -> list[dict[str, str]]:
    plan = result.plan
    titles = {t.code: t.title for t in plan.topics}
    unit_names = {u.code: u.name for u in plan.units}
    rows = []
    for it in result.items:
        codes = [c for c in it.topics if c in titles] or [None]
        for code in codes:
            rows.append(
                {
                    "plan_id": plan.id,
                    "topic_code": code or "",
                    "topic_title": titles.get(code, "") if code else "",
                    "date": it.date.isoformat(),
                    "title": it.title,
                    "url": it.url,
                    "channel": it.channel,
                    "unit": it.unit or "",
                    "unit_name": unit_names.get(it.unit, "") if it.unit else "",
                    "author": it.author or "",
                    "link": it.link or "",
                }
            )
    return rows


def to_csv(result: PlanResult) -> str:
    """CSV text starting with a UTF-8 BOM (write it with ``encoding='utf-8'``)."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(csv_header())
    keys = [k for k, _ in CSV_COLUMNS]
    for row in csv_rows(result):
        w.writerow([row[k] for k in keys])
    return "\ufeff" + buf.getvalue()
