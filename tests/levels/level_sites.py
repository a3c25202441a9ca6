"""A small site of each kind of unit, built once per test session.

The small compliance site (articles, introduction pages) plus the demo's
section data; an office (Sở, Phòng) gets its administrative procedures and a
direction document of its own, and no disclosure or admissions data (it does
not need them). ``SCHOOL`` is the demo's with the level and, for an office,
its name changed, as a site's pelicanconf.py would set them.
"""

import shutil
from pathlib import Path

from compliance_site import ROOT, make_content

# As of the small site's date (Sunday 22/11/2026) a preschool owes the menu
# of the week starting tomorrow (2026-W48).
MENU_W48 = """\
days:
  - day: 2026-11-23
    meals:
      - {meal: Bữa trưa, dishes: [Cơm trắng, Thịt kho trứng, Canh bí đỏ]}
"""

HERE = Path(__file__).resolve().parent
OFFICE_DATA = HERE / "data" / "office"

OFFICE_NAMES = {
    "phong-gddt": "Phòng Giáo dục và Đào tạo thị xã Phú Thọ",
    "so-gddt": "Sở Giáo dục và Đào tạo tỉnh Phú Thọ",
}


def school_settings(level, **extra):
    from helpers import demo_settings

    school = dict(demo_settings()["SCHOOL"], level=level, **extra)
    if level in OFFICE_NAMES:
        school.update(name=OFFICE_NAMES[level], short_name=OFFICE_NAMES[level])
    return school


def level_content(target: Path, level: str, menus: bool = False) -> Path:
    """The small site for ``level``; ``menus``: with the owed menu week (a
    preschool always has it)."""
    content = make_content(target)
    if menus or level == "mam-non":
        (content / "thuc-don").mkdir()
        (content / "thuc-don" / "2026-W48.yml").write_text(MENU_W48, encoding="utf-8")
    if level in OFFICE_NAMES:
        shutil.rmtree(content / "cong-khai")
        (content / "data" / "tuyen-sinh.yml").unlink()
        shutil.copy(OFFICE_DATA / "thu-tuc-hanh-chinh.yml", content / "data")
        shutil.copytree(OFFICE_DATA / "van-ban", content / "van-ban", dirs_exist_ok=True)
        shutil.copytree(ROOT / "content" / "lich-cong-tac", content / "lich-cong-tac")
    return content
