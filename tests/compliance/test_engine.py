"""Checker pieces on small HTML fixtures: selectors, the rule table, the
link checker and the report rows."""

import json
from pathlib import Path

import pytest

from truongweb.plugins.compliance import checks
from truongweb.plugins.compliance.dom import parse
from truongweb.plugins.compliance.engine import ComplianceError, Site, load_rules, run
from truongweb.plugins.compliance.generator import report_rows
from truongweb.plugins.compliance.links import check_links

CHECKLIST_ROWS = [
    "A1", "A2", "A3", "A4", "A5", "A6", "A7", "A8", "A9", "A10", "A11", "A12", "A13",
    "B1", "B2", "B3", "B4", "B5", "B6",
    "C1", "C2", "C3", "C5", "C6", "C7", "C8", "C9", "C10", "C12", "C13", "C14",
    "C15", "C16", "C17", "C18", "C19", "C21", "C22", "C23", "C25", "D",
]


def test_selectors():
    tree = parse(
        '<html lang="vi"><body><header class="site-header x"><a href="/">Trang chủ</a></header>'
        '<ul><li data-role="lanh-dao"><h2>An</h2><a href="tel:0210">0210</a></li>'
        '<li data-role="lanh-dao"><h2>Bình</h2><a href="mailto:b@x.vn">b@x.vn</a></li></ul>'
        '<img src="a.png"><br><p>Một<p>Hai</body></html>'
    )
    assert [n.text() for n in tree.select("[data-role=lanh-dao] h2")] == ["An", "Bình"]
    assert [n.get("href") for n in tree.select("li a[href^=tel:], li a[href^=mailto:]")] == ["tel:0210", "mailto:b@x.vn"]
    assert tree.select_one("header.site-header.x a").text() == "Trang chủ"
    assert tree.select("header.y") == []
    assert len(tree.select("p")) == 2  # <p> closes an open <p>
    item = tree.select("[data-role=lanh-dao]")[1]
    assert item.select("a[href^=tel:]") == [] and item.select_one("h2").text() == "Bình"


def test_rule_table_covers_every_checklist_row():
    rules, rows = load_rules()
    assert list(rows) == CHECKLIST_ROWS
    assert {r.row for r in rules} <= set(rows)
    for row, info in rows.items():
        has_rule = any(r.row == row for r in rules)
        assert has_rule or info.get("see") or info.get("not_checkable"), row
    for rule in rules:
        assert rule.basis and rule.title and rule.check in checks.CHECKS


@pytest.mark.parametrize("text, message", [
    ("rules: [{id: C1-x, row: C1, basis: b, severity: fatal, title: t, check: pages_exist}]",
     "mức độ phải là error hoặc warning"),
    ("rules: [{id: C1-x, row: C1, basis: b, severity: error, title: t, check: khong_co}]",
     "hàm kiểm tra “khong_co” không tồn tại"),
    ("rules: [{id: X-1, row: C1, basis: b, severity: error, title: t, check: pages_exist}]",
     "mã “X-1” phải có dạng"),
    ("rules: [{id: C1-x, row: C1, severity: error, title: t, check: pages_exist}]",
     "thiếu khóa “basis”"),
    ("rules: [{id: C1-x, row: C1, basis: b, severity: error, title: t, check: pages_exist, muc: 1}]",
     "khóa lạ “muc”"),
])
def test_bad_rule_table_is_reported(tmp_path, text, message):
    path = tmp_path / "rules.yml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ComplianceError, match=message):
        load_rules(path)


def write(root: Path, rel: str, html: str):
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(html, encoding="utf-8")


def test_link_checker(tmp_path):
    write(tmp_path, "index.html",
          '<a href="/a/">A</a><a href="a/">A</a><a href="/khong-co/">x</a><a href="#top">t</a>'
          '<a href="#noi-dung">n</a><main id="noi-dung"></main><a href="mailto:x@y.vn">m</a>'
          '<a href="https://moet.gov.vn">Bộ</a><a href="https://truong.edu.vn/a/">tuyệt đối</a>'
          '<a href="https://truong.edu.vn/mat/">mất</a><img src="/anh.png" alt="">')
    write(tmp_path, "a/index.html", '<a href="../">về</a><a href="../a/tep.pdf">tệp</a>'
          '<link rel="stylesheet" href="http://cdn.example.org/x.css">')
    (tmp_path / "a" / "tep.pdf").write_bytes(b"%PDF-1.4")
    problems = check_links(tmp_path, "https://truong.edu.vn")
    assert problems == [
        "a/index.html: tài nguyên tải qua http://: '<link rel=\"stylesheet\" href=\"http://cdn.example.org/x.css'",
        "index.html: liên kết tới #top nhưng trang không có phần tử id này",
        "liên kết hỏng tới /anh.png (index.html)",
        "liên kết hỏng tới /khong-co/ (index.html)",
        "liên kết hỏng tới https://truong.edu.vn/mat/ (index.html)",
    ]


def test_annual_reports_follow_the_publication_deadline(tmp_path):
    """Before 30/6 the current year's report is not due yet."""
    items = "".join(
        f'<li data-role="muc-cong-khai" data-year="{y}"><a href="/bc-{y}/">{y}</a></li>'
        for y in range(2021, 2026))
    write(tmp_path, "cong-khai/index.html", f"<ul>{items}</ul>")
    for y in range(2021, 2026):
        write(tmp_path, f"bc-{y}/index.html", f'<a data-role="tep-dinh-kem" href="/bc-{y}/bc.pdf">tệp</a>')
        (tmp_path / f"bc-{y}" / "bc.pdf").write_bytes(b"%PDF")
    rules, _rows = load_rules()
    rule = [r for r in rules if r.id == "B6-bao-cao-thuong-nien"]
    manifest = {"sections": {"cong_khai": "cong-khai/index.html"}}
    early = run(rule, Site(tmp_path, {**manifest, "as_of": "2026-06-15"}))[0]
    assert early.status == "pass", early.problems
    late = run(rule, Site(tmp_path, {**manifest, "as_of": "2026-07-01"}))[0]
    assert late.problems == ["thiếu báo cáo thường niên năm 2026"]


def test_report_rows_status():
    rules, rows = load_rules()
    from truongweb.plugins.compliance.engine import Result
    results = [Result(r) for r in rules]
    results[0].problems = ["x"]
    by_id = {row["id"]: row for row in report_rows(results, rows)}
    assert by_id[rules[0].row]["status"] == "error"
    assert by_id["A8"]["status"] == "see"
    assert by_id["D"]["status"] == "manual"
    assert by_id["C9"]["status"] == "pass"  # its viewport rule passed; the rest is manual
    assert json.dumps([r["status"] for r in by_id.values()])


@pytest.mark.parametrize("html, found", [
    ('<a href="https://moet.gov.vn">Bộ</a><img src="/a.png" alt="">', None),
    ('<img alt="x" src="https://cdn.example.org/a.png">', "cdn.example.org"),
    ("<script async src='//thongke.example.com/x.js'></script>", "thongke.example.com"),
    ('<link rel="stylesheet" href="https://fonts.googleapis.com/css">', "fonts.googleapis.com"),
    ('<link rel="alternate" href="https://example.org/feed">', None),
    ('<img src="https://truong.edu.vn/a.png" alt="">', None),
    ("<p>Xem https://example.org/a</p>", None),
    ('<iframe\n  src="https://www.youtube.com/embed/1" title="Video"></iframe>', "www.youtube.com"),
])
def test_third_party_resources(html, found):
    class FakeSite:
        manifest = {"site": {"url": "https://truong.edu.vn"}}
    problem = checks.no_third_party_scripts(html, "p.html", {"trackers": ["gtag("]}, FakeSite())
    assert (problem is None) if found is None else (found in problem)


def test_working_days_skip_weekends():
    import datetime as dt
    # Friday -> next Monday is one working day; Saturday and Sunday do not count.
    assert checks._working_days(dt.date(2026, 11, 20), dt.date(2026, 11, 23)) == 1
    assert checks._working_days(dt.date(2026, 11, 23), dt.date(2026, 11, 23)) == 0
