"""Run a function in a forked child and collect what it returns (Linux).

A library for the plugins that split a build over two processes
(``parallel_read``, ``parallel_write``); it registers no signal. The child
logs into the handler it is given instead of the build's handlers, sends its
result pickled through a pipe and leaves with ``os._exit``: no clean-up runs
there, because the build's helper processes and open files belong to the
parent. A child registers with ``interruption``: an interrupted build kills
it (Ctrl-C reaches the parent only, see ``interruption.quiet_child``).
"""

from __future__ import annotations

import logging
import os
import pickle
import signal
import sys
from typing import Any, Callable

from truongweb.plugins import interruption
def available() -> bool:
    return hasattr(os, "fork") and sys.platform.startswith("linux")


class ForkedCall:
    """``work()`` running in a forked child; :meth:`result` waits for it."""

    def __init__(self, work: Callable[[], Any], log_handler: logging.Handler | None = None):
        read_end, write_end = os.pipe()
        pid = os.fork()
        if pid == 0:
            os.close(read_end)
            interruption.quiet_child()
            _run_child(work, log_handler, write_end)
        os.close(write_end)
        self.pid, self._pipe = pid, read_end
        self._stop = interruption.on_stop(self.kill)

    def kill(self) -> None:
        """Stop the child now and reap it (an interrupted build)."""
        try:
            os.kill(self.pid, signal.SIGKILL)
            os.waitpid(self.pid, 0)
        except OSError:  # already reaped
            pass

    def result(self, if_died: Callable[[int], Any]) -> Any:
        """What ``work()`` returned, or ``if_died(wait status)`` when the child
        ended without reporting."""
        with os.fdopen(self._pipe, "rb") as pipe:
            data = pipe.read()
        _pid, status = os.waitpid(self.pid, 0)
        interruption.forget(self._stop)
        try:
            return pickle.loads(data)
        except Exception:  # noqa: BLE001 - nothing (or half) was sent
            return if_died(status)


def _run_child(work, log_handler, write_end) -> None:
    status = 1
    try:
        if log_handler is not None:
            root = logging.getLogger()
            for handler in list(root.handlers):
                root.removeHandler(handler)
            root.addHandler(log_handler)
        outcome = work()
        with os.fdopen(write_end, "wb") as pipe:
            pickle.dump(outcome, pipe, protocol=pickle.HIGHEST_PROTOCOL)
        status = 0
    finally:
        os._exit(status)
