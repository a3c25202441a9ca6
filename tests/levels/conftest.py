"""Fixtures of the level tests: a small site of each kind of unit, built once
per test session (see level_sites.py)."""

import json

import pytest

from compliance_site import build_small
from level_sites import level_content, school_settings


class BuiltSite:
    def __init__(self, level, output):
        self.level = level
        self.output = output
        self.results = json.loads((output / "kiem-tra-tuan-thu" / "ket-qua.json").read_text("utf-8"))

    def status(self, rule_id):
        return next(r for r in self.results["results"] if r["id"] == rule_id)["status"]

    def page(self, url):
        return (self.output / url / "index.html").read_text("utf-8")


_BUILT = {}


@pytest.fixture(scope="session")
def built(tmp_path_factory):
    """built(level, **school) -> BuiltSite; each (level, school) built once."""

    def get(level, **extra):
        key = (level, json.dumps(extra, sort_keys=True))
        if key not in _BUILT:
            tmp = tmp_path_factory.mktemp(f"level-{level}")
            content = level_content(tmp / "content", level, menus="mam-non" in extra.get("stages", ()))
            output = build_small(tmp, content, SCHOOL=school_settings(level, **extra))
            _BUILT[key] = BuiltSite(level, output)
        return _BUILT[key]

    return get
