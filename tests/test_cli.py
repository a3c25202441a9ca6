"""The installed `truongweb` command, run as a school runs it: inside a site
folder that is not this repository (a small site copied into a temporary
folder: its content, the demo's pelicanconf.py and publishconf.py)."""

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from compliance_site import AS_OF, make_content
from helpers import ROOT, free_port
from truongweb import cli

TRUONGWEB = Path(sys.executable).with_name("truongweb")
SCHOOL_NAME = "Trường Trung học cơ sở Thanh Bình"
GIT_USER = ["-c", "user.name=T", "-c", "user.email=t@example.invalid"]


def truongweb(*args, cwd, timeout=300):
    environment = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    environment.pop("SITE_DEBUG", None)
    return subprocess.run([str(TRUONGWEB), *map(str, args)], cwd=cwd, capture_output=True,
                          text=True, encoding="utf-8", env=environment, timeout=timeout)


def git(*args, cwd):
    return subprocess.run(["git", *GIT_USER, *args], cwd=cwd, check=True, capture_output=True,
                          text=True, encoding="utf-8")


@pytest.fixture
def site(tmp_path):
    """A school's site folder, committed in its own git repository: the small
    test site (every section the rules need, so it passes the compliance
    check), the demo's plans and settings files, nothing of the product."""
    folder = tmp_path / "truong-thu"
    make_content(folder / "content")
    shutil.copytree(ROOT / "content" / "plans", folder / "content" / "plans")
    for name in ("pelicanconf.py", "publishconf.py"):
        shutil.copyfile(ROOT / name, folder / name)
    with open(folder / "pelicanconf.py", "a", encoding="utf-8") as settings:
        settings.write(f'\nCOMPLIANCE_AS_OF = "{AS_OF}"  # the day the test data is dated for\n')
    (folder / ".gitignore").write_text("output*/\ncache/\n", encoding="utf-8")
    git("init", "-q", "-b", "main", cwd=folder)
    git("add", "-A", cwd=folder)
    git("commit", "-q", "-m", "trang mới", cwd=folder)
    return folder


def assert_vietnamese_failure(result, code=None):
    assert result.returncode != 0 if code is None else result.returncode == code, result
    assert "Lỗi:" in result.stderr, result.stderr
    assert "Traceback" not in result.stdout + result.stderr


def test_the_command_is_installed():
    assert TRUONGWEB.is_file(), "pip install -e . installs the truongweb command"


def test_help_lists_every_command_in_vietnamese(tmp_path):
    result = truongweb("--help", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Cách dùng: truongweb")
    assert "Các lệnh" in result.stdout and "usage:" not in result.stdout
    listing = " ".join(result.stdout.split())
    for name in cli.COMMANDS:
        assert f" {name} " in listing
        assert " ".join(cli.load_command(name).HELP.split()[:6]) in listing
    for name in cli.COMMANDS:
        helptext = truongweb(name, "--help", cwd=tmp_path)
        assert helptext.returncode == 0, helptext.stderr
        assert helptext.stdout.startswith(f"Cách dùng: truongweb {name}")
        assert "in hướng dẫn này rồi thoát" in helptext.stdout
        assert "show this help" not in helptext.stdout and "options:" not in helptext.stdout


def test_build_check_and_clean_in_a_site_folder(site):
    content_before = sorted(p.relative_to(site).as_posix() for p in (site / "content").rglob("*"))
    built = truongweb("build", cwd=site)
    assert built.returncode == 0, built.stderr
    assert SCHOOL_NAME in (site / "output" / "index.html").read_text(encoding="utf-8")
    assert (site / "cache").is_dir()

    checked = truongweb("check", cwd=site)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert "Kiểm tra đạt" in checked.stdout

    (site / "output-preview").mkdir()
    cleaned = truongweb("clean", cwd=site)
    assert cleaned.returncode == 0, cleaned.stderr
    assert "Đã xóa output/, output-preview/, cache/" in cleaned.stdout
    assert not any((site / name).exists() for name in ("output", "output-preview", "cache"))
    assert sorted(p.relative_to(site).as_posix() for p in (site / "content").rglob("*")) == content_before
    again = truongweb("clean", cwd=site)
    assert again.returncode == 0 and "Không có gì để xóa" in again.stdout


def test_check_fails_in_vietnamese_when_a_rule_is_broken(site):
    settings = site / "pelicanconf.py"
    # The footer owner block (checklist C8) needs the school's e-mail address.
    settings.write_text(settings.read_text(encoding="utf-8").replace(
        '"email": "c2thanhbinh@phutho.edu.vn"', '"email": ""'), encoding="utf-8")
    result = truongweb("check", cwd=site)
    assert result.returncode == 1
    assert "C8" in result.stdout and "Kiểm tra thất bại" in result.stderr
    assert "Traceback" not in result.stderr


def test_new_creates_a_draft_and_never_overwrites(site):
    first = truongweb("new", "Tiêu đề", "--author", "Trần Thị Mai", cwd=site)
    assert first.returncode == 0, first.stderr
    [created] = (site / "content" / "articles").rglob("*-tieu-de.md")
    text = created.read_text(encoding="utf-8")
    assert 'title: "Tiêu đề"' in text and "status: draft" in text and "author: Trần Thị Mai" in text
    assert "category: Tin tức – Sự kiện" in text  # the site's DEFAULT_CATEGORY
    assert created.relative_to(site).as_posix() in first.stdout
    created.write_text(text + "\nBài của thầy cô.\n", encoding="utf-8")

    second = truongweb("new", "Tiêu đề", cwd=site)
    assert_vietnamese_failure(second, 1)
    assert "không ghi đè" in second.stderr
    assert created.read_text(encoding="utf-8").endswith("Bài của thầy cô.\n")

    wrong = truongweb("new", "Bài khác", "--category", "Thong bao", cwd=site)
    assert_vietnamese_failure(wrong, 1)
    assert "CATEGORIES" in wrong.stderr and 'Có phải ý bạn là "Thông báo"' in wrong.stderr
    assert not list((site / "content" / "articles").rglob("*-bai-khac.md"))

    built = truongweb("build", cwd=site)  # the new file is a valid draft
    assert built.returncode == 0, built.stderr
    assert list((site / "output" / "ban-nhap").rglob("index.html"))


def test_report_gives_the_plans_figures(site):
    result = truongweb("report", "--as-of", AS_OF, cwd=site)
    assert result.returncode == 0, result.stderr
    assert "Kỳ: " in result.stdout and "Toàn kế hoạch (mọi bài)" in result.stdout
    missing = truongweb("report", "--plan", "khong-co", "--as-of", AS_OF, cwd=site)
    assert_vietnamese_failure(missing, 1)
    assert "Không có kế hoạch 'khong-co'" in missing.stderr


def test_publish_refuses_uncommitted_content_then_pushes_to_the_remote(site, tmp_path):
    remote = tmp_path / "kho-tren-github.git"
    subprocess.run(["git", "init", "-q", "--bare", str(remote)], check=True)
    git("remote", "add", "origin", remote.as_uri(), cwd=site)

    article = site / "content" / "articles" / "bai-moi.md"
    article.write_text("---\ntitle: Bài mới\ndate: 2026-11-20\ncategory: Thông báo\n---\nx\n",
                       encoding="utf-8")
    refused = truongweb("publish", cwd=site)
    assert_vietnamese_failure(refused, 1)
    assert "Từ chối xuất bản" in refused.stderr and "content/articles/bai-moi.md" in refused.stderr
    branches = subprocess.run(["git", "branch", "--list"], cwd=remote, capture_output=True, text=True)
    assert "gh-pages" not in branches.stdout

    git("add", "-A", cwd=site)
    git("commit", "-q", "-m", "bài mới", cwd=site)
    published = truongweb("publish", cwd=site)
    assert published.returncode == 0, published.stdout + published.stderr
    assert "Đã xuất bản lên nhánh gh-pages và đẩy lên origin" in published.stdout
    files = subprocess.run(["git", "ls-tree", "-r", "--name-only", "gh-pages"], cwd=remote,
                           capture_output=True, text=True, check=True).stdout.splitlines()
    assert {"index.html", ".nojekyll", "sitemap.xml"} <= set(files)
    assert not [name for name in files if name.startswith("ban-nhap/")]
    home = subprocess.run(["git", "show", "gh-pages:index.html"], cwd=remote, capture_output=True,
                          text=True, encoding="utf-8", check=True).stdout
    assert "Bài mới" in home and "https://thcsthanhbinh.phutho.edu.vn/" in home  # publish settings


def test_publish_without_a_remote_says_how_to_add_one(site):
    result = truongweb("publish", cwd=site)
    assert_vietnamese_failure(result, 1)
    assert "git remote add origin" in result.stderr and "--no-push" in result.stderr


@pytest.mark.parametrize("arguments, words", [
    (["lam-gi-do"], "lựa chọn không hợp lệ"),
    (["serve", "--port", "abc"], "cổng “abc” không hợp lệ"),
    (["build", "--set", "SITEURL"], "KHÓA=GIÁ_TRỊ"),
    (["build", "--khong-co"], "không hiểu tham số"),
    (["new"], "thiếu tham số bắt buộc"),
    (["new", "!!!"], "ít nhất một chữ cái"),
    (["report", "--as-of", "30/11/2026"], "không phải ngày hợp lệ"),
    (["import", "nukeviet", "khong-co.sql"], "khong-co.sql"),
    (["import", "joomla", "x.sql"], "lựa chọn không hợp lệ"),
    (["plan", "adopt", "khong-co.yml"], "khong-co.yml"),
    (["plan"], "thiếu tham số bắt buộc"),
    (["rollup", "khong-co.yml", "--output", "tong-hop"], "khong-co.yml"),
    (["rollup", "truong.yml"], "thiếu tham số bắt buộc: --output"),
])
def test_bad_arguments_are_vietnamese_errors(site, arguments, words):
    result = truongweb(*arguments, cwd=site)
    assert_vietnamese_failure(result)
    assert words in result.stderr


def test_outside_a_site_folder_the_site_commands_say_so(tmp_path):
    for command in ("build", "serve", "check", "clean", "publish", "report"):
        result = truongweb(command, cwd=tmp_path)
        assert_vietnamese_failure(result, 1)
        assert "không phải thư mục của một trang web" in result.stderr
        assert "truongweb init" in result.stderr
    assert not (tmp_path / "output").exists()


def fetch(url):
    with urllib.request.urlopen(url, timeout=5) as response:
        return response.read().decode("utf-8")


def wait_for_page(url, server, seconds=120):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        assert server.poll() is None, server.communicate()[0]
        try:
            return fetch(url)
        except OSError:
            time.sleep(0.5)
    raise AssertionError(f"{url} did not answer")


@pytest.mark.parametrize("command", ["serve", "preview"])
def test_serve_and_preview_answer_on_localhost(site, command):
    (site / "content" / "articles" / "ban-nhap-rieng.md").write_text(
        "---\ntitle: Bản nháp riêng\ndate: 2026-11-20\ncategory: Thông báo\nstatus: draft\n---\nx\n",
        encoding="utf-8")
    port = free_port()
    server = subprocess.Popen([str(TRUONGWEB), command, "--port", str(port)], cwd=site,
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                              encoding="utf-8")
    try:
        home = wait_for_page(f"http://127.0.0.1:{port}/", server)
        assert SCHOOL_NAME in home
        draft = f"http://127.0.0.1:{port}/ban-nhap/ban-nhap-rieng/"
        if command == "serve":  # the working copy, drafts included
            assert "Bản nháp riêng" in fetch(draft)
        else:  # exactly what would be published
            with pytest.raises(urllib.error.HTTPError) as missing:
                fetch(draft)
            assert missing.value.code == 404
        # Live reload only while serving the working copy.
        assert ('<script src="/__tai-lai.js"></script>' in home) == (command == "serve")
    finally:
        server.terminate()
        output = server.communicate(timeout=30)[0]
    assert server.returncode == 0, output
    assert f"Xem trang tại http://127.0.0.1:{port}/" in output
    assert "Đã dừng máy chủ xem thử" in output and "Traceback" not in output
    folder = "output" if command == "serve" else "output-preview"
    assert (site / folder / "index.html").is_file()


def test_serve_on_a_busy_port_is_refused_before_building(site):
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        result = truongweb("serve", "--port", port, cwd=site, timeout=60)
    assert_vietnamese_failure(result, 1)
    assert f"cổng {port} đang được một chương trình khác dùng" in result.stderr
    assert not (site / "output").exists()
