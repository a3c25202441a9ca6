"""Spreadsheet files the site publishes (CSV and XLSX), safe to open in Excel
or LibreOffice.

A library for the plugins that write tables for people to open in a
spreadsheet (``plan_evidence``: ``evidence.csv``, ``evidence.xlsx``); it
registers no signal and imports no Pelican.

Titles and authors come from content that anyone with the editor can write,
so a cell starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return
would run as a formula in the reader's spreadsheet (CSV or formula injection).
Such text cells get a leading apostrophe in CSV (OWASP's CSV injection
guidance; Excel and LibreOffice show the rest as text). In XLSX every string
is written as a string cell, never a formula, with Excel's "quote prefix"
style so that editing the cell does not turn it into one either.

openpyxl (pure Python here: no lxml) takes some 17 µs a cell, about a second
for a plan of a few thousand articles, so :func:`xlsx_bytes` can keep the
file in a cache file keyed on the data, the stamp and this module's code.
"""

from __future__ import annotations

import csv
import datetime
import hashlib
import io
import re
import zipfile
from pathlib import Path
from dataclasses import dataclass, field
from typing import Any, Iterable, Sequence

__all__ = ["FORMULA_TRIGGERS", "CsvReadError", "Sheet", "csv_text", "excel_csv_rows", "is_formula_like", "neutralise",
           "xlsx_bytes"]

# OWASP's list, plus line feed and NUL (OWASP ASVS 1.2.10 names NUL; a
# leading line feed is read like a carriage return by some importers).
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r", "\n", "\0")

# Characters XML 1.0 (and so XLSX) cannot carry; openpyxl refuses them.
_ILLEGAL_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def is_formula_like(text: str) -> bool:
    return text.startswith(FORMULA_TRIGGERS)


def neutralise(value: Any) -> Any:
    """A CSV cell value: text a spreadsheet would read as a formula gets a
    leading apostrophe; anything else (numbers, dates, None) is unchanged."""
    if isinstance(value, str) and is_formula_like(value):
        return "'" + value
    return value


def csv_text(header: Sequence[str], rows: Iterable[Sequence[Any]], bom: bool = True) -> str:
    """CSV text (CRLF line ends), every text cell neutralised; with ``bom``
    it starts with a UTF-8 byte order mark (write it with ``encoding='utf-8'``
    and ``newline=''``) so that Excel reads Vietnamese correctly."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow([neutralise(h) for h in header])
    for row in rows:
        w.writerow(["" if v is None else neutralise(v) for v in row])
    return ("\ufeff" if bom else "") + buf.getvalue()


class CsvReadError(ValueError):
    """A CSV file that cannot be read; ``line`` is its line number."""

    def __init__(self, line: int, detail: str):
        super().__init__(detail)
        self.line = line


def excel_csv_rows(text: str) -> list[list[str]]:
    """The rows of a CSV file people saved from Excel (decoded text, BOM
    removed). Excel in a Vietnamese locale may save with ";" as separator:
    the header line decides."""
    first = text.split("\n", 1)[0]
    delimiter = ";" if first.count(";") > first.count(",") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        return list(reader)
    except csv.Error as exc:
        raise CsvReadError(reader.line_num, str(exc)) from None


@dataclass
class Sheet:
    """One worksheet: ``name`` (at most 31 characters, none of ``[]:*?/\\``),
    a header row and rows of str, int, float, datetime.date or None."""

    name: str
    header: Sequence[str]
    rows: list[Sequence[Any]] = field(default_factory=list)
    max_width: int = 60


_BAD_SHEET_CHARS = re.compile(r"[\[\]:*?/\\]")
DATE_FORMAT = "DD/MM/YYYY"


def _width(value: Any) -> int:
    if isinstance(value, datetime.date):
        return 10
    return max((len(line) for line in str(value).splitlines()), default=0)


def xlsx_bytes(sheets: Sequence[Sheet], stamp: datetime.datetime | None = None,
               cache: Path | None = None) -> bytes:
    """An XLSX workbook: bold, frozen header row with a filter, dates as real
    dates (shown ``DD/MM/YYYY``), numbers as numbers, text always as text.
    ``stamp`` (default 2000-01-01) is written as the creation time and as
    every zip entry's time, so the same data gives the same bytes.
    ``cache``: a file path (``….xlsx``; a ``….key`` file goes beside it)
    holding the last workbook made there, reused while the key matches."""
    stamp = stamp or datetime.datetime(2000, 1, 1)
    if cache is None:
        return _build(sheets, stamp)
    key = _key(sheets, stamp)
    key_file = cache.with_suffix(".key")
    try:
        if key_file.read_text(encoding="ascii") == key:
            return cache.read_bytes()
    except OSError:
        pass
    data = _build(sheets, stamp)
    cache.parent.mkdir(parents=True, exist_ok=True)
    cache.write_bytes(data)
    key_file.write_text(key, encoding="ascii")
    return data


def _key(sheets: Sequence[Sheet], stamp: datetime.datetime) -> str:
    from importlib.metadata import version

    h = hashlib.sha256(Path(__file__).read_bytes())
    h.update(version("openpyxl").encode())
    h.update(repr((stamp, [(s.name, list(s.header), s.max_width, [tuple(r) for r in s.rows])
                           for s in sheets])).encode("utf-8"))
    return h.hexdigest()


def _build(sheets: Sequence[Sheet], stamp: datetime.datetime) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    wb = Workbook()
    wb.remove(wb.active)
    bold = Font(bold=True)
    top = Alignment(vertical="top", wrap_text=True)
    for sheet in sheets:
        ws = wb.create_sheet(_BAD_SHEET_CHARS.sub("-", sheet.name)[:31])
        widths = [_width(h) for h in sheet.header]
        for c, text in enumerate(sheet.header, start=1):
            cell = ws.cell(row=1, column=c)
            _set(cell, text)
            cell.font = bold
            cell.alignment = top
        for r, row in enumerate(sheet.rows, start=2):
            for c, value in enumerate(row, start=1):
                if value is None or value == "":
                    continue
                cell = ws.cell(row=r, column=c)
                _set(cell, value)
                if c <= len(widths):
                    widths[c - 1] = max(widths[c - 1], _width(value))
        for c, w in enumerate(widths, start=1):
            ws.column_dimensions[get_column_letter(c)].width = min(max(w + 2, 8), sheet.max_width)
        ws.freeze_panes = "A2"
        if sheet.header:
            last = get_column_letter(len(sheet.header))
            ws.auto_filter.ref = f"A1:{last}{max(len(sheet.rows) + 1, 1)}"
    wb.properties.created = stamp
    wb.properties.modified = stamp
    wb.properties.creator = None
    buf = io.BytesIO()
    wb.save(buf)
    return _fixed_zip_times(buf.getvalue(), stamp)


def _set(cell, value: Any) -> None:
    if isinstance(value, bool):
        value = "Có" if value else "Không"
    if isinstance(value, datetime.datetime):
        value = value.date()
    if isinstance(value, datetime.date):
        cell.value = value
        cell.number_format = DATE_FORMAT
    elif isinstance(value, (int, float)):
        cell.value = value
    else:
        text = _ILLEGAL_XML.sub("", str(value))
        cell.value = text
        # openpyxl takes any text starting with "=" for a formula.
        cell.data_type = "s"
        if is_formula_like(text):
            cell.quotePrefix = True


_MODIFIED = re.compile(rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)")


def _fixed_zip_times(data: bytes, stamp: datetime.datetime) -> bytes:
    when = (max(stamp.year, 1980), stamp.month, stamp.day, stamp.hour, stamp.minute, stamp.second)
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=when)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = info.external_attr
            body = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                # openpyxl stamps "modified" with the time of saving.
                body = _MODIFIED.sub(
                    rb"\g<1>" + stamp.strftime("%Y-%m-%dT%H:%M:%SZ").encode() + rb"\g<2>", body)
            dst.writestr(fixed, body)
    return out.getvalue()
