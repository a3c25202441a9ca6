"""The district dashboard is axe-clean on a phone (320 px) and a desktop,
requests nothing outside 127.0.0.1 and does not overflow sideways."""

import sys
from pathlib import Path

import pytest

from dashboard_data import sample_doc
from truongweb.plugins.district_rollup.dashboard import write_dashboard
from harness import serve
from test_accessibility import run_axe


@pytest.fixture(scope="module")
def dashboard(tmp_path_factory):
    out = tmp_path_factory.mktemp("tong-hop")
    write_dashboard(sample_doc(), out)
    with serve(out) as base:
        yield base


@pytest.mark.parametrize("path", ["", "truong/cham/", "truong/moi/", "bao-cao/"])
@pytest.mark.parametrize("width", [320, 1280])
def test_axe_clean(dashboard, open_page, path, width):
    page, _ = open_page(f"{dashboard}/{path}", width=width)
    assert run_axe(page) == []
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0
