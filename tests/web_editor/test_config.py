"""Unit tests of the generated Sveltia CMS configuration (pure, no Pelican)."""

import re
from pathlib import Path

import pytest
import yaml

from truongweb.plugins.plan_evidence.plans import load_plans
from truongweb.plugins.web_editor.config import (
    ARTICLE_KEYS,
    CHANNELS,
    DEFAULT_BACKEND,
    EditorConfigError,
    apply_overrides,
    build_config,
    dump_config,
)
from truongweb.plugins.web_editor.page import render_index

ROOT = Path(__file__).resolve().parents[2]
FIXTURE_PLANS = Path(__file__).resolve().parent / "demo_content" / "plans"
CATEGORIES = ["Tin tức – Sự kiện", "Thông báo", "Đoàn – Đội"]
SETTINGS = {"CATEGORIES": CATEGORIES, "DEFAULT_CATEGORY": "Thông báo",
            "TIMEZONE": "Asia/Ho_Chi_Minh", "SCHOOL": {"short_name": "THCS Thanh Bình"}}
VIETNAMESE = re.compile(r"[àáảãạăắằẳẵặâấầẩẫậđèéẻẽẹêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵ]",
                        re.IGNORECASE)

PLAN_A = """\
id: kh-a
title: Kế hoạch A
start: 2026-01-01
end: 2026-12-31
topics:
  - {code: chuyen-doi-so, title: Chuyển đổi số}
  - {code: an-toan, title: An toàn trường học}
units:
  - {code: to-van, name: Tổ Ngữ văn}
"""
PLAN_B = """\
id: kh-b
title: Kế hoạch B
start: 2026-09-01
end: 2027-05-31
topics:
  - {code: an-toan, title: An toàn trường học}
  - {code: tuyen-sinh, title: Tuyển sinh đầu cấp}
units:
  - {code: doan-doi, name: Liên đội}
  - {code: to-van, name: Tổ Ngữ văn}
"""


@pytest.fixture
def plans(tmp_path):
    (tmp_path / "a.yml").write_text(PLAN_A, encoding="utf-8")
    (tmp_path / "b.yml").write_text(PLAN_B, encoding="utf-8")
    return load_plans(tmp_path)


def collection(config, name):
    return next(c for c in config["collections"] if c["name"] == name)


def field(col, name):
    return next(f for f in col["fields"] if f["name"] == name)


def test_topic_picker_lists_every_topic_of_every_plan(plans):
    articles = collection(build_config(SETTINGS, plans), "articles")
    topics = field(articles, "topics")
    assert topics["widget"] == "select" and topics["multiple"] is True
    assert topics["options"] == [
        {"label": "chuyen-doi-so — Chuyển đổi số", "value": "chuyen-doi-so"},
        {"label": "an-toan — An toàn trường học", "value": "an-toan"},
        {"label": "tuyen-sinh — Tuyển sinh đầu cấp", "value": "tuyen-sinh"},
    ]
    unit = field(articles, "unit")
    assert unit["widget"] == "select" and not unit.get("multiple")
    assert [o["value"] for o in unit["options"]] == ["to-van", "doan-doi"]
    assert unit["options"][1]["label"] == "doan-doi — Liên đội"


def test_categories_channel_status_and_dates(plans):
    articles = collection(build_config(SETTINGS, plans), "articles")
    category = field(articles, "category")
    assert category["options"] == CATEGORIES and category["default"] == "Thông báo"
    channel = field(articles, "channel")
    assert [o["value"] for o in channel["options"]] == [c for c, _ in CHANNELS] == [
        "website", "facebook", "zalo", "bao-chi", "truyen-hinh", "phat-thanh"]
    assert channel["default"] == "website"
    assert "Đường dẫn" in channel["hint"] and "báo lỗi" in channel["hint"]
    link = field(articles, "link")
    assert link["required"] is False and "Bắt buộc" in link["hint"]
    status = field(articles, "status")
    assert status["default"] == "draft"
    assert "Bản nháp" in status["hint"] and "không đăng" in status["hint"]
    for name in ("date", "modified"):
        f = field(articles, name)
        assert f["widget"] == "datetime" and f["input_timezone"] == "Asia/Ho_Chi_Minh"
    assert field(articles, "image")["widget"] == "image"
    assert field(articles, "image")["choose_url"] is False
    assert "Bắt buộc khi có ảnh" in field(articles, "image_alt")["hint"]


def test_collections_folders_slugs_and_media(plans):
    config = build_config(SETTINGS, plans)
    assert {c["name"]: c["folder"] for c in config["collections"]} == {
        "articles": "content/articles", "pages": "content/pages",
        "van-ban": "content/van-ban", "cong-khai": "content/cong-khai",
        "lich-cong-tac": "content/lich-cong-tac", "thuc-don": "content/thuc-don",
        "thoi-khoa-bieu": "content/thoi-khoa-bieu"}
    assert collection(config, "articles")["path"] == "{{year}}/{{month}}-{{slug}}"
    assert config["slug"]["encoding"] == "ascii" and config["slug"]["clean_accents"] is True
    assert config["media_folder"] == "content/images" and config["public_folder"] == "/images"
    assert config["media_libraries"] == {"stock_assets": {"providers": []}}
    assert config["output"]["omit_empty_optional_fields"] is True
    formats = {c["name"]: (c["format"], c["extension"]) for c in config["collections"]}
    assert formats == {"articles": ("yaml-frontmatter", "md"), "pages": ("yaml-frontmatter", "md"),
                       "van-ban": ("yml", "yml"), "cong-khai": ("yml", "yml"),
                       "lich-cong-tac": ("yml", "yml"), "thuc-don": ("yml", "yml"),
                       "thoi-khoa-bieu": ("yml", "yml")}
    for name in ("van-ban", "cong-khai"):  # attachments stay next to the data, as "tep/…"
        assert collection(config, name)["media_folder"] == "tep"
        assert collection(config, name)["public_folder"] == "tep"
    assert collection(config, "van-ban")["slug"] == "{{number}}"


def test_document_and_disclosure_fields_match_the_school_sections_loader(plans):
    config = build_config(SETTINGS, plans)
    names = lambda n: [f["name"] for f in collection(config, n)["fields"]]  # noqa: E731
    assert names("van-ban") == ["type", "number", "issuer", "issued", "effective", "posted",
                                "signer", "abstract", "file"]
    assert names("cong-khai") == ["group", "title", "published", "updated", "deadline", "year",
                                  "body", "facts", "tables", "files"]
    groups = field(collection(config, "cong-khai"), "group")["options"]
    from truongweb.plugins.content_schema import DISCLOSURE_GROUPS
    assert [o["value"] for o in groups] == list(DISCLOSURE_GROUPS)


def test_every_field_has_vietnamese_label_and_hint(plans):
    config = build_config(SETTINGS, plans)
    for col in config["collections"]:
        assert VIETNAMESE.search(col["label"]) or col["label"] in ("Trang",), col["label"]
        for f in col["fields"]:
            assert f["label"] and f["hint"], (col["name"], f["name"])
            assert VIETNAMESE.search(f["label"] + f["hint"]), (col["name"], f["name"])


def test_article_fields_cover_the_documented_front_matter(plans):
    """Drift guard: every key of the front matter documented in DEVELOPING.md
    has a field in the editor (and nothing else is invented)."""
    doc = (ROOT / "docs" / "DEVELOPING.md").read_text(encoding="utf-8")
    block = re.search(r"## Article front matter.*?```yaml\n---\n(.*?)---\n```", doc, re.S).group(1)
    documented = {line.split(":", 1)[0] for line in block.splitlines()
                  if re.match(r"^[a-z_]+:", line)}
    names = {f["name"] for f in collection(build_config(SETTINGS, plans), "articles")["fields"]}
    assert documented == set(ARTICLE_KEYS)
    assert names == documented | {"body"}


def test_backend_default_and_from_settings(plans):
    assert build_config(SETTINGS, plans)["backend"] == DEFAULT_BACKEND
    gitlab = {"name": "gitlab", "repo": "so-gd/thcs-thanh-binh", "branch": "main",
              "auth_type": "pkce", "app_id": "abc"}
    assert build_config({**SETTINGS, "EDITOR_BACKEND": gitlab}, plans)["backend"] == gitlab


@pytest.mark.parametrize("backend, words", [
    ("github", "phải là một dict"),
    ({"name": "bitbucket", "repo": "a/b"}, "không được hỗ trợ"),
    ({"name": "github"}, "thiếu 'repo'"),
])
def test_bad_backend_is_a_vietnamese_error(plans, backend, words):
    with pytest.raises(EditorConfigError) as err:
        build_config({**SETTINGS, "EDITOR_BACKEND": backend}, plans)
    assert "pelicanconf.py" in str(err.value) and "EDITOR_BACKEND" in str(err.value)
    assert words in str(err.value)


def test_no_categories_is_an_error(plans):
    with pytest.raises(EditorConfigError, match="CATEGORIES"):
        build_config({**SETTINGS, "CATEGORIES": []}, plans)


def test_dump_round_trips_and_overrides(plans):
    config = build_config(SETTINGS, plans)
    text = dump_config(config)
    assert text.startswith("# Tạo tự động")
    assert yaml.safe_load(text) == config
    assert "chuyen-doi-so — Chuyển đổi số" in text  # real UTF-8, not \u escapes
    test = apply_overrides(config, {"backend": {"name": "test-repo"}})
    assert test["backend"] == {"name": "test-repo"} and config["backend"] == DEFAULT_BACKEND


def test_no_plans_hides_the_pickers(tmp_path):
    """Sveltia refuses a select without options: no plan, or no unit in any plan,
    hides the picker (existing values are kept)."""
    articles = collection(build_config(SETTINGS, []), "articles")
    for name in ("topics", "unit"):
        assert field(articles, name)["widget"] == "hidden" and "options" not in field(articles, name)
    (tmp_path / "a.yml").write_text(PLAN_A.split("units:")[0], encoding="utf-8")
    articles = collection(build_config(SETTINGS, load_plans(tmp_path)), "articles")
    assert field(articles, "topics")["widget"] == "select"
    assert field(articles, "unit")["widget"] == "hidden"


def test_fixture_plan_loads():
    assert [p.id for p in load_plans(FIXTURE_PLANS)] == ["kh-thu-trinh-soan-2026"]


def test_index_page_is_noindex_and_local():
    page = render_index("THCS Thanh Bình")
    assert '<meta name="robots" content="noindex, nofollow">' in page
    assert '<html lang="vi">' in page and "Soạn bài — THCS Thanh Bình" in page
    assert 'src="sveltia-cms.js"' in page and "http://" not in page and "https://" not in page


def test_site_image_path():
    from truongweb.plugins.web_editor.config import site_image_path
    assert site_image_path("/images/2026/a.jpg") == "images/2026/a.jpg"
    assert site_image_path("images/2026/a.jpg") == "images/2026/a.jpg"
    assert site_image_path("https://example.org/a.jpg") == "https://example.org/a.jpg"
    assert site_image_path(None) is None
