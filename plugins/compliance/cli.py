"""Re-check a built site from the command line (used by ``invoke check``).

``python -m compliance.cli OUTPUT [--no-links]`` (with ``plugins/`` on the
path) reads the manifest the build wrote into ``kiem-tra-tuan-thu/ket-qua.json``,
re-runs every rule on the files as they are now, runs the internal link
checker, prints a Vietnamese summary and returns 1 on any error.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from .engine import ComplianceError, Site, format_summary, format_todo, load_rules, run, summary
from .links import check_links

RESULTS_FILE = "kiem-tra-tuan-thu/ket-qua.json"


def load_manifest(output: Path) -> dict:
    path = Path(output) / RESULTS_FILE
    try:
        return json.loads(path.read_text(encoding="utf-8"))["manifest"]
    except (OSError, ValueError, KeyError):
        raise ComplianceError(
            f"Không đọc được {path}: hãy dựng trang với plugin compliance trước khi kiểm tra."
        ) from None


def check_output(output: Path, links: bool = True, rules_file: Path | None = None,
                 echo=print) -> int:
    """Check a built site; return the number of errors (0 = pass)."""
    output = Path(output)
    manifest = load_manifest(output)
    rules, _rows = load_rules(rules_file)
    results = run(rules, Site(output, manifest))
    echo(format_summary(results))
    todo = format_todo(results)
    if todo:
        echo(todo)
    errors = summary(results)[0]
    if links:
        broken = check_links(output, (manifest.get("site") or {}).get("url") or "",
                             tuple(manifest.get("exclude") or ()))
        if broken:
            echo(f"Kiểm tra liên kết: {len(broken)} lỗi (liên kết nội bộ hỏng hoặc tài nguyên http://).")
            for line in broken[:30]:
                echo(f"    • {line}")
            if len(broken) > 30:
                echo(f"    • … và {len(broken) - 30} lỗi khác")
            errors += len(broken)
        else:
            echo("Kiểm tra liên kết: mọi liên kết nội bộ đều hoạt động, không có tài nguyên http://.")
    return errors


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description="Kiểm tra tuân thủ một trang đã dựng.")
    parser.add_argument("output", help="thư mục trang đã dựng")
    parser.add_argument("--no-links", action="store_true", help="bỏ qua kiểm tra liên kết")
    parser.add_argument("--rules", help="tệp quy tắc khác rules.yml")
    args = parser.parse_args(argv)
    try:
        errors = check_output(Path(args.output), links=not args.no_links,
                              rules_file=Path(args.rules) if args.rules else None)
    except ComplianceError as error:
        print(f"Lỗi: {error}", file=sys.stderr)
        return 1
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
