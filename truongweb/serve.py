"""Local preview server: serves the output folder and, when asked, rebuilds
on every change and reloads the open pages.

The reload script is injected into HTML responses by this server only; the
built files stay exactly what would be published.
"""

import errno
import functools
import http.server
import sys
import threading
from pathlib import Path

from .build import BuildFailed, build
from .paths import site_root
from truongweb.plugins.vietnamese.messages import os_error_reason

# A script file, not an inline script: the pages' Content-Security-Policy
# (script-src 'self') refuses inline scripts.
RELOAD_SCRIPT_URL = "/__tai-lai.js"
RELOAD_SCRIPT = (
    b"(function(){var v=null;function p(){fetch('/__phien-ban').then(function(r)"
    b"{return r.text()}).then(function(t){if(v!==null&&t!==v)location.reload();v=t;"
    b"setTimeout(p,1000)}).catch(function(){setTimeout(p,2000)})}p()})();\n"
)
RELOAD_SNIPPET = f'<script src="{RELOAD_SCRIPT_URL}"></script>'.encode()
WATCHED = ["content", "theme", "plugins", "pelicanconf.py"]


class State:
    version = 0


class Handler(http.server.SimpleHTTPRequestHandler):
    live_reload = False

    def log_message(self, format, *args):  # keep the terminal for build messages
        pass

    def do_GET(self):
        if self.path == RELOAD_SCRIPT_URL and self.live_reload:
            self.send_response(200)
            self.send_header("Content-Type", "text/javascript; charset=utf-8")
            self.send_header("Cache-Control", "no-store")
            self.end_headers()
            self.wfile.write(RELOAD_SCRIPT)
            return
        if self.path == "/__phien-ban":
            body = str(State.version).encode()
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.send_header("Cache-Control", "no-store")
            self.end_headers()
            self.wfile.write(body)
            return
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if self.live_reload and path.suffix == ".html" and path.is_file():
            body = path.read_bytes().replace(b"</body>", RELOAD_SNIPPET + b"</body>", 1)
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Cache-Control", "no-store")
            self.end_headers()
            self.wfile.write(body)
            return
        super().do_GET()

    def send_error(self, code, message=None, explain=None):
        not_found = Path(self.directory) / "404.html"
        if code == 404 and not_found.is_file():
            self.send_response(404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.end_headers()
            self.wfile.write(not_found.read_bytes())
            return
        super().send_error(code, message, explain)


def _watch_and_rebuild(output, build_kwargs):
    from watchfiles import watch

    # A school's site has no theme/ or plugins/ (they come with the package);
    # watchfiles refuses a path that does not exist.
    watched = [path for path in (site_root() / name for name in WATCHED) if path.exists()]
    for _changes in watch(*watched):
        print("Phát hiện thay đổi, đang dựng lại…", flush=True)
        try:
            build(output, **build_kwargs)
            State.version += 1
            print("Đã dựng lại. Trang đang mở sẽ tự tải lại.", flush=True)
        except BuildFailed:
            print("Dựng lại thất bại; sửa lỗi ở trên, trang sẽ tự cập nhật khi dựng được.", flush=True)


class PreviewServer(http.server.ThreadingHTTPServer):
    def handle_error(self, request, client_address):
        # A browser that closed the tab, or a request that waited in the queue
        # during the first build and gave up: nothing to report.
        if isinstance(sys.exc_info()[1], ConnectionError):
            return
        super().handle_error(request, client_address)


class ServerUnavailable(OSError):
    """The address cannot be listened on; ``str()`` is the Vietnamese message."""


def open_server(output, host="127.0.0.1", port=8000):
    """Listen on ``host:port`` for the files of ``output`` (which may not be
    built yet); raise :class:`ServerUnavailable` when the port is taken."""
    handler = functools.partial(Handler, directory=str(Path(output).resolve()))
    try:
        return PreviewServer((host, port), handler)
    except OSError as error:
        if error.errno == errno.EADDRINUSE:
            raise ServerUnavailable(f"cổng {port} đang được một chương trình khác dùng; đóng chương "
                                    f"trình đó hoặc chọn cổng khác, ví dụ --port {port + 1}.") from None
        raise ServerUnavailable(f"không mở được máy chủ tại {host}:{port} ({os_error_reason(error, 'mở cổng')}).") from None


def serve(output, port=8000, host="127.0.0.1", rebuild=False, build_kwargs=None, server=None):
    output = Path(output).resolve()
    Handler.live_reload = rebuild
    if server is None:
        server = open_server(output, host, port)
    host, port = server.server_address[:2]
    if rebuild:
        thread = threading.Thread(target=_watch_and_rebuild, args=(output, build_kwargs or {}),
                                  daemon=True)
        thread.start()
    print(f"Xem trang tại http://{host}:{port}/ (nhấn Ctrl+C để dừng).", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        print("\nĐã dừng máy chủ xem thử.")
    finally:
        server.server_close()
    return 0


if __name__ == "__main__":
    sys.exit(serve(sys.argv[1] if len(sys.argv) > 1 else site_root() / "output"))
