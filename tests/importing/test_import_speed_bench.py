"""The import benchmark's generator makes a dump the importer reads whole,
and a large site's map of old addresses still loads (it once stopped a
second import of 5,000 articles: the map outgrew the front matter limits)."""

import pytest

from import_speed import generate
from truongweb.import_site import run
from truongweb.importing import mapping
from truongweb.importing.model import ImportSourceError


def test_generated_dump_imports_with_its_pictures(tmp_path):
    dump, uploads, stats = generate(tmp_path, 40)
    content = tmp_path / "site" / "content"
    content.mkdir(parents=True)
    result, _ = run("nukeviet", dump, content, uploads, "https://thcs-cu.edu.vn", report_dir=tmp_path / "r", echo=None)
    articles = [i for i in result.items if i.status != "skipped"]
    assert len(articles) == stats["articles"] + stats["notices"]
    assert sum(1 for p in (content / "images").rglob("*.jpg")) == stats["pictures"]
    again, _ = run("nukeviet", dump, content, uploads, "https://thcs-cu.edu.vn", report_dir=tmp_path / "r", echo=None)
    assert {i.outcome for i in again.items if i.status != "skipped"} == {"unchanged"}


def test_large_redirect_map_loads_and_a_broken_one_is_named(tmp_path):
    entries = {f"/vi/news/tin-tuc/bai-{i}-{i}.html": f"articles/2024/bai-{i}.md" for i in range(12_000)}
    path = tmp_path / mapping.REDIRECTS_FILE
    path.write_text(mapping.dump_redirects(entries), encoding="utf-8")
    assert mapping._load_redirects(path) == entries
    path.write_text("a: [b\n", encoding="utf-8")
    with pytest.raises(ImportSourceError, match=r"duong-dan-cu.yml: lỗi cú pháp YAML"):
        mapping._load_redirects(path)
