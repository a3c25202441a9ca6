"""Internal link checker for a built site (no Pelican import).

Every ``href``/``src`` of every HTML page that points inside the site (a
relative path, a path from ``/``, or an absolute URL under ``site_url``) must
reach a file of the output; a same-page ``#fragment`` must name an existing
id. Resources loaded over ``http://`` are reported too (mixed content).
"""

from __future__ import annotations

import os
import posixpath
import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

from .checks import _ASSET_RE

_REF_RE = re.compile(r"""<(?:a|link|img|script|source|iframe|area|form)\b[^>]*?\s(href|src|action)\s*=\s*["']([^"']*)["']""", re.I)
_ID_RE = re.compile(r"""\sid\s*=\s*["']([^"']+)["']""")
_SKIP_SCHEMES = ("mailto:", "tel:", "javascript:", "data:", "sms:")


def _target(page: str, url: str, site_url: str) -> str | None:
    if site_url and (url == site_url or url.startswith(site_url + "/")):
        url = url[len(site_url):] or "/"
    parts = urlsplit(url)
    if parts.scheme or parts.netloc:
        return None
    path = unquote(parts.path)
    if not path:
        return None
    if path.startswith("/"):
        rel = path.lstrip("/")
    else:
        rel = posixpath.normpath(posixpath.join(posixpath.dirname(page), path))
        if rel in (".", ""):
            rel = ""
        elif path.endswith("/"):
            rel += "/"
    if rel.startswith(".."):
        return "../"  # escapes the site: always broken
    return rel


def _exists(output: Path, rel: str) -> bool:
    if rel == "../":
        return False
    if rel == "" or rel.endswith("/"):
        return (output / rel / "index.html").is_file()
    candidate = output / rel
    return candidate.is_file() or (output / rel / "index.html").is_file()


def check_links(output: Path, site_url: str = "") -> list[str]:
    """Return Vietnamese problem lines, one per broken target (with the
    number of pages and the first page linking to it), plus one line per page
    with a fragment or ``http://`` problem."""
    output = Path(output)
    problems: list[str] = []
    known: dict[str, bool] = {}
    broken: dict[str, list[str]] = {}
    for root, _dirs, files in os.walk(output):
        for name in files:
            if not name.endswith(".html"):
                continue
            full = Path(root) / name
            page = full.relative_to(output).as_posix()
            text = full.read_text(encoding="utf-8", errors="replace")
            ids = None
            for _attr, url in _REF_RE.findall(text):
                url = url.strip()
                if not url or url.lower().startswith(_SKIP_SCHEMES):
                    continue
                if url.startswith("#"):
                    if len(url) > 1:
                        if ids is None:
                            ids = set(_ID_RE.findall(text))
                        if unquote(url[1:]) not in ids:
                            problems.append(f"{page}: liên kết tới {url} nhưng trang không có phần tử id này")
                    continue
                rel = _target(page, url, site_url)
                if rel is None:
                    continue
                if rel not in known:
                    known[rel] = _exists(output, rel)
                if not known[rel]:
                    broken.setdefault(url, []).append(page)
            m = _ASSET_RE.search(text)
            if m:
                problems.append(f"{page}: tài nguyên tải qua http://: {m.group(0)[:100]!r}")
    problems.sort()
    for url, pages in sorted(broken.items()):
        pages = sorted(set(pages))
        where = pages[0] if len(pages) == 1 else f"{len(pages)} trang, ví dụ {pages[0]}"
        problems.append(f"liên kết hỏng tới {url} ({where})")
    return problems
