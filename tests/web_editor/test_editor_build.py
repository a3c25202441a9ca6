"""The web editor is written into a real Pelican build."""

from pathlib import Path

import pytest
import yaml

from truongweb.plugins.web_editor.config import EditorConfigError

from editor_site import build, demo_content, has_foundation


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("editor-build")
    content = demo_content(tmp / "content")
    return build(content, tmp / "output")


def test_admin_page_config_and_vendored_editor(site):
    admin = site / "admin"
    page = (admin / "index.html").read_text(encoding="utf-8")
    assert '<meta name="robots" content="noindex, nofollow">' in page
    config = yaml.safe_load((admin / "config.yml").read_text(encoding="utf-8"))
    articles = next(c for c in config["collections"] if c["name"] == "articles")
    topics = next(f for f in articles["fields"] if f["name"] == "topics")
    values = [o["value"] for o in topics["options"]]
    assert "thu-chuyen-doi-so" in values and "thu-an-toan-truong-hoc" in values
    assert (admin / "sveltia-cms.js").stat().st_size > 1_000_000
    assert (admin / "chunks").is_dir() and (admin / "assets").is_dir()
    vi = list((admin / "chunks").glob("vi-*.js"))
    assert vi and "Làm việc với" in vi[0].read_text(encoding="utf-8")
    assert list((admin / "assets").glob("material-symbols-outlined-*.woff2"))


def test_admin_is_linked_from_no_public_page(site):
    for page in site.rglob("*.html"):
        if page.relative_to(site).parts[0] == "admin":
            continue
        text = page.read_text(encoding="utf-8")
        assert "/admin" not in text and 'href="admin' not in text, page


def test_admin_not_in_sitemap(site):
    sitemap = site / "sitemap.xml"
    if not has_foundation():
        pytest.skip("sitemap settings come with the foundation's pelicanconf.py")
    assert "/admin" not in sitemap.read_text(encoding="utf-8")


def test_content_folder_untouched(tmp_path):
    content = demo_content(tmp_path / "content")
    before = sorted(p.relative_to(content) for p in content.rglob("*"))
    build(content, tmp_path / "out")
    assert sorted(p.relative_to(content) for p in content.rglob("*")) == before


def test_bad_backend_setting_stops_the_build(tmp_path):
    content = demo_content(tmp_path / "content")
    with pytest.raises(EditorConfigError, match="EDITOR_BACKEND"):
        build(content, tmp_path / "out", EDITOR_BACKEND={"name": "bitbucket", "repo": "a/b"})


def test_editor_can_be_turned_off(tmp_path):
    content = demo_content(tmp_path / "content")
    out = build(content, tmp_path / "out", EDITOR_ENABLED=False)
    assert not (out / "admin").exists()


def test_channel_without_link_is_rejected_by_the_build(tmp_path):
    """The editor can't make «link» depend on «channel»; its hint warns, the build refuses."""
    import sys
    from pathlib import Path as _P
    from helpers import run_build_cli

    from truongweb.plugins.web_editor.config import build_config
    from truongweb.plugins.plan_evidence.plans import load_plans

    content = demo_content(tmp_path / "content")
    config = build_config({"CATEGORIES": ["Đoàn – Đội"]}, load_plans(content / "plans"))
    fields = next(c for c in config["collections"] if c["name"] == "articles")["fields"]
    hints = {f["name"]: f["hint"] for f in fields}
    assert "BẮT BUỘC" in hints["channel"] and "Bắt buộc" in hints["link"]
    article = content / "articles" / "2026" / "04-bai-dang-facebook.md"
    article.write_text(
        "---\ntitle: Bài đăng trên Facebook\ndate: 2026-04-20T08:00:00+07:00\n"
        "category: Đoàn – Đội\ntopics:\n  - thu-doan-doi\nchannel: facebook\n"
        "status: published\n---\n\nNội dung.\n", encoding="utf-8")
    result = run_build_cli("--content", content, "--output", tmp_path / "out",
                           "--cache", tmp_path / "cache")
    assert result.returncode == 1
    assert "Lỗi:" in result.stderr and "04-bai-dang-facebook.md" in result.stderr
    assert "'link'" in result.stderr and "Traceback" not in result.stderr


def test_bad_backend_setting_gives_a_clean_cli_error(tmp_path):
    import sys
    from pathlib import Path as _P
    from helpers import run_build_cli

    result = run_build_cli("--output", tmp_path / "out", "--cache", tmp_path / "cache",
                           "--set", 'EDITOR_BACKEND={"name": "github"}')
    assert result.returncode == 1
    assert "Lỗi: pelicanconf.py: khóa 'EDITOR_BACKEND': thiếu 'repo'" in result.stderr
    assert "Traceback" not in result.stderr
