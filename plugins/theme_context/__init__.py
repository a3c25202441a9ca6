"""Makes a few site settings visible inside imported template macros.

Jinja's ``{% from ... import %}`` gives macros no page context, and importing
"with context" re-runs the macro file for every page. Copying the settings the
macros need (``THEME_GLOBAL_SETTINGS``: SITEURL, SCHOOL, ...) into
``JINJA_GLOBALS`` once lets them use those at no per-page cost. Keep the list
short: Jinja compares the global names on every import, so exposing every
setting made each page several milliseconds slower.
Signal: ``initialized``.
"""

from pelican import signals

DEFAULT_NAMES = ("SITEURL", "SCHOOL", "FEED_DOMAIN", "THEME_STATIC_DIR", "TIMEZONE")


def expose_settings(pelican):
    settings = pelican.settings
    names = settings.get("THEME_GLOBAL_SETTINGS", DEFAULT_NAMES)
    exposed = {name: settings[name] for name in names if name in settings}
    settings["JINJA_GLOBALS"] = {**exposed, **settings.get("JINJA_GLOBALS", {})}


def register():
    signals.initialized.connect(expose_settings)
