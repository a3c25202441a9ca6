"""Makes a few site settings, and a fragment cache, visible inside imported
template macros.

Jinja's ``{% from ... import %}`` gives macros no page context, and importing
"with context" re-runs the macro file for every page. Copying the settings the
macros need (``THEME_GLOBAL_SETTINGS``: SITEURL, SCHOOL, ...) into
``JINJA_GLOBALS`` once lets them use those at no per-page cost. Keep the list
short: Jinja compares the global names on every import, so exposing every
setting made each page several milliseconds slower.

``cached_fragment`` (a fresh one each build) lets a macro render a piece of
markup once per build and reuse it: an article's card appears on about ten
pages (its category, tags, author, archives, related articles), always the
same. Use it only for markup that depends on nothing but its key::

    {% call cached_fragment("card", article, level) %}...{% endcall %}

Signal: ``initialized``.
"""

from pelican import signals

DEFAULT_NAMES = ("SITEURL", "SCHOOL", "FEED_DOMAIN", "THEME_STATIC_DIR", "TIMEZONE")


class FragmentCache:
    """``cached_fragment(*key, caller)``: the caller's output for ``key``,
    rendered on first use. Keys hold their objects (articles), so an id can
    never be reused for another object while the cache lives (one build)."""

    def __init__(self):
        self._rendered = {}

    def __call__(self, *key, caller):
        rendered = self._rendered.get(key)
        if rendered is None:
            rendered = self._rendered[key] = caller()
        return rendered


def expose_settings(pelican):
    settings = pelican.settings
    names = settings.get("THEME_GLOBAL_SETTINGS", DEFAULT_NAMES)
    exposed = {name: settings[name] for name in names if name in settings}
    exposed["cached_fragment"] = FragmentCache()
    settings["JINJA_GLOBALS"] = {**exposed, **settings.get("JINJA_GLOBALS", {})}


def register():
    signals.initialized.connect(expose_settings)
