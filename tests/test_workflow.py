"""The GitHub Actions workflow that publishes the site is valid and does what
the README promises (deploy on push to main and once a day)."""

import shutil
import subprocess

import yaml

from helpers import ROOT

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
    assert "sitetools.build --publish --clean" in steps
