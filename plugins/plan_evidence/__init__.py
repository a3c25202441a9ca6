"""Plan-fulfilment evidence: communication plans, topic tagging, counting,
evidence pages, the official report (báo cáo) and evidence.json/.csv/.xlsx.

Contract: ``shared/spec/plan-evidence.md``. Plans are YAML files in
``<PATH>/plans/``; articles carry ``topics``/``unit``/``channel``/``link``.

Signal: ``get_generators`` only. The generator runs after the article and
page generators and reads the metadata of every article (published, draft,
hidden) and page from their lists in the context, so articles served from the
content cache are handled too (per-file signals are skipped for those).
Any mistake in a plan or a tag raises :class:`PlanError` /
:class:`TaggingError` with a Vietnamese message, which stops the build.

Settings:
- ``EVIDENCE_AS_OF``: ``"YYYY-MM-DD"``; default today in ``TIMEZONE``.
- ``REPORT_NUMBER``: number printed on reports (``"12/BC-THCSTB"``); default a
  blank to fill in by hand (``……/BC-…`` using ``SCHOOL["report_symbol"]``).
- ``REPORT_RECIPIENTS``: list of "Nơi nhận" lines; default the parent body
  and "Lưu: VT".
- ``SCHOOL``: ``name``, ``parent``, ``place``, ``signer_title``, ``signer_name``.

Output (relative to the output root): ``minh-chung/`` (all plans),
``minh-chung/<plan>/`` (overview), ``minh-chung/<plan>/<topic-code>/``,
``minh-chung/<plan>/bao-cao/`` (the list of reports),
``minh-chung/<plan>/bao-cao/<period>/`` with period slugs ``ca-ke-hoach``,
``hk<n>``, ``<yyyy>-q<n>``, ``<yyyy>-<mm>``; ``minh-chung/<plan>/evidence.json``,
``evidence.csv`` and ``evidence.xlsx`` (columns: see :mod:`plan_evidence.export`;
the spreadsheets through the :mod:`spreadsheet` library, the XLSX cached in
``CACHE_PATH/evidence/``).

Pure domain modules (no Pelican import): :mod:`.plans`, :mod:`.periods`,
:mod:`.counting`, :mod:`.export`, :mod:`.views`.
"""

from .counting import TaggingError  # noqa: F401  (re-exported for users)
from .plans import PlanError, load_plan, load_plans  # noqa: F401


def get_generators(pelican):
    from .generator import EvidenceGenerator

    return EvidenceGenerator


def register():
    from pelican import signals

    signals.get_generators.connect(get_generators)
