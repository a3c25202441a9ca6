"""`invoke report`: the evidence figures in the terminal (Vietnamese), and the
official report of one period as an A4 PDF printed by headless Chromium.

The figures come from the ``evidence.json`` files of a real build (into a
temporary folder), so the terminal always agrees with the published files.
Exit status: 0; 1 when the build or the options are wrong; 2 with
``strict`` when a period that has ended is unmet.
"""

from __future__ import annotations

import datetime
import json
import os
import shutil
import subprocess
import tempfile
import unicodedata
from pathlib import Path

from truongweb.plugins.vietnamese.dates import format_date

from .counting import STATUS_ICONS, STATUS_LABELS

__all__ = ["ReportError", "find_chromium", "format_plan", "period_rows", "print_pdf", "run_report"]


class ReportError(Exception):
    """Bad options or a failed build; ``str()`` is the Vietnamese message."""


def _fmt(iso: str) -> str:
    return format_date(datetime.date.fromisoformat(iso))


def _width(text: str) -> int:
    return sum(0 if unicodedata.combining(ch) else 1 for ch in text)


def _fit(text: str, width: int) -> str:
    text = unicodedata.normalize("NFC", text)
    if _width(text) > width:
        text = text[: width - 1] + "…"
    return text + " " * (width - _width(text))


def _status(code: str | None) -> str:
    if not code:
        return "—"
    return f"{STATUS_ICONS[code]} {STATUS_LABELS[code]}"


def _find_period(doc: dict, key: str) -> dict | None:
    """The period ``key`` (slug, case-insensitive; ``total`` = whole plan) of a plan."""
    k = key.strip().lower()
    if k in ("total", "tong", "ca-ke-hoach", "all"):
        return doc["total"]["periods"][0]
    for p in doc.get("report_periods", []):
        if p["slug"] == k:
            return p
    return None


def period_rows(doc: dict, period: dict) -> list[dict]:
    """Rows (kind, title, required, count, status) for one period of one plan.

    For the whole plan: each line's count, its ``total`` requirement and its
    overall status (as in evidence.json). For another period: the articles of
    the line inside the period, and the line's own result for that period
    when it has a quota for it (else required/status are None)."""
    whole = period["kind"] == "total"
    rows = []

    def add(kind, title, line, items):
        if whole:
            rows.append(dict(kind=kind, title=title, count=line["count"],
                             required=line["periods"][0]["required"], status=line["status"],
                             quota_text=line.get("quota_text", "")))
            return
        cell = next((p for p in line["periods"]
                     if p["kind"] == period["kind"] and p["start"] == period["start"]), None)
        if cell is not None:
            count = cell["count"]
        else:
            count = sum(1 for it in items if period["start"] <= it["date"] <= period["end"])
        rows.append(dict(kind=kind, title=title, count=count,
                         required=cell["required"] if cell else None,
                         status=cell["status"] if cell else None,
                         quota_text=(f"{cell['required']} bài" if cell else "—")))

    total = doc["total"]
    add("total", "Toàn kế hoạch (mọi bài)", total, doc.get("items", []))
    for t in doc["topics"]:
        add("topic", t["title"], t, t["items"])
    for u in doc["units"]:
        add("unit", u["name"], u, u.get("items", []))
    return rows


def format_plan(doc: dict, period: dict) -> str:
    plan = doc["plan"]
    lines = [
        f"{plan['title']} ({plan['id']})",
        f"Thời gian: {_fmt(plan['start'])} – {_fmt(plan['end'])} · số liệu tính đến {_fmt(doc['as_of'])}",
        f"Kỳ: {period['label']} ({_fmt(period['start'])} – {_fmt(period['end'])})",
        "",
    ]
    head = f"{_fit('Nội dung', 50)} {_fit('Chỉ tiêu', 30)} {_fit('Số bài', 7)} Đánh giá"
    lines += [head, "-" * _width(head) + "-" * 8]
    unit_header = False
    for r in period_rows(doc, period):
        if r["kind"] == "unit" and not unit_header:
            lines.append("Đơn vị:")
            unit_header = True
        title = ("  " if r["kind"] == "unit" else "") + r["title"]
        lines.append(
            f"{_fit(title, 50)} {_fit(r['quota_text'], 30)} {_fit(str(r['count']), 7)} {_status(r['status'])}"
        )
    return "\n".join(lines)


def ended_unmet(doc: dict) -> list[str]:
    out = []
    lines = [("Toàn kế hoạch", doc["total"])] + [(t["title"], t) for t in doc["topics"]] + [
        (u["name"], u) for u in doc["units"]
    ]
    for title, line in lines:
        for p in line["periods"]:
            if p["status"] == "unmet":
                out.append(f"{doc['plan']['id']}: {title} — {p['label']}: {p['count']}/{p['required']} bài")
    return out


def find_chromium() -> str:
    for name in (os.environ.get("CHROMIUM"), "chromium", "chromium-browser", "google-chrome", "chrome"):
        if name and shutil.which(name):
            return shutil.which(name)
    raise ReportError(
        "Không tìm thấy trình duyệt Chromium để in PDF. Cài gói chromium "
        "(sudo apt install chromium) hoặc đặt biến môi trường CHROMIUM."
    )


def print_pdf(html_file: Path, pdf_file: Path) -> None:
    chromium = find_chromium()
    pdf_file = Path(pdf_file).resolve()
    pdf_file.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="chromium-") as profile:
        result = subprocess.run(
            [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
             f"--user-data-dir={profile}", f"--print-to-pdf={pdf_file}", html_file.resolve().as_uri()],
            capture_output=True, text=True, encoding="utf-8", errors="replace", timeout=180,
        )
    if result.returncode != 0 or not pdf_file.is_file() or pdf_file.stat().st_size == 0:
        raise ReportError(f"Chromium không in được tệp PDF {pdf_file} (mã lỗi {result.returncode}).")


def run_report(
    *, build, plan=None, as_of=None, period=None, strict=False, pdf=None,
    content=None, cache=None, echo=print,
) -> int:
    """Build the site into a temporary folder and report. ``build`` is
    ``truongweb.build.build`` (passed in to keep this module free of the
    project's tooling imports). Returns the exit status."""
    overrides = {"RELATIVE_URLS": True}
    if as_of:
        try:
            datetime.date.fromisoformat(str(as_of))
        except ValueError:
            raise ReportError(f"--as-of '{as_of}' không phải ngày hợp lệ; viết dạng 2026-11-30.") from None
        overrides["EVIDENCE_AS_OF"] = str(as_of)
    with tempfile.TemporaryDirectory(prefix="bao-cao-") as folder:
        out = Path(folder) / "site"
        try:
            build(out, content=content, publish=True, overrides=overrides, cache=cache, echo=True)
        except Exception as error:  # BuildFailed: messages already printed
            raise ReportError("Dựng trang thất bại nên không lập được báo cáo (xem lỗi ở trên).") from error
        base = out / "minh-chung"
        docs = {
            p.parent.name: json.loads(p.read_text(encoding="utf-8"))
            for p in sorted(base.glob("*/evidence.json"))
        }
        if not docs:
            raise ReportError("Chưa có kế hoạch nào (thư mục content/plans/ trống).")
        if plan:
            if plan not in docs:
                raise ReportError(
                    f"Không có kế hoạch '{plan}'. Các kế hoạch: {', '.join(docs)}."
                )
            docs = {plan: docs[plan]}
        chosen = {}
        for pid, doc in docs.items():
            p = _find_period(doc, period or "total")
            if p is None:
                slugs = ", ".join(["total"] + [x["slug"] for x in doc.get("report_periods", [])][1:])
                raise ReportError(f"Kế hoạch '{pid}' không có kỳ '{period}'. Các kỳ: {slugs}.")
            chosen[pid] = p
        blocks = [format_plan(doc, chosen[pid]) for pid, doc in docs.items()]
        echo(("\n\n").join(blocks))
        if pdf:
            if len(docs) != 1:
                raise ReportError("Có nhiều kế hoạch: chọn một bằng --plan để in PDF.")
            pid = next(iter(docs))
            page = base / pid / "bao-cao" / chosen[pid]["slug"] / "index.html"
            print_pdf(page, Path(pdf))
            echo(f"\nĐã in báo cáo {chosen[pid]['label']} ra tệp {pdf}.")
        if strict:
            bad = [b for doc in docs.values() for b in ended_unmet(doc)]
            if bad:
                echo("\nCó kỳ đã kết thúc mà chưa đạt chỉ tiêu:\n- " + "\n- ".join(bad))
                return 2
    return 0
