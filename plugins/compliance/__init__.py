"""Compliance checker: verifies the built site against the legal checklist
(Nghị định 42/2022/NĐ-CP, Thông tư 37/2020/TT-BGDĐT, Thông tư 09/2024/TT-BGDĐT,
Thông tư 26/2020/TT-BTTTT ...) and writes a printable report page.

The rules are data (``rules.yml``: id, checklist row, legal basis, severity,
check function and parameters); the checks run on the written HTML.

Signals:
- ``get_generators``: adds ``ComplianceGenerator``, which starts a helper
  process (``background.py``) and records the shared context, writer and
  template environment of the build;
- ``all_generators_finalized``: gives the helper the page manifest;
- ``content_written``: passes each written page to the helper, which checks
  it on the other core while the build goes on;
- ``finalized``: runs the rules (``engine.run``, reusing the helper's results
  for pages unchanged since it checked them), prints a short Vietnamese summary, writes the report
  ``kiem-tra-tuan-thu/index.html`` and the machine-readable results
  ``kiem-tra-tuan-thu/ket-qua.json``. With ``COMPLIANCE_STRICT = True`` an
  error-level finding is logged as an error (the build then exits 1).

Settings: ``COMPLIANCE_ENABLED`` (default True), ``COMPLIANCE_STRICT``
(default False), ``COMPLIANCE_AS_OF`` ("YYYY-MM-DD", default today),
``COMPLIANCE_RULES`` (path of another rule table),
``COMPLIANCE_PUBLISHED_URLS`` (text file of previously published URLs, one
per line, relative to the content folder or absolute).
"""


def register():
    # The glue (and Pelican) is imported only here: the page-checking helper
    # process imports this package and must not pay for importing Pelican.
    from .plugin import register as register_signals

    register_signals()
