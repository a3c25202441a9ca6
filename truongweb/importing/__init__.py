"""Moving a school's old site in: NukeViet 4 dumps, WordPress exports, feeds.

Readers (``nukeviet``, ``wordpress``, ``feed``) turn an export into
:class:`~truongweb.importing.model.Record` objects; :mod:`.mapping` turns
records into content files (front matter per ``content_schema``), pictures to
copy and old-address redirects, and :mod:`.writer` writes them so that a second
run changes nothing and a hand-edited file is kept. No Pelican import: the
CLI (``python -m truongweb.import_site``, later ``truongweb import``) and the
tests call these functions directly.
"""

