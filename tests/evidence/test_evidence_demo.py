"""The demo school's plans (content/plans/, written on the content branch) build
into consistent evidence pages and files."""

import csv
import io
import json

import pytest

from helpers import DEMO_CONTENT, build_site, read
from truongweb.plugins.plan_evidence.plans import load_plans

PLANS = load_plans(DEMO_CONTENT / "plans")
pytestmark = pytest.mark.skipif(not PLANS, reason="the demo has no plans yet")


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    return build_site(tmp_path_factory.mktemp("demo-ev"))


def test_every_demo_plan_has_consistent_evidence(site):
    index = read(site / "minh-chung/index.html")
    for plan in PLANS:
        base = site / "minh-chung" / plan.id
        assert plan.id in index
        doc = json.loads(read(base / "evidence.json"))
        assert doc["schema"] == 1 and doc["plan"]["id"] == plan.id
        assert [t["code"] for t in doc["topics"]] == [t.code for t in plan.topics]
        assert [u["code"] for u in doc["units"]] == [u.code for u in plan.units]
        for line in [doc["total"], *doc["topics"], *doc["units"]]:
            assert line["periods"][0]["kind"] == "total"
            assert line["periods"][0]["count"] == line["count"]
            months = [p["count"] for p in line["periods"] if p["kind"] == "month"]
            if months:
                assert sum(months) == line["count"]
        rows = list(csv.reader(io.StringIO((base / "evidence.csv").read_bytes().decode("utf-8-sig"))))[1:]
        per_item = sum(max(1, len(i["topics"])) for i in doc["items"])
        assert len(rows) == per_item
        overview = read(base / "index.html")
        assert '<svg class="ev-chart"' in overview and plan.title in overview
        for t in plan.topics:
            assert (base / t.code / "index.html").is_file()
        for p in doc["report_periods"]:
            page = read(base / "bao-cao" / p["slug"] / "index.html")
            assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in page and "Nơi nhận:" in page
