"""The ``truongweb`` command: one program, run inside a site's folder.

Each subcommand is a module of :mod:`truongweb.commands` with ``HELP`` (one
Vietnamese line), ``add_arguments(parser)`` and ``run(args) -> int``; adding a
command is adding its module to :data:`COMMANDS`. A module that works on a
site (reads ``pelicanconf.py`` or ``content/`` in the current folder) sets
``NEEDS_SITE = True``, and the command refuses, in Vietnamese, a folder that
is not a site. Modules import what is heavy inside ``run`` so that
``truongweb --help`` stays fast.
"""

import argparse
import importlib
import keyword
import os
import sys

from truongweb import __version__

# Order of the help listing: creating a site, then the everyday commands.
COMMANDS = [
    "init",
    "init-many",
    "build",
    "serve",
    "preview",
    "new",
    "check",
    "publish",
    "report",
    "clean",
    "import",
    "plan",
    "rollup",
]

INTERRUPTED = "Đã dừng theo yêu cầu."


class VietnameseParser(argparse.ArgumentParser):
    """argparse with its fixed English words in Vietnamese; a bad argument is
    ``Lỗi: ...`` and exit status 2, as everywhere in ``truongweb``."""

    def format_help(self):
        text = super().format_help()
        for english, vietnamese in (("usage:", "Cách dùng:"), ("options:", "Tùy chọn:"),
                                    ("positional arguments:", "Tham số:"),
                                    ("show this help message and exit", "in hướng dẫn này rồi thoát")):
            text = text.replace(english, vietnamese)
        return text

    def format_usage(self):
        return super().format_usage().replace("usage:", "Cách dùng:")

    def error(self, message):
        self.print_usage(sys.stderr)
        self.exit(2, f"Lỗi: {_vietnamese_argparse_error(message)}\n")


def _vietnamese_argparse_error(message):
    for english, vietnamese in (("the following arguments are required:", "thiếu tham số bắt buộc:"),
                                ("unrecognized arguments:", "không hiểu tham số:"),
                                ("invalid choice:", "lựa chọn không hợp lệ:"),
                                ("invalid int value:", "không phải số nguyên:"),
                                ("invalid float value:", "không phải số:"),
                                ("expected one argument", "cần một giá trị"),
                                ("ignored explicit argument", "không nhận giá trị"),
                                ("ambiguous option:", "tùy chọn không rõ:"),
                                ("could match", "có thể là"),
                                ("not allowed with argument", "không dùng chung được với"),
                                ("argument ", "tham số "), ("choose from", "chọn một trong")):
        message = message.replace(english, vietnamese)
    return message


def module_name(command):
    """``init-many`` → ``init_many``; a Python keyword gets a trailing ``_``
    (``import`` → ``import_``)."""
    name = command.replace("-", "_")
    return name + "_" if keyword.iskeyword(name) else name


def load_command(command):
    return importlib.import_module(f"truongweb.commands.{module_name(command)}")


def make_parser():
    parser = VietnameseParser(
        prog="truongweb",
        description="Dựng, xem thử, kiểm tra và xuất bản trang web của trường. "
                    "Chạy lệnh trong thư mục của trang (nơi có pelicanconf.py và content/).")
    parser.add_argument("--version", action="version", version=f"truongweb {__version__}",
                        help="in phiên bản rồi thoát")
    sub = parser.add_subparsers(dest="command", metavar="LỆNH", title="Các lệnh",
                                parser_class=VietnameseParser)
    for name in COMMANDS:
        module = load_command(name)
        command = sub.add_parser(name, help=module.HELP, description=module.HELP)
        module.add_arguments(command)
        command.set_defaults(run=module.run, needs_site=getattr(module, "NEEDS_SITE", False))
    return parser


def main(argv=None):
    parser = make_parser()
    args = parser.parse_args(sys.argv[1:] if argv is None else [str(a) for a in argv])
    if not getattr(args, "run", None):
        parser.print_help(sys.stderr)
        print("\nLỗi: thiếu lệnh; chọn một lệnh trong danh sách trên.", file=sys.stderr)
        return 2
    if args.needs_site:
        from truongweb.commands import not_a_site

        problem = not_a_site()
        if problem:
            print(f"Lỗi: {problem}", file=sys.stderr)
            return 1
    try:
        return args.run(args)
    except KeyboardInterrupt:
        print(INTERRUPTED, file=sys.stderr)
        return 130
    except Exception as error:  # noqa: BLE001 - the last net: a message, never a traceback
        if os.environ.get("SITE_DEBUG"):
            raise
        print(f"Lỗi: lệnh “truongweb {args.command}” gặp sự cố không lường trước "
              f"({type(error).__name__}: {error}). Chạy lại với biến môi trường SITE_DEBUG=1 "
              "để xem chi tiết cho lập trình viên.", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
