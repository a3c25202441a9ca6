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

Workbooks are written with XlsxWriter (a writer only, about 4× faster than
openpyxl, which the tests use to read them back); :func:`xlsx_bytes` can
still keep the file in a cache file keyed on the data, the stamp and this
module's code.
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

# Characters XML 1.0 (and so XLSX) cannot carry.
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
    h.update(version("xlsxwriter").encode())
    h.update(repr((stamp, [(s.name, list(s.header), s.max_width, [tuple(r) for r in s.rows])
                           for s in sheets])).encode("utf-8"))
    return h.hexdigest()


def _build(sheets: Sequence[Sheet], stamp: datetime.datetime) -> bytes:
    import xlsxwriter

    buffer = io.BytesIO()
    workbook = xlsxwriter.Workbook(buffer, {
        "in_memory": True,
        # Text stays text: no formula, number or link made of a string.
        "strings_to_formulas": False, "strings_to_numbers": False, "strings_to_urls": False,
    })
    workbook.set_properties({"created": stamp, "author": "", "comments": ""})
    heading = workbook.add_format({"bold": True, "valign": "top", "text_wrap": True})
    formats = {"date": workbook.add_format({"num_format": DATE_FORMAT}),
               "quoted": workbook.add_format({"quote_prefix": True})}
    for sheet in sheets:
        worksheet = workbook.add_worksheet(_BAD_SHEET_CHARS.sub("-", sheet.name)[:31])
        widths = [_width(h) for h in sheet.header]
        for c, text in enumerate(sheet.header):
            worksheet.write_string(0, c, _ILLEGAL_XML.sub("", str(text)), heading)
        for r, row in enumerate(sheet.rows, start=1):
            for c, value in enumerate(row):
                if value is None or value == "":
                    continue
                _write(worksheet, r, c, value, formats)
                if c < len(widths):
                    widths[c] = max(widths[c], _width(value))
        for c, w in enumerate(widths):
            worksheet.set_column(c, c, min(max(w + 2, 8), sheet.max_width))
        worksheet.freeze_panes(1, 0)
        if sheet.header:
            worksheet.autofilter(0, 0, max(len(sheet.rows), 1), len(sheet.header) - 1)
    workbook.close()
    return _fixed_zip_times(buffer.getvalue(), stamp)


def _write(worksheet, row: int, column: int, value: Any, formats: dict) -> None:
    if isinstance(value, bool):
        value = "Có" if value else "Không"
    if isinstance(value, datetime.datetime):
        value = value.date()
    if isinstance(value, datetime.date):
        worksheet.write_datetime(row, column, datetime.datetime.combine(value, datetime.time()),
                                 formats["date"])
    elif isinstance(value, (int, float)):
        worksheet.write_number(row, column, value)
    else:
        text = _ILLEGAL_XML.sub("", str(value))
        worksheet.write_string(row, column, text,
                               formats["quoted"] if is_formula_like(text) else None)


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
                # the writer stamps "modified" with the time of saving.
                body = _MODIFIED.sub(
                    rb"\g<1>" + stamp.strftime("%Y-%m-%dT%H:%M:%SZ").encode() + rb"\g<2>", body)
            dst.writestr(fixed, body)
    return out.getvalue()
