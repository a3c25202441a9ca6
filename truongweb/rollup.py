"""The district roll-up (district-rollup spec): ``python -m truongweb.rollup
truong.yml --output DIR [--as-of DATE]`` (later ``truongweb rollup``).

Reads the schools list, fetches every school (:mod:`truongweb.rollup_fetch`),
merges with ``DIR/tong-hop.json`` of the previous run (last good figures) and
writes ``tong-hop.json`` and ``tong-hop.csv`` into ``DIR``. Exit status 0 when
the roll-up ran (whatever the schools answered), 1 on bad input.
"""

from __future__ import annotations

import argparse
import datetime
import os
import sys
import time
from pathlib import Path
from zoneinfo import ZoneInfo


from truongweb.plugins.district_rollup.merge import STATES, RollupError, merge, read_previous, to_csv, to_json
from truongweb.plugins.district_rollup.schools import SchoolListError, load_school_list
from truongweb.plugins.plan_evidence.plans import PlanError, load_plan

__all__ = ["RollupFailed", "main", "run_rollup"]


class RollupFailed(ValueError):
    """Bad options; ``str()`` is Vietnamese."""


def _as_of(text: str | None) -> datetime.date:
    if not text:
        return datetime.datetime.now(ZoneInfo("Asia/Ho_Chi_Minh")).date()
    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        raise RollupFailed(f"--as-of '{text}' không phải ngày hợp lệ; viết NĂM-THÁNG-NGÀY, ví dụ 2024-10-15.") from None


def _write(path: Path, text: str) -> None:
    # Write then rename: a crash mid-way never leaves a half file that would
    # lose the last good figures next time.
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(text, encoding="utf-8", newline="")
    os.replace(tmp, path)


def run_rollup(school_list, output, as_of=None, plan=None, district=None, limits=None, dashboard=True) -> dict:
    """Run the whole roll-up; return the ``tong-hop.json`` document."""
    from .rollup_fetch import fetch_all

    day = as_of if isinstance(as_of, datetime.date) else _as_of(as_of)
    schools = load_school_list(school_list, plan=plan, district=district)
    plan_obj = load_plan(schools.plan_file) if schools.plan_file else None
    if plan_obj is not None and plan_obj.id != schools.plan:
        raise RollupFailed(f"{schools.source}: 'plan_file' là kế hoạch '{plan_obj.id}', không phải '{schools.plan}'.")
    out = Path(output)
    out.mkdir(parents=True, exist_ok=True)
    previous_path = out / "tong-hop.json"
    previous_text = previous_path.read_text(encoding="utf-8") if previous_path.is_file() else None
    previous = read_previous(previous_text, str(previous_path), schools.plan)
    outcomes = fetch_all(schools.schools, schools.plan, limits, key=day.isoformat())
    doc = merge(schools, outcomes, day, previous, plan_obj)
    _write(out / "tong-hop.json", to_json(doc))
    _write(out / "tong-hop.csv", to_csv(doc))
    if dashboard:
        try:
            from truongweb.plugins.district_rollup import dashboard as pages
        except ImportError:
            pages = None
        if pages is not None:
            pages.write_dashboard(doc, out, schools.office)
    return doc


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m truongweb.rollup",
        description="Tổng hợp minh chứng thực hiện kế hoạch truyền thông của các trường trong danh sách.",
    )
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
    args = parser.parse_args(argv)
    from .rollup_fetch import Limits

    if args.concurrency < 1 or args.timeout <= 0:
        print("Lỗi: --concurrency và --timeout phải là số dương.", file=sys.stderr)
        return 1
    started = time.monotonic()
    try:
        doc = run_rollup(args.list, args.output, args.as_of, args.plan, args.district,
                         Limits(concurrency=args.concurrency, school_seconds=args.timeout))
    except (RollupFailed, SchoolListError, RollupError, PlanError, OSError) as error:
        text = str(error) if not isinstance(error, OSError) else f"{error.filename}: {error.strerror}"
        print(f"Lỗi: {text}", file=sys.stderr)
        return 1
    states = doc["summary"]["states"]
    print(f"Đã tổng hợp {len(doc['schools'])} trường trong {time.monotonic() - started:.1f} giây: "
          + ", ".join(f"{STATES[s].lower()} {n}" for s, n in states.items() if n) + ".")
    for s in doc["schools"]:
        if s["state"] != "ok":
            kept = f" (giữ số liệu ngày {s['last_ok']})" if s["stale"] else ""
            print(f"- {s['name']}: {s['reason']}{kept}")
        elif s["verified"]["ok"] < s["verified"]["checked"]:
            print(f"- {s['name']}: {s['verified']['checked'] - s['verified']['ok']} bài minh chứng không khớp trang web.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
