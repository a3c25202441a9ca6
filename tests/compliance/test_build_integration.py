"""Real builds: the section pages as written, bad data stopping the build,
strict mode, the downtime notice, the no-JavaScript document register."""

import json
import re
import shutil
import subprocess
import sys

import pytest

from compliance_site import AS_OF, ROOT, build_small, make_content, plugins_with_ours


def read(path):
    return path.read_text(encoding="utf-8")


def test_section_pages_and_files(small_site):
    lanh_dao = read(small_site / "lanh-dao" / "index.html")
    assert lanh_dao.count('data-role="lanh-dao"') == 3
    assert '<a href="tel:02103851201">0210 3851 201</a>' in lanh_dao
    assert 'href="mailto:hieutruong.thcsthanhbinh@phutho.edu.vn"' in lanh_dao
    # Document register: a plain table, filters hidden until the local script runs.
    register = read(small_site / "van-ban" / "index.html")
    assert '<form class="doc-filter" data-role="loc-van-ban" hidden' in register
    assert register.count("<tr data-type=") == 10
    assert re.search(r'<script src="/theme/js/van-ban-loc.js" defer></script>', register)
    assert (small_site / "theme" / "js" / "van-ban-loc.js").is_file()
    doc = read(small_site / "van-ban" / "thong-tu-09-2024-tt-bgddt" / "index.html")
    assert "<dt>Số, ký hiệu</dt><dd>09/2024/TT-BGDĐT</dd>" in doc
    assert '<meta name="DC.identifier" content="/van-ban/thong-tu-09-2024-tt-bgddt/">' in doc
    pdf = small_site / "van-ban" / "thong-tu-09-2024-tt-bgddt" / "09-2024-tt-bgddt-cong-khai.pdf"
    assert pdf.read_bytes().startswith(b"%PDF")
    assert "(PDF, <span data-role=\"kich-thuoc\">" in doc
    # Disclosure: annual reports for 2022-2026, finance tables with caption and th.
    index = read(small_site / "cong-khai" / "index.html")
    assert [int(y) for y in re.findall(r'data-year="(\d{4})"', index)] == [2026, 2025, 2024, 2023, 2022]
    finance = read(small_site / "cong-khai" / "du-toan-thu-chi-2026" / "index.html")
    assert "<caption>Nguồn thu năm 2026 theo từng nguồn (triệu đồng)</caption>" in finance
    assert '<th scope="row">Thu dịch vụ bán trú</th>' in finance
    # Human sitemap links every category and page; the report page exists.
    sitemap = read(small_site / "so-do-trang" / "index.html")
    for href in ("/tuyen-sinh/", "/gioi-thieu/", "/co-cau-to-chuc/", "/cong-khai/", "/kiem-tra-tuan-thu/"):
        assert f'href="{href}"' in sitemap
    assert "Kết quả kiểm tra tuân thủ quy định" in read(small_site / "kiem-tra-tuan-thu" / "index.html")
    # Data folders are not read as articles or pages, and never copied raw.
    assert not (small_site / "data").exists()
    assert not list((small_site / "van-ban").rglob("*.yml")) + list((small_site / "cong-khai").rglob("*.yml"))


def test_bad_data_stops_the_build_with_file_and_key(tmp_path):
    content = make_content(tmp_path / "content")
    path = content / "data" / "lanh-dao.yml"
    path.write_text(read(path).replace('    phone: "0210 3851 202"\n', ""), encoding="utf-8")
    overrides = json.dumps(plugins_with_ours())
    result = subprocess.run(
        [sys.executable, "-m", "truongweb.build", "--output", str(tmp_path / "out"),
         "--content", str(content), "--set", f"PLUGINS={overrides}"],
        cwd=ROOT, capture_output=True, text=True, encoding="utf-8",
    )
    assert result.returncode == 1
    assert ('Lỗi: Tệp content/data/lanh-dao.yml: khóa "leaders[2].phone" bị thiếu hoặc để trống.'
            in result.stderr)
    assert "Traceback" not in result.stderr + result.stdout
    assert not list(content.rglob("*.html"))  # never writes into content/


def test_strict_build_fails_on_a_rule_and_downtime_is_shown(tmp_path):
    from truongweb.build import BuildFailed

    content = make_content(tmp_path / "content")
    (content / "articles" / "tuyen-sinh-lop-6.md").unlink()  # no admissions news at all
    notice = "Website tạm dừng để bảo trì từ 20:00 đến 22:00 ngày 30/11/2026."
    with pytest.raises(BuildFailed) as failure:
        build_small(tmp_path, content=content, COMPLIANCE_STRICT=True, DOWNTIME_NOTICE=notice)
    message = str(failure.value)
    assert "[A6-chuyen-muc] Lỗi – Có chuyên mục tin Tuyển sinh (Điều 9 Thông tư 37/2020/TT-BGDĐT)" in message
    results = json.loads(read(tmp_path / "output" / "kiem-tra-tuan-thu" / "ket-qua.json"))
    status = {r["id"]: r["status"] for r in results["results"]}
    assert status["C19-bao-tri"] == "pass"
    assert [k for k, v in status.items() if v == "error"] == ["A6-chuyen-muc"]
    assert notice in read(tmp_path / "output" / "lien-he" / "index.html")


def test_demo_school_passes_every_rule(tmp_path):
    """The demo school as shipped passes every rule, warnings included."""
    from truongweb.build import build

    output = tmp_path / "output"
    build(output, content=ROOT / "content", overrides={"COMPLIANCE_AS_OF": AS_OF},
          cache=tmp_path / "cache", echo=False)
    results = json.loads(read(output / "kiem-tra-tuan-thu" / "ket-qua.json"))
    failed = {r["id"]: r["problems"] for r in results["results"] if r["status"] in ("error", "warning")}
    assert failed == {}
    status = {r["id"]: r["status"] for r in results["results"]}
    assert status["C18-duong-dan-on-dinh"] == "pass"  # content/data/duong-dan-da-cong-bo.txt
    assert status["C19-bao-tri"] == "skipped"
    report = read(output / "kiem-tra-tuan-thu" / "index.html")
    assert report.count("<tr id=") == 41  # every checklist row, A1 … D (A10–A13: offices, not applicable here)


def test_invoke_check_fails_naming_rule_and_basis(tmp_path):
    """`invoke check` as a user runs it, on a copy of the project whose
    2023 annual report was deleted (Thông tư 09/2024 keeps five years)."""
    project = tmp_path / "truong"
    shutil.copytree(ROOT, project, ignore=shutil.ignore_patterns(
        "output*", "cache", ".git", "node_modules", ".venv", "__pycache__", ".pytest_cache", "tests"))
    (project / "content" / "cong-khai" / "bao-cao-thuong-nien-2023.yml").unlink()
    result = subprocess.run([sys.executable, "-m", "invoke", "check"], cwd=project,
                            capture_output=True, text=True, encoding="utf-8")
    assert result.returncode == 1
    assert ("[B6-bao-cao-thuong-nien] Lỗi – Báo cáo thường niên của 5 năm gần nhất vẫn có trên trang, "
            "kèm tệp (Điều 14 Thông tư 09/2024/TT-BGDĐT)") in result.stdout
    assert "thiếu báo cáo thường niên năm 2023" in result.stdout
    assert "Kiểm tra thất bại:" in result.stderr
    assert "Traceback" not in result.stdout + result.stderr
