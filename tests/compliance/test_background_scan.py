"""Pages are checked while the build writes them (compliance/background.py);
the outcome must be exactly that of checking the finished site."""

import json
import pickle
import shutil
import os
from pathlib import Path

from compliance_site import build_small, make_content

from truongweb.plugins.compliance.background import BackgroundScan
from truongweb.plugins.compliance.cli import load_manifest
from truongweb.plugins.compliance.engine import Site, load_rules, run

PAGE = ('<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width"></head><body><main>{}</main>'
        "</body></html>")


def write_page(folder: Path, relative: str, body: str) -> Path:
    path = folder / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(PAGE.format(body), encoding="utf-8")
    return path


def manifest(**extra):
    return {"schema": 1, "as_of": "2026-11-22", "exclude": ["admin/"],
            "site": {"name": "Trường THCS Thử", "url": ""}, "home": "index.html",
            "sample": ["index.html"], **extra}


def rules_named(*ids):
    rules, _rows = load_rules()
    return [r for r in rules if r.id in ids]


def test_helper_checks_each_written_page(tmp_path):
    write_page(tmp_path, "index.html", '<img src="a.jpg" alt="Sân trường">')
    write_page(tmp_path, "tin/bai/index.html", '<img src="b.jpg"> CCCD 012345678901')
    write_page(tmp_path, "admin/index.html", '<img src="c.jpg">')  # excluded: the editor
    scan = BackgroundScan(str(tmp_path))
    scan.start(manifest())
    for page in ("index.html", "tin/bai/index.html", "admin/index.html", "feeds/all.atom.xml"):
        scan.page_written(str(tmp_path / page))
    results = scan.results()
    assert set(results) == {"index.html", "tin/bai/index.html"}
    stamp, problems = results["tin/bai/index.html"]
    assert problems["C10-anh-alt"] and "012345678901" in problems["C25-so-dinh-danh"]
    assert results["index.html"][1]["C10-anh-alt"] is None
    assert "A4-tep-dinh-kem" not in problems  # looks at other files: checked at the end


def test_earlier_result_is_used_only_while_the_page_is_unchanged(tmp_path):
    path = write_page(tmp_path, "index.html", '<img src="a.jpg" alt="Sân trường">')
    info = os.stat(path)
    site = Site(tmp_path, manifest())
    rules = rules_named("C10-anh-alt")
    remembered = {"index.html": ((info.st_size, info.st_mtime_ns), {"C10-anh-alt": "đã ghi nhớ"})}
    assert run(rules, site, remembered)[0].problems == ["index.html: đã ghi nhớ"]
    write_page(tmp_path, "index.html", '<img src="a.jpg">')  # changed after the helper saw it
    problems = run(rules, Site(tmp_path, manifest()), remembered)[0].problems
    assert len(problems) == 1 and "đã ghi nhớ" not in problems[0]


def test_build_reports_what_checking_the_finished_site_reports(tmp_path):
    content = make_content(tmp_path / "content")
    article = content / "articles" / "khai-giang.md"
    article.write_text(article.read_text(encoding="utf-8")
                       + '\n\n<img src="/images/logo.svg">\n\nSố CCCD 012345678901 của em.\n',
                       encoding="utf-8")
    output = build_small(tmp_path, content)
    written = json.loads((output / "kiem-tra-tuan-thu" / "ket-qua.json").read_text(encoding="utf-8"))
    by_id = {r["id"]: r for r in written["results"]}
    assert by_id["C10-anh-alt"]["status"] == "error"
    assert by_id["C25-so-dinh-danh"]["status"] == "warning"
    # The report page is written after the build's check; leave it out of the comparison.
    (output / "kiem-tra-tuan-thu" / "index.html").unlink()
    rules, _rows = load_rules()
    again = run(rules, Site(output, load_manifest(output)))
    assert [(r.rule.id, r.status, r.problems) for r in again] == [
        (r["id"], r["status"], r["problems"]) for r in written["results"]]


def scan_pages(output: Path, memory: Path, pages, **manifest_extra) -> dict:
    scan = BackgroundScan(str(output), memory_file=str(memory))
    scan.start(manifest(**manifest_extra))
    for page in pages:
        scan.page_written(str(output / page))
    return scan.results()


def test_page_is_checked_again_only_if_its_text_rules_or_manifest_changed(tmp_path):
    output, memory = tmp_path / "output", tmp_path / "cache" / "compliance" / "pages.pickle"
    write_page(output, "index.html", '<img src="a.jpg" alt="Sân trường">')
    write_page(output, "tin/bai/index.html", '<img src="b.jpg">')
    pages = ["index.html", "tin/bai/index.html"]
    first = scan_pages(output, memory, pages)
    assert first["index.html"][1]["C10-anh-alt"] is None
    assert first["tin/bai/index.html"][1]["C10-anh-alt"]

    # Mark what the memory says, to see where it is used.
    stored = pickle.loads(memory.read_bytes())
    for page in pages:
        digest, problems = stored["pages"][page]
        stored["pages"][page] = (digest, {**problems, "C10-anh-alt": "ghi nhớ từ lần trước"})
    memory.write_bytes(pickle.dumps(stored))

    write_page(output, "tin/bai/index.html", '<img src="b.jpg" alt="Lớp 9A">')  # fixed
    second = scan_pages(output, memory, pages)
    assert second["index.html"][1]["C10-anh-alt"] == "ghi nhớ từ lần trước"  # same text
    assert second["tin/bai/index.html"][1]["C10-anh-alt"] is None  # checked again

    memory.write_bytes(pickle.dumps(stored))
    other = scan_pages(output, memory, pages, sample=["tin/bai/index.html"])
    assert other["index.html"][1]["C10-anh-alt"] is None  # another manifest: checked again


def test_build_with_remembered_page_checks_reports_the_same(tmp_path):
    content = make_content(tmp_path / "content")
    output = build_small(tmp_path, content)
    report = output / "kiem-tra-tuan-thu" / "ket-qua.json"
    first = json.loads(report.read_text(encoding="utf-8"))["results"]
    assert (tmp_path / "cache" / "compliance" / "pages.pickle").is_file()
    shutil.rmtree(output)
    output = build_small(tmp_path, content)
    assert json.loads(report.read_text(encoding="utf-8"))["results"] == first
