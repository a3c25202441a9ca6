import pytest
from playwright.sync_api import expect

# Playwright's default 5 s wait is too short on a loaded 2-core machine (the
# search page's first index download, a page's first render). A wait that passes
# returns as soon as its condition holds, so this costs nothing when all is well.
expect.set_options(timeout=20_000)

from truongweb.build import reset_pelican_signals


@pytest.fixture(autouse=True, scope="module")
def _fresh_plugin_signals_per_module():
    """Pelican's signals are process-wide: a build in one test module must not
    run the plugins another module's build registered."""
    reset_pelican_signals()


@pytest.fixture(autouse=True)
def _fresh_plugin_signals_per_test():
    reset_pelican_signals()


@pytest.fixture(scope="session")
def playwright_session():
    """One Playwright driver for the whole run: its sync API refuses to start
    while another instance is running, so every browser test shares this one."""
    from playwright.sync_api import sync_playwright

    manager = sync_playwright().start()
    yield manager
    manager.stop()


@pytest.fixture(scope="session")
def browser(playwright_session):
    """One headless Debian Chromium for every browser test of the run."""
    from harness import chromium_available, launch

    if not chromium_available():
        pytest.fail("Chromium is missing: apt-get install -y chromium (see .ci/run)")
    b = launch(playwright_session)
    yield b
    b.close()
