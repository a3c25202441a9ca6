"""The scaffold's pure parts: identity checks, names, quoting."""

import ast
import datetime as dt

import pytest
import yaml

from truongweb import scaffold

GOOD = {"name": "Trường Tiểu học Kim Đồng", "level": "tieu-hoc", "parent": "UBND xã Kim Đồng",
        "address": "Thôn 3", "phone": "0206 3852 123", "email": "th@caobang.edu.vn",
        "principal": "Nguyễn Thị Hoa", "site_url": "https://th.caobang.edu.vn"}


@pytest.mark.parametrize("key, value, words", [
    ("level", "dai-hoc", "không hợp lệ"), ("email", "a@b", "Thư điện tử"),
    ("phone", "12", "Số điện thoại"), ("site_url", "http://th.edu.vn", "https://"),
    ("name", "", "--name"), ("name", "Tên\x00lạ", "ký tự điều khiển"),
])
def test_bad_values_are_named(key, value, words):
    problems = scaffold.check_identity(dict(GOOD, **{key: value}))
    assert len(problems) == 1 and words in problems[0]


def test_good_identity_has_no_problem():
    assert scaffold.check_identity(GOOD) == []
    assert scaffold.check_identity(dict(GOOD, parent_url="")) == []


def test_short_name_and_school_year():
    assert scaffold.short_name("Trường Trung học cơ sở Thanh Bình") == "THCS Thanh Bình"
    assert scaffold.short_name("Trường Mầm non Hoa Sen") == "MN Hoa Sen"
    assert scaffold.school_year(dt.date(2026, 12, 2)) == ("2026–2027", "2025–2026")
    assert scaffold.school_year(dt.date(2027, 3, 1)) == ("2026–2027", "2025–2026")
    assert scaffold.parse_level("1") == "mam-non" and scaffold.parse_level("thpt") == "thpt"


def test_awkward_names_stay_valid_yaml_markdown_and_python():
    name = 'Trường Tiểu học "Hoa Mai": cơ sở #2'
    plan = scaffold.plan_site(dict(GOOD, name=name), today=dt.date(2026, 12, 2))
    for target, text in plan.files.items():
        if target.endswith(".yml"):
            yaml.safe_load(text)
        elif target.endswith(".md") and text.startswith("---\n"):
            front = yaml.safe_load(text.split("---\n")[1])
            assert name in front["summary"], target
        elif target.endswith(".py"):
            ast.parse(text)
    facts = yaml.safe_load(plan.files["content/cong-khai/thong-tin-chung.yml"])["facts"]
    assert facts[0] == {"label": "Tên cơ sở giáo dục", "value": name}
    assert f"{name!r}" in plan.files["pelicanconf.py"]


def test_every_section_has_its_starter_files():
    plan = scaffold.plan_site(GOOD)
    for section in scaffold.sections_for("tieu-hoc"):
        for target, _template in scaffold.SECTION_FILES[section]:
            assert target in plan.files
    assert not any(scaffold.PLACEHOLDER in text for target, text in plan.files.items()
                   if target in ("pelicanconf.py", "publishconf.py", "requirements.txt"))


def test_unknown_template_key_is_a_bug():
    with pytest.raises(KeyError):
        scaffold.render("{{khong_co}}", "a.yml", {})
