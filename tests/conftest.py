import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
for path in (ROOT, ROOT / "plugins"):
    if str(path) not in sys.path:
        sys.path.insert(0, str(path))

import pytest  # noqa: E402

from sitetools.build import reset_pelican_signals  # noqa: E402


@pytest.fixture(autouse=True, scope="module")
def _fresh_plugin_signals_per_module():
    """Pelican's signals are process-wide: a build in one test module must not
    run the plugins another module's build registered."""
    reset_pelican_signals()


@pytest.fixture(autouse=True)
def _fresh_plugin_signals_per_test():
    reset_pelican_signals()
