"""Every plan and tagging mistake stops `python -m truongweb.build` with a
Vietnamese message naming the file and key, exit 1, no traceback."""

import shutil
from pathlib import Path

import pytest

from helpers import run_build_cli

DATA = Path(__file__).parent / "data" / "basic"
PLAN = "plans/kh-2024.yml"


def edit(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


CASES = {
    "missing-key": (PLAN, "title: Kế hoạch truyền thông về Giáo dục và Đào tạo năm 2024\n", "",
                    ["kh-2024.yml: khóa 'title' bị thiếu"]),
    "unknown-key": (PLAN, "quota: {per_quarter: 1}", "quota: {per_week: 1}",
                    ["kh-2024.yml: khóa 'topics[0].quota.per_week' không hợp lệ"]),
    "bad-date": (PLAN, "start: 2024-01-01", "start: 2024-01-32", ["kh-2024.yml: khóa 'start'", "không phải ngày hợp lệ"]),
    "end-before-start": (PLAN, "end: 2024-12-31", "end: 2023-12-31", ["kh-2024.yml: khóa 'end'", "trước ngày bắt đầu"]),
    "duplicate-topic": (PLAN, "code: an-toan-truong-hoc", "code: gdpt-2018",
                        ["kh-2024.yml: khóa 'topics[1].code'", "bị trùng"]),
    "duplicate-unit": (PLAN, "code: doan-doi", "code: to-ngu-van", ["kh-2024.yml: khóa 'units[1].code'", "bị trùng"]),
    "per-semester-without-semesters": (
        "plans/nam-hoc.yaml", "quota: {per_month: 1}", "quota: {per_semester: 1}",
        ["nam-hoc.yaml: khóa 'quota.per_semester'", "semesters"]),
    "quarter-outside": (PLAN, "quarters: [1, 2, 3]", "quarters: [1, 2, 5]",
                        ["kh-2024.yml: khóa 'topics[0].quarters'", "quý 5"]),
    "negative-quota": (PLAN, "total: 8", "total: -8", ["kh-2024.yml: khóa 'quota.total'", "không âm"]),
    "bad-id": (PLAN, "id: kh-2024", "id: KH 2024", ["kh-2024.yml: khóa 'id'", "a-z, 0-9"]),
    "duplicate-plan-id": ("plans/nam-hoc.yaml", "id: nam-hoc-2023-2024", "id: kh-2024",
                          ["nam-hoc.yaml: khóa 'id'", "kh-2024.yml", "bị trùng"]),
    "yaml-syntax": (PLAN, "units:\n  - code: to-ngu-van", "units:\n  - code: [to-ngu-van",
                    ["kh-2024.yml, dòng", "YAML"]),
    "unknown-topic": ("articles/03-cuoi-quy1.md", "topics: gdpt-2018", "topics: gdpt-2108",
                      ["03-cuoi-quy1.md: khóa 'topics'", "'gdpt-2108'", "Có phải ý bạn là 'gdpt-2018'?"]),
    "unknown-topic-key-value": ("articles/02-hai-chu-de.md", "An-Toan-Truong-Hoc", "an-toan-truong",
                                ["02-hai-chu-de.md: khóa 'topics'", "Có phải ý bạn là 'an-toan-truong-hoc'?"]),
    "unknown-unit": ("articles/01-gdpt-thang1.md", "unit: to-ngu-van", "unit: to-van",
                     ["01-gdpt-thang1.md: khóa 'unit'", "'to-van'", "Có phải ý bạn là 'to-ngu-van'?"]),
    "channel-without-link": ("articles/07-facebook.md", "link: https://www.facebook.com/thcs.kiemthu/posts/123\n", "",
                             ["07-facebook.md", "'link'", "facebook"]),
    "bad-topic-in-draft": ("articles/05-nhap.md", "[chuyen-doi-so]", "[chuyen-doi]",
                           ["05-nhap.md: khóa 'topics'", "Có phải ý bạn là 'chuyen-doi-so'?"]),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_error_message_and_exit(tmp_path, name):
    rel, old, new, expected = CASES[name]
    content = tmp_path / "content"
    shutil.copytree(DATA, content)
    edit(content / rel, old, new)
    result = run_build_cli("--content", content, "--output", tmp_path / "out", "--cache", tmp_path / "cache",
                           "--set", 'EVIDENCE_AS_OF="2024-05-15"')
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    assert "Lỗi:" in result.stderr
    for text in expected:
        assert text in result.stderr, (text, result.stderr)
    assert not (tmp_path / "out" / "minh-chung").exists()


def test_bad_as_of_setting(tmp_path):
    result = run_build_cli("--content", DATA, "--output", tmp_path / "out", "--cache", tmp_path / "cache",
                           "--set", 'EVIDENCE_AS_OF="15/05/2024"')
    assert result.returncode == 1
    assert "EVIDENCE_AS_OF" in result.stderr and "không phải ngày hợp lệ" in result.stderr
    assert "Traceback" not in result.stderr
