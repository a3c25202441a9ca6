"""Allowlist for the HTML of article, page and data-file bodies (no Pelican import).

Body HTML comes from people and imports the site does not control: a teacher
in the web editor, an old article pasted from elsewhere. Markdown lets raw
HTML through (and ``attr_list`` adds any attribute), so ``<script>``, event
handlers, ``javascript:`` links, forms posting elsewhere or a meta refresh
would be published as they are. :func:`sanitize` keeps what the project's own
Markdown (``extra`` + ``vietnamese.headings``) and ``plugins/images`` produce
and removes the rest with nh3 (html5ever parses as a browser does, so what is
kept is what a browser would see).

A body with nothing to remove is returned byte for byte: nh3 re-serialises
(``<br />`` → ``<br>``, ``&#8211;`` → ``–``), so its output is compared with
the input as parsed trees and the input is kept when they are equal. When
something was removed, :func:`removed_parts` names it in Vietnamese for the
build's warning ("thẻ <script>", "thuộc tính onclick", "liên kết
javascript:").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

import nh3

TAGS = frozenset({
    "a", "abbr", "b", "bdi", "bdo", "blockquote", "br", "caption", "cite", "code",
    "col", "colgroup", "data", "dd", "del", "details", "dfn", "div", "dl", "dt", "em",
    "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "ins",
    "kbd", "li", "mark", "ol", "p", "picture", "pre", "q", "rp", "rt", "ruby", "s",
    "samp", "small", "source", "span", "strong", "sub", "summary", "sup", "table",
    "tbody", "td", "tfoot", "th", "thead", "time", "tr", "u", "ul", "var", "wbr",
})

# Removed with everything inside them (the rest keep their text).
CONTENT_TAGS = frozenset({"script", "style", "noscript", "template", "iframe", "object",
                          "embed", "svg", "math", "textarea", "select", "title"})

GENERIC_ATTRIBUTES = frozenset({"class", "id", "title", "lang", "dir"})

ATTRIBUTES = {
    "a": {"href", "hreflang", "rel", "target", "type"},
    "blockquote": {"cite"},
    "q": {"cite"},
    "del": {"cite", "datetime"},
    "ins": {"cite", "datetime"},
    "time": {"datetime"},
    "data": {"value"},
    # as plugins/images/markup.py writes them
    "img": {"src", "alt", "width", "height", "loading", "decoding", "srcset", "sizes"},
    "source": {"type", "srcset", "sizes", "media", "width", "height"},
    "td": {"colspan", "rowspan", "headers"},
    "th": {"colspan", "rowspan", "headers", "scope", "abbr"},
    "col": {"span"},
    "colgroup": {"span"},
    "ol": {"start", "reversed", "type"},
    "li": {"value"},
    "details": {"open"},
}

URL_SCHEMES = frozenset({"http", "https", "mailto", "tel"})

# Attributes holding URLs: checked by nh3 (href, src, cite) or by
# :func:`_filter_attribute` (srcset).
URL_ATTRIBUTES = frozenset({"href", "src", "cite"})
SRCSET_ATTRIBUTES = frozenset({"srcset"})

# Markdown's tables write alignment as an inline style, which the site's CSP
# (style-src 'self') would block; the theme has classes for it instead.
_TABLE_ALIGN_RE = re.compile(
    r'<(th|td)((?:\s+[^\s>]+)*?)\s+style="text-align: (left|right|center);"', re.IGNORECASE)

_CONTROL_RE = re.compile(r"[\x00-\x20\x7f]+")
_SCHEME_RE = re.compile(r"^([a-z][a-z0-9+.\-]*):")


def _url_problem(value: str) -> str | None:
    """Why a URL may not stay (Vietnamese), or None when it may. Browsers drop
    tabs, newlines and leading spaces before reading the scheme."""
    compact = _CONTROL_RE.sub("", value).lower()
    if compact.startswith(("//", "\\\\", "/\\", "\\/")):
        return "liên kết không ghi giao thức //…"
    m = _SCHEME_RE.match(compact)
    if m and m.group(1) not in URL_SCHEMES:
        return f"liên kết {m.group(1)}:"
    return None


def _srcset_urls(value: str) -> list[str]:
    return [part.strip().split()[0] for part in value.split(",") if part.strip()]


def _filter_attribute(element: str, attribute: str, value: str) -> str | None:
    if attribute in SRCSET_ATTRIBUTES:
        if any(_url_problem(url) for url in _srcset_urls(value)):
            return None
    return value


def _relative_url(url: str) -> str | None:
    # nh3 passes relative URLs through; a protocol-relative one is not.
    return None if _url_problem(url) else url


_CLEANER = nh3.Cleaner(
    tags=set(TAGS),
    clean_content_tags=set(CONTENT_TAGS),
    attributes={"*": set(GENERIC_ATTRIBUTES), **{k: set(v) for k, v in ATTRIBUTES.items()}},
    attribute_filter=_filter_attribute,
    strip_comments=True,
    link_rel=None,
    url_schemes=set(URL_SCHEMES),
    url_relative=_relative_url,
)


@dataclass
class Sanitized:
    html: str
    removed: list[str] = field(default_factory=list)  # Vietnamese, in order of appearance


def sanitize(fragment: str) -> Sanitized:
    """``fragment`` with everything outside the allowlist removed; the input
    itself (byte for byte) when nothing had to go."""
    if not fragment:
        return Sanitized(fragment or "")
    source = _TABLE_ALIGN_RE.sub(_align_class, fragment)
    cleaned = _CLEANER.clean(source)
    # Python-Markdown's html5 output is usually what html5ever writes back
    # (every demo article is): no Python parse at all then.
    if cleaned == source or _tree(cleaned) == _tree(source):
        return Sanitized(source)
    # Nothing named (an omitted <tbody> that the parser adds): the cleaned
    # tree is used all the same, without a warning.
    return Sanitized(cleaned, removed_parts(source))


def _align_class(m: re.Match) -> str:
    tag, attrs, align = m.group(1), m.group(2) or "", m.group(3).lower()
    if re.search(r"\sclass\s*=", attrs, re.IGNORECASE):
        return m.group(0)  # an author's own class: leave it to the allowlist
    return f'<{tag}{attrs} class="align-{align}"'


# --- Comparing trees and naming what went ---------------------------------

VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link",
                  "meta", "source", "track", "wbr"})


class _Tree(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tokens: list[tuple] = []

    def _text(self, data):
        if self.tokens and self.tokens[-1][0] == "text":
            self.tokens[-1] = ("text", self.tokens[-1][1] + data)
        else:
            self.tokens.append(("text", data))

    def handle_starttag(self, tag, attrs):
        self.tokens.append(("start", tag, tuple(sorted((k, v or "") for k, v in attrs))))

    handle_startendtag = handle_starttag

    def handle_endtag(self, tag):
        if tag not in VOID:
            self.tokens.append(("end", tag))

    def handle_data(self, data):
        self._text(data)

    def handle_comment(self, data):
        self.tokens.append(("comment", data))

    def handle_decl(self, decl):
        self.tokens.append(("decl", decl))

    def handle_pi(self, data):
        self.tokens.append(("pi", data))

    unknown_decl = handle_decl


def _tree(fragment: str) -> list[tuple]:
    parser = _Tree()
    parser.feed(fragment)
    parser.close()
    return parser.tokens


def equivalent(a: str, b: str) -> bool:
    """Same elements, attributes (any order, any quoting) and text."""
    return _tree(a) == _tree(b)


class _Removed(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []

    def _add(self, what: str) -> None:
        if what not in self.found:
            self.found.append(what)

    def handle_starttag(self, tag, attrs):
        if tag not in TAGS:
            self._add(f"thẻ <{tag}>")
            return
        allowed = GENERIC_ATTRIBUTES | ATTRIBUTES.get(tag, set())
        for name, value in attrs:
            if name not in allowed:
                self._add(f"thuộc tính {name}")
            elif value and name in URL_ATTRIBUTES:
                problem = _url_problem(value)
                if problem:
                    self._add(problem)
            elif value and name in SRCSET_ATTRIBUTES:
                for url in _srcset_urls(value):
                    problem = _url_problem(url)
                    if problem:
                        self._add(f"{problem} (trong {name})")

    handle_startendtag = handle_starttag

    def handle_comment(self, data):
        self._add("chú thích HTML <!-- -->")

    def handle_decl(self, decl):
        self._add(f"khai báo <!{decl.split()[0] if decl.split() else decl}>")

    unknown_decl = handle_decl

    def handle_pi(self, data):
        self._add("chỉ thị <?…>")


def removed_parts(fragment: str) -> list[str]:
    """What :func:`sanitize` takes out of ``fragment``, in Vietnamese."""
    parser = _Removed()
    parser.feed(fragment)
    parser.close()
    return parser.found


def describe(removed: list[str]) -> str:
    return ", ".join(removed)
