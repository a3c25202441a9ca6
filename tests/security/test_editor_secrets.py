"""The web editor's public files (/admin/config.yml, /admin/index.html):
only the backend keys the editor needs, never a secret, and a strict CSP."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
import yaml

# tests/helpers.py, and htmltools.py next to this file (also if this folder becomes a package)

from helpers import ROOT, TEST_SITE, build_site, read, run_build_cli
from htmltools import elements
from truongweb.build import BuildFailed
from truongweb.plugins.web_editor.config import BACKEND_KEYS, EditorConfigError, backend_origins, build_config
from truongweb.plugins.web_editor.page import editor_csp, render_index

SETTINGS = {"CATEGORIES": ["Thông báo"], "DEFAULT_CATEGORY": "Thông báo",
            "TIMEZONE": "Asia/Ho_Chi_Minh"}


@pytest.mark.parametrize("key", ["client_secret", "token", "access_token", "password",
                                 "Private_Key", "api_key"])
def test_a_secret_in_editor_backend_is_refused(key):
    backend = {"name": "github", "repo": "truong/web", key: "ghp_abcdefghijklmnop"}
    with pytest.raises(EditorConfigError) as error:
        build_config({**SETTINGS, "EDITOR_BACKEND": backend}, [])
    message = str(error.value)
    assert "pelicanconf.py" in message and "EDITOR_BACKEND" in message and key in message
    assert "bí mật" in message and "ghp_" not in message


def test_unknown_backend_key_is_refused_and_known_ones_are_copied():
    with pytest.raises(EditorConfigError, match="'client_id' không được hỗ trợ"):
        build_config({**SETTINGS, "EDITOR_BACKEND": {"name": "github", "repo": "a/b",
                                                     "client_id": "x"}}, [])
    gitlab = {"name": "gitlab", "repo": "so-gd/thcs", "branch": "main", "auth_type": "pkce",
              "app_id": "abc123", "api_root": "https://git.truong.edu.vn/api/v4",
              "base_url": "https://git.truong.edu.vn"}
    assert build_config({**SETTINGS, "EDITOR_BACKEND": gitlab}, [])["backend"] == gitlab
    assert set(gitlab) <= set(BACKEND_KEYS)


@pytest.mark.parametrize("url", ["https://bot:ghp_x@api.github.com", "http://api.github.com",
                                 "javascript:alert(1)"])
def test_backend_urls_are_https_without_credentials(url):
    with pytest.raises(EditorConfigError, match="api_root"):
        build_config({**SETTINGS, "EDITOR_BACKEND": {"name": "github", "repo": "a/b",
                                                     "api_root": url}}, [])


def test_csp_allows_only_the_configured_host():
    api, images = backend_origins({"name": "github", "repo": "a/b"})
    assert api == ["https://api.github.com"]
    api, images = backend_origins({"name": "gitlab", "repo": "a/b",
                                   "api_root": "https://git.truong.edu.vn/api/v4"})
    assert api == ["https://git.truong.edu.vn"] and images == ["https://git.truong.edu.vn"]
    assert backend_origins({"name": "test-repo"}) == ([], [])
    policy = dict(part.split(" ", 1) for part in editor_csp(api, images).split("; "))
    assert policy["default-src"] == "'none'" and policy["script-src"] == "'self'"
    assert policy["connect-src"] == "'self' blob: data: https://git.truong.edu.vn"
    assert policy["form-action"] == "'none'" and policy["base-uri"] == "'none'"
    assert policy["object-src"] == "'none'"
    page = render_index("THCS", csp=editor_csp(api, images))
    parsed = elements(page)
    assert [text for attrs, text in parsed.scripts if not attrs.get("src") or text.strip()] == []
    assert parsed.elements[3] == ("meta", {"http-equiv": "Content-Security-Policy",
                                           "content": editor_csp(api, images)})


def test_built_admin_has_no_secret_and_its_own_csp(tmp_path):
    backend = {"name": "gitlab", "repo": "so-gd/thcs", "app_id": "abc123", "auth_type": "pkce"}
    output = build_site(tmp_path, content=TEST_SITE, EDITOR_BACKEND=backend)
    config = yaml.safe_load(read(output / "admin" / "config.yml"))
    assert config["backend"] == backend
    page = read(output / "admin" / "index.html")
    meta = [a for t, a in elements(page).elements
            if t == "meta" and a.get("http-equiv") == "Content-Security-Policy"]
    assert len(meta) == 1
    assert "connect-src 'self' blob: data: https://gitlab.com;" in meta[0]["content"]
    assert "api.github.com" not in meta[0]["content"]
    assert read(output / "admin" / "locale.js").startswith("try{")


def test_secret_stops_the_build_in_vietnamese(tmp_path):
    backend = {"name": "github", "repo": "truong/web", "client_secret": "s3cr3t-value"}
    with pytest.raises(BuildFailed) as error:
        build_site(tmp_path, content=TEST_SITE, EDITOR_BACKEND=backend)
    assert "client_secret" in str(error.value) and "bí mật" in str(error.value)
    assert not (tmp_path / "output" / "admin" / "config.yml").exists() or \
        "s3cr3t" not in read(tmp_path / "output" / "admin" / "config.yml")


def test_secret_gives_a_clean_cli_error(tmp_path):
    result = run_build_cli("--output", tmp_path / "out", "--cache", tmp_path / "cache",
                           "--content", TEST_SITE, "--set",
                           'EDITOR_BACKEND={"name": "github", "repo": "a/b", "token": "ghp_zz"}',
                           cwd=ROOT)
    assert result.returncode == 1
    assert "Lỗi:" in result.stderr and "'token'" in result.stderr
    assert "Traceback" not in result.stderr
