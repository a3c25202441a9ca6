"""Build the site with Pelican and report problems in Vietnamese.

``python -m truongweb.build [--publish] [--output DIR] [--content DIR]
[--set KEY=JSON]... [--clean] [--check] [--debug]``

Pelican prints tracebacks for exceptions and only logs many content errors;
here every error becomes a one-line Vietnamese message naming the file, and
any error makes the exit status 1.
"""

import argparse
import json
import logging
import os
import signal
import sys
import time
from pathlib import Path

from . import pelican_compat
from .paths import UnsafePathError, safe_remove_tree, site_root
from truongweb.plugins import interruption
from truongweb.plugins.vietnamese.messages import display_content_path, display_path

INTERRUPTED = "Đã dừng dựng trang theo yêu cầu."

# Pelican's English messages (declared in pelican_compat.LOG_TEXTS) in Vietnamese.
_TRANSLATIONS = [
    (pelican_compat.log_pattern("missing_key"),
     '{file}: thiếu khóa bắt buộc "{key}" ở phần thông tin đầu bài.'),
    (pelican_compat.log_pattern("unknown_status"),
     '{file}: khóa "status": giá trị "{status}" không hợp lệ; dùng published, draft hoặc hidden.'),
    (pelican_compat.log_pattern("link_not_found"),
     "Liên kết tới {target} không trỏ tới tệp nào trong thư mục nội dung."),
    (pelican_compat.log_pattern("duplicate_slug"),
     'Có {count} bài viết cùng slug "{slug}", nên cùng một địa chỉ trang: {files}. '
     "Hãy đổi tiêu đề hoặc slug của các bài trùng."),
    (pelican_compat.log_pattern("outside_output"),
     '{file}: trang của nội dung này sẽ được ghi ra ngoài thư mục kết quả ("{target}"), '
     "nên không được tạo. Hãy xóa khóa save_as hoặc url ở phần thông tin đầu bài."),
]


_IGNORED = [
    pelican_compat.log_pattern("feeds_without_siteurl"),  # local builds: relative feeds on purpose
    pelican_compat.log_pattern("duplicate_slug_per_language"),  # said again after duplicate_slug
]


def vietnamese_message(message: str) -> str:
    for pattern, template in _TRANSLATIONS:
        match = pattern.search(message)
        if match:
            values = {key: display_path(value) if key == "file" else value
                      for key, value in match.groupdict().items()}
            if "files" in values:  # one absolute source path per line
                values["files"] = ", ".join(
                    display_path(line.strip()) for line in values["files"].splitlines()
                    if line.strip())
            return template.format(**values).strip()
    return message.strip()


class BuildReport(logging.Handler):
    """Collects warnings and errors logged during a build and echoes them."""

    def __init__(self, echo=True):
        super().__init__(level=logging.WARNING)
        self.echo = echo
        self.errors = []
        self.warnings = []

    def emit(self, record):
        message = record.getMessage()
        if any(pattern.search(message) for pattern in _IGNORED):
            return
        text = vietnamese_message(message)
        if record.exc_info and record.exc_info[1] is not None and record.levelno >= logging.CRITICAL:
            # Pelican's main() on an exception: "%s: %s" with the class name.
            text = vietnamese_message(str(record.exc_info[1])) or record.exc_info[0].__name__
        if record.msg == pelican_compat.log_format("could_not_process"):
            # Pelican logs the reader's exception without its text; it is
            # still the one being handled while this record is emitted.
            error = sys.exc_info()[1]
            source = display_content_path(str(record.args[0])) if record.args else ""
            if error is not None:
                text = str(error)
                if Path(source).name not in text:
                    text = f"{source}: {text}"
        if record.levelno >= logging.ERROR:
            self.errors.append(text)
            prefix = "Lỗi"
        else:
            self.warnings.append(text)
            prefix = "Cảnh báo"
        if self.echo:
            print(f"{prefix}: {text}", file=sys.stderr)


class BuildFailed(Exception):
    def __init__(self, errors):
        super().__init__("\n".join(errors))
        self.errors = errors


def reset_pelican_signals():
    """Disconnect every plugin receiver from Pelican's signals.

    Signals are process-wide and Pelican never disconnects: a second build in
    the same process (``invoke serve``, the tests) would otherwise still run
    the plugins of the first, even ones its own PLUGINS list leaves out.
    """
    pelican_compat.disconnect_all_receivers()


def settings_file(publish: bool) -> Path:
    return site_root() / ("publishconf.py" if publish else "pelicanconf.py")


def build(output, content=None, publish=False, overrides=None, cache=None, echo=True):
    """Build the site into ``output``; return the BuildReport.

    Raises BuildFailed when anything went wrong (the messages are Vietnamese).
    """
    from pelican import Pelican
    from pelican.settings import read_settings

    override = {"OUTPUT_PATH": str(Path(output).resolve())}
    if content is not None:
        override["PATH"] = str(Path(content).resolve())
    if cache is not None:
        override["CACHE_PATH"] = str(Path(cache).resolve())
    override.update(overrides or {})

    report = BuildReport(echo=echo)
    root_logger = logging.getLogger()
    root_logger.addHandler(report)
    previous_level = root_logger.level
    root_logger.setLevel(logging.WARNING)
    try:
        reset_pelican_signals()
        settings = read_settings(str(settings_file(publish)), override=override)
        Pelican(settings).run()
    except BuildFailed:
        raise
    except Exception as error:  # noqa: BLE001 - every failure becomes a message
        report.errors.append(vietnamese_message(str(error)) or error.__class__.__name__)
        if echo:
            print(f"Lỗi: {report.errors[-1]}", file=sys.stderr)
        if os.environ.get("SITE_DEBUG"):
            raise
    finally:
        # Helpers still running here belong to a build that failed or was
        # interrupted: stop them (a second Ctrl-C must not cut this short).
        with interruption.helpers_ignore_interrupts():
            interruption.stop_all()
        root_logger.removeHandler(report)
        root_logger.setLevel(previous_level)
    if report.errors:
        raise BuildFailed(report.errors)
    return report


def check_built_site(output, echo=print) -> int:
    """The publishing gate: the compliance rules and the internal link check
    on a built site; the number of errors (0: it may go online). ``invoke
    check``, ``invoke publish`` and ``--check`` (the publishing workflow) all
    run this one function."""
    from truongweb.plugins.compliance.cli import check_output
    from truongweb.plugins.compliance.engine import ComplianceError

    try:
        return check_output(Path(output), echo=echo)
    except ComplianceError as error:
        echo(f"Lỗi: {error}")
        return 1


def _parse_assignment(text):
    key, sep, value = text.partition("=")
    if not sep or not key:
        raise argparse.ArgumentTypeError(f'"{text}" phải có dạng KHÓA=GIÁ_TRỊ')
    try:
        return key, json.loads(value)
    except json.JSONDecodeError:
        return key, value


class Interrupted(KeyboardInterrupt):
    """SIGTERM (a CI timeout) stops a build like Ctrl-C does."""

    def __init__(self, signum=signal.SIGINT):
        super().__init__(signum)
        self.signum = signum


def _terminated(signum, _frame):
    raise Interrupted(signum)


def add_arguments(parser):
    """The options of ``truongweb build`` (and ``python -m truongweb.build``)."""
    parser.add_argument("--publish", action="store_true", help="dùng cấu hình xuất bản (publishconf.py)")
    parser.add_argument("--output", default=None, help="thư mục kết quả (mặc định: output)")
    parser.add_argument("--content", default=None, help="thư mục nội dung (mặc định: content)")
    parser.add_argument("--cache", default=None, help="thư mục bộ nhớ đệm (mặc định: cache)")
    parser.add_argument("--set", action="append", type=_parse_assignment, default=[],
                        metavar="KHÓA=GIÁ_TRỊ", help="ghi đè một thiết lập (giá trị JSON)")
    parser.add_argument("--clean", action="store_true", help="xóa thư mục kết quả trước khi dựng")
    parser.add_argument("--debug", action="store_true", help="in chi tiết lỗi cho lập trình viên")
    parser.add_argument("--check", action="store_true",
                        help="sau khi dựng, kiểm tra tuân thủ như invoke check; có lỗi thì thoát với mã 1")


def main(argv=None):
    parser = argparse.ArgumentParser(
        prog="python -m truongweb.build", description="Dựng trang web của trường bằng Pelican."
    )
    add_arguments(parser)
    return run(parser.parse_args(argv))


def run(args):
    if args.debug:
        os.environ["SITE_DEBUG"] = "1"

    output = Path(args.output or site_root() / "output")
    started = time.perf_counter()
    try:
        signal.signal(signal.SIGTERM, _terminated)
    except ValueError:  # not the main thread: whoever runs it handles signals
        pass
    try:
        if args.clean:
            safe_remove_tree(output)
        report = build(output, content=args.content, publish=args.publish,
                       overrides=dict(args.set), cache=args.cache)
    except KeyboardInterrupt as interrupt:
        # build() has stopped the helper processes; their temporary folders are gone.
        with interruption.helpers_ignore_interrupts():
            print(INTERRUPTED, file=sys.stderr)
        return 128 + int(getattr(interrupt, "signum", signal.SIGINT))
    except (BuildFailed, UnsafePathError) as failure:
        if isinstance(failure, UnsafePathError):
            print(f"Lỗi: {failure}", file=sys.stderr)
        print("Dựng trang thất bại. Hãy sửa các lỗi ở trên rồi chạy lại.", file=sys.stderr)
        return 1
    seconds = time.perf_counter() - started
    note = f" ({len(report.warnings)} cảnh báo)" if report.warnings else ""
    print(f"Đã dựng xong trang web vào {output} sau {seconds:.1f} giây{note}.")
    if args.check:
        errors = check_built_site(output)
        if errors:
            print(f"Kiểm tra thất bại: {errors} lỗi (xem ở trên). Không được xuất bản bản dựng này.",
                  file=sys.stderr)
            return 1
        print("Kiểm tra đạt: trang đáp ứng mọi quy tắc bắt buộc, liên kết nội bộ đều hoạt động.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
