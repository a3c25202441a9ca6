"""HTML parsing helpers for the security tests (html.parser, never regexes)."""

from __future__ import annotations

from html.parser import HTMLParser

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
        "source", "track", "wbr"}


class Elements(HTMLParser):
    """Every element of a page: ``(tag, {attr: value})`` in document order,
    plus the text of each ``<script>``."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict]] = []
        self.scripts: list[tuple[dict, str]] = []
        self._in_script: dict | None = None

    def handle_starttag(self, tag, attrs):
        d = {k.lower(): (v or "") for k, v in attrs}
        self.elements.append((tag, d))
        if tag == "script":
            self._in_script = d
            self.scripts.append((d, ""))

    handle_startendtag = handle_starttag

    def handle_data(self, data):
        if self._in_script is not None and self.scripts:
            attrs, text = self.scripts[-1]
            self.scripts[-1] = (attrs, text + data)

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_script = None


def elements(html: str) -> Elements:
    parser = Elements()
    parser.feed(html)
    parser.close()
    return parser


class _Inner(HTMLParser):
    """Source offsets of the inner HTML of the first element whose class list
    holds ``wanted``."""

    def __init__(self, text: str, wanted: str):
        super().__init__(convert_charrefs=False)
        self.text = text
        self.wanted = wanted
        self.lines = [0]
        for line in text.splitlines(keepends=True):
            self.lines.append(self.lines[-1] + len(line))
        self.depth = 0
        self.start = self.end = None

    def _offset(self):
        line, col = self.getpos()
        return self.lines[line - 1] + col

    def handle_starttag(self, tag, attrs):
        if self.end is not None or tag in VOID:
            return
        if self.start is None:
            classes = (dict(attrs).get("class") or "").split()
            if self.wanted in classes:
                self.start = self._offset() + len(self.get_starttag_text())
                self.depth = 1
        else:
            self.depth += 1

    def handle_endtag(self, tag):
        if self.start is None or self.end is not None or tag in VOID:
            return
        self.depth -= 1
        if self.depth == 0:
            self.end = self._offset()


def inner_html(html: str, css_class: str) -> str | None:
    parser = _Inner(html, css_class)
    parser.feed(html)
    parser.close()
    if parser.start is None or parser.end is None:
        return None
    return html[parser.start:parser.end]
