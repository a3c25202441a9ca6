"""Old addresses keep working: a page at each old address leads to the new one.

Reads ``content/duong-dan-cu.yml`` (old path -> content file, written by
``truongweb.import_site``) and, for every listed file that is published in
this build, writes ``old_urls/redirect.html`` at the old path: a visible
link, ``rel=canonical`` and a meta refresh to the same site's new address
(nothing from another host). Old paths that would leave the output folder
or overwrite a page of the site are refused with a warning. Also writes the
whole map as ``duong-dan-cu.json``.

Signals: ``get_generators`` (a generator that runs after the articles and
pages generators have their context).
"""

import json
import logging
import os
from pathlib import Path

from pelican import signals

logger = logging.getLogger(__name__)
MAP_FILE = "duong-dan-cu.yml"


def _safe_path(path):
    from truongweb.importing.mapping import safe_output_path

    return safe_output_path(path)


class OldUrlsGenerator:
    def __init__(self, context, settings, path, theme, output_path, *args, **kwargs):
        self.context, self.settings, self.path, self.output_path = context, settings, path, output_path

    def generate_context(self):
        pass

    def generate_output(self, writer):
        map_path = Path(self.path) / MAP_FILE
        if not map_path.is_file():
            return
        from truongweb.plugins.content_schema.safe_yaml import load_limited_data

        data = load_limited_data(map_path.read_text(encoding="utf-8")) or {}
        if not isinstance(data, dict):
            logger.error("Tệp content/%s: cần các dòng “địa chỉ cũ: tệp bài viết”.", MAP_FILE)
            return
        by_source = {}
        for item in list(self.context.get("articles", [])) + list(self.context.get("pages", [])):
            rel = os.path.relpath(item.source_path, self.path).replace(os.sep, "/")
            by_source[rel] = item
        siteurl = self.settings.get("SITEURL", "")
        written = {}
        for old, target in sorted(data.items()):
            item = by_source.get(str(target))
            if item is None:
                continue  # a draft, hidden or future article: no page to lead to yet
            out = _safe_path(str(old))
            if out is None:
                logger.warning("Tệp content/%s: địa chỉ cũ không hợp lệ, bỏ qua: %s", MAP_FILE, old)
                continue
            if out == item.save_as:
                continue  # the address did not change: the page itself is there
            if (Path(self.output_path) / out).exists() and out not in written:
                logger.warning("Tệp content/%s: địa chỉ cũ %s trùng một trang của trang web, không ghi đè.",
                               MAP_FILE, old)
                continue
            url = f"{siteurl}/{item.url}"
            writer.write_file(out, self.env.get_template("old_urls/redirect.html"), self.context,
                              relative_urls=False, target=item, target_url=url, old_path=old)
            written[out] = url
        if written:
            Path(self.output_path, "duong-dan-cu.json").write_text(
                json.dumps({"/" + k: v for k, v in sorted(written.items())}, ensure_ascii=False, indent=1),
                encoding="utf-8")


def _generator(pelican):
    return _Bound


class _Bound(OldUrlsGenerator):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        from pelican.generators import Generator

        # the site's Jinja environment (filters, globals, theme) without re-reading templates
        self.env = Generator(self.context, self.settings, self.path, self.settings["THEME"],
                             self.output_path).env


def register():
    signals.get_generators.connect(_generator)
