"""The build-speed plugins change when work is done, never what is written:
compiled templates are reused only while their source is unchanged, and the
search index (finished while articles are written) still holds every page."""

import gzip
import json
import shutil
from pathlib import Path

from helpers import DEMO_CONTENT, ROOT, build_site, read


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


def indexed_urls(output: Path) -> set[str]:
    """URLs of every page in the Pagefind bundle (fragments are gzipped JSON
    after a ``pagefind_dcd`` marker)."""
    urls = set()
    for fragment in (output / "pagefind" / "fragment").iterdir():
        data = gzip.decompress(fragment.read_bytes())
        urls.add(json.loads(data[len(b"pagefind_dcd"):])["url"])
    return urls


def test_search_index_holds_articles_and_pages_written_by_other_generators(tmp_path):
    output = build_site(tmp_path)
    urls = indexed_urls(output)
    documents = {f"/{p.parent.relative_to(output).as_posix()}/"
                 for folder in ("van-ban", "cong-khai")
                 for p in (output / folder).rglob("index.html")
                 if not p.parent.name.startswith("trang-")}
    assert len(documents) >= 10 and documents <= urls  # read from written HTML
    assert "/doan-doi/2025/09/dai-hoi-lien-doi-nhiem-ky-2025-2026/" in urls  # an article, from memory
    assert "/gioi-thieu/" in urls  # a page
    entry = json.loads(read(output / "pagefind" / "pagefind-entry.json"))
    assert entry["languages"]["vi"]["page_count"] == len(urls)


def indexed_texts(output: Path) -> str:
    return " ".join(gzip.decompress(f.read_bytes()).decode("utf-8")
                    for f in (output / "pagefind" / "fragment").iterdir())


def entry_written(output: Path) -> int:
    return (output / "pagefind" / "pagefind-entry.json").stat().st_mtime_ns


def test_search_index_is_reused_only_for_the_same_records(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(DEMO_CONTENT, content)
    output = build_site(tmp_path, content)
    first, written = indexed_texts(output), entry_written(output)
    kept = list((tmp_path / "cache" / "search").iterdir())
    assert len(kept) == 1  # the bundle of this build, kept for the next one
    output = build_site(tmp_path, content)
    assert indexed_texts(output) == first
    assert entry_written(output) == written  # same records: the kept bundle, not a new index

    article = next(content.rglob("*dai-hoi-lien-doi-nhiem-ky-2025-2026*.md"))
    article.write_text(read(article).replace("\n---\n", "\n---\nLớp 9A5 trồng cây phượng vĩ.\n", 1),
                       encoding="utf-8")
    output = build_site(tmp_path, content)
    changed = indexed_texts(output)
    assert "Lop 9A5 trong cay phuong vi" in changed and "Lop 9A5" not in first
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
