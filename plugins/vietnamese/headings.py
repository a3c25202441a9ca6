"""Markdown extension: every heading gets an id from its Vietnamese slug
("Đại hội Đoàn" → ``id="dai-hoi-doan"``, repeats get ``_1``, ``_2``).

The ids are exactly those of Python-Markdown's ``toc`` extension with our
slugify; only the table of contents, which that extension builds and
serializes for every document and no page of this theme shows, is left out
(it cost about a tenth of the time to read an article). Pure: no Pelican
import. Use as ``MARKDOWN["extension_configs"]["truongweb.plugins.vietnamese.headings"] = {}``.
"""

import html
import re

from markdown.extensions import Extension
from markdown.extensions.toc import remove_fnrefs, render_inner_html, strip_tags, unique
from markdown.treeprocessors import Treeprocessor

from .text import slugify

_HEADING = re.compile(r"[Hh][1-6]")


class HeadingIds(Treeprocessor):
    def run(self, root):
        used = {el.attrib["id"] for el in root.iter() if "id" in el.attrib}
        counters: dict[str, int] = {}
        for el in root.iter():
            if isinstance(el.tag, str) and _HEADING.fullmatch(el.tag) and "id" not in el.attrib:
                name = strip_tags(render_inner_html(remove_fnrefs(el), self.md))
                el.attrib["id"] = unique(slugify(html.unescape(name)), used, counters)


class HeadingIdsExtension(Extension):
    def extendMarkdown(self, md):
        md.registerExtension(self)
        # Same place as the toc extension: after inline processing.
        md.treeprocessors.register(HeadingIds(md), "heading_ids", 5)


def makeExtension(**kwargs):
    return HeadingIdsExtension(**kwargs)
