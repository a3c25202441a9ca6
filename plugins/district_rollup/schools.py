"""The district's list of schools (district-rollup spec §2): ``truong.yml``
or a CSV with the columns ``code,name,level,site`` (UTF-8, BOM or not).

Pure domain code. Every mistake raises :class:`SchoolListError` whose
``str()`` is a Vietnamese message naming the file and the row.

YAML keys: ``district``, ``plan`` (required), ``schools`` (a list, or the
name of a CSV file next to the YAML file), and the addition ``plan_file``
(the district's plan file, relative to the list: gives the topic order, titles
and deadlines) and ``report`` (who issues and signs the district's báo cáo
tổng hợp: ``parent``, ``place``, ``number``, ``symbol``, ``signer_title``,
``signer_name``, ``recipients``; see :mod:`.report`). A bare CSV needs the plan id from the caller.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING
from pathlib import Path
from urllib.parse import urlsplit

import yaml

from truongweb.plugins.content_schema.safe_yaml import load_yaml, loaders
from truongweb.plugins.content_schema.values import CODE_RE
from truongweb.plugins.spreadsheet import CsvReadError, excel_csv_rows
from truongweb.plugins.vietnamese.messages import display_path, os_error_reason

if TYPE_CHECKING:
    from .report import Office

__all__ = ["MAX_BYTES", "School", "SchoolList", "SchoolListError", "check_school_row", "csv_rows", "read_list",
           "load_school_list", "parse_csv", "parse_yaml"]

MAX_BYTES = 5_000_000  # some 30,000 schools; a district has dozens
COLUMNS = ("code", "name", "level", "site")
_TOP_KEYS = {"district", "plan", "schools", "plan_file", "report"}


class SchoolListError(ValueError):
    """The schools list is wrong; ``str()`` is the Vietnamese message."""


@dataclass(frozen=True)
class School:
    code: str
    name: str
    level: str
    site: str  # normalised: ends with "/"
    where: str = ""  # "dòng 3" / "schools[2]", for messages


@dataclass(frozen=True)
class SchoolList:
    district: str
    plan: str
    schools: tuple[School, ...]
    source: str = ""
    plan_file: Path | None = None
    office: Office | None = None  # the report's issuer and signer (key ``report``)


def _site(value, file: str, where: str) -> str:
    text = str(value or "").strip()
    parts = urlsplit(text)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise SchoolListError(
            f"{file}, {where}: cột 'site' có giá trị '{text}' không phải địa chỉ trang web; "
            "viết đầy đủ, ví dụ https://thcsthitran.edu.vn/ (chỉ http hoặc https)."
        )
    if parts.query or parts.fragment or parts.username or parts.password:
        raise SchoolListError(
            f"{file}, {where}: cột 'site' có giá trị '{text}': chỉ ghi địa chỉ trang chủ, "
            "không kèm '?', '#' hay tên đăng nhập."
        )
    return text if text.endswith("/") else text + "/"


def _school(row: dict, file: str, where: str, seen: dict[str, str]) -> School:
    code = str(row.get("code") or "").strip()
    if not CODE_RE.match(code):
        shown = f"'{code}'" if code else "trống"
        raise SchoolListError(
            f"{file}, {where}: cột 'code' {shown} không hợp lệ; chỉ dùng chữ thường không dấu, "
            "số và dấu gạch nối, ví dụ thcs-thi-tran."
        )
    if code in seen:
        raise SchoolListError(f"{file}, {where}: mã trường '{code}' bị trùng với {seen[code]}.")
    seen[code] = where
    name = str(row.get("name") or "").strip()
    if not name:
        raise SchoolListError(f"{file}, {where}: thiếu tên trường (cột 'name').")
    level = str(row.get("level") or "").strip()
    if level and not CODE_RE.match(level):
        raise SchoolListError(
            f"{file}, {where}: cột 'level' có giá trị '{level}' không hợp lệ (ví dụ thcs, tieu-hoc, mam-non)."
        )
    return School(code=code, name=name, level=level, site=_site(row.get("site"), file, where), where=where)


def _text(data: bytes, file: str) -> str:
    if len(data) > MAX_BYTES:
        raise SchoolListError(f"{file}: tệp quá lớn (tối đa {MAX_BYTES // 1_000_000} MB).")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise SchoolListError(
            f"{file}, dòng {line}: tệp không phải văn bản UTF-8; trong Excel hãy chọn "
            "Lưu thành › CSV UTF-8 (Comma delimited)."
        ) from None


def csv_rows(data: bytes, file: str, required=("code", "name", "site")) -> list[tuple[int, dict]]:
    """The rows of a schools CSV as (line number, {column: cell}), header
    checked, blank lines skipped; ``truongweb init-many`` reads its extra
    identity columns through this too."""
    text = _text(data, file)
    try:
        rows = excel_csv_rows(text)
    except CsvReadError as exc:
        raise SchoolListError(f"{file}, dòng {exc.line}: lỗi định dạng CSV ({exc}).") from None
    if not rows:
        raise SchoolListError(f"{file}: tệp trống; dòng đầu phải là tiêu đề cột code,name,level,site.")
    header = [h.strip().lower() for h in rows[0]]
    missing = [c for c in required if c not in header]
    if missing:
        raise SchoolListError(
            f"{file}, dòng 1: thiếu cột {', '.join(missing)}; dòng tiêu đề phải là code,name,level,site."
        )
    out = []
    for number, row in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue
        if len(row) > len(header):
            raise SchoolListError(
                f"{file}, dòng {number}: có {len(row)} ô, nhiều hơn {len(header)} cột của dòng tiêu đề "
                "(tên có dấu phẩy thì đặt trong dấu nháy kép)."
            )
        out.append((number, dict(zip(header, row))))
    return out


def check_school_row(row: dict, file: str, where: str, seen: dict[str, str]) -> School:
    """One row's code, name, level and site, checked (``seen``: codes so far)."""
    return _school(row, file, where, seen)


def parse_csv(data: bytes, file: str) -> list[School]:
    seen: dict[str, str] = {}
    schools = [_school(row, file, f"dòng {number}", seen) for number, row in csv_rows(data, file)]
    if not schools:
        raise SchoolListError(f"{file}: danh sách không có trường nào.")
    return schools


def _yaml(text: str, file: str):
    # The district writes this file itself, but an alias bomb would still
    # hang the roll-up: refuse aliases outright (a list needs none).
    try:
        for event in yaml.parse(text, Loader=loaders()[0]):
            if isinstance(event, yaml.AliasEvent):
                raise SchoolListError(f"{file}: không dùng tham chiếu YAML (*) trong danh sách trường.")
        return load_yaml(text)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = f", dòng {mark.line + 1}" if mark else ""
        raise SchoolListError(
            f"{file}{where}: lỗi cú pháp YAML (kiểm tra thụt lề, dấu hai chấm, dấu ngoặc)."
        ) from None
    except yaml.YAMLError:
        raise SchoolListError(f"{file}: lỗi cú pháp YAML.") from None


def parse_yaml(data: bytes, file: str, folder: Path | None = None) -> SchoolList:
    doc = _yaml(_text(data, file), file)
    if not isinstance(doc, dict):
        raise SchoolListError(f"{file}: nội dung phải có các khóa district, plan, schools.")
    unknown = sorted(set(map(str, doc)) - _TOP_KEYS)
    if unknown:
        raise SchoolListError(
            f"{file}: khóa '{unknown[0]}' không được hỗ trợ; chỉ dùng district, plan, schools, plan_file, report."
        )
    district = str(doc.get("district") or "").strip()
    if not district:
        raise SchoolListError(f"{file}: thiếu khóa 'district' (tên Phòng GD&ĐT).")
    plan = str(doc.get("plan") or "").strip()
    if not CODE_RE.match(plan):
        raise SchoolListError(
            f"{file}: khóa 'plan' phải là mã kế hoạch các trường báo cáo, ví dụ kh-truyen-thong-2024."
        )
    raw = doc.get("schools")
    folder = folder or Path(".")
    if isinstance(raw, str):
        csv_path = folder / raw
        try:
            schools = parse_csv(csv_path.read_bytes(), display_path(csv_path))
        except OSError as exc:
            raise SchoolListError(f"{file}: khóa 'schools': không đọc được tệp {raw} ({os_error_reason(exc)}).") from None
    elif isinstance(raw, list) and raw:
        seen: dict[str, str] = {}
        schools = []
        for i, row in enumerate(raw):
            where = f"schools[{i}]"
            if not isinstance(row, dict):
                raise SchoolListError(f"{file}, {where}: mỗi trường là một mục code, name, level, site.")
            extra = sorted(set(map(str, row)) - set(COLUMNS))
            if extra:
                raise SchoolListError(
                    f"{file}, {where}: khóa '{extra[0]}' không được hỗ trợ; chỉ dùng code, name, level, site."
                )
            schools.append(_school(row, file, where, seen))
    else:
        raise SchoolListError(f"{file}: khóa 'schools' phải là danh sách trường (hoặc tên tệp CSV).")
    plan_file = doc.get("plan_file")
    from .report import OfficeError, office_from_mapping

    try:
        office = office_from_mapping(district, doc.get("report"), file)
    except OfficeError as exc:
        raise SchoolListError(str(exc)) from None
    return SchoolList(district=district, plan=plan, schools=tuple(schools), source=file,
                      plan_file=(folder / str(plan_file)) if plan_file else None, office=office)


def read_list(path: Path, file: str) -> bytes:
    """The bytes of a schools list; unreadable: SchoolListError naming ``file``."""
    try:
        return Path(path).read_bytes()
    except OSError as exc:
        raise SchoolListError(f"{file}: không đọc được tệp ({os_error_reason(exc)}).") from None


def load_school_list(path, plan: str | None = None, district: str | None = None) -> SchoolList:
    """Read ``truong.yml``/``.yaml`` or ``.csv``. ``plan``/``district``
    override the file's (a CSV carries neither: ``plan`` is then required)."""
    path = Path(path)
    file = display_path(path)
    data = read_list(path, file)
    if path.suffix.lower() == ".csv":
        if not plan or not CODE_RE.match(plan):
            raise SchoolListError(
                f"{file}: tệp CSV không ghi mã kế hoạch; hãy thêm --plan MÃ-KẾ-HOẠCH "
                "hoặc dùng tệp truong.yml."
            )
        return SchoolList(district=district or "", plan=plan, schools=tuple(parse_csv(data, file)),
                          source=file)
    result = parse_yaml(data, file, path.parent)
    if plan or district:
        result = SchoolList(district=district or result.district, plan=plan or result.plan,
                            schools=result.schools, source=file, plan_file=result.plan_file,
                            office=replace(result.office, name=district) if district and result.office
                            else result.office)
    return result
