"""``truongweb init-many truong.csv OUTDIR``: one new site per school of a
district's list, each in OUTDIR/<code>/, ready to be its own repository."""

import sys
from pathlib import Path

HELP = ("Tạo trang web cho nhiều trường cùng lúc từ danh sách CSV "
        "(cột code,name,level,site và thông tin của trường), mỗi trường một thư mục.")


def add_arguments(parser):
    parser.add_argument("list", metavar="DANH_SACH.csv",
                        help="danh sách trường (UTF-8; cột code,name,level,site,parent,address,"
                             "phone,email,principal; không bắt buộc: parent_url,authority,authority_url)")
    parser.add_argument("outdir", metavar="THU_MUC", help="thư mục chứa các trang; mỗi trường một thư mục con theo mã (code)")
    parser.add_argument("--requirement", default=None, metavar="YÊU_CẦU",
                        help="dòng ghi vào requirements.txt của mỗi trang thay cho truongweb==<phiên bản>")
    parser.add_argument("--git", action="store_true",
                        help="tạo kho git với lần ghi đầu tiên trong thư mục của mỗi trường")


def run(args):
    from truongweb import scaffold
    from truongweb.plugins.vietnamese.messages import os_error_reason

    outdir = Path(args.outdir)
    try:
        schools = scaffold.schools_from_csv(args.list, outdir)
    except scaffold.ScaffoldError as error:
        for line in str(error).splitlines():
            print(f"Lỗi: {line}", file=sys.stderr)
        print("Chưa tạo trang nào. Hãy sửa danh sách rồi chạy lại.", file=sys.stderr)
        return 1
    failed = 0
    for school in schools:
        folder = outdir / school.code
        try:
            written = scaffold.create_site(folder, school.identity, requirement=args.requirement)
            problem = scaffold.git_init(folder) if args.git else None
        except scaffold.ScaffoldError as error:
            problem, written = str(error), []
        except OSError as error:
            problem, written = f"không ghi được vào {folder}: {os_error_reason(error, 'ghi')}", []
        if problem:
            failed += 1
            print(f"Lỗi: {school.where}: {problem}", file=sys.stderr)
            continue
        print(f"Đã tạo {folder} – {school.identity['name']} ({len(written)} tệp).")
    print(f"Xong: {len(schools) - failed}/{len(schools)} trang. Mỗi thư mục là một trang riêng: "
          "đưa lên một kho GitHub riêng cho từng trường (xem docs/huong-dan-tao-trang-hang-loat.md).")
    return 1 if failed else 0
