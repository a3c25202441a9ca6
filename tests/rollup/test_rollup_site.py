"""A district's site (level phong-gddt) gets /tong-hop/ from roll-up data
fetched beforehand; a school's site does not."""

import json
import shutil

import pytest

from dashboard_data import sample_doc
from truongweb.plugins.district_rollup.merge import to_csv, to_json
from helpers import TEST_SITE, build_site, demo_settings, read
from truongweb.build import BuildFailed


def site_with_data(tmp_path, doc):
    content = tmp_path / "site" / "content"
    shutil.copytree(TEST_SITE, content)
    data = tmp_path / "site" / "tong-hop"
    data.mkdir()
    (data / "tong-hop.json").write_text(doc if isinstance(doc, str) else to_json(doc), encoding="utf-8")
    if not isinstance(doc, str):
        (data / "tong-hop.csv").write_text(to_csv(doc), encoding="utf-8", newline="")
    return content


def test_district_site_builds_tong_hop(tmp_path):
    doc = sample_doc()
    content = site_with_data(tmp_path, doc)
    out = build_site(tmp_path, content=content, SCHOOL={**demo_settings()["SCHOOL"], "level": "phong-gddt"})
    page = read(out / "tong-hop" / "index.html")
    assert "Trường THCS Thị Trấn" in page and "Tổng hợp minh chứng" in page
    assert (out / "tong-hop" / "truong" / "cham" / "index.html").is_file()
    assert json.loads(read(out / "tong-hop" / "tong-hop.json")) == json.loads(to_json(doc))
    assert (out / "tong-hop" / "tong-hop.xlsx").is_file() and (out / "tong-hop" / "tong-hop.csv").is_file()


def test_school_site_has_no_tong_hop(tmp_path):
    content = site_with_data(tmp_path, sample_doc())
    out = build_site(tmp_path, content=content)
    assert not (out / "tong-hop").exists()


def test_broken_data_stops_the_build(tmp_path):
    content = site_with_data(tmp_path, '{"schema": 1}')
    with pytest.raises(BuildFailed, match="tong-hop/tong-hop.json: tệp tổng hợp không hợp lệ"):
        build_site(tmp_path, content=content, SCHOOL={**demo_settings()["SCHOOL"], "level": "phong-gddt"})
