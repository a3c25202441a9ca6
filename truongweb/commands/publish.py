"""``truongweb publish``: put the site on GitHub Pages (the gh-pages branch,
with ghp-import) — only committed content, only a build that passes the
publishing gate (:func:`truongweb.build.check_built_site`)."""

import subprocess
import sys
import tempfile
from pathlib import Path

from truongweb.commands import fail

HELP = "Xuất bản lên GitHub Pages (nhánh gh-pages) bằng ghp-import, sau khi kiểm tra tuân thủ."
NEEDS_SITE = True
REFUSED = "Từ chối xuất bản"


def add_arguments(parser):
    parser.add_argument("--no-push", dest="push", action="store_false",
                        help="chỉ tạo nhánh xuất bản trên máy, không đẩy lên máy chủ")
    parser.add_argument("--branch", default="gh-pages", help="nhánh xuất bản (mặc định gh-pages)")
    parser.add_argument("--remote", default="origin",
                        help="kho ở xa để đẩy nhánh lên (mặc định origin)")


class GitProblem(Exception):
    """``str()`` is the Vietnamese message."""


def _git(*arguments, cwd):
    try:
        return subprocess.run(["git", *arguments], cwd=cwd, capture_output=True, text=True,
                              encoding="utf-8")
    except FileNotFoundError:
        raise GitProblem("chưa cài git; hãy cài git rồi chạy lại.") from None


def uncommitted_content(site):
    """``git status`` lines of ``content/`` not yet committed ('' when clean)."""
    result = _git("status", "--porcelain", "--", "content", cwd=site)
    if result.returncode != 0:
        raise GitProblem(f"không đọc được trạng thái git của {site}. Thư mục này có phải kho git không? "
                         "(tạo bằng “git init”, rồi commit nội dung)")
    return result.stdout.strip()


def run(args):
    from truongweb.build import BuildFailed, build, check_built_site
    from truongweb.paths import site_root

    site = site_root()
    try:
        pending = uncommitted_content(site)
        if pending:
            return fail(f"{REFUSED}: thư mục content/ còn thay đổi chưa commit:\n{pending}\n"
                        "Hãy commit (hoặc bỏ) các thay đổi rồi xuất bản lại.")
        if args.push and _git("remote", "get-url", args.remote, cwd=site).returncode != 0:
            return fail(f"{REFUSED}: kho git chưa có kho ở xa “{args.remote}”. Thêm bằng "
                        f"“git remote add {args.remote} ĐỊA_CHỈ_KHO”, hoặc dùng --no-push.")
    except GitProblem as error:
        return fail(f"{REFUSED}: {error}")
    with tempfile.TemporaryDirectory(prefix="xuat-ban-") as folder:
        output = Path(folder) / "site"
        try:
            build(output, publish=True)
        except BuildFailed:
            return fail(f"{REFUSED}: dựng trang thất bại (xem lỗi ở trên).")
        if check_built_site(output):
            return fail(f"{REFUSED}: trang chưa đạt kiểm tra tuân thủ (xem lỗi ở trên).")
        (output / ".nojekyll").touch()
        command = [sys.executable, "-m", "ghp_import", "-n", "-f", "-b", args.branch,
                   "-r", args.remote, "-m", "Xuất bản trang web", str(output)]
        if args.push:
            command.insert(3, "-p")
        result = subprocess.run(command, cwd=site, capture_output=True, text=True, encoding="utf-8")
    if result.returncode != 0:
        detail = (result.stderr or result.stdout).strip().splitlines()
        return fail(f"ghp-import không ghi được nhánh {args.branch}"
                    f"{f' hoặc không đẩy được lên {args.remote}' if args.push else ''}: "
                    f"{detail[-1] if detail else 'không rõ lý do'}")
    where = f" và đẩy lên {args.remote}" if args.push else ""
    print(f"Đã xuất bản lên nhánh {args.branch}{where}.")
    return 0
