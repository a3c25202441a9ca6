"""Page weight: bytes transferred with gzip for a page's HTML plus the CSS and
JavaScript it loads (stylesheets, scripts, CSS @import), images and fonts
excluded. Targets: home ≤ 60 KB, article ≤ 40 KB.

    python bench/page_weight.py [--output DIR]   # default: build the demo (publish settings)

Prints a table and exits 1 if a target is exceeded.
"""

from __future__ import annotations

import argparse
import gzip
import re
import sys
import tempfile
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

ROOT = Path(__file__).resolve().parents[1]
TARGETS = {"home": 60_000, "article": 40_000}
GZIP_LEVEL = 6  # what nginx/Apache/GitHub Pages use by default


class _Assets(HTMLParser):
    def __init__(self):
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "link" and "stylesheet" in (a.get("rel") or "").split() and a.get("href"):
            self.urls.append(a["href"])
        elif tag == "script" and a.get("src"):
            self.urls.append(a["src"])


def gz(data: bytes) -> int:
    return len(gzip.compress(data, GZIP_LEVEL, mtime=0))


def _local_file(output: Path, page_url: str, ref: str) -> Path | None:
    url = urljoin(page_url, ref)
    parts = urlsplit(url)
    if parts.netloc and parts.netloc != urlsplit(page_url).netloc:
        raise ValueError(f"tài nguyên từ máy chủ khác: {url}")
    path = output / parts.path.lstrip("/")
    if path.is_dir():
        path = path / "index.html"
    return path if path.is_file() else None


def measure(output: Path, rel_html: str, base: str = "http://site.local") -> dict:
    """{'html': n, 'assets': {path: gz}, 'total': n} for one page."""
    page_url = f"{base}/{rel_html}"
    html = (output / rel_html).read_bytes()
    parser = _Assets()
    parser.feed(html.decode("utf-8"))
    # absolute SITEURL links point at the same output
    assets: dict[str, int] = {}
    queue = [(page_url, u) for u in parser.urls]
    while queue:
        origin, ref = queue.pop()
        ref = re.sub(r"^https?://[^/]+", base, ref)
        f = _local_file(output, origin, ref)
        if f is None:
            raise FileNotFoundError(f"thiếu tệp {ref} (trang {rel_html})")
        key = f.relative_to(output).as_posix()
        if key in assets:
            continue
        data = f.read_bytes()
        assets[key] = gz(data)
        if f.suffix == ".css":
            for imp in re.findall(rb"@import\s+(?:url\()?[\"']?([^\"')\s;]+)", data):
                queue.append((f"{base}/{key}", imp.decode()))
    return {"html": gz(html), "assets": assets, "total": gz(html) + sum(assets.values())}


def page_files(output: Path) -> dict[str, str]:
    from pagetypes import discover

    found = discover(output)
    return {k: found[k] for k in TARGETS if found.get(k)}


def report(output: Path) -> tuple[str, bool]:
    lines = [f"{'trang':8} {'tệp':52} {'HTML':>7} {'CSS+JS':>7} {'tổng':>7} {'mục tiêu':>8}"]
    ok = True
    for kind, rel in page_files(output).items():
        m = measure(output, rel)
        good = m["total"] <= TARGETS[kind]
        ok &= good
        lines.append(f"{kind:8} {rel[:52]:52} {m['html']/1000:6.1f}K {sum(m['assets'].values())/1000:6.1f}K "
                     f"{m['total']/1000:6.1f}K {TARGETS[kind]/1000:6.0f}K {'đạt' if good else 'VƯỢT'}")
        for a, n in sorted(m["assets"].items()):
            lines.append(f"{'':8}   {a[:60]:60} {n/1000:6.1f}K")
    return "\n".join(lines), ok


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--output", help="a built site; default: build the demo with publish settings")
    args = ap.parse_args()
    if args.output:
        output = Path(args.output)
    else:
        from truongweb.build import build

        output = Path(tempfile.mkdtemp(prefix="page-weight-")) / "output"
        build(str(output), publish=True)
    text, ok = report(output)
    print(text)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
