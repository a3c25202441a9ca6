"""The roll-up's domain modules import neither Pelican nor the HTTP client."""

import subprocess
import sys


def test_domain_modules_are_pure():
    code = ("import sys;"
            "from truongweb.plugins.district_rollup import contract, schools, merge, verify, dashboard;"
            "bad = [m for m in ('pelican', 'httpx') if m in sys.modules]; print(bad); sys.exit(1 if bad else 0)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
