"""``truongweb report``: the communication plans' results in the terminal
(the figures of evidence.json) and the official report of a period as PDF."""

HELP = "Báo cáo kết quả thực hiện kế hoạch truyền thông (số liệu như evidence.json; --pdf: in báo cáo)."
NEEDS_SITE = True


def add_arguments(parser):
    parser.add_argument("--plan", help="mã kế hoạch (mặc định: mọi kế hoạch)")
    parser.add_argument("--as-of", metavar="NGÀY",
                        help="tính số liệu đến ngày này, dạng 2026-11-30 (mặc định: hôm nay)")
    parser.add_argument("--period", metavar="KỲ",
                        help="kỳ: 2026-11 (tháng), 2026-Q4 (quý), hk1 (học kỳ thứ nhất trong tệp "
                             "kế hoạch), total (cả kế hoạch)")
    parser.add_argument("--strict", action="store_true",
                        help="thoát với mã 2 nếu có kỳ đã kết thúc mà chưa đạt chỉ tiêu (dùng trong CI)")
    parser.add_argument("--pdf", metavar="TỆP",
                        help="in báo cáo chính thức của kỳ đã chọn ra tệp PDF khổ A4 "
                             "(cần --plan khi có nhiều kế hoạch)")
    parser.add_argument("--content", help="thư mục nội dung (mặc định: content)")


def run(args):
    from truongweb.build import build
    from truongweb.commands import fail
    from truongweb.paths import site_root
    from truongweb.plugins.plan_evidence.report_cli import ReportError, run_report

    try:
        return run_report(build=build, plan=args.plan, as_of=args.as_of, period=args.period,
                          strict=args.strict, pdf=args.pdf, content=args.content,
                          cache=site_root() / "cache" / "report")
    except ReportError as error:
        return fail(str(error))
