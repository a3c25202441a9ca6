"""Pelican glue of the search_index plugin (see the package docstring)."""


from __future__ import annotations

import logging
import os
import re

from pelican import signals
from pelican.generators import ArticlesGenerator, Generator, StaticGenerator

from truongweb import pelican_compat
from truongweb.plugins.vietnamese.dates import format_date

from .indexer import write_index
from .text import record_from_page

logger = logging.getLogger("search_index")


def _date(obj) -> str:
    d = getattr(obj, "date", None)
    return format_date(d) if d is not None and hasattr(d, "strftime") else ""


def _wanted(obj) -> bool:
    flag = str(obj.metadata.get("search", "")).strip().lower()
    return flag not in ("no", "false", "khong", "không", "0")


def records_from_context(generators) -> list[dict]:
    """The arguments of :func:`make_record` for every indexed item (cheap: the
    text is made when the index is written). URLs stay as Pelican gives
    them, relative to the site root."""
    gens = list(generators)
    context = gens[0].context
    records = []
    for obj in list(context.get("articles", [])) + list(context.get("pages", [])):
        if not _wanted(obj):
            continue
        category = getattr(obj, "category", None)
        records.append(dict(
            url=obj.url,
            title=obj.title,
            body_html=pelican_compat.body_html(obj),
            summary_html=str(obj.metadata.get("summary") or ""),
            date=_date(obj) if hasattr(obj, "category") else "",
            category=str(category) if category else "",
            tags=[str(t) for t in getattr(obj, "tags", []) or []],
        ))
    for g in gens:
        for extra in getattr(g, "search_records", None) or []:
            records.append(dict(
                url=extra["url"], title=extra["title"], body_html=extra.get("body_html", ""),
                summary_html=extra.get("summary_html", ""), date=extra.get("date", ""),
                category=extra.get("category", "")))
    return records


def index_url(settings) -> str:
    return settings.get("SEARCH_INDEX_URL", "tim-kiem/chi-muc/")


class SearchPageGenerator(Generator):
    """Writes the search page."""

    def generate_context(self):
        pass

    def generate_output(self, writer):
        save_as = self.settings.get("SEARCH_SAVE_AS", "tim-kiem/index.html")
        url = self.settings.get("SEARCH_URL", "tim-kiem/")
        writer.write_file(save_as, self.get_template("search"), self.context,
                          relative_urls=self.settings.get("RELATIVE_URLS", False),
                          page_name="tim-kiem", url=url, search_index_url=index_url(self.settings))


class _WriteIndex:
    """Stands in Pelican's generator list where the pages under
    ``SEARCH_EXTRA_PATHS`` are written; reads them and writes the index."""

    def __init__(self, raw_records: list[dict], generator: Generator):
        # settings, context, output_path: other plugins read these from any
        # entry of the generator list.
        self.raw_records, self.settings = raw_records, generator.settings
        self.context, self.output_path = generator.context, generator.output_path
        self.count = None

    def generate_output(self, writer):
        siteurl = self.settings.get("SITEURL", "")
        late = extra_records(
            self.output_path, self.settings.get("SEARCH_EXTRA_PATHS", ["van-ban/", "cong-khai/"]))
        cache = self.settings.get("CACHE_PATH")
        folder = os.path.join(self.output_path, *index_url(self.settings).strip("/").split("/"))
        self.count = write_index(self.raw_records, late, folder, siteurl,
                                 os.path.join(cache, "search") if cache else None)
        self.raw_records = None
        logger.info("Tìm kiếm: đã lập chỉ mục %d trang vào %s", self.count, folder)


def write_articles_last(generators: list, step: _WriteIndex) -> None:
    """Reorder Pelican's generator list in place (Pelican writes in this list's
    order after ``all_generators_finalized``): every other generator, then the
    index, then articles, then static files. The pages the index reads from
    written HTML then exist, and with ``parallel_write`` the index is made
    while a forked child writes the article pages. Static files stay last as
    in Pelican (article content marks the ones it links).
    """
    articles = [g for g in generators if isinstance(g, ArticlesGenerator)]
    static = [g for g in generators if isinstance(g, StaticGenerator)]
    others = [g for g in generators if g not in articles and g not in static]
    generators[:] = others + [step] + articles + static


def collect(generators) -> None:
    if not any(isinstance(g, SearchPageGenerator) for g in generators):
        return
    write_articles_last(generators, _WriteIndex(records_from_context(generators), generators[0]))


def extra_records(output_path: str, prefixes) -> list[dict]:
    records = []
    for prefix in prefixes:
        root = os.path.join(output_path, prefix.strip("/"))
        for dirpath, _dirs, files in os.walk(root):
            if "index.html" not in files:
                continue
            rel = os.path.relpath(dirpath, output_path).replace(os.sep, "/")
            if re.search(r"(^|/)trang-\d+$", rel):  # pagination pages repeat the first
                continue
            with open(os.path.join(dirpath, "index.html"), encoding="utf-8") as fp:
                record = record_from_page(fp.read(), f"{rel}/")
            if record:
                records.append(record)
    return sorted(records, key=lambda r: r["url"])


def get_generators(pelican):
    return SearchPageGenerator


def register() -> None:
    signals.get_generators.connect(get_generators)
    signals.all_generators_finalized.connect(collect)
