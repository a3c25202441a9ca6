"""What a new school's site is made of (no Pelican import).

``truongweb init`` and ``init-many`` call :func:`create_site`: settings files,
the publishing workflow, a README, and for every section the rules require a
valid starter file from :mod:`truongweb.site_template`. Starter files carry
``[Cần điền: …]`` where only the school knows the answer; the compliance
rules (``no_placeholders``) list each one as a to-do until it is replaced.

Which sections a site gets is data (:data:`SECTION_FILES`, chosen by
:func:`sections_for`), so a level's own sections are one table away. Nothing
of the product's code is copied: the site pins the package instead.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import unicodedata
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

import yaml

from truongweb import __version__
from truongweb.plugins.content_schema import levels as unit_levels
from truongweb.plugins.content_schema.values import EMAIL_RE, PHONE_RE

# The text that marks what the school still has to fill in (rules.yml: no_placeholders).
PLACEHOLDER = "[Cần điền:"

# Level code -> Vietnamese name (the level table: content_schema.levels).
LEVELS: dict[str, str] = {code: level.name for code, level in unit_levels.LEVELS.items()}

# Title of the head of the unit, by level (the leader, the signer of reports).
HEAD_TITLES = {"phong-gddt": "Trưởng phòng", "so-gddt": "Giám đốc",
               "gdtx": "Giám đốc"}
DEFAULT_HEAD_TITLE = "Hiệu trưởng"

# Long words of a school's name -> the short form of its short name.
_SHORT_FORMS = [
    ("Trường Trung học phổ thông", "THPT"), ("Trường Trung học cơ sở", "THCS"),
    ("Trường Tiểu học", "TH"), ("Trường Mầm non", "MN"), ("Trường Mẫu giáo", "MG"),
    ("Trường Phổ thông", "PT"), ("Phòng Giáo dục và Đào tạo", "Phòng GD&ĐT"),
    ("Sở Giáo dục và Đào tạo", "Sở GD&ĐT"), ("Trường ", ""),
]


@dataclass
class IdentityField:
    key: str
    flag: str
    prompt: str
    required: bool = True
    example: str = ""
    metavar: str = "GIÁ_TRỊ"  # shown in --help


# The identity, in the order init asks for it. The optional ones may stay
# empty: the compliance rules then say what is missing (C2, C22).
FIELDS = [
    IdentityField("name", "--name", "Tên đầy đủ của trường", metavar="TÊN", example="Trường Tiểu học Kim Đồng"),
    IdentityField("level", "--level", "Cấp học / loại đơn vị", metavar="CẤP"),
    IdentityField("parent", "--parent", "Cơ quan quản lý trực tiếp", metavar="CƠ_QUAN", example="Ủy ban nhân dân xã Kim Đồng"),
    IdentityField("address", "--address", "Địa chỉ", metavar="ĐỊA_CHỈ", example="Thôn 3, xã Kim Đồng, tỉnh Cao Bằng"),
    IdentityField("phone", "--phone", "Điện thoại của trường", metavar="SỐ", example="0206 3852 123"),
    IdentityField("email", "--email", "Thư điện tử của trường", metavar="THƯ", example="thkimdong@caobang.edu.vn"),
    IdentityField("principal", "--principal", "Họ tên người đứng đầu (hiệu trưởng)", metavar="HỌ_TÊN", example="Nguyễn Thị Hoa"),
    IdentityField("site_url", "--site-url", "Địa chỉ trang web (bắt đầu bằng https://)", metavar="URL",
          example="https://thkimdong.caobang.edu.vn"),
    IdentityField("parent_url", "--parent-url", "Cổng thông tin của cơ quan quản lý trực tiếp (https://)", metavar="URL",
          required=False),
    IdentityField("authority", "--authority", "Sở Giáo dục và Đào tạo quản lý chuyên môn", metavar="TÊN", required=False),
    IdentityField("authority_url", "--authority-url", "Cổng thông tin của Sở (https://)", metavar="URL", required=False),
]
FIELD_KEYS = [f.key for f in FIELDS]
URL_KEYS = ("site_url", "parent_url", "authority_url")
MAX_LENGTH = 300

# Section key -> starter files: (path in the new site, template in site_template/).
# The keys are those of the section pages (school_sections.SECTION_URLS) and
# of the introduction pages the rules require (A1).
SECTION_FILES: dict[str, list[tuple[str, str]]] = {
    "gioi_thieu": [("content/pages/gioi-thieu.md", "gioi-thieu.md"),
                   ("content/pages/lich-su.md", "lich-su.md"),
                   ("content/pages/chuc-nang-nhiem-vu.md", "chuc-nang-nhiem-vu.md"),
                   ("content/pages/co-cau-to-chuc.md", "co-cau-to-chuc.md")],
    "lanh_dao": [("content/data/lanh-dao.yml", "lanh-dao.yml")],
    "lien_he": [("content/data/lien-he.yml", "lien-he.yml")],
    "lien_ket": [("content/data/lien-ket.yml", None)],  # built from the identity's links
    "lay_y_kien": [("content/data/lay-y-kien.yml", "lay-y-kien.yml")],
    "tuyen_sinh": [("content/data/tuyen-sinh.yml", "tuyen-sinh.yml")],
    "van_ban": [("content/van-ban/tep/.gitkeep", "")],  # documents come one file each
    "cong_khai": [("content/cong-khai/thong-tin-chung.yml", "thong-tin-chung.yml"),
                  ("content/cong-khai/tai-chinh.yml", "tai-chinh.yml"),
                  ("content/cong-khai/doi-ngu-co-so-vat-chat.yml", "doi-ngu-co-so-vat-chat.yml"),
                  ("content/cong-khai/kiem-dinh-chat-luong.yml", "kiem-dinh-chat-luong.yml"),
                  ("content/cong-khai/ke-hoach-giao-duc.yml", "ke-hoach-giao-duc.yml"),
                  ("content/cong-khai/ket-qua-giao-duc.yml", "ket-qua-giao-duc.yml")],
    # An office (Sở, Phòng): procedures and online services share one file;
    # direction documents are its own documents in content/van-ban/.
    "thu_tuc_hanh_chinh": [("content/data/thu-tuc-hanh-chinh.yml", "thu-tuc-hanh-chinh.yml")],
    "dich_vu_cong": [("content/data/thu-tuc-hanh-chinh.yml", "thu-tuc-hanh-chinh.yml")],
    "chi_dao_dieu_hanh": [("content/van-ban/tep/.gitkeep", "")],
    # Weekly content: this week's schedule and menu ({{…}} in a target is
    # filled from the values, like the file's text).
    "lich_cong_tac": [("content/lich-cong-tac/{{week}}.yml", "lich-cong-tac-tuan.yml")],
    "thuc_don": [("content/thuc-don/{{week}}.yml", "thuc-don-tuan.yml")],
}

# Every site's files besides its sections.
SITE_FILES: list[tuple[str, str]] = [
    ("pelicanconf.py", "pelicanconf.py.tmpl"),
    ("publishconf.py", "publishconf.py.tmpl"),
    ("requirements.txt", "requirements.txt"),
    (".github/workflows/publish.yml", "publish.yml"),
    (".gitignore", "gitignore"),
    ("README.md", "README.md"),
    ("content/images/logo.svg", "logo.svg"),
    ("content/data/duong-dan-da-cong-bo.txt", "duong-dan-da-cong-bo.txt"),
    ("content/articles/.gitkeep", ""),
]


def sections_for(level: str) -> list[str]:
    """The sections a site of ``level`` starts with: the introduction pages
    and every section of the level (content_schema.levels) that has starting
    files (the sitemap page has none)."""
    required = unit_levels.resolve({"level": level}).sections
    return ["gioi_thieu"] + [key for key in required if key in SECTION_FILES]


class ScaffoldError(ValueError):
    """``str()`` is the Vietnamese message for the user."""


# --------------------------------------------------------------------------
# The identity


def check_value(key: str, value: str) -> str | None:
    """The Vietnamese problem with one identity value, or None."""
    spec = next(f for f in FIELDS if f.key == key)
    value = (value or "").strip()
    if not value:
        return f"{spec.prompt} (tham số {spec.flag}) là bắt buộc." if spec.required else None
    if len(value) > MAX_LENGTH or any(unicodedata.category(c).startswith("C") for c in value):
        return f"{spec.prompt}: giá trị quá dài hoặc có ký tự điều khiển."
    if key == "level" and value not in LEVELS:
        return (f"Cấp học “{value}” không hợp lệ; chọn một trong: {', '.join(LEVELS)}.")
    if key == "email" and not EMAIL_RE.match(value):
        return f"Thư điện tử “{value}” không hợp lệ (ví dụ: {spec.example})."
    if key == "phone" and not PHONE_RE.match(value):
        return f"Số điện thoại “{value}” không hợp lệ (ví dụ: {spec.example})."
    if key in URL_KEYS and not re.match(r"^https://[^\s/]+\.[^\s/]+(/\S*)?$", value):
        return f"{spec.prompt}: “{value}” phải là địa chỉ bắt đầu bằng https://."
    return None


def check_identity(identity: dict) -> list[str]:
    """Every problem of an identity (missing required values included)."""
    problems = [check_value(key, identity.get(key, "")) for key in FIELD_KEYS]
    return [p for p in problems if p]


def short_name(name: str) -> str:
    """'Trường Trung học cơ sở Thanh Bình' -> 'THCS Thanh Bình'."""
    for long, short in _SHORT_FORMS:
        if name.casefold().startswith(long.casefold()):
            return f"{short} {name[len(long):].strip()}".strip()
    return name


def _ascii_initials(text: str) -> str:
    plain = unicodedata.normalize("NFD", text.replace("Đ", "D").replace("đ", "d"))
    plain = "".join(c for c in plain if not unicodedata.combining(c))
    return "".join(w[0] for w in re.findall(r"[A-Za-z0-9&]+", plain)).upper()


def school_year(today: dt.date) -> tuple[str, str]:
    """(this school year, the previous one), e.g. ('2026–2027', '2025–2026');
    a school year starts in September."""
    start = today.year if today.month >= 8 else today.year - 1
    return f"{start}–{start + 1}", f"{start - 1}–{start}"


def _monday(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


def _week(day: dt.date) -> str:
    """The ISO week of ``day`` as the weekly files name it: 2026-W49."""
    year, number, _ = day.isocalendar()
    return f"{year}-W{number:02d}"


def values(identity: dict, requirement: str | None = None, today: dt.date | None = None) -> dict:
    """Everything the templates use, from the identity."""
    today = today or dt.date.today()
    out = {key: (identity.get(key) or "").strip() for key in FIELD_KEYS}
    out["name"] = unicodedata.normalize("NFC", out["name"])
    short = short_name(out["name"])
    this_year, last_year = school_year(today)
    out.update(
        short_name=short,
        head_title=HEAD_TITLES.get(out["level"], DEFAULT_HEAD_TITLE),
        place=re.sub(r"^(THCS|THPT|TH|MN|MG|PT|Phòng GD&ĐT|Sở GD&ĐT)\s+", "", short),
        report_symbol="BC-" + _ascii_initials(short),
        today=today.isoformat(),
        year=str(today.year),
        school_year=this_year,
        previous_school_year=last_year,
        week=_week(today), week_monday=_monday(today).isoformat(),
        requirement=requirement or f"truongweb=={__version__}",
    )
    return out


# --------------------------------------------------------------------------
# Rendering

_TOKEN = re.compile(r"\{\{([a-z_]+?)(_raw)?\}\}")


def render(text: str, target: str, data: dict) -> str:
    """Fill ``{{key}}`` tokens: quoted for the file's language (a YAML or
    Python string), as is in Markdown and text; ``{{key_raw}}`` inside a
    quoted YAML string is escaped but not quoted. A Markdown file's front
    matter is YAML. An unknown key is a bug."""
    suffix = Path(target).suffix
    if suffix == ".md" and text.startswith("---\n"):
        end = text.index("\n---\n", 4) + 5
        return render(text[:end], target + ".yml", data) + render(text[end:], target + ".txt", data)

    def one(match):
        key, raw = match.group(1), match.group(2)
        if key not in data:
            raise KeyError(f"{target}: unknown template key {key!r}")
        value = str(data[key])
        if suffix == ".py":
            return repr(value)
        if suffix in (".yml", ".yaml"):
            quoted = json.dumps(value, ensure_ascii=False)  # JSON strings are YAML
            return quoted[1:-1] if raw else quoted
        return value

    return _TOKEN.sub(one, text)


def links_file(data: dict) -> str:
    """content/data/lien-ket.yml: the national bodies, and the school's own
    authorities when their addresses are known."""
    education = [{"title": "Bộ Giáo dục và Đào tạo", "url": "https://moet.gov.vn",
                  "description": "Cổng thông tin điện tử của Bộ Giáo dục và Đào tạo."}]
    if data.get("authority_url"):
        education.append({"title": data.get("authority") or "Sở Giáo dục và Đào tạo",
                          "url": data["authority_url"]})
    if data.get("parent_url"):
        education.append({"title": data.get("parent") or "Cơ quan quản lý trực tiếp",
                          "url": data["parent_url"],
                          "description": "Cơ quan quản lý trực tiếp của nhà trường."})
    groups = [
        {"title": "Cơ quan quản lý giáo dục", "links": education},
        {"title": "Dịch vụ công trực tuyến", "links": [
            {"title": "Cổng Dịch vụ công quốc gia", "url": "https://dichvucong.gov.vn",
             "description": "Nộp hồ sơ, tra cứu thủ tục hành chính trực tuyến."}]},
    ]
    head = ("# Liên kết tới các cơ quan liên quan (Nghị định 42/2022/NĐ-CP, Điều 7):\n"
            "# Bộ, Sở, cơ quan quản lý trực tiếp và Cổng Dịch vụ công quốc gia.\n")
    return head + yaml.safe_dump({"groups": groups}, allow_unicode=True, sort_keys=False)


def template_text(name: str) -> str:
    return resources.files("truongweb.site_template").joinpath(name).read_text(encoding="utf-8")


@dataclass
class Plan:
    """The files of a new site: path relative to the site -> text."""
    files: dict[str, str] = field(default_factory=dict)


def plan_site(identity: dict, requirement: str | None = None,
              today: dt.date | None = None) -> Plan:
    problems = check_identity(identity)
    if problems:
        raise ScaffoldError("\n".join(problems))
    data = values(identity, requirement, today)
    entries = list(SITE_FILES)
    for section in sections_for(data["level"]):
        entries += SECTION_FILES[section]
    plan = Plan()
    for target, template in entries:
        target = _TOKEN.sub(lambda m: str(data[m.group(1)]), target)
        if template is None:
            text = links_file(data)
        elif template == "":
            text = ""
        else:
            text = render(template_text(template), target, data)
        plan.files[target] = text
    return plan


def create_site(folder, identity: dict, requirement: str | None = None,
                today: dt.date | None = None) -> list[str]:
    """Write a new site into ``folder`` (absent or empty); return the files
    written. Refuses a folder that holds anything, and never replaces a file
    (each file is created exclusively)."""
    folder = Path(folder)
    plan = plan_site(identity, requirement, today)
    if folder.exists() and not folder.is_dir():
        raise ScaffoldError(f"{folder}: đã có một tệp cùng tên; hãy chọn tên thư mục khác.")
    if folder.is_dir() and any(folder.iterdir()):
        raise ScaffoldError(
            f"Thư mục {folder} không trống: lệnh chỉ tạo trang trong thư mục mới hoặc trống, "
            "để không ghi đè tệp nào. Hãy chọn thư mục khác.")
    written = []
    for target, text in plan.files.items():
        path = folder / target
        path.parent.mkdir(parents=True, exist_ok=True)
        try:
            with open(path, "x", encoding="utf-8", newline="\n") as handle:
                handle.write(text)
        except FileExistsError:
            raise ScaffoldError(f"{path}: tệp đã có, không ghi đè.") from None
        written.append(target)
    return written


def level_choices() -> str:
    return "\n".join(f"  {i}. {key} – {label}" for i, (key, label) in enumerate(LEVELS.items(), 1))


def parse_level(answer: str) -> str:
    """A level from its key or its number in :func:`level_choices`."""
    answer = answer.strip()
    if answer.isdigit() and 1 <= int(answer) <= len(LEVELS):
        return list(LEVELS)[int(answer) - 1]
    return answer


def git_init(folder: Path) -> str | None:
    """``git init`` and a first commit in ``folder``; the Vietnamese problem, or None."""
    import subprocess

    env = dict(os.environ)
    env.setdefault("GIT_AUTHOR_NAME", "truongweb")
    env.setdefault("GIT_AUTHOR_EMAIL", "truongweb@localhost")
    env.setdefault("GIT_COMMITTER_NAME", env["GIT_AUTHOR_NAME"])
    env.setdefault("GIT_COMMITTER_EMAIL", env["GIT_AUTHOR_EMAIL"])
    for command in (["git", "init", "-q", "-b", "main"], ["git", "add", "-A"],
                    ["git", "commit", "-q", "-m", "Tạo trang web bằng truongweb init"]):
        try:
            done = subprocess.run(command, cwd=folder, env=env, capture_output=True, text=True)
        except OSError:
            return "không chạy được git (chưa cài git?)"
        if done.returncode != 0:
            return f"lệnh {' '.join(command[:2])} thất bại: {done.stderr.strip()[:200]}"
    return None


# --------------------------------------------------------------------------
# A district's schools at once (init-many)

# Identity columns of the schools CSV beside the roll-up's code,name,level,site
# (district-rollup spec §2): the identity keys, ``site`` standing for site_url.
CSV_IDENTITY_COLUMNS = [key for key in FIELD_KEYS if key not in ("name", "level", "site_url")]
CSV_COLUMNS = ["code", "name", "level", "site", *CSV_IDENTITY_COLUMNS]


@dataclass
class SchoolRow:
    code: str
    where: str  # "truong.csv, dòng 3"
    identity: dict


def schools_from_csv(path, outdir) -> list[SchoolRow]:
    """Every school of the CSV at ``path``, checked as a whole: all the
    problems (each naming the file and line) in one ScaffoldError, so that
    nothing is created from a list with a mistake in it."""
    from truongweb.plugins.district_rollup.schools import (SchoolListError, check_school_row, csv_rows,
                                                            read_list)

    shown = str(path)
    try:
        rows = csv_rows(read_list(path, shown), shown, required=("code", "name", "level", "site"))
    except SchoolListError as error:
        raise ScaffoldError(str(error)) from None
    if not rows:
        raise ScaffoldError(f"{shown}: danh sách không có trường nào.")
    unknown = [column for column in rows[0][1] if column not in CSV_COLUMNS]
    if unknown:
        raise ScaffoldError(f"{shown}, dòng 1: cột lạ “{unknown[0]}” (có thể viết sai); các cột dùng "
                            f"được: {', '.join(CSV_COLUMNS)}.")
    problems, schools, seen = [], [], {}
    for number, row in rows:
        where = f"{shown}, dòng {number}"
        try:
            school = check_school_row(row, shown, f"dòng {number}", seen)
        except SchoolListError as error:
            problems.append(str(error))
            continue
        identity = {key: (row.get(key) or "").strip() for key in CSV_IDENTITY_COLUMNS}
        identity.update(name=school.name, level=school.level, site_url=school.site.rstrip("/"))
        problems += [f"{where}: {problem}" for problem in check_identity(identity)]
        folder = Path(outdir) / school.code
        if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
            problems.append(f"{where}: thư mục {folder} đã có và không trống; không ghi đè.")
        schools.append(SchoolRow(school.code, where, identity))
    if problems:
        raise ScaffoldError("\n".join(problems))
    return schools
