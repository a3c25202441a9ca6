"""Web editor figures: transferred size of /admin/ and start-up time.

Builds the demo site with the editor's test-repo backend, seeds the browser's
test repository with (a) the demo content and (b) the demo content plus 1,000
generated articles, and times /admin/ from navigation to the article list
(median of --runs, each in a fresh browser). Everything stays on 127.0.0.1.

    python bench/editor_startup.py [--runs 3] [--articles 1000]
"""

import argparse
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

from editor_browser import Editor, repo_files, serve
from editor_site import build, demo_content
from playwright.sync_api import sync_playwright

CATEGORIES = ["Tin tức – Sự kiện", "Thông báo", "Hoạt động chuyên môn", "Đoàn – Đội"]


def many_articles(folder: Path, count: int):
    for i in range(count):
        month = i % 12 + 1
        path = folder / "articles" / "2025" / f"{month:02d}-bai-thu-nghiem-so-{i}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(
            f"---\ntitle: Bài thử nghiệm số {i}: Đại hội Đoàn – Đội và hoạt động ngoại khóa\n"
            f"date: 2025-{month:02d}-{i % 28 + 1:02d}T08:00:00+07:00\n"
            f"category: {CATEGORIES[i % len(CATEGORIES)]}\n"
            "tags: [thử nghiệm, hiệu năng]\nstatus: published\n---\n\n"
            + "Học sinh tham gia hoạt động trải nghiệm sáng tạo tại trường. " * 20 + "\n",
            encoding="utf-8")


def measure(site: Path, files: dict, runs: int):
    times, sizes, external = [], None, []
    with serve(site) as base, sync_playwright() as p:
        for _ in range(runs):
            editor = Editor(p, base)
            try:
                editor.seed(files)
                editor.loaded.clear()
                times.append(editor.open(timeout=180_000))
                sizes = editor.transferred(site)
                external += editor.external
            finally:
                editor.close()
    return statistics.median(times), sizes, external


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--articles", type=int, default=1000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        content = demo_content(tmp / "content")
        site = build(content, tmp / "site",
                     EDITOR_CONFIG_OVERRIDES={"backend": {"name": "test-repo"}})
        demo_files = repo_files(content)
        big = tmp / "big"
        shutil.copytree(content, big)
        many_articles(big, args.articles)
        big_files = repo_files(big)
        n_demo = sum(1 for k in demo_files if k.startswith("content/articles/"))
        t_demo, (count, raw, gz), ext1 = measure(site, demo_files, args.runs)
        t_big, _, ext2 = measure(site, big_files, args.runs)
    print(f"/admin/ files loaded at start-up: {count}, {raw / 1e6:.2f} MB, "
          f"{gz / 1e6:.2f} MB gzip")
    print(f"start-up to article list, demo content ({n_demo} articles): {t_demo:.2f} s")
    print(f"start-up to article list, +{args.articles} articles: {t_big:.2f} s")
    print(f"requests to other hosts: {len(ext1) + len(ext2)}")


if __name__ == "__main__":
    main()
