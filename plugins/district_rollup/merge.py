"""``tong-hop.json`` and ``tong-hop.csv`` (district-rollup spec §3) from what
the fetcher got for each school, and the previous roll-up.

Pure domain code. Figures are copied from the school's own
``evidence.json`` (never recounted). A school that fails this time keeps the
last good figures of the previous roll-up, marked ``stale`` with the date of
the roll-up that fetched them (``last_ok``).

Additions to the contract per school: ``level``, ``stale``, ``last_ok``,
``status_now`` (the school's status recomputed at the roll-up's date from its
periods: a period that has ended short is ``unmet`` even when the school has
not rebuilt its site since), ``verified.problems`` and ``seconds``. At the
top: ``topics`` (code, title, group: the plan's order), ``deadlines`` and
``summary`` (schools per state, per topic status).
"""

from __future__ import annotations

import datetime
import json
from dataclasses import dataclass, field
from typing import Any

from truongweb.plugins.plan_evidence.counting import STATUS_LABELS
from truongweb.plugins.spreadsheet import csv_text

from .contract import ContractError, problems
from .schools import SchoolList

__all__ = ["STATES", "STATUSES", "CSV_COLUMNS", "Outcome", "RollupError", "behind_order", "merge",
           "plan_topics", "read_previous", "status_now", "to_csv", "to_json"]

SCHEMA = 1
STATES = {
    "ok": "Đã tổng hợp",
    "unreachable": "Không truy cập được",
    "invalid": "Dữ liệu không hợp lệ",
    "no_plan": "Chưa có kế hoạch",
}
# The school sites' own status words: a district reads the same labels.
STATUSES = STATUS_LABELS


class RollupError(ValueError):
    """Bad roll-up input (a broken previous tong-hop.json…); ``str()`` is Vietnamese."""


@dataclass
class Outcome:
    """What the fetcher got for one school."""

    state: str
    reason: str = ""
    evidence_url: str | None = None
    evidence: dict | None = None  # validated evidence.json when state == "ok"
    checked: int = 0
    verified_ok: int = 0
    verify_problems: list[dict] = field(default_factory=list)  # {url, title, reason}
    seconds: float = 0.0


def _period_now(p: dict, as_of: datetime.date) -> str:
    if p["count"] >= p["required"]:
        return "met"
    start, end = datetime.date.fromisoformat(p["start"]), datetime.date.fromisoformat(p["end"])
    if end < as_of:
        return "unmet"
    if start > as_of:
        return "upcoming"
    return "in_progress"


def status_now(line: dict, as_of: datetime.date) -> str:
    """plan-evidence §3's status rule applied at ``as_of`` to the line's
    periods (the counts are the school's, as of its own build)."""
    statuses = [_period_now(p, as_of) for p in line.get("periods") or []]
    if not statuses or all(s == "met" for s in statuses):
        return "met"
    if any(s == "unmet" for s in statuses):
        return "unmet"
    return "in_progress"


def plan_topics(plan, evidences: list[dict]) -> list[dict]:
    """The topic columns: the district's plan when given (a ``Plan``), else
    the topics of the schools' evidence in order of first appearance."""
    if plan is not None:
        return [{"code": t.code, "title": t.title, "group": t.group} for t in plan.topics]
    seen: dict[str, dict] = {}
    for doc in evidences:
        for t in doc.get("topics", []):
            seen.setdefault(t["code"], {"code": t["code"], "title": t.get("title", t["code"]),
                                        "group": t.get("group")})
    return list(seen.values())


def _deadlines(plan, evidences: list[dict]) -> list[dict]:
    if plan is not None:
        return [{"date": d.date.isoformat(), "what": d.what} for d in plan.deadlines]
    for doc in evidences:
        if isinstance(doc.get("deadlines"), list):
            return [d for d in doc["deadlines"] if isinstance(d, dict) and "date" in d and "what" in d]
    return []


def read_previous(text: str | None, file: str, plan: str) -> dict[str, dict]:
    """The previous roll-up's schools by code (same plan only)."""
    if not text:
        return {}
    try:
        doc = json.loads(text)
    except ValueError:
        raise RollupError(
            f"{file}: tệp tổng hợp lần trước hỏng (không phải JSON); hãy xóa hoặc khôi phục tệp này."
        ) from None
    found = problems(doc, "rollup")
    if found:
        raise RollupError(f"{file}: tệp tổng hợp lần trước không hợp lệ ({found[0]}); hãy xóa hoặc khôi phục tệp này.")
    if doc["plan"] != plan:
        return {}
    return {s["code"]: {**s, "_rollup_as_of": doc["as_of"]} for s in doc["schools"]}


def _figures(doc: dict, order: list[str], as_of: datetime.date) -> tuple[dict, list[dict]]:
    total = {"count": doc["total"]["count"], "status": doc["total"]["status"],
             "status_now": status_now(doc["total"], as_of)}
    by_code = {t["code"]: t for t in doc["topics"]}
    codes = [c for c in order if c in by_code] + [c for c in by_code if c not in order]
    topics = [{"code": c, "count": by_code[c]["count"], "status": by_code[c]["status"],
               "status_now": status_now(by_code[c], as_of)} for c in codes]
    return total, topics


def merge(schools: SchoolList, outcomes: dict[str, Outcome], as_of: datetime.date,
          previous: dict[str, dict] | None = None, plan=None) -> dict[str, Any]:
    """The ``tong-hop.json`` document. ``outcomes`` by school code (a school
    with no outcome counts as unreachable); ``plan`` the district's ``Plan``."""
    previous = previous or {}
    evidences = [o.evidence for o in outcomes.values() if o.state == "ok" and o.evidence]
    topics = plan_topics(plan, evidences)
    order = [t["code"] for t in topics]
    rows = []
    for school in schools.schools:
        out = outcomes.get(school.code) or Outcome("unreachable", "Không có kết quả tải về.")
        entry: dict[str, Any] = {
            "code": school.code, "name": school.name, "level": school.level, "site": school.site,
            "state": out.state, "reason": out.reason if out.state != "ok" else "",
            "evidence_url": out.evidence_url, "as_of": None, "total": None, "topics": [],
            "verified": {"checked": out.checked, "ok": out.verified_ok,
                         "problems": out.verify_problems},
            "stale": False, "last_ok": None, "seconds": round(out.seconds, 3),
        }
        if out.state == "ok" and out.evidence:
            entry["as_of"] = out.evidence["as_of"]
            entry["total"], entry["topics"] = _figures(out.evidence, order, as_of)
            entry["last_ok"] = as_of.isoformat()
        else:
            if out.state == "ok":  # never "ok" without figures
                entry["state"], entry["reason"] = "invalid", "Không có số liệu minh chứng."
            old = previous.get(school.code)
            if old and old.get("total") is not None:
                entry.update(as_of=old["as_of"], total=old["total"], topics=old["topics"],
                             stale=True, last_ok=old.get("last_ok") or old["_rollup_as_of"])
                if old.get("evidence_url") and not entry["evidence_url"]:
                    entry["evidence_url"] = old["evidence_url"]
                entry["verified"] = {**old.get("verified", {"checked": 0, "ok": 0}),
                                     "problems": old.get("verified", {}).get("problems", [])}
        rows.append(entry)
    summary = {
        "schools": len(rows),
        "states": {s: sum(1 for r in rows if r["state"] == s) for s in STATES},
        "stale": sum(1 for r in rows if r["stale"]),
        "not_verified": sum(1 for r in rows if r["verified"]["ok"] < r["verified"]["checked"]),
        "topics": {
            t["code"]: {s: sum(1 for r in rows for x in r["topics"]
                               if x["code"] == t["code"] and x["status_now"] == s) for s in STATUSES}
            for t in topics
        },
    }
    return {"schema": SCHEMA, "district": schools.district, "plan": schools.plan,
            "plan_title": (plan.title if plan is not None else
                           next((e["plan"]["title"] for e in evidences), "")),
            "as_of": as_of.isoformat(), "topics": topics, "deadlines": _deadlines(plan, evidences),
            "summary": summary, "schools": rows}


def behind_order(doc: dict) -> list[dict]:
    """Schools with figures, furthest behind first: most topics unmet at the
    roll-up's date, then fewest topics met, then fewest articles; schools
    without figures are not ranked (they are listed among the problems)."""
    ranked = [s for s in doc["schools"] if s["total"] is not None]

    def key(s):
        now = [t["status_now"] for t in s["topics"]]
        return (-now.count("unmet"), now.count("met"), s["total"]["count"], doc["schools"].index(s))

    return sorted(ranked, key=key)


def to_json(doc: dict) -> str:
    found = problems(doc, "rollup")
    if found:  # our own output breaking the contract is a bug, not bad input
        raise ContractError("tong-hop.json: " + "; ".join(found[:3]))
    return json.dumps(doc, ensure_ascii=False, indent=1) + "\n"


CSV_COLUMNS = (
    ("school_code", "Mã trường"), ("school_name", "Tên trường"), ("site", "Trang web"),
    ("state", "Trạng thái"), ("reason", "Lý do"), ("as_of", "Số liệu đến ngày"),
    ("stale", "Số liệu cũ"), ("last_ok", "Lần tổng hợp được"),
    ("topic_code", "Mã nội dung"), ("topic_title", "Nội dung"), ("count", "Số bài"),
    ("status", "Đánh giá của trường"), ("status_now", "Đánh giá đến ngày tổng hợp"),
    ("total_count", "Tổng số bài"), ("total_status", "Đánh giá chung"),
    ("verified_checked", "Số bài kiểm tra"), ("verified_ok", "Số bài khớp"),
)


def csv_rows(doc: dict) -> list[list]:
    titles = {t["code"]: t["title"] for t in doc.get("topics", [])}
    rows = []
    for s in doc["schools"]:
        base = [s["code"], s["name"], s["site"], s["state"], s["reason"], s["as_of"] or "",
                "có" if s["stale"] else "", s["last_ok"] or ""]
        total = s["total"] or {}
        tail = [total.get("count", ""), total.get("status", ""), s["verified"]["checked"], s["verified"]["ok"]]
        for t in s["topics"] or [None]:
            topic = ([t["code"], titles.get(t["code"], t["code"]), t["count"], t["status"], t["status_now"]]
                     if t else ["", "", "", "", ""])
            rows.append(base + topic + tail)
    return rows


def to_csv(doc: dict) -> str:
    """UTF-8 with BOM (Excel), one row per school × topic; formula-safe cells."""
    return csv_text([f"{vi} ({key})" for key, vi in CSV_COLUMNS], csv_rows(doc))
