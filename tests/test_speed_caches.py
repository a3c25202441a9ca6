"""What the build reuses to save time gives what doing the work afresh gives:
one Markdown instance per reader (front_matter), output folders already
checked (safe_paths), the page checker started without multiprocessing's
resource tracker (compliance)."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from pelican.settings import read_settings

from helpers import ROOT
from truongweb import pelican_compat
from truongweb.paths import OutsideFolderError
from truongweb.plugins.front_matter.reader import VietnameseYAMLReader
from truongweb.plugins.safe_paths.writer import SafeWriter

# Key: value files, each with what keeps state in Python-Markdown between
# documents if reset forgets it: footnotes, abbreviations, link references,
# repeated headings, a formatted Summary (converted by the same instance).
ARTICLES = {
    "a.md": """Title: Bài một
Date: 2026-01-05 07:00
Category: Tin tức
Summary: Tóm tắt *có nhấn mạnh* [liên kết][ref]

## Tiêu đề

Văn bản có chú thích[^1] và HTML*.

## Tiêu đề

[ref]: https://example.org/a

*[HTML]: HyperText Markup Language

[^1]: Chú thích một.
""",
    "b.md": """Title: Bài hai
Date: 2026-01-06 07:00
Category: Tin tức

Note: this line is text, not a header

## Tiêu đề

Một [liên kết][ref] chưa định nghĩa ở bài này, HTML và chú thích[^1].

| A | B |
|---|---|
| 1 | 2 |

[^1]: Chú thích hai.
""",
    "c.md": """Title: Bài ba
Date: 2026-01-07 07:00
Category: Tin tức
Tags: một, hai
Summary: Dòng một
    Dòng hai

```
mã: giữ nguyên
```
""",
}


@pytest.fixture
def articles(tmp_path):
    content = tmp_path / "content"
    content.mkdir()
    for name, text in ARTICLES.items():
        (content / name).write_text(text, encoding="utf-8")
    return content


def reader_settings(content):
    settings = read_settings(str(ROOT / "pelicanconf.py"))
    settings["PATH"] = str(content)
    return settings


def test_one_reader_reading_file_after_file_reads_what_fresh_readers_read(articles):
    settings = reader_settings(articles)
    reused = VietnameseYAMLReader(settings)
    names = sorted(ARTICLES) * 2  # each file after every other, and after itself
    instances = set()
    for name in names:
        path = str(articles / name)
        got = reused.read(path)
        instances.add(id(pelican_compat.reader_markdown(reused)))
        expected = VietnameseYAMLReader(reader_settings(articles)).read(path)
        assert got == expected, name
    # really one instance (what saves the time), and the header of b.md's
    # body stayed text: the meta preprocessor ran only at the top of a file
    assert len(instances) == 1
    content, metadata = reused.read(str(articles / "b.md"))
    assert "Note: this line is text" in content and "note" not in metadata
    assert "<sup" in content and 'id="tieu-de"' in content


def write_page(writer, name):
    writer.write_file(name, _Template(), {}, relative_urls=False)


class _Template:
    name = "test.html"

    def render(self, context):
        return "<p>trang</p>"


def test_a_symbolic_link_in_an_already_checked_folder_is_still_refused(tmp_path):
    output = tmp_path / "output"
    outside = tmp_path / "outside.html"
    outside.write_text("không được ghi đè", encoding="utf-8")
    writer = SafeWriter(str(output), settings=read_settings(str(ROOT / "pelicanconf.py")))
    write_page(writer, "tin/a/index.html")
    write_page(writer, "tin/b.html")  # the folder "tin" is now a checked one
    (output / "tin" / "c.html").symlink_to(outside)
    (output / "tin" / "d").symlink_to(tmp_path)
    (output / "tin" / "e" / "f").mkdir(parents=True)  # folders no page was written in yet
    (output / "tin" / "e" / "f" / "index.html").symlink_to(outside)
    (output / "tin" / "e" / "g").symlink_to(tmp_path)
    for name in ("tin/c.html", "tin/d/outside.html", "tin/../../outside.html",
                 "tin/d/x/y/index.html", "tin/e/f/index.html", "tin/e/g/outside.html"):
        with pytest.raises(OutsideFolderError):
            write_page(writer, name)
    assert outside.read_text(encoding="utf-8") == "không được ghi đè"
    assert (output / "tin" / "b.html").read_text(encoding="utf-8") == "<p>trang</p>"


def test_the_page_checker_starts_no_resource_tracker(tmp_path):
    # In a fresh interpreter: multiprocessing starts its tracker once per process.
    script = f"""
import json, multiprocessing.resource_tracker as tracker
from truongweb.plugins.compliance.background import BackgroundScan
scan = BackgroundScan({json.dumps(str(tmp_path))})
scan.start({{}})
results = scan.results()
print(json.dumps([tracker._resource_tracker._pid, results]))
"""
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          timeout=120, cwd=ROOT, env={**os.environ, "PYTHONIOENCODING": "utf-8"})
    assert done.returncode == 0, done.stderr
    tracker_pid, results = json.loads(done.stdout)
    assert tracker_pid is None
    assert results == {}
    assert done.stderr == ""
