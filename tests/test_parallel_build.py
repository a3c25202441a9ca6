"""Articles read (plugins/parallel_read) and article pages written
(plugins/parallel_write) by forked processes give the pages a serial build
gives, every other plugin still hears of them, and what goes wrong in a child
reaches the user as in a serial build."""

import json
import os
import re
import shutil
from collections import Counter
from pathlib import Path

import pytest

from helpers import DEMO_CONTENT, ROOT, build_site, read, run_build_cli

# The build's own date and time (home page metadata, report dates) differ
# between two builds; nothing else may.
BUILD_TIME = re.compile(r"20\d\d-\d\d-\d\dT\d\d:\d\d:\d\d\+07:00|\d\d/\d\d/20\d\d \d\d:\d\d")


def pages(output: Path) -> dict[str, str]:
    return {p.relative_to(output).as_posix(): BUILD_TIME.sub("", read(p))
            for p in output.rglob("*.html")
            if not p.relative_to(output).as_posix().startswith("admin/")}


def test_parallel_build_writes_what_a_serial_build_writes(tmp_path):
    # cold: half the articles read by a child; the article pages written by another
    parallel = build_site(tmp_path / "parallel", PARALLEL_WRITE=True)
    serial = build_site(tmp_path / "serial", PARALLEL_WRITE=False, PARALLEL_READ=False)
    written, expected = pages(parallel), pages(serial)
    assert sorted(written) == sorted(expected)
    # the search index is made while the forked child writes the articles: the same files
    index = [{p.relative_to(out).as_posix(): read(p) for p in (out / "tim-kiem/chi-muc").rglob("*")
              if p.is_file()} for out in (parallel, serial)]
    assert index[0] and index[0] == index[1]
    assert [p for p in expected if written[p] != expected[p]] == []
    article = "doan-doi/2025/09/dai-hoi-lien-doi-nhiem-ky-2025-2026/index.html"
    assert article in written
    # Plugins listening for written pages heard of every article page.
    assert f"/{article[:-len('index.html')]}</loc>" in read(parallel / "sitemap.xml")
    assert read(parallel / "sitemap.xml").count("<url>") == read(serial / "sitemap.xml").count("<url>")
    checks = [json.loads(read(out / "kiem-tra-tuan-thu/ket-qua.json"))["results"]
              for out in (parallel, serial)]
    assert [(r["id"], r["status"], r["checked"]) for r in checks[0]] == [
        (r["id"], r["status"], r["checked"]) for r in checks[1]]
    # The content cache filled by the child serves the next build unchanged.
    again = pages(build_site(tmp_path / "parallel", PARALLEL_WRITE=True))
    assert [p for p in expected if again[p] != expected[p]] == []


def theme_with_article_template(tmp_path, extra: str) -> Path:
    theme = tmp_path / "theme"
    shutil.copytree(ROOT / "theme", theme)
    template = theme / "templates" / "article.html"
    template.write_text(read(template).replace("{% block content %}", "{% block content %}" + extra, 1),
                        encoding="utf-8")
    return theme


@pytest.mark.parametrize("parallel_write", ["true", "false"])
def test_error_in_the_article_writer_names_the_article_and_fails_the_build(tmp_path, parallel_write):
    theme = theme_with_article_template(
        tmp_path, '{% if article.slug == "dai-hoi-lien-doi-nhiem-ky-2025-2026" %}'
                  "{{ khong_co.thuoc_tinh.nao }}{% endif %}")
    result = run_build_cli("--output", tmp_path / "out", "--cache", tmp_path / "cache",
                           "--set", f'THEME="{theme}"', "--set", f"PARALLEL_WRITE={parallel_write}")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "dai-hoi-lien-doi" in result.stderr and "không tạo được trang của bài viết" in result.stderr


@pytest.mark.parametrize("parallel_write", ["true", "false"])
def test_two_articles_with_one_address_fail_the_build_naming_them(tmp_path, parallel_write):
    content = tmp_path / "content"
    shutil.copytree(DEMO_CONTENT, content)
    original = next(content.rglob("*dai-hoi-lien-doi-nhiem-ky-2025-2026*.md"))
    shutil.copy(original, original.with_name("ban-sao-" + original.name))
    result = run_build_cli("--output", tmp_path / "out", "--cache", tmp_path / "cache",
                           "--content", content, "--set", f"PARALLEL_WRITE={parallel_write}")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    # Warned while reading (both files named), failed while writing (one named).
    assert 'Cảnh báo: Có 2 bài viết cùng slug "dai-hoi-lien-doi-nhiem-ky-2025-2026"' in result.stderr
    failed = re.search(r"Lỗi: (\S+): không tạo được trang của bài viết", result.stderr)
    assert failed and failed.group(1).endswith(original.name)


def test_articles_the_reading_child_cannot_read_are_reported_by_name(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(DEMO_CONTENT, content)
    broken = [sorted((content / "articles" / year).glob("*.md"))[-1] for year in ("2025", "2026")]
    for path in broken:  # the demo has enough articles for the build to fork a reader
        path.write_text(read(path).replace("title:", "title: [", 1), encoding="utf-8")
    result = run_build_cli("--output", tmp_path / "out", "--cache", tmp_path / "cache",
                           "--content", content)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    for path in broken:
        assert f"{path.name} (dòng" in result.stderr, result.stderr


def test_each_article_file_is_hashed_once_per_cache_in_a_build(tmp_path, monkeypatch):
    from pelican.cache import FileStampDataCacher

    build_site(tmp_path)  # fills the content cache
    counts = Counter()
    original = FileStampDataCacher._get_file_stamp

    def counting(self, filename):
        counts[(type(self).__name__, filename)] += 1
        return original(self, filename)

    monkeypatch.setattr(FileStampDataCacher, "_get_file_stamp", counting)
    build_site(tmp_path)
    articles = {key: n for key, n in counts.items() if f"{os.sep}articles{os.sep}" in key[1]}
    assert len(articles) >= 2 * 60  # the article generator's cache and the readers' cache
    # Once, except the generator's look-up of the first file, made before the
    # plugin starts (at the first read) and repeated when Pelican stores it.
    assert sum(n - 1 for n in articles.values()) <= 1, articles
