"""The Nu HTML Checker (vnu-jar) finds no error on any page type."""

import json
import shutil
import subprocess

import pytest

from harness import VNU
from pagetypes import PAGE_TYPES


def test_nu_html_checker_finds_no_error(site):
    if not VNU.is_file():
        pytest.fail("node_modules/vnu-jar is missing: run `npm ci` (see .ci/run)")
    java = shutil.which("java")
    if not java:
        pytest.fail("Java is missing (vnu-jar needs Java 11+)")
    files = {kind: site.output / rel for kind, rel in site.pages.items() if rel}
    assert {"home", "article", "search", "404"} <= set(files)
    proc = subprocess.run([java, "-jar", str(VNU), "--errors-only", "--format", "json",
                           *map(str, files.values())], capture_output=True, text=True, timeout=300)
    messages = json.loads(proc.stderr or proc.stdout or '{"messages": []}')["messages"]
    by_file = {}
    for m in messages:
        kind = next((k for k, f in files.items() if m.get("url", "").endswith(f.as_posix())), m.get("url"))
        by_file.setdefault(kind, []).append(f'{m.get("lastLine")}: {m["message"]}')
    assert by_file == {}, json.dumps(by_file, ensure_ascii=False, indent=1)
    missing = [k for k in PAGE_TYPES if k not in files]
    print("vnu checked:", sorted(files), "missing page types:", missing)
