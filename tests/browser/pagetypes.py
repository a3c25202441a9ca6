"""Find one output file per page type in a built site (by the URL scheme of
docs/DEVELOPING.md and the plugins' documented URLs). Evidence pages come in
kinds that their paths do not tell apart (a topic with a yearly, quarterly,
monthly or per-semester quota; a plan with or without units): those are found
through each plan's evidence.json."""

from __future__ import annotations

import json
import re
from pathlib import Path

CATEGORY_SLUGS = ("tin-tuc-su-kien", "thong-bao", "hoat-dong-chuyen-mon", "doan-doi",
                  "tuyen-sinh", "guong-sang")

# page type -> list of regexes over the output-relative path (first match wins,
# files sorted); plain strings are exact paths.
PATTERNS: dict[str, list[str]] = {
    "home": [r"index\.html"],
    "article": [r"(?:%s)/\d{4}/\d{2}/[^/]+/index\.html" % "|".join(CATEGORY_SLUGS)],
    "category": [r"(?:%s)/index\.html" % "|".join(CATEGORY_SLUGS)],
    "tag": [r"the/[^/]+/index\.html"],
    "archive": [r"luu-tru/index\.html"],
    "page": [r"gioi-thieu/index\.html", r"lien-he/index\.html"],
    "document-list": [r"van-ban/index\.html"],
    "document": [r"van-ban/(?!trang-\d+/)[^/]+/index\.html"],
    "disclosure": [r"cong-khai/index\.html", r"cong-khai-thong-tin/index\.html"],
    "evidence-overview": [r"minh-chung/index\.html"],
    "evidence-report": [r"minh-chung/[^/]+/bao-cao/[^/]+/index\.html"],
    "search": [r"tim-kiem/index\.html"],
    "schedule-week": [r"lich-cong-tac/\d{4}-W\d{2}/index\.html"],
    "schedule-archive": [r"lich-cong-tac/index\.html"],
    "sitemap": [r"so-do-trang/index\.html", r"so-do-website/index\.html"],
    "404": [r"404\.html"],
}

# Evidence page kinds found from minh-chung/<plan>/evidence.json (see _evidence_pages).
QUOTA_KINDS = (("total", "total"), ("quarter", "per_quarter"), ("month", "per_month"),
               ("semester", "per_semester"))
REPORT_KINDS = ("total", "semester", "quarter", "month")
EVIDENCE_KINDS = (
    ["evidence-plan", "evidence-plan-units", "evidence-reports"]
    + [f"evidence-topic-{kind}" for kind, _ in QUOTA_KINDS]
    + ["evidence-topic-units", "evidence-topic-empty"]
    + [f"evidence-report-{kind}" for kind in REPORT_KINDS]
)

PAGE_TYPES = list(PATTERNS) + EVIDENCE_KINDS


def _evidence_pages(output: Path) -> dict[str, str]:
    found: dict[str, str] = {}

    def first(kind: str, rel: str) -> None:
        found.setdefault(kind, rel)

    for path in sorted(output.glob("minh-chung/*/evidence.json")):
        doc = json.loads(path.read_text(encoding="utf-8"))
        base = f"minh-chung/{doc['plan']['id']}"
        first("evidence-plan-units" if doc.get("units") else "evidence-plan", f"{base}/index.html")
        first("evidence-reports", f"{base}/bao-cao/index.html")
        for topic in doc["topics"]:
            rel = f"{base}/{topic['code']}/index.html"
            if not topic["items"]:
                first("evidence-topic-empty", rel)
                continue
            for kind, key in QUOTA_KINDS:
                if key in topic.get("quota", {}):
                    first(f"evidence-topic-{kind}", rel)
            if any(item.get("unit") for item in topic["items"]):
                first("evidence-topic-units", rel)
        for period in doc.get("report_periods", []):
            first(f"evidence-report-{period['kind']}", f"{base}/bao-cao/{period['slug']}/index.html")
    return {kind: rel for kind, rel in found.items() if (output / rel).is_file()}


def discover(output: Path) -> dict[str, str | None]:
    """page type -> output-relative path (posix) or None when absent."""
    files = sorted(p.relative_to(output).as_posix() for p in output.rglob("*.html"))
    found: dict[str, str | None] = {}
    for kind, patterns in PATTERNS.items():
        found[kind] = None
        for pat in patterns:
            rx = re.compile(pat + r"\Z")
            hit = next((f for f in files if rx.match(f)), None)
            if hit:
                found[kind] = hit
                break
    evidence = _evidence_pages(output)
    for kind in EVIDENCE_KINDS:
        found[kind] = evidence.get(kind)
    return found


def url_for(base: str, rel: str) -> str:
    if rel.endswith("index.html"):
        rel = rel[: -len("index.html")]
    return f"{base}/{rel}"
