"""Drive the web editor in Debian's Chromium with Playwright (test-repo backend).

Shared by the round-trip test and bench/editor_startup.py. The site is served
from 127.0.0.1 by an in-process HTTP server; every request to any other host
is aborted and recorded, so a test can assert that nothing left localhost.
"""

from __future__ import annotations

import base64
import gzip
import time
from pathlib import Path

from helpers import serve_directory as serve  # noqa: F401 - used by the round-trip tests

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
TEST_REPO_DIR = "sveltia-cms-test"  # Sveltia's test-repo backend keeps files in the OPFS here
SIGN_IN = "Làm việc với kho mã nguồn thử nghiệm"

SEED_JS = """async ([top, files]) => {
  const root = await navigator.storage.getDirectory();
  try { await root.removeEntry(top, {recursive: true}); } catch (e) {}
  const base = await root.getDirectoryHandle(top, {create: true});
  for (const [path, b64] of Object.entries(files)) {
    const parts = path.split('/'); let dir = base;
    for (const d of parts.slice(0, -1)) dir = await dir.getDirectoryHandle(d, {create: true});
    const w = await (await dir.getFileHandle(parts.at(-1), {create: true})).createWritable();
    await w.write(Uint8Array.from(atob(b64), c => c.charCodeAt(0)));
    await w.close();
  }
}"""

DUMP_JS = """async (top) => {
  const out = {};
  const walk = async (dir, prefix) => {
    for await (const [name, h] of dir.entries()) {
      const p = prefix ? prefix + '/' + name : name;
      if (h.kind === 'directory') { await walk(h, p); continue; }
      const bytes = new Uint8Array(await (await h.getFile()).arrayBuffer());
      let s = ''; for (let i = 0; i < bytes.length; i += 0x8000)
        s += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000));
      out[p] = btoa(s);
    }
  };
  const root = await navigator.storage.getDirectory();
  await walk(await root.getDirectoryHandle(top), '');
  return out;
}"""


def repo_files(root: Path, prefix: str = "content") -> dict[str, str]:
    """Files under ``root`` as {"content/…": base64} for seeding the test repo."""
    return {f"{prefix}/{p.relative_to(root).as_posix()}": base64.b64encode(p.read_bytes()).decode()
            for p in sorted(root.rglob("*")) if p.is_file()}


class Editor:
    """One browser page on the editor; ``external`` lists blocked non-local requests."""

    def __init__(self, playwright, base_url: str, width: int = 1280, height: int = 900,
                 locale: str = "vi-VN"):
        self.base_url = base_url
        self.external: list[str] = []
        self.loaded: list[str] = []  # site URLs the page loaded
        self.console_errors: list[str] = []
        self.browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        # A browser far from Vietnam: the editor must still save times in Asia/Ho_Chi_Minh.
        self.page = self.browser.new_page(viewport={"width": width, "height": height},
                                          locale=locale, timezone_id="Europe/Berlin")
        # The shared 2-core machines can be very busy: be patient, not flaky.
        self.page.set_default_timeout(120_000)
        self.page.route("**/*", self._route)
        self.page.on("console", self._console)
        self.page.on("response", self._response)

    def _route(self, route):
        url = route.request.url
        if url.startswith(self.base_url + "/") or url.startswith(("data:", "blob:")):
            route.continue_()
        else:
            self.external.append(url)
            route.abort()

    def _console(self, msg):
        if msg.type == "error":
            self.console_errors.append(msg.text)

    def _response(self, response):
        if response.url.startswith(self.base_url + "/"):
            self.loaded.append(response.url)

    def transferred(self, site: Path, prefix: str = "/admin/") -> tuple[int, int, int]:
        """(files, bytes, gzip bytes) of the distinct files under ``prefix`` loaded so far."""
        paths = {u[len(self.base_url):].split("?")[0] for u in self.loaded}
        files = [site / p.lstrip("/") for p in paths if p.startswith(prefix)]
        files = [f for f in files if f.is_file()]
        raw = sum(f.stat().st_size for f in files)
        gz = sum(len(gzip.compress(f.read_bytes(), 6)) for f in files)
        return len(files), raw, gz

    def seed(self, files: dict[str, str]):
        """Replace the test repository's files (call before opening the editor)."""
        self.page.goto(self.base_url + "/admin/LICENSE.txt")
        self.page.evaluate(SEED_JS, [TEST_REPO_DIR, files])

    def open(self, timeout: float = 120_000, rows: bool = True) -> float:
        """Open /admin/, sign in to the test repo, wait for the article list; seconds taken."""
        start = time.perf_counter()
        self.page.goto(self.base_url + "/admin/")
        self.page.get_by_role("button", name=SIGN_IN).click(timeout=timeout)
        self.page.get_by_role("button", name="Tạo bài viết mới").first.wait_for(timeout=timeout)
        if rows:
            self.page.get_by_role("grid", name="Bài viết").get_by_role("row").first.wait_for(
                timeout=timeout)
        return time.perf_counter() - start

    def icons_loaded(self) -> bool:
        """Whether the icon font (served from /admin/assets/) is in use."""
        return self.page.evaluate(
            "[...document.fonts].some(f => f.family.includes('Material Symbols')"
            " && f.status === 'loaded')")

    def files(self) -> dict[str, bytes]:
        """Every file of the test repository, {"content/…": bytes}."""
        raw = self.page.evaluate(DUMP_JS, TEST_REPO_DIR)
        return {path: base64.b64decode(data) for path, data in raw.items()}

    def scroll_form(self, x: int = 200, steps: int = 15):
        """The form renders fields lazily: scroll the edit pane to the end."""
        for _ in range(steps):
            self.page.mouse.move(x, 500)
            self.page.mouse.wheel(0, 800)
            self.page.wait_for_timeout(100)

    def close(self):
        self.browser.close()
