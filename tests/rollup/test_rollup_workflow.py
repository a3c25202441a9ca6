"""The district's daily roll-up workflow template is valid (actionlint) and
runs the roll-up every morning."""

import shutil
import subprocess

import yaml

from helpers import ROOT

WORKFLOW = ROOT / "tools" / "district" / "rollup.yml"


def test_actionlint_and_daily_rollup(tmp_path):
    actionlint = shutil.which("actionlint")
    assert actionlint, "actionlint is installed by requirements-test.txt"
    # actionlint reads workflows from a .github/workflows folder
    folder = tmp_path / ".github" / "workflows"
    folder.mkdir(parents=True)
    shutil.copyfile(WORKFLOW, folder / "rollup.yml")
    result = subprocess.run([actionlint, "rollup.yml"], cwd=folder, capture_output=True, text=True, encoding="utf-8")
    assert result.returncode == 0, result.stdout + result.stderr
    workflow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    assert workflow[True]["schedule"][0]["cron"].count(" ") == 4
    steps = " ".join(str(s.get("run", "")) for s in workflow["jobs"]["rollup"]["steps"])
    assert "truongweb rollup truong.yml --output tong-hop" in steps
