"""The ``truongweb`` command: one program, run inside a site's folder.

Each subcommand is a module of :mod:`truongweb.commands` with ``HELP`` (one
Vietnamese line), ``add_arguments(parser)`` and ``run(args) -> int``; adding a
command is adding its module to :data:`COMMANDS`. Modules import what is
heavy inside ``run`` so that ``truongweb --help`` stays fast.
"""

import argparse
import importlib
import sys

from truongweb import __version__

# Order of the help listing: the everyday commands first.
COMMANDS = ["build"]


class _VietnameseParser(argparse.ArgumentParser):
    """argparse with its fixed English words in Vietnamese."""

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
                                ("expected one argument", "cần một giá trị"),
                                ("argument ", "tham số "), ("choose from", "chọn một trong")):
        message = message.replace(english, vietnamese)
    return message


def make_parser():
    parser = _VietnameseParser(
        prog="truongweb",
        description="Dựng, xem thử, kiểm tra và xuất bản trang web của trường. "
                    "Chạy lệnh trong thư mục của trang (nơi có pelicanconf.py và content/).")
    parser.add_argument("--version", action="version", version=f"truongweb {__version__}",
                        help="in phiên bản rồi thoát")
    sub = parser.add_subparsers(dest="command", metavar="LỆNH", title="Các lệnh",
                                parser_class=_VietnameseParser)
    for name in COMMANDS:
        module = importlib.import_module(f"truongweb.commands.{name.replace('-', '_')}")
        command = sub.add_parser(name, help=module.HELP, description=module.HELP)
        module.add_arguments(command)
        command.set_defaults(run=module.run)
    return parser


def main(argv=None):
    parser = make_parser()
    args = parser.parse_args(sys.argv[1:] if argv is None else argv)
    if not getattr(args, "run", None):
        parser.print_help()
        return 2
    return args.run(args)


if __name__ == "__main__":
    sys.exit(main())
