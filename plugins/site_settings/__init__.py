"""A site's settings completed from the product's: identity, renames, Pelican version.

* ``SITENAME``, ``SITESUBTITLE`` and ``AUTHOR`` come from ``SCHOOL`` (name,
  parent body, short name) unless the site's ``pelicanconf.py`` sets them, so
  the identity is written once.
* A setting renamed between versions (``truongweb.settings.RENAMED_SETTINGS``)
  still works for one more version: its value moves to the new name and the
  build warns, in Vietnamese, naming the old key and the new one.
* The installed Pelican must be the one the speed plugins were written for
  (``truongweb.pelican_compat``); otherwise the build stops with a message.

Signal: ``initialized`` (first in ``PLUGINS``, before any plugin reads them).
"""

import logging

from pelican import signals

from truongweb import pelican_compat
from truongweb.settings import RENAMED_SETTINGS

logger = logging.getLogger(__name__)

IDENTITY = {"SITENAME": "name", "SITESUBTITLE": "parent", "AUTHOR": "short_name"}


def complete(settings, renamed=RENAMED_SETTINGS):
    """Fill ``settings`` in place; return the Vietnamese warnings."""
    warnings = []
    for old, (new, version) in renamed.items():
        if old in settings:
            warnings.append(
                f'pelicanconf.py: thiết lập "{old}" đã đổi tên thành "{new}" từ phiên bản {version}; '
                f'hãy đổi "{old}" thành "{new}" trong tệp (bản này vẫn dùng giá trị cũ).')
            settings[new] = settings.pop(old)
    school = settings.get("SCHOOL") or {}
    for key, field in IDENTITY.items():
        if not settings.get(key) or settings.get(key) == pelican_compat.DEFAULT_SITENAME:
            settings[key] = school.get(field) or school.get("name") or ""
    return warnings


def initialize(pelican):
    pelican_compat.require_supported_pelican()
    for warning in complete(pelican.settings):
        logger.warning(warning)


def register():
    signals.initialized.connect(initialize)
