"""Vietnamese dates and slugs for templates.

Adds the Jinja filters ``vn_datetime``, ``vn_date``, ``iso_datetime``,
``weekday``, ``official_date`` and ``slugify``, bound to the site's
``TIMEZONE``, and the setting ``BUILD_DATETIME`` (for page metadata); messages
name files relative to the site folder (the parent of ``PATH``), whichever
entry point started the build. Signal: ``initialized`` (before any generator
reads ``JINJA_FILTERS``).
"""

from datetime import datetime
from functools import partial
from zoneinfo import ZoneInfo

from . import dates, messages, text


def add_filters(pelican):
    settings = pelican.settings
    messages.set_site_folder(settings["PATH"])
    timezone = settings.get("TIMEZONE") or dates.DEFAULT_TIMEZONE
    settings["BUILD_DATETIME"] = datetime.now(ZoneInfo(timezone)).replace(microsecond=0)
    settings.setdefault("JINJA_FILTERS", {}).update(
        {
            "vn_datetime": partial(dates.format_datetime, timezone=timezone),
            "vn_date": dates.format_date,
            "iso_datetime": partial(dates.iso_datetime, timezone=timezone),
            "weekday": dates.weekday_name,
            "official_date": dates.official_date,
            "slugify": text.slugify,
        }
    )


def register():
    # Imported here, not at the top: the build's helper processes import this
    # package (for messages) and must not pay for importing Pelican.
    from pelican import signals

    signals.initialized.connect(add_filters)
