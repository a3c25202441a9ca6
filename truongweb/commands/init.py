"""``truongweb init DIR``: create a new school's site (see :mod:`truongweb.scaffold`)."""

import sys
from pathlib import Path

HELP = "Tạo trang web mới cho một trường trong thư mục DIR (hỏi thông tin của trường nếu thiếu tham số)."


def add_arguments(parser):
    from truongweb import scaffold

    parser.add_argument("folder", metavar="DIR", help="thư mục của trang mới (chưa có hoặc trống)")
    for spec in scaffold.FIELDS:
        extra = f"; một trong: {', '.join(scaffold.LEVELS)}" if spec.key == "level" else ""
        example = f" (ví dụ: {spec.example})" if spec.example else ""
        optional = " — không bắt buộc" if not spec.required else ""
        parser.add_argument(spec.flag, dest=spec.key, default=None, metavar=spec.metavar,
                            help=f"{spec.prompt}{example}{extra}{optional}")
    parser.add_argument("--requirement", default=None, metavar="YÊU_CẦU",
                        help="dòng ghi vào requirements.txt thay cho truongweb==<phiên bản> "
                             "(ví dụ địa chỉ git hoặc đường dẫn tệp .whl)")
    parser.add_argument("--git", action="store_true", help="tạo kho git với lần ghi đầu tiên")


def ask(spec, stream_in=None, stream_out=None):
    """Ask for one identity value until it is valid (empty: optional ones stay empty)."""
    from truongweb import scaffold

    stream_in = stream_in or sys.stdin
    stream_out = stream_out or sys.stdout
    if spec.key == "level":
        print("Cấp học / loại đơn vị:\n" + scaffold.level_choices(), file=stream_out)
    while True:
        hint = f" (ví dụ: {spec.example})" if spec.example else ""
        hint += " [bỏ trống nếu chưa có]" if not spec.required else ""
        print(f"{spec.prompt}{hint}: ", end="", file=stream_out, flush=True)
        line = stream_in.readline()
        if not line:
            raise EOFError
        answer = line.strip()
        if spec.key == "level":
            answer = scaffold.parse_level(answer)
        problem = scaffold.check_value(spec.key, answer)
        if problem is None:
            return answer
        print(f"  {problem}", file=stream_out)


def run(args):
    from truongweb import scaffold
    from truongweb.plugins.vietnamese.messages import os_error_reason

    identity = {spec.key: getattr(args, spec.key) for spec in scaffold.FIELDS}
    # The optional values are asked only in a session that asks anyway: with
    # every required flag given, init never waits for an answer.
    missing = [spec for spec in scaffold.FIELDS if identity[spec.key] is None]
    if not any(spec.required for spec in missing):
        missing = []
    if missing and sys.stdin.isatty():
        print("Nhập thông tin của trường (Ctrl+C để hủy).")
        try:
            for spec in missing:
                identity[spec.key] = ask(spec)
        except (EOFError, KeyboardInterrupt):
            print("\nĐã hủy, chưa tạo tệp nào.", file=sys.stderr)
            return 1
    folder = Path(args.folder)
    try:
        written = scaffold.create_site(folder, {k: v or "" for k, v in identity.items()},
                                       requirement=args.requirement)
    except scaffold.ScaffoldError as error:
        for line in str(error).splitlines():
            print(f"Lỗi: {line}", file=sys.stderr)
        if missing and not sys.stdin.isatty():
            print("Hãy ghi đủ các tham số (xem truongweb init --help) hoặc chạy lệnh trong cửa sổ "
                  "dòng lệnh để trả lời câu hỏi.", file=sys.stderr)
        return 1
    except OSError as error:
        print(f"Lỗi: không ghi được vào {folder}: {os_error_reason(error, 'ghi')}.", file=sys.stderr)
        return 1
    print(f"Đã tạo trang web của {identity['name']} trong {folder} ({len(written)} tệp).")
    if args.git:
        problem = scaffold.git_init(folder)
        if problem:
            print(f"Lỗi: không tạo được kho git: {problem}", file=sys.stderr)
            return 1
        print("Đã tạo kho git (nhánh main) với lần ghi đầu tiên.")
    print(f"Tiếp theo: cd {folder} && truongweb build — phần “Việc nhà trường cần làm” "
          "liệt kê những gì còn phải điền trước khi xuất bản.")
    return 0
