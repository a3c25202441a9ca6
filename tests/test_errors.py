"""Bad input: a Vietnamese message naming the file (and key or line), exit 1,
no traceback, no silent skip."""

import shutil

import pytest

from helpers import TEST_SITE, run_build_cli

BROKEN = {
    "yaml-syntax": (
        "---\ntitle: Bài lỗi\ndate: 2025-09-05 07:30\ncategory: [Thông báo\n---\nNội dung.\n",
        ["bai-loi.md (dòng 4)", "phần thông tin đầu bài (YAML) bị lỗi"],
    ),
    "unknown-category": (
        "---\ntitle: Bài lỗi\ndate: 2025-09-05T07:30:00+07:00\ncategory: Thong bao\n---\nNội dung.\n",
        ['bai-loi.md: khóa "category"', 'Có phải ý bạn là "Thông báo"?'],
    ),
    "missing-title": (
        "---\ndate: 2025-09-05T07:30:00+07:00\ncategory: Thông báo\n---\nNội dung.\n",
        ["bai-loi.md", 'thiếu khóa bắt buộc "title"'],
    ),
    "bad-date": (
        "---\ntitle: Bài lỗi\ndate: ngày mai\ncategory: Thông báo\n---\nNội dung.\n",
        ['bai-loi.md: khóa "date"', "không đúng dạng"],
    ),
    "bad-status": (
        "---\ntitle: Bài lỗi\ndate: 2025-09-05T07:30:00+07:00\ncategory: Thông báo\n"
        "status: nhap\n---\nNội dung.\n",
        ['bai-loi.md: khóa "status"', "published, draft hoặc hidden"],
    ),
}


@pytest.mark.parametrize("case", sorted(BROKEN))
def test_bad_front_matter_stops_the_build_in_vietnamese(tmp_path, case):
    text, expected = BROKEN[case]
    content = tmp_path / "content"
    shutil.copytree(TEST_SITE, content)
    (content / "articles" / "bai-loi.md").write_text(text, encoding="utf-8")
    result = run_build_cli("--content", content, "--output", tmp_path / "out",
                           "--cache", tmp_path / "cache")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr + result.stdout
    for fragment in expected:
        assert fragment in result.stderr
    assert "Dựng trang thất bại" in result.stderr


def test_good_site_builds_with_exit_zero(tmp_path):
    result = run_build_cli("--content", TEST_SITE, "--output", tmp_path / "out",
                           "--cache", tmp_path / "cache")
    assert result.returncode == 0, result.stderr
    assert "Đã dựng xong" in result.stdout
