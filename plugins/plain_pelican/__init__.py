"""Plain ``pelican content`` reports like ``python -m truongweb.build``.

Anyone who knows Pelican types ``pelican content`` in the site folder. Pelican
prints a Python traceback for an exception raised by a plugin (a wrong
category) and exits 0 when a file could not be read. Here, when the build
was started by the ``pelican`` command, the same report is installed on the
root logger: every warning and error is printed once, in Vietnamese
(``Lỗi: …`` / ``Cảnh báo: …``), the console handler no longer prints them
(nor the traceback), and any error makes the exit status 1.
Signals: ``initialized``, ``finalized``.
"""

import logging
import sys
from pathlib import Path

from pelican import signals

_FAILED = "Dựng trang thất bại. Hãy sửa các lỗi ở trên rồi chạy lại."


def _build_module():
    from truongweb import build

    return build


class _OnlyInfo(logging.Filter):
    """On Pelican's own console handler: warnings and errors are the report's."""

    def filter(self, record):
        return record.levelno < logging.WARNING


_REPORT = {}


def install(pelican):
    build = _build_module()
    root = logging.getLogger()
    # A fresh report per build: ``pelican --autoreload`` builds again and
    # again, and one process may run builds of both kinds (the tests).
    previous = _REPORT.pop("report", None)
    if previous is not None:
        root.removeHandler(previous)
    if not _pelican_command() or any(isinstance(h, build.BuildReport) for h in root.handlers):
        return  # truongweb.build, or a program running Pelican, reports itself
    for handler in root.handlers:
        if not any(isinstance(f, _OnlyInfo) for f in handler.filters):
            handler.addFilter(_OnlyInfo())
    _REPORT["report"] = _CliReport(build.BuildReport)
    root.addHandler(_REPORT["report"])


class _CliReport(logging.Handler):
    """Forwards to a BuildReport; after Pelican's last word on an exception
    (a CRITICAL record), says the build failed."""

    def __init__(self, report_class):
        super().__init__(level=logging.WARNING)
        self.report = report_class(echo=True)

    @property
    def errors(self):
        return self.report.errors

    def emit(self, record):
        self.report.emit(record)
        if record.levelno >= logging.CRITICAL:
            print(_FAILED, file=sys.stderr)


def fail_on_errors(pelican):
    report = _REPORT.get("report")
    if report is not None and report.errors:
        print(_FAILED, file=sys.stderr)
        if _autoreload():
            return  # keep watching: the next save builds again
        # SystemExit passes through Pelican's ``except Exception`` in main().
        sys.exit(1)


def _pelican_command() -> bool:
    """Started as ``pelican …`` or ``python -m pelican …``."""
    program = Path(sys.argv[0] if sys.argv else "")
    return program.stem == "pelican" or (program.name == "__main__.py"
                                         and program.parent.name == "pelican")


def _autoreload() -> bool:
    return any(arg in ("-r", "--autoreload") or (arg.startswith("-") and not arg.startswith("--")
                                                  and "r" in arg[1:]) for arg in sys.argv[1:])


def register():
    signals.initialized.connect(install)
    signals.finalized.connect(fail_on_errors)
