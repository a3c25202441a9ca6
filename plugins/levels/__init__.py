"""The kind of unit (``SCHOOL["level"]``) shapes the site: menus and sections.

* An unknown ``SCHOOL["level"]`` (or ``stages`` of a lien-cap school) stops
  the build with a Vietnamese message naming pelicanconf.py and the key.
* ``MENU`` and ``INTRO_MENU`` left at the product's defaults become those of
  the level (an office gets administrative procedures, direction documents,
  the leaders' schedule; a preschool its menus); a site that sets its own
  keeps them. Sections whose pages are not written (their plugin does not
  run; a weekly section without its content folder) are left out.

The level itself is declared in ``truongweb.plugins.content_schema.levels``.
Signal: ``initialized`` (right after ``site_settings``).
"""

from pathlib import Path

from pelican import signals

from truongweb import settings as product
from truongweb.plugins.content_schema import levels


def _same(a, b) -> bool:
    return [tuple(x) for x in a or ()] == [tuple(x) for x in b or ()]


def complete(settings) -> levels.Level:
    """Resolve the level of ``settings`` and fill the menus in place."""
    level = levels.resolve(settings.get("SCHOOL"))
    if _same(settings.get("MENU"), product.MENU):
        settings["MENU"] = levels.menu(level, written_sections(level, settings))
    if _same(settings.get("INTRO_MENU"), product.INTRO_MENU):
        settings["INTRO_MENU"] = levels.intro_menu(level)
    return level


def written_sections(level, settings) -> set[str]:
    """The sections of ``level`` this build writes: school_sections writes
    its own whenever it runs; the weekly plugin writes a section only when
    its content folder (named as its URL: lich-cong-tac/, thuc-don/) holds
    a week file."""
    providers = levels.providers_in(settings.get("PLUGINS"))
    content = Path(settings.get("PATH") or "content")
    written = set()
    for key in level.sections:
        section = levels.SECTIONS[key]
        if section.provider not in providers:
            continue
        folder = content / section.url.strip("/")
        if section.provider == "weekly" and not (folder.is_dir() and any(
                f.suffix in (".yml", ".yaml", ".csv") for f in folder.iterdir())):
            continue
        written.add(key)
    return written


def initialize(pelican):
    complete(pelican.settings)


def register():
    signals.initialized.connect(initialize)
