"""A build that fails after the search indexer started cancels it; the
indexer's temporary record folders must not stay behind in /tmp."""

import glob
import os
import tempfile
import time

from search_index.indexer import BackgroundIndex


def record_folders():
    return set(glob.glob(os.path.join(tempfile.gettempdir(), "pagefind-*")))


def test_cancelled_indexer_leaves_no_temporary_folders(tmp_path):
    before = record_folders()
    indexer = BackgroundIndex(str(tmp_path / "pagefind"))
    indexer.index([dict(url=f"/bai-{i}/", title=f"Bài {i}", body_html="<p>Nội dung.</p>" * 2000)
                   for i in range(3000)])
    deadline = time.monotonic() + 30
    while not record_folders() - before and time.monotonic() < deadline:
        time.sleep(0.05)
    assert record_folders() - before, "the indexer never started writing records"
    indexer.cancel()
    assert record_folders() - before == set()
