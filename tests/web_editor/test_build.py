"""The web editor is written into a real Pelican build."""

from pathlib import Path

import pytest
import yaml

from web_editor.config import EditorConfigError

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
