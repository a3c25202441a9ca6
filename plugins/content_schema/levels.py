"""Kinds of unit (levels): which sections, disclosure items and rules each gets.

Pure, no Pelican import. ``SCHOOL["level"]`` (default ``"thcs"``) picks a
:class:`Level`; the ``levels`` plugin completes the menus from it, the
``school_sections`` plugin writes its sections, the compliance checker runs
the rules whose ``applies_to`` names it, and ``truongweb init`` creates the
starting files of its sections. The legal basis of every entry, with how sure
it is, is in ``docs/levels-legal-basis.md``; ``confirmed=False`` marks what
was not read in the text itself.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass

from . import vocabulary

DEFAULT_LEVEL = "thcs"
SCHOOL_KIND, OFFICE_KIND = "school", "office"
KIND_NAMES = {SCHOOL_KIND: "cơ sở giáo dục", OFFICE_KIND: "cơ quan quản lý giáo dục"}

TT37 = "Thông tư 37/2020/TT-BGDĐT"
TT09 = "Thông tư 09/2024/TT-BGDĐT"
ND224 = "Nghị định 224/2026/NĐ-CP"
ND42 = "Nghị định 42/2022/NĐ-CP"


class LevelError(ValueError):
    """A wrong ``SCHOOL["level"]`` or ``SCHOOL["stages"]``; str() is Vietnamese."""


@dataclass(frozen=True)
class Section:
    key: str
    basis: str
    confirmed: bool = True
    # Who writes the page: the school_sections plugin, or the weekly
    # schedule / menu feature (its own plugin).
    provider: str = "school_sections"

    @property
    def url(self) -> str:
        return vocabulary.SECTIONS[self.key][0]

    @property
    def title(self) -> str:
        return vocabulary.SECTIONS[self.key][1]


SECTIONS: dict[str, Section] = {s.key: s for s in (
    Section("lanh_dao", f"điểm a khoản 1 Điều 9 {TT37}; điểm b khoản 1 Điều 9 {ND224}"),
    Section("lien_he", f"Điều 9 {TT37}; khoản 1 Điều 4 {ND42}"),
    Section("lien_ket", f"Điều 7 {ND42}"),
    Section("lay_y_kien", f"Điều 9 {TT37}"),
    Section("tuyen_sinh", f"khoản 2, khoản 3 Điều 9 {TT37}"),
    Section("van_ban", f"Điều 9 {TT37}; khoản 1 Điều 4 {ND42}"),
    Section("cong_khai", f"Chương II {TT09}"),
    Section("so_do_trang", f"Điều 7 {ND42}"),
    Section("thu_tuc_hanh_chinh", f"điểm a khoản 1 Điều 9 {ND224}; khoản 1 Điều 4 {ND42}"),
    Section("dich_vu_cong", f"điểm a khoản 1 Điều 9 {ND224}; khoản 1 Điều 4 {ND42}"),
    Section("chi_dao_dieu_hanh", f"Điều 8 {TT37} (chưa xác nhận)", confirmed=False),
    Section("lich_cong_tac", f"Điều 8 {TT37} (chưa xác nhận)", confirmed=False, provider="weekly"),
    Section("thuc_don", f"{TT09}: thực đơn hằng ngày/tuần công khai trước thứ Bảy của tuần trước",
            provider="weekly"),
)}

SCHOOL_SECTIONS = ("lanh_dao", "lien_he", "lien_ket", "lay_y_kien", "tuyen_sinh",
                   "van_ban", "cong_khai", "so_do_trang")
OFFICE_SECTIONS = ("lanh_dao", "lien_he", "lien_ket", "lay_y_kien", "van_ban",
                   "chi_dao_dieu_hanh", "thu_tuc_hanh_chinh", "dich_vu_cong",
                   "lich_cong_tac", "so_do_trang")


@dataclass(frozen=True)
class Disclosure:
    """One disclosure item of TT 09/2024: a ``cong-khai/`` group of the level."""
    group: str  # the group slug of content/cong-khai/*.yml
    title: str
    basis: str
    confirmed: bool = True


def _disclosures(staff: str, quality: str, plan: str, confirmed: bool, menu: bool = False):
    """The six groups of a kind of institution; ``staff``, ``quality`` and
    ``plan`` are the articles that differ between kinds."""
    plan_title = "Kế hoạch và kết quả hoạt động giáo dục"
    return (
        Disclosure("thong-tin-chung", "Thông tin chung về cơ sở giáo dục", f"Điều 4 {TT09}"),
        Disclosure("tai-chinh", "Thu, chi tài chính", f"Điều 5 {TT09}"),
        Disclosure("doi-ngu-co-so-vat-chat", "Đội ngũ và cơ sở vật chất", f"{staff} {TT09}", confirmed),
        Disclosure("chat-luong", "Kiểm định và bảo đảm chất lượng", f"{quality} {TT09}", confirmed),
        Disclosure("ke-hoach-ket-qua", plan_title + (" (gồm thực đơn của trẻ)" if menu else ""),
                   f"{plan} {TT09}", confirmed),
        Disclosure("bao-cao-thuong-nien", "Báo cáo thường niên (lưu ít nhất 5 năm)", f"Điều 14 {TT09}"),
    )


# Preschool and continuing-education articles are inferred from the order of
# Chương II (docs/levels-legal-basis.md §4): unconfirmed.
_PRESCHOOL = _disclosures("Điều 6 (chưa xác nhận)", "Điều 6 (chưa xác nhận)",
                          "Điều 7 (chưa xác nhận)", False, menu=True)
_GENERAL = _disclosures("khoản 1, khoản 2 Điều 8", "khoản 3 Điều 8", "khoản 1, khoản 2 Điều 9", True)
_CONTINUING = _disclosures("Điều 10 (chưa xác nhận)", "Điều 10 (chưa xác nhận)",
                           "Điều 11 (chưa xác nhận)", False)


@dataclass(frozen=True)
class Level:
    code: str
    name: str  # Vietnamese, as shown ("Trường mầm non")
    kind: str  # SCHOOL_KIND | OFFICE_KIND
    sections: tuple[str, ...]
    disclosures: tuple[Disclosure, ...] = ()
    stages: tuple[str, ...] = ()  # a lien-cap school: the levels it unites
    leaders_title: str = "Lãnh đạo nhà trường"

    @property
    def kind_name(self) -> str:
        return KIND_NAMES[self.kind]

    def section_urls(self) -> dict[str, str]:
        return {key: SECTIONS[key].url for key in self.sections}


LEVELS: dict[str, Level] = {lv.code: lv for lv in (
    Level("mam-non", "Trường mầm non", SCHOOL_KIND, SCHOOL_SECTIONS + ("thuc_don",), _PRESCHOOL),
    Level("tieu-hoc", "Trường tiểu học", SCHOOL_KIND, SCHOOL_SECTIONS, _GENERAL),
    Level("thcs", "Trường trung học cơ sở", SCHOOL_KIND, SCHOOL_SECTIONS, _GENERAL),
    Level("thpt", "Trường trung học phổ thông", SCHOOL_KIND, SCHOOL_SECTIONS, _GENERAL),
    # Sections and disclosures: the union of its stages (resolve()).
    Level("lien-cap", "Trường liên cấp (nhiều cấp học)", SCHOOL_KIND, SCHOOL_SECTIONS, _GENERAL),
    Level("gdtx", "Cơ sở giáo dục thường xuyên", SCHOOL_KIND, SCHOOL_SECTIONS, _CONTINUING),
    Level("phong-gddt", "Phòng Giáo dục và Đào tạo", OFFICE_KIND, OFFICE_SECTIONS,
          leaders_title="Lãnh đạo Phòng"),
    Level("so-gddt", "Sở Giáo dục và Đào tạo", OFFICE_KIND, OFFICE_SECTIONS,
          leaders_title="Lãnh đạo Sở"),
)}
STAGE_CODES = ("mam-non", "tieu-hoc", "thcs", "thpt")
DEFAULT_STAGES = ("tieu-hoc", "thcs")


def _union(*groups):
    return tuple(dict.fromkeys(item for group in groups for item in group))


def resolve(school: dict | None, where: str = "pelicanconf.py") -> Level:
    """The level of a ``SCHOOL`` settings dict, stages and extra sections applied.

    Raises :class:`LevelError` naming ``where`` and the key for an unknown
    level or stage."""
    school = school or {}
    code = str(school.get("level") or DEFAULT_LEVEL).strip()
    if code not in LEVELS:
        close = difflib.get_close_matches(code, list(LEVELS), n=1, cutoff=0.5)
        hint = f' Có phải ý bạn là "{close[0]}"?' if close else ""
        raise LevelError(
            f'{where}: SCHOOL["level"] = "{code}" không phải loại đơn vị đã biết.{hint} '
            f"Các giá trị hợp lệ: {', '.join(LEVELS)}."
        )
    level = LEVELS[code]
    if code == "lien-cap":
        stages = tuple(school.get("stages") or DEFAULT_STAGES)
        wrong = [s for s in stages if s not in STAGE_CODES]
        if wrong or len(stages) < 2:
            raise LevelError(
                f'{where}: SCHOOL["stages"] của trường liên cấp phải liệt kê ít nhất hai cấp học '
                f"trong {', '.join(STAGE_CODES)}"
                + (f'; "{wrong[0]}" không phải cấp học.' if wrong else ".")
            )
        members = [LEVELS[s] for s in stages]
        level = Level(code, level.name, level.kind,
                      _union(*(m.sections for m in members)),
                      _union(*(m.disclosures for m in members)), stages)
    extra = school.get("sections_extra") or ()
    unknown = [key for key in extra if key not in SECTIONS]
    if unknown:
        raise LevelError(
            f'{where}: SCHOOL["sections_extra"] có chuyên mục "{unknown[0]}" không có; '
            f"dùng một trong: {', '.join(SECTIONS)}."
        )
    if extra:
        level = Level(level.code, level.name, level.kind, _union(level.sections, extra),
                      level.disclosures, level.stages, level.leaders_title)
    return level


def applies(applies_to, level: Level) -> bool:
    """Whether a rule's ``applies_to`` (None: every unit; else a list of level
    codes and kinds, ``school`` / ``office``) covers ``level``; a lien-cap
    school is covered by any of its stages."""
    if not applies_to:
        return True
    names = {level.code, level.kind, *level.stages}
    return bool(names & set(applies_to))


def applies_to_names(applies_to) -> str:
    """Vietnamese list of the units a rule applies to (for the report)."""
    names = []
    for item in applies_to or ():
        if item in KIND_NAMES:
            names.append(KIND_NAMES[item])
        elif item in LEVELS:
            names.append(LEVELS[item].name.lower())
        else:
            names.append(item)
    return ", ".join(names)


VALID_APPLIES_TO = frozenset(LEVELS) | frozenset(KIND_NAMES)


# The plugin that writes the pages of each provider (Section.provider).
PROVIDER_PLUGINS = {
    "school_sections": "truongweb.plugins.school_sections",
    "weekly": "truongweb.plugins.weekly",
}


def providers_in(plugins) -> set[str]:
    """The section providers whose plugin is among ``plugins`` (PLUGINS)."""
    names = {str(p) for p in plugins or ()}
    return {provider for provider, plugin in PROVIDER_PLUGINS.items() if plugin in names}


def menu(level: Level, written=None) -> list[tuple[str, str]]:
    """The main menu of a unit of ``level``: Home, Introduction, the level's
    own sections, Online services and Sitemap (row C8). ``written`` (a set
    of section keys; default: all) leaves out the sections whose pages the
    build does not write, so the menu never links to a missing page."""
    items = [("Trang chủ", ""), ("Giới thiệu", "gioi-thieu/"), ("Tin tức", "tin-tuc-su-kien/"),
             ("Thông báo", "thong-bao/")]
    wanted = {
        "chi_dao_dieu_hanh": "Chỉ đạo, điều hành",
        "lich_cong_tac": "Lịch công tác",
        "van_ban": "Văn bản",
        "thu_tuc_hanh_chinh": "Thủ tục hành chính",
        "cong_khai": "Công khai",
        "thuc_don": "Thực đơn",
        "tuyen_sinh": "Tuyển sinh",
    }
    for key, title in wanted.items():
        if key in level.sections and (written is None or key in written):
            items.append((title, SECTIONS[key].url))
    services = "dich_vu_cong" if "dich_vu_cong" in level.sections else "lien_ket"
    items.append(("Dịch vụ trực tuyến", SECTIONS[services].url))
    items += [("Liên hệ", "lien-he/"), ("Sơ đồ trang", "so-do-trang/")]
    return items


def intro_menu(level: Level) -> list[tuple[str, str]]:
    """Side menu of the introduction pages (row A1)."""
    return [
        ("Giới thiệu chung", "gioi-thieu/"),
        ("Lịch sử hình thành", "lich-su/"),
        ("Chức năng, nhiệm vụ", "chuc-nang-nhiem-vu/"),
        ("Cơ cấu tổ chức", "co-cau-to-chuc/"),
        (level.leaders_title, "lanh-dao/"),
        ("Liên hệ", "lien-he/"),
    ]
