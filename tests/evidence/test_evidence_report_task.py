"""`invoke report` as a user runs it: agrees with evidence.json, --strict, --pdf."""

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from helpers import ROOT, build_site, read

DATA = Path(__file__).parent / "data" / "basic"
AS_OF = "2024-05-15"


def invoke(*args, as_of=AS_OF):
    return subprocess.run([sys.executable, "-m", "invoke", "report", "--content", str(DATA),
                           "--as-of", as_of, *args], cwd=ROOT, capture_output=True,
                          encoding="utf-8", errors="replace")


@pytest.fixture(scope="module")
def docs(tmp_path_factory):
    out = build_site(tmp_path_factory.mktemp("rep"), content=DATA, EVIDENCE_AS_OF=AS_OF)
    return {p.parent.name: json.loads(read(p)) for p in (out / "minh-chung").glob("*/evidence.json")}


def table(stdout):
    """{title: (quota, count, status)} from the terminal table."""
    rows = {}
    lines = stdout.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("Nội dung")) + 2
    for line in lines[start:]:
        if not line.strip() or line.startswith("Đơn vị:"):
            continue
        if len(line) < 60:
            break
        # fixed columns: title 50, quota 30, count 7, status
        rows[line[:50].strip()] = (line[51:81].strip(), int(line[82:89]), line[90:].strip())
    return rows


LABEL = {"met": "✓ Đạt", "unmet": "✗ Chưa đạt", "in_progress": "◔ Đang thực hiện", "upcoming": "○ Chưa đến kỳ"}


def test_whole_plan_agrees_with_evidence_json(docs):
    result = invoke("--plan", "kh-2024")
    assert result.returncode == 0, result.stderr
    rows = table(result.stdout)
    doc = docs["kh-2024"]
    assert "số liệu tính đến 15/05/2024" in result.stdout
    assert rows["Toàn kế hoạch (mọi bài)"] == (doc["total"]["quota_text"], doc["total"]["count"], LABEL[doc["total"]["status"]])
    for t in doc["topics"]:
        assert rows[t["title"]] == (t["quota_text"], t["count"], LABEL[t["status"]]), t["code"]
    for u in doc["units"]:
        assert rows[u["name"]][1:] == (u["count"], LABEL[u["status"]])


def test_period_agrees_with_evidence_json(docs):
    result = invoke("--plan", "kh-2024", "--period", "2024-Q1")
    assert result.returncode == 0, result.stderr
    assert "Kỳ: Quý I/2024 (01/01/2024 – 31/03/2024)" in result.stdout
    rows = table(result.stdout)
    gd = next(t for t in docs["kh-2024"]["topics"] if t["code"] == "gdpt-2018")
    q1 = next(p for p in gd["periods"] if p["label"] == "Quý I/2024")
    assert rows[gd["title"]] == (f"{q1['required']} bài", q1["count"], LABEL[q1["status"]])
    # a line without a quarterly quota: the articles inside the quarter, no status
    total_q1 = sum(p["count"] for p in docs["kh-2024"]["total"]["periods"]
                   if p["kind"] == "month" and p["end"] <= "2024-03-31")
    assert rows["Toàn kế hoạch (mọi bài)"] == ("—", total_q1, "—")


def test_strict_exits_non_zero_when_an_ended_period_is_unmet():
    ok = invoke("--plan", "kh-2024", "--strict")
    assert ok.returncode == 0, ok.stdout + ok.stderr
    bad = invoke("--plan", "nam-hoc-2023-2024", "--strict")
    assert bad.returncode == 2
    assert "nam-hoc-2023-2024: Toàn kế hoạch — Tháng 9/2023: 0/1 bài" in bad.stdout


def test_unknown_plan_and_period():
    r = invoke("--plan", "khong-co")
    assert r.returncode == 1 and "Không có kế hoạch 'khong-co'" in r.stderr and "kh-2024" in r.stderr
    r = invoke("--plan", "kh-2024", "--period", "2030-01")
    assert r.returncode == 1 and "không có kỳ '2030-01'" in r.stderr
    r = invoke(as_of="hôm nay")
    assert r.returncode == 1 and "--as-of" in r.stderr


@pytest.mark.skipif(not shutil.which("chromium") or not shutil.which("pdftotext"),
                    reason="needs chromium and poppler-utils")
def test_pdf_has_real_text(tmp_path):
    pdf = tmp_path / "bao-cao.pdf"
    r = invoke("--plan", "kh-2024", "--period", "hk1", "--pdf", str(pdf))
    assert r.returncode == 0, r.stdout + r.stderr
    assert pdf.read_bytes().startswith(b"%PDF")
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                          encoding="utf-8").stdout
    for needle in ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "BÁO CÁO",
                   "Học kỳ II năm học 2023-2024", "Nơi nhận:", "DANH SÁCH MINH CHỨNG",
                   "https://", "/tin-tuc-su-kien/2024/02/"]:
        assert needle in text, needle
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, encoding="utf-8").stdout
    assert re.search(r"Page size:\s+[\d.]+ x [\d.]+ pts \(A4\)", info), info
