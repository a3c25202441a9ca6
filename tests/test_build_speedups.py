"""The build-speed plugins change when work is done, never what is written:
compiled templates are reused only while their source is unchanged, and the
search index (finished while articles are written) still holds every page."""

import gzip
import json
import shutil
from pathlib import Path

from helpers import ROOT, build_site, read


def test_edited_template_is_compiled_again(tmp_path):
    theme = tmp_path / "theme"
    shutil.copytree(ROOT / "theme", theme)
    output = build_site(tmp_path, THEME=str(theme))
    cached = list((tmp_path / "cache" / "jinja").iterdir())
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
