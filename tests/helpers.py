"""Helpers shared by the tests: real Pelican builds into temporary folders."""

import functools
import http.server
import os
import re
import threading
from contextlib import contextmanager
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEMO_CONTENT = ROOT / "content"
TEST_SITE = ROOT / "tests" / "data" / "site"

from truongweb.build import build


def demo_settings(publish=False):
    """The demo school's settings as Pelican reads them (product defaults included)."""
    from pelican.settings import read_settings

    return read_settings(str(ROOT / ("publishconf.py" if publish else "pelicanconf.py")))


def build_site(tmp_path, content=None, publish=False, **overrides):
    """Build ``content`` (default: the demo school) into ``tmp_path/output``
    with its own cache, and return the output folder."""
    output = Path(tmp_path) / "output"
    build(output, content=content or DEMO_CONTENT, publish=publish, overrides=overrides,
          cache=Path(tmp_path) / "cache", echo=False)
    return output


def run_build_cli(*args, cwd=ROOT):
    """Run ``python -m truongweb.build`` as a user would; return the result."""
    environment = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    environment.pop("SITE_DEBUG", None)
    return subprocess.run(
        [sys.executable, "-m", "truongweb.build", *map(str, args)],
        cwd=cwd, capture_output=True, text=True, encoding="utf-8", env=environment,
    )


def read(path):
    return Path(path).read_text(encoding="utf-8")


def all_html(output):
    return {p.relative_to(output).as_posix(): read(p) for p in Path(output).rglob("*.html")}


def links_in(html):
    return re.findall(r'href="([^"]+)"', html)


class StaticSiteHandler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map,
                      ".wasm": "application/wasm", ".js": "text/javascript",
                      ".webp": "image/webp", ".pagefind": "application/octet-stream",
                      ".pf_meta": "application/octet-stream",
                      ".pf_fragment": "application/octet-stream",
                      ".pf_index": "application/octet-stream",
                      ".pf_filter": "application/octet-stream"}

    def log_message(self, *args):  # keep pytest output clean
        pass

    def send_error(self, code, message=None, explain=None):
        # Serve the site's own 404 page like a real static host would.
        page = Path(self.directory) / "404.html"
        if code == 404 and page.is_file():
            body = page.read_bytes()
            self.send_response(404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(body)
            return
        super().send_error(code, message, explain)


def free_port():
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class _QuietServer(http.server.ThreadingHTTPServer):
    """A browser that hangs up mid-answer (a favicon it stopped wanting) is not
    an error of the site: no traceback in the test output."""

    def handle_error(self, request, client_address):
        if isinstance(sys.exc_info()[1], (BrokenPipeError, ConnectionResetError)):
            return
        super().handle_error(request, client_address)


@contextmanager
def serve_directory(directory, port=0):
    """Serve ``directory`` on http://127.0.0.1:<port>/ (0: a free port) in a
    thread, as a static host would (its own 404 page); yields the base URL."""
    handler = functools.partial(StaticSiteHandler, directory=str(directory))
    httpd = _QuietServer(("127.0.0.1", port), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()
