"""Stop a build's helper processes quietly when the build is interrupted (Linux).

A library for the plugins that start helper processes (``forked``,
``search_index``, ``compliance``); it registers no signal. A Ctrl-C in a
terminal sends SIGINT to the whole process group, so every helper would raise
``KeyboardInterrupt`` and print its own traceback; a CI timeout sends SIGTERM
to the build alone, and the helpers then wait forever on a pipe or die on
``EOFError``. Instead:

- helpers start with SIGINT ignored (:func:`helpers_ignore_interrupts`,
  :func:`quiet_child`), so only the build hears Ctrl-C;
- each helper registers how to stop it (:func:`on_stop`, undone with
  :func:`forget` once it finished normally);
- the build entry point calls :func:`stop_all` when it is interrupted or
  fails, which stops them and lets them remove their temporary folders.
"""

from __future__ import annotations

import os
import signal
import threading
from contextlib import contextmanager
from typing import Callable

_STOPS: dict[int, Callable[[], None]] = {}
_LOCK = threading.Lock()
_NEXT = [0]


def on_stop(stop: Callable[[], None]) -> int:
    """Call ``stop()`` from :func:`stop_all`; returns a token for :func:`forget`."""
    with _LOCK:
        _NEXT[0] += 1
        _STOPS[_NEXT[0]] = stop
        return _NEXT[0]


def forget(token: int | None) -> None:
    with _LOCK:
        _STOPS.pop(token, None)


def stop_all() -> None:
    """Stop every registered helper (the newest first); never raises."""
    with _LOCK:
        stops = [_STOPS.pop(token) for token in sorted(_STOPS, reverse=True)]
    for stop in stops:
        try:
            stop()
        except Exception:  # noqa: BLE001 - the next helper must still be stopped
            pass


@contextmanager
def helpers_ignore_interrupts():
    """Processes started inside this block ignore SIGINT: an ignored signal
    stays ignored through ``fork`` and ``exec``, and Python keeps it so
    (a blocked one would not: ``subprocess`` clears the mask). Only in the
    main thread; elsewhere the block changes nothing."""
    try:
        previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    except ValueError:  # not the main thread
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


def quiet_child() -> None:
    """In a forked child of the build: the parent decides when it stops
    (Ctrl-C reaches the parent, which stops it); SIGTERM ends it at once,
    without the parent's handler."""
    try:
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
    except (AttributeError, OSError, ValueError):
        pass


def child_pids(pid: int | None = None) -> list[int]:
    """Direct children of ``pid`` (default: this process), from /proc."""
    pid = pid or os.getpid()
    found = []
    try:
        tasks = os.listdir(f"/proc/{pid}/task")
    except OSError:
        return found
    for task in tasks:
        try:
            with open(f"/proc/{pid}/task/{task}/children", encoding="ascii") as fp:
                found += [int(p) for p in fp.read().split()]
        except OSError:
            continue
    return found


def kill_children() -> None:
    """SIGKILL this process's children (a helper binary such as Pagefind)."""
    for child in child_pids():
        try:
            os.kill(child, signal.SIGKILL)
        except OSError:
            pass
