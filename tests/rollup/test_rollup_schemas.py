"""The JSON Schemas in schemas/ accept what the project publishes (demo,
the evidence test site, a planless site) and refuse what breaks the contract."""

import copy
import json
from pathlib import Path

import jsonschema
import pytest

from helpers import ROOT, TEST_SITE, build_site, read
from truongweb.plugins.district_rollup.contract import SCHEMAS, SCHEMA_DIR, ContractError, load_schema, problems, validate

BASIC = ROOT / "tests" / "evidence" / "data" / "basic"


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    return build_site(tmp_path_factory.mktemp("demo"), EVIDENCE_AS_OF="2026-10-15")


@pytest.fixture(scope="module")
def basic_published(tmp_path_factory):
    return build_site(tmp_path_factory.mktemp("basic"), content=BASIC, publish=True,
                      EVIDENCE_AS_OF="2024-05-15", SITEURL="https://thcs.example.edu.vn")


def test_every_schema_file_is_a_valid_2020_12_schema():
    assert sorted(p.name for p in SCHEMA_DIR.glob("*.json")) == sorted(SCHEMAS.values())
    for kind, version in SCHEMAS:
        jsonschema.Draft202012Validator.check_schema(load_schema(kind, version))


def test_demo_index_and_evidence_follow_the_schemas(demo):
    index = json.loads(read(demo / "minh-chung" / "index.json"))
    jsonschema.validate(index, load_schema("index"))
    assert [p["id"] for p in index["plans"]] == ["kh-truyen-thong-2026", "kh-truyen-thong-nam-hoc-2026-2027"]
    assert index["as_of"] == "2026-10-15"
    for plan in index["plans"]:
        # relative to the site root without SITEURL
        doc = json.loads(read(demo / plan["evidence"]))
        jsonschema.validate(doc, load_schema("evidence"))
        assert problems(doc, "evidence") == []
        assert (plan["count"], plan["status"]) == (doc["total"]["count"], doc["total"]["status"])
        assert (plan["title"], plan["start"], plan["end"]) == (
            doc["plan"]["title"], doc["plan"]["start"], doc["plan"]["end"])


def test_published_site_gives_absolute_evidence_addresses(basic_published):
    index = json.loads(read(basic_published / "minh-chung" / "index.json"))
    assert problems(index, "index") == []
    assert index["site"]["url"] == "https://thcs.example.edu.vn"
    [plan] = [p for p in index["plans"] if p["id"] == "kh-2024"]
    assert plan["evidence"] == "https://thcs.example.edu.vn/minh-chung/kh-2024/evidence.json"
    doc = json.loads(read(basic_published / "minh-chung" / "kh-2024" / "evidence.json"))
    assert problems(doc, "evidence") == []


def test_site_without_plans_publishes_an_empty_index(tmp_path):
    output = build_site(tmp_path, content=TEST_SITE, EVIDENCE_AS_OF="2024-05-15")
    index = json.loads(read(output / "minh-chung" / "index.json"))
    assert index["plans"] == [] and problems(index, "index") == []


def test_broken_documents_are_refused_in_vietnamese(basic_published):
    good = json.loads(read(basic_published / "minh-chung" / "kh-2024" / "evidence.json"))
    bad = copy.deepcopy(good)
    del bad["topics"][0]["count"]
    bad["total"]["status"] = "xong"
    found = problems(bad, "evidence")
    assert "thiếu trường 'count' ở topics[0]" in found
    assert any("total.status" in p and "không hợp lệ" in p for p in found)
    assert problems({**good, "schema": 2}, "evidence") == [
        "phiên bản lược đồ 'schema' 2 không được hỗ trợ (hỗ trợ: 1)"]
    assert problems([1, 2], "evidence") == ["nội dung không phải một đối tượng JSON"]
    with pytest.raises(ContractError, match=r"^https://x/e.json: .*sai kiểu"):
        validate({**good, "as_of": 20240515}, "evidence", "https://x/e.json")
