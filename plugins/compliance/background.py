"""Page checks run on the machine's other core while the build writes.

Most rules look at every page on its own (``scan`` checks). Instead of
reading and checking some thousand pages after the build, a helper process
receives each page's path as soon as Pelican has written it and checks it
then; at ``finalized`` the engine reuses those results for every page whose
size and modification time are unchanged and checks the rest itself, so the
outcome is exactly that of checking the finished site.
This module does not import Pelican.
"""

from __future__ import annotations

import os
from pathlib import Path

# Paths are sent in batches of at most this many bytes: fewer writes, and
# each write below PIPE_BUF (4096 on Linux) is atomic, so a forked child of
# the build (parallel_write) can send on the same pipe without interleaving.
BATCH_BYTES = 3000


def scan_worker(output: str, rules_file: str | None, connection) -> None:
    """Body of the helper process: ``("manifest", dict)``, then any number of
    ``("pages", [relative path, ...])``, then ``("end",)``, answered with
    ``{page: (stamp, {rule id: problem or None})}``. ``None`` first means the
    build gave up."""
    from .engine import Site, load_rules, page_rules, scan_page

    message = connection.recv()
    if message is None:
        return
    results: dict = {}
    try:
        rules, _rows = load_rules(Path(rules_file)) if rules_file else load_rules()
        site = Site(Path(output), message[1])
        chosen = page_rules(rules, site)
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
                outcome = scan_page(page, chosen, site)
            except Exception:  # noqa: BLE001 - checked again, with its error, at the end
                outcome = None
            if outcome is not None:
                results[page] = outcome
    if message is not None:
        connection.send(results)


class BackgroundScan:
    """The helper process for one build (see the module docstring)."""

    def __init__(self, output_path: str, rules_file: str | None = None):
        import multiprocessing

        # "spawn", not "fork": a forked child keeps every descriptor of the
        # build's process open (see search_index.indexer.BackgroundIndex).
        context = multiprocessing.get_context("spawn")
        self.output = os.path.abspath(output_path)
        self._prefix = os.path.join(self.output, "")
        self._connection, child = context.Pipe()
        self._process = context.Process(target=scan_worker, daemon=True,
                                        args=(self.output, rules_file, child))
        self._process.start()
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
            self._process.join(timeout=30)

    def cancel(self) -> None:
        if self._process.is_alive():
            self._process.kill()
        self._process.join(timeout=10)
