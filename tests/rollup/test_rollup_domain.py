"""Pure roll-up domain: the schools list, merging into tong-hop.json/.csv,
keeping the last good figures, verification helpers."""

import datetime
import json

import pytest

from truongweb.plugins.district_rollup.contract import problems
from truongweb.plugins.district_rollup.merge import Outcome, RollupError, behind_order, merge, read_previous, status_now, to_csv, to_json
from truongweb.plugins.district_rollup.schools import SchoolListError, load_school_list
from truongweb.plugins.district_rollup.verify import evidence_items, page_title_matches, same_site, sample

AS_OF = datetime.date(2024, 10, 15)


def period(kind, start, end, count, required, status):
    return {"kind": kind, "label": kind, "start": start, "end": end, "count": count,
            "required": required, "status": status}


def evidence(counts, as_of="2024-10-15"):
    topics = []
    for code, (n, st) in counts.items():
        topics.append({"code": code, "title": code.upper(), "count": n, "status": st,
                       "periods": [period("total", "2024-01-01", "2024-12-31", n, 1, st)],
                       "items": [{"title": f"Bài {code} {i}", "url": f"/bai/{code}-{i}/", "date": "2024-03-01",
                                  "channel": "website", "unit": None, "topics": [code]} for i in range(n)]})
    total = sum(n for n, _ in counts.values())
    return {"schema": 1, "plan": {"id": "kh", "title": "KH", "start": "2024-01-01", "end": "2024-12-31"},
            "as_of": as_of, "site": {"name": "T", "url": ""},
            "total": {"count": total, "status": "in_progress",
                      "periods": [period("total", "2024-01-01", "2024-12-31", total, 0, "met"),
                                  period("quarter", "2024-07-01", "2024-09-30", 0, 1, "in_progress")]},
            "topics": topics, "units": []}


def write(tmp_path, name, text):
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


YML = """district: Phòng Giáo dục và Đào tạo huyện Lạc Thủy
plan: kh
schools:
  - {code: a, name: Trường A, level: thcs, site: https://a.example/}
  - {code: b, name: Trường B, level: tieu-hoc, site: "http://b.example"}
  - {code: c, name: Trường C, site: https://c.example/}
"""


def test_yaml_and_csv_lists(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    lst = load_school_list(write(tmp_path, "truong.yml", YML))
    assert lst.district.startswith("Phòng") and lst.plan == "kh"
    assert [(s.code, s.level, s.site) for s in lst.schools] == [
        ("a", "thcs", "https://a.example/"), ("b", "tieu-hoc", "http://b.example/"), ("c", "", "https://c.example/")]
    csv_path = tmp_path / "truong.csv"
    csv_path.write_bytes("\ufeffcode,name,level,site\r\na,\"Trường A, xã X\",thcs,https://a.example/\r\n\r\n".encode())
    lst = load_school_list(csv_path, plan="kh", district="Phòng X")
    assert [s.name for s in lst.schools] == ["Trường A, xã X"]
    with pytest.raises(SchoolListError, match=r"^truong.csv: tệp CSV không ghi mã kế hoạch"):
        load_school_list(csv_path)
    write(tmp_path, "ds.yml", "district: P\nplan: kh\nschools: truong.csv\n")
    assert [s.code for s in load_school_list(tmp_path / "ds.yml").schools] == ["a"]


@pytest.mark.parametrize("text, message", [
    ("code,name,level,site\na,A,thcs,ftp://a/\n", "truong.csv, dòng 2: cột 'site' có giá trị 'ftp://a/' không phải"),
    ("code,name,level,site\na,A,thcs,https://a/\nb,B,,https://b/\na,C,,https://c/\n",
     "truong.csv, dòng 4: mã trường 'a' bị trùng với dòng 2."),
    ("code,name,site\nTHCS A,A,https://a/\n", "truong.csv, dòng 2: cột 'code' 'THCS A' không hợp lệ"),
    ("code,ten,site\n", "truong.csv, dòng 1: thiếu cột name"),
    ("code,name,level,site\na,,thcs,https://a/\n", "truong.csv, dòng 2: thiếu tên trường"),
    ("code,name,site\na,A,https://a/,x\n", "truong.csv, dòng 2: có 4 ô"),
])
def test_csv_errors_name_file_and_row(tmp_path, monkeypatch, text, message):
    monkeypatch.chdir(tmp_path)
    with pytest.raises(SchoolListError) as err:
        load_school_list(write(tmp_path, "truong.csv", text), plan="kh")
    assert str(err.value).startswith(message)


def test_yaml_errors(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "latin.csv").write_bytes("code,name,site\na,Tr\xfcong,https://a/\n".encode("latin-1"))
    with pytest.raises(SchoolListError, match=r"^latin.csv, dòng 2: tệp không phải văn bản UTF-8"):
        load_school_list(tmp_path / "latin.csv", plan="kh")
    cases = {
        "plan: kh\nschools: []\n": "t.yml: thiếu khóa 'district'",
        "district: P\nplan: kh\nschools:\n  - {code: a, name: A, site: https://a/, web: x}\n":
            "t.yml, schools[0]: khóa 'web' không được hỗ trợ",
        "district: P\nplan: kh\nschools:\n  - {code: a, name: A\n": "t.yml, dòng",
        "district: P\nplan: kh\nx: &a [1]\nschools: *a\n": "t.yml: không dùng tham chiếu YAML",
        "district: P\nplan: Kế hoạch\nschools: []\n": "t.yml: khóa 'plan' phải là mã kế hoạch",
    }
    for text, message in cases.items():
        with pytest.raises(SchoolListError) as err:
            load_school_list(write(tmp_path, "t.yml", text))
        assert str(err.value).startswith(message), (text, str(err.value))


def test_merge_copies_figures_in_plan_order_and_keeps_last_good(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    lst = load_school_list(write(tmp_path, "truong.yml", YML))
    ev_a = evidence({"t1": (2, "met"), "t2": (0, "in_progress")})
    ev_b = evidence({"t2": (1, "met"), "t1": (0, "in_progress")})
    first = merge(lst, {"a": Outcome("ok", evidence=ev_a, evidence_url="https://a.example/e.json", checked=2, verified_ok=2),
                        "b": Outcome("ok", evidence=ev_b, checked=1, verified_ok=0,
                                     verify_problems=[{"url": "u", "title": "t", "reason": "r"}]),
                        "c": Outcome("unreachable", "Không kết nối được.")}, AS_OF)
    assert problems(first, "rollup") == []
    a, b, c = first["schools"]
    assert [t["code"] for t in first["topics"]] == ["t1", "t2"]
    assert [(t["code"], t["count"], t["status"]) for t in b["topics"]] == [("t1", 0, "in_progress"), ("t2", 1, "met")]
    assert a["total"]["count"] == 2 and a["total"]["status"] == "in_progress"
    # Q3 ended short before 15/10: behind now even though the school said in progress
    assert a["total"]["status_now"] == "unmet"
    assert c["state"] == "unreachable" and c["reason"] and c["total"] is None and not c["stale"]
    assert first["summary"]["states"]["ok"] == 2 and first["summary"]["not_verified"] == 1
    # next day: a fails, its figures stay, marked with the day they were fetched
    previous = read_previous(to_json(first), "tong-hop.json", "kh")
    second = merge(lst, {"a": Outcome("invalid", "Không phải JSON."), "b": Outcome("ok", evidence=ev_b),
                         "c": Outcome("unreachable", "Hết thời gian.")}, AS_OF + datetime.timedelta(days=1), previous)
    a2 = second["schools"][0]
    assert a2["state"] == "invalid" and a2["stale"] and a2["last_ok"] == "2024-10-15"
    assert a2["total"] == a["total"] and a2["topics"] == a["topics"] and a2["evidence_url"] == a["evidence_url"]
    third = merge(lst, {}, AS_OF + datetime.timedelta(days=2), read_previous(to_json(second), "x", "kh"))
    assert third["schools"][0]["last_ok"] == "2024-10-15" and third["schools"][0]["state"] == "unreachable"
    # another plan's previous figures are not used
    assert read_previous(to_json(first), "x", "khac") == {}
    assert [s["code"] for s in behind_order(first)] == ["b", "a"] or [s["code"] for s in behind_order(first)] == ["a", "b"]


def test_behind_order_and_csv(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    lst = load_school_list(write(tmp_path, "truong.yml", YML))
    good = evidence({"t1": (1, "met"), "t2": (1, "met")})
    bad = evidence({"t1": (0, "unmet"), "t2": (0, "unmet")})
    bad["topics"][0]["periods"][0].update(end="2024-06-30", count=0)
    mid = evidence({"t1": (1, "met"), "t2": (0, "in_progress")})
    doc = merge(lst, {"a": Outcome("ok", evidence=good), "b": Outcome("ok", evidence=mid),
                      "c": Outcome("ok", evidence=bad)}, AS_OF)
    assert [s["code"] for s in behind_order(doc)] == ["c", "b", "a"]
    text = to_csv(doc)
    assert text.startswith("\ufeffMã trường (school_code),")
    lines = text.strip("\ufeff").splitlines()
    assert len(lines) == 1 + 6 and lines[1].startswith("a,Trường A,https://a.example/,ok,")
    doc["schools"][0]["name"] = "=HYPERLINK(1)"
    assert "'=HYPERLINK(1)" in to_csv(doc)


def test_broken_previous_is_a_vietnamese_error():
    with pytest.raises(RollupError, match=r"^out/tong-hop.json: tệp tổng hợp lần trước hỏng"):
        read_previous("{", "out/tong-hop.json", "kh")
    with pytest.raises(RollupError, match="không hợp lệ"):
        read_previous(json.dumps({"schema": 1}), "out/tong-hop.json", "kh")


def test_status_now():
    line = {"periods": [period("total", "2024-01-01", "2024-12-31", 1, 0, "met"),
                        period("month", "2024-11-01", "2024-11-30", 0, 1, "upcoming")]}
    assert status_now(line, AS_OF) == "in_progress"
    assert status_now(line, datetime.date(2024, 12, 5)) == "unmet"


def test_verification_helpers():
    ev = evidence({"t1": (2, "met"), "t2": (1, "met")})
    ev["topics"][0]["items"].append({"title": "FB", "url": "https://fb.example/x", "channel": "facebook",
                                     "date": "2024-01-01", "unit": None, "topics": []})
    ev["topics"][1]["items"].append(ev["topics"][0]["items"][0])  # same article, two topics
    items = evidence_items(ev, "https://a.example/minh-chung/kh/evidence.json")
    assert [i["url"] for i in items] == ["https://a.example/bai/t1-0/", "https://a.example/bai/t1-1/",
                                         "https://a.example/bai/t2-0/"]
    assert sample(items, "a 2024-10-15") == items
    many = [{"url": f"https://a/{i}", "title": str(i)} for i in range(10)]
    assert len(sample(many, "k")) == 3 and sample(many, "k") == sample(many, "k")
    assert same_site("https://www.a.example/x", "https://a.example/")
    assert not same_site("https://evil.example/x", "https://a.example/")
    assert not same_site("file:///etc/passwd", "https://a.example/")
    page = "<html><head><title>Đại hội &amp; Liên đội – Trường A</title></head><body><h1>X</h1></body></html>"
    assert page_title_matches(page, "Đại hội & Liên đội")
    assert page_title_matches(page, "X")
    assert not page_title_matches(page, "Đại hội")
    assert not page_title_matches("<title>Không tìm thấy trang</title>", "Đại hội & Liên đội")
