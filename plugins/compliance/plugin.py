"""Pelican glue of the compliance plugin (see the package docstring)."""

from pelican import signals

from .generator import ComplianceGenerator, page_written, run_and_report, start_page_checks


def get_generators(pelican):
    return ComplianceGenerator


def finalized(pelican):
    run_and_report(pelican)


def register():
    signals.get_generators.connect(get_generators)
    signals.all_generators_finalized.connect(start_page_checks)
    signals.content_written.connect(page_written)
    signals.finalized.connect(finalized)
