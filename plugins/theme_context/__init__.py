"""Makes the site settings visible inside imported template macros.

Jinja's ``{% from ... import %}`` gives macros no page context, and importing
"with context" re-runs the macro file for every page. Copying the uppercase
settings (SITEURL, SCHOOL, ...) into ``JINJA_GLOBALS`` once lets the small
component macros use them at no per-page cost. Signal: ``initialized``.
"""

from pelican import signals


def expose_settings(pelican):
    settings = pelican.settings
    exposed = {key: value for key, value in settings.items() if key.isupper()}
    settings.setdefault("JINJA_GLOBALS", {})
    settings["JINJA_GLOBALS"] = {**exposed, **settings["JINJA_GLOBALS"]}


def register():
    signals.initialized.connect(expose_settings)
