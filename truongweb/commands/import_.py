"""``truongweb import nukeviet|wordpress|feed SOURCE``: bring a school's old
site into ``content/`` (:func:`truongweb.import_site.run`)."""

from pathlib import Path

HELP = "Nhập bài viết, trang và ảnh từ trang web cũ của trường (NukeViet 4, WordPress, RSS/Atom)."
NEEDS_SITE = True


def add_arguments(parser):
    parser.add_argument("kind", choices=["nukeviet", "wordpress", "feed"], metavar="LOẠI",
                        help="nukeviet (tệp .sql sao lưu), wordpress (tệp .xml xuất từ WordPress) "
                             "hoặc feed (RSS/Atom)")
    parser.add_argument("source", metavar="NGUỒN", help="tệp dữ liệu (hoặc địa chỉ nguồn tin với feed)")
    parser.add_argument("--files", type=Path,
                        help="thư mục tải lên của trang cũ (uploads/ hoặc wp-content/uploads/)")
    parser.add_argument("--old-url", default="", help="địa chỉ trang cũ, ví dụ https://thcs-abc.edu.vn")
    parser.add_argument("--content", type=Path, default=Path("content"),
                        help="thư mục nội dung (mặc định: content)")
    parser.add_argument("--categories", type=Path, help="tệp YAML ánh xạ chuyên mục cũ → chuyên mục mới")
    parser.add_argument("--report-dir", type=Path,
                        help="thư mục ghi báo cáo (mặc định: nhap-du-lieu/ cạnh content)")


def run(args):
    from truongweb.commands import fail
    from truongweb.import_site import run as run_import
    from truongweb.importing.model import ImportSourceError

    try:
        run_import(args.kind, args.source, args.content, args.files, args.old_url, args.categories,
                   args.report_dir)
    except (ImportSourceError, ValueError) as error:
        return fail(str(error))
    return 0
