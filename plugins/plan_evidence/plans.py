"""Plan files (spec §1): load and validate YAML communication plans.

Pure domain code, no Pelican import. Every mistake raises :class:`PlanError`
whose ``str()`` is a Vietnamese message naming the file and the key.
"""

from __future__ import annotations

import datetime
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from truongweb.plugins.content_schema.safe_yaml import load_yaml
from truongweb.plugins.content_schema.values import CODE_RE, as_date
from truongweb.plugins.vietnamese.messages import did_you_mean, display_path, os_error_reason

__all__ = [
    "Deadline",
    "Plan",
    "PlanError",
    "Quota",
    "Semester",
    "Topic",
    "Unit",
    "CODE_RE",
    "QUOTA_KEYS",
    "display_path",
    "load_plan",
    "load_plans",
    "parse_plan",
]

QUOTA_KEYS = ("total", "per_month", "per_quarter", "per_semester")
PLAN_EXTENSIONS = (".yml", ".yaml")


class PlanError(ValueError):
    """A plan file is wrong. ``str()`` is the Vietnamese message for the user."""


@dataclass(frozen=True)
class Quota:
    total: int | None = None
    per_month: int | None = None
    per_quarter: int | None = None
    per_semester: int | None = None

    def is_empty(self) -> bool:
        return all(getattr(self, k) is None for k in QUOTA_KEYS)


@dataclass(frozen=True)
class Topic:
    code: str
    title: str
    group: str | None = None
    quota: Quota | None = None
    quarters: tuple[int, ...] | None = None


@dataclass(frozen=True)
class Unit:
    code: str
    name: str
    quota: Quota | None = None


@dataclass(frozen=True)
class Semester:
    name: str
    start: datetime.date
    end: datetime.date


@dataclass(frozen=True)
class Deadline:
    date: datetime.date
    what: str


@dataclass(frozen=True)
class Plan:
    id: str
    title: str
    start: datetime.date
    end: datetime.date
    topics: tuple[Topic, ...]
    units: tuple[Unit, ...] = ()
    semesters: tuple[Semester, ...] = ()
    quota: Quota | None = None
    deadlines: tuple[Deadline, ...] = ()
    number: str | None = None
    issued: datetime.date | None = None
    issuer: str | None = None
    based_on: tuple[str, ...] = ()
    source_path: str = ""

    def topic(self, code: str) -> Topic | None:
        for t in self.topics:
            if t.code == code:
                return t
        return None

    def unit(self, code: str) -> Unit | None:
        for u in self.units:
            if u.code == code:
                return u
        return None


# --------------------------------------------------------------------------
# Validation helpers


_VALID_TOP = {
    "id": True, "title": True, "start": True, "end": True, "topics": True,
    "number": False, "issued": False, "issuer": False, "based_on": False,
    "semesters": False, "quota": False, "units": False, "deadlines": False,
}
_VALID_TOPIC = {"code": True, "title": True, "group": False, "quota": False, "quarters": False}
_VALID_UNIT = {"code": True, "name": True, "quota": False}
_VALID_SEMESTER = {"name": True, "start": True, "end": True}
_VALID_DEADLINE = {"date": True, "what": True}
_VALID_QUOTA = {k: False for k in QUOTA_KEYS}


class _Checker:
    def __init__(self, file: str):
        self.file = file

    def fail(self, key: str | None, msg: str) -> PlanError:
        if key:
            return PlanError(f"{self.file}: khóa '{key}' {msg}")
        return PlanError(f"{self.file}: {msg}")

    def mapping(self, value: Any, key: str | None, spec: dict[str, bool], what: str) -> dict:
        if not isinstance(value, dict):
            where = f"khóa '{key}'" if key else "nội dung tệp"
            raise PlanError(
                f"{self.file}: {where} phải là một {what} dạng 'khóa: giá trị' "
                f"(đang là {_describe(value)})."
            )
        for k in value:
            if not isinstance(k, str) or k not in spec:
                full = _join(key, str(k))
                hint = did_you_mean(str(k), spec, quote="'")
                valid = ", ".join(spec)
                raise self.fail(
                    full,
                    f"không hợp lệ: không có trong mẫu kế hoạch. Các khóa hợp lệ ở đây: {valid}.{hint}",
                )
        for k, required in spec.items():
            if required and (k not in value or value[k] is None or value[k] == ""):
                raise self.fail(_join(key, k), "bị thiếu (bắt buộc).")
        return value

    def text(self, value: Any, key: str, allow_none: bool = False) -> str | None:
        if value is None and allow_none:
            return None
        if isinstance(value, bool) or not isinstance(value, (str, int, float)):
            raise self.fail(key, f"phải là một dòng chữ (đang là {_describe(value)}).")
        text = str(value).strip()
        if not text:
            if allow_none:
                return None
            raise self.fail(key, "không được để trống.")
        return text

    def unique_code(self, value: Any, key: str, example: str, seen: dict[str, str],
                    what: str) -> str:
        """A code not used before in this file; ``seen`` maps codes to their keys."""
        code = self.code(value, key, example)
        if code in seen:
            raise self.fail(key, f"'{code}' bị trùng: mã {what} này đã dùng ở {seen[code]}.")
        seen[code] = key.rsplit(".", 1)[0]
        return code

    def code(self, value: Any, key: str, example: str) -> str:
        if not isinstance(value, str) or not CODE_RE.match(value):
            raise self.fail(
                key,
                f"có giá trị {_show(value)} không hợp lệ: mã chỉ gồm chữ thường không dấu, "
                f"chữ số và dấu gạch ngang (a-z, 0-9, -), ví dụ '{example}'.",
            )
        return value

    def date(self, value: Any, key: str) -> datetime.date:
        day = as_date(value)
        if day is not None:
            return day
        raise self.fail(
            key,
            f"có giá trị {_show(value)} không phải ngày hợp lệ: viết theo dạng "
            f"NĂM-THÁNG-NGÀY, ví dụ 2024-01-31.",
        )

    def quota(self, value: Any, key: str, has_semesters: bool) -> Quota | None:
        if value is None:
            return None
        self.mapping(value, key, _VALID_QUOTA, "hạn mức")
        out = {}
        for k in QUOTA_KEYS:
            if k not in value or value[k] is None:
                continue
            v = value[k]
            if isinstance(v, bool) or not isinstance(v, int) or v < 0:
                raise self.fail(
                    f"{key}.{k}",
                    f"phải là số nguyên không âm (số bài tối thiểu), đang là {_show(v)}.",
                )
            out[k] = v
        if "per_semester" in out and not has_semesters:
            raise self.fail(
                f"{key}.per_semester",
                "cần danh sách học kỳ 'semesters' nhưng kế hoạch chưa khai báo học kỳ nào. "
                "Thêm 'semesters' (tên, ngày bắt đầu, ngày kết thúc) hoặc bỏ 'per_semester'.",
            )
        return Quota(**out)

    def seq(self, value: Any, key: str, what: str) -> list:
        if not isinstance(value, list):
            raise self.fail(key, f"phải là một danh sách {what} (đang là {_describe(value)}).")
        return value


def _join(parent: str | None, child: str) -> str:
    return f"{parent}.{child}" if parent else child


def _show(value: Any) -> str:
    if isinstance(value, str):
        return f"'{value}'"
    if value is None:
        return "trống"
    return repr(value) if not isinstance(value, (int, float)) else str(value)


def _describe(value: Any) -> str:
    if value is None:
        return "trống"
    if isinstance(value, dict):
        return "một bảng khóa"
    if isinstance(value, list):
        return "một danh sách"
    if isinstance(value, bool):
        return "giá trị đúng/sai"
    if isinstance(value, (int, float)):
        return f"số {value}"
    return f"'{value}'"


# --------------------------------------------------------------------------


def parse_plan(data: Any, file: str) -> Plan:
    """Validate already-parsed YAML ``data`` of the plan file named ``file``."""
    c = _Checker(file)
    if data is None:
        raise PlanError(f"{file}: tệp kế hoạch trống.")
    c.mapping(data, None, _VALID_TOP, "kế hoạch")

    plan_id = c.code(data["id"], "id", "kh-truyen-thong-2024")
    title = c.text(data["title"], "title")
    start = c.date(data["start"], "start")
    end = c.date(data["end"], "end")
    if end < start:
        raise c.fail(
            "end",
            f"({end.isoformat()}) đứng trước ngày bắt đầu 'start' ({start.isoformat()}): "
            "ngày kết thúc phải bằng hoặc sau ngày bắt đầu.",
        )
    number = c.text(data.get("number"), "number", allow_none=True)
    issued = c.date(data["issued"], "issued") if data.get("issued") is not None else None
    issuer = c.text(data.get("issuer"), "issuer", allow_none=True)

    based_on_raw = data.get("based_on")
    if based_on_raw is None:
        based_on: tuple[str, ...] = ()
    elif isinstance(based_on_raw, str):
        based_on = (c.text(based_on_raw, "based_on"),)
    else:
        based_on = tuple(
            c.text(v, f"based_on[{i}]")
            for i, v in enumerate(c.seq(based_on_raw, "based_on", "căn cứ"))
        )

    semesters = []
    if data.get("semesters") is not None:
        names: dict[str, str] = {}
        for i, raw in enumerate(c.seq(data["semesters"], "semesters", "học kỳ")):
            k = f"semesters[{i}]"
            c.mapping(raw, k, _VALID_SEMESTER, "học kỳ")
            name = c.text(raw["name"], f"{k}.name")
            s_start = c.date(raw["start"], f"{k}.start")
            s_end = c.date(raw["end"], f"{k}.end")
            if s_end < s_start:
                raise c.fail(
                    f"{k}.end",
                    f"({s_end.isoformat()}) đứng trước ngày bắt đầu học kỳ ({s_start.isoformat()}).",
                )
            if name in names:
                raise c.fail(f"{k}.name", f"'{name}' bị trùng với {names[name]}.")
            names[name] = k
            semesters.append(Semester(name=name, start=s_start, end=s_end))
    has_sem = bool(semesters)

    quota = c.quota(data.get("quota"), "quota", has_sem)

    topics_raw = c.seq(data["topics"], "topics", "chủ đề")
    if not topics_raw:
        raise c.fail("topics", "phải có ít nhất một chủ đề.")
    topics = []
    seen_codes: dict[str, str] = {}
    for i, raw in enumerate(topics_raw):
        k = f"topics[{i}]"
        c.mapping(raw, k, _VALID_TOPIC, "chủ đề")
        code = c.unique_code(raw["code"], f"{k}.code", "chuong-trinh-gdpt-2018", seen_codes,
                             "chủ đề")
        t_title = c.text(raw["title"], f"{k}.title")
        group = c.text(raw.get("group"), f"{k}.group", allow_none=True)
        t_quota = c.quota(raw.get("quota"), f"{k}.quota", has_sem)
        quarters = None
        if raw.get("quarters") is not None:
            qs = c.seq(raw["quarters"], f"{k}.quarters", "quý (1–4)")
            if not qs:
                raise c.fail(f"{k}.quarters", "không được là danh sách rỗng.")
            for q in qs:
                if isinstance(q, bool) or not isinstance(q, int) or not 1 <= q <= 4:
                    raise c.fail(
                        f"{k}.quarters",
                        f"có quý {_show(q)} không hợp lệ: quý chỉ là số từ 1 đến 4.",
                    )
            if len(set(qs)) != len(qs):
                raise c.fail(f"{k}.quarters", "có quý bị lặp lại.")
            quarters = tuple(sorted(qs))
        topics.append(Topic(code=code, title=t_title, group=group, quota=t_quota, quarters=quarters))

    units = []
    if data.get("units") is not None:
        seen_units: dict[str, str] = {}
        for i, raw in enumerate(c.seq(data["units"], "units", "đơn vị")):
            k = f"units[{i}]"
            c.mapping(raw, k, _VALID_UNIT, "đơn vị")
            code = c.unique_code(raw["code"], f"{k}.code", "to-ngu-van", seen_units, "đơn vị")
            units.append(
                Unit(
                    code=code,
                    name=c.text(raw["name"], f"{k}.name"),
                    quota=c.quota(raw.get("quota"), f"{k}.quota", has_sem),
                )
            )

    deadlines = []
    if data.get("deadlines") is not None:
        for i, raw in enumerate(c.seq(data["deadlines"], "deadlines", "hạn báo cáo")):
            k = f"deadlines[{i}]"
            c.mapping(raw, k, _VALID_DEADLINE, "hạn báo cáo")
            deadlines.append(
                Deadline(date=c.date(raw["date"], f"{k}.date"), what=c.text(raw["what"], f"{k}.what"))
            )
        deadlines.sort(key=lambda d: d.date)

    return Plan(
        id=plan_id,
        title=title,
        start=start,
        end=end,
        topics=tuple(topics),
        units=tuple(units),
        semesters=tuple(semesters),
        quota=quota,
        deadlines=tuple(deadlines),
        number=number,
        issued=issued,
        issuer=issuer,
        based_on=based_on,
        source_path=file,
    )


def load_plan(path: str | os.PathLike) -> Plan:
    """Read and validate one plan file."""
    file = display_path(path)
    try:
        text = Path(path).read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise PlanError(f"{file}: tệp không phải văn bản UTF-8; hãy lưu lại với bảng mã UTF-8.") from None
    except OSError as exc:
        raise PlanError(f"{file}: không đọc được tệp ({os_error_reason(exc)}).") from None
    try:
        # Dates stay text (parsed here, so that a bad date gets this module's
        # message, not PyYAML's ValueError); a key written twice is an error.
        data = load_yaml(text, timestamps=False, unique_keys=True)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = f", dòng {mark.line + 1}, cột {mark.column + 1}" if mark else ""
        problem = exc.problem or ""
        if problem.startswith("duplicate key"):
            detail = f"khóa {problem[len('duplicate key '):]} xuất hiện hai lần"
        else:
            detail = (
                "lỗi cú pháp YAML (kiểm tra thụt lề bằng dấu cách, dấu hai chấm sau mỗi khóa, "
                "dấu ngoặc và dấu nháy đóng mở đủ cặp)"
            )
        raise PlanError(f"{file}{where}: {detail}.") from None
    except yaml.YAMLError:
        raise PlanError(f"{file}: lỗi cú pháp YAML.") from None
    return parse_plan(data, file)


def load_plans(plans_dir: str | os.PathLike) -> list[Plan]:
    """Load every ``*.yml``/``*.yaml`` file of ``plans_dir`` (sorted by name).

    A missing folder gives ``[]``. Plan ids must be unique across files.
    """
    folder = Path(plans_dir)
    if not folder.is_dir():
        return []
    files = sorted(
        p for p in folder.iterdir() if p.is_file() and p.suffix.lower() in PLAN_EXTENSIONS
    )
    plans: list[Plan] = []
    by_id: dict[str, Plan] = {}
    for f in files:
        plan = load_plan(f)
        if plan.id in by_id:
            raise PlanError(
                f"{plan.source_path}: khóa 'id' có giá trị '{plan.id}' bị trùng: "
                f"mã kế hoạch này đã dùng trong {by_id[plan.id].source_path}. "
                "Mỗi kế hoạch cần một mã riêng."
            )
        by_id[plan.id] = plan
        plans.append(plan)
    return plans
