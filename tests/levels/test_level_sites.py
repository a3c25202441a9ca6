"""A site of every kind of unit builds with its own sections, menu and rules.

The expected sections are written out here, not read from levels.py: a level
that loses a required section (or gains one of the other kind) fails.
"""

import re

import pytest

SCHOOL = {"lanh_dao", "lien_he", "lien_ket", "lay_y_kien", "tuyen_sinh", "van_ban",
          "cong_khai", "so_do_trang"}
OFFICE = {"lanh_dao", "lien_he", "lien_ket", "lay_y_kien", "van_ban", "chi_dao_dieu_hanh",
          "thu_tuc_hanh_chinh", "dich_vu_cong", "lich_cong_tac", "so_do_trang"}
EXPECTED = {
    "mam-non": SCHOOL | {"thuc_don"},
    "tieu-hoc": SCHOOL, "thcs": SCHOOL, "thpt": SCHOOL, "lien-cap": SCHOOL, "gdtx": SCHOOL,
    "phong-gddt": OFFICE, "so-gddt": OFFICE,
}
URLS = {
    "lanh_dao": "lanh-dao", "lien_he": "lien-he", "lien_ket": "lien-ket",
    "lay_y_kien": "lay-y-kien", "tuyen_sinh": "thong-tin-tuyen-sinh", "van_ban": "van-ban",
    "cong_khai": "cong-khai", "so_do_trang": "so-do-trang",
    "thu_tuc_hanh_chinh": "thu-tuc-hanh-chinh", "dich_vu_cong": "dich-vu-cong-truc-tuyen",
    "chi_dao_dieu_hanh": "chi-dao-dieu-hanh", "lich_cong_tac": "lich-cong-tac", "thuc_don": "thuc-don",
}
# Pages of the weekly plugin: required, written from content/lich-cong-tac, thuc-don.
OTHER_PLUGIN = {"lich_cong_tac", "thuc_don"}
SCHOOL_ONLY_RULES = {"A5-tuyen-sinh-truc-tuyen", "A6-thong-bao-tuyen-sinh", "A6-chuyen-muc",
                     "B1-thong-tin-chung", "B2-tai-chinh", "B3-doi-ngu-chat-luong",
                     "B4-ke-hoach-ket-qua", "B5-ngay-dang", "B6-bao-cao-thuong-nien", "C8-menu"}
OFFICE_ONLY_RULES = {"A10-thu-tuc-hanh-chinh", "A11-dich-vu-cong", "A12-lich-cong-tac",
                     "A13-chi-dao-dieu-hanh", "C8-menu-co-quan"}


def nav_links(html):
    nav = re.search(r'<nav class="main-nav".*?</nav>', html, re.S).group(0)
    return re.findall(r'href="/?([^"]*)"', nav)


@pytest.mark.parametrize("level", sorted(EXPECTED))
def test_site_of_level_has_its_sections_and_rules(built, level):
    site = built(level)
    manifest = site.results["manifest"]
    assert manifest["level"]["level"] == level
    sections = set(manifest["sections"])
    assert sections == EXPECTED[level], f"{level}: chuyên mục {sorted(sections ^ EXPECTED[level])}"
    for key, url in URLS.items():
        page = site.output / url / "index.html"
        if key in EXPECTED[level]:
            assert page.is_file(), f"{level}: thiếu trang {url}/"
        elif key not in EXPECTED[level]:
            assert not page.exists(), f"{level}: không cần trang {url}/"

    office = level in ("phong-gddt", "so-gddt")
    mine, other = (OFFICE_ONLY_RULES, SCHOOL_ONLY_RULES) if office else (SCHOOL_ONLY_RULES, OFFICE_ONLY_RULES)
    for rule in other:
        assert site.status(rule) == "skipped", f"{level}: {rule} phải là không áp dụng"
    for rule in mine:
        assert site.status(rule) != "skipped", f"{level}: {rule} phải được kiểm tra"
    errors = [r for r in site.results["results"] if r["status"] == "error"]
    assert not errors, [(r["id"], r["problems"][:2]) for r in errors]
    menus = "pass" if level == "mam-non" else "skipped"
    assert site.status("B5-thuc-don-qua-han") == menus
    if office:
        assert site.status("A12-lich-cong-tac") == "pass"
        assert site.status("A10-thu-tuc-hanh-chinh") == "pass"
        assert site.status("A13-chi-dao-dieu-hanh") == "pass"

    links = nav_links(site.page(""))
    for key in EXPECTED[level] & {"van_ban", "cong_khai", "tuyen_sinh", "thu_tuc_hanh_chinh",
                                  "chi_dao_dieu_hanh", "lich_cong_tac", "thuc_don"}:
        assert URLS[key] + "/" in links, f"{level}: menu thiếu {URLS[key]}/"
    services = "dich-vu-cong-truc-tuyen/" if office else "lien-ket/"
    assert services in links and "so-do-trang/" in links and "gioi-thieu/" in links
    sitemap = site.page("so-do-trang")
    for key in EXPECTED[level] - {"so_do_trang"}:
        assert f'/{URLS[key]}/"' in sitemap, f"{level}: sơ đồ trang thiếu {URLS[key]}/"


def test_report_names_the_level_and_marks_unconfirmed_rules(built):
    site = built("so-gddt")
    report = site.page("kiem-tra-tuan-thu")
    assert 'data-role="loai-don-vi">Sở Giáo dục và Đào tạo<' in report
    a12 = next(r for r in site.results["results"] if r["id"] == "A12-lich-cong-tac")
    assert a12["unconfirmed"] and a12["severity"] == "warning"
    assert re.search(r'data-rule="A12-lich-cong-tac".*?data-role="chua-xac-nhan"', report, re.S)
    skipped = next(r for r in site.results["results"] if r["id"] == "B1-thong-tin-chung")
    assert "không áp dụng cho sở giáo dục và đào tạo" in skipped["skipped"]


def test_office_lists_its_procedures_and_own_direction_documents(built):
    site = built("phong-gddt")
    procedures = site.page("thu-tuc-hanh-chinh")
    assert procedures.count('data-role="thu-tuc"') == 3
    online = site.page("dich-vu-cong-truc-tuyen")
    assert online.count('data-role="dich-vu"') == 2  # the one not online is left out
    direction = site.page("chi-dao-dieu-hanh")
    assert "412/PGDĐT-GDTrH" in direction
    assert "1875/SGDĐT-VP" not in direction  # the Sở's document is not the Phòng's own
    assert "Lãnh đạo Phòng" in site.page("gioi-thieu")


def test_lien_cap_school_has_the_union_of_its_stages(built):
    site = built("lien-cap", stages=["mam-non", "tieu-hoc"])
    assert set(site.results["manifest"]["sections"]) == SCHOOL | {"thuc_don"}
    b3 = next(r for r in site.results["results"] if r["id"] == "B3-doi-ngu-chat-luong")
    assert "Điều 6" in b3["basis"] and "Điều 8" in b3["basis"]
    assert b3["status"] == "pass"


def test_preschool_basis_is_its_own_article(built):
    b4 = next(r for r in built("mam-non").results["results"] if r["id"] == "B4-ke-hoach-ket-qua")
    assert b4["basis"].startswith("Điều 7 Thông tư 09/2024/TT-BGDĐT")


def _break(site, tmp_path, url, regex, repl):
    import shutil

    out = tmp_path / "output"
    shutil.copytree(site.output, out)
    page = out / url / "index.html"
    text, n = re.subn(regex, repl, page.read_text("utf-8"), flags=re.S)
    assert n, f"break did not apply: {regex!r} in {url}"
    page.write_text(text, "utf-8")
    return out


OFFICE_BREAKS = {
    "A10-thu-tuc-hanh-chinh": ("thu-tuc-hanh-chinh", r'data-role="thu-tuc"', 'data-role="x"'),
    "A11-dich-vu-cong": ("dich-vu-cong-truc-tuyen", r'data-role="dich-vu"', 'data-role="x"'),
    "A13-chi-dao-dieu-hanh": ("chi-dao-dieu-hanh", r"<tr data-type=[^>]*>", "<tr>"),
    "C8-menu-co-quan": ("", r'(<nav class="main-nav".*?)href="/?dich-vu-cong-truc-tuyen/"', r'\1href="/x/"'),
}


@pytest.mark.parametrize("rule_id", sorted(OFFICE_BREAKS))
def test_breaking_an_office_requirement_fails_exactly_its_rule(built, tmp_path, rule_id):
    from truongweb.plugins.compliance.engine import Site, format_summary, load_rules, run

    site = built("phong-gddt")
    out = _break(site, tmp_path, *OFFICE_BREAKS[rule_id])
    rules, _rows = load_rules()
    results = run(rules, Site(out, site.results["manifest"]))
    before = {r["id"] for r in site.results["results"] if r["status"] in ("error", "warning")}
    failed = {r.rule.id for r in results if r.status in ("error", "warning")} - before
    assert failed == {rule_id}, format_summary(results)
    assert f"[{rule_id}]" in format_summary(results)


def test_unknown_level_stops_the_build_with_a_vietnamese_message(tmp_path):
    from compliance_site import build_small

    from level_sites import level_content, school_settings

    content = level_content(tmp_path / "content", "thcs")
    with pytest.raises(Exception) as failure:
        build_small(tmp_path, content, SCHOOL=school_settings("thsc"))
    text = str(failure.value)
    assert 'SCHOOL["level"] = "thsc"' in text and 'Có phải ý bạn là "thcs"?' in text
    assert "Traceback" not in text


def test_office_without_procedures_file_names_it(tmp_path):
    from compliance_site import build_small

    from level_sites import level_content, school_settings

    content = level_content(tmp_path / "content", "so-gddt")
    (content / "data" / "thu-tuc-hanh-chinh.yml").unlink()
    with pytest.raises(Exception) as failure:
        build_small(tmp_path, content, SCHOOL=school_settings("so-gddt"))
    assert "content/data/thu-tuc-hanh-chinh.yml" in str(failure.value)
