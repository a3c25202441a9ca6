"""The work schedule as an iCalendar feed (RFC 5545) that staff subscribe
to on their phones. Built with the ``icalendar`` library; times carry
``TZID=Asia/Ho_Chi_Minh`` with its VTIMEZONE, so every calendar app shows
Vietnamese time whatever the phone's zone. Pure: no Pelican import."""

from __future__ import annotations

import datetime as dt
import hashlib
from typing import Iterable
from zoneinfo import ZoneInfo

from icalendar import Calendar, Event

from .data import ScheduleEntry, WeekFile

PRODID = "-//truongweb//Lich cong tac tuan//VI"


def _uid(week: WeekFile, entry: ScheduleEntry, host: str) -> str:
    """Stable across builds while the entry keeps its day, time and content,
    so a subscribed phone updates an event instead of doubling it."""
    key = f"{entry.day.isoformat()}|{entry.start}|{entry.content}".encode("utf-8")
    return f"{week.slug}-{hashlib.sha1(key).hexdigest()[:16]}@{host or 'truongweb'}"


def _description(entry: ScheduleEntry) -> str:
    parts = [("Thành phần", entry.participants), ("Chủ trì", entry.chair), ("Ghi chú", entry.note)]
    return "\n".join(f"{label}: {value}" for label, value in parts if value)


def build_calendar(weeks: Iterable[WeekFile], name: str, host: str, stamp: dt.datetime,
                   timezone: str = "Asia/Ho_Chi_Minh", page_url=None) -> bytes:
    """The feed of ``weeks``. ``stamp`` (aware) is DTSTAMP of every event;
    ``page_url(week)`` gives the week page's absolute address (URL property)."""
    zone = ZoneInfo(timezone)
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", name)
    cal.add("x-wr-timezone", timezone)
    for week in weeks:
        for entry in week.entries:
            event = Event()
            event.add("uid", _uid(week, entry, host))
            event.add("dtstamp", stamp.astimezone(dt.timezone.utc))
            summary = ("[Quan trọng] " if entry.important else "") + entry.content
            event.add("summary", summary)
            if entry.start is None:
                event.add("dtstart", entry.day)
                event.add("dtend", entry.day + dt.timedelta(days=1))
            else:
                event.add("dtstart", dt.datetime.combine(entry.day, entry.start, zone))
                if entry.end:
                    event.add("dtend", dt.datetime.combine(entry.day, entry.end, zone))
            if entry.place:
                event.add("location", entry.place)
            description = _description(entry)
            if description:
                event.add("description", description)
            if entry.important:
                event.add("priority", 1)
            if page_url:
                event.add("url", page_url(week))
            cal.add_component(event)
    cal.add_missing_timezones()
    return cal.to_ical()
