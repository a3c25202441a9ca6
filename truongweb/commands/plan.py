"""``truongweb plan adopt FILE_OR_URL``: a school takes the district's plan
file into ``content/plans/`` unchanged (:func:`truongweb.plan_adopt.adopt_plan`)."""

HELP = "Kế hoạch truyền thông: “truongweb plan adopt TỆP” nhận tệp kế hoạch của Phòng GD&ĐT."
NEEDS_SITE = True


def add_arguments(parser):
    actions = parser.add_subparsers(dest="action", metavar="VIỆC", title="Các việc", required=True)
    adopt = actions.add_parser(
        "adopt", help="nhận tệp kế hoạch của Phòng GD&ĐT vào content/plans/ (giữ nguyên mã kế hoạch "
                      "và mã nội dung)",
        description="Nhận tệp kế hoạch của Phòng GD&ĐT vào content/plans/ (giữ nguyên mã kế hoạch "
                    "và mã nội dung, để Phòng tổng hợp được).")
    adopt.add_argument("source", metavar="TỆP_HOẶC_ĐỊA_CHỈ", help="tệp kế hoạch .yml hoặc địa chỉ http(s) của nó")
    adopt.add_argument("--content", default="content", metavar="THƯ_MỤC",
                       help="thư mục nội dung (mặc định content)")
    adopt.add_argument("--force", action="store_true", help="thay tệp kế hoạch đã có cùng mã")


def run(args):
    from truongweb.commands import fail
    from truongweb.plan_adopt import AdoptError, adopt_plan
    from truongweb.plugins.plan_evidence.plans import PlanError

    try:
        path = adopt_plan(args.source, args.content, args.force)
    except (AdoptError, PlanError) as error:
        return fail(str(error))
    print(f"Đã nhận kế hoạch vào {path}.")
    return 0
