"""Plain ``pelican content`` reports like ``python -m sitetools.build``.

Anyone who knows Pelican types ``pelican content`` in the site folder. Pelican
prints a Python traceback for an exception raised by a plugin (a wrong
category) and exits 0 when a file could not be read. Here, when the build
was not started by ``sitetools.build``, the same report is installed on the
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
    # sitetools sits beside plugins/ in the site's repository.
    root = str(Path(__file__).resolve().parents[2])
    if root not in sys.path:
        sys.path.append(root)
    from sitetools import build

    return build


class _OnlyInfo(logging.Filter):
    """On Pelican's own console handler: warnings and errors are the report's."""

    def filter(self, record):
        return record.levelno < logging.WARNING


_REPORT = {}


def install(pelican):
    build = _build_module()
    root = logging.getLogger()
    if any(isinstance(handler, build.BuildReport) for handler in root.handlers):
        return  # sitetools.build reports this build itself
    for handler in root.handlers:
        if not any(isinstance(f, _OnlyInfo) for f in handler.filters):
            handler.addFilter(_OnlyInfo())
    # A fresh report per build: ``pelican --autoreload`` builds again and again.
    previous = _REPORT.pop("report", None)
    if previous is not None:
        root.removeHandler(previous)
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


def _autoreload() -> bool:
    return any(arg in ("-r", "--autoreload") or (arg.startswith("-") and not arg.startswith("--")
                                                  and "r" in arg[1:]) for arg in sys.argv[1:])


def register():
    signals.initialized.connect(install)
    signals.finalized.connect(fail_on_errors)
