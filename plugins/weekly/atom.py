"""The work schedule's and the menus' weeks as Atom feeds (RFC 4287), one
entry per week, newest first, so a parent or a teacher follows them in a
feed reader like the news. Built with ``feedgenerator`` (Pelican's own feed
library). Pure: no Pelican import."""

from __future__ import annotations

import datetime as dt
from html import escape
from typing import Callable, Iterable
from zoneinfo import ZoneInfo

from feedgenerator import Atom1Feed, get_tag_uri

from .data import WeekFile
from .weeks import weekday_vi


def week_start(week: WeekFile, timezone: str) -> dt.datetime:
    """Monday 00:00 local time: the entry's "published"."""
    return dt.datetime.combine(week.week.monday, dt.time(0), ZoneInfo(timezone))


def week_updated(week: WeekFile, timezone: str) -> dt.datetime:
    """The entry's "updated": the week's start, like its "published". Not the
    file's modification time: a fresh checkout (the daily publishing build)
    gives every file a new one, so each deploy would mark every week as
    changed in the readers. The feed file therefore only changes with content."""
    return week_start(week, timezone)


def summary(week: WeekFile) -> str:
    """One line for a feed reader's list: the week's note, or what it holds."""
    if week.note:
        return week.note
    if week.kind == "schedule":
        return f"{len(week.entries)} công việc trong tuần."
    return f"Thực đơn {len(week.days)} ngày trong tuần."


def _day_heading(day: dt.date) -> str:
    return f"<h3>{weekday_vi(day)} {day:%d/%m/%Y}</h3>"


def schedule_html(week: WeekFile) -> str:
    """The week's work as HTML for the entry's content (escaped text only)."""
    parts = [f"<p>{escape(week.note)}</p>"] if week.note else []
    for day, entries in week.entries_by_day():
        items = []
        for entry in entries:
            text = escape(entry.content)
            if entry.important:
                text = f"<strong>Quan trọng: {text}</strong>"
            extra = [escape(v) for v in (entry.place, entry.participants) if v]
            items.append(f"<li>{escape(entry.time_text)}: {text}"
                         + (f" ({'; '.join(extra)})" if extra else "") + "</li>")
        parts.append(_day_heading(day) + "<ul>" + "".join(items) + "</ul>")
    return "".join(parts)


def menu_html(week: WeekFile) -> str:
    parts = [f"<p>{escape(week.note)}</p>"] if week.note else []
    for day in week.days:
        items = "".join(f"<li>{escape(meal.name)}: {escape(', '.join(meal.dishes))}</li>"
                        for meal in day.meals)
        parts.append(_day_heading(day.day) + f"<ul>{items}</ul>")
    return "".join(parts)


def build_feed(weeks: Iterable[WeekFile], *, title: str, entry_title: Callable[[WeekFile], str],
               site_url: str, page_url: Callable[[WeekFile], str], feed_url: str,
               timezone: str = "Asia/Ho_Chi_Minh") -> bytes:
    """The Atom feed of ``weeks`` (any order; written newest week first).
    ``page_url(week)`` and ``feed_url`` are the addresses to link (absolute
    in a publish build)."""
    feed = Atom1Feed(title=title, link=f"{site_url}/", description="", language="vi",
                     feed_url=feed_url)
    for week in sorted(weeks, key=lambda w: w.week, reverse=True):
        url = page_url(week)
        content = schedule_html(week) if week.kind == "schedule" else menu_html(week)
        start = week_start(week, timezone)
        # A tag URI from the address and the week (as Pelican's feeds do):
        # stable across builds, so an edited week updates its entry.
        feed.add_item(title=entry_title(week), link=url, description=summary(week),
                      unique_id=get_tag_uri(url, start), pubdate=start,
                      updateddate=week_updated(week, timezone), content=content)
    return feed.writeString("utf-8").encode("utf-8")
