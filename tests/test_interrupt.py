"""An interrupted build (Ctrl-C in a terminal, SIGTERM from a CI timeout)
stops quietly: one Vietnamese line, a non-zero exit (130 for Ctrl-C), no
traceback from the build or its helper processes (page checker, forked
readers and writers) and no helper left running."""

import os
import shutil
import signal
import subprocess
import sys
import time

import pytest

from helpers import DEMO_CONTENT, ROOT
from truongweb.plugins.interruption import child_pids
from truongweb.build import INTERRUPTED

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux /proc")

EXTRA_ARTICLES = 300  # the demo plus these: a build long enough to be stopped halfway


@pytest.fixture(scope="module")
def content(tmp_path_factory):
    folder = tmp_path_factory.mktemp("interrupt") / "content"
    shutil.copytree(DEMO_CONTENT, folder)
    for number in range(EXTRA_ARTICLES):
        (folder / "articles" / f"them-{number:04d}.md").write_text(
            f"Title: Tin bổ sung số {number}\nDate: 2025-{1 + number % 12:02d}-10 07:00\n"
            "Category: Tin tức – Sự kiện\nAuthor: Giáo viên\n\n"
            + "Học sinh tham gia hoạt động ngoại khóa của nhà trường. " * 60 + "\n",
            encoding="utf-8")
    return folder


def descendants(pid):
    found, queue = set(), [pid]
    while queue:
        for child in child_pids(queue.pop()):
            if child not in found:
                found.add(child)
                queue.append(child)
    return found


def running(pid):
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as fp:
            return fp.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


@pytest.mark.parametrize("signum, to_group, code", [
    (signal.SIGINT, True, 130),   # Ctrl-C: the terminal signals the whole process group
    (signal.SIGTERM, False, 143),  # a CI timeout: the build process alone
])
def test_interrupted_build_stops_quietly(tmp_path, content, signum, to_group, code):
    output, cache = tmp_path / "output", tmp_path / "cache"
    build = subprocess.Popen(
        [sys.executable, "-m", "truongweb.build", "--content", str(content),
         "--output", str(output), "--cache", str(cache)],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, encoding="utf-8",
        env={**os.environ, "PYTHONIOENCODING": "utf-8"}, start_new_session=True)
    helpers: set = set()
    try:
        deadline = time.monotonic() + 120
        # Inside the build: helpers running and the first pages written.
        while time.monotonic() < deadline and build.poll() is None:
            helpers |= descendants(build.pid)
            if next(output.rglob("*.html"), None) is not None and helpers:
                break
            time.sleep(0.01)
        assert build.poll() is None, "the build ended before it could be interrupted"
        helpers |= descendants(build.pid)
        if to_group:
            os.killpg(build.pid, signum)
        else:
            build.send_signal(signum)
        stdout, stderr = build.communicate(timeout=60)
    finally:
        if build.poll() is None:
            os.killpg(build.pid, signal.SIGKILL)
            build.communicate()
    assert "Traceback" not in stdout + stderr, stderr
    assert INTERRUPTED in stderr
    assert build.returncode == code
    assert len(helpers) >= 2  # the page checker and the forked article writer at least
    time.sleep(0.2)  # a helper that outlived the build would still be here
    assert [pid for pid in helpers if running(pid)] == []
    assert list(cache.rglob("*.tmp")) == []  # the page checker's half-written memory
