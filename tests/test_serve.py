"""`invoke serve` serves the site, rebuilds on a change and tells open pages
to reload; the built files themselves carry no reload script."""

import subprocess
import sys
import time
import urllib.request

from helpers import free_port
from test_tasks import project  # noqa: F401 - fixture


def fetch(url):
    with urllib.request.urlopen(url, timeout=5) as response:
        return response.read().decode("utf-8")


def wait_for(predicate, seconds=90):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            value = predicate()
            if value:
                return value
        except OSError:
            pass
        time.sleep(0.5)
    raise AssertionError("timed out")


def test_serve_rebuilds_and_reloads_on_change(project):  # noqa: F811
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "invoke", "serve", "--port", str(port)],
                              cwd=project, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        home = wait_for(lambda: fetch(base + "/"))
        # the live-reload script, added while serving; a file, which the CSP allows
        assert '<script src="/__tai-lai.js"></script>' in home
        assert "/__phien-ban" in fetch(base + "/__tai-lai.js")
        assert "__tai-lai" not in (project / "output" / "index.html").read_text(encoding="utf-8")
        version = fetch(base + "/__phien-ban")

        article = project / "content" / "articles" / "2026" / "11-le-ky-niem-44-nam-ngay-nha-giao-viet-nam.md"
        text = article.read_text(encoding="utf-8")
        article.write_text(text.replace("title: Lễ kỷ niệm 44 năm", "title: Lễ kỷ niệm bốn mươi bốn năm", 1),
                           encoding="utf-8")
        wait_for(lambda: fetch(base + "/__phien-ban") != version)
        assert "Lễ kỷ niệm bốn mươi bốn năm" in fetch(base + "/")
        missing = urllib.request.Request(base + "/khong-co-trang-nay/")
        try:
            urllib.request.urlopen(missing, timeout=5)
            raise AssertionError("expected 404")
        except urllib.error.HTTPError as error:
            assert error.code == 404
            assert "Không tìm thấy trang" in error.read().decode("utf-8")
    finally:
        server.terminate()
        server.wait(timeout=10)
