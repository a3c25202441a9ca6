"""Browser test harness: a local static server and Debian's Chromium via
Playwright, with every request outside 127.0.0.1 blocked and recorded.

Playwright's own browser download is never used (`playwright install` is not
run): Chromium comes from Debian (`apt-get install chromium`)."""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import threading
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run",
                 "--disable-dev-shm-usage"]
AXE = ROOT / "node_modules/axe-core/axe.min.js"
VNU = ROOT / "node_modules/vnu-jar/build/dist/vnu.jar"


def chromium_available() -> bool:
    return shutil.which(CHROMIUM) is not None or os.path.exists(CHROMIUM)


class _Quiet(http.server.SimpleHTTPRequestHandler):
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


def free_port() -> int:
    import socket
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def serve(directory: Path, port: int = 0):
    """Serve ``directory`` on http://127.0.0.1:<port>/ in a thread."""
    handler = functools.partial(_Quiet, directory=str(directory))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()


def launch(playwright):
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)


class Guard:
    """Routes every request of a context: 127.0.0.1 goes through, anything
    else is aborted and recorded in ``blocked``."""

    def __init__(self, context):
        self.blocked: list[str] = []
        context.route("**/*", self._route)

    def _route(self, route):
        url = route.request.url
        parts = urlsplit(url)
        if parts.scheme in ("data", "blob", "about") or parts.hostname == "127.0.0.1":
            route.continue_()
        else:
            self.blocked.append(url)
            route.abort()
