"""The district's dashboard: static pages written next to ``tong-hop.json``
(``index.html``, ``truong/<code>/index.html``, ``tong-hop.xlsx``,
``tong-hop.css``), in Vietnamese.

Pure domain code (Jinja2, no Pelican): the same pages are used for
``python -m truongweb.rollup --output DIR``. Self-contained: one small CSS
file, no script, no font, no third-party request (a strict CSP works).
Status is told in words and an icon, colour only adds to it.
"""

from __future__ import annotations

import datetime
import shutil
from pathlib import Path

import jinja2

from truongweb.plugins.plan_evidence.counting import STATUS_ICONS
from truongweb.plugins.spreadsheet import Sheet, xlsx_bytes
from truongweb.plugins.vietnamese.dates import format_date

from .merge import STATES, STATUSES, behind_order

__all__ = ["ICONS", "render_pages", "to_xlsx", "write_dashboard"]

TEMPLATES = Path(__file__).with_name("templates")
ICONS = STATUS_ICONS  # the schools' evidence pages show the same icons


def _date(iso: str | None) -> str:
    if not iso:
        return "—"
    return format_date(datetime.date.fromisoformat(iso))


def _env() -> jinja2.Environment:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(TEMPLATES)), autoescape=True,
                             trim_blocks=True, lstrip_blocks=True)
    env.filters["vndate"] = _date
    env.globals.update(STATES=STATES, STATUSES=STATUSES, ICONS=ICONS)
    return env


def _context(doc: dict) -> dict:
    problems = [s for s in doc["schools"] if s["state"] != "ok" or s["verified"]["ok"] < s["verified"]["checked"]]
    return {"doc": doc, "behind": behind_order(doc), "problems": problems,
            "topics": doc.get("topics", []), "no_figures": [s for s in doc["schools"] if s["total"] is None]}


def render_pages(doc: dict, root: str = "") -> dict[str, str]:
    """{relative path: HTML}. ``root``: prefix of links to the folder's root
    (relative links are used so that the folder works anywhere)."""
    env = _env()
    ctx = _context(doc)
    pages = {"index.html": env.get_template("index.html").render(**ctx, base="")}
    school_tpl = env.get_template("school.html")
    for s in doc["schools"]:
        pages[f"truong/{s['code']}/index.html"] = school_tpl.render(**ctx, school=s, base="../../")
    return pages


def to_xlsx(doc: dict) -> bytes:
    """Sheet "Tổng hợp" (school × topic, like tong-hop.csv) and "Trường"
    (one row per school)."""
    titles = {t["code"]: t["title"] for t in doc.get("topics", [])}
    rows, schools = [], []
    for s in doc["schools"]:
        total = s["total"] or {}
        schools.append([s["code"], s["name"], s["site"], STATES[s["state"]], s["reason"],
                        datetime.date.fromisoformat(s["as_of"]) if s["as_of"] else None,
                        "có" if s["stale"] else "", total.get("count"),
                        STATUSES.get(total.get("status_now"), ""), s["verified"]["checked"], s["verified"]["ok"]])
        for t in s["topics"]:
            rows.append([s["code"], s["name"], t["code"], titles.get(t["code"], t["code"]), t["count"],
                         STATUSES[t["status"]], STATUSES[t["status_now"]]])
    sheets = [
        Sheet("Trường", ["Mã trường", "Tên trường", "Trang web", "Trạng thái", "Lý do", "Số liệu đến ngày",
                         "Số liệu cũ", "Tổng số bài", "Đánh giá chung", "Số bài kiểm tra", "Số bài khớp"], schools),
        Sheet("Tổng hợp", ["Mã trường", "Tên trường", "Mã nội dung", "Nội dung", "Số bài",
                           "Đánh giá của trường", "Đánh giá đến ngày tổng hợp"], rows),
    ]
    stamp = datetime.datetime.combine(datetime.date.fromisoformat(doc["as_of"]), datetime.time())
    return xlsx_bytes(sheets, stamp=stamp)


def write_dashboard(doc: dict, output: str | Path) -> None:
    out = Path(output)
    for rel, html in render_pages(doc).items():
        path = out / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(html, encoding="utf-8")
    shutil.copyfile(TEMPLATES / "tong-hop.css", out / "tong-hop.css")
    (out / "tong-hop.xlsx").write_bytes(to_xlsx(doc))
