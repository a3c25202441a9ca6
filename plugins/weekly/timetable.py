"""The tables of a timetable exported as HTML by timetable software, made
safe and accessible to show on the site. Pure: no Pelican import.

The export is a whole document from a program the site does not control
(styles, scripts, ``<font>``, ``bgcolor``). It goes through the site's body
allowlist (``sanitize_html.policy``) first; then each top-level table is
re-written with only table markup and text: ``class`` and ``id`` go (they
would hook the site's styles or clash with its anchors), a table without
header cells gets its first row as column headers and each row's first cell
as a row header (a timetable's days and periods), and a caption.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

from truongweb.plugins.sanitize_html.policy import sanitize

MAX_TABLES = 40
TABLE_TAGS = {"table", "caption", "thead", "tbody", "tfoot", "tr", "th", "td", "colgroup", "col"}
CELL_ATTRIBUTES = {"colspan", "rowspan"}
VOID = {"br", "col", "img", "hr", "wbr", "source"}
INLINE_KEPT = {"br", "b", "strong", "i", "em", "u", "sub", "sup", "small", "span"}


class TimetableError(ValueError):
    """The export cannot be read; ``str()`` is Vietnamese."""


def decode_export(data: bytes, source: str) -> str:
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return data.decode("utf-16")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise TimetableError(
            f"Tệp {source}: tệp HTML không phải UTF-8. Khi xuất từ phần mềm thời khóa biểu, "
            "chọn bảng mã Unicode (UTF-8); hoặc mở tệp bằng trình duyệt, lưu lại dạng UTF-8."
        ) from None


@dataclass
class _Cell:
    tag: str
    attrs: dict
    parts: list = field(default_factory=list)


class _Tables(HTMLParser):
    """Collects top-level tables as rows of cells (nested tables are flattened
    to their text)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tables: list[dict] = []
        self.depth = 0
        self.table = None
        self.row = None
        self.cell = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "table":
            self.depth += 1
            if self.depth == 1:
                self.table = {"caption": [], "rows": [], "in_caption": False}
            return
        if self.depth != 1:
            return
        if tag == "caption":
            self.table["in_caption"] = True
        elif tag == "tr":
            self.row = []
            self.table["rows"].append(self.row)
        elif tag in ("td", "th"):
            if self.row is None:
                self.row = []
                self.table["rows"].append(self.row)
            self.cell = _Cell(tag, {k: v for k, v in attrs.items()
                                    if k in CELL_ATTRIBUTES and (v or "").isdigit()})
            self.row.append(self.cell)
        elif tag == "br" and self.cell is not None:
            self.cell.parts.append(("br",))

    def handle_endtag(self, tag):
        if tag == "table":
            if self.depth == 1 and self.table is not None:
                self.tables.append(self.table)
                self.table = self.row = self.cell = None
            self.depth = max(0, self.depth - 1)
        elif self.depth == 1:
            if tag == "caption":
                self.table["in_caption"] = False
            elif tag in ("td", "th"):
                self.cell = None
            elif tag == "tr":
                self.row = None

    def handle_data(self, data):
        if self.table is None:
            return
        if self.table["in_caption"]:
            self.table["caption"].append(data)
        elif self.cell is not None:
            self.cell.parts.append(("text", data))


def _cell_html(cell: _Cell, tag: str, scope: str | None) -> str:
    inner = "".join("<br>" if part[0] == "br" else html.escape(part[1], quote=False)
                    for part in cell.parts).strip()
    attrs = "".join(f' {k}="{v}"' for k, v in sorted(cell.attrs.items()))
    if scope:
        attrs += f' scope="{scope}"'
    return f"<{tag}{attrs}>{inner}</{tag}>"


def _text(cell: _Cell) -> str:
    return "".join(p[1] for p in cell.parts if p[0] == "text").strip()


_HEAD_RE = re.compile(r"<head\b.*?</head\s*>", re.IGNORECASE | re.DOTALL)
_FRAME_RE = re.compile(r"</?(?:html|body)\b[^>]*>|<!doctype[^>]*>", re.IGNORECASE)


def export_tables(document: str, title: str) -> tuple[list[str], list[str]]:
    """(tables as HTML, what the allowlist removed from the body) of an
    exported document. The head (title, styles, the program's scripts) is
    never shown, so it is dropped before the allowlist, unreported."""
    cleaned = sanitize(_FRAME_RE.sub("", _HEAD_RE.sub("", document)))
    parser = _Tables()
    parser.feed(cleaned.html)
    parser.close()
    tables = [t for t in parser.tables if any(any(_text(c) for c in row) for row in t["rows"])]
    out = []
    for number, table in enumerate(tables[:MAX_TABLES], 1):
        rows = [row for row in table["rows"] if row]
        has_headers = any(cell.tag == "th" for row in rows for cell in row)
        caption = " ".join("".join(table["caption"]).split())
        if not caption:
            caption = title if len(tables) == 1 else f"{title} – bảng {number}"
        lines = [f"<table class=\"data timetable\"><caption>{html.escape(caption)}</caption>"]
        for index, row in enumerate(rows):
            cells = []
            for position, cell in enumerate(row):
                if has_headers:
                    tag = cell.tag
                    scope = None
                elif index == 0:
                    tag, scope = "th", "col"
                elif position == 0:
                    tag, scope = "th", "row"
                else:
                    tag, scope = "td", None
                cells.append(_cell_html(cell, tag, scope))
            section = "thead" if index == 0 and not has_headers else None
            row_html = f"<tr>{''.join(cells)}</tr>"
            if section:
                row_html = f"<thead>{row_html}</thead><tbody>"
            lines.append(row_html)
        if not has_headers:
            lines.append("</tbody>")
        lines.append("</table>")
        out.append("".join(lines))
    return out, cleaned.removed
