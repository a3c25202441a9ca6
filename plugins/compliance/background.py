"""Page checks run on the machine's other core while the build writes.

Most rules look at every page on its own (``scan`` checks). Instead of
reading and checking some thousand pages after the build, a helper process
receives each page's path as soon as Pelican has written it and checks it
then; at ``finalized`` the engine reuses those results for every page whose
size and modification time are unchanged and checks the rest itself, so the
outcome is exactly that of checking the finished site. A page whose text
is the same as in the previous build (same rules, code and manifest) is not
checked again (:class:`PageMemory`, kept in the cache folder).
This module does not import Pelican.
"""

from __future__ import annotations

import hashlib
import json
import os
import pickle
import signal
import subprocess
import sys
import tempfile
from pathlib import Path

from truongweb.plugins import interruption  # Paths are sent in batches of at most this many bytes: fewer writes, and
# each write below PIPE_BUF (4096 on Linux) is atomic, so a forked child of
# the build (parallel_write) can send on the same pipe without interleaving.
BATCH_BYTES = 3000


class PageMemory:
    """The problems the previous build found on each page, kept in a cache
    file and reused for a page whose text is exactly the same, as long as
    the rules, the checking code and the manifest are the same too (``key``):
    page checks look at nothing else."""

    def __init__(self, path: str | None, key: str):
        self.path, self.key = path, key
        self.previous: dict = {}
        self.current: dict = {}
        try:
            with open(path, "rb") as fp:
                stored = pickle.load(fp)
            if stored.get("key") == key:
                self.previous = stored["pages"]
        except Exception:  # noqa: BLE001 - no usable memory: every page is checked
            pass

    def problems(self, page: str, text: str, check) -> dict:
        digest = hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).digest()
        known = self.previous.get(page)
        problems = known[1] if known and known[0] == digest else check()
        self.current[page] = (digest, problems)
        return problems

    def save(self) -> None:
        if not self.path:
            return
        temporary = None
        try:
            os.makedirs(os.path.dirname(self.path), exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=os.path.dirname(self.path), suffix=".tmp")
            with os.fdopen(handle, "wb") as fp:
                pickle.dump({"key": self.key, "pages": self.current}, fp, protocol=4)
            os.replace(temporary, self.path)
        except BaseException as error:  # only a cache: the next build checks every page
            if temporary and os.path.exists(temporary):
                os.unlink(temporary)
            if not isinstance(error, OSError):
                raise


def memory_key(rules, manifest: dict) -> str:
    """What page checks depend on besides the page: rules, code, manifest."""
    here = Path(__file__).resolve().parent
    digest = hashlib.sha256()
    for name in ("background.py", "checks.py", "dom.py", "engine.py", "links.py",
                 "resources.py"):
        digest.update((here / name).read_bytes())
    digest.update(repr([(r.id, r.check, r.scope, r.params) for r in rules]).encode())
    digest.update(json.dumps(manifest, sort_keys=True, default=str).encode())
    return digest.hexdigest()


def scan_worker(output: str, rules_file: str | None, connection,
                memory_file: str | None = None) -> None:
    """Body of the helper process: ``("manifest", dict)``, then any number of
    ``("pages", [relative path, ...])``, then ``("end",)``, answered with
    ``{page: (stamp, {rule id: problem or None})}``. ``None`` first means the
    build gave up. ``memory_file``: where :class:`PageMemory` is kept."""
    # cancel() (an interrupted or failed build) terminates: leave through
    # the with- and try-blocks (no temporary file stays), without a traceback.
    signal.signal(signal.SIGTERM, _leave)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the build hears Ctrl-C
    try:
        _scan(output, rules_file, connection, memory_file)
    except (_Stopped, EOFError, BrokenPipeError):  # the build is gone or gave up
        pass


class _Stopped(BaseException):
    pass


def _leave(*_):
    raise _Stopped


def _scan(output, rules_file, connection, memory_file) -> None:
    from .engine import Site, load_rules, page_rules, scan_page

    message = connection.recv()
    if message is None:
        return
    results: dict = {}
    memory = None
    try:
        rules, _rows = load_rules(rules_file)
        site = Site(Path(output), message[1])
        chosen = page_rules(rules, site)
        if memory_file:
            memory = PageMemory(memory_file, memory_key(rules, message[1]))
    except Exception:  # noqa: BLE001 - the build checks everything itself then
        chosen = None
    while True:
        message = connection.recv()
        if message is None or message[0] == "end":
            break
        if chosen is None:
            continue
        for page in message[1]:
            if page in results:  # sent by a forked writer and again by the build
                continue
            try:
                outcome = scan_page(page, chosen, site, memory)
            except Exception:  # noqa: BLE001 - checked again, with its error, at the end
                outcome = None
            if outcome is not None:
                results[page] = outcome
    if message is not None:
        if memory is not None:
            memory.save()
        connection.send(results)


class BackgroundScan:
    """The helper process for one build (see the module docstring)."""

    def __init__(self, output_path: str, rules_file: str | None = None,
                 memory_file: str | None = None):
        from multiprocessing import Pipe

        # A fresh interpreter (not multiprocessing's "fork": a forked child
        # keeps every descriptor of the build's process open, a test's
        # browser driver pipe say, as long as it lives; not its "spawn"
        # either: that also starts a resource tracker process, ~7 MiB, and
        # imports the build's main module again). Only the pipe's end is
        # passed on.
        self.output = os.path.abspath(output_path)
        self._prefix = os.path.join(self.output, "")
        self._connection, child = Pipe()
        arguments = json.dumps([self.output, rules_file and os.fspath(rules_file),
                                child.fileno(), memory_file and os.fspath(memory_file)])
        with interruption.helpers_ignore_interrupts():
            self._process = subprocess.Popen(
                [sys.executable, "-c", _HELPER_MAIN, arguments],
                stdin=subprocess.DEVNULL, pass_fds=(child.fileno(),))
        child.close()  # the helper's end: its exit then reads as EOF here
        self._stop = interruption.on_stop(self.cancel)
        self._started = False
        self._pending: list[str] = []
        self._pending_bytes = 0
        self._owner = os.getpid()

    def start(self, manifest: dict) -> None:
        self._connection.send(("manifest", manifest))
        self._started = True

    def page_written(self, path: str) -> None:
        if not self._started:
            return
        if path.startswith(self._prefix):  # Pelican's writer joins onto the output path
            relative = path[len(self._prefix):]
        else:
            relative = os.path.relpath(os.path.abspath(path), self.output)
            if relative.startswith(".."):
                return
        relative = relative.replace(os.sep, "/")
        if os.getpid() != self._owner:  # a forked writer: one atomic write per page
            self._connection.send(("pages", [relative]))
            return
        size = len(relative.encode()) + 8
        if self._pending_bytes + size > BATCH_BYTES:
            self._flush()
        self._pending.append(relative)
        self._pending_bytes += size

    def _flush(self) -> None:
        if self._pending:
            self._connection.send(("pages", self._pending))
            self._pending, self._pending_bytes = [], 0

    def results(self) -> dict:
        """Everything the helper checked; ``{}`` if it failed (then the
        engine checks every page itself)."""
        if not self._started:
            self.cancel()
            return {}
        try:
            self._flush()
            self._connection.send(("end",))
            return self._connection.recv()
        except (EOFError, OSError):
            return {}
        finally:
            _waited(self._process, 30)
            interruption.forget(self._stop)

    def cancel(self) -> None:
        interruption.forget(self._stop)
        if self._process.poll() is None:
            self._process.terminate()
            if not _waited(self._process, 5):
                self._process.kill()
        _waited(self._process, 10)


def _waited(process, seconds) -> bool:
    try:
        process.wait(timeout=seconds)
        return True
    except subprocess.TimeoutExpired:
        return False


def _helper_main(arguments: str) -> None:
    """Entry point of the helper's interpreter (``_HELPER_MAIN``)."""
    from multiprocessing.connection import Connection

    output, rules_file, descriptor, memory_file = json.loads(arguments)
    scan_worker(output, rules_file, Connection(descriptor), memory_file)


_HELPER_MAIN = ("import sys; from truongweb.plugins.compliance.background import _helper_main; "
                "_helper_main(sys.argv[1])")
