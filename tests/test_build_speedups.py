"""The build-speed plugins change when work is done, never what is written:
compiled templates are reused only while their source is unchanged, and the
search index (finished while articles are written) still holds every page."""

import json
import shutil
from pathlib import Path

from helpers import DEMO_CONTENT, ROOT, all_html, build_site, read


def test_edited_template_is_compiled_again(tmp_path):
    theme = tmp_path / "theme"
    shutil.copytree(ROOT / "theme", theme)
    output = build_site(tmp_path, THEME=str(theme))
    cached = list(next((tmp_path / "cache" / "jinja").iterdir()).iterdir())
    assert len(cached) > 20  # base, pages, components: every compiled template is kept
    assert "Bản in thử mẫu đã sửa" not in read(output / "index.html")

    footer = theme / "templates" / "base.html"
    footer.write_text(read(footer).replace("</main>", "<p>Bản in thử mẫu đã sửa</p></main>", 1),
                      encoding="utf-8")
    output = build_site(tmp_path, THEME=str(theme))
    assert "Bản in thử mẫu đã sửa" in read(output / "index.html")


def index_files(output: Path) -> tuple[dict, list[list[str]]]:
    """The search index's manifest and the rows of every result chunk."""
    folder = output / "tim-kiem" / "chi-muc"
    manifest = json.loads(read(folder / "index.json"))
    rows = [row for name in manifest["chunks"] for row in json.loads(read(folder / name))]
    return manifest, rows


def test_search_index_holds_articles_and_pages_written_by_other_generators(tmp_path):
    output = build_site(tmp_path)
    manifest, rows = index_files(output)
    urls = {f"/{row[0]}" for row in rows}
    documents = {f"/{p.parent.relative_to(output).as_posix()}/"
                 for folder in ("van-ban", "cong-khai")
                 for p in (output / folder).rglob("index.html")
                 if not p.parent.name.startswith("trang-")}
    assert len(documents) >= 10 and documents <= urls  # read from written HTML
    assert "/doan-doi/2025/09/dai-hoi-lien-doi-nhiem-ky-2025-2026/" in urls  # an article, from memory
    assert "/gioi-thieu/" in urls  # a page
    assert manifest["pages"] == len(urls) == len(rows)


def indexed_texts(output: Path) -> str:
    folder = output / "tim-kiem" / "chi-muc"
    return " ".join(sorted(read(p) for p in folder.rglob("*.json")))


def entry_written(output: Path) -> int:
    return (output / "tim-kiem" / "chi-muc" / "index.json").stat().st_mtime_ns


def test_search_index_is_reused_only_for_the_same_records(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(DEMO_CONTENT, content)
    output = build_site(tmp_path, content)
    first = indexed_texts(output)
    kept = list((tmp_path / "cache" / "search").iterdir())
    assert len(kept) == 1  # the index of this build, kept for the next one
    written = (kept[0] / "index.json").stat().st_mtime_ns
    output = build_site(tmp_path, content)
    assert indexed_texts(output) == first
    assert entry_written(output) == written  # same records: the kept index (copy2), not a new one

    article = next(content.rglob("*dai-hoi-lien-doi-nhiem-ky-2025-2026*.md"))
    article.write_text(read(article).replace("\n---\n", "\n---\nLớp 9A5 trồng cây phượng vĩ.\n", 1),
                       encoding="utf-8")
    output = build_site(tmp_path, content)
    changed = indexed_texts(output)
    assert '"9a5":' in changed and '"9a5":' not in first
    assert entry_written(output) != written
    assert [p.name for p in (tmp_path / "cache" / "search").iterdir()] != [p.name for p in kept]
    assert len(list((tmp_path / "cache" / "search").iterdir())) == 1


def test_content_cache_is_not_used_after_the_markdown_settings_changed(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(DEMO_CONTENT, content)
    article = next(content.rglob("*dai-hoi-lien-doi-nhiem-ky-2025-2026*.md"))
    article.write_text(read(article).replace("\n---\n", '\n---\nEm nói "cảm ơn thầy cô".\n', 1),
                       encoding="utf-8")
    output = build_site(tmp_path, content)
    assert (tmp_path / "cache" / "content-key.txt").is_file()
    page = next(p for p in output.rglob("*dai-hoi-lien-doi-nhiem-ky-2025-2026*/index.html"))
    assert "&ldquo;cảm ơn thầy cô&rdquo;" not in read(page)

    from truongweb.settings import MARKDOWN

    smart = {**MARKDOWN, "extension_configs": {**MARKDOWN["extension_configs"],
                                               "markdown.extensions.smarty": {}}}
    output = build_site(tmp_path, content, MARKDOWN=smart)  # same cache, new settings
    assert "&ldquo;cảm ơn thầy cô&rdquo;" in read(page)
    output = build_site(tmp_path, content)  # and back
    assert "&ldquo;cảm ơn thầy cô&rdquo;" not in read(page)


def test_templates_compiled_with_other_jinja_options_are_not_reused(tmp_path):
    from truongweb.settings import JINJA_ENVIRONMENT

    content = tmp_path / "content"
    shutil.copytree(DEMO_CONTENT, content)
    article = next(content.rglob("*dai-hoi-lien-doi-nhiem-ky-2025-2026*.md"))
    article.write_text(read(article).replace("title: ", "title: Lớp 6<7 ", 1), encoding="utf-8")
    build_site(tmp_path, content, JINJA_ENVIRONMENT={**JINJA_ENVIRONMENT, "autoescape": False})
    output = build_site(tmp_path, content)  # same cache, autoescaping on
    page = read(next(output.rglob("lop-67-*/index.html")))
    assert "Lớp 6&lt;7" in page and "Lớp 6<7" not in page
    assert len(list((tmp_path / "cache" / "jinja").iterdir())) == 2


def test_build_from_the_uncompressed_content_cache_writes_what_a_cold_build_writes(tmp_path):
    import re

    cold = build_site(tmp_path / "a")
    caches = [p for p in (tmp_path / "a" / "cache").iterdir() if p.name.endswith("Generator-Readers")]
    assert caches and all(p.read_bytes()[:2] != b"\x1f\x8b" for p in caches)  # not gzip
    shutil.move(str(cold), str(tmp_path / "cold"))
    warm = build_site(tmp_path / "a")  # same cache folder: content read from it
    build_time = re.compile(r"20\d\d-\d\d-\d\dT\d\d:\d\d:\d\d\+07:00|\d\d/\d\d/20\d\d \d\d:\d\d")

    def pages(output):
        return {p.relative_to(output).as_posix(): build_time.sub("", read(p))
                for p in output.rglob("*.html")}

    first, second = pages(tmp_path / "cold"), pages(warm)
    assert sorted(first) == sorted(second)
    assert [p for p in first if first[p] != second[p]] == []


def test_the_same_content_builds_the_same_pages(tmp_path):
    """A page without a date of its own gives the newest content date as
    DC.date, not the build time: a rebuild leaves the page as it was, so the
    page checker and the next upload skip it. Only the compliance report
    says when it was made."""
    import time

    first = build_site(tmp_path / "a")
    time.sleep(1.1)  # a build time would now differ
    second = build_site(tmp_path / "b")
    changed = sorted(path for path, text in all_html(first).items()
                     if all_html(second).get(path) != text)
    assert changed == ["kiem-tra-tuan-thu/index.html"]
    home = read(second / "index.html")
    assert '<meta name="DC.date" content="2026-' in home
