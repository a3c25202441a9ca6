"""The domain modules import without Pelican (the web editor imports the plan loader)."""

import subprocess
import sys


def test_domain_does_not_import_pelican():
    code = (
        "import sys;"
        "import truongweb.plugins.plan_evidence.plans, truongweb.plugins.plan_evidence.periods,"
        " truongweb.plugins.plan_evidence.counting, truongweb.plugins.plan_evidence.export,"
        " truongweb.plugins.plan_evidence.views;"
        "from truongweb.plugins.plan_evidence import load_plans, PlanError, TaggingError;"
        "bad = [m for m in sys.modules if m == 'pelican' or m.startswith('pelican.')];"
        "print(bad); sys.exit(1 if bad else 0)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
