"""The one list of front matter keys of articles and pages, and their checks.

Pure, no Pelican import. The front matter reader (YAML and Pelican's
``Key: value`` headers alike) checks every file against :data:`FIELDS`; the
web editor offers the keys marked ``editor`` in this order; the developer
guide documents them. A key that is not here is an error with a "did you
mean" hint, so a typo, a Hugo habit (``draft: true``) or a key that would
move the page (``url:``, ``save_as:``) never passes silently.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from truongweb.plugins.vietnamese.messages import did_you_mean

from .vocabulary import STATUSES

MAX_FILE_BYTES = 2 * 1024 * 1024  # the longest demo article is 6 kB
MAX_LIST_ITEMS = 50  # tags, topics, authors: each tag is a page of its own
MAX_TEXT_CHARS = 5_000
# Offsets of Asia/Ho_Chi_Minh changed six times before 1976 (local mean time
# +07:06:30 before 1906, +08:00 in 1959-1975); a news article older than
# 1980 is a typing mistake, and refusing it keeps every shown offset +07:00.
MIN_YEAR, MAX_YEAR = 1980, 2100
# Free notes for people and tools (an importer's old id): kept, not used.
NOTE_PREFIX = "x_"


@dataclass(frozen=True)
class Field:
    name: str
    kind: str  # text | list | author | datetime | date | status | int
    articles: bool = True
    pages: bool = True
    editor: bool = False  # written by the web editor's article form
    doc: str = ""  # one line for the developer guide's key table


FIELDS: tuple[Field, ...] = (
    # The web editor's article form, in the order it writes them.
    Field("title", "text", editor=True, doc="Plain text; the slug is made from it."),
    Field("date", "datetime", editor=True, doc="Publication time, read in TIMEZONE; "
          "a future one is scheduled."),
    Field("category", "text", pages=False, editor=True, doc="One of CATEGORIES."),
    Field("topics", "list", editor=True, doc="Plan topic codes (list or comma string)."),
    Field("unit", "text", editor=True, doc="A unit code of some plan."),
    Field("channel", "text", editor=True, doc="Where it was published (channels below); "
          "default website."),
    Field("link", "text", editor=True, doc="The original's https:// address; required "
          "when channel is not website."),
    Field("image", "text", editor=True, doc="Featured picture, relative to content/."),
    Field("image_alt", "text", editor=True, doc="Required when image is set."),
    Field("summary", "text", editor=True, doc="One or two sentences for lists and feeds."),
    Field("author", "author", editor=True, doc="One name."),
    Field("tags", "list", pages=False, editor=True, doc="Each tag is a page of its own."),
    Field("source", "text", pages=False, editor=True, doc="Name of the original when "
          "reposted."),
    Field("source_date", "date", pages=False, editor=True, doc="Date of the original."),
    Field("status", "status", editor=True, doc="Statuses below; default published."),
    Field("modified", "datetime", editor=True, doc="Last important change."),
    # Written by hand.
    Field("slug", "text", doc="Last part of the address instead of the title's."),
    Field("authors", "list", doc="Several names."),
    Field("order", "int", articles=False, doc="Position of a page in menus."),
)
BY_NAME = {field.name: field for field in FIELDS}

# Keys that Pelican or other generators honour but this site must not take
# from content, with what to write instead.
_INSTEAD = {
    "draft": "để bài là bản nháp, viết status: draft (và bỏ dòng draft)",
    "url": "địa chỉ được tạo tự động (chuyên mục, ngày, tiêu đề); muốn đổi phần cuối "
           "địa chỉ thì dùng khóa slug",
    "save_as": "địa chỉ được tạo tự động (chuyên mục, ngày, tiêu đề); muốn đổi phần cuối "
               "địa chỉ thì dùng khóa slug",
    "template": "mọi bài dùng giao diện chung của trang web",
    "lang": "trang web chỉ có tiếng Việt",
    "translation": "trang web chỉ có tiếng Việt",
}
for _key in ("lang_url", "lang_save_as", "override_url", "override_save_as", "permalink",
             "aliases"):
    _INSTEAD[_key] = _INSTEAD["url"]
_INSTEAD["published"] = _INSTEAD["publishdate"] = "ngày đăng viết ở khóa date"
_INSTEAD["hidden"] = "để ẩn bài, viết status: hidden"


class FrontMatterError(ValueError):
    """A content file's header is wrong; str() is the Vietnamese message."""


def keys_for(kind: str) -> tuple[str, ...]:
    """The keys allowed in an ``"article"`` or a ``"page"``."""
    return tuple(f.name for f in FIELDS if (f.articles if kind == "article" else f.pages))


def editor_keys() -> tuple[str, ...]:
    return tuple(f.name for f in FIELDS if f.editor)


def _what(kind: str) -> str:
    return "bài viết" if kind == "article" else "trang"


def _scalar(value) -> bool:
    return isinstance(value, (str, int, float, bool, dt.date))


def check_key(name: str, value, kind: str, where: str) -> Field | None:
    """The field of ``name``, None for a free note; raises for any other key."""
    allowed = keys_for(kind)
    if name in allowed:
        return BY_NAME[name]
    prefix = f'{where}: khóa "{name}"'
    if name.startswith(NOTE_PREFIX) and len(name) > len(NOTE_PREFIX):
        if not _scalar(value):
            raise FrontMatterError(
                f"{prefix}: khóa ghi chú (bắt đầu bằng {NOTE_PREFIX}) chỉ nhận một giá trị "
                "đơn (chữ, số hoặc ngày), không nhận danh sách hay bảng khóa."
            )
        return None
    if name in _INSTEAD:
        raise FrontMatterError(f"{prefix} không được dùng: {_INSTEAD[name]}.")
    if name in BY_NAME:  # an article-only key in a page, or the reverse
        raise FrontMatterError(f"{prefix} không dùng cho {_what(kind)}.")
    raise FrontMatterError(
        f"{prefix} không có trong danh sách khóa của {_what(kind)} (có thể viết sai)."
        f"{did_you_mean(name, allowed)} Các khóa hợp lệ: {', '.join(allowed)}. "
        f"Ghi chú riêng thì đặt tên bắt đầu bằng {NOTE_PREFIX}, ví dụ {NOTE_PREFIX}ghi_chu."
    )


# ---------------------------------------------------------------------------
# Dates

_DATE_RE = re.compile(
    r"^(?P<year>\d{4})-(?P<month>\d{1,2})-(?P<day>\d{1,2})"
    r"(?:(?:[Tt]|\s+)(?P<hour>\d{1,2}):(?P<minute>\d{2})(?::(?P<second>\d{2})(?:\.\d+)?)?"
    r"\s*(?P<zone>[Zz]|[+-]\d{2}(?::?\d{2})?)?)?$"
)
_EXAMPLES = "viết ví dụ 2026-09-05 07:30 (giờ Việt Nam) hoặc 2026-09-05T07:30:00+07:00"


def parse_date(value, key: str, where: str, timezone="Asia/Ho_Chi_Minh",
               with_time: bool = True):
    """A datetime in the site's time zone (``with_time``) or a date.

    Offsets (``Z``, ``-05:00``) are converted to the site's zone, so the
    article's address and archive month are those of the Vietnamese day."""
    zone = ZoneInfo(timezone) if isinstance(timezone, str) else timezone
    prefix = f'{where}: khóa "{key}": ngày "{value}"'
    if isinstance(value, dt.datetime):
        parts = value
    elif isinstance(value, dt.date):
        parts = dt.datetime(value.year, value.month, value.day)
    else:
        match = _DATE_RE.match(str(value).strip())
        if not match:
            raise FrontMatterError(f"{prefix} không đúng dạng; {_EXAMPLES}.")
        year, month, day = (int(match[k]) for k in ("year", "month", "day"))
        if not MIN_YEAR <= year <= MAX_YEAR:
            raise FrontMatterError(
                f"{prefix}: năm {year} nằm ngoài khoảng {MIN_YEAR}–{MAX_YEAR}; "
                "kiểm tra lại năm đăng bài."
            )
        if not 1 <= month <= 12:
            raise FrontMatterError(f"{prefix}: tháng {month} không có (tháng từ 1 đến 12).")
        last = (dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)).day
        if not 1 <= day <= last:
            raise FrontMatterError(
                f"{prefix}: ngày {day} không có trong tháng {month}/{year} "
                f"(tháng này có {last} ngày)."
            )
        hour, minute, second = (int(match[k] or 0) for k in ("hour", "minute", "second"))
        if hour > 23 or minute > 59 or second > 59:
            raise FrontMatterError(
                f"{prefix}: giờ {hour:02d}:{minute:02d} không có (giờ từ 00:00 đến 23:59)."
            )
        tzinfo = None
        if match["zone"]:
            text = match["zone"].upper()
            if text == "Z":
                tzinfo = dt.timezone.utc
            else:
                sign = -1 if text[0] == "-" else 1
                digits = text[1:].replace(":", "")
                hours, minutes = int(digits[:2]), int(digits[2:] or 0)
                if hours > 14 or minutes > 59:
                    raise FrontMatterError(f"{prefix}: múi giờ {match['zone']} không có; {_EXAMPLES}.")
                tzinfo = dt.timezone(sign * dt.timedelta(hours=hours, minutes=minutes))
        parts = dt.datetime(year, month, day, hour, minute, second, tzinfo=tzinfo)
    if not MIN_YEAR <= parts.year <= MAX_YEAR:
        raise FrontMatterError(
            f"{prefix}: năm {parts.year} nằm ngoài khoảng {MIN_YEAR}–{MAX_YEAR}; "
            "kiểm tra lại năm đăng bài."
        )
    if not with_time:
        return parts.date()
    if parts.tzinfo is None:
        return parts.replace(tzinfo=zone)
    return parts.astimezone(zone)


# ---------------------------------------------------------------------------
# Values


def _check_text(value, prefix: str) -> None:
    if not _scalar(value):
        raise FrontMatterError(f"{prefix} phải là một giá trị chữ, không phải danh sách hay bảng khóa.")
    if len(str(value)) > MAX_TEXT_CHARS:
        raise FrontMatterError(f"{prefix} quá dài (tối đa {MAX_TEXT_CHARS} ký tự).")


def _check_list(value, prefix: str) -> None:
    items = [v for v in re.split(r"\s*,\s*", value) if v] if isinstance(value, str) else value
    if not isinstance(items, list):
        if not _scalar(items):
            raise FrontMatterError(f"{prefix} phải là danh sách, ví dụ [liên đội, đại hội].")
        items = [items]
    if len(items) > MAX_LIST_ITEMS:
        raise FrontMatterError(
            f"{prefix} có {len(items)} mục; tối đa {MAX_LIST_ITEMS}. Mỗi từ khóa là một "
            "trang riêng: chỉ giữ vài từ khóa chính của bài."
        )
    for item in items:
        if item is not None:
            _check_text(item, f"{prefix}: mục \"{item}\"" if _scalar(item) else prefix)


def check_value(field: Field, value, where: str, timezone="Asia/Ho_Chi_Minh"):
    """``value`` as the build uses it (dates parsed); raises for a wrong one."""
    prefix = f'{where}: khóa "{field.name}"'
    if value is None:
        return None
    if field.kind == "datetime":
        return parse_date(_one(value, prefix), field.name, where, timezone)
    if field.kind == "date":
        return parse_date(_one(value, prefix), field.name, where, timezone, with_time=False)
    if field.kind in ("list", "author"):
        if field.kind == "author" and not isinstance(value, list):
            _check_text(value, prefix)
        else:
            _check_list(value, prefix)
        return value
    if field.kind == "status":
        text = str(_one(value, prefix)).strip()
        if text not in STATUSES:
            raise FrontMatterError(
                f'{prefix}: giá trị "{text}" không hợp lệ; dùng '
                f'{", ".join(STATUSES[:-1])} hoặc {STATUSES[-1]}.'
            )
        return value
    if field.kind == "int":
        one = _one(value, prefix)
        if isinstance(one, bool) or not re.fullmatch(r"\s*-?\d+\s*", str(one)):
            raise FrontMatterError(f'{prefix}: "{one}" phải là một số nguyên, ví dụ 3.')
        return value
    _check_text(_one(value, prefix), prefix)
    return value


def _one(value, prefix: str):
    if isinstance(value, list):
        if len(value) != 1:
            raise FrontMatterError(f"{prefix} chỉ nhận một giá trị, không nhận danh sách.")
        return value[0]
    if isinstance(value, dict):
        raise FrontMatterError(f"{prefix} chỉ nhận một giá trị, không nhận bảng khóa.")
    return value


def check_metadata(meta: dict, kind: str, where: str, timezone="Asia/Ho_Chi_Minh") -> dict:
    """Check a whole header (keys lower-cased as Pelican does); return the
    parsed dates (``date``, ``modified``, ``source_date``) that are present."""
    parsed = {}
    for raw_name, value in meta.items():
        name = str(raw_name).strip().lower()
        field = check_key(name, value, kind, where)
        if field is None:
            continue
        result = check_value(field, value, where, timezone)
        if field.kind in ("datetime", "date") and result is not None:
            parsed[name] = result
    return parsed


def check_file_size(size: int, where: str) -> None:
    if size > MAX_FILE_BYTES:
        raise FrontMatterError(
            f"{where}: tệp quá lớn ({size / 1024 / 1024:.1f} MB; tối đa "
            f"{MAX_FILE_BYTES // 1024 // 1024} MB). Một bài viết chỉ gồm chữ; ảnh và tài "
            "liệu để thành tệp riêng trong content/images và liên kết tới."
        )


def decode_utf8(data: bytes, where: str) -> str:
    """The text of a content file, or a message saying how to re-save it."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        utf16 = data[:2] in (b"\xff\xfe", b"\xfe\xff")
        kind = "UTF-16" if utf16 else "một bảng mã cũ như Windows-1258, TCVN3 hoặc VNI"
        raise FrontMatterError(
            f"{where} (dòng {line}): tệp không phải văn bản UTF-8 (có vẻ được lưu bằng {kind}). "
            "Hãy mở tệp và lưu lại với bảng mã UTF-8: trong Notepad chọn «Tệp → Lưu thành…», "
            "ở ô «Mã hóa» chọn «UTF-8» rồi bấm «Lưu»; trong Word chọn «Văn bản thuần» "
            "rồi «Unicode (UTF-8)». Chữ gõ bằng bảng mã TCVN3/VNI cần chuyển sang Unicode "
            "trước (ví dụ bằng chức năng chuyển mã của Unikey)."
        ) from None
