"""Which hosts a page makes the reader's browser contact by itself (no
Pelican import).

The page is parsed as a browser parses it (Lexbor's HTML5 parser, through
``selectolax``: attribute values decoded, whatever the spacing, quoting or
letter case; the first of two same-named attributes wins; ``<textarea>`` and
``<iframe>`` content is text, as in a browser), and every element is looked
at for the places a browser fetches from: resource attributes
(``src``, ``srcset``, ``poster``, ``data``, ``background``, ``action``,
``formaction``, ``ping``, ``<link>`` hrefs whose ``rel`` fetches, SVG
``href``/``xlink:href``, ``<base>``, ``<meta http-equiv=refresh>``), CSS in
``style`` attributes and ``<style>`` (``url()``, ``@import``,
``image-set()``), and URLs written in inline script (``<script>`` text,
event-handler attributes, ``javascript:`` URLs), ``<iframe srcdoc>`` as a
page of its own. A ``<template>``'s inert content, which script may clone
into the page, is read token by token (``html.parser``), so nothing in it
escapes by where it would end up. Parsing in C is what lets the page
checker keep up with the build (4× less processor time than the old
``html.parser`` walk over every page). URLs are resolved as the WHATWG URL
parser does for a page served over HTTPS: tabs and newlines removed,
``\\`` read as ``/``, ``//host`` and ``https:host`` are absolute.

A plain link (``<a href>``, ``<area href>``) is not a request: the reader
chooses to follow it. ``cite`` and ``longdesc`` are never fetched.
Script can build a URL at run time in ways no reading of its text finds;
the Content-Security-Policy is what stops those, this finds what is written.
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser
from urllib.parse import unquote


# rel values of <link> that fetch nothing by themselves; any other value
# (stylesheet, icon, preload, prefetch, preconnect, dns-prefetch, manifest,
# modulepreload, search: the OpenSearch file ...) makes the browser fetch.
NAVIGATION_RELS = frozenset({
    "alternate", "archives", "author", "bookmark", "canonical", "contents", "edit",
    "external", "first", "help", "index", "last", "license", "me", "next", "nofollow",
    "noopener", "noreferrer", "opener", "pingback", "prev", "previous", "privacy-policy",
    "self", "shortlink", "start", "tag", "terms-of-service", "top", "up", "webmention",
})
# Attributes that are fetched on any element that has them.
FETCHED = ("src", "poster", "background", "lowsrc", "dynsrc", "manifest", "action",
           "formaction", "codebase")
SRCSETS = ("srcset", "imagesrcset")
# SVG elements whose href / xlink:href is fetched (an SVG <a> is a link).
SVG_FETCHING = frozenset({"image", "use", "feimage", "script", "tref", "mpath"})
# SVG presentation attributes that may reference another document.
CSS_ATTRIBUTES = frozenset({"style", "fill", "stroke", "filter", "mask", "clip-path",
                            "marker-start", "marker-mid", "marker-end", "cursor"})
# <script type> values a browser runs or fetches from; anything else
# (application/ld+json ...) is a data block.
SCRIPT_TYPES = frozenset({
    "", "module", "importmap", "speculationrules", "text/javascript", "application/javascript",
    "application/ecmascript", "application/x-ecmascript", "application/x-javascript",
    "text/ecmascript", "text/javascript1.0", "text/javascript1.1", "text/javascript1.2",
    "text/javascript1.3", "text/javascript1.4", "text/javascript1.5", "text/jscript",
    "text/livescript", "text/x-ecmascript", "text/x-javascript",
})
# Names, not addresses: script passes these to createElementNS.
XML_NAMESPACES = ("http://www.w3.org/2000/svg", "http://www.w3.org/1999/xhtml",
                  "http://www.w3.org/1999/xlink", "http://www.w3.org/1998/math/mathml",
                  "http://www.w3.org/2000/xmlns/", "http://www.w3.org/xml/1998/namespace")
SPECIAL_SCHEMES = frozenset({"http", "https", "ws", "wss", "ftp"})
MAX_SRCDOC_DEPTH = 3

# Every attribute name _element looks at (besides the on* event handlers).
_LOOKED_AT = frozenset({*FETCHED, *SRCSETS, *CSS_ATTRIBUTES, "data", "ping", "archive", "href",
                        "xlink:href", "content", "value", "srcdoc"})
_SCHEME_RE = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*):")
_TAB_NEWLINE_RE = re.compile(r"[\t\n\r]")
_CSS_ESCAPE_RE = re.compile(r"\\(?:([0-9a-fA-F]{1,6})[ \t\n\r\f]?|(.))", re.S)
_CSS_COMMENT_RE = re.compile(r"/\*.*?(?:\*/|$)", re.S)
_CSS_URL_RE = re.compile(r"""url\(\s*(?:"([^"]*)"|'([^']*)'|([^)'"\s]*))""", re.I)
_CSS_IMPORT_RE = re.compile(r"""@import\s*(?:"([^"]*)"|'([^']*)')""", re.I)
_CSS_IMAGE_SET_RE = re.compile(r"image-set\(([^()]*(?:\([^()]*\)[^()]*)*)\)", re.I)
_CSS_STRING_RE = re.compile(r""""([^"]*)"|'([^']*)'""")
_JS_ESCAPE_RE = re.compile(r"\\(?:x([0-9a-fA-F]{2})|u\{([0-9a-fA-F]{1,6})\}|u([0-9a-fA-F]{4})|(/))")
# In script: an address with a scheme anywhere (comments too: cheap to be
# strict), or a string beginning with // or \\ (a bare // is also a comment).
_JS_URL_RE = re.compile(
    r"""\b((?:https?|wss?|ftp):[/\\]*[^\s"'`<>()\\,;]*)"""
    r"""|["'`]\s*([/\\]{2}[^\s"'`<>()]*)""",
    re.I,
)
_REFRESH_RE = re.compile(r"""^\s*[\d.]*\s*[;,]?\s*(?:url\s*=\s*)?(.*)$""", re.I | re.S)


def url_host(url: str) -> str | None:
    """The host a browser contacts for ``url`` on an HTTPS page, or None
    for a relative URL or a scheme that contacts no host (data:, mailto: ...)."""
    url = _TAB_NEWLINE_RE.sub("", url).strip("\x00\x01\x02\x03\x04\x05\x06\x07\x08\x0b\x0c"
                                              "\x0e\x0f\x10\x11\x12\x13\x14\x15\x16\x17\x18"
                                              "\x19\x1a\x1b\x1c\x1d\x1e\x1f ")
    match = _SCHEME_RE.match(url)
    if match:
        if match.group(1).lower() not in SPECIAL_SCHEMES:
            return None
        rest = url[match.end():].replace("\\", "/")
        # "https:host" has a host too when the page's scheme differs
        # (a local preview over http): count it.
        rest = rest.lstrip("/")
    else:
        rest = url.replace("\\", "/")
        if not rest.startswith("//"):
            return None
        rest = rest.lstrip("/")
    authority = re.split(r"[/?#]", rest, maxsplit=1)[0]
    host = authority.rpartition("@")[2]
    if host.startswith("["):
        host = host[: host.find("]") + 1] if "]" in host else host
    else:
        host = host.partition(":")[0]
    host = unquote(host).strip().rstrip(".").lower()
    return host or None


def srcset_urls(value: str) -> list[str]:
    """The URLs of a ``srcset`` (the HTML candidate-string parsing)."""
    urls, i, n = [], 0, len(value)
    while i < n:
        while i < n and (value[i].isspace() or value[i] == ","):
            i += 1
        start = i
        while i < n and not value[i].isspace():
            i += 1
        url = value[start:i]
        if url.endswith(","):
            url = url.rstrip(",")
        else:
            depth = 0  # skip the descriptors up to the next top-level comma
            while i < n and (depth or value[i] != ","):
                depth += {"(": 1, ")": -1}.get(value[i], 0)
                i += 1
        if url:
            urls.append(url)
    return urls


def css_urls(text: str) -> list[str]:
    """The URLs CSS fetches: ``url()``, ``@import "…"``, ``image-set("…")``,
    CSS escapes and comments taken into account."""
    if "\\" in text:
        text = _CSS_ESCAPE_RE.sub(_css_unescape, text)
    text = _CSS_COMMENT_RE.sub(" ", text)
    found = [next(g for g in m.groups() if g is not None) for m in _CSS_URL_RE.finditer(text)]
    found += [m.group(1) if m.group(1) is not None else m.group(2)
              for m in _CSS_IMPORT_RE.finditer(text)]
    for m in _CSS_IMAGE_SET_RE.finditer(text):
        found += [s.group(1) if s.group(1) is not None else s.group(2)
                  for s in _CSS_STRING_RE.finditer(m.group(1))]
    return found


def _css_unescape(match) -> str:
    if match.group(1):
        code = int(match.group(1), 16)
        return chr(code) if 0 < code <= 0x10FFFF and not 0xD800 <= code <= 0xDFFF else "\ufffd"
    return match.group(2)


def script_urls(text: str) -> list[str]:
    """Absolute and protocol-relative URLs written in script text (string
    escapes such as ``\\x2f`` and ``\\/`` decoded first)."""
    if "\\" in text:
        text = _JS_ESCAPE_RE.sub(_js_unescape, text)
    urls = []
    for m in _JS_URL_RE.finditer(text):
        url = m.group(1) or m.group(2)
        if not url.lower().startswith(XML_NAMESPACES):
            urls.append(url)
    return urls


def _js_unescape(match) -> str:
    if match.group(4):
        return "/"
    code = int(match.group(1) or match.group(2) or match.group(3), 16)
    return chr(code) if code <= 0x10FFFF and not 0xD800 <= code <= 0xDFFF else "\ufffd"


def refresh_url(content: str) -> str | None:
    """The URL of a ``<meta http-equiv=refresh content=…>``, if any."""
    m = _REFRESH_RE.match(content)
    url = m.group(1).strip() if m else ""
    if url[:1] in ("'", '"'):
        quote, url = url[0], url[1:]
        url = url.split(quote, 1)[0]
    return url or None


class _Found:
    """``(what, url)`` for every fetch the markup asks for, element by element."""

    def __init__(self, depth: int = 0):
        self.found: list[tuple[str, str]] = []
        self.depth = depth

    def add(self, what: str, url: str | None) -> None:
        if url:
            self.found.append((what, url))

    def walk(self, page: str) -> None:
        """Every element of ``page`` as parsed by an HTML5 parser."""
        # Imported here: the build's own process uses this module for the CSS
        # helpers only (the stylesheet check), and the parser costs ~15 ms to load.
        from selectolax.lexbor import LexborHTMLParser

        for node in LexborHTMLParser(page).root.traverse():
            tag = node.tag.lower()
            if tag.startswith("-"):  # -comment, -doctype
                continue
            attrs = list(node.attributes.items())
            self._element(tag, attrs)
            if tag == "style":
                self._raw_text("style", node.text(deep=True))
            elif tag == "script" and _script_type(attrs) in SCRIPT_TYPES:
                self._raw_text("script", node.text(deep=True))
            elif tag == "template" and self.depth < MAX_SRCDOC_DEPTH:
                inert = _TemplateTokens(self.depth + 1)
                inert.feed(node.html)
                inert.close()
                self.found += inert.found

    def _raw_text(self, kind: str, text: str) -> None:
        # Inside SVG a <style> or <script> is parsed as ordinary markup, with
        # character references decoded: look at both readings.
        texts = [text, html.unescape(text)] if "&" in text else [text]
        for one in texts:
            if kind == "style":
                for url in css_urls(one):
                    self.add("thẻ <style>", url)
            else:
                for url in script_urls(one):
                    self.add("thẻ <script>", url)

    def _element(self, tag, attrs):
        rels = None
        for name, value in attrs:
            if value is None or (name not in _LOOKED_AT and not name.startswith("on")):
                continue
            label = f"thẻ <{tag}> ({name})"
            if name in FETCHED or (name == "data" and tag == "object"):
                self._url(label, value)
            elif name in SRCSETS:
                for url in srcset_urls(value):
                    self.add(label, url)
            elif name in ("ping", "archive"):
                for url in value.split():
                    self.add(label, url)
            elif name in ("href", "xlink:href"):
                if tag == "link":
                    rels = rels if rels is not None else _rels(attrs)
                    if rels - NAVIGATION_RELS:
                        self._url(label, value)
                elif tag in SVG_FETCHING or tag == "base":
                    self._url(label, value)
                elif _is_javascript(value):
                    self._url(label, value)
            elif name == "content" and tag == "meta":
                equiv = next((v for n, v in attrs if n == "http-equiv"), "") or ""
                if equiv.strip().lower() == "refresh":
                    self._url("thẻ <meta http-equiv=refresh>", refresh_url(value))
            elif name == "value" and tag == "param":
                param = (next((v for n, v in attrs if n == "name"), "") or "").lower()
                if param in ("movie", "src", "url", "filename", "href"):
                    self._url(label, value)
            elif name == "srcdoc" and self.depth < MAX_SRCDOC_DEPTH:
                inner = _Found(self.depth + 1)
                inner.walk(value)
                self.found += [(f"{label}: {what}", url) for what, url in inner.found]
            if name in CSS_ATTRIBUTES and "(" in value:
                for url in css_urls(value):
                    self.add(label, url)
            elif name.startswith("on"):
                for url in script_urls(value):
                    self.add(label, url)

    def _url(self, label: str, value: str) -> None:
        if _is_javascript(value):
            for url in script_urls(unquote(value)):
                self.add(label, url)
        else:
            self.add(label, value)


class _TemplateTokens(_Found, HTMLParser):
    """``_Found`` over a ``<template>``'s markup read as tokens: every start
    tag counts, wherever a tree would have put it."""

    def __init__(self, depth: int):
        _Found.__init__(self, depth)
        # Attribute values are decoded either way; text outside <script> and
        # <style> is not looked at, so it is not decoded.
        HTMLParser.__init__(self, convert_charrefs=False)
        self._raw: str | None = None  # "script" or "style" while inside one
        self._buffer: list[str] = []

    def handle_starttag(self, tag, attrs):
        self._element(tag, attrs)
        if tag == "style":
            self._raw, self._buffer = "style", []
        elif tag == "script":
            self._raw, self._buffer = ("script" if _script_type(attrs) in SCRIPT_TYPES
                                       else None), []

    def handle_startendtag(self, tag, attrs):
        self._element(tag, attrs)

    def handle_endtag(self, tag):
        if tag in ("script", "style") and self._raw is not None:
            self._raw_text(self._raw, "".join(self._buffer))
        if tag in ("script", "style"):
            self._raw, self._buffer = None, []

    def handle_data(self, data):
        if self._raw is not None:
            self._buffer.append(data)

    def close(self):
        super().close()
        if self._raw is not None:  # unclosed at the end of the markup
            self._raw_text(self._raw, "".join(self._buffer))
            self._raw = None


def _script_type(attrs) -> str:
    kind = next((v for n, v in attrs if n == "type"), None) or ""
    return kind.strip().lower().split(";")[0].strip()


def _rels(attrs) -> set[str]:
    value = next((v for n, v in attrs if n == "rel"), "") or ""
    return set(value.lower().split())


def _is_javascript(value: str) -> bool:
    return _TAB_NEWLINE_RE.sub("", value).lstrip(" \x00\x0c").lower().startswith("javascript:")


def fetched_urls(page: str) -> list[tuple[str, str]]:
    """``(where, url)`` for every URL the page's markup has the browser
    fetch or send to by itself."""
    collector = _Found()
    collector.walk(page)
    return collector.found


def third_party_requests(page: str, own_host: str | None) -> list[tuple[str, str]]:
    """``(where, host)`` for each fetch to a host other than ``own_host``
    (None: the site has no address yet, so every host is another's)."""
    own = own_host.lower().rstrip(".") if own_host else None
    out = []
    for where, url in fetched_urls(page):
        host = url_host(url)
        if host and host != own:
            out.append((where, host))
    return out
