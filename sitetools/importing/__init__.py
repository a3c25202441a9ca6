"""Moving a school's old site in: NukeViet 4 dumps, WordPress exports, feeds.

Readers (``nukeviet``, ``wordpress``, ``feed``) turn an export into
:class:`~sitetools.importing.model.Record` objects; :mod:`.mapping` turns
records into content files (front matter per ``content_schema``), pictures to
copy and old-address redirects, and :mod:`.writer` writes them so that a second
run changes nothing and a hand-edited file is kept. No Pelican import: the
CLI (``python -m sitetools.import_site``, later ``truongweb import``) and the
tests call these functions directly.
"""

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
if str(ROOT / "plugins") not in sys.path:
    sys.path.insert(0, str(ROOT / "plugins"))
