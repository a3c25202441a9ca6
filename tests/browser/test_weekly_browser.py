"""The weekly page types (work schedule week and archive, menu week and
archive, timetable from an HTML export and from a PDF, the list of
timetables, the home block) are axe-clean on a 320 px phone, do not scroll
sideways and request nothing outside 127.0.0.1."""

import pytest

from harness import free_port, serve
from test_accessibility import run_axe
from weekly_site import FRIDAY, preschool_content, preschool_school

PAGES = {
    "schedule-week": "lich-cong-tac/2026-W49/",
    "schedule-archive": "lich-cong-tac/",
    "menu-week": "thuc-don/2026-W49/",
    "menu-archive": "thuc-don/",
    "timetable-html": "thoi-khoa-bieu/tkb-la-1/",
    "timetable-file": "thoi-khoa-bieu/tkb-hoc-ky-1/",
    "timetables": "thoi-khoa-bieu/",
    "home": "",
}


@pytest.fixture(scope="module")
def preschool_site(tmp_path_factory):
    """(output folder, base URL) of a preschool's publish build, served."""
    from truongweb.build import build

    tmp = tmp_path_factory.mktemp("mam-non")
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    output = tmp / "output"
    build(output, content=preschool_content(tmp / "content"), publish=True, cache=tmp / "cache",
          overrides={"SITEURL": base, "SCHOOL": preschool_school(), "WEEKLY_TODAY": FRIDAY,
                     "COMPLIANCE_AS_OF": FRIDAY}, echo=False)
    with serve(output, port):
        yield output, base


@pytest.fixture(scope="module")
def preschool(preschool_site):
    return preschool_site[1]


@pytest.fixture(scope="module")
def preschool_output(preschool_site):
    return preschool_site[0]


@pytest.mark.parametrize("kind", list(PAGES))
def test_weekly_pages_axe_clean_at_320px(preschool, open_page, kind):
    page, _ = open_page(f"{preschool}/{PAGES[kind]}", width=320, height=640)
    assert page.locator("h1").count() == 1
    assert run_axe(page) == [], kind
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0, f"{kind} scrolls sideways by {overflow} px"


def test_weekly_pages_are_valid_html(preschool_output):
    import json
    import shutil
    import subprocess

    from harness import VNU

    java = shutil.which("java")
    if not VNU.is_file() or not java:
        pytest.fail("vnu-jar (npm ci) and Java 11+ are needed")
    files = [str(preschool_output / rel / "index.html") for rel in PAGES.values()]
    proc = subprocess.run([java, "-jar", str(VNU), "--errors-only", "--format", "json", *files],
                          capture_output=True, text=True, timeout=300)
    messages = json.loads(proc.stderr or proc.stdout or '{"messages": []}')["messages"]
    assert [(m.get("url", "").rsplit("output/", 1)[-1], m["message"]) for m in messages] == []
