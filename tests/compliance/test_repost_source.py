"""C15 (repost source shown): a source name with characters that HTML
escapes (``&``, quotes) is found on the page, which holds it escaped."""

import json
import re

from truongweb.plugins.compliance.engine import Site, load_rules, run
from compliance_site import build_small, make_content

SOURCE = "Báo Giáo dục & Thời đại \"Online\""


def test_source_with_ampersand_and_quotes_passes(tmp_path):
    content = make_content(tmp_path / "content")
    article = content / "articles" / "dai-hoi-lien-doi.md"
    text = article.read_text(encoding="utf-8")
    article.write_text(text.replace("source: Báo Phú Thọ", f"source: '{SOURCE}'"), encoding="utf-8")
    output = build_small(tmp_path, content=content)

    page = next(output.glob("doan-doi/*/*/dai-hoi-lien-doi*/index.html"))
    shown = page.read_text(encoding="utf-8")
    assert re.search(r"Báo Giáo dục &amp; Thời đại (&#34;|&quot;)Online(&#34;|&quot;)", shown)
    data = json.loads((output / "kiem-tra-tuan-thu" / "ket-qua.json").read_text(encoding="utf-8"))
    assert any(a["source"] == SOURCE for a in data["manifest"]["articles"])
    rules, _rows = load_rules()
    rule = [r for r in rules if r.id == "C15-nguon"]
    result = run(rule, Site(output, data["manifest"]))[0]
    assert result.status == "pass", result.problems
    assert result.checked == 1
    # The build's own report agrees: no error, so `invoke publish` goes ahead.
    assert data["summary"]["errors"] == 0


def test_missing_source_is_still_reported(tmp_path, small_site):
    data = json.loads((small_site / "kiem-tra-tuan-thu" / "ket-qua.json").read_text(encoding="utf-8"))
    manifest = data["manifest"]
    for article in manifest["articles"]:
        if article["source"]:
            article["source"] = "Báo Giáo dục & Thời đại"
    rules, _rows = load_rules()
    rule = [r for r in rules if r.id == "C15-nguon"]
    result = run(rule, Site(small_site, manifest))[0]
    assert result.status == "error"
    assert "không hiển thị nguồn “Báo Giáo dục & Thời đại”" in result.problems[0]
