"""The GitHub Actions workflow that publishes the site is valid and does what
the README promises (deploy on push to main and once a day), and it deploys
nothing that the compliance gate of `truongweb check` refuses."""

import json
import os
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import yaml

from helpers import ROOT

from compliance_site import AS_OF, make_content

WORKFLOW = ROOT / ".github" / "workflows" / "publish.yml"


def test_actionlint_finds_no_problem():
    actionlint = shutil.which("actionlint")
    assert actionlint, "actionlint is installed by requirements-test.txt"
    result = subprocess.run([actionlint, str(WORKFLOW)], capture_output=True, text=True,
                            encoding="utf-8")
    assert result.returncode == 0, result.stdout + result.stderr


def test_runs_on_push_to_main_and_daily_with_publish_settings():
    workflow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    triggers = workflow[True]  # YAML 1.1 reads the key "on" as True
    assert triggers["push"]["branches"] == ["main"]
    assert triggers["schedule"][0]["cron"].count(" ") == 4
    steps = " ".join(str(step.get("run", "")) for step in workflow["jobs"]["build"]["steps"])
    assert "truongweb build --publish --clean" in steps


def build_step():
    workflow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    steps = workflow["jobs"]["build"]["steps"]
    index = next(i for i, step in enumerate(steps) if "truongweb build" in str(step.get("run", "")))
    return steps, index


def test_the_build_step_runs_the_compliance_gate_before_the_upload():
    steps, index = build_step()
    command = shlex.split(steps[index]["run"])
    assert command[:2] == ["truongweb", "build"]
    assert {"--publish", "--check"} <= set(command)
    upload = next(i for i, step in enumerate(steps)
                  if str(step.get("uses", "")).startswith("actions/upload-pages-artifact"))
    assert index < upload  # a failed gate stops the job: nothing is uploaded or deployed
    assert all("continue-on-error" not in step for step in steps)


def _gate(tmp_path, content, *extra):
    """The workflow's own build command, run for real on ``content``."""
    steps, index = build_step()
    command = shlex.split(steps[index]["run"])
    command[0] = str(Path(sys.executable).with_name("truongweb"))  # the installed command
    command += ["--content", str(content), "--output", str(tmp_path / "_site"),
                "--cache", str(tmp_path / "cache"), "--set", f"COMPLIANCE_AS_OF={AS_OF}", *extra]
    environment = {**os.environ, "PYTHONIOENCODING": "utf-8",
                   "SITEURL": "https://truong-mau.github.io/thcs-thanh-binh"}
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True,
                          encoding="utf-8", env=environment)


def test_the_gate_refuses_a_build_with_a_third_party_iframe(tmp_path):
    content = make_content(tmp_path / "content")
    # The footer links the evidence pages, which the demo's plans give.
    shutil.copytree(ROOT / "content" / "plans", content / "plans")
    passing = _gate(tmp_path / "ok", content)
    assert passing.returncode == 0, passing.stdout + passing.stderr
    assert "Kiểm tra đạt" in passing.stdout

    # A school's own footer with an embedded YouTube video (checklist C25).
    overrides = tmp_path / "templates"
    (overrides / "partials").mkdir(parents=True)
    footer = (ROOT / "theme" / "templates" / "partials" / "footer.html").read_text(encoding="utf-8")
    video = ('<iframe src="https://www.youtube.com/embed/abc123" title="Video giới thiệu">'
             "</iframe>\n</footer>")
    (overrides / "partials" / "footer.html").write_text(footer.replace("</footer>", video),
                                                        encoding="utf-8")
    failing = _gate(tmp_path / "bad", content, "--set",
                    f"THEME_TEMPLATES_OVERRIDES={json.dumps([str(overrides)])}")
    assert failing.returncode == 1, failing.stdout + failing.stderr
    assert "[C25-khong-theo-doi] Lỗi" in failing.stdout
    assert "www.youtube.com" in failing.stdout
    assert "Không được xuất bản bản dựng này" in failing.stderr
    assert "Traceback" not in failing.stderr
    # The page really carries the iframe: the build itself succeeded.
    assert "youtube.com/embed/abc123" in (tmp_path / "bad" / "_site" / "index.html").read_text(
        encoding="utf-8")
