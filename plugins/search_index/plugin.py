"""Pelican glue of the search_index plugin (see the package docstring)."""


from __future__ import annotations

import logging
import os
import re
from urllib.parse import urlsplit

from pelican import signals
from pelican.generators import ArticlesGenerator, Generator, StaticGenerator

from truongweb import pelican_compat

from .indexer import BackgroundIndex, SearchIndexError
from .text import record_from_page

logger = logging.getLogger("search_index")


def _date(obj) -> str:
    d = getattr(obj, "date", None)
    return d.strftime("%d/%m/%Y") if d is not None and hasattr(d, "strftime") else ""


def _wanted(obj) -> bool:
    flag = str(obj.metadata.get("search", "")).strip().lower()
    return flag not in ("no", "false", "khong", "không", "0")


def records_from_context(generators) -> list[dict]:
    """The arguments of :func:`make_record` for every indexed item (cheap: the
    folding itself runs in the background indexer)."""
    gens = list(generators)
    context = gens[0].context
    siteurl = context.get("SITEURL", "").rstrip("/")
    records = []
    for obj in list(context.get("articles", [])) + list(context.get("pages", [])):
        if not _wanted(obj):
            continue
        category = getattr(obj, "category", None)
        records.append(dict(
            url=f"{siteurl}/{obj.url}",
            title=obj.title,
            body_html=pelican_compat.body_html(obj),
            summary_html=str(obj.metadata.get("summary") or ""),
            date=_date(obj) if hasattr(obj, "category") else "",
            category=str(category) if category else "",
            tags=[str(t) for t in getattr(obj, "tags", []) or []],
        ))
    for g in gens:
        for extra in getattr(g, "search_records", None) or []:
            url = extra["url"]
            if not url.startswith(("http://", "https://", "/")):
                url = f"{siteurl}/{url}"
            records.append(dict(
                url=url, title=extra["title"], body_html=extra.get("body_html", ""),
                summary_html=extra.get("summary_html", ""), date=extra.get("date", ""),
                category=extra.get("category", "")))
    return records


class SearchPageGenerator(Generator):
    """Writes the search page; starts the background indexer for the build."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        key = os.path.realpath(self.output_path)
        for stale in list(_PENDING):  # earlier builds in this process that failed
            _PENDING.pop(stale).cancel()
        cache = self.settings.get("CACHE_PATH")
        _PENDING[key] = BackgroundIndex(os.path.join(self.output_path, "pagefind"),
                                        urlsplit(self.settings.get("SITEURL", "")).path,
                                        os.path.join(cache, "search") if cache else None)

    def generate_context(self):
        pass

    def generate_output(self, writer):
        save_as = self.settings.get("SEARCH_SAVE_AS", "tim-kiem/index.html")
        url = self.settings.get("SEARCH_URL", "tim-kiem/")
        writer.write_file(save_as, self.get_template("search"), self.context,
                          relative_urls=self.settings.get("RELATIVE_URLS", False),
                          page_name="tim-kiem", url=url)


# The indexer running for each build, keyed by the real output path.
_PENDING: dict[str, BackgroundIndex] = {}


class _LateRecords:
    """Stands in Pelican's generator list where the pages under
    ``SEARCH_EXTRA_PATHS`` are written; reads them and hands them over."""

    def __init__(self, indexer: BackgroundIndex, generator: Generator):
        # settings, context, output_path: other plugins read these from any
        # entry of the generator list.
        self.indexer, self.settings = indexer, generator.settings
        self.context, self.output_path = generator.context, generator.output_path

    def generate_output(self, writer):
        self.indexer.add_late(extra_records(
            self.output_path, self.settings.get("SEARCH_EXTRA_PATHS", ["van-ban/", "cong-khai/"]),
            self.settings.get("SITEURL", "").rstrip("/")))


def write_articles_last(generators: list, late: _LateRecords) -> None:
    """Reorder Pelican's generator list in place (Pelican writes in this list's
    order after ``all_generators_finalized``): every other generator, then the
    late records, then articles, then static files. The pages the index reads
    from written HTML then exist early, so the index is finished while the
    bulk of the site, the articles, is written, instead of after it. Static
    files stay last as in Pelican (article content marks the ones it links).
    """
    articles = [g for g in generators if isinstance(g, ArticlesGenerator)]
    static = [g for g in generators if isinstance(g, StaticGenerator)]
    others = [g for g in generators if g not in articles and g not in static]
    generators[:] = others + [late] + articles + static


def collect(generators) -> None:
    if not any(isinstance(g, SearchPageGenerator) for g in generators):
        return
    indexer = _PENDING.get(os.path.realpath(generators[0].output_path))
    if indexer is None:
        return
    indexer.index(records_from_context(generators))
    write_articles_last(generators, _LateRecords(indexer, generators[0]))


def extra_records(output_path: str, prefixes, siteurl: str) -> list[dict]:
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
                record = record_from_page(fp.read(), f"{siteurl}/{rel}/")
            if record:
                records.append(record)
    return sorted(records, key=lambda r: r["url"])


def write(pelican) -> None:
    key = os.path.realpath(pelican.output_path)
    if key not in _PENDING:
        return
    count = _PENDING.pop(key).finish()
    bundle = os.path.join(pelican.output_path, "pagefind")
    logger.info("Tìm kiếm: đã lập chỉ mục %d trang vào %s", count, bundle)


def get_generators(pelican):
    return SearchPageGenerator


def register() -> None:
    signals.get_generators.connect(get_generators)
    signals.all_generators_finalized.connect(collect)
    signals.finalized.connect(write)
