"""District roll-up: the district's dashboard of every school's evidence.

Contract: ``shared/spec/district-rollup.md``. The roll-up itself (fetching
the schools' ``minh-chung/index.json`` and ``evidence.json``) is
``python -m sitetools.rollup``; this package holds its pure domain modules
(no network, no Pelican import): :mod:`.contract` (JSON Schemas in
``schemas/``), :mod:`.schools` (the schools list), :mod:`.merge`
(``tong-hop.json``/``.csv``), :mod:`.verify` (checking evidence pages).
"""
