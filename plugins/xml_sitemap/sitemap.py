"""sitemap.xml and robots.txt as text (no Pelican import).

The format is that of sitemaps.org (protocol 0.9): a ``urlset`` of ``url``
elements with ``loc`` and, when the page's content has a date, ``lastmod``
in W3C datetime form. A page whose content has no date gets no ``lastmod``:
the build time would make every page look changed on every build.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from urllib.parse import quote, urlsplit
from xml.sax.saxutils import escape

NAMESPACE = "http://www.sitemaps.org/schemas/sitemap/0.9"
CHANGEFREQS = ("always", "hourly", "daily", "weekly", "monthly", "yearly", "never")
KINDS = ("articles", "pages", "indexes")
CONFIG_KEYS = ("format", "exclude", "changefreqs", "priorities")
MAX_URLS = 50_000  # one sitemap file holds at most this many (sitemaps.org)


class SitemapError(ValueError):
    """Bad SITEMAP setting; ``str()`` is a Vietnamese message."""


@dataclass(frozen=True)
class Entry:
    url: str  # site-relative, "" for the home page, "a/b/" for a/b/index.html
    lastmod: dt.date | dt.datetime | None
    kind: str  # one of KINDS


@dataclass(frozen=True)
class Config:
    exclude: tuple[re.Pattern, ...]
    changefreqs: dict
    priorities: dict


def read_config(setting) -> Config:
    """The ``SITEMAP`` setting, checked (same keys as pelican-sitemap)."""
    setting = {} if setting is None else setting
    if not isinstance(setting, dict):
        raise SitemapError("Thiết lập SITEMAP phải là một bảng khóa (dict).")
    unknown = sorted(set(setting) - set(CONFIG_KEYS))
    if unknown:
        raise SitemapError(f"Thiết lập SITEMAP: khóa lạ “{unknown[0]}”; dùng {', '.join(CONFIG_KEYS)}.")
    if setting.get("format", "xml") != "xml":
        raise SitemapError("Thiết lập SITEMAP: “format” chỉ nhận “xml”.")
    exclude = setting.get("exclude", ())
    if not isinstance(exclude, (list, tuple)) or not all(isinstance(p, str) for p in exclude):
        raise SitemapError("Thiết lập SITEMAP: “exclude” phải là danh sách chuỗi.")
    changefreqs = dict(setting.get("changefreqs") or {})
    for kind, value in changefreqs.items():
        if kind not in KINDS or value not in CHANGEFREQS:
            raise SitemapError(f"Thiết lập SITEMAP: changefreqs “{kind}: {value}” không hợp lệ; "
                               f"loại: {', '.join(KINDS)}; giá trị: {', '.join(CHANGEFREQS)}.")
    priorities = dict(setting.get("priorities") or {})
    for kind, value in priorities.items():
        if kind not in KINDS or not isinstance(value, (int, float)) or not 0 <= value <= 1:
            raise SitemapError(f"Thiết lập SITEMAP: priorities “{kind}: {value}” không hợp lệ; "
                               "cần một số từ 0.0 đến 1.0.")
    try:
        patterns = tuple(re.compile(p) for p in exclude)
    except re.error as error:
        raise SitemapError(f"Thiết lập SITEMAP: mẫu loại trừ không hợp lệ ({error}).") from None
    return Config(patterns, changefreqs, priorities)


def url_of(save_as: str) -> str:
    """The address of an output file: ``a/b/index.html`` -> ``a/b/``."""
    return re.sub(r"(?:^|(?<=/))index\.html$", "", save_as.replace("\\", "/").lstrip("/"))


def newest(*values) -> dt.date | dt.datetime | None:
    """The latest of the dates given (None ignored); aware datetimes compare
    across zones, a plain date counts as its first instant."""
    found = [v for v in values if isinstance(v, (dt.date, dt.datetime))]
    return max(found, key=_instant) if found else None


def _instant(value):
    if isinstance(value, dt.datetime):
        return value if value.tzinfo else value.replace(tzinfo=dt.timezone.utc)
    return dt.datetime.combine(value, dt.time(0), tzinfo=dt.timezone.utc)


def w3c_datetime(value: dt.date | dt.datetime) -> str:
    """``2026-09-20T07:30:00+07:00`` or ``2026-09-20`` (W3C datetime)."""
    if isinstance(value, dt.datetime):
        if value.tzinfo is None:
            return value.date().isoformat()  # no zone known: the day is what is sure
        return value.replace(microsecond=0).isoformat()
    return value.isoformat()


def render(entries, siteurl: str, config: Config) -> str:
    """The sitemap.xml text: each URL once, sorted, excluded ones left out."""
    base = siteurl.rstrip("/")
    seen = {}
    for entry in entries:
        if any(p.search(entry.url) for p in config.exclude):
            continue
        previous = seen.get(entry.url)
        seen[entry.url] = entry if previous is None else Entry(
            entry.url, newest(previous.lastmod, entry.lastmod), previous.kind)
    lines = ['<?xml version="1.0" encoding="utf-8"?>', f'<urlset xmlns="{NAMESPACE}">']
    for url in sorted(seen)[:MAX_URLS]:
        entry = seen[url]
        loc = f"{base}/{quote(url, safe='/%:@!$&()*+,;=-._~')}"
        lines.append("<url>")
        lines.append(f"<loc>{escape(loc)}</loc>")
        if entry.lastmod is not None:
            lines.append(f"<lastmod>{w3c_datetime(entry.lastmod)}</lastmod>")
        if entry.kind in config.changefreqs:
            lines.append(f"<changefreq>{config.changefreqs[entry.kind]}</changefreq>")
        if entry.kind in config.priorities:
            lines.append(f"<priority>{float(config.priorities[entry.kind]):.1f}</priority>")
        lines.append("</url>")
    lines.append("</urlset>")
    return "\n".join(lines) + "\n"


def robots_txt(siteurl: str) -> str:
    """robots.txt: everything may be crawled; the sitemap's absolute address
    (a local build has none, so it names none)."""
    lines = ["# Cổng thông tin điện tử: mọi trang công khai đều được phép lập chỉ mục.",
             "User-agent: *", "Allow: /"]
    parts = urlsplit(siteurl or "")
    if parts.scheme in ("http", "https") and parts.netloc:
        lines += ["", f"Sitemap: {siteurl.rstrip('/')}/sitemap.xml"]
    return "\n".join(lines) + "\n"
