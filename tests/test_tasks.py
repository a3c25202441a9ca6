"""Tasks as a user runs them: new, clean, publish's refusals."""

import shutil
import subprocess
import sys
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from helpers import ROOT
from truongweb.new_article import ArticleExistsError, create_article
from truongweb.paths import UnsafePathError, safe_remove_tree


def invoke(*args, cwd):
    return subprocess.run([sys.executable, "-m", "invoke", *args], cwd=cwd,
                          capture_output=True, text=True, encoding="utf-8")


@pytest.fixture
def project(tmp_path):
    """A git clone-like copy of the project with its own content."""
    copy = tmp_path / "truong"
    ignore = shutil.ignore_patterns("output*", "cache", ".git", "node_modules", ".venv",
                                    "__pycache__", ".pytest_cache")
    shutil.copytree(ROOT, copy, ignore=ignore)
    for command in (["init", "-q", "-b", "main"], ["add", "-A"],
                    ["-c", "user.name=T", "-c", "user.email=t@example.invalid",
                     "commit", "-q", "-m", "demo"]):
        subprocess.run(["git", *command], cwd=copy, check=True)
    return copy


def test_new_article_has_ascii_slug_and_front_matter(tmp_path):
    now = datetime(2026, 3, 26, 8, 5, tzinfo=ZoneInfo("Asia/Ho_Chi_Minh"))
    path = create_article("Đại hội Đoàn TNCS Hồ Chí Minh", tmp_path, now=now)
    assert path == tmp_path / "articles" / "2026" / "03-dai-hoi-doan-tncs-ho-chi-minh.md"
    text = path.read_text(encoding="utf-8")
    assert 'title: "Đại hội Đoàn TNCS Hồ Chí Minh"' in text
    assert "date: 2026-03-26T08:05:00+07:00" in text
    assert "status: draft" in text


def test_new_never_overwrites(tmp_path):
    now = datetime(2026, 3, 26, 8, 5, tzinfo=ZoneInfo("Asia/Ho_Chi_Minh"))
    path = create_article("Thông báo nghỉ lễ", tmp_path, now=now)
    path.write_text("bài của thầy cô", encoding="utf-8")
    with pytest.raises(ArticleExistsError):
        create_article("Thông báo nghỉ lễ", tmp_path, now=now)
    assert path.read_text(encoding="utf-8") == "bài của thầy cô"


def test_new_task_from_the_command_line(project):
    first = invoke("new", "Lễ kỷ niệm ngày Nhà giáo Việt Nam", cwd=project)
    assert first.returncode == 0, first.stderr
    created = list((project / "content" / "articles").rglob("*-le-ky-niem-ngay-nha-giao-viet-nam.md"))
    assert len(created) == 1
    second = invoke("new", "Lễ kỷ niệm ngày Nhà giáo Việt Nam", cwd=project)
    assert second.returncode == 1
    assert "không ghi đè" in second.stderr


def test_clean_removes_output_and_cache_but_not_content(project):
    before = sorted(p.relative_to(project).as_posix() for p in (project / "content").rglob("*"))
    (project / "output" / "x").mkdir(parents=True)
    (project / "cache").mkdir()
    result = invoke("clean", cwd=project)
    assert result.returncode == 0, result.stderr
    assert not (project / "output").exists() and not (project / "cache").exists()
    after = sorted(p.relative_to(project).as_posix() for p in (project / "content").rglob("*"))
    assert before == after


def test_safe_remove_refuses_content_and_project_root(tmp_path):
    with pytest.raises(UnsafePathError):
        safe_remove_tree(ROOT)
    with pytest.raises(UnsafePathError):
        safe_remove_tree(ROOT / "content")
    with pytest.raises(UnsafePathError):
        safe_remove_tree(tmp_path, protected=(tmp_path / "content",))


def test_publish_refuses_uncommitted_content(project):
    (project / "content" / "articles" / "moi.md").write_text("---\ntitle: x\n---\n", encoding="utf-8")
    result = invoke("publish", "--no-push", cwd=project)
    assert result.returncode == 1
    assert "Từ chối xuất bản" in result.stderr and "chưa commit" in result.stderr
    branches = subprocess.run(["git", "branch"], cwd=project, capture_output=True, text=True, encoding="utf-8")
    assert "gh-pages" not in branches.stdout


def test_publish_refuses_when_build_fails(project):
    article = next((project / "content" / "articles").rglob("*.md"))
    article.write_text("---\ntitle: [hỏng\n---\n", encoding="utf-8")
    subprocess.run(["git", "-c", "user.name=T", "-c", "user.email=t@example.invalid",
                    "commit", "-qam", "break"], cwd=project, check=True)
    result = invoke("publish", "--no-push", cwd=project)
    assert result.returncode == 1
    assert "Từ chối xuất bản: dựng trang thất bại" in result.stderr
    branches = subprocess.run(["git", "branch"], cwd=project, capture_output=True, text=True, encoding="utf-8")
    assert "gh-pages" not in branches.stdout


def test_publish_creates_gh_pages_without_drafts(project):
    result = invoke("publish", "--no-push", cwd=project)
    assert result.returncode == 0, result.stderr
    files = subprocess.run(["git", "ls-tree", "-r", "--name-only", "gh-pages"], cwd=project,
                           capture_output=True, text=True, check=True).stdout.splitlines()
    assert "index.html" in files and ".nojekyll" in files
    assert not [f for f in files if f.startswith("ban-nhap/")]


def test_publish_refuses_when_the_compliance_check_fails(project):
    settings = project / "pelicanconf.py"
    text = settings.read_text(encoding="utf-8")
    # The footer owner block (checklist C8) needs the school's e-mail address.
    settings.write_text(text.replace('"email": "c2thanhbinh@phutho.edu.vn"', '"email": ""'),
                        encoding="utf-8")
    subprocess.run(["git", "-c", "user.name=T", "-c", "user.email=t@example.invalid",
                    "commit", "-qam", "no e-mail"], cwd=project, check=True)
    result = invoke("publish", "--no-push", cwd=project)
    assert result.returncode == 1
    assert "C8" in result.stdout + result.stderr
    assert "Từ chối xuất bản: trang chưa đạt kiểm tra tuân thủ" in result.stderr
    branches = subprocess.run(["git", "branch"], cwd=project, capture_output=True, text=True,
                              encoding="utf-8")
    assert "gh-pages" not in branches.stdout


def test_invoke_lists_the_tasks_in_vietnamese_and_forwards_to_truongweb(tmp_path):
    listing = invoke("--list", cwd=ROOT)
    assert listing.returncode == 0, listing.stderr
    for name, words in (("build", "Dựng trang web"), ("serve", "máy chủ xem thử"),
                        ("preview", "Xem thử đúng bản"), ("publish", "Xuất bản lên GitHub Pages"),
                        ("check", "Kiểm tra tuân thủ"), ("new", "Tạo bài viết mới"),
                        ("clean", "Xóa thư mục kết quả"), ("report", "Báo cáo kết quả")):
        line = next(line for line in listing.stdout.splitlines() if line.split()[:1] == [name])
        assert words in line
    # The same Vietnamese refusal as `truongweb report` (the task only forwards).
    bad = invoke("report", "--as-of", "30/11", cwd=ROOT)
    assert bad.returncode == 1 and "Lỗi: --as-of '30/11' không phải ngày hợp lệ" in bad.stderr
    assert "Traceback" not in bad.stderr
