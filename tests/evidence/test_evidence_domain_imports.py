"""The domain modules import without Pelican (the web editor imports the plan loader)."""

import subprocess
import sys
from pathlib import Path

PLUGINS = Path(__file__).resolve().parents[2] / "plugins"


def test_domain_does_not_import_pelican():
    code = (
        "import sys; sys.path.insert(0, sys.argv[1]);"
        "import plan_evidence.plans, plan_evidence.periods, plan_evidence.counting,"
        " plan_evidence.export, plan_evidence.views;"
        "from plan_evidence import load_plans, PlanError, TaggingError;"
        "bad = [m for m in sys.modules if m == 'pelican' or m.startswith('pelican.')];"
        "print(bad); sys.exit(1 if bad else 0)"
    )
    result = subprocess.run([sys.executable, "-c", code, str(PLUGINS)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
