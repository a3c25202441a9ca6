"""Find one output file per page type in a built site (by the URL scheme of
docs/DEVELOPING.md and the plugins' documented URLs)."""

from __future__ import annotations

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
    "sitemap": [r"so-do-trang/index\.html", r"so-do-website/index\.html"],
    "404": [r"404\.html"],
}

PAGE_TYPES = list(PATTERNS)


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
    return found


def url_for(base: str, rel: str) -> str:
    if rel.endswith("index.html"):
        rel = rel[: -len("index.html")]
    return f"{base}/{rel}"
