"""axe-core (WCAG 2.1 A + AA rules) finds no violation on any page type."""

import pytest

from harness import AXE
from pagetypes import PAGE_TYPES

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def run_axe(page) -> list[dict]:
    if not AXE.is_file():
        pytest.fail("node_modules/axe-core is missing: run `npm ci` (see .ci/run)")
    # Evaluated through the DevTools protocol: a <script> tag with axe's code
    # inline would be refused by the site's Content-Security-Policy.
    page.evaluate(AXE.read_text(encoding="utf-8") + "\n;undefined")
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})",
        WCAG_TAGS)
    return [{"id": v["id"], "impact": v["impact"], "help": v["help"],
             "targets": [n["target"] for n in v["nodes"]][:5]} for v in result["violations"]]


@pytest.mark.parametrize("kind", PAGE_TYPES)
def test_no_wcag_violation(site, open_page, kind):
    page, _ = open_page(site.url(kind))
    violations = run_axe(page)
    assert violations == [], f"{kind}: {violations}"


@pytest.mark.parametrize("kind", PAGE_TYPES)
def test_no_wcag_violation_on_a_phone(site, open_page, kind):
    # 320 px: wide tables scroll inside their region, which must take keyboard
    # focus (axe scrollable-region-focusable).
    page, _ = open_page(site.url(kind), width=320, height=640)
    violations = run_axe(page)
    assert violations == [], f"{kind}: {violations}"
