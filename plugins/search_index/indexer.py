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
import atexit
import glob
import hashlib
import html
import json
import os
import pickle
import posixpath
import shutil
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import unquote, urlsplit

from truongweb.plugins import interruption  # Name prefix of the indexer's temporary record folders (in /dev/shm or /tmp),
# followed by the indexer's process id: whose folder it is can be told.
RECORDS_PREFIX = "pagefind-"


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


def records_folder(size: int = 0) -> str | None:
    """Where the record files go: a RAM disk when there is one (Linux's
    /dev/shm) with room to spare for ``size`` bytes of records, since they
    are a thousand tiny files written, read once by Pagefind and deleted;
    otherwise (None) the usual temporary folder."""
    shm = "/dev/shm"
    try:
        info = os.statvfs(shm)
    except OSError:
        return None
    room = info.f_bavail * info.f_frsize
    if not os.access(shm, os.W_OK | os.X_OK) or room < 2 * size + (64 << 20):
        return None
    return shm


def _write_record_files(records: list[dict], folder: str, site_path: str, seen: set) -> None:
    for record in records:
        rel = record_path(record["url"], site_path)
        if rel in seen:
            continue
        seen.add(rel)
        target = os.path.join(folder, *rel.split("/"))
        os.makedirs(os.path.dirname(target), exist_ok=True)
        with open(target, "w", encoding="utf-8") as fp:
            fp.write(record_html(record))


async def _write_in_two_parts(first: str, await_second, bundle_dir: str) -> int:
    from pagefind.index import IndexConfig, PagefindIndex

    config = IndexConfig(output_path=bundle_dir, force_language="vi")
    count = 0
    async with PagefindIndex(config=config) as index:
        result = await index.add_directory(first, glob="**/*.html")
        count += int(result.get("page_count", 0)) if isinstance(result, dict) else 0
        second = await asyncio.get_running_loop().run_in_executor(None, await_second)
        if second:
            result = await index.add_directory(second, glob="**/*.html")
            count += int(result.get("page_count", 0)) if isinstance(result, dict) else 0
    return count


def _digest(*parts) -> str:
    digest = hashlib.sha256()
    for part in parts:
        digest.update(pickle.dumps(part, protocol=4))
    return digest.hexdigest()


def _index_key(raw_records: list[dict], site_path: str) -> str:
    """What the bundle depends on: the records, the site path, this code and
    Pagefind's version."""
    from importlib.metadata import PackageNotFoundError, version

    here = Path(__file__).resolve().parent
    code = [(here / name).read_bytes() for name in ("indexer.py", "text.py")]
    try:
        pagefind = [version("pagefind"), version("pagefind_bin")]
    except PackageNotFoundError:  # unknown versions: never reuse across installs
        pagefind = [str(os.getpid())]
    return _digest(code, pagefind, site_path, raw_records)


def _reuse(entry: str, late_records: list[dict], bundle_dir: str):
    """The bundle kept by an earlier build with the same records, or None."""
    try:
        with open(os.path.join(entry, "done.json"), encoding="utf-8") as fp:
            done = json.load(fp)
    except (OSError, ValueError):
        return None
    if done.get("late") != _digest(late_records):
        return None
    shutil.rmtree(bundle_dir, ignore_errors=True)
    try:
        shutil.copytree(os.path.join(entry, "bundle"), bundle_dir)
    except OSError:  # another build replaced the entry meanwhile: index instead
        shutil.rmtree(bundle_dir, ignore_errors=True)
        return None
    return int(done.get("count", 0))


def _keep(cache_dir: str, key: str, bundle_dir: str, late_records: list[dict], count: int) -> None:
    """Keep this bundle (only the latest) for a build with the same records."""
    try:
        staging = tempfile.mkdtemp(prefix=f"{key}.", dir=cache_dir)
        shutil.copytree(bundle_dir, os.path.join(staging, "bundle"))
        with open(os.path.join(staging, "done.json"), "w", encoding="utf-8") as fp:
            json.dump({"late": _digest(late_records), "count": count}, fp)
        for name in os.listdir(cache_dir):
            if name != os.path.basename(staging):
                shutil.rmtree(os.path.join(cache_dir, name), ignore_errors=True)
        os.replace(staging, os.path.join(cache_dir, key))
    except OSError:
        pass  # only a cache: the next build indexes again


def _release_memory() -> None:
    """Hand freed memory back to the system (glibc keeps it otherwise)."""
    import ctypes
    import gc

    gc.collect()
    try:
        ctypes.CDLL(None).malloc_trim(0)
    except (AttributeError, OSError):  # not glibc
        pass


def index_worker(bundle_dir: str, site_path: str, connection, cache_dir: str | None = None) -> None:
    """Body of the background indexing process (see ``BackgroundIndex``).

    Waits for the records of the build's content, makes and indexes them,
    then waits for the late records (pages other plugins wrote), adds them,
    writes the bundle and answers ``("ok", count)`` or ``("error", message)``.
    ``None`` instead of the first records means the build gave up. With a
    ``cache_dir``, a bundle made from exactly the same records (same code,
    same Pagefind) is copied instead of indexing again.
    """
    import signal

    # cancel() (an interrupted or failed build) terminates: delete the
    # temporary record folders, stop Pagefind, leave without a traceback.
    # Leaving through the with-blocks instead would first wait for Pagefind
    # to finish indexing.
    def stop(*_):
        interruption.kill_children()
        for parent in {records_folder() or tempfile.gettempdir(), tempfile.gettempdir()}:
            for folder in glob.glob(os.path.join(parent, f"{RECORDS_PREFIX}{os.getpid()}-*")):
                shutil.rmtree(folder, ignore_errors=True)  # also one just made
        os._exit(1)

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the build hears Ctrl-C
    try:
        raw_records = connection.recv()
    except (EOFError, OSError):  # the build is gone
        return
    if raw_records is None:
        return
    from .text import make_record

    # Pagefind (Rust) starts a worker thread per core; the build's own process
    # needs a core while this runs, and several threads spinning for work on a
    # two-core machine only take time from it.
    for variable in ("TOKIO_WORKER_THREADS", "RAYON_NUM_THREADS"):
        os.environ.setdefault(variable, str(max(1, (os.cpu_count() or 2) // 2)))

    try:
        key = entry = None
        received: list = []
        if cache_dir:
            os.makedirs(cache_dir, exist_ok=True)
            key = _index_key(raw_records, site_path)
            entry = os.path.join(cache_dir, key)
            if os.path.isdir(entry):
                received.append(connection.recv())
                count = _reuse(entry, received[0], bundle_dir)
                if count is not None:
                    connection.send(("ok", count))
                    return
        shutil.rmtree(bundle_dir, ignore_errors=True)
        os.makedirs(bundle_dir, exist_ok=True)
        seen: set = set()
        # a page's record (folded text, a few tags) is smaller than its HTML
        folder = records_folder(sum(len(raw.get("body_html") or "") + 4096 for raw in raw_records))
        with tempfile.TemporaryDirectory(prefix=f"{RECORDS_PREFIX}{os.getpid()}-src-", dir=folder) as first, \
                tempfile.TemporaryDirectory(prefix=f"{RECORDS_PREFIX}{os.getpid()}-late-", dir=folder) as late:
            # One record at a time, and the build's copy of the content let go
            # before Pagefind starts: Pagefind holds the whole index in memory
            # (some 100 KB a page), and this process should not add to it.
            _write_record_files((make_record(**raw) for raw in raw_records), first, site_path, seen)
            raw_records = None
            _release_memory()

            def await_late_records():
                if not received:
                    received.append(connection.recv())
                _write_record_files(received[0], late, site_path, seen)
                return late if received[0] else None

            count = _run_in_own_loop(_write_in_two_parts(first, await_late_records, bundle_dir))
        if not os.path.isfile(os.path.join(bundle_dir, "pagefind.js")):
            raise SearchIndexError(f"thiếu {bundle_dir}/pagefind.js")
        if key:
            _keep(cache_dir, key, bundle_dir, received[0], count)
        connection.send(("ok", count))
    except (EOFError, BrokenPipeError):  # the build is gone: nobody to tell
        return
    except Exception as exc:  # noqa: BLE001 - reported to the build as a message
        try:
            connection.send(("error", f"Không tạo được chỉ mục tìm kiếm Pagefind: {exc}"))
        except OSError:
            pass


class BackgroundIndex:
    """Search indexing on the machine's other core.

    The process starts with the build, so its interpreter start-up overlaps
    with reading the content; ``index()`` hands it the records once the
    content is final (before Pelican writes any page), and it folds and
    indexes them while the build writes HTML; ``add_late()`` hands over the
    few records that only exist once written; ``finish()`` waits for the
    bundle.
    """

    def __init__(self, bundle_dir: str, site_path: str = "", cache_dir: str | None = None):
        import multiprocessing

        # "spawn", not "fork": a forked child would inherit every open file
        # descriptor of the build's process (a test's browser driver pipe, say)
        # and keep it open as long as it lives.
        context = multiprocessing.get_context("spawn")
        self._connection, child = context.Pipe()
        self._process = context.Process(
            target=index_worker, args=(bundle_dir, site_path, child, cache_dir), daemon=True)
        with interruption.helpers_ignore_interrupts():
            self._process.start()
        child.close()  # the helper's end: its exit then reads as EOF here
        self._stop = interruption.on_stop(self.cancel)
        self._late_sent = False
        # A build that fails while writing never calls finish(): at exit the
        # helper would wait for the late records forever (and the interpreter
        # for the helper).
        atexit.register(self.cancel)

    def index(self, raw_records: list[dict]) -> None:
        self._connection.send(raw_records)

    def add_late(self, late_records: list[dict]) -> None:
        self._connection.send(late_records)
        self._late_sent = True

    def finish(self) -> int:
        try:
            if not self._late_sent:
                self.add_late([])
            status, value = self._connection.recv()
        except (EOFError, OSError) as exc:
            status, value = "error", f"Không tạo được chỉ mục tìm kiếm Pagefind: {exc}"
        finally:
            atexit.unregister(self.cancel)
            self._process.join(timeout=60)
            interruption.forget(self._stop)
        if status != "ok":
            raise SearchIndexError(value)
        return value

    def cancel(self) -> None:
        interruption.forget(self._stop)
        atexit.unregister(self.cancel)
        if self._process.is_alive():
            self._process.terminate()
            # the helper may be waiting for records: the closed pipe ends the wait
            self._connection.close()
            self._process.join(timeout=10)
        if self._process.is_alive():
            self._process.kill()
        self._process.join(timeout=10)
