"""Plan file loading and validation (spec §1, issue 4 item 1)."""

import datetime
import textwrap

import pytest

from truongweb.plugins.plan_evidence.plans import PlanError, Quota, load_plan, load_plans

D = datetime.date

GOOD = """\
id: kh-2024
title: Kế hoạch truyền thông năm 2024
number: 15/KH-THCS
issued: 2024-02-26
issuer: Trường THCS Lạc Thủy
based_on:
  - Kế hoạch số 453/KH-SGD&ĐT-VP
start: 2024-01-01
end: 2024-12-31
semesters:
  - {name: Học kỳ II năm học 2023-2024, start: 2024-01-15, end: 2024-05-31}
  - {name: Học kỳ I năm học 2024-2025, start: 2024-09-05, end: 2025-01-17}
quota:
  total: 8
  per_month: 1
topics:
  - code: gdpt-2018
    title: Chương trình GDPT 2018
    group: II. Thực hiện hiệu quả chương trình giáo dục
    quota: {per_quarter: 1}
    quarters: [3, 1, 2]
  - code: thi-tot-nghiep
    title: Kỳ thi tốt nghiệp
units:
  - code: to-ngu-van
    name: Tổ Ngữ văn
    quota: {per_semester: 2}
deadlines:
  - {date: 2024-11-25, what: Gửi báo cáo}
  - {date: 2024-05-25, what: Báo cáo học kỳ}
"""


def write(tmp_path, text, name="kh.yml"):
    d = tmp_path / "plans"
    d.mkdir(exist_ok=True)
    f = d / name
    f.write_text(textwrap.dedent(text), encoding="utf-8")
    return f


def test_load_good_plan(tmp_path):
    p = load_plan(write(tmp_path, GOOD))
    assert p.id == "kh-2024"
    assert p.start == D(2024, 1, 1) and p.end == D(2024, 12, 31)
    assert p.number == "15/KH-THCS" and p.issued == D(2024, 2, 26)
    assert p.based_on == ("Kế hoạch số 453/KH-SGD&ĐT-VP",)
    assert p.quota == Quota(total=8, per_month=1)
    assert [t.code for t in p.topics] == ["gdpt-2018", "thi-tot-nghiep"]
    assert p.topics[0].quarters == (1, 2, 3)
    assert p.topics[0].group.startswith("II.")
    assert p.topics[1].quota is None
    assert p.units[0].quota == Quota(per_semester=2)
    assert [s.name for s in p.semesters][0] == "Học kỳ II năm học 2023-2024"
    assert [d.date for d in p.deadlines] == [D(2024, 5, 25), D(2024, 11, 25)]
    assert p.source_path.endswith("kh.yml")


def test_load_plans_sorted_both_extensions_and_missing_folder(tmp_path):
    assert load_plans(tmp_path / "nothing") == []
    write(tmp_path, GOOD.replace("kh-2024", "b-plan"), "b.yaml")
    write(tmp_path, GOOD.replace("kh-2024", "a-plan"), "a.yml")
    (tmp_path / "plans" / "notes.txt").write_text("not a plan")
    assert [p.id for p in load_plans(tmp_path / "plans")] == ["a-plan", "b-plan"]


def test_duplicate_plan_id_across_files(tmp_path):
    write(tmp_path, GOOD, "a.yml")
    write(tmp_path, GOOD, "b.yml")
    with pytest.raises(PlanError) as e:
        load_plans(tmp_path / "plans")
    msg = str(e.value)
    assert "b.yml" in msg and "a.yml" in msg and "'id'" in msg and "kh-2024" in msg


MINIMAL = """\
id: kh
title: KH
start: 2024-01-01
end: 2024-12-31
topics:
  - {code: a, title: A}
"""


@pytest.mark.parametrize(
    "text, key, words",
    [
        # missing keys at every level
        (MINIMAL.replace("title: KH\n", ""), "'title'", "bị thiếu"),
        (MINIMAL.replace("id: kh\n", ""), "'id'", "bị thiếu"),
        (MINIMAL.replace("start: 2024-01-01\n", ""), "'start'", "bị thiếu"),
        (MINIMAL.replace("end: 2024-12-31\n", ""), "'end'", "bị thiếu"),
        (MINIMAL.split("topics:")[0], "'topics'", "bị thiếu"),
        (MINIMAL.replace("{code: a, title: A}", "{code: a}"), "'topics[0].title'", "bị thiếu"),
        (MINIMAL.replace("{code: a, title: A}", "{title: A}"), "'topics[0].code'", "bị thiếu"),
        (MINIMAL + "units:\n  - {code: u}\n", "'units[0].name'", "bị thiếu"),
        (MINIMAL + "semesters:\n  - {name: HK1, start: 2024-01-01}\n", "'semesters[0].end'", "bị thiếu"),
        (MINIMAL + "deadlines:\n  - {date: 2024-05-01}\n", "'deadlines[0].what'", "bị thiếu"),
        # unknown keys at every level
        (MINIMAL + "titel: x\n", "'titel'", "không hợp lệ"),
        (MINIMAL.replace("{code: a, title: A}", "{code: a, title: A, quota: {per_week: 1}}"),
         "'topics[0].quota.per_week'", "không hợp lệ"),
        (MINIMAL.replace("{code: a, title: A}", "{code: a, title: A, quater: [1]}"),
         "'topics[0].quater'", "Có phải ý bạn là 'quarters'"),
        (MINIMAL + "quota: {totl: 3}\n", "'quota.totl'", "Có phải ý bạn là 'total'"),
        (MINIMAL + "units:\n  - {code: u, name: U, leader: X}\n", "'units[0].leader'", "không hợp lệ"),
        (MINIMAL + "semesters:\n  - {name: H, start: 2024-01-01, end: 2024-05-01, x: 1}\n",
         "'semesters[0].x'", "không hợp lệ"),
        (MINIMAL + "deadlines:\n  - {date: 2024-05-01, what: W, who: Z}\n", "'deadlines[0].who'", "không hợp lệ"),
        # bad dates
        (MINIMAL.replace("2024-12-31", "2024-13-01"), "'end'", "không phải ngày hợp lệ"),
        (MINIMAL.replace("2024-01-01", "01/01/2024"), "'start'", "không phải ngày hợp lệ"),
        (MINIMAL.replace("2024-01-01", "2024-02-30"), "'start'", "không phải ngày hợp lệ"),
        (MINIMAL + "issued: hôm qua\n", "'issued'", "không phải ngày hợp lệ"),
        (MINIMAL + "deadlines:\n  - {date: 2024-5-1, what: W}\n", "'deadlines[0].date'", "không phải ngày hợp lệ"),
        # end < start
        (MINIMAL.replace("2024-12-31", "2023-12-31"), "'end'", "đứng trước ngày bắt đầu"),
        (MINIMAL + "semesters:\n  - {name: H, start: 2024-05-01, end: 2024-01-01}\n",
         "'semesters[0].end'", "đứng trước"),
        # duplicate codes
        (MINIMAL + "  - {code: a, title: B}\n", "'topics[1].code'", "bị trùng"),
        (MINIMAL + "units:\n  - {code: u, name: U}\n  - {code: u, name: V}\n", "'units[1].code'", "bị trùng"),
        # per_semester without semesters
        (MINIMAL + "quota: {per_semester: 1}\n", "'quota.per_semester'", "semesters"),
        (MINIMAL.replace("{code: a, title: A}", "{code: a, title: A, quota: {per_semester: 1}}"),
         "'topics[0].quota.per_semester'", "semesters"),
        (MINIMAL + "units:\n  - {code: u, name: U, quota: {per_semester: 2}}\n",
         "'units[0].quota.per_semester'", "semesters"),
        # quarters outside 1..4
        (MINIMAL.replace("{code: a, title: A}", "{code: a, title: A, quarters: [1, 5]}"),
         "'topics[0].quarters'", "quý 5"),
        (MINIMAL.replace("{code: a, title: A}", "{code: a, title: A, quarters: [0]}"),
         "'topics[0].quarters'", "từ 1 đến 4"),
        (MINIMAL.replace("{code: a, title: A}", "{code: a, title: A, quarters: [I]}"),
         "'topics[0].quarters'", "từ 1 đến 4"),
        # negative / non-integer quota
        (MINIMAL + "quota: {total: -1}\n", "'quota.total'", "số nguyên không âm"),
        (MINIMAL + "quota: {per_month: 1.5}\n", "'quota.per_month'", "số nguyên không âm"),
        (MINIMAL + "quota: {per_month: hai}\n", "'quota.per_month'", "số nguyên không âm"),
        # bad id / code pattern
        (MINIMAL.replace("id: kh", "id: KH 2024"), "'id'", "a-z, 0-9"),
        (MINIMAL.replace("id: kh", "id: kế-hoạch"), "'id'", "a-z, 0-9"),
        (MINIMAL.replace("code: a,", "code: Chủ đề A,"), "'topics[0].code'", "a-z, 0-9"),
        # wrong shapes
        (MINIMAL.replace("topics:\n  - {code: a, title: A}", "topics: a"), "'topics'", "danh sách"),
        (MINIMAL.replace("topics:\n  - {code: a, title: A}", "topics: []"), "'topics'", "ít nhất một"),
        (MINIMAL + "quota: 5\n", "'quota'", "khóa: giá trị"),
    ],
)
def test_plan_errors_name_file_and_key(tmp_path, text, key, words):
    f = write(tmp_path, text, "sai.yml")
    with pytest.raises(PlanError) as e:
        load_plan(f)
    msg = str(e.value)
    assert msg.startswith(str(f)) or "sai.yml" in msg.split(":")[0]
    assert f"khóa {key}" in msg, msg
    assert words in msg, msg
    assert "Traceback" not in msg


def test_yaml_syntax_error_gives_line(tmp_path):
    f = write(tmp_path, MINIMAL.replace("title: KH", "title: [KH"), "cu-phap.yml")
    with pytest.raises(PlanError) as e:
        load_plan(f)
    msg = str(e.value)
    assert "cu-phap.yml" in msg and "dòng" in msg and "YAML" in msg


def test_yaml_syntax_error_line_number_is_right(tmp_path):
    text = MINIMAL + "units:\n  - code: u\n   name: U\n"
    f = write(tmp_path, text, "thut-le.yml")
    with pytest.raises(PlanError) as e:
        load_plan(f)
    assert "dòng 8" in str(e.value) or "dòng 9" in str(e.value)


def test_duplicate_yaml_key(tmp_path):
    f = write(tmp_path, MINIMAL + "title: Lặp\n", "lap.yml")
    with pytest.raises(PlanError) as e:
        load_plan(f)
    assert "'title'" in str(e.value) and "hai lần" in str(e.value) and "dòng 7" in str(e.value)


def test_empty_and_non_mapping_files(tmp_path):
    with pytest.raises(PlanError, match="trống"):
        load_plan(write(tmp_path, "", "rong.yml"))
    with pytest.raises(PlanError, match="khóa: giá trị"):
        load_plan(write(tmp_path, "- a\n- b\n", "ds.yml"))


def test_not_utf8(tmp_path):
    d = tmp_path / "plans"
    d.mkdir()
    (d / "x.yml").write_bytes("title: Kế hoạch".encode("cp1258", errors="replace") + b"\xff\xfe")
    with pytest.raises(PlanError, match="UTF-8"):
        load_plan(d / "x.yml")


def test_number_as_integer_and_based_on_string(tmp_path):
    p = load_plan(write(tmp_path, MINIMAL + "number: 15\nbased_on: Căn cứ một\n"))
    assert p.number == "15" and p.based_on == ("Căn cứ một",)


def test_zero_quota_is_allowed(tmp_path):
    p = load_plan(write(tmp_path, MINIMAL + "quota: {total: 0}\n"))
    assert p.quota == Quota(total=0)
