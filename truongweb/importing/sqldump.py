"""Rows of a MySQL/MariaDB dump (mysqldump, phpMyAdmin, hosting panels), read
without a database server.

Only ``CREATE TABLE`` (for column names) and ``INSERT``/``REPLACE`` statements
are read; everything else is skipped. String literals follow MySQL's rules:
``\\0 \\' \\" \\b \\n \\r \\t \\Z \\\\``, ``\\%``/``\\_`` kept with their backslash,
any other ``\\x`` is ``x``, ``''`` inside quotes is one quote; ``0x…`` and
``X'…'`` hex literals and ``_binary``/``_utf8mb4`` introducers give bytes or text.
The scanner is one linear pass (no backtracking regex over values), so a
hostile dump costs time proportional to its size, which is bounded.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

MAX_DUMP_BYTES = 1024 * 1024 * 1024  # a school's 10-year dump is ~100 MB


class DumpError(ValueError):
    """The dump cannot be read; str() is the Vietnamese message."""


@dataclass
class Table:
    name: str
    columns: list[str] = field(default_factory=list)
    rows: list[dict] = field(default_factory=list)


_ESCAPES = {"0": "\0", "'": "'", '"': '"', "b": "\b", "n": "\n", "r": "\r", "t": "\t",
            "Z": "\x1a", "\\": "\\", "%": "\\%", "_": "\\_"}
_WORD_RE = re.compile(r"[A-Za-z_][A-Za-z0-9_$]*")
_NUMBER_RE = re.compile(r"[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?")
_HEX_RE = re.compile(r"0x([0-9A-Fa-f]*)")
_IDENT_RE = re.compile(r"`((?:[^`]|``)+)`|([A-Za-z0-9_$]+)")
_COLUMN_DEF_RE = re.compile(r"\s*`((?:[^`]|``)+)`\s")


class _Scanner:
    def __init__(self, text: str, where: str):
        self.text = text
        self.pos = 0
        self.where = where

    def line(self, pos=None) -> int:
        return self.text.count("\n", 0, self.pos if pos is None else pos) + 1

    def fail(self, what: str):
        raise DumpError(f"{self.where}, dòng {self.line()}: {what}")

    def comma_list(self, read_item) -> list:
        """What ``read_item`` reads, comma-separated, up to the ``)`` closing a
        list whose ``(`` was just read: column names or one row's values."""
        items = []
        self.skip_space()
        if not self.text.startswith(")", self.pos):
            while True:
                items.append(read_item())
                self.skip_space()
                if self.text.startswith(",", self.pos):
                    self.pos += 1
                    continue
                break
        self.expect(")")
        return items

    def skip_space(self):
        text, n = self.text, len(self.text)
        while self.pos < n:
            c = text[self.pos]
            if c in " \t\r\n":
                self.pos += 1
            elif text.startswith("--", self.pos) and (self.pos + 2 >= n or text[self.pos + 2] in " \t\r\n"):
                end = text.find("\n", self.pos)
                self.pos = n if end < 0 else end + 1
            elif c == "#":
                end = text.find("\n", self.pos)
                self.pos = n if end < 0 else end + 1
            elif text.startswith("/*", self.pos):
                end = text.find("*/", self.pos + 2)
                if end < 0:
                    self.fail("chú thích /* không được đóng")
                # /*!40101 SET ... */ is a statement for MySQL; not data, so skipped.
                self.pos = end + 2
            else:
                return

    def string(self, quote: str) -> str:
        text, n = self.text, len(self.text)
        start = self.pos
        self.pos += 1
        parts = []
        chunk = self.pos
        while True:
            # find the next quote or backslash
            q = text.find(quote, self.pos)
            b = text.find("\\", self.pos, q if q >= 0 else n)
            if q < 0:
                self.pos = start
                self.fail("chuỗi không được đóng (thiếu dấu nháy)")
            if b >= 0:
                parts.append(text[chunk:b])
                if b + 1 >= n:
                    self.pos = start
                    self.fail("chuỗi không được đóng (thiếu dấu nháy)")
                c = text[b + 1]
                parts.append(_ESCAPES.get(c, c))
                self.pos = chunk = b + 2
                continue
            if q + 1 < n and text[q + 1] == quote:  # '' is one quote
                parts.append(text[chunk:q + 1])
                self.pos = chunk = q + 2
                continue
            parts.append(text[chunk:q])
            self.pos = q + 1
            return "".join(parts)

    def value(self):
        self.skip_space()
        text = self.text
        if self.pos >= len(text):
            self.fail("câu lệnh INSERT bị cắt ngang")
        c = text[self.pos]
        if c in "'\"":
            return self.string(c)
        m = _HEX_RE.match(text, self.pos)
        if m:
            self.pos = m.end()
            return _hex(m.group(1), self)
        if c in "xX" and text.startswith("'", self.pos + 1):
            self.pos += 1
            return _hex(self.string("'"), self)
        if c in "bB" and text.startswith("'", self.pos + 1):
            self.pos += 1
            return int(self.string("'") or "0", 2)
        m = _NUMBER_RE.match(text, self.pos)
        if m:
            self.pos = m.end()
            s = m.group(0)
            return float(s) if any(ch in s for ch in ".eE") else int(s)
        m = _WORD_RE.match(text, self.pos)
        if m:
            word = m.group(0)
            self.pos = m.end()
            upper = word.upper()
            if upper == "NULL":
                return None
            if upper in ("TRUE", "FALSE"):
                return int(upper == "TRUE")
            if word.startswith("_"):  # charset introducer: _binary '...', _utf8mb4 '...'
                value = self.value()
                return value.encode("utf-8", "surrogateescape") if upper == "_BINARY" and isinstance(value, str) else value
            self.fail(f"giá trị không đọc được: {word[:40]}")
        self.fail(f"giá trị không đọc được: {text[self.pos:self.pos + 40]!r}")

    def expect(self, char: str):
        self.skip_space()
        if not self.text.startswith(char, self.pos):
            self.fail(f'thiếu "{char}" (gặp {self.text[self.pos:self.pos + 30]!r})')
        self.pos += len(char)

    def ident(self) -> str:
        self.skip_space()
        m = _IDENT_RE.match(self.text, self.pos)
        if not m:
            self.fail("thiếu tên bảng hoặc cột")
        self.pos = m.end()
        name = m.group(1).replace("``", "`") if m.group(1) is not None else m.group(2)
        # `db`.`table`: keep the table name
        if self.text.startswith(".", self.pos):
            self.pos += 1
            return self.ident()
        return name

    def skip_statement(self):
        """Move past the next ';' that is outside quotes and comments."""
        text, n = self.text, len(self.text)
        while self.pos < n:
            c = text[self.pos]
            if c in "'\"`":
                if c == "`":
                    end = text.find("`", self.pos + 1)
                    self.pos = n if end < 0 else end + 1
                else:
                    self.string(c)
            elif c == ";":
                self.pos += 1
                return
            elif c in "-#/":
                before = self.pos
                self.skip_space()
                if self.pos == before:
                    self.pos += 1
            else:
                self.pos += 1


def _column_names(body: str) -> list[str]:
    """Column names of a CREATE TABLE body: top-level parts that start with a
    name (not KEY, PRIMARY KEY, CONSTRAINT ...)."""
    start = body.find("(")
    parts, depth, quote, current = [], 0, "", []
    for c in body[start + 1:]:
        if quote:
            if c == quote:
                quote = ""
        elif c in "'\"`":
            quote = c
        elif c == "(":
            depth += 1
        elif c == ")":
            if depth == 0:
                break
            depth -= 1
        elif c == "," and depth == 0:
            parts.append("".join(current))
            current = []
            continue
        current.append(c)
    parts.append("".join(current))
    names = []
    for part in parts:
        m = _COLUMN_DEF_RE.match(part)
        if m:
            names.append(m.group(1).replace("``", "`"))
        else:
            word = part.split()
            if word and word[0].upper() not in _NOT_COLUMNS and re.fullmatch(r"\w+", word[0]):
                names.append(word[0])
    return names


_NOT_COLUMNS = {"KEY", "PRIMARY", "UNIQUE", "INDEX", "CONSTRAINT", "FOREIGN", "FULLTEXT", "SPATIAL", "CHECK"}


def _hex(digits: str, scanner: _Scanner) -> bytes:
    try:
        return bytes.fromhex(digits if len(digits) % 2 == 0 else "0" + digits)
    except ValueError:
        scanner.fail("giá trị thập lục phân không hợp lệ")


_STATEMENT_RE = re.compile(r"(INSERT|REPLACE)(?:\s+(?:LOW_PRIORITY|DELAYED|HIGH_PRIORITY|IGNORE))*"
                           r"\s+(?:INTO\s+)?|CREATE\s+TABLE\s+(?:IF\s+NOT\s+EXISTS\s+)?", re.I | re.A)


def read_dump(text: str, where: str, wanted=None) -> dict[str, Table]:
    """Every table of ``text`` with its rows (dicts by column name). With
    ``wanted`` (a predicate on table names) other tables' rows are skipped."""
    if len(text) > MAX_DUMP_BYTES:
        raise DumpError(f"{where}: tệp quá lớn (hơn {MAX_DUMP_BYTES // 2**20} MB).")
    s = _Scanner(text, where)
    tables: dict[str, Table] = {}
    while True:
        s.skip_space()
        if s.pos >= len(text):
            return tables
        m = _STATEMENT_RE.match(text, s.pos)
        if not m:
            s.skip_statement()
            continue
        s.pos = m.end()
        if m.group(1) is None:  # CREATE TABLE
            name = s.ident()
            end_head = s.pos
            s.skip_statement()
            body = text[end_head:s.pos]
            columns = _column_names(body)
            tables[name] = Table(name, columns)
            continue
        name = s.ident()
        table = tables.setdefault(name, Table(name))
        s.skip_space()
        columns = table.columns
        if text.startswith("(", s.pos):
            s.pos += 1
            columns = s.comma_list(s.ident)
            if not table.columns:
                table.columns = columns
        s.skip_space()
        if not re.match(r"VALUES?\b", text[s.pos:s.pos + 7], re.I):
            s.skip_statement()  # INSERT ... SELECT / SET: no literal rows
            continue
        s.pos += 6 if text[s.pos:s.pos + 6].upper() == "VALUES" else 5
        keep = wanted is None or wanted(name)
        while True:
            s.expect("(")
            start_line_pos = s.pos
            values = s.comma_list(s.value)
            if keep:
                if not columns:
                    s.fail(f"bảng {name}: không biết tên cột (thiếu CREATE TABLE)")
                if len(values) != len(columns):
                    raise DumpError(f"{where}, dòng {s.line(start_line_pos)}: bảng {name} có "
                                    f"{len(columns)} cột nhưng dòng dữ liệu có {len(values)} giá trị")
                table.rows.append(dict(zip(columns, values)))
            s.skip_space()
            if text.startswith(",", s.pos):
                s.pos += 1
                continue
            s.skip_statement()  # ';' or ON DUPLICATE KEY UPDATE ...;
            break
