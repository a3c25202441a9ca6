"""``truongweb init`` with flags, then ``truongweb build`` in the new site:
it builds at once, carries the school's identity, and lists what the school
still has to fill in; ``--check`` blocks publishing until the blocking items
are done."""

import json
import re
from pathlib import Path

import pytest
import yaml

from initsite import IDENTITY, init, run
from truongweb import __version__, scaffold

NAME = IDENTITY["--name"]


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    folder = tmp_path_factory.mktemp("init") / "th-kim-dong"
    created = init(folder)
    assert created.returncode == 0, created.stderr
    built = run("build", cwd=folder)
    return folder, created, built


def test_init_writes_every_section_and_settings(site):
    folder, created, _built = site
    assert "Đã tạo trang web của Trường Tiểu học Kim Đồng" in created.stdout
    for section in scaffold.sections_for("tieu-hoc"):
        for target, _template in scaffold.SECTION_FILES[section]:
            assert (folder / target).is_file(), target
    for target, _template in scaffold.SITE_FILES:
        assert (folder / target).is_file(), target
    assert (folder / "requirements.txt").read_text(encoding="utf-8").splitlines()[-1] == \
        f"truongweb=={__version__}"
    workflow = (folder / ".github/workflows/publish.yml").read_text(encoding="utf-8")
    steps = yaml.safe_load(workflow)["jobs"]["build"]["steps"]
    assert [s["run"] for s in steps if "pip install" in s.get("run", "")] == ["pip install -r requirements.txt"]
    assert "pip install -r requirements.txt\n" in workflow
    assert "truongweb build --publish --clean --check" in workflow
    assert "output/" in (folder / ".gitignore").read_text(encoding="utf-8").split()
    assert NAME in (folder / "README.md").read_text(encoding="utf-8")


def test_settings_hold_the_identity_once(site):
    folder, _created, _built = site
    namespace = {}
    exec((folder / "pelicanconf.py").read_text(encoding="utf-8"), namespace)
    school = namespace["SCHOOL"]
    assert school["name"] == NAME and school["short_name"] == "TH Kim Đồng"
    assert school["level"] == "tieu-hoc"
    assert school["site_url"] == IDENTITY["--site-url"]
    assert school["responsible"] == IDENTITY["--principal"]
    assert namespace["THEME"]  # the product's settings came through defaults()
    assert "publish_settings(__file__)" in (folder / "publishconf.py").read_text(encoding="utf-8")


def test_build_succeeds_with_the_schools_name(site):
    folder, _created, built = site
    assert built.returncode == 0, built.stderr + built.stdout
    home = (folder / "output/index.html").read_text(encoding="utf-8")
    assert NAME in home
    assert IDENTITY["--principal"] in (folder / "output/lanh-dao/index.html").read_text(encoding="utf-8")
    # Sections a new school leaves empty say so instead of failing the build.
    assert "Hiện nhà trường không lấy ý kiến" in (folder / "output/lay-y-kien/index.html").read_text(encoding="utf-8")
    assert "/minh-chung/" not in home  # no plan yet: no link to an evidence page that is not there


def test_build_output_lists_the_todo(site):
    _folder, _created, built = site
    output = built.stdout
    assert "Việc nhà trường cần làm:" in output
    todo = output[output.index("Việc nhà trường cần làm:"):]
    # Placeholders of the starter files, each named, with the rule's severity.
    assert re.search(r"\[Bắt buộc trước khi xuất bản\] Thay mọi chỗ .*content/data/lanh-dao.yml", todo)
    assert "nhiệm vụ phụ trách của Hiệu trưởng" in todo
    assert "họ tên người phụ trách cung cấp thông tin" in todo
    assert re.search(r"\[Nên làm\] Thay các chỗ .*content/data/tuyen-sinh.yml", todo)
    # Missing content: no article, no document, no annual report yet.
    assert "(A3-tin-tuc)" in todo and "(B6-bao-cao-thuong-nien)" in todo
    assert "content/van-ban/" in todo


def test_report_page_and_results_list_the_todo(site):
    folder, _created, _built = site
    report = (folder / "output/kiem-tra-tuan-thu/index.html").read_text(encoding="utf-8")
    section = report[report.index('data-role="viec-can-lam"'):]
    assert "Việc nhà trường cần làm" in section
    assert 'data-severity="error"' in section and 'data-severity="warning"' in section
    assert "nhiệm vụ phụ trách của Hiệu trưởng" in section
    results = json.loads((folder / "output/kiem-tra-tuan-thu/ket-qua.json").read_text(encoding="utf-8"))
    by_rule = {rule: item for item in results["todo"] for rule in item["rules"]}
    assert by_rule["A1-chua-dien"]["severity"] == "error"
    assert by_rule["A6-chua-dien"]["severity"] == "warning"
    assert by_rule["C5-hoi-dap"]["severity"] == "warning"


def test_check_blocks_publishing_while_blocking_items_are_missing(site):
    folder, _created, _built = site
    checked = run("build", "--check", "--output", "output-check", cwd=folder)
    assert checked.returncode == 1
    assert "Không được xuất bản bản dựng này" in checked.stderr
    assert "A1-chua-dien" in checked.stdout


def test_filling_a_file_removes_its_item(site, tmp_path):
    """The to-do comes from the placeholders themselves: replace those of the
    contact file and its item goes, the others stay."""
    folder, _created, _built = site
    contact = folder / "content/data/lien-he.yml"
    data = yaml.safe_load(contact.read_text(encoding="utf-8"))
    data["hours"] = "Thứ Hai đến Thứ Sáu, 7 giờ 00 – 17 giờ 00"
    data["contact_person"].update(name="Hoàng Văn An", position="Nhân viên văn thư")
    original = contact.read_text(encoding="utf-8")
    try:
        contact.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
        built = run("build", "--output", str(tmp_path / "out"), "--cache", str(tmp_path / "cache"), cwd=folder)
    finally:
        contact.write_text(original, encoding="utf-8")
    assert built.returncode == 0, built.stderr
    assert "(A2-chua-dien)" not in built.stdout
    assert "(A1-chua-dien)" in built.stdout


def test_no_product_code_in_the_site(site):
    """Settings files aside, the site holds content only: upgrading is a new
    package version, never a merge."""
    folder, _created, _built = site
    sources = [p.relative_to(folder).as_posix() for p in folder.rglob("*")
               if p.is_file() and not p.relative_to(folder).parts[0].startswith(("output", "cache"))]
    code = [p for p in sources if p.endswith((".py", ".html", ".js", ".css", ".j2"))]
    assert sorted(code) == ["pelicanconf.py", "publishconf.py"]
    for top in ("plugins", "theme", "truongweb"):
        assert not (folder / top).exists()
    for name in code:
        imports = re.findall(r"^\s*(?:from|import)\s+([\w.]+)", (folder / name).read_text(encoding="utf-8"), re.M)
        assert imports == ["truongweb.settings"], (name, imports)


def test_requirement_option_is_written(tmp_path):
    spec = "truongweb @ git+https://github.com/example/truongweb@v0.1.0"
    created = init(tmp_path / "site", requirement=spec)
    assert created.returncode == 0, created.stderr
    assert (tmp_path / "site/requirements.txt").read_text(encoding="utf-8").splitlines()[-1] == spec


def test_bad_flag_value_is_refused_in_vietnamese(tmp_path):
    created = init(tmp_path / "site", level="dai-hoc")
    assert created.returncode == 1
    assert "Cấp học “dai-hoc” không hợp lệ" in created.stderr
    assert "Traceback" not in created.stderr
    assert not (tmp_path / "site").exists()


def test_missing_flag_without_terminal_names_it(tmp_path):
    created = init(tmp_path / "site", phone=None)
    assert created.returncode == 1
    assert "--phone" in created.stderr
    assert not Path(tmp_path / "site").exists()


def test_every_category_has_its_page_before_its_first_article(site):
    """The menu links the news categories: each has its page (and feed), out
    of the sitemap while empty, and no internal link is broken."""
    from truongweb.plugins.compliance.links import check_links

    folder, _created, built = site
    output = folder / "output"
    sitemap = (output / "sitemap.xml").read_text(encoding="utf-8")
    for slug in ("thong-bao", "tin-tuc-su-kien", "hoat-dong-chuyen-mon", "doan-doi", "tuyen-sinh", "guong-sang"):
        page = (output / slug / "index.html").read_text(encoding="utf-8")
        assert "Chưa có bài viết trong chuyên mục này." in page, slug
        assert (output / "feeds" / f"{slug}.atom.xml").is_file(), slug
        assert f"/{slug}/</loc>" not in sitemap, slug
    home = (output / "index.html").read_text(encoding="utf-8")
    assert 'href="/thong-bao/"' in home  # the menu
    assert "Thông báo mới" not in home and 'class="home-section"' not in home  # no empty blocks
    assert check_links(output, "", ("admin/",)) == []
    todo = built.stdout[built.stdout.index("Việc nhà trường cần làm:"):]
    assert "Đăng bài tin tức, sự kiện đầu tiên" in todo and "chưa có bài" not in todo
