"""Write a Pagefind index from records (pure: no Pelican import).

Each record becomes a tiny HTML file in a temporary folder, at the path of
its URL, whose body is the folded search text and whose ``<meta
data-pagefind-meta>`` tags carry the displayed metadata (with diacritics);
Pagefind indexes the folder in one call (``add_directory``) through its
Python API (``pagefind[bin]`` ships the binary; nothing is downloaded).
One call matters: the API answers each request after a 0.1 s poll, so
adding records one by one costs 0.1 s per page.
"""

from __future__ import annotations

import asyncio
import html
import os
import posixpath
import shutil
import tempfile
from concurrent.futures import ThreadPoolExecutor
from urllib.parse import unquote, urlsplit


def _run_in_own_loop(coroutine):
    """Run ``coroutine`` to completion on a fresh event loop in a worker thread.

    The build may be called where an event loop is already running in this
    thread (Playwright's sync API in the browser tests, a notebook), and there
    ``asyncio.run`` refuses to start.
    """
    with ThreadPoolExecutor(max_workers=1) as worker:
        return worker.submit(asyncio.run, coroutine).result()


class SearchIndexError(RuntimeError):
    """Index could not be written; ``str()`` is a Vietnamese message."""


def record_path(url: str, site_path: str = "") -> str:
    """Relative file path for a record URL ("https://s/sub/a/b/" -> "a/b/index.html")."""
    path = unquote(urlsplit(url).path)
    site_path = site_path.rstrip("/")
    if site_path and (path == site_path or path.startswith(site_path + "/")):
        path = path[len(site_path):]
    path = path.lstrip("/")
    if not path or path.endswith("/"):
        path += "index.html"
    elif not path.endswith(".html"):
        path += "/index.html"
    path = posixpath.normpath(path)
    if path.startswith("..") or posixpath.isabs(path):
        raise SearchIndexError(f"Đường dẫn không hợp lệ cho chỉ mục tìm kiếm: {url}")
    return path


def record_html(record: dict) -> str:
    metas = "".join(
        f'<meta data-pagefind-meta="{html.escape(key)}[content]" content="{html.escape(value)}">'
        for key, value in record["meta"].items() if value)
    return ('<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>-</title>'
            f"{metas}</head><body><main data-pagefind-body>{html.escape(record['content'])}"
            "</main></body></html>")


async def _write(folder: str, bundle_dir: str) -> int:
    from pagefind.index import IndexConfig, PagefindIndex

    config = IndexConfig(output_path=bundle_dir, force_language="vi")
    async with PagefindIndex(config=config) as index:
        result = await index.add_directory(folder, glob="**/*.html")
    return int(result.get("page_count", 0)) if isinstance(result, dict) else 0


def write_index(records: list[dict], bundle_dir: str, site_path: str = "") -> int:
    """(Re)write the Pagefind bundle at ``bundle_dir``; return the page count.
    ``site_path`` is the path part of SITEURL ("" or "/truong")."""
    shutil.rmtree(bundle_dir, ignore_errors=True)
    os.makedirs(bundle_dir, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="pagefind-src-") as folder:
        seen = set()
        for record in records:
            rel = record_path(record["url"], site_path)
            if rel in seen:
                continue
            seen.add(rel)
            target = os.path.join(folder, *rel.split("/"))
            os.makedirs(os.path.dirname(target), exist_ok=True)
            with open(target, "w", encoding="utf-8") as fp:
                fp.write(record_html(record))
        try:
            count = _run_in_own_loop(_write(folder, bundle_dir))
        except Exception as exc:  # noqa: BLE001 - any failure of the indexer becomes a message
            raise SearchIndexError(f"Không tạo được chỉ mục tìm kiếm Pagefind: {exc}") from None
    if not os.path.isfile(os.path.join(bundle_dir, "pagefind.js")):
        raise SearchIndexError(
            f"Không tạo được chỉ mục tìm kiếm Pagefind: thiếu {bundle_dir}/pagefind.js")
    return count
