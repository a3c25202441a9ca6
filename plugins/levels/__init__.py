"""The kind of unit (``SCHOOL["level"]``) shapes the site: menus and sections.

* An unknown ``SCHOOL["level"]`` (or ``stages`` of a lien-cap school) stops
  the build with a Vietnamese message naming pelicanconf.py and the key.
* ``MENU`` and ``INTRO_MENU`` left at the product's defaults become those of
  the level (an office gets administrative procedures, direction documents,
  the leaders' schedule; a preschool its menus); a site that sets its own
  keeps them. Sections whose plugin does not run are left out of the menu.

The level itself is declared in ``truongweb.plugins.content_schema.levels``.
Signal: ``initialized`` (right after ``site_settings``).
"""

from pelican import signals

from truongweb import settings as product
from truongweb.plugins.content_schema import levels


def _same(a, b) -> bool:
    return [tuple(x) for x in a or ()] == [tuple(x) for x in b or ()]


def complete(settings) -> levels.Level:
    """Resolve the level of ``settings`` and fill the menus in place."""
    level = levels.resolve(settings.get("SCHOOL"))
    providers = levels.providers_in(settings.get("PLUGINS"))
    if _same(settings.get("MENU"), product.MENU):
        settings["MENU"] = levels.menu(level, providers)
    if _same(settings.get("INTRO_MENU"), product.INTRO_MENU):
        settings["INTRO_MENU"] = levels.intro_menu(level)
    return level


def initialize(pelican):
    complete(pelican.settings)


def register():
    signals.initialized.connect(initialize)
