"""The district's báo cáo tổng hợp (Nghị định 30/2020 layout) from a
``tong-hop.json`` document: who issues and signs it (:class:`Office`) and the
figures it shows (:func:`report_view`), every one taken from the document.

Pure domain code (no Pelican); the page itself is ``templates/bao-cao.html``
built from the theme's ``components/official_document.html`` macros, the
same ones the school's report uses.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from truongweb.plugins.plan_evidence.views import format_date, official_date

from .merge import STATES, behind_order

__all__ = ["DEFAULT_SIGNER", "DEFAULT_SYMBOL", "Office", "OfficeError", "ReportView", "SchoolRow", "TopicRow",
           "office_from_mapping", "office_from_school_settings", "report_view"]

DEFAULT_SYMBOL = "BC-PGDĐT"
DEFAULT_SIGNER = "Trưởng phòng"
OFFICE_KEYS = {"parent", "place", "number", "symbol", "signer_title", "signer_name", "recipients"}


class OfficeError(ValueError):
    """Bad ``report`` settings; ``str()`` is Vietnamese."""


@dataclass(frozen=True)
class Office:
    """The issuing body and signer of the district's report."""

    name: str  # the Phòng GD&ĐT (cơ quan ban hành)
    parent: str = ""  # cơ quan chủ quản, e.g. "Ủy ban nhân dân huyện Lạc Thủy"
    place: str = ""  # địa danh of the date line
    number: str = ""  # full số/ký hiệu once registered; else "……/" + symbol
    symbol: str = DEFAULT_SYMBOL
    signer_title: str = DEFAULT_SIGNER
    signer_name: str = ""
    recipients: tuple[str, ...] = field(default_factory=tuple)

    @property
    def number_text(self) -> str:
        return self.number or f"……/{self.symbol}"

    def recipient_lines(self) -> list[str]:
        if self.recipients:
            return list(self.recipients)
        lines = ["Sở Giáo dục và Đào tạo (để báo cáo)"]
        if self.parent:
            lines.append(f"{self.parent} (để báo cáo)")
        return lines + ["Các trường trong danh sách (để biết)", "Lưu: VT"]


def office_from_mapping(name: str, data, where: str) -> Office:
    """The ``report`` key of ``truong.yml`` (``where`` names it in messages)."""
    if data is None:
        return Office(name=name)
    if not isinstance(data, dict):
        raise OfficeError(f"{where}: khóa 'report' phải gồm các mục {', '.join(sorted(OFFICE_KEYS))}.")
    unknown = sorted(set(map(str, data)) - OFFICE_KEYS)
    if unknown:
        raise OfficeError(f"{where}: khóa 'report.{unknown[0]}' không được hỗ trợ; chỉ dùng "
                          f"{', '.join(sorted(OFFICE_KEYS))}.")
    recipients = data.get("recipients") or ()
    if isinstance(recipients, str) or not all(isinstance(r, str) and r.strip() for r in recipients):
        raise OfficeError(f"{where}: khóa 'report.recipients' phải là danh sách nơi nhận, mỗi dòng một nơi.")
    texts = {}
    for key in OFFICE_KEYS - {"recipients"}:
        value = data.get(key)
        if value is not None and not isinstance(value, (str, int)):
            raise OfficeError(f"{where}: khóa 'report.{key}' phải là một dòng chữ.")
        texts[key] = str(value).strip() if value is not None else ""
    return Office(name=name, parent=texts["parent"], place=texts["place"], number=texts["number"],
                  symbol=texts["symbol"] or DEFAULT_SYMBOL, signer_title=texts["signer_title"] or DEFAULT_SIGNER,
                  signer_name=texts["signer_name"], recipients=tuple(r.strip() for r in recipients))


def office_from_school_settings(school: dict, fallback_name: str, number: str = "", recipients=None) -> Office:
    """A district's own site: its ``SCHOOL`` block (the same keys the school
    report reads) and ``REPORT_NUMBER``/``REPORT_RECIPIENTS``."""
    return Office(name=school.get("name") or fallback_name, parent=school.get("parent") or "",
                  place=school.get("place") or "", number=number or "",
                  symbol=school.get("report_symbol") or DEFAULT_SYMBOL,
                  signer_title=school.get("signer_title") or DEFAULT_SIGNER,
                  signer_name=school.get("signer_name") or "", recipients=tuple(recipients or ()))


@dataclass
class SchoolRow:
    school: dict
    count: int | None  # None: no figures at all
    topics_met: int
    topics: int
    status: str | None  # the plan-wide status at the roll-up's date
    notes: list[str]


@dataclass
class TopicRow:
    code: str
    title: str
    count: int  # articles of every school with figures
    schools: dict[str, int]  # status_now -> schools


@dataclass
class ReportView:
    doc: dict
    office: Office
    as_of: datetime.date
    schools: list[SchoolRow]
    topics: list[TopicRow]
    behind: list[tuple[dict, list[str]]]  # (school, titles of the topics unmet), furthest behind first
    problems: list[tuple[dict, str]]  # (school, why in Vietnamese)

    @property
    def date_line(self) -> str:
        return official_date(self.as_of)

    @property
    def plan_name(self) -> str:
        return self.doc.get("plan_title") or self.doc["plan"]

    @property
    def plan_phrase(self) -> str:
        """The plan's title inside a sentence ("kế hoạch truyền thông ...")."""
        name = self.plan_name
        return name[0].lower() + name[1:] if name.startswith("Kế hoạch") else name

    @property
    def total_articles(self) -> int:
        return sum(r.count for r in self.schools if r.count is not None)

    def summary(self) -> str:
        """Section I of the report, in Vietnamese."""
        s = self.doc["summary"]
        states = s["states"]
        text = (f"Tính đến ngày {format_date(self.as_of)}, danh sách có {s['schools']} trường; "
                f"tổng hợp được số liệu của {states['ok']} trường")
        failed = [f"{STATES[k].lower()}: {n}" for k, n in states.items() if k != "ok" and n]
        if failed:
            text += " (" + "; ".join(failed) + ")"
        with_figures = [r for r in self.schools if r.count is not None]
        text += f". {len(with_figures)} trường có số liệu đã đăng tổng cộng {self.total_articles} tin, bài"
        if s["stale"]:
            text += f", trong đó {s['stale']} trường dùng số liệu của lần tổng hợp trước"
        text += "."
        by_status = {k: sum(1 for r in with_figures if r.status == k) for k in ("met", "unmet", "in_progress")}
        text += (f" Đánh giá chung đến ngày tổng hợp: {by_status['met']} trường đạt, "
                 f"{by_status['unmet']} trường chưa đạt, {by_status['in_progress']} trường đang thực hiện.")
        if s["not_verified"]:
            text += (f" {s['not_verified']} trường có minh chứng không khớp với trang web của trường "
                     "(không tính là minh chứng hợp lệ cho đến khi trường sửa).")
        return text


def _notes(s: dict) -> list[str]:
    notes = []
    if s["state"] != "ok":
        notes.append(STATES[s["state"]])
    if s["stale"]:
        notes.append(f"số liệu ngày {format_date(datetime.date.fromisoformat(s['last_ok']))}")
    v = s["verified"]
    if v["ok"] < v["checked"]:
        notes.append(f"minh chứng khớp {v['ok']}/{v['checked']}")
    return notes


def report_view(doc: dict, office: Office) -> ReportView:
    titles = {t["code"]: t["title"] for t in doc.get("topics", [])}
    schools = []
    for s in doc["schools"]:
        total = s["total"]
        schools.append(SchoolRow(
            school=s, count=total["count"] if total else None,
            topics_met=sum(1 for t in s["topics"] if t["status_now"] == "met"), topics=len(s["topics"]),
            status=total["status_now"] if total else None, notes=_notes(s)))
    topics = []
    for t in doc.get("topics", []):
        count = sum(x["count"] for s in doc["schools"] for x in s["topics"] if x["code"] == t["code"])
        topics.append(TopicRow(t["code"], t["title"], count, dict(doc["summary"]["topics"].get(t["code"], {}))))
    behind = []
    for s in behind_order(doc):
        unmet = [titles.get(t["code"], t["code"]) for t in s["topics"] if t["status_now"] == "unmet"]
        if unmet:
            behind.append((s, unmet))
    problems = []
    for s in doc["schools"]:
        why = []
        if s["state"] != "ok":
            why.append(s["reason"] or STATES[s["state"]])
        v = s["verified"]
        if v["ok"] < v["checked"]:
            why.append(f"{v['checked'] - v['ok']}/{v['checked']} bài minh chứng được kiểm tra không có "
                       "trên trang web của trường")
        if why:
            problems.append((s, "; ".join(w.rstrip(".") for w in why) + "."))
    return ReportView(doc=doc, office=office, as_of=datetime.date.fromisoformat(doc["as_of"]), schools=schools,
                      topics=topics, behind=behind, problems=problems)
