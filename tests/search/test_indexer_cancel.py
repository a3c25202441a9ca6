"""A build that fails after the search indexer started cancels it; the
indexer's temporary record folders must not stay behind (in /dev/shm or /tmp)."""

import glob
import os
import tempfile
import time

import pytest

from truongweb.plugins.search_index.indexer import BackgroundIndex, records_folder


def record_folders():
    return set(glob.glob(os.path.join(records_folder() or tempfile.gettempdir(), "pagefind-*")))


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


def test_records_go_to_the_disk_when_the_ram_disk_is_too_small():
    if records_folder() is None:
        pytest.skip("no RAM disk on this machine: records always go to the disk")
    assert records_folder(10 << 20) == "/dev/shm"
    assert records_folder(1 << 50) is None  # a petabyte of records
