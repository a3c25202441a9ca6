"""``truongweb rollup truong.yml --output DIR``: the district's roll-up of
every school's evidence (:func:`truongweb.rollup.run_rollup`). Run in the
district's folder, which need not be a site."""

HELP = "Tổng hợp minh chứng kế hoạch truyền thông của các trường (dành cho Phòng GD&ĐT)."


def add_arguments(parser):
    parser.add_argument("list", metavar="DANH_SACH", help="tệp danh sách trường (truong.yml hoặc .csv)")
    parser.add_argument("--output", "-o", required=True, metavar="THƯ_MỤC",
                        help="thư mục ghi tong-hop.json, tong-hop.csv và trang tổng hợp")
    parser.add_argument("--as-of", metavar="NGÀY", help="ngày tổng hợp (NĂM-THÁNG-NGÀY); mặc định hôm nay")
    parser.add_argument("--plan", metavar="MÃ", help="mã kế hoạch (bắt buộc với tệp CSV)")
    parser.add_argument("--district", metavar="TÊN", help="tên Phòng GD&ĐT (cho tệp CSV)")
    parser.add_argument("--concurrency", type=int, default=50, metavar="SỐ",
                        help="số trường tải cùng lúc (mặc định 50)")
    parser.add_argument("--timeout", type=float, default=30.0, metavar="GIÂY",
                        help="thời gian tối đa cho mỗi trường (mặc định 30 giây)")


def run(args):
    import time

    from truongweb.commands import fail
    from truongweb.plugins.district_rollup.merge import STATES, RollupError
    from truongweb.plugins.district_rollup.schools import SchoolListError
    from truongweb.plugins.plan_evidence.plans import PlanError
    from truongweb.rollup import RollupFailed, run_rollup
    from truongweb.rollup_fetch import Limits
    from truongweb.plugins.vietnamese.messages import display_path, os_error_reason

    if args.concurrency < 1 or args.timeout <= 0:
        return fail("--concurrency và --timeout phải là số dương.")
    started = time.monotonic()
    try:
        doc = run_rollup(args.list, args.output, args.as_of, args.plan, args.district,
                         Limits(concurrency=args.concurrency, school_seconds=args.timeout))
    except (RollupFailed, SchoolListError, RollupError, PlanError, OSError) as error:
        if isinstance(error, OSError):
            where = f" {display_path(error.filename)}" if error.filename else ""
            return fail(f"không đọc hoặc ghi được{where} ({os_error_reason(error, 'đọc hoặc ghi')}).")
        return fail(str(error))
    states = doc["summary"]["states"]
    print(f"Đã tổng hợp {len(doc['schools'])} trường trong {time.monotonic() - started:.1f} giây: "
          + ", ".join(f"{STATES[s].lower()} {n}" for s, n in states.items() if n) + ".")
    for school in doc["schools"]:
        if school["state"] != "ok":
            kept = f" (giữ số liệu ngày {school['last_ok']})" if school["stale"] else ""
            print(f"- {school['name']}: {school['reason']}{kept}")
        elif school["verified"]["ok"] < school["verified"]["checked"]:
            print(f"- {school['name']}: {school['verified']['checked'] - school['verified']['ok']} "
                  "bài minh chứng không khớp trang web.")
    return 0
