"""Drift guard: every reader of the content schema agrees with it.

The keys, channels, statuses, categories, sections and data file keys are
declared once in ``plugins/content_schema``; the front matter checks, the
web editor, evidence counting, the section loaders, the compliance manifest,
the product settings, the importer and the developer guide must say the same.
"""

import datetime as dt
import re
import shutil
from pathlib import Path

import pytest

from truongweb.plugins.content_schema import levels
import yaml

from truongweb import settings as product_settings
from truongweb.importing import mapping
from truongweb.importing.model import Record
from truongweb.plugins import content_schema as schema
from truongweb.plugins.compliance.manifest import DEFAULT_SECTION_URLS
from truongweb.plugins.content_schema import doc_table
from truongweb.plugins.plan_evidence import counting, views
from truongweb.plugins.school_sections import loaders
from truongweb.plugins.web_editor.config import build_config

ROOT = Path(__file__).resolve().parents[1]
SETTINGS = {"CATEGORIES": list(schema.CATEGORIES), "DEFAULT_CATEGORY": schema.DEFAULT_CATEGORY,
            "TIMEZONE": "Asia/Ho_Chi_Minh", "SCHOOL": {"name": "Trường THCS Thử"}}


@pytest.fixture(scope="module")
def editor():
    config = build_config(SETTINGS, [])
    return {c["name"]: c for c in config["collections"]}


def names(fields):
    return [f["name"] for f in fields]


def by_name(fields, name):
    return next(f for f in fields if f["name"] == name)


def options(field):
    return {o["value"]: o["label"] for o in field["options"]}


def test_editor_article_and_page_fields_are_schema_keys(editor):
    article = editor["articles"]["fields"]
    assert names(article) == [*schema.editor_keys(), "body"]
    assert set(names(editor["pages"]["fields"])) - {"body"} <= set(schema.keys_for("page"))


def test_editor_channels_and_statuses_are_the_schema_s_with_its_labels(editor):
    fields = editor["articles"]["fields"]
    assert options(by_name(fields, "channel")) == schema.CHANNELS
    assert list(options(by_name(fields, "channel"))) == list(schema.CHANNELS)  # same order
    assert by_name(fields, "channel")["default"] == schema.DEFAULT_CHANNEL
    website = f"«{schema.CHANNELS[schema.DEFAULT_CHANNEL]}»"  # the hints name the option as shown
    assert website in by_name(fields, "channel")["hint"] and website in by_name(fields, "link")["hint"]
    for collection in ("articles", "pages"):
        assert options(by_name(editor[collection]["fields"], "status")) == schema.STATUS_LABELS
    assert set(schema.STATUS_LABELS) == set(schema.STATUSES)
    assert schema.DEFAULT_STATUS in schema.STATUSES


def test_evidence_counts_and_labels_every_schema_channel():
    assert counting.DEFAULT_CHANNEL == schema.DEFAULT_CHANNEL
    for code, label in schema.CHANNELS.items():
        assert views.channel_label(code) == label
        link = None if code == schema.DEFAULT_CHANNEL else "https://example.vn/bai"
        assert counting.validate_item_tags("a.md", channel=code, link=link)[2] == code


def test_editor_data_collections_have_the_data_files_keys(editor):
    for collection, file in (("van-ban", "van-ban/*.yml"), ("cong-khai", "cong-khai/*.yml")):
        fields = editor[collection]["fields"]
        shape = schema.DATA_FILES[file]
        assert names(fields) == list(shape[""]), collection
        for path, keys in shape.items():
            if path:
                assert names(by_name(fields, path)["fields"]) == list(keys), (collection, path)
    groups = by_name(editor["cong-khai"]["fields"], "group")
    assert options(groups) == schema.DISCLOSURE_GROUPS


def test_sections_categories_and_settings_are_the_schema_s():
    assert DEFAULT_SECTION_URLS == schema.SECTION_URLS
    from truongweb.plugins.school_sections import generator

    assert generator.SECTION_URLS == schema.SECTION_URLS
    assert generator.SECTION_TITLES == schema.SECTION_TITLES
    assert set(generator.DATA_DIRS) == {"data", "van-ban", "cong-khai"}
    assert product_settings.CATEGORIES == list(schema.CATEGORIES)
    assert product_settings.DEFAULT_CATEGORY == schema.DEFAULT_CATEGORY in schema.CATEGORIES
    assert product_settings.NOTICE_CATEGORY == schema.NOTICE_CATEGORY in schema.CATEGORIES
    assert loaders.DISCLOSURE_GROUPS is schema.DISCLOSURE_GROUPS


def test_the_demo_s_data_files_use_only_schema_keys():
    """The loaders ask for keys through the schema: a loader reading a key
    the schema lacks fails here (LookupError), and so does a demo file with
    a key the schema lacks."""
    data = loaders.load_all(ROOT / "content", {})
    assert data.leaders and data.documents and data.disclosures


DATA_SAMPLES = {
    "data/lanh-dao.yml": "leaders: []\n",
    "data/lien-ket.yml": "groups: []\n",
    "data/tuyen-sinh.yml": "school_year: 2026-2027\nonline_system: {title: A, url: https://a.vn}\n",
}


@pytest.mark.parametrize("file", sorted(schema.DATA_FILES))
def test_a_data_file_key_outside_the_schema_is_refused_with_the_schema_s_list(tmp_path, file):
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content" / "data", content / "data")
    for sub in ("van-ban", "cong-khai"):
        shutil.copytree(ROOT / "content" / sub, content / sub)
    # An office's procedures (the demo is a school): the init starter file.
    shutil.copy(ROOT / "truongweb" / "site_template" / "thu-tuc-hanh-chinh.yml", content / "data")
    if "*" in file:
        folder = content / file.split("/")[0]
        target = next(p for p in sorted(folder.iterdir()) if p.suffix == ".yml")
    else:
        target = content / file
    text = target.read_text(encoding="utf-8")
    target.write_text(text.rstrip("\n") + "\nkhoa_la: 1\n", encoding="utf-8")
    with pytest.raises(loaders.SectionDataError) as error:
        loaders.load_all(content, {}, sections=tuple(levels.SECTIONS))
    message = str(error.value)
    assert 'khóa "khoa_la" không được hỗ trợ' in message
    assert "Các khóa hợp lệ: " + ", ".join(schema.DATA_FILES[file][""]) + "." in message


def test_the_developer_guide_tables_are_generated_from_the_schema():
    guide = (ROOT / "docs" / "DEVELOPING.md").read_text(encoding="utf-8")
    assert doc_table.current_block(guide) == doc_table.generated_block(), (
        "docs/DEVELOPING.md differs from the schema: run "
        "python -m truongweb.plugins.content_schema.doc_table docs/DEVELOPING.md")
    for code in schema.CHANNELS:
        assert f"| `{code}` |" in guide
    for field in schema.FIELDS:
        assert f"| `{field.name}` |" in guide


def test_the_importer_writes_only_schema_keys(tmp_path):
    (tmp_path / "content").mkdir()
    when = dt.datetime(2024, 3, 5, 7, 30, tzinfo=dt.timezone.utc)
    records = [
        Record("wordpress", "1", "Bài cũ", "<p>A</p>", date=when, modified=when + dt.timedelta(1),
               categories=["Thông báo"], tags=["họp"], authors=["Mai", "Lan"], summary="Tóm tắt",
               source_name="Báo cũ", old_urls=["/?p=1"], external_link="https://x.vn"),
        Record("wordpress", "2", "Trang cũ", "<p>B</p>", kind="page", date=when, order=2,
               authors=["Mai"]),
    ]
    settings = mapping.Settings(content=tmp_path / "content", categories=list(schema.CATEGORIES),
                                default_category=schema.DEFAULT_CATEGORY)
    result = mapping.plan(records, settings)
    assert mapping.HASH_KEY.startswith(schema.NOTE_PREFIX)
    written = [i for i in result.items if i.status != "skipped"]
    assert {i.record.kind for i in written} == {"article", "page"}
    for item in written:
        front = yaml.safe_load(re.match(r"---\n(.*?)---\n", item.text, re.S).group(1))
        kind = item.record.kind
        schema.check_metadata(front, kind, item.path)  # raises for a key outside the schema
        assert {k for k in front if not k.startswith(schema.NOTE_PREFIX)} <= set(schema.keys_for(kind))
