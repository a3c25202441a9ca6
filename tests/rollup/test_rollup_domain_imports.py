"""The roll-up's domain modules import neither Pelican nor the HTTP client."""

import subprocess
import sys
from pathlib import Path

PLUGINS = Path(__file__).resolve().parents[2] / "plugins"


def test_domain_modules_are_pure():
    code = ("import sys; sys.path.insert(0, sys.argv[1]);"
            "import district_rollup.contract, district_rollup.schools, district_rollup.merge,"
            " district_rollup.verify, district_rollup.dashboard;"
            "bad = [m for m in ('pelican', 'httpx') if m in sys.modules]; print(bad); sys.exit(1 if bad else 0)")
    result = subprocess.run([sys.executable, "-c", code, str(PLUGINS)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
