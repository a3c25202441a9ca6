"""Puts the plugins folder on ``sys.path`` for the roll-up tools (its pure
domain modules live in ``plugins/district_rollup``)."""

import sys

from .paths import ROOT

if str(ROOT / "plugins") not in sys.path:
    sys.path.insert(0, str(ROOT / "plugins"))
