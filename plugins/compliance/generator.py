"""Pelican glue: capture the build's context, then check and report at ``finalized``."""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
import time
from pathlib import Path

from pelican.generators import Generator

from truongweb.plugins.vietnamese.dates import site_today

from .background import BackgroundScan
from .engine import (ComplianceError, Site, format_summary, format_todo, load_rules, run, summary,
                     todo_items)
from .manifest import build_manifest, read_url_list

logger = logging.getLogger(__name__)

REPORT_URL = "kiem-tra-tuan-thu/"
RESULTS_FILE = "kiem-tra-tuan-thu/ket-qua.json"

# output path -> (generator, writer); filled in generate_output, used at finalized.
_BUILDS: dict[str, tuple] = {}
# output path -> the helper checking pages as they are written, and the manifest.
_SCANS: dict[str, BackgroundScan] = {}
_MANIFESTS: dict[str, dict] = {}


def _rules_file(settings) -> str | None:
    return str(settings["COMPLIANCE_RULES"]) if settings.get("COMPLIANCE_RULES") else None


class ComplianceGenerator(Generator):
    """Writes nothing itself; starts the page-checking helper and keeps what
    ``finalized`` needs to render the report."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for stale in list(_SCANS):  # earlier builds in this process that failed
            _SCANS.pop(stale).cancel()
        _MANIFESTS.clear()
        if self.settings.get("COMPLIANCE_ENABLED", True):
            cache = self.settings.get("CACHE_PATH")
            _SCANS[os.path.realpath(self.output_path)] = BackgroundScan(
                self.output_path, _rules_file(self.settings),
                os.path.join(cache, "compliance", "pages.pickle") if cache else None)

    def generate_output(self, writer):
        _BUILDS[os.path.realpath(self.output_path)] = (self, writer)

    def sitemap_pages(self):
        """The report is written after the sitemap (it checks the sitemap),
        so the sitemap learns of it here; it shows the checks as of that day."""
        if not self.settings.get("COMPLIANCE_ENABLED", True):
            return []
        return [(REPORT_URL + "index.html", _as_of(self.settings))]


def _manifest(context, settings) -> dict:
    return build_manifest(context, settings, _as_of(settings), _published_urls(settings))


def start_page_checks(generators) -> None:
    """The content is final: hand the helper the manifest (which page is which)."""
    generator = next((g for g in generators if isinstance(g, ComplianceGenerator)), None)
    if generator is None:
        return
    key = os.path.realpath(generator.output_path)
    if key in _SCANS:
        _MANIFESTS[key] = _manifest(generator.context, generator.settings)
        _SCANS[key].start(_MANIFESTS[key])


def page_written(path, context=None) -> None:
    for scan in _SCANS.values():
        scan.page_written(path)


def _as_of(settings) -> dt.date:
    value = settings.get("COMPLIANCE_AS_OF")
    if not value:
        return site_today(settings)
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        raise ComplianceError(
            f"Thiết lập COMPLIANCE_AS_OF phải là ngày dạng YYYY-MM-DD, nhận được “{value}”."
        ) from None


def _published_urls(settings) -> list[str] | None:
    """URLs published before (C18), from ``COMPLIANCE_PUBLISHED_URLS``: a text
    file, relative to the content folder (PATH) or absolute. No setting or no
    file: the rule reports that it does not apply."""
    value = settings.get("COMPLIANCE_PUBLISHED_URLS")
    if not value:
        return None
    path = Path(value)
    if not path.is_absolute():
        path = Path(settings.get("PATH", ".")) / path
    if not path.is_file():
        return None
    return read_url_list(path)


def results_json(results, manifest) -> dict:
    errors, warnings, passed = summary(results)
    return {
        "schema": 1,
        "as_of": manifest["as_of"],
        "summary": {"rules": len(results), "passed": passed, "errors": errors, "warnings": warnings},
        "results": [
            {
                "id": r.rule.id, "row": r.rule.row, "basis": r.basis or r.rule.basis,
                "unconfirmed": r.rule.unconfirmed,
                "applies_to": list(r.rule.applies_to) if r.rule.applies_to else None,
                "severity": r.rule.severity, "title": r.rule.title,
                "status": r.status, "checked": r.checked,
                "skipped": r.skipped, "problems": r.problems,
            }
            for r in results
        ],
        "todo": todo_items(results),
        "manifest": manifest,
    }


def run_and_report(pelican):
    settings = pelican.settings
    if not settings.get("COMPLIANCE_ENABLED", True):
        return None
    key = os.path.realpath(pelican.output_path)
    if key not in _BUILDS:
        return None
    generator, writer = _BUILDS.pop(key)
    scan = _SCANS.pop(key, None)
    prescanned = scan.results() if scan else {}
    rules, rows = load_rules(_rules_file(settings))
    manifest = _MANIFESTS.pop(key, None) or _manifest(generator.context, settings)
    site = Site(Path(pelican.output_path), manifest)
    started = time.perf_counter()
    results = run(rules, site, prescanned)
    seconds = time.perf_counter() - started
    data = results_json(results, manifest)
    out = Path(pelican.output_path) / RESULTS_FILE
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    write_report(generator, writer, results, rows, manifest, site.level)
    text = format_summary(results, REPORT_URL, seconds)
    todo = format_todo(results)
    if todo:
        text += "\n" + todo
    errors, _warnings, _passed = summary(results)
    if errors and settings.get("COMPLIANCE_STRICT"):
        logger.error(text)
    else:
        print(text)
    return results


def report_rows(results, rows: dict) -> list[dict]:
    """Every checklist row with its rules and an overall status."""
    by_row: dict[str, list] = {}
    for r in results:
        by_row.setdefault(r.rule.row, []).append(r)
    out = []
    for row_id, info in rows.items():
        rs = by_row.get(row_id, [])
        if info.get("not_checkable") and not rs:
            status = "manual"
        elif info.get("see") and not rs:
            status = "see"
        elif any(r.status == "error" for r in rs):
            status = "error"
        elif any(r.status == "warning" for r in rs):
            status = "warning"
        elif rs and all(r.status == "skipped" for r in rs):
            status = "skipped"
        else:
            status = "pass"
        out.append({"id": row_id, "info": info, "results": rs, "status": status})
    return out


def write_report(generator, writer, results, rows, manifest, level=None):
    errors, warnings, passed = summary(results)
    now = generator.context.get("BUILD_DATETIME") or dt.datetime.now()
    writer.write_file(
        REPORT_URL + "index.html",
        generator.get_template("compliance/report"),
        generator.context,
        relative_urls=generator.settings["RELATIVE_URLS"],
        url=REPORT_URL,
        report_url=REPORT_URL,
        report_rows=report_rows(results, rows),
        report_results=results,
        report_todo=todo_items(results),
        report_counts={"errors": errors, "warnings": warnings, "passed": passed,
                       "total": len(results)},
        report_as_of=dt.date.fromisoformat(manifest["as_of"]),
        report_level=level,
        report_date=now,
    )
