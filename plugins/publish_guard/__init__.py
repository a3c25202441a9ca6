"""Keeps unannounced articles and pages off the public site.

One meaning of ``status`` for articles and pages alike: ``draft`` and
``hidden`` are never published. With ``PUBLISH_MODE = True`` (publishconf.py)
hidden and draft articles and pages are dropped before anything is listed or
written, so they reach no page, feed, sitemap or search index. Locally
nothing is dropped: a draft is previewed under ``ban-nhap/``, a hidden item
at its own address but in no list, both marked by a banner and ``noindex``.
Future-dated articles are already drafts because ``WITH_FUTURE_DATES =
False``. Signals: ``article_generator_pretaxonomy``, ``page_generator_finalized``.
"""

from pelican import signals

_ARTICLE_LISTS = ("hidden_articles", "hidden_translations", "drafts", "drafts_translations")
_PAGE_LISTS = ("hidden_pages", "hidden_translations", "draft_pages", "draft_translations")


def _drop(generator, names):
    if not generator.settings.get("PUBLISH_MODE"):
        return
    for name in names:
        setattr(generator, name, [])
        if name in generator.context:  # the page generator already published its lists
            generator.context[name] = []


def drop_unpublished(generator):
    _drop(generator, _ARTICLE_LISTS)


def drop_unpublished_pages(generator):
    _drop(generator, _PAGE_LISTS)


def register():
    signals.article_generator_pretaxonomy.connect(drop_unpublished)
    signals.page_generator_finalized.connect(drop_unpublished_pages)
