"""plan adopt: the district's plan file into content/plans/, unchanged, or a
clear refusal."""

import subprocess
import sys

import pytest

from helpers import ROOT, serve_directory
from truongweb.plan_adopt import AdoptError, adopt_plan

PLAN = ROOT / "tests" / "evidence" / "data" / "basic" / "plans"


def plan_file():
    return sorted(PLAN.glob("*.y*ml"))[0]


def test_adopt_from_file_and_url(tmp_path):
    src = plan_file()
    content = tmp_path / "content"
    written = adopt_plan(str(src), content)
    assert written.parent == content / "plans" and written.read_bytes() == src.read_bytes()
    assert adopt_plan(str(src), content) == written  # same file again: fine
    (tmp_path / "web").mkdir()
    (tmp_path / "web" / "kh.yml").write_bytes(src.read_bytes())
    with serve_directory(tmp_path / "web") as base:
        other = tmp_path / "c2"
        assert adopt_plan(f"{base}/kh.yml", other).read_bytes() == src.read_bytes()
        with pytest.raises(AdoptError, match=r"lỗi HTTP 404"):
            adopt_plan(f"{base}/khong-co.yml", other)


def test_refuses_what_is_not_a_plan(tmp_path):
    bad = tmp_path / "ke-hoach.yml"
    bad.write_text("id: kh\ntitle: X\nstart: 2024-01-01\nend: 2023-01-01\ntopics: []\n", encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "truongweb.plan_adopt", str(bad), "--content",
                          str(tmp_path / "content")], cwd=ROOT, capture_output=True, text=True, encoding="utf-8")
    assert run.returncode == 1 and run.stderr.startswith(f"Lỗi: {bad}") and "Traceback" not in run.stderr
    assert not (tmp_path / "content" / "plans").exists()
    changed = tmp_path / "doi.yml"
    changed.write_text(plan_file().read_text(encoding="utf-8").replace("title:", "title: Mới", 1), encoding="utf-8")
    adopt_plan(str(plan_file()), tmp_path / "content")
    with pytest.raises(AdoptError, match="thêm --force"):
        adopt_plan(str(changed), tmp_path / "content")
    assert adopt_plan(str(changed), tmp_path / "content", force=True).read_bytes() == changed.read_bytes()


def truongweb(*args, cwd):
    return subprocess.run([sys.executable, "-m", "truongweb", *args], cwd=cwd, capture_output=True,
                          text=True, encoding="utf-8", timeout=120)


@pytest.fixture
def site_folder(tmp_path):
    (tmp_path / "pelicanconf.py").write_text("from truongweb.settings import *\n", encoding="utf-8")
    (tmp_path / "a-folder.yml").mkdir()
    return tmp_path


@pytest.mark.parametrize("source, reason", [
    ("khong-co.yml", "không có tệp hoặc thư mục này"),
    ("a-folder.yml", "đây là một thư mục, không phải tệp"),
])
def test_plan_adopt_says_why_in_vietnamese(site_folder, source, reason):
    run = truongweb("plan", "adopt", source, cwd=site_folder)
    assert run.returncode == 1, run.stdout
    assert run.stderr.strip() == f"Lỗi: {source}: không đọc được tệp ({reason})."


def test_rollup_says_why_in_vietnamese(tmp_path):
    missing = truongweb("rollup", "khong-co.yml", "--output", "ra", cwd=tmp_path)
    assert missing.returncode == 1
    assert missing.stderr.strip() == "Lỗi: khong-co.yml: không đọc được tệp (không có tệp hoặc thư mục này)."
    (tmp_path / "truong.yml").write_text(
        "district: Phòng GD&ĐT Thanh Ba\nplan: kh-truyen-thong-2024\nschools:\n"
        "  - {code: thcs-a, name: THCS A, level: thcs, site: 'https://a.example.edu.vn'}\n", encoding="utf-8")
    (tmp_path / "tep").write_text("không phải thư mục", encoding="utf-8")
    unwritable = truongweb("rollup", "truong.yml", "--output", "tep/ra", cwd=tmp_path)
    assert unwritable.returncode == 1
    assert unwritable.stderr.strip() == \
        "Lỗi: không đọc hoặc ghi được tep/ra (một phần của đường dẫn không phải thư mục)."
    for run in (missing, unwritable):
        assert "No such file" not in run.stderr and "Not a directory" not in run.stderr
