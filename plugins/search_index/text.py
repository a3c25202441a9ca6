"""Pure text helpers for the search index (no Pelican import)."""

from __future__ import annotations

import re
import unicodedata
from html.parser import HTMLParser

_BLOCK = {"p", "div", "li", "br", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "td", "th",
          "section", "article", "blockquote", "figcaption", "dd", "dt", "pre"}
_SKIP = {"script", "style", "template", "noscript"}


# Every mark Vietnamese decomposes into (acute, grave, hook, tilde, dot below,
# circumflex, breve, horn) is in this block; a regex removes them at C speed.
_COMBINING_MARKS = re.compile("[\u0300-\u036f]")


def fold(text: str) -> str:
    """Vietnamese → ASCII for matching: đ/Đ → d/D and every diacritic removed.

    The same folding runs in the browser (``search.js``) on the query, so
    "dai hoi doan", "Đại hội Đoàn" and "đai hoi đoan" all match."""
    text = text.replace("đ", "d").replace("Đ", "D")
    nfd = unicodedata.normalize("NFD", text)
    return unicodedata.normalize("NFC", _COMBINING_MARKS.sub("", nfd))


class _Text(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in _SKIP:
            self.skip += 1
        elif tag in _BLOCK:
            self.parts.append(" ")
        if tag == "img":
            alt = dict(attrs).get("alt")
            if alt:
                self.parts.append(f" {alt} ")

    def handle_endtag(self, tag):
        if tag in _SKIP and self.skip:
            self.skip -= 1
        elif tag in _BLOCK:
            self.parts.append(" ")

    def handle_data(self, data):
        if not self.skip:
            self.parts.append(data)


def html_to_text(fragment: str) -> str:
    """Visible text of an HTML fragment (image alts included), one space between words."""
    p = _Text()
    p.feed(fragment or "")
    p.close()
    return re.sub(r"\s+", " ", "".join(p.parts)).strip()


def shorten(text: str, limit: int = 220) -> str:
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0]
    return cut.rstrip(",.;:–- ") + "…"


def make_record(url: str, title: str, body_html: str, summary_html: str = "",
                date: str = "", category: str = "", tags=()) -> dict:
    """One Pagefind custom record: folded text to match on, original
    (diacritic) title/summary/category/date as metadata to display."""
    body = html_to_text(body_html)
    summary = html_to_text(summary_html) if summary_html else ""
    words = " ".join([title, summary, category, " ".join(tags), body])
    meta = {"title": title, "summary": shorten(summary or body)}
    if date:
        meta["date"] = date
    if category:
        meta["category"] = category
    return {"url": url, "content": fold(words), "language": "vi", "meta": meta}


_MAIN_RE = re.compile(r"<main\b[^>]*>(.*?)</main>", re.S | re.I)
_H1_RE = re.compile(r"<h1\b[^>]*>(.*?)</h1>", re.S | re.I)


def record_from_page(page_html: str, url: str) -> dict | None:
    """Record for a written page: title from its ``<h1>``, text from its
    ``<main>`` (without the h1); None when the page has neither."""
    main = _MAIN_RE.search(page_html)
    if not main:
        return None
    body = main.group(1)
    h1 = _H1_RE.search(body)
    if not h1:
        return None
    title = html_to_text(h1.group(1))
    return make_record(url, title, body[: h1.start()] + body[h1.end():])
