"""evidence.json / evidence.csv shapes (spec §4)."""

import csv
import datetime
import io
import json

from truongweb.plugins.plan_evidence.counting import EvidenceItem, count_plan
from truongweb.plugins.plan_evidence.export import CSV_COLUMNS, csv_header, to_csv, to_json, to_json_dict
from truongweb.plugins.plan_evidence.plans import Deadline, Plan, Quota, Semester, Topic, Unit

D = datetime.date

PLAN = Plan(
    id="kh-2024",
    title="Kế hoạch 2024",
    start=D(2024, 1, 1),
    end=D(2024, 12, 31),
    semesters=(Semester("Học kỳ II", D(2024, 1, 15), D(2024, 5, 31)),),
    quota=Quota(total=8, per_month=1),
    topics=(
        Topic("gdpt", "GDPT 2018", group="II. Giáo dục", quota=Quota(per_quarter=1), quarters=(1, 2, 3)),
        Topic("thi", "Kỳ thi"),
    ),
    units=(Unit("to-van", "Tổ Ngữ văn", Quota(per_semester=2)),),
    deadlines=(Deadline(D(2024, 11, 25), "Gửi báo cáo"),),
)
ITEMS = [
    EvidenceItem("Bài một", "https://s.vn/a/", D(2024, 3, 5), topics=("gdpt", "thi"), unit="to-van", author="Mai"),
    EvidenceItem("Bài hai", "https://s.vn/b/", D(2024, 4, 1), channel="facebook", link="https://fb.com/x"),
]


def test_json_shape_exact():
    doc = to_json_dict(count_plan(PLAN, ITEMS, D(2024, 4, 15)), {"name": "Trường", "url": "https://s.vn"})
    assert doc["schema"] == 1
    assert doc["plan"]["id"] == "kh-2024" and doc["plan"]["start"] == "2024-01-01"
    assert doc["as_of"] == "2024-04-15"
    assert doc["site"] == {"name": "Trường", "url": "https://s.vn"}
    assert doc["total"]["count"] == 2
    kinds = [p["kind"] for p in doc["total"]["periods"]]
    assert kinds == ["total"] + ["month"] * 12
    assert doc["total"]["periods"][0] == {
        "kind": "total", "label": "Cả kế hoạch", "start": "2024-01-01", "end": "2024-12-31",
        "count": 2, "required": 8, "status": "in_progress", "slug": "ca-ke-hoach",
    }
    t = doc["topics"][0]
    assert [p["label"] for p in t["periods"]] == ["Cả kế hoạch", "Quý I/2024", "Quý II/2024", "Quý III/2024"]
    assert [p["status"] for p in t["periods"]] == ["met", "met", "in_progress", "upcoming"]
    assert t["items"] == [{
        "title": "Bài một", "url": "https://s.vn/a/", "date": "2024-03-05", "channel": "website",
        "unit": "to-van", "topics": ["gdpt", "thi"], "author": "Mai", "link": None,
    }]
    assert doc["topics"][1]["periods"] == [{
        "kind": "total", "label": "Cả kế hoạch", "start": "2024-01-01", "end": "2024-12-31",
        "count": 1, "required": 1, "status": "met", "slug": "ca-ke-hoach",
    }]
    u = doc["units"][0]
    assert u["code"] == "to-van" and u["name"] == "Tổ Ngữ văn" and u["count"] == 1
    assert [p["kind"] for p in u["periods"]] == ["total", "semester"]
    assert u["periods"][1]["start"] == "2024-01-15"
    json.loads(to_json(count_plan(PLAN, ITEMS, D(2024, 4, 15)), {"name": "T", "url": ""}))


def test_csv_bom_rows_per_item_topic():
    text = to_csv(count_plan(PLAN, ITEMS, D(2024, 4, 15)))
    assert text.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(text[1:])))
    assert rows[0] == csv_header()
    assert rows[0][3] == "Ngày (date)"
    keys = [k for k, _ in CSV_COLUMNS]
    data = [dict(zip(keys, r)) for r in rows[1:]]
    assert [(r["title"], r["topic_code"]) for r in data] == [
        ("Bài một", "gdpt"), ("Bài một", "thi"), ("Bài hai", "")]
    assert data[0]["unit_name"] == "Tổ Ngữ văn" and data[2]["channel"] == "facebook"
    assert data[2]["link"] == "https://fb.com/x"
