"""A small site of each kind of unit, built once per test session.

The small compliance site (articles, introduction pages) plus the demo's
section data; an office (Sở, Phòng) gets its administrative procedures and a
direction document of its own, and no disclosure or admissions data (it does
not need them). ``SCHOOL`` is the demo's with the level and, for an office,
its name changed, as a site's pelicanconf.py would set them.
"""

import shutil
from pathlib import Path

from compliance_site import make_content

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


def level_content(target: Path, level: str) -> Path:
    content = make_content(target)
    if level in OFFICE_NAMES:
        shutil.rmtree(content / "cong-khai")
        (content / "data" / "tuyen-sinh.yml").unlink()
        shutil.copy(OFFICE_DATA / "thu-tuc-hanh-chinh.yml", content / "data")
        shutil.copytree(OFFICE_DATA / "van-ban", content / "van-ban", dirs_exist_ok=True)
    return content
