"""Vietnamese date formatting by the project's own code (pure, no Pelican import).

Never through a system locale: CI machines have no ``vi_VN`` locale, and
``strftime("%A")`` would silently print English there.
"""

from datetime import date, datetime, tzinfo
from zoneinfo import ZoneInfo

WEEKDAYS = ("Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ Nhật")
DEFAULT_TIMEZONE = "Asia/Ho_Chi_Minh"


def _local(value: datetime, timezone: str | tzinfo = DEFAULT_TIMEZONE) -> datetime:
    zone = ZoneInfo(timezone) if isinstance(timezone, str) else timezone
    if value.tzinfo is None:
        return value.replace(tzinfo=zone)
    return value.astimezone(zone)


def site_today(settings) -> date:
    """Today in the site's ``TIMEZONE``: the school's date, not the server's
    (the as-of date of the evidence, compliance and weekly pages)."""
    return datetime.now(ZoneInfo(settings.get("TIMEZONE") or DEFAULT_TIMEZONE)).date()


def weekday_name(value: date) -> str:
    return WEEKDAYS[value.weekday()]


def format_date(value: date) -> str:
    """``05/09/2024``"""
    return f"{value.day:02d}/{value.month:02d}/{value.year}"


def format_datetime(value: datetime, timezone: str | tzinfo = DEFAULT_TIMEZONE) -> str:
    """``Thứ Năm, 05/09/2024 07:30`` in the site's time zone."""
    local = _local(value, timezone)
    return f"{weekday_name(local)}, {format_date(local)} {local.hour:02d}:{local.minute:02d}"


def iso_datetime(value: datetime, timezone: str | tzinfo = DEFAULT_TIMEZONE) -> str:
    """``2024-09-05T07:30:00+07:00``, for ``<time datetime>`` and metadata."""
    return _local(value, timezone).isoformat(timespec="seconds")


def month_label(year: int, month: int) -> str:
    """``Tháng 9/2024``"""
    return f"Tháng {month}/{year}"


def official_date(value: date) -> str:
    """Date line of an administrative document (Nghị định 30/2020):
    ``ngày 05 tháng 02 năm 2024`` — leading zero for days below 10 and for
    months 1 and 2 only."""
    month = f"{value.month:02d}" if value.month <= 2 else str(value.month)
    return f"ngày {value.day:02d} tháng {month} năm {value.year}"
