"""The level table (plugins/content_schema/levels.py) and its use by the rules."""

import pytest

from truongweb.plugins.compliance.engine import ComplianceError, load_rules
from truongweb.plugins.content_schema import levels
from truongweb.plugins.school_sections.loaders import SectionDataError, load_procedures

ALL = ("mam-non", "tieu-hoc", "thcs", "thpt", "lien-cap", "gdtx", "phong-gddt", "so-gddt")


def test_every_level_of_init_is_known_with_a_name_and_kind():
    assert tuple(levels.LEVELS) == ALL
    for code in ALL:
        level = levels.resolve({"level": code})
        assert level.name and level.kind in ("school", "office")
        assert "lanh_dao" in level.sections and "so_do_trang" in level.sections
    assert levels.resolve({}).code == "thcs"


def test_offices_have_no_disclosures_schools_have_all_six_groups():
    groups = ["thong-tin-chung", "tai-chinh", "doi-ngu-co-so-vat-chat", "chat-luong",
              "ke-hoach-ket-qua", "bao-cao-thuong-nien"]
    for code in ALL:
        level = levels.LEVELS[code]
        found = [d.group for d in level.disclosures]
        assert found == ([] if level.kind == "office" else groups), code
    assert all(not d.confirmed for d in levels.LEVELS["mam-non"].disclosures
               if d.group in ("doi-ngu-co-so-vat-chat", "ke-hoach-ket-qua"))


def test_wrong_level_or_stage_is_named_in_vietnamese():
    with pytest.raises(levels.LevelError, match=r'SCHOOL\["level"\] = "mamnon".*"mam-non"'):
        levels.resolve({"level": "mamnon"})
    with pytest.raises(levels.LevelError, match=r'"dai-hoc" không phải cấp học'):
        levels.resolve({"level": "lien-cap", "stages": ["thcs", "dai-hoc"]})
    with pytest.raises(levels.LevelError, match="ít nhất hai cấp học"):
        levels.resolve({"level": "lien-cap", "stages": ["thcs"]})
    with pytest.raises(levels.LevelError, match="sections_extra"):
        levels.resolve({"level": "thcs", "sections_extra": ["menu"]})


def test_boarding_school_adds_menus_and_rules_follow_stages():
    level = levels.resolve({"level": "thcs", "sections_extra": ["thuc_don"]})
    assert "thuc_don" in level.sections
    lien_cap = levels.resolve({"level": "lien-cap", "stages": ["mam-non", "tieu-hoc"]})
    assert levels.applies(["mam-non"], lien_cap) and levels.applies(["school"], lien_cap)
    assert not levels.applies(["office"], lien_cap) and levels.applies(None, lien_cap)


def test_menu_links_only_pages_that_are_written():
    office = levels.LEVELS["so-gddt"]
    written = set(office.sections) - {"lich_cong_tac"}
    urls = [url for _title, url in levels.menu(office, written)]
    assert "thu-tuc-hanh-chinh/" in urls and "dich-vu-cong-truc-tuyen/" in urls
    assert "lich-cong-tac/" not in urls  # no schedule written
    assert "lich-cong-tac/" in [url for _t, url in levels.menu(office)]
    assert levels.intro_menu(office)[4] == ("Lãnh đạo Sở", "lanh-dao/")


def test_each_section_rule_applies_only_where_the_section_is_required():
    rules, _rows = load_rules()
    for rule in rules:
        scopes = rule.scope if isinstance(rule.scope, list) else [rule.scope]
        keys = [s.split(".", 1)[1] for s in scopes if isinstance(s, str) and s.startswith("@sections.")]
        for code in ALL:
            level = levels.LEVELS[code]
            if levels.applies(rule.applies_to, level):
                for key in keys:
                    assert key in level.sections, f"{rule.id} needs {key}, which {code} does not have"


def test_unconfirmed_rules_are_warnings_and_applies_to_is_checked(tmp_path):
    rules, _rows = load_rules()
    assert {r.id for r in rules if r.unconfirmed} >= {"A12-lich-cong-tac", "A13-chi-dao-dieu-hanh"}
    assert all(r.severity == "warning" for r in rules if r.unconfirmed)
    bad = tmp_path / "rules.yml"
    bad.write_text("rules:\n  - {id: A1-x, row: A1, basis: b, severity: error, title: t, "
                   "check: pages_exist, unconfirmed: chưa đọc}\n", encoding="utf-8")
    with pytest.raises(ComplianceError, match="chỉ\\s+được là cảnh báo"):
        load_rules(bad)
    bad.write_text("rules:\n  - {id: A1-x, row: A1, basis: b, severity: error, title: t, "
                   "check: pages_exist, applies_to: [truong]}\n", encoding="utf-8")
    with pytest.raises(ComplianceError, match="“truong” không có"):
        load_rules(bad)


def test_procedure_with_a_wrong_online_level_is_named(tmp_path):
    path = tmp_path / "thu-tuc-hanh-chinh.yml"
    path.write_text("portal: {title: Cổng, url: https://dichvucong.gov.vn}\nprocedures:\n"
                    "  - {title: T, field: F, url: https://dichvucong.gov.vn/a, online: mức 4}\n",
                    encoding="utf-8")
    with pytest.raises(SectionDataError, match="content/data/thu-tuc-hanh-chinh.yml.*online.*mức 4"):
        load_procedures(path, "content/data/thu-tuc-hanh-chinh.yml")


def test_menu_rule_follows_the_level_table():
    from truongweb.plugins.weekly.weeks import menus_required

    assert menus_required({"level": "mam-non"}, False)
    assert menus_required({"level": "lien-cap", "stages": ["mam-non", "tieu-hoc"]}, False)
    assert menus_required({"level": "thcs", "sections_extra": ["thuc_don"]}, False)
    assert not menus_required({"level": "thpt"}, False)
    assert not menus_required({"level": "so-gddt"}, False)
