"""Fixtures for the compliance tests: one real build of the small site
(see compliance_site.py), shared by the tests that only read it."""

import sys
from pathlib import Path

import pytest

from compliance_site import build_small


@pytest.fixture(scope="session")
def small_site(tmp_path_factory):
    """The built small site (shared, never modified: copy before editing)."""
    return build_small(tmp_path_factory.mktemp("small"))
