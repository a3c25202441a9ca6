"""Does a school's evidence hold up? (district-rollup spec §3, ``verified``)

Pure domain code: which items to open (a sample of the ``website`` items,
reproducible for a given day), and whether a fetched page is an HTML page
with the item's title. The fetcher does the opening.
"""

from __future__ import annotations

import hashlib
import html
import unicodedata
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

__all__ = ["SAMPLE", "evidence_items", "page_title_matches", "sample", "same_site"]

SAMPLE = 3  # spec: at least 3 per school, or all when fewer
_SEPARATORS = (" – ", " — ", " - ", " | ")


def evidence_items(evidence: dict, base_url: str) -> list[dict]:
    """Every ``website`` item of the plan once (by URL), with its URL made
    absolute against ``base_url`` (the evidence.json address)."""
    seen: dict[str, dict] = {}
    lists = [t.get("items") or [] for t in evidence.get("topics") or []]
    lists.append(evidence.get("items") or [])
    for items in lists:
        for it in items:
            if not isinstance(it, dict) or it.get("channel", "website") != "website":
                continue
            url, title = it.get("url"), it.get("title")
            if not isinstance(url, str) or not isinstance(title, str) or not url:
                continue
            absolute = urljoin(base_url, url)
            seen.setdefault(absolute, {"url": absolute, "title": title})
    return list(seen.values())


def sample(items: list[dict], key: str, size: int = SAMPLE) -> list[dict]:
    """``size`` items chosen by a hash of ``key`` (school code and date): the
    same on a re-run the same day, different from one day to the next."""
    if len(items) <= size:
        return list(items)
    ranked = sorted(items, key=lambda it: hashlib.sha256(f"{key}\n{it['url']}".encode()).digest())
    return ranked[:size]


def same_site(url: str, site: str) -> bool:
    """``url`` is on the school's own host (www. or not): evidence pointing
    at someone else's page does not prove the school published it."""
    a, b = urlsplit(url), urlsplit(site)
    if a.scheme not in ("http", "https"):
        return False

    def host(p):
        h = (p.hostname or "").lower()
        return h[4:] if h.startswith("www.") else h

    return host(a) == host(b) and (a.port or None) == (b.port or None)


def _norm(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", html.unescape(text)).split()).casefold()


class _Titles(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.title: list[str] = []
        self.h1: list[str] = []
        self._in: str | None = None
        self.h1s: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in ("title", "h1") and self._in is None:
            self._in = tag

    def handle_endtag(self, tag):
        if tag == self._in:
            if tag == "h1":
                self.h1s.append("".join(self.h1))
                self.h1 = []
            self._in = None

    def handle_data(self, data):
        if self._in == "title":
            self.title.append(data)
        elif self._in == "h1":
            self.h1.append(data)


def page_title_matches(page: str, title: str) -> bool:
    """The page's ``<title>`` is the item's title (alone or followed by the
    site name after a dash or bar), or one of its ``<h1>`` is."""
    parser = _Titles()
    try:
        parser.feed(page)
        parser.close()
    except Exception:  # noqa: BLE001 - a broken page simply does not match
        return False
    want = _norm(title)
    if not want:
        return False
    got = _norm("".join(parser.title))
    if got == want or any(got.startswith(want + sep.casefold()) for sep in _SEPARATORS):
        return True
    return any(_norm(h) == want for h in parser.h1s)
