"""Heading ids come from the Vietnamese slug, exactly as the toc extension
would make them (which the extension replaces to save reading time)."""

import markdown

from truongweb.plugins.vietnamese.text import slugify

SOURCE = """# Đại hội Đoàn

## Đại hội Đoàn

## **Kết quả** `x` &amp; <b>html</b>

Văn bản[^1]

### Kết quả[^1]

## Đã có id {#rieng}

[^1]: Ghi chú
"""


def test_same_ids_as_the_toc_extension():
    ours = markdown.markdown(SOURCE, extensions=["extra", "truongweb.plugins.vietnamese.headings"],
                             output_format="html5")
    toc = markdown.markdown(SOURCE, extensions=["extra", "toc"],
                            extension_configs={"toc": {"slugify": slugify}}, output_format="html5")
    assert ours == toc
    assert '<h1 id="dai-hoi-doan">Đại hội Đoàn</h1>' in ours
    assert '<h2 id="dai-hoi-doan_1">Đại hội Đoàn</h2>' in ours
    assert '<h2 id="rieng">Đã có id</h2>' in ours
