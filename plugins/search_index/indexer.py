"""Write a Pagefind index from custom records (pure: no Pelican import).

Uses the Pagefind Python API (``pagefind[bin]`` ships the binary); nothing is
downloaded at build or run time.
"""

from __future__ import annotations

import asyncio
import os
import shutil


class SearchIndexError(RuntimeError):
    """Index could not be written; ``str()`` is a Vietnamese message."""


async def _write(records: list[dict], bundle_dir: str) -> None:
    from pagefind.index import IndexConfig, PagefindIndex

    config = IndexConfig(output_path=bundle_dir, force_language="vi")
    async with PagefindIndex(config=config) as index:
        for r in records:
            await index.add_custom_record(url=r["url"], content=r["content"],
                                          language=r.get("language", "vi"), meta=r["meta"])


def write_index(records: list[dict], bundle_dir: str) -> None:
    """(Re)write the Pagefind bundle at ``bundle_dir`` (e.g. output/pagefind)."""
    shutil.rmtree(bundle_dir, ignore_errors=True)
    os.makedirs(bundle_dir, exist_ok=True)
    try:
        asyncio.run(_write(records, bundle_dir))
    except (OSError, ImportError, RuntimeError) as exc:
        raise SearchIndexError(f"Không tạo được chỉ mục tìm kiếm Pagefind: {exc}") from None
    if not os.path.isfile(os.path.join(bundle_dir, "pagefind.js")):
        raise SearchIndexError(
            f"Không tạo được chỉ mục tìm kiếm Pagefind: thiếu {bundle_dir}/pagefind.js")
