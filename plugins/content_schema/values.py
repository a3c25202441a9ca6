"""The small value checks every reader of content shares (pure, no Pelican).

Codes (plan topics and units, channels, slugs of data entries, school codes
of a district), e-mail addresses, telephone numbers, web addresses and dates
written as ``YYYY-MM-DD``: one definition each, so that a value one part of
the site accepts is not refused by another.
"""

from __future__ import annotations

import datetime as dt
import re

# Lower-case ASCII words joined by single hyphens: "to-ngu-van", "bao-chi".
CODE_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
EMAIL_RE = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
PHONE_RE = re.compile(r"^\+?[0-9][0-9 .()-]{6,}[0-9]$")
WEB_URL_RE = re.compile(r"^https?://[^\s/$.?#][^\s]*$", re.IGNORECASE)
_ISO_DATE_RE = re.compile(r"\d{4}-\d{2}-\d{2}")


def is_code(value) -> bool:
    return isinstance(value, str) and CODE_RE.match(value) is not None


def as_date(value) -> dt.date | None:
    """``value`` as a date: a date, a datetime's date, or ``YYYY-MM-DD`` text
    (spaces around allowed); None for anything else, an impossible day too."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str) and _ISO_DATE_RE.fullmatch(value.strip()):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            return None
    return None
