"""Vietnamese dates and slugs for templates.

Adds the Jinja filters ``vn_datetime``, ``vn_date``, ``iso_datetime``,
``weekday``, ``official_date`` and ``slugify``, bound to the site's
``TIMEZONE``, the setting ``BUILD_DATETIME`` and the template variable
``SITE_UPDATED`` (page metadata: the newest date of the site's published
articles and pages, or ``BUILD_DATETIME`` when none has a date; the date a
page without its own date gives as ``DC.date``; the same content builds the
same pages, so an unchanged page is not checked or uploaded again);
messages name files relative to the site folder (the parent of ``PATH``),
whichever entry point started the build.
Signals: ``initialized`` (before any generator reads ``JINJA_FILTERS``),
``all_generators_finalized`` (``SITE_UPDATED``).
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


def newest_content_date(generators):
    """The newest ``modified`` or ``date`` of the published articles and
    pages, or None when nothing published has a date."""
    # The sitemap's comparison: aware and naive datetimes compare safely.
    from truongweb.plugins.xml_sitemap.sitemap import newest

    return newest(*(newest(getattr(content, "modified", None), getattr(content, "date", None))
                    for generator in generators
                    for content in (*getattr(generator, "articles", ()),
                                    *getattr(generator, "pages", ()))))


def set_site_updated(generators):
    updated = newest_content_date(generators)
    for generator in generators:
        context = getattr(generator, "context", None)
        if isinstance(context, dict):
            context["SITE_UPDATED"] = updated or context.get("BUILD_DATETIME")


def register():
    # Imported here, not at the top: the build's helper processes import this
    # package (for messages) and must not pay for importing Pelican.
    from pelican import signals

    signals.initialized.connect(add_filters)
    signals.all_generators_finalized.connect(set_site_updated)
