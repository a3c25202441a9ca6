"""Pelican generator writing the weekly pages: work schedule, menus,
timetables (data loaded by the pure modules of this package)."""

from __future__ import annotations

import datetime as dt
import logging
import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from markupsafe import Markup
from pelican.generators import Generator

from truongweb.plugins.sanitize_html import report as report_removed_html
from truongweb.plugins.school_sections.generator import section_frame
from truongweb.plugins.vietnamese.dates import site_today

from .atom import build_feed
from .data import Timetable, WeekFile, load_timetables, load_weeks
from .timetable import decode_export, export_tables
from .weeks import Week, menus_required

logger = logging.getLogger(__name__)

SCHEDULE_DIR, MENU_DIR, TIMETABLE_DIR = "lich-cong-tac", "thuc-don", "thoi-khoa-bieu"
DATA_DIRS = (SCHEDULE_DIR, MENU_DIR, TIMETABLE_DIR)
ICS_NAME = "lich-cong-tac.ics"
# Beside Pelican's feeds (FEED_ALL_ATOM, CATEGORY_FEED_ATOM in feeds/).
FEEDS = {SCHEDULE_DIR: f"feeds/{SCHEDULE_DIR}.atom.xml", MENU_DIR: f"feeds/{MENU_DIR}.atom.xml"}
# "Lịch công tác tuần 49 (30/11–06/12/2026)": the week pages' titles.
WEEK_TITLES = {SCHEDULE_DIR: "Lịch công tác", MENU_DIR: "Thực đơn"}
TITLES = {
    SCHEDULE_DIR: "Lịch công tác tuần",
    MENU_DIR: "Thực đơn",
    TIMETABLE_DIR: "Thời khóa biểu",
}
# The build writes these as files; a timetable export in HTML is shown as a
# table instead (an HTML file from elsewhere on the site's origin could run script).
DOWNLOADABLE = (".xlsx", ".xls", ".ods", ".pdf")


@dataclass
class WeeklyData:
    """What the templates (home page included) see as ``weekly``."""

    today: dt.date
    schedules: list[WeekFile] = field(default_factory=list)
    menus: list[WeekFile] = field(default_factory=list)
    timetables: list[Timetable] = field(default_factory=list)
    urls: dict = field(default_factory=dict)

    def _find(self, weeks, week):
        return next((w for w in weeks if w.week == week), None)

    @property
    def feeds(self) -> tuple[tuple[str, str], ...]:
        """(title, path) of the weekly Atom feeds this site has, for the
        footer and the pages' <link rel="alternate">."""
        found = [(TITLES[SCHEDULE_DIR], self.urls.get("schedule_feed")) if self.schedules else None,
                 (TITLES[MENU_DIR], self.urls.get("menu_feed")) if self.menus else None]
        return tuple(item for item in found if item)  # hashable: a fragment cache key

    @property
    def this_week(self) -> Week:
        return Week.of(self.today)

    @property
    def schedule_now(self) -> WeekFile | None:
        return self._find(self.schedules, self.this_week)

    @property
    def schedule_next(self) -> WeekFile | None:
        return self._find(self.schedules, self.this_week.shifted(1))

    @property
    def menu_now(self) -> WeekFile | None:
        return self._find(self.menus, self.this_week)

    @property
    def menu_next(self) -> WeekFile | None:
        return self._find(self.menus, self.this_week.shifted(1))

    @property
    def timetable_now(self) -> Timetable | None:
        current = [t for t in self.timetables if t.applies_from <= self.today]
        return current[0] if current else (self.timetables[-1] if self.timetables else None)

    def today_entries(self):
        week = self.schedule_now
        return [e for e in week.entries if e.day == self.today] if week else []


def resolve_today(settings) -> dt.date:
    """``WEEKLY_TODAY`` ("YYYY-MM-DD", tests and previews) or today in ``TIMEZONE``."""
    value = settings.get("WEEKLY_TODAY")
    if value:
        try:
            return dt.date.fromisoformat(str(value))
        except ValueError:
            raise ValueError(
                f"pelicanconf.py: khóa 'WEEKLY_TODAY' phải là ngày dạng YYYY-MM-DD, nhận được “{value}”."
            ) from None
    return site_today(settings)


def menu_manifest(settings, menus) -> dict:
    """What the compliance rule on menus needs (its manifest entry ``menus``)."""
    return {
        "required": menus_required(settings.get("SCHOOL"), bool(menus)),
        "weeks": [m.slug for m in menus],
        "page": MENU_DIR + "/{week}/index.html",
    }


class WeeklyGenerator(Generator):
    def generate_context(self):
        content = Path(self.path)
        data = WeeklyData(today=resolve_today(self.settings))
        if (content / SCHEDULE_DIR).is_dir():
            data.schedules = load_weeks(content / SCHEDULE_DIR, "schedule", f"content/{SCHEDULE_DIR}")
        if (content / MENU_DIR).is_dir():
            data.menus = load_weeks(content / MENU_DIR, "menu", f"content/{MENU_DIR}")
        if (content / TIMETABLE_DIR).is_dir():
            data.timetables = load_timetables(content / TIMETABLE_DIR, content,
                                              f"content/{TIMETABLE_DIR}")
        data.urls = {
            "schedule": f"{SCHEDULE_DIR}/", "menu": f"{MENU_DIR}/", "timetable": f"{TIMETABLE_DIR}/",
            "ics": f"{SCHEDULE_DIR}/{ICS_NAME}",
            "schedule_feed": FEEDS[SCHEDULE_DIR], "menu_feed": FEEDS[MENU_DIR],
        }
        self.data = data
        self.context["weekly"] = data
        self.context["weekly_menus"] = menu_manifest(self.settings, data.menus)

    def _write(self, writer, url, template, title, description, parents=(), **kwargs):
        # Dublin Core date: the day the page's content is for (a week's Monday,
        # a timetable's first day); lists: none, the frame takes SITE_UPDATED.
        shown = kwargs.get("sitemap_lastmod")
        when = dt.datetime.combine(shown, dt.time(0)) if shown else None
        writer.write_file(
            url + "index.html",
            self.get_template(f"weekly/{template}"),
            self.context,
            relative_urls=self.settings["RELATIVE_URLS"],
            **section_frame(url, title, description, when, parents,
                            subject=TITLES.get(url.split("/")[0])),
            sitemap_lastmod=kwargs.pop("sitemap_lastmod", None),
            **kwargs,
        )

    def _weeks(self, writer, folder, weeks, template, noun):
        base = f"{folder}/"
        name = self.settings.get("SITENAME", "")
        parent = [(TITLES[folder], base)]
        feed = (TITLES[folder], FEEDS[folder])
        for i, week in enumerate(weeks):
            previous = weeks[i - 1] if i > 0 else None
            following = weeks[i + 1] if i + 1 < len(weeks) else None
            self._write(writer, f"{base}{week.slug}/", template,
                        f"{WEEK_TITLES[folder]} {week.week.label.lower()}",
                        f"{TITLES[folder]} của {name}, {week.week.label.lower()}.",
                        parents=parent, week=week, previous_week=previous, next_week=following,
                        folder=folder, feed=feed, sitemap_lastmod=week.week.monday)
        self._write(writer, base, "archive", TITLES[folder],
                    f"Các tuần {noun} của {name}, mới nhất ở trên.",
                    weeks=list(reversed(weeks)), folder=folder, feed=feed,
                    current=Week.of(self.data.today))
        self._feed(folder, weeks)

    def _feed(self, folder, weeks):
        # FEED_DOMAIN as for Pelican's own feeds: the site's address in a
        # publish build, so a feed reader gets absolute links.
        domain = (self.settings.get("FEED_DOMAIN") or self.settings.get("SITEURL") or "").rstrip("/")
        school = self.settings.get("SCHOOL") or {}
        name = school.get("short_name") or self.settings.get("SITENAME") or ""
        body = build_feed(weeks, title=f"{TITLES[folder]} – {name}".strip(" –"),
                          entry_title=lambda w: f"{WEEK_TITLES[folder]} {w.week.label.lower()}",
                          site_url=domain, page_url=lambda w: f"{domain}/{folder}/{w.slug}/",
                          feed_url=f"{domain}/{FEEDS[folder]}",
                          timezone=self.settings.get("TIMEZONE") or "Asia/Ho_Chi_Minh")
        target = Path(self.output_path) / FEEDS[folder]
        os.makedirs(target.parent, exist_ok=True)
        target.write_bytes(body)

    def generate_output(self, writer):
        data = self.data
        if data.schedules:
            self._weeks(writer, SCHEDULE_DIR, data.schedules, "schedule_week", "lịch công tác")
            self._calendar(data.schedules)
        if data.menus:
            self._weeks(writer, MENU_DIR, data.menus, "menu_week", "thực đơn")
        if data.timetables:
            self._timetables(writer, data.timetables)

    def _calendar(self, weeks):
        from .ics import build_calendar  # icalendar is imported by a site with a schedule only

        site = self.settings.get("SITEURL") or ""
        host = urlsplit(site).hostname or ""
        school = self.settings.get("SCHOOL") or {}
        name = f"Lịch công tác – {school.get('short_name') or self.settings.get('SITENAME') or ''}"
        now = self.context.get("BUILD_DATETIME") or dt.datetime.now()
        stamp = now if now.tzinfo else now.replace(tzinfo=dt.timezone.utc)
        body = build_calendar(weeks, name.strip(" –"), host, stamp,
                              self.settings.get("TIMEZONE") or "Asia/Ho_Chi_Minh",
                              page_url=(lambda w: f"{site}/{SCHEDULE_DIR}/{w.slug}/") if site else None)
        target = Path(self.output_path) / SCHEDULE_DIR / ICS_NAME
        os.makedirs(target.parent, exist_ok=True)
        target.write_bytes(body)

    def _timetables(self, writer, timetables):
        base = f"{TIMETABLE_DIR}/"
        parent = [(TITLES[TIMETABLE_DIR], base)]
        for item in timetables:
            url = f"{base}{item.slug}/"
            tables, download = [], None
            if item.is_html:
                document = decode_export(item.file.read_bytes(), item.source)
                found, removed = export_tables(document, item.title)
                report_removed_html(item.source, removed, "tệp thời khóa biểu")
                if not found:
                    raise ValueError(f"Tệp {item.source}: tệp HTML “{item.filename}” không có bảng nào.")
                tables = [Markup(t) for t in found]
            else:
                download = f"{url}{item.filename}"
                target = Path(self.output_path) / download
                os.makedirs(target.parent, exist_ok=True)
                shutil.copy2(item.file, target)
            self._write(writer, url, "timetable", item.title,
                        f"{item.title}, áp dụng từ {item.applies_from:%d/%m/%Y}.",
                        parents=parent, timetable=item, tables=tables, download=download,
                        download_size=item.file.stat().st_size, sitemap_lastmod=item.applies_from)
        self._write(writer, base, "timetables", TITLES[TIMETABLE_DIR],
                    "Các thời khóa biểu của nhà trường, mới nhất ở trên.", timetables=timetables)
