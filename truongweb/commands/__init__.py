"""The subcommands of ``truongweb`` (see :mod:`truongweb.cli`), and what
several of them share: the site check, Vietnamese failures, build options."""

import argparse
import sys

from truongweb.paths import site_root


def fail(message, code=1):
    """Print ``Lỗi: message`` and return the exit status ``code``."""
    print(f"Lỗi: {message}", file=sys.stderr)
    return code


def not_a_site():
    """Why the current folder is not a site (Vietnamese), or ``None``."""
    root = site_root()
    if not (root / "pelicanconf.py").is_file():
        return (f"thư mục {root} không phải thư mục của một trang web (không có tệp pelicanconf.py). "
                "Hãy chuyển vào thư mục của trang rồi chạy lại lệnh, hoặc tạo trang mới bằng "
                "“truongweb init TÊN_THƯ_MỤC”.")
    return None


def build_options(**values):
    """The options of ``truongweb build`` with their defaults, changed by
    ``values``: other commands build through the same :func:`truongweb.build.run`
    (its messages, Ctrl-C and SIGTERM handling)."""
    from truongweb.build import add_arguments

    parser = argparse.ArgumentParser(add_help=False)
    add_arguments(parser)
    options = parser.parse_args([])
    vars(options).update(values)
    return options


def port_number(text):
    """argparse type for a TCP port."""
    try:
        port = int(text)
    except ValueError:
        port = 0
    if not 1 <= port <= 65535:
        raise argparse.ArgumentTypeError(f"cổng “{text}” không hợp lệ; dùng một số từ 1 đến 65535, ví dụ 8000")
    return port
