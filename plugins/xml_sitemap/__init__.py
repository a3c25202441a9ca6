"""sitemap.xml and robots.txt, each page's ``lastmod`` the newest date of
the content it shows (replaces pelican-sitemap, which gave every page
without its own date the build time, so every page looked changed on every
build).

- an article or page: its ``modified`` or ``date`` (a page without either
  gets no ``lastmod``);
- a listing Pelican writes (home, category, tag, author, archives, their
  pagination): the newest of the articles it lists;
- a page of another plugin: the date it passes as ``sitemap_lastmod`` to the
  template (None or absent: no ``lastmod``);
- a page written after the sitemap (the compliance report, which checks the
  sitemap): a generator with ``sitemap_pages()`` returning
  ``[(save_as, lastmod)]`` announces it.
Drafts and hidden items, categories without an article yet, and URLs matching ``SITEMAP["exclude"]`` (regular
expressions), are left out. ``loc`` is absolute when SITEURL is set.

Signals: ``initialized`` (forget an earlier build), ``content_written``
(record each page), ``all_generators_finalized`` (announced pages),
``finalized`` (write both files; before the compliance plugin reads them).
"""

import os

from pelican import signals

from .sitemap import Entry, SitemapError, newest, read_config, render, robots_txt, url_of

_PAGES: dict[str, Entry] = {}
# Pelican hands every page of a paginated listing the listing's whole article
# list: its newest date is worked out once per list, not once per page
# (quadratic: 1.6 s of a 2,000-article build). Keyed by the list's id, the
# list kept alive with its value so the id cannot be reused this build.
_LISTED: dict[int, tuple[list, object]] = {}


def _newest_of(items):
    return newest(*(newest(getattr(i, "modified", None), getattr(i, "date", None)) for i in items))


def _published(item) -> bool:
    return getattr(item, "status", "published") == "published"


def _newest_listed(articles):
    if not isinstance(articles, list):
        return _newest_of([a for a in articles or () if _published(a)])
    known = _LISTED.get(id(articles))
    if known is None or known[0] is not articles:
        known = _LISTED[id(articles)] = (articles, _newest_of(a for a in articles if _published(a)))
    return known[1]


def forget(pelican):
    _PAGES.clear()
    _LISTED.clear()
    read_config(pelican.settings.get("SITEMAP"))  # a bad setting stops the build early


def page_written(path, context=None):
    context = context or {}
    output = context.get("OUTPUT_PATH")
    relative = os.path.relpath(path, output) if output else os.path.basename(path)
    if not relative.endswith(".html") or relative.startswith(".."):
        return
    item = context.get("article") or context.get("page")
    if "sitemap_lastmod" in context:
        entry = Entry(url_of(relative), context["sitemap_lastmod"], "pages")
    elif item is not None:
        if not _published(item):
            return
        kind = "articles" if context.get("article") is not None else "pages"
        entry = Entry(url_of(item.url) if getattr(item, "url", None) else url_of(relative),
                      _newest_of([item]), kind)
    elif context.get("blog") and context.get("category") is not None and not context.get("articles"):
        return  # a category before its first article (category_pages): nothing to index yet
    elif context.get("blog"):  # Pelican's listings; its writer keeps template_name to itself
        entry = Entry(url_of(relative), _newest_listed(context.get("articles")), "indexes")
    else:
        entry = Entry(url_of(relative), None, "pages")
    _PAGES[entry.url] = entry


def announced(generators):
    for generator in generators:
        for save_as, lastmod in getattr(generator, "sitemap_pages", lambda: ())():
            entry = Entry(url_of(save_as), lastmod, "pages")
            _PAGES[entry.url] = entry


def write(pelican):
    settings = pelican.settings
    siteurl = settings.get("SITEURL") or ""
    text = render(list(_PAGES.values()), siteurl, read_config(settings.get("SITEMAP")))
    _PAGES.clear()  # pages written after this (the compliance report) were announced
    _LISTED.clear()
    output = pelican.output_path
    with open(os.path.join(output, "sitemap.xml"), "w", encoding="utf-8") as handle:
        handle.write(text)
    with open(os.path.join(output, "robots.txt"), "w", encoding="utf-8") as handle:
        handle.write(robots_txt(siteurl))


def register():
    signals.initialized.connect(forget)
    signals.content_written.connect(page_written)
    signals.all_generators_finalized.connect(announced)
    signals.finalized.connect(write)


__all__ = ["SitemapError", "register"]
