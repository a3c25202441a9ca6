"""Home ≤ 60 KB and article ≤ 40 KB transferred with gzip (HTML+CSS+JS, no images)."""

import sys

from harness import ROOT

from page_weight import TARGETS, measure


def test_page_weight_targets(site):
    for kind, limit in TARGETS.items():
        rel = site.pages[kind]
        m = measure(site.output, rel, base=site.base)
        print(f"{kind}: {m['total']} B gzip ({m})")
        assert m["total"] <= limit, (kind, m)
        assert m["html"] > 500  # measured something real
