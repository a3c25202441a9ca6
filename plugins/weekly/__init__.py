"""Recurring weekly content: the work schedule (lịch công tác tuần) with its
iCalendar feed, menus (thực đơn) of preschools and boarding schools, and
timetables (thời khóa biểu) attached as exported by timetable software.

A school writes one file per ISO week in ``content/lich-cong-tac/`` and
``content/thuc-don/`` (``2026-W48.yml`` or ``.csv``) and one record per
timetable in ``content/thoi-khoa-bieu/`` with its file in ``tep/``. The keys
are declared in ``content_schema.weekly``; loading, checks, week arithmetic
and the ``.ics`` are the pure modules ``data``, ``weeks``, ``ics`` and
``timetable``; bad input stops the build with a Vietnamese message naming
the file and key or line.

Signals:
- ``initialized``: keep Pelican's readers out of the three data folders;
- ``get_generators``: ``WeeklyGenerator`` loads the data in
  ``generate_context`` (``weekly`` for every template, the home page
  included; ``weekly_menus`` for the compliance manifest) and writes the
  pages, the feed and the timetable files in ``generate_output``.
"""

from pelican import signals

from .generator import DATA_DIRS, WeeklyGenerator


def exclude_data_dirs(pelican):
    settings = pelican.settings
    for key in ("ARTICLE_EXCLUDES", "PAGE_EXCLUDES", "STATIC_EXCLUDES"):
        current = list(settings.get(key) or [])
        settings[key] = current + [folder for folder in DATA_DIRS if folder not in current]


def get_generators(pelican):
    return WeeklyGenerator


def register():
    signals.initialized.connect(exclude_data_dirs)
    signals.get_generators.connect(get_generators)
