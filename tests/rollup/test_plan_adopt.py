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
