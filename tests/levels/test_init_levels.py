"""`truongweb init` gives each kind of unit the sections, disclosures and
rules of its kind: a preschool, a primary school, a THPT and a Phòng, each
built as created (starter files only), with the to-do list of its kind."""

import datetime as dt
import json

import pytest

from truongweb.build import build
from truongweb.scaffold import create_site

TODAY = dt.date(2026, 11, 25)  # a Wednesday of 2026-W48
IDENTITY = {"parent": "Ủy ban nhân dân xã Kim Đồng", "address": "Thôn 3, xã Kim Đồng",
            "phone": "0206 3852 123", "email": "lienhe@kimdong.edu.vn",
            "principal": "Nguyễn Thị Hoa", "site_url": "https://kimdong.edu.vn"}
CASES = {
    "mam-non": ("Trường Mầm non Kim Đồng", {"thuc-don/2026-W48", "cong-khai", "thong-tin-tuyen-sinh"},
                {"thu-tuc-hanh-chinh", "lich-cong-tac"}),
    "tieu-hoc": ("Trường Tiểu học Kim Đồng", {"cong-khai", "thong-tin-tuyen-sinh"},
                 {"thuc-don", "thu-tuc-hanh-chinh"}),
    "thpt": ("Trường Trung học phổ thông Kim Đồng", {"cong-khai", "thong-tin-tuyen-sinh"},
             {"thuc-don", "thu-tuc-hanh-chinh", "chi-dao-dieu-hanh"}),
    "phong-gddt": ("Phòng Giáo dục và Đào tạo Kim Đồng",
                   {"thu-tuc-hanh-chinh", "dich-vu-cong-truc-tuyen", "chi-dao-dieu-hanh",
                    "lich-cong-tac/2026-W48"},
                   {"cong-khai", "thong-tin-tuyen-sinh", "thuc-don"}),
}
OWN_TODO = {"mam-non": "B5-thuc-don-chua-dien", "phong-gddt": "A10-chua-dien"}


@pytest.mark.parametrize("level", sorted(CASES))
def test_init_site_of_level_builds_with_its_sections_and_rules(tmp_path, level, monkeypatch):
    name, present, absent = CASES[level]
    site = tmp_path / "site"
    create_site(site, {**IDENTITY, "name": name, "level": level}, today=TODAY)
    monkeypatch.chdir(site)
    output = site / "output"
    build(output, content=site / "content", overrides={"COMPLIANCE_AS_OF": TODAY.isoformat(),
                                                       "WEEKLY_TODAY": TODAY.isoformat()},
          cache=tmp_path / "cache", echo=False)
    for url in present:
        assert (output / url / "index.html").is_file(), f"{level}: thiếu {url}/"
    for url in absent:
        assert not (output / url).exists(), f"{level}: không cần {url}/"
    results = json.loads((output / "kiem-tra-tuan-thu" / "ket-qua.json").read_text("utf-8"))
    assert results["manifest"]["level"]["level"] == level
    status = {r["id"]: r["status"] for r in results["results"]}
    office = level == "phong-gddt"
    assert (status["B1-thong-tin-chung"] == "skipped") == office
    assert (status["A10-thu-tuc-hanh-chinh"] == "skipped") != office
    if level in OWN_TODO:  # the starter file's placeholders are on the to-do list
        assert status[OWN_TODO[level]] == "error"
    if level == "mam-non":
        assert status["B5-thuc-don-qua-han"] == "pass"  # this week's menu file exists
