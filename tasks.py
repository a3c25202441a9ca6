"""Tasks for the school site: `invoke --list` shows them with Vietnamese help.

Each task only forwards to the `truongweb` command (truongweb.cli), which
does the work and prints the messages; a task fails with the command's exit
status.
"""

from invoke import Exit, task

from truongweb.cli import main as truongweb


def _forward(*argv, **options):
    """Run `truongweb ARGV --option value ...`; options that are None or
    False are left out, True is a bare flag."""
    arguments = list(argv)
    for name, value in options.items():
        flag = "--" + name.replace("_", "-")
        if value is True:
            arguments.append(flag)
        elif value not in (None, False):
            arguments += [flag, str(value)]
    code = truongweb(arguments)
    if code:
        raise Exit(code=code)


@task(help={"publish": "dùng cấu hình xuất bản (không có bản nháp)"})
def build(c, publish=False):
    """Dựng trang web vào thư mục output/ (xem thử trên máy, có bản nháp)."""
    _forward("build", publish=publish)


@task(help={"port": "cổng (mặc định 8000)"})
def serve(c, port=8000):
    """Dựng trang, mở máy chủ xem thử; tự dựng lại và tải lại khi sửa nội dung."""
    _forward("serve", port=port)


@task(help={"port": "cổng (mặc định 8000)"})
def preview(c, port=8000):
    """Xem thử đúng bản sẽ xuất bản (không bản nháp, bài ẩn, bài hẹn giờ)."""
    _forward("preview", port=port)


@task(help={
    "push": "đẩy nhánh gh-pages lên GitHub (mặc định có; --no-push chỉ tạo nhánh)",
    "branch": "nhánh xuất bản (mặc định gh-pages)",
})
def publish(c, push=True, branch="gh-pages"):
    """Xuất bản lên GitHub Pages (nhánh gh-pages) bằng ghp-import, sau khi kiểm tra tuân thủ."""
    _forward("publish", no_push=not push, branch=branch)


@task
def check(c):
    """Kiểm tra tuân thủ: dựng bản xuất bản, đối chiếu quy định và kiểm tra liên kết."""
    _forward("check")


@task(help={"title": "tiêu đề bài viết, trong dấu nháy", "category": "chuyên mục",
            "author": "tác giả"})
def new(c, title, category=None, author=None):
    """Tạo bài viết mới: invoke new "Tiêu đề bài viết" (không ghi đè tệp có sẵn)."""
    _forward("new", title, category=category, author=author)


@task
def clean(c):
    """Xóa thư mục kết quả và bộ nhớ đệm (không đụng tới content/)."""
    _forward("clean")


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
    _forward("report", plan=plan, as_of=as_of, period=period, strict=strict, pdf=pdf,
             content=content)
