"""Tasks for the school site: `invoke --list` shows them with Vietnamese help."""

import subprocess
import sys
import tempfile
from pathlib import Path

from invoke import Exit, task

ROOT = Path(__file__).resolve().parent
OUTPUT = ROOT / "output"
PREVIEW_OUTPUT = ROOT / "output-preview"
CACHE = ROOT / "cache"
CONTENT = ROOT / "content"

from truongweb.build import BuildFailed, build as run_build
from truongweb.paths import safe_remove_tree


def _build_or_exit(output, **kwargs):
    try:
        run_build(output, **kwargs)
    except BuildFailed:
        raise Exit("Dựng trang thất bại. Hãy sửa các lỗi ở trên rồi chạy lại.", code=1)


@task(help={"publish": "dùng cấu hình xuất bản (không có bản nháp)"})
def build(c, publish=False):
    """Dựng trang web vào thư mục output/ (xem thử trên máy, có bản nháp)."""
    _build_or_exit(OUTPUT, publish=publish)
    print(f"Đã dựng xong vào {OUTPUT}.")


@task(help={"port": "cổng (mặc định 8000)"})
def serve(c, port=8000):
    """Dựng trang, mở máy chủ xem thử; tự dựng lại và tải lại khi sửa nội dung."""
    from truongweb.serve import serve as run_server

    _build_or_exit(OUTPUT)
    run_server(OUTPUT, port=int(port), rebuild=True, build_kwargs={})


@task(help={"port": "cổng (mặc định 8000)"})
def preview(c, port=8000):
    """Xem thử đúng bản sẽ xuất bản (không bản nháp, bài ẩn, bài hẹn giờ)."""
    from truongweb.serve import serve as run_server

    safe_remove_tree(PREVIEW_OUTPUT)
    _build_or_exit(PREVIEW_OUTPUT, publish=True, overrides={"SITEURL": "", "FEED_DOMAIN": ""})
    run_server(PREVIEW_OUTPUT, port=int(port))


def _uncommitted_content():
    result = subprocess.run(
        ["git", "status", "--porcelain", "--", str(CONTENT)],
        cwd=ROOT, capture_output=True, text=True,
    )
    if result.returncode != 0:
        raise Exit("Không đọc được trạng thái git. Thư mục này có phải kho git không?", code=1)
    return result.stdout.strip()


@task(help={
    "push": "đẩy nhánh gh-pages lên GitHub (mặc định có; --no-push chỉ tạo nhánh)",
    "branch": "nhánh xuất bản (mặc định gh-pages)",
})
def publish(c, push=True, branch="gh-pages"):
    """Xuất bản lên GitHub Pages (nhánh gh-pages) bằng ghp-import, sau khi kiểm tra tuân thủ."""
    pending = _uncommitted_content()
    if pending:
        raise Exit(
            "Từ chối xuất bản: thư mục content/ còn thay đổi chưa commit:\n"
            f"{pending}\nHãy commit (hoặc bỏ) các thay đổi rồi xuất bản lại.",
            code=1,
        )
    with tempfile.TemporaryDirectory(prefix="xuat-ban-") as folder:
        try:
            run_build(Path(folder) / "site", publish=True)
        except BuildFailed:
            raise Exit("Từ chối xuất bản: dựng trang thất bại (xem lỗi ở trên).", code=1)
        site = Path(folder) / "site"
        if _compliance_errors(site):
            raise Exit("Từ chối xuất bản: trang chưa đạt kiểm tra tuân thủ (xem lỗi ở trên).",
                       code=1)
        (site / ".nojekyll").touch()
        command = [sys.executable, "-m", "ghp_import", "-n", "-f", "-b", branch,
                   "-m", "Xuất bản trang web", str(site)]
        if push:
            command.insert(3, "-p")
        subprocess.run(command, cwd=ROOT, check=True)
    print(f"Đã xuất bản lên nhánh {branch}{' và đẩy lên máy chủ' if push else ''}.")


def _compliance_errors(site):
    from truongweb.build import check_built_site

    return check_built_site(site)


@task
def check(c):
    """Kiểm tra tuân thủ: dựng bản xuất bản, đối chiếu quy định và kiểm tra liên kết."""
    with tempfile.TemporaryDirectory(prefix="kiem-tra-") as folder:
        site = Path(folder) / "site"
        try:
            run_build(site, publish=True)
        except BuildFailed:
            raise Exit("Kiểm tra thất bại: dựng trang thất bại (xem lỗi ở trên).", code=1)
        errors = _compliance_errors(site)
    if errors:
        raise Exit(f"Kiểm tra thất bại: {errors} lỗi (xem ở trên).", code=1)
    print("Kiểm tra đạt: trang đáp ứng mọi quy tắc bắt buộc, liên kết nội bộ đều hoạt động.")


@task(help={"title": "tiêu đề bài viết, trong dấu nháy", "category": "chuyên mục",
            "author": "tác giả"})
def new(c, title, category="Tin tức – Sự kiện", author=""):
    """Tạo bài viết mới: invoke new "Tiêu đề bài viết" (không ghi đè tệp có sẵn)."""
    from truongweb.new_article import ArticleExistsError, create_article

    try:
        path = create_article(title, CONTENT, category=category, author=author)
    except (ArticleExistsError, ValueError) as error:
        raise Exit(f"Lỗi: {error}", code=1)
    print(f"Đã tạo {path.relative_to(ROOT)}. Mở tệp để viết bài; bài đang là bản nháp.")


@task
def clean(c):
    """Xóa thư mục kết quả và bộ nhớ đệm (không đụng tới content/)."""
    for folder in (OUTPUT, PREVIEW_OUTPUT, CACHE):
        safe_remove_tree(folder)
    print("Đã xóa output/, output-preview/ và cache/.")


@task(help={
    "plan": "mã kế hoạch (mặc định: mọi kế hoạch)",
    "as_of": "tính số liệu đến ngày này, dạng 2026-11-30 (mặc định: hôm nay)",
    "period": "kỳ: 2026-11 (tháng), 2026-Q4 (quý), hk1 (học kỳ thứ nhất trong tệp kế hoạch), total (cả kế hoạch)",
    "strict": "thoát với mã 2 nếu có kỳ đã kết thúc mà chưa đạt chỉ tiêu (dùng trong CI)",
    "pdf": "in báo cáo chính thức của kỳ đã chọn ra tệp PDF khổ A4 (cần --plan khi có nhiều kế hoạch)",
    "content": "thư mục nội dung (mặc định content/)",
})
def report(c, plan=None, as_of=None, period=None, strict=False, pdf=None, content=None):
    """Báo cáo kết quả thực hiện kế hoạch truyền thông (số liệu như evidence.json)."""
    from truongweb.plugins.plan_evidence.report_cli import ReportError, run_report

    try:
        code = run_report(build=run_build, plan=plan, as_of=as_of, period=period, strict=strict,
                          pdf=pdf, content=content, cache=CACHE / "report")
    except ReportError as error:
        raise Exit(f"Lỗi: {error}", code=1)
    if code:
        raise Exit(code=code)
