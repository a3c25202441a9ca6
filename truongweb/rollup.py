"""The district roll-up (district-rollup spec): ``python -m truongweb.rollup
truong.yml --output DIR [--as-of DATE]`` = ``truongweb rollup``
(:mod:`truongweb.commands.rollup`).

Reads the schools list, fetches every school (:mod:`truongweb.rollup_fetch`),
merges with ``DIR/tong-hop.json`` of the previous run (last good figures) and
writes ``tong-hop.json`` and ``tong-hop.csv`` into ``DIR``. Exit status 0 when
the roll-up ran (whatever the schools answered), 1 on bad input.
"""

from __future__ import annotations

import datetime
import os
import sys
from pathlib import Path
from zoneinfo import ZoneInfo


from truongweb.plugins.district_rollup.merge import merge, read_previous, to_csv, to_json
from truongweb.plugins.district_rollup.schools import load_school_list
from truongweb.plugins.plan_evidence.plans import load_plan

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
            pages.write_dashboard(doc, out)
    return doc


def main(argv=None) -> int:
    """``python -m truongweb.rollup`` is ``truongweb rollup`` (:mod:`truongweb.commands`)."""
    from truongweb.cli import main as truongweb

    return truongweb(['rollup', *(sys.argv[1:] if argv is None else argv)])


if __name__ == "__main__":
    sys.exit(main())
