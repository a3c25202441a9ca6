"""District roll-up: the district's dashboard of every school's evidence.

Contract: ``shared/spec/district-rollup.md``. The roll-up itself (fetching
the schools' ``minh-chung/index.json`` and ``evidence.json``) is
``python -m truongweb.rollup``; this package holds its pure domain modules
(no network, no Pelican import): :mod:`.contract` (JSON Schemas in
``schemas/``), :mod:`.schools` (the schools list), :mod:`.merge`
(``tong-hop.json``/``.csv``), :mod:`.verify` (checking evidence pages),
:mod:`.dashboard` (the static pages, XLSX), :mod:`.report` (the district's
báo cáo tổng hợp, Nghị định 30/2020 layout).

As a Pelican plugin (signal ``get_generators``): on a district's site
(``SCHOOL["level"] == "phong-gddt"``; default ``"thcs"``) the dashboard is
written to ``/tong-hop/`` from ``ROLLUP_DATA/tong-hop.json`` (default folder
``tong-hop`` beside the content folder), fetched beforehand by the roll-up;
the build itself makes no request.
"""


def get_generators(pelican):
    from .generator import RollupPagesGenerator

    return RollupPagesGenerator


def register():
    from pelican import signals

    signals.get_generators.connect(get_generators)
