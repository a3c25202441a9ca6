"""Pure text helpers for the search index (no Pelican import)."""

from __future__ import annotations

import html
import re
import unicodedata

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


_SKIPPED_RE = re.compile(r"<(%s)\b.*?</\1\s*>" % "|".join(sorted(_SKIP)), re.S | re.I)
_COMMENT_RE = re.compile(r"<!--.*?-->", re.S)
_IMG_RE = re.compile(r"<img\b[^>]*>", re.I)
_ALT_RE = re.compile(r"""\balt\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.I)
_BLOCK_RE = re.compile(r"</?(?:%s)\b[^>]*>" % "|".join(sorted(_BLOCK)), re.I)
_TAG_RE = re.compile(r"<[^>]*>")
_SPACES_RE = re.compile(r"\s+")


def _alt_text(match) -> str:
    alt = _ALT_RE.search(match.group(0))
    return f" {next(g for g in alt.groups() if g is not None)} " if alt else " "


def html_to_text(fragment: str) -> str:
    """Visible text of an HTML fragment (image alts included), one space between words.

    Regular expressions rather than an HTML parser: the fragments are the
    HTML Markdown wrote, and this runs for every article of every build."""
    text = _COMMENT_RE.sub(" ", fragment or "")
    text = _SKIPPED_RE.sub(" ", text)
    text = _IMG_RE.sub(_alt_text, text)
    text = _TAG_RE.sub("", _BLOCK_RE.sub(" ", text))
    return _SPACES_RE.sub(" ", html.unescape(text)).strip()


def shorten(text: str, limit: int = 220) -> str:
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0]
    return cut.rstrip(",.;:–- ") + "…"


_TERM_RE = re.compile(r"[a-z0-9]+")


def terms(folded: str) -> list[str]:
    """Search terms of folded text: lower-case runs of ASCII letters and
    digits. ``search.js`` splits the folded query the same way."""
    return _TERM_RE.findall(folded.lower())


def make_record(url: str, title: str, body_html: str, summary_html: str = "",
                date: str = "", category: str = "", tags=()) -> dict:
    """One search record: folded text to match on (``content``, the title
    included, and ``heading``, the title alone, which weighs more), original
    (diacritic) title/summary/category/date as metadata to display."""
    body = html_to_text(body_html)
    summary = html_to_text(summary_html) if summary_html else ""
    words = " ".join([title, summary, category, " ".join(tags), body])
    meta = {"title": title, "summary": shorten(summary or body)}
    if date:
        meta["date"] = date
    if category:
        meta["category"] = category
    return {"url": url, "content": fold(words), "heading": fold(title), "meta": meta}


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
