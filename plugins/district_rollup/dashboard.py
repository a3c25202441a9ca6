"""The district's dashboard: static pages written next to ``tong-hop.json``
(``index.html``, ``truong/<code>/index.html``, the printable report
``bao-cao/index.html``, ``tong-hop.xlsx``, ``tong-hop.css``, and
``evidence.css``, the theme's stylesheet of official reports), in Vietnamese.

Pure domain code (Jinja2, no Pelican): the same pages are used for
``python -m truongweb.rollup --output DIR`` (layout ``_base.html``) and, on a
district's own site, inside the theme's ``base.html`` (layout
``_site_base.html``, rendered by the Pelican generator with the site's
context). Self-contained: small CSS files, no script, no font, no
third-party request (a strict CSP works). Status is told in words and an
icon, colour only adds to it.
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
from .report import Office, report_view

__all__ = ["ICONS", "STANDALONE_LAYOUT", "SITE_LAYOUT", "environment", "page_specs", "render_pages", "to_xlsx",
           "write_assets", "write_dashboard"]

TEMPLATES = Path(__file__).with_name("templates")
ICONS = STATUS_ICONS  # the schools' evidence pages show the same icons
STANDALONE_LAYOUT = "_base.html"
SITE_LAYOUT = "_site_base.html"


def _theme_folder() -> Path:
    import truongweb.theme

    return Path(truongweb.theme.__file__).resolve().parent


def _date(iso: str | None) -> str:
    if not iso:
        return "—"
    return format_date(datetime.date.fromisoformat(iso))


def environment(site_env: jinja2.Environment | None = None) -> jinja2.Environment:
    """The dashboard's templates before the theme's (the report's macros are
    the theme's ``components/official_document.html``). ``site_env``: the
    site's own environment (its theme, filters and globals), overlaid so that
    nothing is added to it."""
    if site_env is None:
        env = jinja2.Environment(autoescape=True, trim_blocks=True, lstrip_blocks=True,
                                 loader=jinja2.ChoiceLoader([jinja2.FileSystemLoader(str(TEMPLATES)),
                                                             jinja2.FileSystemLoader(str(_theme_folder() / "templates"))]))
    else:
        env = site_env.overlay(loader=jinja2.ChoiceLoader([jinja2.FileSystemLoader(str(TEMPLATES)), site_env.loader]),
                               autoescape=True)
        env.filters = dict(site_env.filters)
        env.globals = dict(site_env.globals)
    env.filters["vndate"] = _date
    env.globals.update(STATES=STATES, STATUSES=STATUSES, ICONS=ICONS)
    return env


def _context(doc: dict) -> dict:
    problems = [s for s in doc["schools"] if s["state"] != "ok" or s["verified"]["ok"] < s["verified"]["checked"]]
    return {"doc": doc, "behind": behind_order(doc), "problems": problems,
            "topics": doc.get("topics", []), "no_figures": [s for s in doc["schools"] if s["total"] is None]}


def page_specs(doc: dict, office: Office | None = None, env: jinja2.Environment | None = None,
               layout: str = STANDALONE_LAYOUT) -> list[tuple[str, jinja2.Template, dict]]:
    """(relative path, template, variables) of every page. Links between the
    pages are relative (``base``) so that the folder works anywhere."""
    env = env or environment()
    office = office or Office(name=doc["district"] or "Phòng Giáo dục và Đào tạo")
    ctx = {**_context(doc), "layout": layout}
    specs = [("index.html", env.get_template("index.html"), {**ctx, "base": ""}),
             ("bao-cao/index.html", env.get_template("bao-cao.html"),
              {**ctx, "base": "../", "report": report_view(doc, office)})]
    school_tpl = env.get_template("school.html")
    for s in doc["schools"]:
        specs.append((f"truong/{s['code']}/index.html", school_tpl, {**ctx, "school": s, "base": "../../"}))
    return specs


def render_pages(doc: dict, office: Office | None = None) -> dict[str, str]:
    """{relative path: HTML} of the standalone dashboard."""
    return {rel: template.render(**variables) for rel, template, variables in page_specs(doc, office)}


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


def write_assets(doc: dict, output: str | Path) -> None:
    """The stylesheets and the XLSX download beside the pages."""
    out = Path(output)
    out.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(TEMPLATES / "tong-hop.css", out / "tong-hop.css")
    shutil.copyfile(_theme_folder() / "static" / "css" / "evidence.css", out / "evidence.css")
    (out / "tong-hop.xlsx").write_bytes(to_xlsx(doc))


def write_dashboard(doc: dict, output: str | Path, office: Office | None = None) -> None:
    """The standalone dashboard folder."""
    out = Path(output)
    for rel, html in render_pages(doc, office).items():
        path = out / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(html, encoding="utf-8")
    write_assets(doc, out)
